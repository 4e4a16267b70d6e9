"""The round of the room (`smcoach group session`) in a real pseudo-terminal: a group of three
over two weeks, one participant skipped and returned to, one plan at confidence 5 kept for the
group to discuss; and a round stopped (by 'stop', and by Ctrl-C) and carried on, losing
nothing. Each test answers as a facilitator would, then reads the course's file back."""

import sqlite3
from pathlib import Path

import pytest

from ptyhelp import Session, run, terminal_env

WEEK1_DAY = "2026-11-23"
WEEK2_DAY = "2026-11-30"

# The round's questions, as the facilitator sees them (the catalogue's group.q.*).
HINT = "At any question, type skip to come back to someone at the end of the round"
WHAT = " do this week? (something they want to do): "
HOW_MUCH = "How much? (for example: 10 minutes, to the end of the road): "
WHEN = "When in the day? (for example: after breakfast, before the news): "
HOW_OFTEN = "Which days (such as mon,wed,fri), or how many times this week (1 to 7)?: "
FEEDBACK = "How did it go: done, partly or not done?: "
DISCUSS = (
    "Rework it now, with a new how much, how often and confidence, or keep it as it is for the "
    "group to discuss? (rework / keep) [keep]: "
)
STOPPED = "Round stopped. Every answer given is kept: run 'smcoach group session 1' again"


def here(name: str) -> str:
    return f"Is {name} here today? (y/n): "


def sure(name: str) -> str:
    return f"How sure is {name} of doing all of it? 0 (not at all) to 10 (completely): "


def wants_help(name: str) -> str:
    return f"Would {name} like the group's help with problem-solving? (y/n): "


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    env = terminal_env(tmp_path, WEEK1_DAY)
    env["SMCOACH_DB"] = str(tmp_path / "course.db")
    run(env, "group", "new", "Tuesday group", "--start", WEEK1_DAY)
    run(env, "group", "add", "Ann", "Bob", "Cy")
    return env


def query(env: dict[str, str], sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(env["SMCOACH_DB"])
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def plan(s: Session, name: str, what: str, how_much: str, when: str, often: str) -> None:
    s.answer(f"What will {name}{WHAT}", what)
    s.answer(HOW_MUCH, how_much)
    s.answer(WHEN, when)
    s.answer(HOW_OFTEN, often)


def test_a_group_of_three_over_two_weeks(env):
    # Week 1: Ann is skipped and returned to; Bob's plan, at confidence 5, is kept for the
    # group to discuss; Cy is not there.
    s = Session(env, "group", "session")
    s.see("The round of the room: Tuesday group, week 1 of 6 (Mon 23 Nov 2026)", HINT)
    s.answer(here("Ann"), "y")
    s.answer(f"What will Ann{WHAT}", "walk round the park")
    s.answer(HOW_MUCH, "skip")
    s.see("Ann skipped: back to them at the end of the round.")
    s.answer(here("Bob"), "y")
    plan(s, "Bob", "swim at the leisure centre", "10 lengths", "after work", "2")
    s.answer(sure("Bob"), "5")
    s.see("Bob's confidence is 5 out of 10. Under 7, this one is for the group to discuss: "
          "what would make it a 7?")  # fmt: skip
    s.answer(DISCUSS, "")  # Enter: keep it
    s.see("Saved Bob's plan: swim at the leisure centre, 10 lengths, after work, 2 times this "
          "week, any days; confidence 5, for the group to discuss.")  # fmt: skip
    s.answer(here("Cy"), "n")
    s.see("Cy: absent, recorded.")
    s.see("Back to Ann, skipped earlier", "Kept from before: what: walk round the park")
    s.answer(HOW_MUCH, "15 minutes")  # the round carries on where Ann left it
    s.answer(WHEN, "after lunch")
    s.answer(HOW_OFTEN, "mon,wed,fri")
    s.answer(sure("Ann"), "8")
    s.see(
        "Week 1: the round of the room",
        "Here (2): Ann, Bob",
        "Absent (1): Cy",
        "Plans made (2):",
        "  Ann: walk round the park, 15 minutes, after lunch, on mon, wed, fri; confidence 8",
        "  Bob: swim at the leisure centre, 10 lengths, after work, 2 times this week, any days; "
        "confidence 5",
        "For the group to discuss (confidence under 7): Bob",
        "The round for week 1 is complete.",
    )
    assert s.finish() == 0
    assert "What will Ann do" not in s.transcript.split("Back to Ann")[1]  # not asked again
    assert query(env, "SELECT participant_id, week, present FROM attendance ORDER BY 1") == [
        (1, 1, 1), (2, 1, 1), (3, 1, 0)]  # fmt: skip
    assert query(env, """SELECT participant_id, what, how_much, when_text, days, times,
                 confidence, first_confidence FROM course_plans ORDER BY 1""") == [
        (1, "walk round the park", "15 minutes", "after lunch", "mon,wed,fri", None, 8, 8),
        (2, "swim at the leisure centre", "10 lengths", "after work", None, 2, 5, 5),
    ]  # fmt: skip
    assert query(env, "SELECT * FROM round_answers") == []  # every plan saved whole

    # Week 2, a week on: feedback on last week's plans, then this week's.
    env = {**env, "SMCOACH_TODAY": WEEK2_DAY}
    s = Session(env, "group", "session")
    s.see("week 2 of 6 (Mon 30 Nov 2026)")
    s.answer(here("Ann"), "y")
    s.see("Ann's plan from week 1: walk round the park, 15 minutes, after lunch, on mon, wed, "
          "fri; confidence 8.")  # fmt: skip
    s.answer(FEEDBACK, "done")
    s.answer(wants_help("Ann"), "n")
    plan(s, "Ann", "walk round the park", "20 minutes", "after lunch", "mon,wed,fri")
    s.answer(sure("Ann"), "9")
    s.answer(here("Bob"), "y")
    s.see("Bob's plan from week 1: swim at the leisure centre, 10 lengths, after work, 2 times "
          "this week, any days; confidence 5.")  # fmt: skip
    s.answer(FEEDBACK, "partly")
    s.answer(wants_help("Bob"), "y")
    s.see("Noted: Bob would like the group's help with problem-solving.")
    plan(s, "Bob", "swim at the leisure centre", "6 lengths", "after work", "1")
    s.answer(sure("Bob"), "8")
    s.answer(here("Cy"), "y")  # no plan last week: straight on to this week's
    plan(s, "Cy", "phone my sister", "a short call", "on Sunday morning", "1")
    s.answer(sure("Cy"), "7")
    s.see("Here (3): Ann, Bob, Cy", "Plans made (3):",
          "Would like the group's help with problem-solving: Bob",
          "The round for week 2 is complete.")  # fmt: skip
    assert s.finish() == 0
    assert "For the group to discuss" not in s.transcript
    assert query(env, "SELECT COUNT(*), SUM(present) FROM attendance WHERE week = 2") == [(3, 3)]
    assert query(env, """SELECT participant_id, week, how_much, confidence, feedback,
                 wants_problem_solving FROM course_plans ORDER BY week, participant_id""") == [
        (1, 1, "15 minutes", 8, "done", 0),
        (2, 1, "10 lengths", 5, "partly", 1),
        (1, 2, "20 minutes", 9, None, None),
        (2, 2, "6 lengths", 8, None, None),
        (3, 2, "a short call", 7, None, None),
    ]  # fmt: skip


def test_a_stopped_or_interrupted_round_carries_on_where_it_stopped(env):
    s = Session(env, "group", "session", "1")
    s.answer(here("Ann"), "y")
    s.answer(f"What will Ann{WHAT}", "walk to the shop")
    s.answer(HOW_MUCH, "10 minutes")
    s.interrupt(WHEN)  # Ctrl-C
    s.see(STOPPED)
    assert s.finish() == 130
    assert query(env, "SELECT participant_id, present FROM attendance") == [(1, 1)]
    assert query(env, "SELECT key, value FROM round_answers ORDER BY key") == [
        ("how_much", "10 minutes"), ("what", "walk to the shop")]  # fmt: skip

    s = Session(env, "group", "session", "1")
    s.see(
        "Carrying on: 0 of 3 done so far.",
        "Ann",
        "Kept from before: what: walk to the shop; how much: 10 minutes",
    )
    s.answer(WHEN, "after breakfast")  # the question Ctrl-C interrupted, not the first
    s.answer(HOW_OFTEN, "tue,thu")
    s.answer(sure("Ann"), "9")
    s.answer(here("Bob"), "stop")
    s.see("Round stopped: every answer given is kept.", "Not reached yet: Bob, Cy",
          "Run 'smcoach group session 1' again to carry on with them.")  # fmt: skip
    assert s.finish() == 0
    assert query(env, "SELECT what, when_text, days FROM course_plans") == [
        ("walk to the shop", "after breakfast", "tue,thu")]  # fmt: skip

    s = Session(env, "group", "session", "1")
    s.see("Carrying on: 1 of 3 done so far.")
    s.answer(here("Bob"), "n")  # Bob first: Ann is done
    s.answer(here("Cy"), "n")
    s.see("The round for week 1 is complete.")
    assert s.finish() == 0
    assert "Is Ann here today?" not in s.transcript


# --- the projector view at 80x24, and words that call for help ------------------------------

CLEAR = "\x1b[H\x1b[2J"


def room(env: dict[str, str], *args: str) -> Session:
    """smcoach in a terminal of 24 rows and 80 columns, the size of one zoomed for a room."""
    s = Session(env, *args)
    s.child.setwinsize(24, 80)
    return s


def screen_so_far(s: Session) -> list[str]:
    """The lines written since the screen was last cleared (the last one being written)."""
    return s.transcript.split(CLEAR)[-1].split("\n")


def rows(lines: list[str]) -> int:
    """The rows of an 80-column terminal the lines take (a long answer typed runs on)."""
    return sum(max(1, -(-len(line) // 80)) for line in lines)


def test_each_turn_of_the_round_fits_the_projector_screen(env):
    """With --present, a turn's screen keeps its header (the participant's name) in sight
    up to the last question of a plan, feedback on last week's included; the summary ends the
    round on a screen of its own."""
    run(env, "group", "session", "1", "--answers", _file(env, WEEK1_FILE))
    s = room({**env, "SMCOACH_TODAY": WEEK2_DAY}, "group", "session", "--present")
    s.answer(here("Ann"), "y")
    s.answer(FEEDBACK, "partly")
    s.answer(wants_help("Ann"), "n")
    plan(s, "Ann", "walk round the park", "20 minutes", "after lunch", "mon,wed,fri")
    s.see(sure("Ann"))
    lines = screen_so_far(s)
    assert lines[:3] == ["=" * 5, "  Ann", "=" * 5]
    assert lines[4] == "Tuesday group, week 2 of 6: type skip or stop at any question."
    assert rows(lines) <= 24, lines
    s.child.sendline("8")
    s.answer(here("Bob"), "n")
    s.answer(here("Cy"), "stop")
    s.see("Run 'smcoach group session 2' again to carry on with them.")
    assert s.finish() == 0
    end = s.transcript.split(CLEAR)[-1].split("\n")
    assert end[:3] == ["=" * 31, "  Week 2: the round of the room", "=" * 31]


def test_a_board_of_sixteen_fits_the_projector_screen(tmp_path: Path):
    env = terminal_env(tmp_path, WEEK2_DAY)
    env["SMCOACH_DB"] = str(tmp_path / "course.db")
    names = ["Ann", "Bob", "Cath", "Dan", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo", "Kim",
             "Lee", "Max", "Ned", "Oli", "Pam"]  # fmt: skip
    run(env, "group", "new", "Tuesday group", "--start", WEEK1_DAY)
    run(env, "group", "add", *names)
    tables = "".join(f'[{n}]\npresent = true\nwhat = "walk to the shops and back"\n'
                     f'how_much = "10 minutes"\nwhen = "after lunch"\nhow_often = "2"\n'
                     f"confidence = 8\n" for n in names)  # fmt: skip
    run(env, "group", "session", "1", "--answers", _file(env, tables))
    s = room(env, "group", "board", "--present")
    assert s.finish() == 0
    lines = screen_so_far(s)
    assert lines[0].startswith("Tuesday group: the plans of weeks 1 to 2")  # the top in sight
    assert rows(lines) <= 24 and all(len(line) <= 80 for line in lines)
    assert sum(line.startswith(tuple(names)) for line in lines) == 16


def test_words_that_call_for_help_are_never_shown_again_when_the_round_carries_on(env):
    """Typed as a plan's 'what', they are not made a plan and, the round stopped at that
    question and carried on, not read out again ('Kept from before'): the help is shown again
    instead, as the question's note says."""
    words = "I want to end my life"
    s = Session(env, "group", "session", "1")
    s.answer(here("Ann"), "y")
    s.answer(f"What will Ann{WHAT}", words)
    s.see("If you are thinking about suicide", "won't make this an action plan")
    s.interrupt("(change / leave): ")
    assert s.finish() == 130
    s = Session(env, "group", "session", "1")
    s.see("Ann", "If you are thinking about suicide", "won't make this an action plan")
    s.answer("(change / leave): ", "change")
    s.answer(f"What will Ann{WHAT}", "phone my sister")
    s.answer(HOW_MUCH, "skip")
    s.see("Ann skipped")
    s.answer(here("Bob"), "stop")
    assert s.finish() == 0
    assert words not in s.transcript and "Kept from before" not in s.transcript.split("Bob")[0]
    s = Session(env, "group", "session", "1")
    s.answer(here("Bob"), "n")
    s.answer(here("Cy"), "n")
    s.see("Back to Ann", "Kept from before: what: phone my sister")  # the new words, kept
    s.interrupt(HOW_MUCH)
    assert s.finish() == 130


WEEK1_FILE = """
[Ann]
present = true
what = "walk round the park"
how_much = "15 minutes"
when = "after lunch"
how_often = "mon,wed,fri"
confidence = 8
[Bob]
present = false
[Cy]
present = false
"""


def _file(env: dict[str, str], text: str) -> str:
    path = Path(env["SMCOACH_DB"]).with_name("answers.toml")
    path.write_text(text)
    return str(path)
