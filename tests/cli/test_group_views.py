"""smcoach group board / cards / report / selfcheck / export, through the real CLI, on a course
register built straight into its tables (tests/coursehelp.py). Today is Monday 2026-11-23:
the course below started on Monday 2 November, so today is its week 4 of 6."""

import csv
import io
import json
import os
import re
import sqlite3
from datetime import date

import pytest

from coursehelp import CourseFile

NAMES = ["Zelda", "Quincy", "Marisol", "Tobias"]  # Tobias left in week 3; Wren left, no history
PLANS = {  # (name, week): what; two of them name someone in the group
    ("Zelda", 1): "walk with Quincy to the shop",
    ("Quincy", 1): "stretch in the kitchen",
    ("Marisol", 1): "cook a fresh meal",
    ("Tobias", 1): "swim at the pool",
    ("Zelda", 2): "phone ZELDA's sister, then garden",
    ("Quincy", 2): "breathing exercises before bed",
    ("Zelda", 4): "walk round the park",
    ("Quincy", 4): "read to the grandchildren",
}


@pytest.fixture
def course(isolated):
    """The Tuesday group in the test's database: attendance, plans with feedback, scales."""
    c = CourseFile(isolated, start=date(2026, 11, 2)).add(*NAMES, "Wren")
    c.attend_weeks("Zelda", [1, 2, 3, 4])
    c.attend_weeks("Quincy", [1, 2, 4], absent=(3,))
    c.attend_weeks("Marisol", [1], absent=(2,))  # week 3 and 4: nothing recorded
    c.attend_weeks("Tobias", [1, 2])
    for (name, week), what in PLANS.items():
        feedback = {1: "done", 2: "partly"}.get(week)
        confidence = 5 if name == "Quincy" and week == 4 else 8
        c.plan(name, week, what, feedback=feedback, confidence=confidence,
               days=None if name == "Marisol" else "mon,wed,fri",
               times=2 if name == "Marisol" else None)  # fmt: skip
    c.remove("Tobias", date(2026, 11, 16))
    c.remove("Wren", date(2026, 11, 3))
    c.selfcheck("Zelda", 1, [5, 5, 5, 5, 5, 5])
    c.selfcheck("Zelda", 6, [7, 7, 7, 7, 7, 7])
    c.selfcheck("Quincy", 1, [4, 4, 4, 4, 4, 4])  # no last: left out of the change
    c.close()
    return c


def out_of(result):
    assert result.exit_code == 0, result.output
    return result.stdout


def one_line_error(result, *words: str) -> str:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    return result.stderr


EXTERNAL = re.compile(r"(?i)https?:|//[a-z]|<script|<link|<img|<iframe|src=|href=|url\(|@import")


def assert_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not EXTERNAL.search(page), EXTERNAL.search(page)


def private(path) -> bool:
    return os.stat(path).st_mode & 0o777 == 0o600


# --- the board ----------------------------------------------------------------------------------


def test_board_rows_cells_and_marks(run, course):
    out = out_of(run("group", "board"))
    lines = out.splitlines()
    assert lines[0].startswith("Tuesday group: the plans of weeks 1 to 4")
    rows = {line.split()[0]: line for line in lines[2:6]}
    assert set(rows) == {"Zelda", "Quincy", "Marisol", "Tobias"}  # Wren: left, no history
    assert "Tobias (left)" in out
    assert "walk with Quincy to the shop 8/10 done" in rows["Zelda"]
    assert "breathing exercises before bed 8/10 partly" in rows["Quincy"]  # whole: a pipe
    assert re.search(r"absent\s+read to the grandchildren 5/10$", rows["Quincy"])
    assert re.search(r"absent\s+–\s+–$", rows["Marisol"])  # absent, then nothing recorded
    assert "left out" not in out  # no width (a pipe): every week


def test_board_at_80_columns_shows_the_latest_weeks_and_says_which_are_left_out(run, course):
    out = out_of(run("group", "board", env={"COLUMNS": "80"}))
    lines = out.splitlines()
    assert max(map(len, lines)) <= 80
    assert len(lines) <= 24
    assert "Week 3" in lines[1] and "Week 4" in lines[1] and "Week 2" not in lines[1]
    assert "Weeks 1 to 2 are left out at this width" in out
    zelda = next(line for line in lines if line.startswith("Zelda"))
    assert "walk round the park 8/10" in zelda


def test_board_at_other_widths_never_overflows(run, course):
    for columns in (60, 100, 140, 200):
        out = out_of(run("group", "board", "4", env={"COLUMNS": str(columns)}))
        assert max(map(len, out.splitlines())) <= columns, (columns, out)
    assert "left out" not in out  # 200 columns hold every week


def test_board_of_an_earlier_week(run, course):
    out = out_of(run("group", "board", "2"))
    assert "Week 2" in out and "Week 3" not in out
    assert "breathing exercises" in out and "grandchildren" not in out


def test_board_json(run_json, course):
    data = run_json("group", "board", "3")
    assert data["course"] == {"name": "Tuesday group", "start": "2026-11-02", "weeks": 6}
    assert data["week"] == 3
    people = {p["name"]: p for p in data["participants"]}
    assert set(people) == {"Zelda", "Quincy", "Marisol", "Tobias"}
    assert people["Tobias"]["status"] == "removed"
    quincy = people["Quincy"]["weeks"]
    assert [w["week"] for w in quincy] == [1, 2, 3]
    assert [w["attendance"] for w in quincy] == ["present", "present", "absent"]
    assert quincy[0]["plan"] == {
        "what": "stretch in the kitchen",
        "how_much": "15 minutes",
        "when": "after lunch",
        "days": ["mon", "wed", "fri"],
        "times": None,
        "confidence": 8,
        "first_confidence": 8,
        "feedback": "done",
        "wants_problem_solving": None,
    }
    assert people["Marisol"]["weeks"][2] == {"week": 3, "attendance": None, "plan": None}


def test_board_html_holds_every_plan_and_nothing_from_outside(run, course, tmp_path):
    page_path = tmp_path / "out" / "board.html"
    r = run("group", "board", "--html", str(page_path))
    assert r.exit_code == 0 and r.stdout == ""
    assert "Saved the board" in r.stderr
    assert private(page_path) and os.stat(page_path.parent).st_mode & 0o777 == 0o700
    page = page_path.read_text()
    assert_self_contained(page)
    for (name, _), what in PLANS.items():
        assert name in page
        assert what.replace("'", "&#x27;") in page, what
    assert "Tobias &#40;left&#41;" in page and "Wren" not in page
    assert "under 7, for the group to talk over" in page  # Quincy's 5, in words


def test_an_existing_file_is_not_replaced_without_force(run, course, tmp_path):
    target = tmp_path / "board.html"
    target.write_text("mine")
    r = run("group", "board", "--html", str(target))
    one_line_error(r, "already exists", "--force")
    assert target.read_text() == "mine"
    assert out_of(run("group", "board", "--html", str(target), "--force")) == ""
    assert "Zelda" in target.read_text() and private(target)
    for args in (["cards", "--html"], ["report", "--html"], ["export", "--output"]):
        target.write_text("mine")
        one_line_error(run("group", *args, str(target)), "already exists")
        assert target.read_text() == "mine"


# --- cards --------------------------------------------------------------------------------------


def test_cards_html_has_each_plan_of_the_week_and_a_line_per_planned_day(run, course, tmp_path):
    page_path = tmp_path / "cards.html"
    out_of(run("group", "cards", "1", "--html", str(page_path)))
    page = page_path.read_text()
    assert_self_contained(page)
    cards = page.split('<section class="card">')[1:]
    assert len(cards) == 4  # Zelda, Quincy, Marisol, Tobias: a plan each in week 1
    for (name, week), what in PLANS.items():
        if week == 1:
            card = next(c for c in cards if f"Action plan&#58; {name}<" in c)
            assert what in card and "15 minutes" in card and "after lunch" in card
            blanks = card.count('class="blank"')
            assert blanks == (2 if name == "Marisol" else 3), (name, blanks)
    zelda = next(c for c in cards if "Action plan&#58; Zelda<" in c)
    for day in ("Mon 02 Nov", "Wed 04 Nov", "Fri 06 Nov"):
        assert day in zelda
    assert "Time 1" in page and "Time 2" in page  # Marisol: twice this week, any days
    assert ".card:nth-of-type(2n)" in page and "@media print" in page  # two to a page


def test_cards_only_for_those_with_a_plan_that_week(run, course):
    out = out_of(run("group", "cards", "4"))
    assert "Action plan: Zelda" in out and "Action plan: Quincy" in out
    assert "Marisol" not in out and "Tobias" not in out
    assert "read to the grandchildren" in out
    assert out.count("_" * 24) == 6
    assert "No plans were made" in out_of(run("group", "cards", "5"))


# --- the report ---------------------------------------------------------------------------------


def names_in(text: str) -> list[str]:
    return [n for n in [*NAMES, "Wren"] if n.lower() in text.lower()]


def test_report_names_no_one_without_names(run, course, tmp_path):
    page = tmp_path / "report.html"
    texts = [
        out_of(run("group", "report")),
        out_of(run("group", "report", "--json")),
        out_of(run("group", "report", "--csv")),
    ]
    out_of(run("group", "report", "--html", str(page)))
    texts.append(page.read_text())
    assert_self_contained(texts[-1])
    for text in texts:
        assert names_in(text) == [], text
    named = out_of(run("group", "report", "--names"))
    assert names_in(named) == NAMES  # Wren left with no history: not in the report


def test_report_figures(run_json, course):
    data = run_json("group", "report", "--names")
    assert data["participants"] == 4 and data["removed"] == 1
    assert data["completers"] == {"count": 1, "sessions_needed": 4, "sessions": 6}
    people = {p["name"]: p for p in data["people"]}
    assert (people["Zelda"]["attended"], people["Zelda"]["completer"]) == (4, True)
    assert (people["Quincy"]["attended"], people["Quincy"]["completer"]) == (3, False)
    assert data["weeks_shown"] == 4 and [w["week"] for w in data["weeks"]] == [1, 2, 3, 4]
    one, _, three, four = data["weeks"]
    assert (one["present"], one["absent"], one["not_recorded"], one["plans"]) == (4, 0, 0, 4)
    assert (one["feedback_given"], one["done"], one["done_share"]) == (4, 4, 1.0)
    # week 3: Tobias had left (16 Nov is week 3's session day), Marisol not recorded
    assert (three["present"], three["absent"], three["not_recorded"]) == (1, 1, 1)
    assert (four["plans"], four["average_confidence"], four["low_confidence"]) == (2, 6.5, 1)
    assert four["done_share"] is None
    assert data["selfefficacy"] == {
        "first_week": 1,
        "last_week": 6,
        "pairs": 1,
        "mean_first": 5.0,
        "mean_last": 7.0,
        "mean_change": 2.0,
        "first_only": 1,
        "last_only": 0,
        "form": "SEMCD-6",
        "other_scale": 0,
    }


def test_report_text_says_the_change_and_its_pairs(run, course):
    out = out_of(run("group", "report", env={"COLUMNS": "80"}))
    assert max(map(len, out.splitlines())) <= 80
    assert "Completers, who attended at least 4 of the 6 sessions: 1 of 4." in out
    text = " ".join(out.split())
    assert "a mean change of +2.0 (from 5.0 to 7.0, out of 10); number of pairs: 1." in text
    assert "Left out, with a score at only one of the two: 1 at week 1, 0 at week 6." in text
    assert re.search(r"^Week\s+Present\s+Absent\s+No record$", out, re.M)


def test_report_csv_is_one_figure_a_row(run, course):
    rows = list(csv.reader(io.StringIO(out_of(run("group", "report", "--csv")))))
    assert rows[0] == ["course", "week", "participant", "measure", "value"]
    assert all(len(r) == 5 and r[0] == "Tuesday group" for r in rows[1:])
    figures = {(r[1], r[3]): r[4] for r in rows[1:]}
    assert figures[("", "completers")] == "1"
    assert figures[("", "selfefficacy_pairs")] == "1"
    assert figures[("1", "present")] == "4"
    assert figures[("4", "done_share")] == ""  # no feedback yet: empty, not zero
    named = list(csv.reader(io.StringIO(out_of(run("group", "report", "--csv", "--names")))))
    assert {r[2] for r in named[1:]} == {"", *NAMES}


def test_report_takes_one_output(run, course):
    one_line_error(run("group", "report", "--json", "--csv"), "--json, --csv or --html")


# --- selfcheck ----------------------------------------------------------------------------------


def test_selfcheck_from_a_file_saves_each_and_the_report_pairs_them(run, run_json, course, answers):
    path = answers('quincy = "8,8,8,8,8,skip"\nMarisol = [6, 6, 6, 6, 6, 6]\n')
    r = run("group", "selfcheck", "6", "--answers", path)
    assert r.exit_code == 0, r.output
    assert "Saved Quincy's answers (score: 8.0)" in r.stderr
    assert "Not in the answers file, so not asked: Zelda." in r.stderr  # Tobias has left
    change = run_json("group", "report")["selfefficacy"]
    assert (change["pairs"], change["mean_change"], change["first_only"]) == (2, 3.0, 0)
    assert change["last_only"] == 1  # Marisol: the last only


def test_selfcheck_in_spanish_is_the_spanish_scale_and_never_paired_with_the_english(
    run, run_json, course, answers, tmp_path
):
    path = answers('Quincy = "8,8,8,skip"\nMarisol = "6,6,6,6"\n')
    r = run("--lang", "es", "group", "selfcheck", "6", "--answers", path)
    assert r.exit_code == 0, r.output
    assert "Se guardaron las respuestas de Quincy (puntuación: 8,0)" in r.stderr
    target = tmp_path / "course.json"
    assert run("group", "export", "--output", str(target)).exit_code == 0
    data = json.loads(target.read_text("utf-8"))
    forms = {(s["week"], s["form"]) for s in data["selfchecks"]}
    assert forms == {(1, "SEMCD-6"), (6, "SEMCD-6"), (6, "SEMCD-S")}
    # Quincy's week 1 (SEMCD-6) and week 6 (SEMCD-S) are two scales: not a pair
    change = run_json("group", "report")["selfefficacy"]
    assert (change["pairs"], change["mean_change"]) == (1, 2.0)  # Zelda's, as before
    assert (change["form"], change["other_scale"]) == ("SEMCD-6", 2)  # said, not dropped
    said = " ".join(run("group", "report").stdout.split())
    assert "Left out, on a different scale from SEMCD-6: 2 checks at those weeks" in said
    wrong = answers('Zelda = "8,8,8,8,8,8"\n', "six.toml")
    one_line_error(
        run("--lang", "es", "group", "selfcheck", "6", "--answers", wrong), "4 respuestas"
    )


def test_selfcheck_file_errors_save_nothing(run, run_json, course, answers):
    bad = answers('Zelda = "8,8,8,8,8,8"\nNobody = "8,8,8,8,8,8"\n')
    one_line_error(run("group", "selfcheck", "6", "--answers", bad), "'Nobody'", "Zelda")
    short = answers('Zelda = "8,8,8,8,8,8"\nQuincy = "8,8"\n', "short.toml")
    one_line_error(run("group", "selfcheck", "6", "--answers", short), "Quincy")
    assert run_json("group", "report")["selfefficacy"]["pairs"] == 1  # Zelda's not replaced
    table = answers("[Zelda]\npresent = true\n", "table.toml")
    one_line_error(run("group", "selfcheck", "6", "--answers", table), "Ann = ")
    absent = answers('Quincy = "8,8,8,8,8,8"\n', "absent.toml")
    one_line_error(run("group", "selfcheck", "3", "--answers", absent), "'Quincy'")


def test_selfcheck_needs_a_terminal_or_answers(run, course):
    one_line_error(run("group", "selfcheck", "1"), "--answers")


# --- export -------------------------------------------------------------------------------------


def test_anonymised_export_holds_no_name(run, course, tmp_path):
    target = tmp_path / "course.json"
    r = run("group", "export", "--anonymise", "--output", str(target))
    assert r.exit_code == 0 and r.stdout == "" and "Saved" in r.stderr
    assert private(target)
    text = target.read_text()
    assert names_in(text) == []
    data = json.loads(text)
    assert data["anonymised"] is True
    assert [p["participant"] for p in data["participants"]] == ["P01", "P02", "P03", "P04", "P05"]
    plans = {(p["participant"], p["week"]): p["what"] for p in data["plans"]}
    assert plans[("P01", 1)] == "walk with P02 to the shop"  # Quincy, named in Zelda's plan
    assert plans[("P01", 2)] == "phone P01's sister, then garden"
    assert len(data["plans"]) == len(PLANS)
    assert {a["participant"] for a in data["attendance"]} == {"P01", "P02", "P03", "P04"}
    assert data["selfchecks"][0]["answers"] == [5, 5, 5, 5, 5, 5]
    assert out_of(run("group", "export", "--anonymise")) == text  # stdout: the same


def test_export_with_names(run, course):
    data = json.loads(out_of(run("group", "export")))
    assert data["anonymised"] is False
    assert [p["name"] for p in data["participants"]] == [*NAMES, "Wren"]
    assert data["participants"][3]["status"] == "removed"
    assert "walk with Quincy to the shop" in {p["what"] for p in data["plans"]}


# --- errors, each one line ----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["board", "cards", "report", "export", "selfcheck"])
def test_unknown_course(run, course, command):
    one_line_error(run("group", command, "--course", "Thursday"), "'Thursday'", "Tuesday group")


@pytest.mark.parametrize("week", ["7", "0", "two", "1.5"])
def test_week_out_of_range(run, course, week):
    for command in ("board", "cards"):
        one_line_error(run("group", command, week), "1 to 6")


def test_no_course_file(run):
    for command in ("board", "report", "export"):
        one_line_error(run("group", command), "group new")
    r = run("where")
    assert not os.path.exists(r.stdout.strip())  # a view makes no file


def test_a_course_with_no_one_yet(run, isolated):
    CourseFile(isolated).close()
    assert "No participants in Tuesday group yet" in out_of(run("group", "board"))
    data = json.loads(out_of(run("group", "report", "--json")))
    assert (data["participants"], data["completers"]["count"]) == (0, 0)


# --- selfcheck in a real terminal ---------------------------------------------------------------


def test_selfcheck_round_in_a_terminal_with_later_and_stop(tmp_path):
    """Zelda says later, Quincy answers (one question skipped) and is saved at once; back to
    Zelda, who answers; Marisol's turn, and the round stops there: she is said to be still
    to ask, and running it again asks only her."""
    from ptyhelp import Session, terminal_env

    env = terminal_env(tmp_path)
    c = CourseFile(tmp_path / "x.db").add("Zelda", "Quincy", "Marisol")
    c.attend("Marisol", 6)  # present; the others not recorded yet: asked too
    c.close()
    s = Session(env, "group", "selfcheck", "6")
    s.see("one participant at a time: Marisol, Quincy, Zelda.")
    s.answer("Marisol's turn", "later")
    s.answer("Quincy's turn", "1")
    for answer in ["8", "7", "", "9", "6", "7"]:
        s.answer("or Enter to skip: ", answer)
    s.see("Saved Quincy's answers (score: 7.4).")
    s.answer("Zelda's turn", "answer now")
    for answer in ["5", "5", "5", "5", "5", "5"]:
        s.answer("or Enter to skip: ", answer)
    s.see("Back to those who said later: Marisol.")
    s.answer("Marisol's turn", "stop")
    s.see("Not asked yet: Marisol. Run smcoach group selfcheck 6 again to ask them.")
    assert s.finish() == 0
    conn = sqlite3.connect(tmp_path / "x.db")
    saved = conn.execute(
        "SELECT p.name, s.week, s.score, s.answered, s.answers FROM course_selfchecks s "
        "JOIN participants p ON p.id = s.participant_id ORDER BY p.name"
    ).fetchall()
    conn.close()
    assert saved == [
        ("Quincy", 6, pytest.approx(7.4), 5, "[8, 7, null, 9, 6, 7]"),
        ("Zelda", 6, 5.0, 6, "[5, 5, 5, 5, 5, 5]"),
    ]
    again = Session(env, "group", "selfcheck", "6")
    again.see("so not asked again: Quincy, Zelda", "one participant at a time: Marisol.")
    again.answer("Marisol's turn", "stop")
    assert again.finish() == 0
