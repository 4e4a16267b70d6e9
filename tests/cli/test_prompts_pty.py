"""The interactive flows in a real pseudo-terminal: prompts, menus, re-asking and Ctrl-C.

Each test runs the installed `smcoach` console script under pexpect with its own database and a
pinned date, answers the questions as a person would, then reads the database back through
`smcoach ... --json`.
"""

import os
import stat
import subprocess
from pathlib import Path

import pytest

from ptyhelp import (
    AGAIN,
    CHOICE,
    CONFIDENCE,
    HOW_MUCH,
    HOW_OFTEN,
    SMCOACH,
    WHAT,
    WHEN,
    Session,
    run_json,
    terminal_env,
)

MONDAY = "2026-11-23"

# Question cards (content/cards/en.toml) and catalogue lines, as the person sees them.
GO_ON = "How would you like to go on?"
GO_ON_MENU = [
    "  1. do less each time",
    "  2. do it on fewer days",
    "  3. choose another time",
    "  4. choose something else to do",
    "  5. look at what is in the way",
    "  6. keep the plan as it is",
]
CHECK_MENU = ["  1. done", "  2. partly", "  3. not done", "  4. rest day", "  5. skip for now"]
NOTE = "Anything you want to note? (Enter for nothing): "
INTERRUPTED = "Interrupted. Only what smcoach said it saved is kept."


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return terminal_env(tmp_path, MONDAY)


def only_plan(env: dict[str, str]) -> dict[str, object]:
    plans = run_json(env, "plan", "list")
    assert isinstance(plans, list) and len(plans) == 1, plans
    return plans[0]


def start_plan(
    env: dict[str, str], what: str, how_much: str, when: str, days: str, confidence: str
) -> Session:
    """`smcoach plan new` with no flags, answered up to and including the confidence."""
    s = Session(env, "plan", "new")
    s.see("Let's make an action plan: one specific thing you want to do this week.")
    s.answer(WHAT + ": ", what)
    s.answer(HOW_MUCH + ": ", how_much)
    s.answer(WHEN + ": ", when)
    s.answer(HOW_OFTEN + ": ", days)
    s.answer(CONFIDENCE + ": ", confidence)
    return s


def low_confidence_menu(s: Session, confidence: int) -> None:
    s.see(
        f"Think about (your confidence): Your confidence is {confidence} out of 10.",
        GO_ON,
        *GO_ON_MENU,
        CHOICE,
    )


def test_low_confidence_make_it_fewer_days_then_save(env: dict[str, str]) -> None:
    s = start_plan(env, "walk round the park", "15 minutes", "after lunch", "mon,wed,fri", "5")
    low_confidence_menu(s, 5)
    s.child.sendline("2")
    s.answer(f"{HOW_OFTEN} {AGAIN} [mon,wed,fri]: ", "mon,fri")
    s.answer(CONFIDENCE + ": ", "8")
    s.see("Saved action plan 1: Mon 23 Nov 2026 to Sun 29 Nov 2026.")
    assert s.finish() == 0

    plan = only_plan(env)
    assert plan["what"] == "walk round the park"
    assert plan["days"] == ["mon", "fri"]
    assert plan["times"] is None
    assert plan["confidence"] == 8
    assert plan["first_confidence"] == 5
    assert plan["kept_low_confidence"] is False
    assert plan["barrier"] is None


def test_low_confidence_keep_as_it_is(env: dict[str, str]) -> None:
    s = start_plan(env, "walk round the park", "15 minutes", "after lunch", "mon,wed,fri", "5")
    low_confidence_menu(s, 5)
    s.child.sendline("6")
    s.see("Saved action plan 1:")
    assert s.finish() == 0
    assert CONFIDENCE not in s.transcript.split(GO_ON, 1)[1], "confidence was asked again"

    plan = only_plan(env)
    assert plan["days"] == ["mon", "wed", "fri"]
    assert plan["confidence"] == 5
    assert plan["first_confidence"] == 5
    assert plan["kept_low_confidence"] is True


def test_low_confidence_look_at_what_is_in_the_way(env: dict[str, str]) -> None:
    s = start_plan(env, "walk round the park", "15 minutes", "after lunch", "mon,wed,fri", "4")
    low_confidence_menu(s, 4)
    s.child.sendline("5")
    s.answer("What might get in the way?: ", "rain on the way out")
    s.answer("What is one thing you could do about that? (Enter to skip): ", "take my umbrella")
    s.answer(CONFIDENCE + ": ", "7")
    s.see("Saved action plan 1:")
    assert s.finish() == 0

    plan = only_plan(env)
    assert "rain on the way out" in plan["barrier"]
    assert "take my umbrella" in plan["barrier"]
    assert plan["confidence"] == 7
    assert plan["first_confidence"] == 4
    assert plan["kept_low_confidence"] is False
    assert plan["days"] == ["mon", "wed", "fri"]


def test_hedge_is_pointed_out_and_what_can_be_changed(env: dict[str, str]) -> None:
    s = start_plan(env, "try to walk", "10 minutes", "after breakfast", "mon,thu", "8")
    s.see(
        "Think about (what you will do): Words like 'try', 'should' or 'maybe' leave a back "
        "door open."
    )
    # The coach asks again for the part the finding is about, with the answer as it stands.
    s.answer(f"{WHAT} {AGAIN} [try to walk]: ", "walk to the shop")
    s.answer(CONFIDENCE + ": ", "8")
    s.see("Saved action plan 1:")
    assert s.finish() == 0
    assert GO_ON not in s.transcript

    plan = only_plan(env)
    assert plan["what"] == "walk to the shop"
    assert plan["how_much"] == "10 minutes"
    assert plan["days"] == ["mon", "thu"]
    assert plan["confidence"] == 8
    assert plan["first_confidence"] == 8
    assert plan["kept_low_confidence"] is False


def test_ctrl_c_part_way_through_plan_new_saves_nothing(env: dict[str, str]) -> None:
    s = Session(env, "plan", "new")
    s.answer(WHAT + ": ", "walk round the park")
    s.interrupt(HOW_MUCH + ": ")
    s.see(INTERRUPTED)
    assert s.finish() == 130

    out = s.transcript
    assert [line for line in out.splitlines() if "Interrupted" in line] == [INTERRUPTED]
    assert "Traceback" not in out
    assert "Aborted" not in out
    assert run_json(env, "plan", "list") == []
    assert stat.S_IMODE(os.stat(env["SMCOACH_DB"]).st_mode) == 0o600


def test_agenda_add_asks_for_the_text_and_keeps_it_as_typed(env: dict[str, str]) -> None:
    typed = "[red]bold[/red] on the stairs"
    s = Session(env, "agenda", "add")
    s.answer("What is a challenge you want to work on?: ", typed)
    s.see("Added agenda item 1.")
    assert s.finish() == 0

    items = run_json(env, "agenda", "list")
    assert [(i["id"], i["text"], i["status"]) for i in items] == [(1, typed, "open")]


def test_agenda_focus_without_an_id_shows_the_items_before_asking(env: dict[str, str]) -> None:
    for text in ("Stairs", "Sleeping badly"):
        subprocess.run([SMCOACH, "agenda", "add", text], env=env, check=True, capture_output=True)
    s = Session(env, "agenda", "focus")
    s.see("Stairs", "Sleeping badly")  # the IDs to choose from
    s.answer("Which agenda item (ID)?: ", "2")
    s.see("Agenda item 2 is now your focus.")
    assert s.finish() == 0
    assert s.transcript.index("Sleeping badly") < s.transcript.index("Which agenda item")


def test_check_in_asks_each_day_and_keeps_answers_given_before_ctrl_c(
    env: dict[str, str],
) -> None:
    made = subprocess.run(
        [
            SMCOACH,
            "plan",
            "new",
            "--what",
            "walk",
            "--how-much",
            "10 minutes",
            "--when",
            "morning",
            "--days",
            "mon,tue,wed",
            "--confidence",
            "8",
            "--start",
            MONDAY,
        ],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=30,
    )
    assert made.returncode == 0, made.stderr

    s = Session({**env, "SMCOACH_TODAY": "2026-11-25"}, "check")
    status = "How did it go? done, partly, not done, rest day, or skip"
    s.see(f"Mon 23 Nov, plan 1 (walk): {status}", *CHECK_MENU)
    s.answer(CHOICE, "1")
    s.see("Checked in for Mon 23 Nov: done.")  # kept before the note is asked
    s.answer(NOTE, "went with my neighbour")
    s.see("Note kept with Mon 23 Nov 2026.")
    s.see(f"Tue 24 Nov, plan 1 (walk): {status}", *CHECK_MENU)
    s.answer(CHOICE, "5")
    s.see(f"Wed 25 Nov, plan 1 (walk): {status}", *CHECK_MENU)
    s.interrupt(CHOICE)
    s.see(INTERRUPTED)
    assert s.finish() == 130
    assert "Traceback" not in s.transcript
    assert "Checked in for Tue" not in s.transcript

    plan = run_json(env, "plan", "show", "1")
    assert plan["checkins"] == [
        {"day": "2026-11-23", "status": "done", "note": "went with my neighbour"}
    ]


def test_wrong_confidence_is_asked_again(env: dict[str, str]) -> None:
    s = start_plan(env, "walk round the park", "15 minutes", "after lunch", "mon,wed,fri", "11")
    s.see("  confidence must be a whole number from 0 to 10, got 11")
    s.answer(CONFIDENCE + ": ", "9")
    s.see("Saved action plan 1:")
    assert s.finish() == 0
    assert s.transcript.count(CONFIDENCE + ": ") == 2

    plan = only_plan(env)
    assert plan["confidence"] == 9
    assert plan["first_confidence"] == 9
    assert plan["kept_low_confidence"] is False
