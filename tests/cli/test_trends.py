"""smcoach trends through the real CLI: weekly rows, gaps, rest days, partly, and the files."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest

PLAN = ["plan", "new", "--what", "walk", "--how-much", "10 minutes", "--when", "morning"]


@pytest.fixture
def history(run, monkeypatch):
    """Week 46: a plan at 8 (mon, wed, fri): done, partly, rest -> 1.5 of 2 counted = 75%.
    Week 47: nothing. Week 48 (this week): a plan at 6, still under way."""
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-15")
    assert (
        run(*PLAN, "--days", "mon,wed,fri", "--confidence", "8", "--start", "2026-11-09").exit_code
        == 0
    )
    run("check", "1", "--done", "--date", "2026-11-09")
    run("check", "1", "--partly", "--date", "2026-11-11")
    run("check", "1", "--rest", "--date", "2026-11-13")
    run("check", "1", "--done", "--date", "2026-11-12")  # not a planned day: does not count
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-23")
    run(*PLAN, "--times", "2", "--confidence", "6", "--keep-anyway")
    run("check", "2", "--done")


def test_json_rows_gaps_and_figures(run_json, history):
    data = run_json("trends", "--weeks", "4")
    assert [(w["week"], w["plans"], w["confidence"], w["completion"]) for w in data["weeks"]] == [
        ("2026-W45", 0, None, None),
        ("2026-W46", 1, 8.0, 75.0),
        ("2026-W47", 0, None, None),  # a gap, never 0
        ("2026-W48", 1, 6.0, None),  # under way
    ]
    assert data["weeks"][1]["monday"] == "2026-11-09"
    assert set(data["weeks"][0]) == {
        "week",
        "monday",
        "plans",
        "confidence",
        "completion",
        "selfefficacy",
        "symptoms",
    }
    assert data["calibration"] == [{"band": "8-10", "plans": 1, "completion": 75.0}]
    assert data["direction"]["confidence"] == {"slope": pytest.approx(-1.0), "direction": "falling"}
    assert data["direction"]["completion"] == {"slope": None, "direction": None}


def test_text_view(run, history):
    out = run("trends", "--weeks", "4").stdout
    assert "Weekly trends, 2026-W45 to 2026-W48" in out
    assert "2026-W46 (09 Nov)" in out and "75" in out
    assert "Confidence: falling (-1.00 points a week" in out
    assert "Plans done: not enough weeks with data to see a direction yet." in out
    assert "Plans made at 8-10: 75% done (1 plan)." in out
    assert "\x1b[" not in out


def test_csv_leaves_gaps_empty(run, history):
    r = run("trends", "--weeks", "3", "--csv")
    table = list(csv.reader(io.StringIO(r.stdout)))
    assert table[0][:6] == ["week", "monday", "plans", "confidence", "completion", "selfefficacy"]
    assert table[1][:6] == ["2026-W46", "2026-11-09", "1", "8.0", "75.0", ""]
    assert table[2][:6] == ["2026-W47", "2026-11-16", "0", "", "", ""]


def test_since(run_json, history):
    data = run_json("trends", "--since", "2026-11-12")
    assert [w["week"] for w in data["weeks"]] == ["2026-W46", "2026-W47", "2026-W48"]


def test_svg_and_html_files(run, history, tmp_path):
    svg = tmp_path / "trends.svg"
    r = run("trends", "--weeks", "4", "--svg", str(svg))
    assert r.exit_code == 0 and r.stderr == f"Saved the trends view to {svg}.\n"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text()
    for week in ("2026-W45", "2026-W46", "2026-W47", "2026-W48"):
        assert week in text
    html = tmp_path / "trends.html"
    assert run("trends", "--weeks", "4", "--html", str(html)).exit_code == 0
    assert "2026-W46" in html.read_text() and "<html" in html.read_text().lower()


def test_trends_errors(run):
    for args, message in [
        (("trends", "--weeks", "0"), "Error: --weeks must be a whole number from 1 to 1000, got 0"),
        (("trends", "--weeks", "lots"), "Error: --weeks must be a whole number from 1 to 1000"),
        (
            ("trends", "--json", "--csv"),
            "Error: choose one of --json, --csv, --svg FILE or --html FILE",
        ),
        (("trends", "--since", "01/02/2026"), "Error: '01/02/2026' is not a date smcoach reads"),
    ]:
        r = run(*args)
        assert r.exit_code == 1, args
        assert r.stderr.startswith(message), (args, r.stderr)


def test_an_empty_database_shows_only_gaps(run_json):
    data = run_json("trends", "--weeks", "2")
    assert [w["confidence"] for w in data["weeks"]] == [None, None]
    assert data["calibration"] == []


def test_selfefficacy_and_symptoms_are_averaged_by_week(run, run_json, monkeypatch):
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-23")
    assert run("selfcheck", "--answers", "6,7,8,5,6,4", "--date", "2026-11-10").exit_code == 0
    assert run("symptoms", "add", "Fatigue").exit_code == 0
    for day, value in (("2026-11-16", "6"), ("2026-11-18", "3"), ("2026-11-23", "8")):
        assert run("check", "--rate", f"fatigue={value}", "--date", day).exit_code == 0, day
    weeks = run_json("trends", "--weeks", "3")["weeks"]
    assert [(w["week"], w["selfefficacy"], w["symptoms"]) for w in weeks] == [
        ("2026-W46", 6.0, {"Fatigue": None}),
        ("2026-W47", None, {"Fatigue": 4.5}),
        ("2026-W48", None, {"Fatigue": 8.0}),
    ]
    table = run("trends", "--weeks", "3", "--csv").stdout.splitlines()
    assert table[0].endswith("selfefficacy,symptom:Fatigue")
    assert table[1].endswith(",6.0,") and table[2].endswith(",,4.5")
