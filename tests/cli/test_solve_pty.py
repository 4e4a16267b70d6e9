"""Problem-solving in a real pseudo-terminal: the seven steps over three runs a week apart, each
answer saved as it is given (Ctrl-C keeps them), and a chosen idea made the action plan.

Each test runs the installed `smcoach` console script under pexpect with its own database and a
pinned date, answers as a person would, then reads the database back through `--json`.
"""

from pathlib import Path

import pytest

from ptyhelp import Session, run_json, terminal_env

MONDAY = "2026-11-23"

# Question cards (content/cards/en.toml [solve] and [plan]) and catalogue lines, as shown.
PROBLEM = (
    "What is the problem? Put it as exactly as you can: what happens, when, and what it stops "
    "you doing: "
)
KIND = "What is it mostly about?"
KIND_MENU = ["  1. pain or discomfort", "  2. tiredness or low energy", "  8. something else"]
IDEAS = (
    "What could you do about it? Write each idea on its own line, even ones that seem unlikely, "
    "and an empty line when you have no more"
)
MORE_IDEAS = "Any more ideas? One a line, and an empty line when you have no more"
IDEA = "  -: "
SUGGESTIONS = "Some ideas other people have found useful for this kind of problem:"
PICK = "Type the numbers of any you want to add to your list, such as 1,3 (Enter for none): "
CHOOSE = "Which idea will you try first?"
MAKE_PLAN = "Make this idea your action plan now? [y/N]: "
RESULT = "How did it go?"
RESULT_MENU = [
    "  1. it worked: the problem is solved for now",
    "  2. it helped, but not enough",
    "  3. it did not help",
    "  4. I have not tried it yet",
]
NOTE = "Anything you noticed that is worth keeping? (Enter for nothing): "
NEXT = "What would you like to try next?"
RESOURCE = (
    "Who could you ask, or what service could you try, and what will you ask? "
    "(Enter if there is no one right now): "
)
ACCEPT = "What would you like to do?"
CHOICE = "Your choice: "
INTERRUPTED = "Interrupted. Only what smcoach said it saved is kept."

MY_PROBLEM = "My back aches after I hoover the stairs"
BOTTLE = "take a hot water bottle to bed"
STRETCH = "do my stretches before bed"
PACE = "pace yourself: break a job into short spells with rests in between"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return terminal_env(tmp_path, MONDAY)


def problem(env: dict[str, str]) -> dict[str, object]:
    shown = run_json(env, "solve", "show", "1")
    assert isinstance(shown, dict)
    return shown


def name_it_and_list_two_ideas(env: dict[str, str]) -> Session:
    """`smcoach solve`: steps 1 and 2 up to the prompt for a third idea."""
    s = Session(env, "solve")
    s.see("Let's work on a problem, one step at a time.", "Step 1 of 7: name the problem.")
    s.answer(PROBLEM, MY_PROBLEM)
    s.see("Problem 1 saved.")
    s.see(KIND, *KIND_MENU)
    s.answer(CHOICE, "1")
    s.see("Step 2 of 7: list ideas.", IDEAS)
    s.answer(IDEA, BOTTLE)
    s.answer(IDEA, STRETCH)
    return s


def choose_the_second_idea(s: Session) -> None:
    """The end of step 2 and step 3: add the first suggestion, then choose idea 2."""
    s.answer(IDEA, "")
    s.see(SUGGESTIONS, f"  1. {PACE}", "  2. use warmth, such as a hot water bottle")
    s.answer(PICK, "1")
    s.see("Step 3 of 7: choose one idea to try.", CHOOSE)
    s.see(f"  1. {BOTTLE}", f"  2. {STRETCH}", f"  3. {PACE}")
    s.answer(CHOICE, "2")


def test_three_runs_a_week_apart_from_naming_to_setting_aside(env: dict[str, str]) -> None:
    s = name_it_and_list_two_ideas(env)
    choose_the_second_idea(s)
    s.answer(MAKE_PLAN, "n")
    s.see("Give it a go. Once you have tried it, tell smcoach how it went: smcoach solve revisit 1")
    assert s.finish() == 0
    assert "Naming the problem is often the hardest step" not in s.transcript  # specific enough
    shown = problem(env)
    assert (shown["kind"], shown["status"], shown["stage"]) == ("pain", "trying", "assess")
    assert [(i["text"], i["source"]) for i in shown["ideas"]] == [
        (BOTTLE, "own"),
        (STRETCH, "own"),
        (PACE, "card"),
    ]
    assert run_json(env, "plan", "list") == []

    # A week later: it did not work, so substitute another idea from the list.
    s = Session({**env, "SMCOACH_TODAY": "2026-11-30"}, "solve", "revisit", "1")
    s.see(f"Problem 1: {MY_PROBLEM}", "Step 4 of 7: see how it went.")
    s.see(f"On Mon 23 Nov you chose to try: {STRETCH}", RESULT, *RESULT_MENU)
    s.answer(CHOICE, "3")
    s.answer(NOTE, "too stiff by bedtime")
    s.see("Step 5 of 7: try another idea.", f"Last time you tried: {STRETCH}. It did not help.")
    s.see(NEXT, f"  1. {BOTTLE}", f"  2. {PACE}", "  3. a new idea of my own")
    s.see("  4. ask other people or services for help")
    s.answer(CHOICE, "1")
    s.answer(MAKE_PLAN, "")
    s.see("Give it a go.")
    assert s.finish() == 0
    shown = problem(env)
    assert [(a["idea"], a["result"], a["note"]) for a in shown["attempts"]] == [
        (STRETCH, "did_not_work", "too stiff by bedtime"),
        (BOTTLE, None, None),
    ]

    # Another week: still not working. Other resources; no one right now; set it aside.
    s = Session({**env, "SMCOACH_TODAY": "2026-12-07"}, "solve", "revisit", "1")
    s.see(f"On Mon 30 Nov you chose to try: {BOTTLE}", RESULT)
    s.answer(CHOICE, "3")
    s.answer(NOTE, "")
    s.see(NEXT, f"  1. {PACE}", "  2. a new idea of my own")
    s.see("  3. ask other people or services for help")
    s.answer(CHOICE, "3")
    s.see("Step 6 of 7: use other resources.", "  - a friend, neighbour or family member")
    s.see("  - your GP, practice nurse or pharmacist")
    s.answer(RESOURCE, "")
    s.see("Step 7 of 7: accept that it may not be solvable right now.")
    s.see("Some problems cannot be solved right now, and that is not a failure.")
    s.see(ACCEPT, "  1. set it aside for now", "  2. try one more idea first")
    s.answer(CHOICE, "1")
    s.see("Problem 1 is set aside for now.")
    assert s.finish() == 0
    assert "Traceback" not in s.transcript

    shown = problem(env)
    assert (shown["status"], shown["stage"], shown["updated"]) == ("accepted", "done", "2026-12-07")
    assert [a["result"] for a in shown["attempts"]] == ["did_not_work", "did_not_work"]
    assert run_json(env, "solve", "list") == []


def test_ctrl_c_while_listing_keeps_the_problem_and_ideas_then_revisit_resumes(
    env: dict[str, str],
) -> None:
    s = name_it_and_list_two_ideas(env)
    s.interrupt(IDEA)
    s.see(INTERRUPTED)
    assert s.finish() == 130
    assert "Traceback" not in s.transcript
    shown = problem(env)
    assert (shown["text"], shown["kind"], shown["status"]) == (MY_PROBLEM, "pain", "open")
    assert shown["stage"] == "ideas"
    assert [i["text"] for i in shown["ideas"]] == [BOTTLE, STRETCH]

    s = Session(env, "solve", "revisit", "1")
    s.see(f"Problem 1: {MY_PROBLEM}", "Step 2 of 7: list ideas.")
    s.see("Your ideas so far:", f"  - {BOTTLE}", f"  - {STRETCH}", MORE_IDEAS)
    s.answer(IDEA, "")
    s.answer(PICK, "")
    s.see(CHOOSE, f"  1. {BOTTLE}", f"  2. {STRETCH}")
    s.answer(CHOICE, "1")
    s.answer(MAKE_PLAN, "n")
    s.see("Give it a go.")
    assert s.finish() == 0
    assert "  3. " not in s.transcript.split(CHOOSE, 1)[1]  # no suggestion was added
    assert "Step 1 of 7" not in s.transcript  # nothing already answered is asked again

    shown = problem(env)
    assert [i["text"] for i in shown["ideas"]] == [BOTTLE, STRETCH]
    assert [(a["idea"], a["result"]) for a in shown["attempts"]] == [(BOTTLE, None)]


def test_the_chosen_idea_becomes_this_weeks_action_plan(env: dict[str, str]) -> None:
    s = name_it_and_list_two_ideas(env)
    choose_the_second_idea(s)
    s.answer(MAKE_PLAN, "y")
    s.see("Let's make an action plan: one specific thing you want to do this week.")
    s.answer(
        "How much? (for example: 10 minutes, to the end of the road, one glass of water): ",
        "10 minutes",
    )
    s.answer("When in the day? (for example: after breakfast, before the news): ", "before bed")
    s.answer(
        "Which days (such as mon,wed,fri), or how many times this week (a number from 1 to 7)?: ",
        "mon,wed,fri",
    )
    s.answer(
        "How sure are you, from 0 (not at all) to 10 (completely), that you will do all of this "
        "plan?: ",
        "8",
    )
    s.see("Saved action plan 1: Mon 23 Nov 2026 to Sun 29 Nov 2026.", "Give it a go.")
    assert s.finish() == 0
    assert "What will you do?" not in s.transcript  # the idea is what the plan does

    plans = run_json(env, "plan", "list")
    assert isinstance(plans, list) and len(plans) == 1
    assert (plans[0]["what"], plans[0]["how_much"], plans[0]["days"]) == (
        STRETCH,
        "10 minutes",
        ["mon", "wed", "fri"],
    )
    assert problem(env)["attempts"][0]["plan_id"] == 1

    # A week later, the plan's progress is shown when looking back at the idea.
    s = Session({**env, "SMCOACH_TODAY": "2026-11-30"}, "solve", "revisit", "1")
    s.see("Your action plan 1 for it: 0 of 3 done.", RESULT)
    s.answer(CHOICE, "1")
    s.answer(NOTE, "")
    s.see("Well done: problem 1 is solved.")
    assert s.finish() == 0
    assert problem(env)["status"] == "solved"
