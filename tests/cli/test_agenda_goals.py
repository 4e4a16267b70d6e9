"""agenda and goal commands, through the real CLI."""

import pytest


def test_agenda_add_list_focus_done_remove(run, run_json):
    r = run("agenda", "add", "Getting out of breath on the stairs")
    assert r.exit_code == 0
    assert r.stderr.strip() == "Added agenda item 1."
    assert r.stdout == ""  # notices go to stderr, data to stdout
    run("agenda", "add", "Sleeping badly")
    assert run("agenda", "focus", "2").exit_code == 0
    items = run_json("agenda", "list")
    assert [(i["id"], i["text"], i["focus"], i["status"]) for i in items] == [
        (1, "Getting out of breath on the stairs", False, "open"),
        (2, "Sleeping badly", True, "open"),
    ]
    assert set(items[0]) == {"id", "text", "status", "focus", "created", "closed"}
    assert items[0]["created"] == "2026-11-23"

    run("agenda", "focus", "1")
    assert [i["focus"] for i in run_json("agenda", "list")] == [True, False]

    assert run("agenda", "done", "1").exit_code == 0
    assert run("agenda", "remove", "2").exit_code == 0
    assert run_json("agenda", "list") == []
    everything = run_json("agenda", "list", "--all")
    assert [(i["status"], i["focus"], i["closed"]) for i in everything] == [
        ("done", False, "2026-11-23"),
        ("removed", False, "2026-11-23"),
    ]


def test_agenda_plain_list_shows_focus_in_words(run):
    run("agenda", "add", "Pain in the mornings")
    run("agenda", "focus", "1")
    out = run("agenda", "list").stdout
    assert "* focus" in out and "Pain in the mornings" in out
    assert "\x1b[" not in out  # plain text when not a terminal


def test_agenda_text_is_kept_exactly(run, run_json):
    text = "  [red]Worry[/red] about\tthe \x1b[2J future  "
    assert run("agenda", "add", text).exit_code == 0
    assert run_json("agenda", "list")[0]["text"] == text
    shown = run("agenda", "list").stdout
    assert "[red]Worry[/red]" in shown
    assert "\x1b" not in shown and "\\x1b[2J" in shown


def test_agenda_errors_are_one_line(run):
    for args, message in [
        (("agenda", "focus", "9"), "Error: there is no agenda item with ID 9"),
        (
            ("agenda", "done", "abc"),
            "Error: agenda item ID must be a whole number from 1 up, got abc",
        ),
        (
            ("agenda", "remove", "0"),
            "Error: agenda item ID must be a whole number from 1 up, got 0",
        ),
        (("agenda", "add", "   "), "Error: the challenge cannot be empty"),
        (
            ("agenda", "add"),
            "Error: the challenge is missing: give it as an argument in quotes, "
            "or run in a terminal to be asked",
        ),
    ]:
        r = run(*args)
        assert r.exit_code == 1, args
        assert r.stderr == message + "\n", args
        assert r.stdout == ""


def test_closed_agenda_item_cannot_be_focused_or_closed_again(run):
    run("agenda", "add", "x")
    run("agenda", "done", "1")
    r = run("agenda", "focus", "1")
    assert (r.exit_code, r.stderr) == (1, "Error: agenda item 1 is done, not open\n")
    assert run("agenda", "remove", "1").exit_code == 1


def test_goal_add_with_agenda_and_date(run, run_json):
    run("agenda", "add", "Getting out of breath")
    r = run("goal", "add", "Walk to my daughter's house", "--agenda", "1", "--by", "2027-03-01")
    assert r.exit_code == 0 and r.stderr == "Goal by Mon 01 Mar 2027.\nAdded goal 1.\n"
    run("goal", "add", "Sleep through the night", "--by", "next fri")
    goals = run_json("goal", "list")
    assert goals == [
        {
            "id": 1,
            "text": "Walk to my daughter's house",
            "agenda_id": 1,
            "by": "2027-03-01",
            "status": "active",
            "created": "2026-11-23",
            "closed": None,
        },
        {
            "id": 2,
            "text": "Sleep through the night",
            "agenda_id": None,
            "by": "2026-11-27",
            "status": "active",
            "created": "2026-11-23",
            "closed": None,
        },
    ]


def test_goal_done_and_drop_keep_history(run, run_json):
    run("goal", "add", "a")
    run("goal", "add", "b")
    assert run("goal", "done", "1").exit_code == 0
    assert run("goal", "drop", "2").exit_code == 0
    assert run_json("goal", "list") == []
    assert [g["status"] for g in run_json("goal", "list", "--all")] == ["done", "dropped"]
    r = run("goal", "done", "2")
    assert (r.exit_code, r.stderr) == (1, "Error: goal 2 is dropped, not active\n")


def test_goal_bad_input_saves_nothing(run, run_json):
    cases = [
        (("goal", "add", "x", "--agenda", "7"), "there is no agenda item with ID 7"),
        (
            ("goal", "add", "x", "--by", "01/02/2027"),
            "'01/02/2027' could be 1 February 2027 or 2 January 2027",
        ),  # fmt: skip
        (
            ("goal", "add", "x", "--by", "March 2020"),
            "'March 2020' is Tue 31 Mar 2020, which has passed",
        ),
        (("goal", "add", "x", "--by", "2021-02-30"), "'2021-02-30' is not a real calendar day"),
        (("goal", "drop", "3"), "there is no goal with ID 3"),
    ]
    for args, message in cases:
        r = run(*args)
        assert r.exit_code == 1, args
        assert r.stderr.startswith("Error: " + message), r.stderr
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.output
    assert run_json("goal", "list", "--all") == []


def test_bad_date_lists_accepted_forms(run):
    r = run("goal", "add", "x", "--by", "next week")  # a goal's forms: months away
    assert "end of march, march 2027, in 3 months, in 6 weeks" in r.stderr
    assert "-2d" not in r.stderr
    r = run("check", "--done", "--date", "next week")  # a day's forms: this week
    assert "2026-11-23, today, yesterday, tomorrow" in r.stderr and "-2d, +3d" in r.stderr


@pytest.mark.parametrize(
    ("text", "day"),
    [("march", "2027-03-31"), ("end of february", "2027-02-28"), ("Mar 2027", "2027-03-31"),
     ("in 3 months", "2027-02-23"), ("in 6 weeks", "2027-01-04"), ("in a year", "2027-11-23"),
     ("november", "2026-11-30"), ("2027-03-01", "2027-03-01")],
)  # fmt: skip
def test_a_goal_date_in_words(run, run_json, text, day):
    r = run("goal", "add", "Walk to the park", "--by", text)
    assert r.exit_code == 0, r.output
    assert run_json("goal", "list")[0]["by"] == day


def test_agenda_items_differing_only_in_case_are_one_item(run, run_json):
    assert run("agenda", "add", "Pain in my knees").exit_code == 0
    r = run("agenda", "add", "pain in  MY knees")
    assert r.exit_code == 1
    assert r.stderr == "Error: 'Pain in my knees' is already on your agenda (item 1)\n"
    assert len(run_json("agenda", "list")) == 1


def test_a_goal_cannot_serve_a_removed_or_done_agenda_item(run, run_json):
    run("agenda", "add", "Stairs")
    run("agenda", "add", "Sleep")
    run("agenda", "remove", "1")
    run("agenda", "done", "2")
    for item, status in (("1", "removed"), ("2", "done")):
        r = run("goal", "add", "Climb the stairs at home", "--agenda", item)
        assert r.exit_code == 1
        assert r.stderr == f"Error: agenda item {item} is {status}, not open\n"
    assert run_json("goal", "list") == []


def test_a_goal_whose_day_has_passed_is_pointed_out_at_the_goal_step(run, tmp_path, monkeypatch):
    run("agenda", "add", "Stairs")
    run("agenda", "focus", "1")
    run("goal", "add", "Climb the stairs", "--agenda", "1", "--by", "2026-12-31")
    monkeypatch.setenv("SMCOACH_TODAY", "2027-01-04")
    answers = tmp_path / "a.toml"
    answers.write_text('[goal]\nkeep = "keep"\n')
    r = run("session", "--step", "goal", "--answers", str(answers))
    assert r.exit_code == 0, r.output
    assert "The day you set for it, Thu 31 Dec 2026, has passed." in r.stderr
