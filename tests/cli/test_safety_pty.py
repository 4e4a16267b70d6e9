"""Safety at a real terminal (pexpect): a plan that needs a professional's agreement is asked
to be confirmed, changed or left; words that call for help are signposted as they are typed."""

from pathlib import Path

import pytest

from ptyhelp import (
    AGAIN,
    CHOICE,
    CONFIDENCE,
    HOW_MUCH,
    HOW_OFTEN,
    WHAT,
    WHEN,
    Session,
    run_json,
    terminal_env,
)

AGREED = "Have you agreed this with your doctor, nurse, pharmacist or physiotherapist?"
AGREED_MENU = [
    "  1. yes, I have agreed it with them",
    "  2. change the plan",
    "  3. leave it for now, and ask them first",
]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**terminal_env(tmp_path), "LANG": "en_GB.UTF-8", "LC_ALL": ""}


def plan_up_to_confidence(env: dict[str, str], what: str) -> Session:
    s = Session(env, "plan", "new")
    s.answer(WHAT + ": ", what)
    s.answer(HOW_MUCH + ": ", "one puff")
    s.answer(WHEN + ": ", "before my walk")
    s.answer(HOW_OFTEN + ": ", "mon,wed,fri")
    s.answer(CONFIDENCE + ": ", "8")
    return s


def test_a_medicine_change_is_saved_once_agreed_with_a_professional(env):
    s = plan_up_to_confidence(env, "take an extra puff of my blue inhaler")
    s.see("Please note (what you will do): Starting, stopping or changing a medicine")
    s.see(AGREED, *AGREED_MENU)
    s.answer(CHOICE, "1")
    s.see("Saved action plan 1")
    assert s.finish() == 0
    [plan] = run_json(env, "plan", "list")
    assert plan["agreed_with_professional"] is True


def test_changing_the_plan_asks_that_part_again(env):
    s = plan_up_to_confidence(env, "take an extra puff of my blue inhaler")
    s.see(AGREED, *AGREED_MENU)
    s.answer(CHOICE, "change the plan")  # the menu takes its words as well as numbers
    s.answer(f"{WHAT} {AGAIN} [take an extra puff of my blue inhaler]: ", "walk to the gate")
    s.answer(CONFIDENCE + ": ", "9")
    s.see("Saved action plan 1")
    assert s.finish() == 0
    [plan] = run_json(env, "plan", "list")
    assert (plan["what"], plan["agreed_with_professional"]) == ("walk to the gate", False)


def test_leaving_it_saves_nothing_and_is_not_an_error(env):
    s = plan_up_to_confidence(env, "stop my statins")
    s.see(AGREED)
    s.answer(CHOICE, "3")
    s.see("The plan was not saved.")
    assert s.finish() == 0
    assert run_json(env, "plan", "list") == []


def test_crisis_words_at_a_prompt_are_signposted_and_nothing_more_is_asked(env):
    s = Session(env, "plan", "new")
    s.answer(WHAT + ": ", "take all my sleeping tablets")
    s.see("If you have taken too much of a medicine, or are thinking of it, please get help now.")
    s.see("Emergency, when a life may be at risk: call 999 (or 112) now.")
    s.see("Samaritans: call 116 123")
    s.see("smcoach won't make this an action plan", "What would you like to do?")
    s.answer(CHOICE, "2")
    s.see("The plan was not saved.")
    assert s.finish() == 0
    out = s.transcript
    assert out.count("smcoach help-now shows this again") == 1  # once a command
    for asked in (HOW_MUCH, WHEN, HOW_OFTEN, CONFIDENCE):
        assert asked not in out  # no more questions about a plan of those words
    assert "make it smaller" not in out and "Think about" not in out
    assert run_json(env, "plan", "list") == []


def test_changing_crisis_words_asks_afresh_without_offering_them_back(env):
    s = Session(env, "plan", "new")
    s.answer(WHAT + ": ", "end it all tonight")
    s.see("What would you like to do?")
    s.answer(CHOICE, "change what I wrote")
    s.answer(WHAT + ": ", "walk to the gate")  # no [end it all tonight] default
    s.answer(HOW_MUCH + ": ", "there and back")
    s.answer(WHEN + ": ", "after lunch")
    s.answer(HOW_OFTEN + ": ", "mon,wed,fri")
    s.answer(CONFIDENCE + ": ", "8")
    s.see("Saved action plan 1")
    assert s.finish() == 0
    assert "[end it all tonight]" not in s.transcript
    assert [p["what"] for p in run_json(env, "plan", "list")] == ["walk to the gate"]


def test_an_agenda_item_typed_at_the_prompt_is_signposted_and_kept_exactly(env):
    typed = "dont want to be here anymore"
    s = Session(env, "agenda", "add")
    s.answer("What is a challenge you want to work on?: ", typed)
    s.see("If you are thinking about suicide or harming yourself", "Added agenda item 1.")
    assert s.finish() == 0
    assert [i["text"] for i in run_json(env, "agenda", "list")] == [typed]
