"""smcoach group new / add / list / rename / remove, and a round of the room from an answers
file (group session --answers), through the real CLI; their errors, each one line."""

import json
import sqlite3
import stat

import pytest

START = "2026-11-23"  # a Monday, and 'today' in the tests


@pytest.fixture
def course(run, isolated):
    """A course of three in the test's own file (SMCOACH_DB)."""
    r = run("group", "new", "Tuesday group", "--start", START)
    assert r.exit_code == 0, r.output
    r = run("group", "add", "Ann", "Bob", "C.D.")
    assert r.exit_code == 0, r.output
    return isolated


def one_error(r, text: str, alone: bool = True) -> None:
    """Exit 1 and the error in one line, the last on stderr (`alone`: the only one)."""
    assert r.exit_code == 1, r.output
    lines = r.stderr.splitlines()
    assert lines[-1].startswith("Error: ") and text in lines[-1], r.stderr
    assert sum(line.startswith("Error") for line in lines) == 1, r.stderr
    if alone:
        assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.output


def rows(db, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


# --- group new ----------------------------------------------------------------------------------


def test_new_says_where_it_wrote_and_that_the_file_is_the_courses_own(run, isolated):
    r = run("group", "new", "Tuesday group", "--start", "2026-12-01", "--weeks", "8")
    assert r.exit_code == 0, r.output
    assert (
        "Started Tuesday group: 8 weekly sessions, from Tue 01 Dec 2026 to Tue 19 Jan 2027, "
        f"kept in {isolated}." in r.stderr
    )
    assert "apart from anyone's personal data" in r.stderr
    assert f"smcoach --db {isolated} group add NAMES" in r.stderr
    assert stat.S_IMODE(isolated.stat().st_mode) == 0o600
    assert stat.S_IMODE(isolated.parent.stat().st_mode) == 0o700
    assert rows(isolated, "SELECT name, start, weeks FROM courses") == [
        ("Tuesday group", "2026-12-01", 8)]  # fmt: skip


def test_new_with_db_names_the_file(run, tmp_path):
    target = tmp_path / "courses" / "friday.db"
    target.parent.mkdir()
    r = run("--db", str(target), "group", "new", "Friday group", "--start", "next fri")
    assert r.exit_code == 0, r.output
    assert "from Fri 27 Nov 2026" in r.stderr and str(target) in r.stderr


def test_new_without_a_file_of_its_own_is_refused(run, monkeypatch, tmp_path):
    monkeypatch.delenv("SMCOACH_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # the person's own file
    r = run("group", "new", "Tuesday group", "--start", START)
    one_error(r, "smcoach --db course.db group new NAME --start DATE")
    assert not (tmp_path / "xdg").exists()  # nothing made


def test_new_in_a_file_of_personal_records_is_refused(run, isolated):
    assert run("agenda", "add", "Getting out of breath on the stairs").exit_code == 0
    r = run("group", "new", "Tuesday group", "--start", START)
    one_error(r, f"{isolated} holds personal records")
    assert rows(isolated, "SELECT * FROM courses") == []


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["--start", "01/12/2026"], "'01/12/2026' is not a date smcoach reads"),
        (["--start", "2026-02-30"], "not a real calendar day"),
        (["--start", START, "--weeks", "0"], "--weeks must be a whole number from 1 to 52, got 0"),
        (["--start", START, "--weeks", "six"], "got six"),
        ([], "the day of the first session is missing: give --start DATE"),
    ],
)
def test_new_refuses_a_bad_date_or_number_of_weeks(run, isolated, args, text):
    one_error(run("group", "new", "Tuesday group", *args), text)
    assert not isolated.exists()  # refused before the file was made


def test_two_courses_of_one_name_are_refused(run, course):
    one_error(run("group", "new", "TUESDAY group", "--start", START),
              "there is already a course called 'Tuesday group'")  # fmt: skip


# --- add, list, rename, remove ------------------------------------------------------------------


def test_add_says_first_names_or_initials_only(run, isolated):
    run("group", "new", "Tuesday group", "--start", START)
    r = run("group", "add", "Ann", "Bob")
    assert r.exit_code == 0, r.output
    assert (
        "First names or initials only, please: no surnames, dates of birth or health details."
        in r.stderr
    )
    assert "Ann, Bob added to Tuesday group." in r.stderr


def test_add_refuses_a_name_already_there_and_adds_none_of_them(run, course):
    errors = [(["Dee", "ann"], "already a participant called 'ann' in Tuesday group"),
              (["Dee", "DEE"], "already a participant called 'DEE'"),
              (["x" * 41], "at most 40 characters"),
              (["Dee", "Eve 4/5/51"], "'Eve 4/5/51' has digits in it")]  # fmt: skip
    for names, error in errors:
        one_error(run("group", "add", *names), error, alone=False)  # after the privacy notice
    listed = json.loads(run("group", "list", "--json").stdout)["participants"]
    assert [p["name"] for p in listed] == [
        "Ann", "Bob", "C.D."]  # fmt: skip


def test_add_without_names_and_without_a_terminal_says_how(run, course):
    one_error(run("group", "add"), "no names given: give them as arguments", alone=False)


def test_list_in_name_order_and_as_json(run, run_json, course):
    run("group", "add", "abe")
    r = run("group", "list")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "Tuesday group: 6 weekly sessions from Mon 23 Nov 2026"
    assert [line.split()[0] for line in lines[2:]] == ["abe", "Ann", "Bob", "C.D."]
    data = run_json("group", "list")
    assert data["course"] == {"id": 1, "name": "Tuesday group", "start": START, "weeks": 6,
                              "last_session": "2026-12-28"}  # fmt: skip
    assert data["participants"][1] == {"id": 1, "name": "Ann", "status": "active",
                                       "added": START, "removed": None}  # fmt: skip


def test_rename_and_remove_keep_the_history(run, run_json, answers, course, isolated):
    r = run("group", "session", "1", "--answers", answers(WEEK1))
    assert r.exit_code == 0, r.output
    r = run("group", "rename", "bob", "Bobby")
    assert (r.exit_code, r.stderr) == (0, "Bob is now Bobby.\n")
    r = run("group", "remove", "ann")
    assert (
        r.exit_code == 0
        and "Ann is off the register of Tuesday group; their attendance and plans are kept."
        in r.stderr
    )
    assert [p["name"] for p in run_json("group", "list")["participants"]] == ["Bobby", "C.D."]
    everyone = run_json("group", "list", "--all")["participants"]
    assert [(p["name"], p["status"], p["removed"]) for p in everyone] == [
        ("Ann", "removed", START), ("Bobby", "active", None), ("C.D.", "active", None)]  # fmt: skip
    plans = rows(isolated, "SELECT participant_id, what FROM course_plans ORDER BY participant_id")
    assert plans == [(1, "walk round the park"), (2, "swim at the leisure centre")]
    assert "Removed" in run("group", "list", "--all").stdout


def test_rename_and_remove_of_someone_not_there_name_those_who_are(run, course):
    one_error(run("group", "rename", "Zed", "Zac"),
              "there is no participant called 'Zed' in Tuesday group; the participants are: "
              "Ann, Bob, C.D.")  # fmt: skip
    one_error(run("group", "rename", "Ann", "bob"), "already a participant called 'bob'")
    one_error(run("group", "remove", "Zed"), "no participant called 'Zed'")


def test_a_file_pooling_courses_takes_course(run, run_json, course):
    assert run("group", "new", "Friday group", "--start", "2026-11-27").exit_code == 0
    assert run("group", "add", "Eve", "--course", "friday GROUP").exit_code == 0
    assert run_json("group", "list")["course"]["name"] == "Tuesday group"  # running today
    friday = run_json("group", "list", "--course", "Friday group")
    assert [p["name"] for p in friday["participants"]] == ["Eve"]
    one_error(run("group", "list", "--course", "Monday"),
              "no course called 'Monday' in this file; the courses in it: Tuesday group, "
              "Friday group")  # fmt: skip


def test_commands_on_a_file_with_no_course_say_how_to_start_one(run, isolated):
    for args in (["add", "Ann"], ["list"], ["session"], ["remove", "Ann"]):
        one_error(run("group", *args), "there is no course in")
    assert not isolated.exists()  # looking made no file


# --- the round from an answers file -------------------------------------------------------------


def turn(what: str, how_much: str, when: str, how_often: str, confidence: int = 8) -> str:
    """Ann's turn in an answers file: present, and a plan (how_often as TOML: quoted or not)."""
    return (f'[Ann]\npresent = "y"\nwhat = "{what}"\nhow_much = "{how_much}"\nwhen = "{when}"\n'
            f"how_often = {how_often}\nconfidence = {confidence}\n")  # fmt: skip


WEEK1 = """
[Ann]
present = true
what = "walk round the park"
how_much = "15 minutes"
when = "after lunch"
how_often = "mon,wed,fri"
confidence = 8

[bob]
present = "y"
what = "swim at the leisure centre"
how_much = "10 lengths"
when = "after work"
how_often = 2
confidence = 5

["C.D."]
present = false
"""

WEEK2 = """
[Ann]
present = "yes"
feedback = "partly"
problem_solving = true
what = "walk round the park"
how_much = "10 minutes"
when = "after lunch"
how_often = "mon,fri"
confidence = 9

[Bob]
present = "no"

["C.D."]
present = "yes"
what = "phone my sister"
how_much = "a short call"
when = "on Sunday morning"
how_often = 1
confidence = "7"
"""


def test_a_whole_round_from_an_answers_file_over_two_weeks(run, answers, course, isolated):
    r = run("group", "session", "--answers", answers(WEEK1))  # week 1: this week
    assert r.exit_code == 0, r.output
    assert "The round of the room: Tuesday group, week 1 of 6 (Mon 23 Nov 2026)" in r.stderr
    assert "type skip" not in r.stderr  # that is for a terminal
    assert r.stdout.splitlines() == [
        "Week 1: the round of the room",
        "Here (2): Ann, Bob",
        "Absent (1): C.D.",
        "Plans made (2):",
        "  Ann: walk round the park, 15 minutes, after lunch, on mon, wed, fri; confidence 8",
        "  Bob: swim at the leisure centre, 10 lengths, after work, 2 times this week, any "
        "days; confidence 5",
        "For the group to discuss (confidence under 7): Bob",
        "The round for week 1 is complete.",
    ]
    assert (
        "Saved Bob's plan: swim at the leisure centre, 10 lengths, after work, 2 times this "
        "week, any days; confidence 5, for the group to discuss." in r.stderr
    )
    r = run("group", "session", "2", "--answers", answers(WEEK2))
    assert r.exit_code == 0, r.output
    assert (
        "Ann's plan from week 1: walk round the park, 15 minutes, after lunch, on mon, wed, "
        "fri; confidence 8." in r.stderr
    )
    assert "Would like the group's help with problem-solving: Ann" in r.stdout
    assert rows(isolated, "SELECT participant_id, week, present FROM attendance ORDER BY 2, 1") == [
        (1, 1, 1), (2, 1, 1), (3, 1, 0), (1, 2, 1), (2, 2, 0), (3, 2, 1)]  # fmt: skip
    assert rows(isolated, """SELECT participant_id, week, how_much, days, times, confidence,
                first_confidence, feedback, wants_problem_solving FROM course_plans
                ORDER BY 2, 1""") == [
        (1, 1, "15 minutes", "mon,wed,fri", None, 8, 8, "partly", 1),
        (2, 1, "10 lengths", None, 2, 5, 5, None, None),
        (1, 2, "10 minutes", "mon,fri", None, 9, 9, None, None),
        (3, 2, "a short call", None, 1, 7, 7, None, None),
    ]  # fmt: skip
    assert rows(isolated, "SELECT * FROM round_answers") == []  # all saved as whole plans
    # the same file again: everyone is done, nothing is asked or saved twice
    r = run("group", "session", "2", "--answers", answers(WEEK2))
    assert r.exit_code == 0 and "The round for week 2 is complete." in r.stdout


def test_a_plan_to_agree_with_a_professional_waits_for_the_file_to_say_so(
    run, answers, course, isolated
):
    text = turn("halve my blood pressure tablets", "one", "at breakfast", '"mon,tue,wed"')
    r = run("group", "session", "--answers", answers(text))
    assert r.exit_code == 0, r.output
    assert "something to agree with your doctor, nurse or pharmacist first" in r.stderr
    assert 'add agreed = "yes" for Ann to the answers file' in r.stderr
    assert "Skipped or left for now, not returned to: Ann" in r.stdout
    assert "Not reached yet: Bob, C.D." in r.stdout
    assert rows(isolated, "SELECT * FROM course_plans") == []
    r = run("group", "session", "--answers", answers(text + 'agreed = "yes"\n'))
    assert r.exit_code == 0, r.output
    assert rows(isolated, "SELECT what, agreed_with_professional FROM course_plans") == [
        ("halve my blood pressure tablets", 1)]  # fmt: skip


def test_words_that_call_for_help_in_an_answers_file_show_the_help(run, answers, course, isolated):
    text = turn("I want to end my life", "x", "now", "1")
    r = run("group", "session", "--answers", answers(text))
    assert r.exit_code == 0, r.output
    assert (
        "If you are thinking about suicide or harming yourself, please talk to someone now."
        in r.stderr
    )
    assert "smcoach won't make this an action plan" in r.stderr
    assert rows(isolated, "SELECT * FROM course_plans") == []
    assert ("I want to end my life",) in rows(isolated, "SELECT value FROM round_answers")  # kept


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('[Zed]\npresent = "y"\n',
         "the answers file names 'Zed', who is not on the register of Tuesday group"),
        ('[Ann]\npresnt = "y"\n', "the answers file gives 'presnt' for Ann"),
        ("Ann = 3\n", "in the answers file, 'Ann' must be a table"),
        ('[Ann]\npresent = "perhaps"\n', "answer y or n"),
        ('[Ann]\npresent = "y"\nwhat = "walk"\n',
         "the answers file has no answer for Ann.how_much"),
        (turn("walk", "1 mile", "9am", "2", confidence=11),
         "confidence must be a whole number from 0 to 10, got 11"),
    ],
)  # fmt: skip
def test_an_answers_file_that_does_not_fit_is_one_line(run, answers, course, text, error):
    one_error(run("group", "session", "--answers", answers(text)), error, alone=False)


def test_an_unknown_name_in_the_file_saves_nothing(run, answers, course, isolated):
    one_error(
        run("group", "session", "--answers", answers(WEEK1 + '\n[Zed]\npresent = "y"\n')), "Zed"
    )
    assert rows(isolated, "SELECT * FROM attendance") == []


def test_session_refuses_a_week_outside_the_course_and_needs_a_terminal_or_a_file(run, course):
    one_error(run("group", "session", "7"),
              "the week must be a whole number from 1 to 6 (the sessions of Tuesday group), "
              "got 7")  # fmt: skip
    one_error(run("group", "session", "0"), "got 0")
    one_error(run("group", "session", "2"),
              "the round of the room asks its questions in a terminal: run it in one, or give "
              "the round's answers with --answers FILE")  # fmt: skip


def test_session_with_no_one_on_the_register(run, isolated):
    run("group", "new", "Tuesday group", "--start", START)
    one_error(run("group", "session"), "there is no one on the register of Tuesday group yet")
