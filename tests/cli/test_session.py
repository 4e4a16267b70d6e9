"""smcoach session without a terminal: --answers files, resuming, --step, and its errors."""

import json
import sqlite3

import pytest

WEEK1 = """
[agenda]
add = ["Getting out of breath on the stairs", "Sleeping badly"]
focus = "1"

[goal]
text = "Walk to my daughter's house and back"
by = "2027-03-01"

[plan]
what = "walk to the post box and back"
how_much = "10 minutes"
when = "after lunch"
how_often = "mon,wed,fri"
confidence = "8"
"""

WEEK2 = """
[feedback]
2026-11-25 = "done"
2026-11-27 = "not"
how = "Good start; on Friday it rained"
barrier = "Rain on Friday"
solve = "yes"

[solve]
problem = "When it rains I skip my walk and stay indoors"
kind = "motivation"
ideas = ["walk up and down the stairs at home", "walk in the shopping centre"]
suggestions = ""
choice = "2"
make_plan = "n"

[goal]
keep = "keep"

[plan]
what = "walk round the shopping centre"
how_much = "15 minutes"
when = "mid-morning"
how_often = "2"
confidence = "9"
"""


def sessions(db):
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT status, step FROM sessions ORDER BY id").fetchall()
    conn.close()
    return rows


def test_first_session_from_an_answers_file(run, run_json, answers, isolated):
    r = run("session", "--answers", answers(WEEK1))
    assert r.exit_code == 0, r.output
    assert "Welcome to smcoach" in r.stderr and str(isolated) in r.stderr  # first run
    assert "does not give medical advice" in r.stderr
    assert r.stdout.splitlines()[0] == "Plan 1, for this week"
    assert "Next check-in  Mon 23 Nov 2026: smcoach check 1 --done" in r.stdout
    agenda = run_json("agenda", "list")
    assert [(i["text"], i["focus"]) for i in agenda] == [
        ("Getting out of breath on the stairs", True),
        ("Sleeping badly", False),
    ]
    [goal] = run_json("goal", "list")
    assert (goal["agenda_id"], goal["by"]) == (1, "2027-03-01")
    [plan] = run_json("plan", "list")
    assert (plan["what"], plan["days"], plan["confidence"], plan["goal_id"]) == (
        "walk to the post box and back",
        ["mon", "wed", "fri"],
        8,
        1,
    )
    assert sessions(isolated) == [("done", "summary")]


def test_json_answers_file(run, run_json, answers):
    data = {"agenda": {"add": "Pain in my knees", "focus": "1"},
            "goal": {"text": "Garden again"},
            "plan": {"what": "stretch", "how_much": "5 minutes", "when": "morning",
                     "how_often": "3", "confidence": "9"}}  # fmt: skip
    r = run("session", "--answers", answers(json.dumps(data), "a.json"))
    assert r.exit_code == 0, r.output
    assert run_json("plan", "list")[0]["times"] == 3


def test_second_week_feedback_and_problem_solving(run, run_json, answers, monkeypatch):
    run("session", "--answers", answers(WEEK1))
    run("check", "--done")
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-30")
    r = run("session", "--answers", answers(WEEK2, "week2.toml"))
    assert r.exit_code == 0, r.output
    assert "Welcome" not in r.stderr
    assert "Last week's plan: walk to the post box and back" in r.stderr
    assert "You did 2 of 3. Every one of those counts." in r.stderr
    first, second = run_json("plan", "list", "--all")
    assert (first["status"], first["feedback"], first["feedback_on"]) == (
        "ended",
        "Good start; on Friday it rained",
        "2026-11-30",
    )
    assert [(c["day"], c["status"]) for c in first["checkins"]] == [
        ("2026-11-23", "done"),
        ("2026-11-25", "done"),
        ("2026-11-27", "not"),
    ]
    assert (second["what"], second["times"], second["goal_id"]) == (
        "walk round the shopping centre",
        2,
        1,
    )
    problem = run_json("solve", "show", "1")
    assert problem["text"] == "When it rains I skip my walk and stay indoors"
    assert [i["text"] for i in problem["ideas"]] == [
        "walk up and down the stairs at home",
        "walk in the shopping centre",
    ]
    assert "Plan 2, for this week" in r.stdout


def test_a_missing_answer_stops_and_the_next_run_resumes(run, run_json, answers, isolated):
    partial = WEEK1.replace('confidence = "8"\n', "")
    r = run("session", "--answers", answers(partial))
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        "Error: the answers file has no answer for plan.confidence; nothing after it was saved"
    )
    assert len(run_json("agenda", "list")) == 2  # answered before: kept
    assert run_json("plan", "list") == []
    assert sessions(isolated) == [("open", "plan")]

    r = run("session", "--answers", answers(WEEK1, "full.toml"))
    assert r.exit_code == 0, r.output
    assert len(run_json("agenda", "list")) == 2  # not added twice
    assert len(run_json("goal", "list")) == 1
    assert run_json("plan", "list")[0]["confidence"] == 8
    assert sessions(isolated) == [("done", "summary")]


def test_an_invalid_answer_is_a_clear_error(run, run_json, answers):
    r = run("session", "--answers", answers(WEEK1.replace('confidence = "8"', 'confidence = "11"')))
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        "Error: the answers file's answer for plan.confidence does not fit: confidence must be a "
        "whole number from 0 to 10, got 11; nothing after it was saved"
    )
    assert run_json("plan", "list") == []


def test_start_over_abandons_the_stopped_session(run, answers, isolated):
    run("session", "--answers", answers(WEEK1.replace('confidence = "8"\n', "")))
    again = '[session]\nresume = "over"\n' + WEEK1.replace("[goal]\n", '[goal]\nkeep = "keep"\n')
    r = run("session", "--answers", answers(again, "b.toml"))
    assert r.exit_code == 0, r.output
    assert sessions(isolated) == [("abandoned", "plan"), ("done", "summary")]


def test_step_runs_one_step_only(run, run_json, answers, isolated):
    r = run("session", "--step", "agenda", "--answers",
            answers('[agenda]\nadd = ["Cooking tires me out"]\nfocus = "1"\n'))  # fmt: skip
    assert r.exit_code == 0, r.output
    assert [i["text"] for i in run_json("agenda", "list")] == ["Cooking tires me out"]
    assert run_json("goal", "list") == [] and run_json("plan", "list") == []
    assert sessions(isolated) == [("done", "agenda")]


def test_step_feedback_with_nothing_to_feed_back(run, answers):
    r = run("session", "--step", "feedback", "--answers", answers(""))
    assert r.exit_code == 0 and "No plan is waiting for feedback." in r.stderr


def test_session_errors(run, answers, tmp_path):
    cases = [
        (("session", "--step", "dance"),
         "Error: there is no step 'dance': choose one of feedback, solve, agenda, goal, plan\n"),
        (("session",),
         "Error: a session asks questions: run it in a terminal, or give --answers FILE\n"),
        (("session", "--answers", answers("[agenda\nadd = 1\n")),
         f"Error: the answers file {tmp_path / 'answers.toml'} is malformed: "),
        (("session", "--answers", answers('{"agenda": ', "x.json")),
         f"Error: the answers file {tmp_path / 'x.json'} is malformed: Expecting value (line 1)"),
        (("session", "--answers", str(tmp_path / "nope.toml")),
         f"Error: cannot read the answers file {tmp_path / 'nope.toml'}"),
        (("session", "--answers", answers('agenda = "x"\n', "flat.toml")),
         "Error: in the answers file, 'agenda' must be a table of answers by key\n"),
    ]  # fmt: skip
    for args, message in cases:
        r = run(*args)
        assert r.exit_code == 1, args
        assert r.stderr.startswith(message), (args, r.stderr)
        assert r.stderr.count("\n") == 1, r.stderr
    assert "line 1" in run("session", "--answers", answers("[agenda\n")).stderr


def test_a_malformed_card_file_names_file_and_line(run, answers, tmp_path):
    cards = tmp_path / "service" / "cards"
    cards.mkdir(parents=True)
    (cards / "en.toml").write_text('[session]\nagenda_add = "ok"\nbroken = \n')
    r = run("--content", str(tmp_path / "service"), "session", "--answers", answers(WEEK1))
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: the card file {cards / 'en.toml'} is malformed: ")
    assert "line 3" in r.stderr


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ('[plan]\nwhta = "What will you try?"\n', "a card smcoach does not know: plan.whta"),
        ('[plans]\nwhat = "What will you try?"\n', "a card smcoach does not know: [plans]"),
        ("[plan]\nwhat = 3\n", "gives plan.what the wrong kind of value"),
    ],
)
def test_an_unknown_card_in_an_override_is_one_line_naming_file_and_key(
    run, answers, tmp_path, toml, said
):
    cards = tmp_path / "service" / "cards"
    cards.mkdir(parents=True)
    (cards / "en.toml").write_text(toml)
    r = run("--content", str(tmp_path / "service"), "session", "--answers", answers(WEEK1))
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: the card file {cards / 'en.toml'} ")
    assert said in r.stderr and r.stderr.count("\n") == 1


def test_override_cards_replace_only_what_they_name(tmp_path, monkeypatch):
    from smcoach.content import card

    folder = tmp_path / "service"
    (folder / "cards").mkdir(parents=True)
    (folder / "cards" / "en.toml").write_text('[plan]\nwhat = "Your small step this week?"\n')
    monkeypatch.setenv("SMCOACH_CONTENT", str(folder))
    assert card("plan", "what") == "Your small step this week?"
    assert card("plan", "when").startswith("When in the day?")  # built-in, not overridden


def test_a_content_folder_without_cards_keeps_the_built_in_ones(run, answers, tmp_path):
    """A course's folder may hold only topics or a directory of services; a folder that is
    not there at all (mistyped) is one line naming it."""
    folder = tmp_path / "course"
    (folder / "services").mkdir(parents=True)
    r = run("--content", str(folder), "session", "--answers", answers(WEEK1))
    assert r.exit_code == 0, r.stderr
    r = run("--content", str(tmp_path / "corse"), "session", "--answers", answers(WEEK1))
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        f"Error: there is no folder {tmp_path / 'corse'} (named by --content or SMCOACH_CONTENT)"
    )


def test_an_answers_file_with_a_thousand_agenda_items_is_one_write(run, run_json, tmp_path,
                                                                     monkeypatch):  # fmt: skip
    """It took 19.5 s: every item was a write that read the whole file first, and the agenda
    was read again after each. Now the items are saved together, and the work is linear."""
    from smcoach.store import connection

    checks = []
    real = connection.check
    monkeypatch.setattr(connection, "check", lambda *a, **k: checks.append(1) or real(*a, **k))
    import smcoach.store as store_module

    monkeypatch.setattr(store_module, "check", connection.check)
    items = [f"item {i}" for i in range(1000)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"agenda": {"add": items, "focus": "1"}}))
    run("agenda", "add", "already there")
    checks.clear()
    r = run("session", "--answers", str(path))
    assert "Added agenda item 1001." in r.stderr
    assert len(checks) < 10  # one for the thousand items, a few for the session's own steps
    assert [i["text"] for i in run_json("agenda", "list")] == ["already there", *items]
