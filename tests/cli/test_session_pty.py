"""The guided weekly session (`smcoach session`) in a real pseudo-terminal: a first week, a
second week with feedback and problem-solving, stopping part-way (Ctrl-C, or the process
killed) and carrying on or starting over, and a service's own question cards.

Each test runs the installed `smcoach` console script under pexpect with its own database and a
pinned date, answers as a person would, then reads the database back through `--json`.
"""

import signal
import sqlite3
from pathlib import Path

import pexpect
import pytest

from ptyhelp import Session, run, run_json, terminal_env

MONDAY = "2026-11-23"
NEXT_MONDAY = "2026-11-30"

# Question cards (content/cards/en.toml) and catalogue lines, as the person sees them.
WELCOME = "Welcome to smcoach. Each week, a session walks you through four simple skills:"
NOT_MEDICAL = "smcoach coaches this method; it does not give medical advice."
NOT_SENT = "Nothing is ever sent anywhere."
BEGIN = "Press Enter to begin: "
AGENDA_ADD = "Add something to your agenda: a challenge you want to work on (Enter when done): "
FOCUS = "Which agenda item do you want to work on now? (its ID) [1]: "
GOAL_BY = (
    "By when, roughly? (such as: end of march, march 2027, in 3 months, in 6 weeks, 2027-03-01; "
    "or Enter to skip): "
)
GOAL_KEEP = "Keep this goal, or change it?"
PLAN_INTRO = "Let's make an action plan: one specific thing you want to do this week."
WHAT = "What will you do? Choose something you want to do, not something you feel you ought to: "
HOW_MUCH = "How much? (for example: 10 minutes, to the end of the road, one glass of water): "
WHEN = "When in the day? (for example: after breakfast, before the news): "
HOW_OFTEN = (
    "Which days (such as mon,wed,fri), or how many times this week (a number from 1 to 7)?: "
)
CONFIDENCE = (
    "How sure are you, from 0 (not at all) to 10 (completely), that you will do all of this plan?: "
)
GO_ON = "How would you like to go on?"
GO_ON_MENU = [
    "  1. do less each time",
    "  2. do it on fewer days",
    "  3. choose another time",
    "  4. choose something else to do",
    "  5. look at what is in the way",
    "  6. keep the plan as it is",
]
CHOICE = "Your choice: "
RESUME = "Carry on where you stopped, or start over?"

# The second week: feedback, then problem-solving.
CHECK_MENU = ["  1. done", "  2. partly", "  3. not done", "  4. rest day", "  5. skip"]
HOW_WAS_IT = "How did it go this week? (Enter to skip): "
BARRIER = "What got in the way? (Enter to skip): "
SOLVE_NOW = "Would you like to work on that now, with problem-solving?"
PROBLEM = (
    "What is the problem? Put it as exactly as you can: what happens, when, and what it stops "
    "you doing: "
)
PROBLEM_DRAFT = (
    "What is the problem? Press Enter to keep what you said got in the way, or put it more "
    "exactly: what happens, when, and what it stops you doing [Rain on Friday]: "
)
KIND = "What is it mostly about?"
IDEAS = (
    "What could you do about it? Write each idea on its own line, even ones that seem unlikely, "
    "and an empty line when you have no more"
)
IDEA = "  -: "
SUGGESTIONS = "Some ideas other people have found useful for this kind of problem:"
PICK = "Type the numbers of any you want to add to your list, such as 1,3 (Enter for none): "
CHOOSE = "Which idea will you try first?"
MAKE_PLAN = "Make this idea your action plan now? [y/N]: "

# The first week's answers, as typed.
BREATH = "Getting out of breath on the stairs"
SLEEP = "Sleeping badly"
GOAL = "Walk to my daughter's house and back"
BY = "2027-03-31"  # "march", on 2026-11-23
POST_BOX = "walk to the post box and back"
STOPPED_KEPT = (
    f"Stopped. Kept from this step: {POST_BOX}; 10 minutes. 'smcoach session' carries on from here."
)

WEEK1 = f"""
[agenda]
add = ["{BREATH}", "{SLEEP}"]
focus = "1"
[goal]
text = "{GOAL}"
by = "{BY}"
[plan]
what = "{POST_BOX}"
how_much = "10 minutes"
when = "after lunch"
how_often = "mon,wed,fri"
confidence = "8"
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return terminal_env(tmp_path, MONDAY)


def plans(env: dict[str, str]) -> list[dict[str, object]]:
    found = run_json(env, "plan", "list", "--all")
    assert isinstance(found, list)
    return found


def sessions(env: dict[str, str]) -> list[tuple[str, str]]:
    conn = sqlite3.connect(env["SMCOACH_DB"])
    try:
        return conn.execute("SELECT status, step FROM sessions ORDER BY id").fetchall()
    finally:
        conn.close()


def agenda_and_goal(s: Session) -> None:
    """A first session, from the introduction to the goal's 'by' date."""
    s.answer(BEGIN, "")
    s.answer(AGENDA_ADD, BREATH)
    s.see("Added agenda item 1.")
    s.answer(AGENDA_ADD, SLEEP)
    s.see("Added agenda item 2.")
    s.answer(AGENDA_ADD, "")
    s.answer(FOCUS, "1")
    s.answer(f"What would you like to achieve for '{BREATH}' over the next few months?: ", GOAL)
    s.answer(GOAL_BY, "01/02/2027")  # refused with the reason, and asked again: nothing lost
    s.see("could be 1 February 2027 or 2 January 2027")
    s.answer(GOAL_BY, "march")
    s.see("Goal by Wed 31 Mar 2027.")
    s.see("Added goal 1.")


def first_week_up_to_when(env: dict[str, str]) -> Session:
    """A first session answered up to the plan's 'when' question (not answered)."""
    s = Session(env, "session")
    agenda_and_goal(s)
    s.see(PLAN_INTRO)
    s.answer(WHAT, POST_BOX)
    s.answer(HOW_MUCH, "10 minutes")
    s.see(WHEN)
    return s


def interrupted_at_when(env: dict[str, str]) -> None:
    s = first_week_up_to_when(env)
    s.child.sendintr()
    # what was kept is said truly: the plan's first two answers (not "nothing was saved")
    s.see(STOPPED_KEPT)
    assert s.finish() == 130
    out = s.transcript
    assert "nothing" not in out.lower().split(STOPPED_KEPT.lower())[-1]
    assert "Traceback" not in out


def the_agenda_as_before(env: dict[str, str]) -> None:
    agenda = run_json(env, "agenda", "list")
    assert isinstance(agenda, list)
    assert [(i["id"], i["text"], i["focus"]) for i in agenda] == [
        (1, BREATH, True),
        (2, SLEEP, False),
    ]
    goals = run_json(env, "goal", "list")
    assert isinstance(goals, list)
    assert [(g["id"], g["text"], g["agenda_id"]) for g in goals] == [(1, GOAL, 1)]


# --- 1. the first week --------------------------------------------------------------------------


def test_a_whole_first_week_session(env: dict[str, str], tmp_path: Path) -> None:
    out_file = tmp_path / "stdout.txt"
    s = Session(env, "session", stdout_to=out_file)
    s.see(
        WELCOME,
        NOT_MEDICAL,
        f"Your answers are kept only on this computer, in {env['SMCOACH_DB']}.",
    )
    s.see(NOT_SENT)
    agenda_and_goal(s)
    s.see(PLAN_INTRO)
    s.answer(WHAT, POST_BOX)
    s.answer(HOW_MUCH, "10 minutes")
    s.answer(WHEN, "after lunch")
    s.answer(HOW_OFTEN, "mon,wed,fri")
    s.answer(CONFIDENCE, "5")
    s.see("Your confidence is 5 out of 10.")
    s.see(GO_ON, *GO_ON_MENU)
    s.answer(CHOICE, "2")
    s.answer(HOW_OFTEN.removesuffix(": ") + " (press Enter to keep it) [mon,wed,fri]: ", "mon,fri")
    s.answer(CONFIDENCE, "8")
    s.see("Saved action plan 1: Mon 23 Nov 2026 to Sun 29 Nov 2026.")
    assert s.finish() == 0
    assert "Traceback" not in s.transcript
    assert "Error" not in s.transcript

    summary = out_file.read_text("utf-8").splitlines()
    assert summary == [
        "Plan 1, for this week",
        f"What           {POST_BOX}",
        "How much       10 minutes",
        "When           after lunch",
        "Days           mon, fri",
        "Confidence     8/10",
        f"Goal           {GOAL}",
        "Next check-in  Mon 23 Nov 2026: smcoach check 1 --done",
    ]
    assert "This week's plan" not in s.transcript  # the summary went to stdout only

    agenda = run_json(env, "agenda", "list")
    assert isinstance(agenda, list)
    assert [(i["id"], i["text"], i["focus"]) for i in agenda] == [
        (1, BREATH, True),
        (2, SLEEP, False),
    ]
    goals = run_json(env, "goal", "list")
    assert isinstance(goals, list)
    assert [(g["id"], g["text"], g["agenda_id"], g["by"]) for g in goals] == [(1, GOAL, 1, BY)]
    [plan] = plans(env)
    assert (plan["id"], plan["what"], plan["how_much"], plan["when"]) == (
        1,
        POST_BOX,
        "10 minutes",
        "after lunch",
    )
    assert plan["days"] == ["mon", "fri"]
    assert (plan["confidence"], plan["first_confidence"], plan["goal_id"]) == (8, 5, 1)
    assert plan["kept_low_confidence"] is False
    assert sessions(env) == [("done", "summary")]


# --- 2. the second week -------------------------------------------------------------------------


def test_second_week_feedback_problem_solving_and_a_new_plan(
    env: dict[str, str], tmp_path: Path
) -> None:
    answers = tmp_path / "week1.toml"
    answers.write_text(WEEK1, "utf-8")
    run(env, "session", "--answers", str(answers))
    run(env, "check", "--done")

    s = Session({**env, "SMCOACH_TODAY": NEXT_MONDAY}, "session")
    s.see(f"Last week's plan: {POST_BOX}, 10 minutes, after lunch (mon, wed, fri).")
    s.see("Wed 25 Nov: did you do it?", *CHECK_MENU)
    s.answer(CHOICE, "1")
    s.see("Fri 27 Nov: did you do it?", *CHECK_MENU)
    s.answer(CHOICE, "3")
    s.answer(HOW_WAS_IT, "Good start; on Friday it rained")
    s.see("You did 2 of 3. Every one of those counts.")
    s.answer(BARRIER, "Rain on Friday")
    s.see(SOLVE_NOW, "  1. yes", "  2. no")
    s.answer(CHOICE, "1")

    s.see("Let's work on a problem, one step at a time.", "Step 1 of 7: name the problem.")
    # what got in the way is carried forward as the draft: not asked again from nothing
    s.answer(PROBLEM_DRAFT, "When it rains I skip my walk")
    s.see("Problem 1 saved.")
    s.see(KIND, "  7. getting started or keeping going")
    s.answer(CHOICE, "7")
    s.see("Step 2 of 7: list ideas.", IDEAS)
    s.answer(IDEA, "walk up and down the stairs at home")
    s.answer(IDEA, "walk in the shopping centre")
    s.answer(IDEA, "")
    s.see(SUGGESTIONS, "  1. make the first step very small")
    s.answer(PICK, "")
    s.see("Step 3 of 7: choose one idea to try.", CHOOSE)
    s.see("  1. walk up and down the stairs at home", "  2. walk in the shopping centre")
    s.answer(CHOICE, "1")
    s.answer(MAKE_PLAN, "n")
    s.see("Give it a go.")

    s.answer(AGENDA_ADD, "")
    s.answer(FOCUS, "")
    s.see(f"Your goal for this: {GOAL}", GOAL_KEEP, "  1. keep it", "  2. change it")
    s.answer(CHOICE, "1")
    s.see(PLAN_INTRO)
    s.answer(WHAT, "walk round the shopping centre")
    s.answer(HOW_MUCH, "15 minutes")
    s.answer(WHEN, "mid-morning")
    s.answer(HOW_OFTEN, "2")
    s.answer(CONFIDENCE, "9")
    s.see("Saved action plan 2: Mon 30 Nov 2026 to Sun 06 Dec 2026.")
    s.see("Plan 2, for this week", "What           walk round the shopping centre")
    s.see("Confidence     9/10", f"Goal           {GOAL}")
    assert s.finish() == 0
    out = s.transcript
    assert "Traceback" not in out
    assert WELCOME not in out
    assert "Mon 23 Nov: did you do it?" not in out  # checked in already

    first, second = plans(env)
    assert (first["id"], first["status"], first["feedback"], first["feedback_barrier"]) == (
        1,
        "ended",
        "Good start; on Friday it rained",
        "Rain on Friday",
    )
    assert [(c["day"], c["status"]) for c in first["checkins"]] == [
        ("2026-11-23", "done"),
        ("2026-11-25", "done"),
        ("2026-11-27", "not"),
    ]
    assert (second["id"], second["what"], second["times"], second["confidence"]) == (
        2,
        "walk round the shopping centre",
        2,
        9,
    )
    assert (second["goal_id"], second["start"], second["status"]) == (1, NEXT_MONDAY, "active")
    problem = run_json(env, "solve", "show", "1")
    assert isinstance(problem, dict)
    assert (problem["text"], problem["kind"], problem["status"]) == (
        "When it rains I skip my walk",
        "motivation",
        "trying",
    )
    assert [i["text"] for i in problem["ideas"]] == [
        "walk up and down the stairs at home",
        "walk in the shopping centre",
    ]
    assert [(a["idea"], a["plan_id"]) for a in problem["attempts"]] == [
        ("walk up and down the stairs at home", None)
    ]


# --- 3-5. stopping part-way ---------------------------------------------------------------------


def test_ctrl_c_then_carry_on_resumes_at_the_question_asked(env: dict[str, str]) -> None:
    interrupted_at_when(env)

    s = Session(env, "session")
    s.see(f"You stopped a session at the action plan step on Mon 23 Nov. {RESUME}")
    s.child.sendline("")
    # the answers carried over are shown before the next question
    s.see(f"{WHAT.removesuffix(': ')}: {POST_BOX} (kept from before)")
    s.see(f"{HOW_MUCH.removesuffix(': ')}: 10 minutes (kept from before)")
    s.answer(WHEN, "after lunch")
    s.answer(HOW_OFTEN, "mon,wed,fri")
    s.answer(CONFIDENCE, "8")
    s.see("Saved action plan 1: Mon 23 Nov 2026 to Sun 29 Nov 2026.", "Plan 1, for this week")
    assert s.finish() == 0
    out = s.transcript
    asked = "\n".join(line for line in out.splitlines() if "(kept from before)" not in line)
    for asked_before in (WELCOME, AGENDA_ADD, FOCUS, "What would you like to achieve", WHAT):
        assert asked_before not in asked  # shown as kept, not asked again
    assert HOW_MUCH not in asked
    assert out.index(RESUME) < out.index(WHEN)

    [plan] = plans(env)
    assert (plan["what"], plan["how_much"], plan["when"]) == (POST_BOX, "10 minutes", "after lunch")
    assert (plan["days"], plan["confidence"], plan["goal_id"]) == (["mon", "wed", "fri"], 8, 1)
    the_agenda_as_before(env)
    assert sessions(env) == [("done", "summary")]


def test_killed_then_carry_on_resumes_at_how_often(env: dict[str, str]) -> None:
    s = first_week_up_to_when(env)
    s.child.sendline("after lunch")
    s.see(HOW_OFTEN)
    s.child.kill(signal.SIGKILL)
    s.child.expect(pexpect.EOF)
    s.child.close()
    assert s.child.signalstatus == signal.SIGKILL

    s = Session(env, "session")
    s.see(f"You stopped a session at the action plan step on Mon 23 Nov. {RESUME}")
    s.child.sendline("")
    s.answer(HOW_OFTEN, "tue,thu")
    s.answer(CONFIDENCE, "9")
    s.see("Saved action plan 1: Mon 23 Nov 2026 to Sun 29 Nov 2026.", "Plan 1, for this week")
    assert s.finish() == 0
    out = s.transcript
    asked = "\n".join(line for line in out.splitlines() if "(kept from before)" not in line)
    for asked_before in (WELCOME, AGENDA_ADD, WHAT, HOW_MUCH, WHEN):
        assert asked_before not in asked  # shown as kept, not asked again

    [plan] = plans(env)
    assert (plan["what"], plan["how_much"], plan["when"]) == (POST_BOX, "10 minutes", "after lunch")
    assert (plan["days"], plan["confidence"], plan["goal_id"]) == (["tue", "thu"], 9, 1)
    the_agenda_as_before(env)


def test_start_over_begins_a_new_session_at_the_agenda(env: dict[str, str]) -> None:
    interrupted_at_when(env)

    s = Session(env, "session")
    s.see(RESUME)
    s.child.sendline("over")
    s.see(f"1   * focus  {BREATH}")
    s.answer(AGENDA_ADD, "")
    s.answer(FOCUS, "")
    s.see(f"Your goal for this: {GOAL}", GOAL_KEEP)
    s.answer(CHOICE, "1")
    s.see(PLAN_INTRO)
    s.answer(WHAT, "climb the stairs slowly")
    s.answer(HOW_MUCH, "one flight")
    s.answer(WHEN, "before breakfast")
    s.answer(HOW_OFTEN, "3")
    s.answer(CONFIDENCE, "8")
    s.see("Saved action plan 1:", "Plan 1, for this week")
    assert s.finish() == 0
    out = s.transcript
    assert WELCOME not in out and BEGIN not in out
    assert out.index(RESUME) < out.index(AGENDA_ADD) < out.index(WHAT)

    [plan] = plans(env)
    assert (plan["what"], plan["how_much"], plan["when"], plan["times"]) == (
        "climb the stairs slowly",
        "one flight",
        "before breakfast",
        3,
    )
    the_agenda_as_before(env)
    assert sessions(env) == [("abandoned", "plan"), ("done", "summary")]


# --- 6. a service's own question cards ----------------------------------------------------------

OWN_AGENDA_ADD = "What would you like to work on? (our service's wording)"
OWN_WHAT = "What is your small step this week?"


def _content(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "cards"
    (folder / "cards").mkdir(parents=True)
    (folder / "cards" / "en.toml").write_text(text, "utf-8")
    return folder


def _with_content(env: dict[str, str], folder: Path, how: str) -> tuple[dict[str, str], list[str]]:
    if how == "flag":
        return env, ["--content", str(folder), "session"]
    return {**env, "SMCOACH_CONTENT": str(folder)}, ["session"]


@pytest.mark.parametrize("how", ["flag", "env"])
def test_a_card_folder_changes_the_questions(env: dict[str, str], tmp_path: Path, how: str) -> None:
    folder = _content(
        tmp_path,
        f'[session]\nagenda_add = "{OWN_AGENDA_ADD}"\n[plan]\nwhat = "{OWN_WHAT}"\n',
    )
    run_env, args = _with_content(env, folder, how)
    s = Session(run_env, *args)
    s.answer(BEGIN, "")
    s.answer(OWN_AGENDA_ADD + ": ", SLEEP)
    s.see("Added agenda item 1.")
    s.answer(OWN_AGENDA_ADD + ": ", "")
    s.answer(FOCUS, "")
    s.answer(f"What would you like to achieve for '{SLEEP}' over the next few months?: ", "Sleep")
    s.answer(GOAL_BY, "")
    s.see(PLAN_INTRO)
    s.answer(OWN_WHAT + ": ", "go to bed at ten")
    s.answer(HOW_MUCH, "lights out, no phone")
    s.answer(WHEN, "at ten")
    s.answer(HOW_OFTEN, "mon,tue,thu")
    s.answer(CONFIDENCE, "8")
    s.see("Plan 1, for this week")
    assert s.finish() == 0
    out = s.transcript
    assert "Add something to your agenda" not in out
    assert "What will you do?" not in out

    [plan] = plans(env)
    assert plan["what"] == "go to bed at ten"
    agenda = run_json(env, "agenda", "list")
    assert isinstance(agenda, list)
    assert [i["text"] for i in agenda] == [SLEEP]


@pytest.mark.parametrize("how", ["flag", "env"])
def test_a_malformed_card_file_is_one_error_line(
    env: dict[str, str], tmp_path: Path, how: str
) -> None:
    folder = _content(tmp_path, "[session\nagenda_add = 1\n")
    run_env, args = _with_content(env, folder, how)
    s = Session(run_env, *args)
    assert s.finish() == 1
    out = s.transcript
    assert "Traceback" not in out
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out
    assert lines[0].startswith("Error: the card file "), out
    assert str(folder / "cards" / "en.toml") in lines[0]
    assert "line" in lines[0].removeprefix("Error: the card file ")
