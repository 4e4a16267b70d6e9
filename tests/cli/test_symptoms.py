"""smcoach symptoms and `smcoach check --rate`, through the real CLI; and the store's symptom
queries (ratings saved with a check-in in one transaction, weekly averages in SQL)."""

import os
from datetime import date
from pathlib import Path

import pytest

from smcoach.domain.models import CheckIn, PlanDraft
from smcoach.errors import SmcoachError
from smcoach.store import Store

MONDAY = date(2026, 11, 23)
PLAN = [
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
    "2026-11-23",
]


def ratings(day: str = "2026-11-23") -> dict[str, int]:
    """The ratings saved for a day, read back from the file."""
    store = Store(Path(os.environ["SMCOACH_DB"]))
    try:
        return {r.name: r.rating for r in store.ratings_for(date.fromisoformat(day))}
    finally:
        store.close()


def checkins(run_json) -> list[tuple[str, str]]:
    return [(c["day"], c["status"]) for c in run_json("plan", "show", "1")["checkins"]]


def one_line_error(r, message: str) -> None:
    assert r.exit_code == 1, r.output
    assert r.stderr == f"Error: {message}\n"


# --- smcoach symptoms ---------------------------------------------------------------------------


def test_add_list_remove_and_add_again(run, run_json):
    r = run("symptoms", "add", "Fatigue")
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr.startswith("Added 'Fatigue' to your symptoms (0 = none, 10 = worst).")
    run("symptoms", "add", "shortness of breath")
    listed = run_json("symptoms", "list")
    assert [(s["id"], s["name"], s["status"]) for s in listed] == [
        (1, "Fatigue", "active"),
        (2, "shortness of breath", "active"),
    ]
    assert set(listed[0]) == {"id", "name", "higher_is_better", "status", "created", "removed"}
    assert (listed[0]["created"], listed[0]["removed"]) == ("2026-11-23", None)

    out = run("symptoms", "list").stdout
    assert "Fatigue" in out and "shortness of breath" in out and "removed" not in out

    r = run("symptoms", "remove", "FATIGUE")  # matched whatever the case
    assert r.exit_code == 0
    assert r.stderr.startswith("Removed 'Fatigue' from your symptoms (its ratings are kept")
    assert [s["name"] for s in run_json("symptoms", "list")] == ["shortness of breath"]
    everything = run_json("symptoms", "list", "--all")
    assert [(s["name"], s["status"], s["removed"]) for s in everything] == [
        ("Fatigue", "removed", "2026-11-23"),
        ("shortness of breath", "active", None),
    ]
    out = run("symptoms", "list", "--all").stdout
    assert "removed" in out and "Fatigue" in out

    assert run("symptoms", "add", "fatigue").exit_code == 0  # a new symptom, as typed
    everything = run_json("symptoms", "list", "--all")
    assert [(s["id"], s["name"], s["status"]) for s in everything] == [
        (1, "Fatigue", "removed"),
        (2, "shortness of breath", "active"),
        (3, "fatigue", "active"),
    ]


def test_empty_list(run, run_json):
    assert run_json("symptoms", "list") == []
    r = run("symptoms", "list", "--all")
    assert (r.exit_code, r.stdout.strip()) == (
        0,
        "No symptoms on your list. Add one you want to follow each day: smcoach symptoms add "
        "fatigue",
    )


def test_symptoms_alone_lists_them_and_help_shows_the_commands(run):
    r = run("symptoms")
    assert r.exit_code == 0 and r.stdout.startswith("No symptoms on your list.")
    r = run("symptoms", "--help")
    assert "Usage:" in r.output and "add" in r.output and "remove" in r.output
    assert "Example: smcoach symptoms add fatigue" in r.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("symptoms", "add", "pain"), "'Pain' is already on your symptom list"),
        (("symptoms", "add", "  PAIN "), "'Pain' is already on your symptom list"),
        (("symptoms", "add", " "), "a symptom's name cannot be empty"),
        (
            ("symptoms", "add", "pain=3"),
            "a symptom's name cannot contain '=' (it separates name and rating in --rate NAME=N), "
            "got 'pain=3'",
        ),
        (
            ("symptoms", "remove", "mood"),
            "'mood' is not on your symptom list: see 'smcoach symptoms list', "
            "or add it with 'smcoach symptoms add \"mood\"'",
        ),
        (
            ("symptoms", "add"),
            "the symptom's name is missing: give it as an argument, or run in a terminal to be "
            "asked",
        ),
    ],
)
def test_symptom_errors_are_one_line(run, run_json, args, message):
    run("symptoms", "add", "Pain")
    one_line_error(run(*args), message)
    assert [s["name"] for s in run_json("symptoms", "list", "--all")] == ["Pain"]


def test_a_removed_symptom_cannot_be_removed_again(run):
    run("symptoms", "add", "pain")
    run("symptoms", "remove", "pain")
    r = run("symptoms", "remove", "pain")
    assert r.exit_code == 1 and r.stderr.startswith("Error: 'pain' is not on your symptom list")


# --- smcoach check --rate -----------------------------------------------------------------------


@pytest.fixture
def two_symptoms(run):
    for name in ("fatigue", "Pain"):
        assert run("symptoms", "add", name).exit_code == 0


def test_rate_with_a_check_in(run, run_json, two_symptoms):
    run(*PLAN)
    r = run("check", "--done", "--rate", "fatigue=6", "--rate", "pain = 3")
    assert r.exit_code == 0, r.output
    assert r.stderr == (
        "Checked in for Mon 23 Nov: done.\n"
        "Rated fatigue 6/10 for Mon 23 Nov.\n"
        "Rated Pain 3/10 for Mon 23 Nov.\n"
    )
    assert checkins(run_json) == [("2026-11-23", "done")]
    assert ratings() == {"fatigue": 6, "Pain": 3}


def test_rate_alone_needs_no_plan(run, two_symptoms):
    r = run("check", "--rate", "PAIN=4")
    assert (r.exit_code, r.stderr) == (0, "Rated Pain 4/10 for Mon 23 Nov.\n")
    assert ratings() == {"Pain": 4}


def test_rate_alone_leaves_the_check_in_alone(run, run_json, two_symptoms):
    run(*PLAN)
    assert run("check", "--rate", "fatigue=2").exit_code == 0
    assert checkins(run_json) == []
    assert ratings() == {"fatigue": 2}


def test_a_second_rating_replaces_the_first(run, two_symptoms):
    run("check", "--rate", "fatigue=6", "--rate", "pain=3")
    r = run("check", "--rate", "fatigue=4")
    assert r.stderr == "Rated fatigue 4/10 for Mon 23 Nov (replaces 6).\n"
    r = run("check", "--rate", "fatigue=4")
    assert r.stderr == "Rated fatigue 4/10 for Mon 23 Nov.\n"
    assert ratings() == {"fatigue": 4, "Pain": 3}


def test_date_applies_to_ratings(run, run_json, two_symptoms, monkeypatch):
    run(*PLAN)
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-25")
    r = run("check", "--rate", "fatigue=5", "--date", "yesterday")
    assert r.stderr == "Rated fatigue 5/10 for Tue 24 Nov.\n"
    r = run("check", "--partly", "--date", "mon", "--rate", "pain=7")
    assert r.exit_code == 0, r.output
    assert checkins(run_json) == [("2026-11-23", "partly")]
    assert ratings("2026-11-24") == {"fatigue": 5}
    assert ratings("2026-11-23") == {"Pain": 7}
    assert ratings("2026-11-25") == {}
    one_line_error(
        run("check", "--rate", "pain=1", "--date", "tomorrow"),
        "Thu 26 Nov 2026 has not happened yet: check in on the day or after",
    )
    assert ratings("2026-11-26") == {}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--done", "--rate", "nosuch=3"),
            "'nosuch' is not on your symptom list: see 'smcoach symptoms list', "
            "or add it with 'smcoach symptoms add \"nosuch\"'",
        ),
        (
            ("--done", "--rate", "fatigue=6", "--rate", "nosuch=3"),
            "'nosuch' is not on your symptom list: see 'smcoach symptoms list', "
            "or add it with 'smcoach symptoms add \"nosuch\"'",
        ),
        (
            ("--rate", "fatigue=6", "--rate", "nosuch=3"),
            "'nosuch' is not on your symptom list: see 'smcoach symptoms list', "
            "or add it with 'smcoach symptoms add \"nosuch\"'",
        ),
        (
            ("--done", "--rate", "fatigue=11"),
            "a rating must be a whole number from 0 to 10, got 11",
        ),
        (
            ("--done", "--rate", "pain=2", "--rate", "fatigue"),
            "'fatigue' is not a rating: use NAME=N with N a whole number from 0 to 10, "
            "such as --rate fatigue=6",
        ),
        (
            ("--done", "--rate", "fatigue=2.5"),
            "a rating must be a whole number from 0 to 10, got 2.5",
        ),
        (
            ("--rate", "fatigue=2", "--rate", "FATIGUE=3"),
            "'FATIGUE' is rated twice: give each symptom one rating a day",
        ),
        (
            ("1", "--done", "--date", "2026-11-22", "--rate", "fatigue=2"),
            "Sun 22 Nov 2026 is outside plan 1's week (Mon 23 Nov 2026 to Sun 29 Nov 2026)",
        ),
        (
            ("--rate", "fatigue=2", "--note", "tired"),
            "--note goes with a check-in: add --done, --partly, --not or --rest",
        ),
        (
            ("1", "--rate", "fatigue=2"),
            "a plan ID goes with a check-in: add --done, --partly, --not or --rest",
        ),
    ],
)
def test_a_mistake_saves_nothing_of_the_command(run, run_json, two_symptoms, args, message):
    run(*PLAN)
    one_line_error(run("check", *args), message)
    assert checkins(run_json) == []
    assert ratings() == {} and ratings("2026-11-22") == {}


def test_a_mistake_keeps_what_was_saved_before(run, run_json, two_symptoms):
    run(*PLAN)
    run("check", "--partly", "--rate", "fatigue=6")
    r = run("check", "--done", "--rate", "fatigue=2", "--rate", "nosuch=3")
    assert r.exit_code == 1
    assert checkins(run_json) == [("2026-11-23", "partly")]  # not replaced
    assert ratings() == {"fatigue": 6}


def test_a_removed_symptom_cannot_be_rated_but_keeps_its_ratings(run, two_symptoms):
    run("check", "--rate", "pain=5")
    run("symptoms", "remove", "pain")
    r = run("check", "--rate", "pain=6")
    assert r.exit_code == 1 and "'pain' is not on your symptom list" in r.stderr
    assert ratings() == {"Pain": 5}


def test_check_without_flags_still_asks_for_a_status(run, two_symptoms):
    one_line_error(
        run("check"),
        "say how it went: add --done, --partly, --not or --rest (and --date DAY for another day)",
    )


# --- the store ----------------------------------------------------------------------------------


@pytest.fixture
def store(isolated):
    s = Store(isolated)
    yield s
    s.close()


def rate(store: Store, day: date, **values: int) -> None:
    store.save_ratings(day, list(values.items()), "2026-11-23T09:00:00+00:00")


def test_ratings_carry_their_iso_week(store):
    store.add_symptom("pain", MONDAY)
    rate(store, date(2027, 1, 3), pain=4)  # a Sunday in 2026-W53
    rate(store, date(2027, 1, 4), pain=5)  # the Monday of 2027-W01
    rows = store.conn.execute("SELECT day, week FROM symptom_ratings ORDER BY day").fetchall()
    assert [tuple(r) for r in rows] == [("2027-01-03", "2026-W53"), ("2027-01-04", "2027-W01")]


def test_save_ratings_with_a_check_in_is_all_or_nothing(store):
    plan_id = store.add_plan(
        PlanDraft("walk", "10 min", "am", ("mon",), None, 8, MONDAY), 8, False, "now"
    )
    store.add_symptom("pain", MONDAY)
    checkin = CheckIn(plan_id, MONDAY, "done", None)
    with pytest.raises(SmcoachError, match="'nosuch' is not on your symptom list"):
        store.save_ratings(MONDAY, [("pain", 3), ("nosuch", 1)], "now", checkin)
    assert store.checkins([plan_id]) == {plan_id: []}
    assert store.ratings_for(MONDAY) == []
    old, saved = store.save_ratings(MONDAY, [("PAIN", 3)], "now", checkin)
    assert old is None and [tuple(s)[:3] for s in saved] == [("pain", 3, None)]
    old, saved = store.save_ratings(MONDAY, [("pain", 4)], "now", checkin._replace(status="partly"))
    assert old == checkin and [tuple(s)[:3] for s in saved] == [("pain", 4, 3)]
    assert store.checkins([plan_id])[plan_id][0].status == "partly"


def test_weekly_averages(store):
    store.add_symptom("Fatigue", MONDAY)
    store.add_symptom("pain", MONDAY)
    rate(store, date(2026, 11, 23), Fatigue=6, pain=2)  # 2026-W48
    rate(store, date(2026, 11, 25), Fatigue=3)
    rate(store, date(2026, 11, 29), Fatigue=4)  # Sunday: still W48
    rate(store, date(2026, 11, 30), Fatigue=8)  # 2026-W49
    rate(store, date(2026, 12, 31), pain=7)  # 2026-W53
    rate(store, date(2027, 1, 4), pain=1)  # 2027-W01
    assert store.symptom_weekly_averages("2026-W48", "2027-W01") == {
        "Fatigue": {"2026-W48": pytest.approx(13 / 3), "2026-W49": 8.0},
        "pain": {"2026-W48": 2.0, "2026-W53": 7.0, "2027-W01": 1.0},
    }
    assert store.symptom_weekly_averages("2026-W49", "2026-W53") == {
        "Fatigue": {"2026-W49": 8.0},
        "pain": {"2026-W53": 7.0},
    }
    assert store.symptom_weekly_averages("2026-W50", "2026-W52") == {}
    assert store.symptom_weekly_averages("2027-W01", "2026-W48") == {}


def test_weekly_averages_keep_removed_symptoms_one_line_per_name(store):
    store.add_symptom("Fatigue", MONDAY)
    rate(store, date(2026, 11, 23), Fatigue=6)
    store.remove_symptom("fatigue", date(2026, 11, 24))
    store.add_symptom("fatigue", date(2026, 11, 25))  # a new symptom of the same name
    rate(store, date(2026, 11, 25), fatigue=2)
    rate(store, date(2026, 12, 1), fatigue=5)
    store.add_symptom("mood", MONDAY)
    rate(store, date(2026, 11, 23), mood=9)
    store.remove_symptom("mood", MONDAY)
    assert store.symptom_weekly_averages("2026-W48", "2026-W49") == {
        "fatigue": {"2026-W48": 4.0, "2026-W49": 5.0},  # under the name it was last added as
        "mood": {"2026-W48": 9.0},
    }


def test_weekly_averages_are_read_from_the_weeks_sums_by_their_key(store):
    store.add_symptom("pain", MONDAY)
    rate(store, MONDAY, pain=3)
    executed: list[str] = []
    store.conn.set_trace_callback(executed.append)
    store.symptom_weekly_averages("2026-W01", "2026-W52")
    store.conn.set_trace_callback(None)
    [query] = [sql for sql in executed if "symptom_weeks" in sql]
    assert "symptom_ratings" not in query  # the days' ratings are not read
    plan = store.conn.execute("EXPLAIN QUERY PLAN " + query).fetchall()
    details = " | ".join(r[3] for r in plan)
    assert "SEARCH symptom_weeks USING PRIMARY KEY (week>? AND week<?)" in details
    assert "TEMP B-TREE" not in details  # the weeks come out of the key in week order


def test_weekly_averages_want_iso_week_keys(store):
    with pytest.raises(ValueError, match="ISO week key"):
        store.symptom_weekly_averages("2026-48", "2026-W50")


# --- asked in a terminal (the pseudo-terminal test is in test_symptoms_pty.py) ------------------


@pytest.fixture
def as_if_in_a_terminal(monkeypatch):
    import smcoach.cli.work.checkin

    monkeypatch.setattr(smcoach.cli.work.checkin, "interactive", lambda: True)


def test_asked_without_a_plan_only_the_ratings(run, two_symptoms, as_if_in_a_terminal):
    r = run("check", input="7\n\n")
    assert r.exit_code == 0, r.output
    assert "How was your fatigue today, 0 = none, 10 = worst? (Enter to skip): " in r.stderr
    assert "How was your Pain today, 0 = none, 10 = worst? (Enter to skip): " in r.stderr
    assert "Nothing to check in" not in r.stderr
    assert ratings() == {"fatigue": 7}


def test_asked_for_another_day_with_date(run, two_symptoms, as_if_in_a_terminal):
    r = run("check", "--date", "yesterday", input="2\n3\n")
    assert "How was your fatigue on Sun 22 Nov, 0 = none, 10 = worst? (Enter to skip): " in r.stderr
    assert ratings("2026-11-22") == {"fatigue": 2, "Pain": 3}


def test_nothing_asked_when_every_symptom_is_rated(run, two_symptoms, as_if_in_a_terminal):
    run("check", "--rate", "fatigue=1", "--rate", "pain=2")
    r = run("check", input="")
    assert (r.exit_code, r.stderr) == (0, "Every symptom on your list is rated for Mon 23 Nov.\n")


def test_no_plan_and_no_symptoms_is_still_an_error(run, as_if_in_a_terminal):
    one_line_error(
        run("check", input=""),
        "there is no current action plan: make one with 'smcoach plan new'",
    )
