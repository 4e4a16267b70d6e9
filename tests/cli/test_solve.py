"""smcoach solve through the real CLI (answers files, as scripts and 'smcoach session' use it),
and the store underneath: its migration, constraints and one-answer-one-transaction writes."""

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from smcoach.cli.prompts import AnswersAsker
from smcoach.cli.solve import work_on_problem
from smcoach.errors import SmcoachError
from smcoach.store import Store, migrations

DAY = date(2026, 11, 23)
WEEK_LATER = "2026-11-30"
PROBLEM = "My back aches after I hoover the stairs"
NEW = {
    "problem": PROBLEM,
    "kind": "pain",
    "ideas": ["take a hot water bottle to bed", "do my stretches before bed"],
    "suggestions": "1",
    "choice": "2",
}


@pytest.fixture
def answers(tmp_path):
    """Write an answers file (JSON) and return its path."""
    count = 0

    def write(data: dict) -> str:
        nonlocal count
        count += 1
        path = tmp_path / f"answers{count}.json"
        path.write_text(json.dumps(data), "utf-8")
        return str(path)

    return write


@pytest.fixture
def solve(run, answers):
    """Run 'smcoach solve [revisit ID]' answered from a dict; asserts it succeeded."""

    def go(values: dict, *args: str, env: dict[str, str] | None = None, code: int = 0):
        r = run("solve", *args, "--answers", answers(values), env=env)
        assert r.exit_code == code, r.output
        return r

    return go


def test_a_new_problem_from_an_answers_file(solve, run_json):
    r = solve({"solve": NEW})
    assert "Problem 1 saved." in r.stderr
    assert "Give it a go." in r.stderr and "smcoach solve revisit 1" in r.stderr
    assert r.stdout == ""  # questions and notices on stderr
    assert run_json("solve", "show", "1") == {
        "id": 1,
        "text": PROBLEM,
        "kind": "pain",
        "status": "trying",
        "stage": "assess",
        "created": "2026-11-23",
        "updated": "2026-11-23",
        "ideas": [
            {"id": 1, "text": "take a hot water bottle to bed", "source": "own", "tried": False},
            {"id": 2, "text": "do my stretches before bed", "source": "own", "tried": True},
            {
                "id": 3,
                "text": "pace yourself: break a job into short spells with rests in between",
                "source": "card",
                "tried": False,
            },
        ],
        "attempts": [
            {
                "id": 1,
                "idea_id": 2,
                "idea": "do my stretches before bed",
                "started": "2026-11-23",
                "result": None,
                "assessed": None,
                "note": None,
                "plan_id": None,
            }
        ],
    }
    assert run_json("plan", "list") == []  # no plan unless asked for


def test_list_show_and_json(solve, run, run_json):
    r = run("solve", "list")
    assert (r.exit_code, r.stdout) == (0, "No problems being worked on. Start one: smcoach solve\n")
    assert run_json("solve", "list") == []
    solve({"solve": NEW})
    solve({"solve": {**NEW, "problem": "Too tired to cook in the evening", "kind": "fatigue"}})
    lines = run("solve", "list").stdout.splitlines()
    assert lines[0] == "Problems"
    assert lines[1].split() == [
        "ID",
        "Problem",
        "Kind",
        "Status",
        "Trying",
        "now",
        "Ideas",
        "Updated",
    ]
    assert lines[2].startswith("1   My back aches after I hoover the stairs  pain ")
    assert "trying an idea  do my stretches before bed" in lines[2]
    assert [p["id"] for p in run_json("solve", "list")] == [1, 2]

    out = run("solve", "show", "1").stdout
    assert out.startswith(
        "Problem 1\nProblem  My back aches after I hoover the stairs\nKind     pain or discomfort\n"
    )
    assert "2  do my stretches before bed" in out and "trying now" in out
    assert "suggested" in out
    assert out.endswith("Next: Once you have tried it, say how it went: smcoach solve revisit 1\n")


def test_errors_are_one_line(solve, run, run_json):
    cases = [
        (("solve", "show", "9"), "Error: there is no problem with ID 9\n"),
        (("solve", "show", "x"), "Error: problem ID must be a whole number from 1 up, got x\n"),
        (("solve", "revisit", "9"), "Error: there is no problem with ID 9\n"),
        (
            ("solve", "show"),
            "Error: the problem ID is missing: give it as an argument, or run in a terminal "
            "to be asked\n",
        ),
        (
            ("solve",),
            "Error: the problem is missing: give --answers FILE, or run in a terminal "
            "to be asked\n",
        ),
    ]
    for args, message in cases:
        r = run(*args)
        assert (r.exit_code, r.stderr) == (1, message), args
    assert run_json("solve", "list", "--all") == []  # nothing was started

    solve({"solve": NEW})
    r = run("solve", "revisit", "1")  # no terminal, no answers
    assert (r.exit_code, r.stderr) == (
        1,
        "Error: an answer is missing: give --answers FILE, or run in a terminal to be asked\n",
    )
    solve({"solve": {"result": "worked"}}, "revisit", "1", env={"SMCOACH_TODAY": WEEK_LATER})
    r = run("solve", "revisit", "1")
    assert (r.exit_code, r.stderr) == (
        1,
        "Error: problem 1 is solved. If it has come back, start it again with 'smcoach solve'\n",
    )


def test_an_answer_missing_from_the_file_keeps_what_was_answered(solve, run_json):
    r = solve({"solve": {"problem": PROBLEM}}, code=1)
    assert r.stderr.splitlines()[-1] == (
        "Error: the answers file has no answer for solve.kind; nothing after it was saved"
    )
    shown = run_json("solve", "show", "1")
    assert (shown["text"], shown["kind"], shown["stage"]) == (PROBLEM, None, "name")
    solve(
        {"solve": {"kind": "pain", "ideas": ["rest on the landing"], "choice": "1"}}, "revisit", "1"
    )
    shown = run_json("solve", "show", "1")
    assert (shown["kind"], shown["status"]) == ("pain", "trying")
    assert [i["text"] for i in shown["ideas"]] == ["rest on the landing"]


def test_a_vague_problem_is_asked_again(solve, run_json):
    r = solve({"solve": {**NEW, "problem": "pain", "problem_again": PROBLEM}})
    assert "Naming the problem is often the hardest step" in r.stderr
    assert run_json("solve", "show", "1")["text"] == PROBLEM
    r = solve({"solve": {**NEW, "problem": "my breathing"}})  # Enter keeps it as it is
    assert run_json("solve", "show", "2")["text"] == "my breathing"


def test_making_the_chosen_idea_the_action_plan(solve, run_json):
    plan = {"how_much": "10 minutes", "when": "before bed", "how_often": "mon,wed,fri"}
    r = solve({"solve": {**NEW, "make_plan": "y"}, "plan": {**plan, "confidence": 8}})
    assert "Saved action plan 1: Mon 23 Nov 2026 to Sun 29 Nov 2026." in r.stderr
    [made] = run_json("plan", "list")
    assert (made["what"], made["how_much"], made["days"]) == (
        "do my stretches before bed",
        "10 minutes",
        ["mon", "wed", "fri"],
    )
    assert run_json("solve", "show", "1")["attempts"][0]["plan_id"] == 1

    # The plan coach talks it through as 'plan new' does: low confidence, do it on fewer days.
    answers = {"how_often": ["mon,wed,fri", "mon"], "confidence": [5, 8], "smaller": "fewer"}
    r = solve({"solve": {**NEW, "make_plan": "yes"}, "plan": {**plan, **answers}})
    assert "Your confidence is 5 out of 10" in r.stderr
    second = run_json("plan", "show", "2")
    assert (second["days"], second["confidence"], second["first_confidence"]) == (["mon"], 8, 5)


def test_revisits_substitute_ask_for_help_and_set_aside(solve, run, run_json):
    solve({"solve": NEW})
    later = {"SMCOACH_TODAY": WEEK_LATER}
    r = solve(
        {"solve": {"result": "did_not_work", "note": "too stiff by then", "substitute": "1"}},
        "revisit",
        "1",
        env=later,
    )
    assert "On Mon 23 Nov you chose to try: do my stretches before bed" in r.stderr
    assert "Last time you tried: do my stretches before bed. It did not help." in r.stderr
    shown = run_json("solve", "show", "1")
    assert [(a["idea_id"], a["result"], a["note"]) for a in shown["attempts"]] == [
        (2, "did_not_work", "too stiff by then"),
        (1, None, None),
    ]
    # Two weeks on: it helped a little; keep going with the same idea.
    env = {"SMCOACH_TODAY": "2026-12-07"}
    solve({"solve": {"result": "partly", "substitute": "same"}}, "revisit", "1", env=env)
    shown = run_json("solve", "show", "1")
    assert [(a["idea_id"], a["result"]) for a in shown["attempts"]][-2:] == [
        (1, "partly"),
        (1, None),
    ]
    # Then: still not enough, ask for help, no one right now, set it aside.
    env = {"SMCOACH_TODAY": "2026-12-14"}
    r = solve(
        {"solve": {"result": "partly", "substitute": "help", "accept": "aside"}},
        "revisit",
        "1",
        env=env,
    )
    assert "Step 6 of 7: use other resources." in r.stderr
    assert "  - your GP, practice nurse or pharmacist" in r.stderr
    assert "Step 7 of 7: accept that it may not be solvable right now." in r.stderr
    assert "Problem 1 is set aside for now." in r.stderr
    assert run_json("solve", "list") == []
    [aside] = run_json("solve", "list", "--all")
    assert (aside["status"], aside["stage"], aside["updated"]) == ("accepted", "done", "2026-12-14")
    assert "set aside" in run("solve", "list", "--all").stdout

    # Picked up again: more ideas, then on from where it was; someone to ask this time.
    r = solve(
        {"solve": {"ideas": [], "substitute": "help", "resource": "ask the physio about bending"}},
        "revisit",
        "1",
        env={"SMCOACH_TODAY": "2027-01-04"},
    )
    assert "Picking up problem 1 again" in r.stderr
    shown = run_json("solve", "show", "1")
    assert shown["status"] == "trying"
    assert shown["ideas"][-1] == {
        "id": 4,
        "text": "ask the physio about bending",
        "source": "resource",
        "tried": True,
    }


def test_solved_when_it_worked(solve, run_json):
    solve({"solve": NEW})
    r = solve({"solve": {"result": "worked"}}, "revisit", "1", env={"SMCOACH_TODAY": WEEK_LATER})
    assert "Well done: problem 1 is solved." in r.stderr
    shown = run_json("solve", "show", "1")
    assert (shown["status"], shown["stage"]) == ("solved", "done")
    assert shown["attempts"][0]["result"] == "worked"
    assert shown["attempts"][0]["assessed"] == WEEK_LATER


def test_not_tried_yet_changes_nothing(solve, run_json):
    solve({"solve": NEW})
    before = run_json("solve", "show", "1")
    r = solve({"solve": {"result": "not_yet"}}, "revisit", "1", env={"SMCOACH_TODAY": WEEK_LATER})
    assert "That is all right." in r.stderr
    assert run_json("solve", "show", "1") == before


def test_no_ideas_at_all_goes_to_other_resources(solve, run_json):
    r = solve({"solve": {**NEW, "ideas": [], "suggestions": "", "resource": ""}}, code=1)
    assert "No ideas yet, and that is all right" in r.stderr
    assert r.stderr.splitlines()[-1] == (
        "Error: the answers file has no answer for solve.accept; nothing after it was saved"
    )
    assert run_json("solve", "show", "1")["stage"] == "accept"


def test_a_badly_written_answers_file(run, tmp_path):
    path = tmp_path / "a.toml"
    path.write_text("[solve\nproblem = 'x'", "utf-8")
    r = run("solve", "--answers", str(path))
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: the answers file {path} is malformed:")
    assert r.stderr.count("\n") == 1
    path.write_text(json.dumps({"solve": {**NEW, "kind": "knees"}}), "utf-8")
    path = path.rename(tmp_path / "a.json")
    r = run("solve", "--answers", str(path))
    assert r.stderr.splitlines()[-1].startswith(
        "Error: the answers file's answer for solve.kind does not fit: choose one of pain, "
    )


# --- for 'smcoach session': work_on_problem and the store's questions --------------------------


def test_work_on_problem_leaves_an_idea_chosen_today_to_be_tried(isolated):
    store = Store(isolated)
    problem_id = work_on_problem(store, AnswersAsker({"solve": NEW}), None, DAY)
    assert store.problems_to_revisit(DAY) == []
    # Called again the same day (a session resumed): nothing is asked, nothing changes.
    assert work_on_problem(store, AnswersAsker({}), problem_id, DAY) == problem_id
    assert store.problem(problem_id).status == "trying"
    later = date(2026, 11, 30)
    assert store.problems_to_revisit(later) == [problem_id]
    work_on_problem(store, AnswersAsker({"solve": {"result": "worked"}}), problem_id, later)
    assert store.problems_to_revisit(later) == []
    # Solved is a resting point too: nothing is asked ('solve revisit' is the one that refuses).
    assert work_on_problem(store, AnswersAsker({}), problem_id, later) == problem_id
    assert store.problem(problem_id).status == "solved"
    store.close()


# --- the store: migration, constraints, transactions -------------------------------------------


def test_m002_migrates_a_file_from_before_it_keeping_its_data(tmp_path, monkeypatch):
    path = tmp_path / "x.db"
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", [migrations.m001_initial])
        m.setattr(migrations, "NAMES", ["m001_initial"])
        old = Store(path)
        old.add_agenda("kept", DAY)
        old.close()
    store = Store(path)
    assert store.backup_path is not None
    assert [i.text for i in store.agenda()] == ["kept"]
    problem_id = store.add_problem(PROBLEM, DAY, "t")
    assert store.problem(problem_id).status == "open"
    applied = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations")]
    assert applied[:2] == ["m001_initial", "m002_problems"] and applied == migrations.NAMES
    store.close()


def test_the_schema_refuses_what_the_method_does_not_allow(isolated):
    store = Store(isolated)
    c = store.conn
    first = store.add_problem("one", DAY, "t")
    second = store.add_problem("two", DAY, "t")
    store.finish_ideas(first, ["an idea of the first"], DAY)
    store.finish_ideas(second, ["an idea of the second"], DAY)
    refused = [
        "UPDATE problems SET status = 'maybe' WHERE id = 1",
        "INSERT INTO problem_ideas (problem_id, text, source) VALUES (1, 'x', 'a friend')",
        # an attempt at an idea of another problem
        "INSERT INTO problem_attempts (problem_id, idea_id, started) VALUES (1, 2, '2026-11-23')",
        "INSERT INTO problem_attempts (problem_id, idea_id, started, result, assessed) "
        "VALUES (1, 1, '2026-11-23', 'great', '2026-11-30')",
        "INSERT INTO problem_attempts (problem_id, idea_id, started, result) "
        "VALUES (1, 1, '2026-11-23', 'worked')",  # a result without the day it was assessed
    ]
    for sql in refused:
        with pytest.raises(sqlite3.IntegrityError):
            c.execute(sql)
    store.choose_idea(first, 1, DAY)
    with pytest.raises(sqlite3.IntegrityError):  # one idea waiting at a time
        c.execute("INSERT INTO problem_attempts (problem_id, idea_id, started) VALUES (1, 1, 'x')")
    store.close()


def test_an_answer_that_no_longer_applies_writes_nothing(isolated):
    """Another smcoach moved the problem on: the whole answer is refused, nothing half-saved."""
    store, other = Store(isolated), Store(isolated)
    problem_id = store.add_problem(PROBLEM, DAY, "t")
    store.set_problem_kind(problem_id, "pain", DAY)
    other.finish_ideas(problem_id, [], DAY)
    with pytest.raises(SmcoachError, match=r"problem 1 has moved on \(it is now choosing\)"):
        store.finish_ideas(problem_id, ["suggested, then refused"], DAY)
    with pytest.raises(SmcoachError, match="moved on"):
        store.add_idea(problem_id, "too late", "own", DAY)
    assert store.problem_ideas([problem_id]) == {problem_id: []}
    with pytest.raises(SmcoachError, match="moved on"):
        store.record_result(problem_id, "worked", DAY)  # nothing is being tried
    store.close()
    other.close()


def test_an_interrupted_answer_writes_nothing(isolated, monkeypatch):
    store = Store(isolated)
    problem_id = store.add_problem(PROBLEM, DAY, "t")

    def power_cut(*args: object) -> str:
        raise KeyboardInterrupt

    with monkeypatch.context() as m, pytest.raises(KeyboardInterrupt):
        m.setattr(store, "_move", power_cut)
        store.finish_ideas(problem_id, ["one", "two"], DAY)
    assert store.problem_ideas([problem_id]) == {problem_id: []}
    assert store.problem(problem_id).status == "open"
    store.close()


def test_migration_tables_exist_in_a_new_file(isolated):
    Store(isolated).close()
    with sqlite3.connect(Path(isolated)) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert {"problems", "problem_ideas", "problem_attempts"} <= names


def test_revisit_without_answers_leaves_a_set_aside_problem_as_it_is(solve, run, run_json):
    aside = {**NEW, "ideas": [], "suggestions": "", "resource": "", "accept": "aside"}
    solve({"solve": aside})
    assert run_json("solve", "show", "1")["status"] == "accepted"
    r = run("solve", "revisit", "1")
    assert r.exit_code == 1 and r.stderr.startswith("Error: an answer is missing")
    assert run_json("solve", "show", "1")["status"] == "accepted"  # not reopened
