"""Sessions that follow the week (issue 10, items 4-8): a plan already running, a plan made from
problem-solving after the goal, what got in the way carried forward, praise true to the
numbers, and 'Next:' lines true to the data."""

import sqlite3

import pytest
from tests.cli.test_session import WEEK1, WEEK2


@pytest.fixture
def first_week(run, answers, monkeypatch):
    """Week 1's session on Monday 23 Nov (a plan for mon, wed, fri), then Thursday 26."""
    assert run("session", "--answers", answers(WEEK1, "week1.toml")).exit_code == 0
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-26")


def test_a_second_session_in_the_week_offers_to_check_in_not_a_new_plan(
    run, run_json, answers, first_week, isolated
):
    r = run("session", "--answers", answers(
        '[running]\nchoice = "check"\n2026-11-23 = "done"\n2026-11-25 = "partly"\n'))  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "This week's plan 1: walk to the post box and back" in r.stderr
    assert "Let's make an action plan" not in r.stderr
    [plan] = run_json("plan", "list")
    assert [(c["day"], c["status"]) for c in plan["checkins"]] == [
        ("2026-11-23", "done"),
        ("2026-11-25", "partly"),
    ]
    assert "1½ of 3 done (partly: 1)" in r.stderr
    with sqlite3.connect(isolated) as conn:
        assert conn.execute("SELECT status, step FROM sessions ORDER BY id").fetchall()[-1] == (
            "done",
            "summary",
        )


def test_adjusting_the_running_plan_replaces_it_and_keeps_its_history(
    run, run_json, answers, first_week
):
    run("check", "--done", "--date", "mon")
    adjust = '[running]\nchoice = "adjust"\n[plan]\nhow_much = "5 minutes"\nconfidence = "9"\n'
    r = run("session", "--answers", answers(adjust))
    assert r.exit_code == 0, r.output
    assert "replaces plan 1" in r.stderr
    assert "plans you already have this week" not in r.stderr  # the one it replaces is not
    old, new = run_json("plan", "list", "--all")
    assert (old["status"], old["ended"]) == ("ended", "2026-11-25")
    assert [c["day"] for c in old["checkins"]] == ["2026-11-23"]  # its history is kept
    # the answers not given were kept from the plan it replaces
    assert (new["what"], new["how_much"], new["when"], new["days"]) == (
        "walk to the post box and back",
        "5 minutes",
        "after lunch",
        ["mon", "wed", "fri"],
    )
    assert (new["start"], new["replaces"], new["goal_id"], new["confidence"]) == (
        "2026-11-26",
        1,
        1,
        9,
    )
    shown = run("plan", "show", "2")
    assert "Replaces" in shown.stdout and "plan 1, adjusted part-way" in shown.stdout
    assert run_json("plan", "list") == [new]  # only the new one is current
    # the days after the old plan was replaced are not missed: Friday is not counted
    assert old["target"] == 2
    shown_old = run("plan", "show", "1").stdout
    assert "1 of 2 done" in shown_old and "Fri" not in shown_old.split("Days")[1].split("\n")[0]


def test_adding_a_second_plan_goes_through_agenda_and_goal(run, run_json, answers, first_week):
    second = """
[running]
choice = "add"
[agenda]
focus = "2"
[goal]
text = "Sleep through most nights"
[plan]
what = "a warm bath before bed"
how_much = "20 minutes"
when = "at 9pm"
how_often = "3"
confidence = "8"
"""
    r = run("session", "--answers", answers(second))
    assert r.exit_code == 0, r.output
    first, added = run_json("plan", "list")
    assert (first["id"], first["status"]) == (1, "active")
    assert (added["what"], added["goal_id"]) == ("a warm bath before bed", 2)


def test_a_plan_from_problem_solving_is_made_after_the_goal_and_serves_it(
    run, run_json, answers, monkeypatch
):
    run("session", "--answers", answers(WEEK1, "week1.toml"))
    run("check", "--done")
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-30")
    week2 = (
        WEEK2.replace('make_plan = "n"', 'make_plan = "y"')
        .replace('[goal]\nkeep = "keep"', '[goal]\nkeep = "change"\ntext = "Walk in all weathers"')
        .replace('what = "walk round the shopping centre"\n', "")
    )
    r = run("session", "--answers", answers(week2, "week2.toml"))
    assert r.exit_code == 0, r.output
    # said when the idea is chosen, and the plan is saved only at the plan step
    assert r.stderr.index("makes that idea your action plan") < r.stderr.index("Added goal 2")
    assert r.stderr.index("Added goal 2") < r.stderr.index("Saved action plan 2")
    assert "starts from the idea you chose: walk in the shopping centre" in r.stderr
    plan = run_json("plan", "show", "2")
    assert (plan["what"], plan["goal_id"]) == ("walk in the shopping centre", 2)
    problem = run_json("solve", "show", "1")
    assert [(a["idea"], a["plan_id"]) for a in problem["attempts"]] == [
        ("walk in the shopping centre", 2)
    ]


def test_what_got_in_the_way_is_the_draft_problem_and_shown_with_the_plan(
    run, run_json, answers, monkeypatch
):
    run("session", "--answers", answers(WEEK1, "week1.toml"))
    run("check", "--done")
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-30")
    week2 = WEEK2.replace('problem = "When it rains I skip my walk and stay indoors"\n', "")
    r = run("session", "--answers", answers(week2, "week2.toml"))
    assert r.exit_code == 0, r.output
    assert run_json("solve", "show", "1")["text"] == "Rain on Friday"
    assert run_json("plan", "show", "1")["feedback_barrier"] == "Rain on Friday"
    shown = run("plan", "show", "1").stdout
    assert "Got in the way" in shown and "Rain on Friday" in shown


@pytest.mark.parametrize(
    ("checkins", "said"),
    [
        # one rest day: not "You did all of it"
        (
            {"2026-11-25": "rest", "2026-11-27": "done"},
            "You did 2 of 3, and the other days were rest days (1).",
        ),
        ({"2026-11-25": "done", "2026-11-27": "done"}, "You did all of it: 3 of 3. Well done."),
        ({"2026-11-25": "partly", "2026-11-27": "not"}, "You did 1½ of 3."),
    ],  # fmt: skip
)
def test_feedback_praise_matches_the_numbers(run, answers, monkeypatch, checkins, said):
    run("session", "--answers", answers(WEEK1, "week1.toml"))
    run("check", "--done")  # Monday
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-30")
    days = "".join(f'{day} = "{status}"\n' for day, status in checkins.items())
    week2 = WEEK2.replace('2026-11-25 = "done"\n2026-11-27 = "not"\n', days)
    r = run("session", "--answers", answers(week2, "week2.toml"))
    assert r.exit_code == 0, r.output
    assert said in r.stderr
    assert "You did all of it" not in r.stderr or said.startswith("You did all of it")


def test_a_day_not_planned_is_an_extra_not_a_planned_day(run, run_json, answers, monkeypatch):
    run("session", "--answers", answers(WEEK1, "week1.toml"))
    run("check", "--done")  # Monday
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-24")
    tuesday = run("check", "--done")  # not a planned day
    assert tuesday.exit_code == 0, tuesday.output
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-30")
    r = run("session", "--answers", answers(WEEK2, "week2.toml"))  # Wed done, Fri not
    assert "You did 2 of 3. Every one of those counts." in r.stderr
    assert "extra days: 1" in r.stderr
    first = run_json("plan", "show", "1")
    assert (first["achieved"], first["extra_days"]) == (2, 1)


def test_a_times_a_week_plan_never_shows_more_done_than_planned(run, monkeypatch):
    run("plan", "new", "--what", "stretch", "--how-much", "5 minutes", "--when", "morning",
        "--times", "2", "--confidence", "9")  # fmt: skip
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-26")
    for day in ("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"):
        assert run("check", "--done", "--date", day).exit_code == 0
    shown = run("plan", "show").stdout
    assert "2 of 2 done (extra days: 2)" in shown
    assert "4 of 2" not in shown
    assert "still to come" not in shown and "no answer yet" not in shown
    # the target is met: nothing is still to come, and no check-in is asked for
    next_lines = [line for line in run("today").stdout.splitlines() if line.startswith("Next:")]
    assert next_lines[0] == "Next: You are up to date. Check in again on your next planned day."


def test_next_lines_are_true_to_the_data(run, answers, monkeypatch):
    run("session", "--answers", answers(WEEK1, "week1.toml"))
    for day in ("mon", "wed", "fri"):
        monkeypatch.setenv("SMCOACH_TODAY", "2026-11-29")
        run("check", "--done", "--date", day)
    # Sunday, the plan's last day, is not a planned day: no "check in tonight"
    out = run("today").stdout
    assert "check in tonight" not in out
    assert "Today is the last day of plan 1's week." in out


def test_checking_in_before_the_plans_week_says_why(run, answers, monkeypatch):
    run("session", "--answers", answers(WEEK1, "week1.toml"))
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-25")
    r = run("check", "--done", "--date", "-5d")
    assert r.exit_code == 1
    assert r.stderr == (
        "Error: no action plan covers Fri 20 Nov 2026: plan 1's week starts on Mon 23 Nov 2026\n"
    )
    monkeypatch.setenv("SMCOACH_TODAY", "2026-12-02")
    r = run("check", "--done", "--date", "yesterday")
    assert r.exit_code == 1
    assert "plan 1's week ended on Sun 29 Nov 2026" in r.stderr


def test_each_step_has_a_header_in_the_methods_order(run, answers):
    r = run("session", "--answers", answers(WEEK1, "week1.toml"))
    assert r.exit_code == 0, r.output
    headers = [line for line in r.stderr.splitlines() if line.startswith("Step ")]
    assert headers == [
        "Step 3 of 6: your agenda",
        "Step 4 of 6: a goal",
        "Step 5 of 6: this week's action plan",
        "Step 6 of 6: your week ahead",
    ]
