"""smcoach trends through the real CLI: weekly rows, gaps, rest days, partly, and the files."""

import csv
import html
import io
import stat
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from html.parser import HTMLParser

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
    # Week 45 comes before the first record: it is not shown as a gap.
    assert [(w["week"], w["plans"], w["confidence"], w["completion"]) for w in data["weeks"]] == [
        ("2026-W46", 1, 8.0, 75.0),
        ("2026-W47", 0, None, None),  # a gap, never 0
        ("2026-W48", 1, 6.0, None),  # under way
    ]
    assert data["weeks"][0]["monday"] == "2026-11-09"
    assert set(data["weeks"][0]) == {
        "week",
        "monday",
        "plans",
        "confidence",
        "completion",
        "selfefficacy",
        "symptoms",
    }
    # One finished plan (the one under way is not counted), too few for the hint.
    assert data["calibration"] == [{"band": "8-10", "finished_plans": 1, "completion": 75.0}]
    assert data["hint"] is False
    # One finished week with data: no direction (nor a slope) is claimed.
    assert data["direction"] == {
        "confidence": {"slope": None, "direction": None, "finished_weeks": 1},
        "completion": {"slope": None, "direction": None, "finished_weeks": 1},
    }


def test_text_view(run, history):
    out = run("trends", "--weeks", "4").stdout
    assert "Weekly trends, 2026-W46 to 2026-W48" in out and "2026-W45" not in out
    assert "2026-W46 (09 Nov)" in out and "75" in out
    assert (
        "Confidence: too few finished weeks with plans to see a direction yet (1 of the 4 needed)."
        in out
    )
    assert (
        "Plans done: too few finished weeks with plans to see a direction yet (1 of the 4 needed)."
        in out
    )
    assert (
        "Plans made at confidence 8-10: 75% of their days done, from only 1 finished plan: "
        "too few to judge by yet." in out
    )
    assert "rising" not in out and "falling" not in out and "steady" not in out
    assert "\x1b[" not in out
    # plain output (a pipe, NO_COLOR, a screen reader) has figures, not bar or spark glyphs
    from smcoach.domain.trends import SPARKS

    assert not set(out) & set(SPARKS + "░"), out
    assert "A blank in a line above" not in out


def test_csv_leaves_gaps_empty(run, history):
    r = run("trends", "--weeks", "3", "--csv")
    table = list(csv.reader(io.StringIO(r.stdout)))
    assert table[0][:6] == ["week", "monday", "plans", "confidence", "completion", "selfefficacy"]
    assert table[1][:6] == ["2026-W46", "2026-11-09", "1", "8.0", "75.0", ""]
    assert table[2][:6] == ["2026-W47", "2026-11-16", "0", "", "", ""]


def test_since(run_json, history):
    data = run_json("trends", "--since", "2026-11-12")
    assert [w["week"] for w in data["weeks"]] == ["2026-W46", "2026-W47", "2026-W48"]


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


# --- from the first record on; nothing recorded ------------------------------------------------


def test_weeks_before_the_first_record_are_not_shown(run_json, history):
    for args in (("--weeks", "12"), ("--since", "2026-01-05")):
        weeks = [w["week"] for w in run_json("trends", *args)["weeks"]]
        assert weeks == ["2026-W46", "2026-W47", "2026-W48"], args
    # A window starting after the first record is kept as asked.
    assert [w["week"] for w in run_json("trends", "--weeks", "2")["weeks"]] == [
        "2026-W47",
        "2026-W48",
    ]


@pytest.mark.parametrize(
    ("record", "first"),
    [
        (("selfcheck", "--answers", "6,7,8,5,6,4", "--date", "2026-11-04"), "2026-W45"),
        (("check", "--rate", "pain=4", "--date", "2026-11-10"), "2026-W46"),
        ((*PLAN, "--times", "2", "--confidence", "8", "--start", "2026-11-17"), "2026-W47"),
    ],
    ids=["selfcheck", "symptom rating", "plan"],
)
def test_the_first_record_of_any_kind_starts_the_window(run, run_json, record, first):
    assert run("symptoms", "add", "pain").exit_code == 0  # a symptom itself is no record
    assert run(*record).exit_code == 0
    weeks = [w["week"] for w in run_json("trends")["weeks"]]
    assert weeks[0] == first and weeks[-1] == "2026-W48"


def test_a_first_record_after_this_week_still_shows_this_week(run, run_json):
    assert run(*PLAN, "--times", "2", "--confidence", "8", "--start", "2026-11-30").exit_code == 0
    assert [w["week"] for w in run_json("trends")["weeks"]] == ["2026-W48"]


def test_nothing_recorded_is_said_in_one_line(run, run_json, tmp_path):
    assert run("symptoms", "add", "pain").exit_code == 0
    r = run("trends")
    assert r.exit_code == 0
    assert r.stdout == (
        "Nothing recorded yet: your trends start from your first action plan, self-check or "
        "symptom rating.\n"
    )
    data = run_json("trends")
    assert data["weeks"] == [] and data["calibration"] == [] and data["hint"] is False
    for option in ("--svg", "--html"):
        target = tmp_path / f"trends.{option[2:]}"
        r = run("trends", option, str(target))
        assert r.exit_code == 1
        assert r.stderr.startswith("Error: nothing recorded yet, so there are no trends to save")
        assert r.stderr.count("\n") == 1 and not target.exists()


# --- no direction, no hint from too little ------------------------------------------------------


def plan_week(run, monkeypatch, monday: str, confidence: int, done: int, plan_id: int) -> None:
    """A plan on mon, wed, fri of the week of `monday`, with `done` of its days done and the
    others not done."""
    monkeypatch.setenv("SMCOACH_TODAY", monday)
    r = run(*PLAN, "--days", "mon,wed,fri", "--confidence", str(confidence), "--start", monday,
            "--keep-anyway")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    for n, offset in enumerate((0, 2, 4)):
        day = (date.fromisoformat(monday) + timedelta(days=offset)).isoformat()
        monkeypatch.setenv("SMCOACH_TODAY", day)
        status = "--done" if n < done else "--not"
        assert run("check", str(plan_id), status, "--date", day).exit_code == 0


def test_a_direction_needs_four_finished_weeks_and_says_how_many(run, run_json, monkeypatch):
    plan_week(run, monkeypatch, "2026-10-26", 5, 3, 1)
    plan_week(run, monkeypatch, "2026-11-02", 6, 2, 2)
    plan_week(run, monkeypatch, "2026-11-09", 7, 1, 3)
    plan_week(run, monkeypatch, "2026-11-23", 2, 0, 4)  # this week: under way, left out
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-23")
    out = run("trends").stdout
    assert "(3 of the 4 needed)" in out
    assert "rising" not in out and "falling" not in out and "steady" not in out
    assert run_json("trends")["direction"]["confidence"] == {
        "slope": None,
        "direction": None,
        "finished_weeks": 3,
    }

    plan_week(run, monkeypatch, "2026-11-16", 8, 0, 5)
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-23")
    out = run("trends").stdout
    # 5, 6, 7, 8 over the finished weeks; this week's 2 would make it fall.
    assert "Confidence: rising, about +1.0 points a week, over 4 finished weeks." in out
    # 100%, 67%, 33%, 0%.
    assert "Plans done: falling, about -33 percentage points a week, over 4 finished weeks." in out
    direction = run_json("trends")["direction"]
    assert direction["confidence"] == {
        "slope": pytest.approx(1.0),
        "direction": "rising",
        "finished_weeks": 4,
    }
    assert direction["completion"]["finished_weeks"] == 4
    assert direction["completion"]["slope"] == pytest.approx(-100 / 3)


def test_the_calibration_hint_needs_three_finished_plans_in_a_band(run, run_json, monkeypatch):
    plan_week(run, monkeypatch, "2026-11-09", 9, 0, 1)
    plan_week(run, monkeypatch, "2026-11-16", 9, 0, 2)
    plan_week(run, monkeypatch, "2026-11-23", 9, 0, 3)  # under way: not counted as not done
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-27")
    data = run_json("trends")
    assert data["calibration"] == [{"band": "8-10", "finished_plans": 2, "completion": 0.0}]
    assert data["hint"] is False
    out = run("trends").stdout
    assert (
        "Plans made at confidence 8-10: 0% of their days done, from only 2 finished plans: "
        "too few to judge by yet." in out
    )
    assert "Your confident plans were done less often" not in out

    plan_week(run, monkeypatch, "2026-11-02", 9, 0, 4)
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-27")
    data = run_json("trends")
    assert data["calibration"] == [{"band": "8-10", "finished_plans": 3, "completion": 0.0}]
    assert data["hint"] is True
    out = run("trends").stdout
    assert "Plans made at confidence 8-10: 0% of their days done, from 3 finished plans." in out
    assert "Your confident plans were done less often than your confidence said" in out


def test_a_plan_under_way_is_never_counted_as_not_done(run, run_json, monkeypatch):
    # A plan from Wednesday of last week runs to Tuesday of this one: on Monday it is under
    # way, although its ISO week is over.
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-18")
    assert run(*PLAN, "--days", "mon,wed,fri", "--confidence", "9", "--start", "2026-11-18",
               "--keep-anyway").exit_code == 0  # fmt: skip
    for day in ("2026-11-18", "2026-11-20"):
        monkeypatch.setenv("SMCOACH_TODAY", day)
        assert run("check", "1", "--not", "--date", day).exit_code == 0
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-23")
    data = run_json("trends")
    assert [(w["week"], w["plans"], w["completion"]) for w in data["weeks"]] == [
        ("2026-W47", 1, None),
        ("2026-W48", 0, None),
    ]
    assert data["calibration"] == [] and data["direction"]["completion"]["finished_weeks"] == 0
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-25")  # its week is over: now it counts
    data = run_json("trends")
    assert data["weeks"][0]["completion"] == 0.0
    assert data["calibration"] == [{"band": "8-10", "finished_plans": 1, "completion": 0.0}]


# --- which way is better, in every view ----------------------------------------------------------


@pytest.fixture
def two_symptoms(run):
    assert run("symptoms", "add", "mood", "--higher-is-better").exit_code == 0
    assert run("symptoms", "add", "Breathlessness").exit_code == 0
    for day, mood, breath in (("2026-11-16", 4, 7), ("2026-11-23", 6, 5)):
        r = run("check", "--rate", f"mood={mood}", "--rate", f"breathlessness={breath}",
                "--date", day)  # fmt: skip
        assert r.exit_code == 0, r.stderr


def test_which_way_is_better_in_the_table_and_json(run, run_json, two_symptoms):
    out = run("trends").stdout.splitlines()
    header = next(line for line in out if line.startswith("Week "))
    assert "Breathlessness (lower is better)" in header and "mood (higher is better)" in header
    assert run_json("trends")["symptoms"] == [
        {"name": "Breathlessness", "higher_is_better": False},
        {"name": "mood", "higher_is_better": True},
    ]


SVG = "{http://www.w3.org/2000/svg}"


def texts(root: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(f"{SVG}text")]


def test_which_way_is_better_in_the_chart_and_the_page(run, two_symptoms, tmp_path):
    assert run("trends", "--svg", str(tmp_path / "t.svg")).exit_code == 0
    labels = texts(ET.parse(tmp_path / "t.svg").getroot())
    assert "Breathlessness (lower is better)" in labels and "mood (higher is better)" in labels
    assert run("trends", "--html", str(tmp_path / "t.html")).exit_code == 0
    page = Page.read(tmp_path / "t.html")
    assert "Breathlessness (lower is better)" in page.headers
    assert "mood (higher is better)" in page.headers


# --- the SVG chart and the HTML page ------------------------------------------------------------

NAMESPACE = 'xmlns="http://www.w3.org/2000/svg"'
FORBIDDEN = ("image", "script", "a", "foreignObject", "style", "use", "link", "iframe", "object")


def assert_refers_to_nothing(text: str, namespace: int) -> None:
    assert text.count(NAMESPACE) == namespace
    allowed = (NAMESPACE, 'http-equiv="Content-Security-Policy"')  # the policy forbids fetches
    for name in allowed:
        text = text.replace(name, "")
    assert "http" not in text, "an address in the file"
    for needle in ("href", "url(", "@import", "@font-face", "<script", "src="):
        assert needle not in text.lower(), needle


def test_svg_is_a_chart_that_loads_nothing(run, history, tmp_path):
    path = tmp_path / "trends.svg"
    r = run("trends", "--weeks", "4", "--svg", str(path))
    assert r.exit_code == 0
    assert r.stderr == f"Saved the trends chart to {path} (readable only by you).\n"
    text = path.read_text(encoding="utf-8")
    assert_refers_to_nothing(text, namespace=1)
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert [child.tag for child in root[:2]] == [f"{SVG}title", f"{SVG}desc"]
    assert root[0].text == "Weekly trends, 2026-W46 to 2026-W48"
    desc = root[1].text or ""
    assert "too few finished weeks" in desc and "a break in a line" in desc.lower()
    assert not [e.tag for e in root.iter() if e.tag.removeprefix(SVG) in FORBIDDEN]
    assert {e.get("font-family") for e in root.iter() if e.get("font-family")} == {"sans-serif"}
    labels = texts(root)
    for week in ("2026-W46", "2026-W47", "2026-W48"):
        assert week in labels  # whole, each its own label
    for label in ("Confidence, 0–10 (left axis)", "Plans done, % (right axis)",
                  "Confidence (0–10)", "Plans done (%)", "100%"):  # fmt: skip
        assert label in labels, label
    # Confidence: 8 in week 46, nothing in week 47, 6 this week: two markers, and no line
    # drawn across the gap (nor any point at zero for it).
    confidence = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "series confidence")
    assert len(list(confidence.iter(f"{SVG}circle"))) == 2
    assert not list(confidence.iter(f"{SVG}path"))
    done = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "series done")
    assert len(list(done.iter(f"{SVG}rect"))) == 1  # week 46 only: this week is under way


def test_the_line_runs_through_consecutive_weeks_and_breaks_at_a_gap(run, monkeypatch, tmp_path):
    assert run("symptoms", "add", "pain").exit_code == 0
    for day, value in (("2026-11-02", 2), ("2026-11-09", 4), ("2026-11-23", 6)):
        assert run("check", "--rate", f"pain={value}", "--date", day).exit_code == 0
    assert run("trends", "--svg", str(tmp_path / "t.svg")).exit_code == 0
    root = ET.parse(tmp_path / "t.svg").getroot()
    pain = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "series symptom-1")
    paths = [p.get("d") or "" for p in pain.iter(f"{SVG}path")]
    assert len(paths) == 1 and paths[0].count("L") == 1  # W45 to W46; W47 a gap; W48 alone
    assert len(list(pain.iter(f"{SVG}circle"))) == 3


class Page(HTMLParser):
    """A strict reading of an HTML page: every element closed, in order."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "col", "area", "base", "source"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headers: list[str] = []
        self.decl = ""
        self._text: list[str] | None = None

    @classmethod
    def read(cls, path) -> "Page":
        page = cls()
        page.feed(path.read_text(encoding="utf-8"))
        page.close()
        assert page.open == [], f"not closed: {page.open}"
        return page

    def handle_decl(self, decl: str) -> None:
        self.decl = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)
        if tag == "th":
            self._text = []

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()
        if tag == "th" and self._text is not None:
            self.headers.append("".join(self._text))
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def first(self, tag: str) -> dict[str, str | None]:
        return next(attrs for name, attrs in self.tags if name == tag)

    def has(self, tag: str) -> bool:
        return any(name == tag for name, _ in self.tags)


def test_html_is_a_printable_page_that_loads_nothing(run, history, tmp_path):
    path = tmp_path / "trends.html"
    r = run("trends", "--weeks", "4", "--html", str(path))
    assert r.exit_code == 0
    assert r.stderr == f"Saved the trends page to {path} (readable only by you).\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>\n")
    assert_refers_to_nothing(text, namespace=0)
    assert "default-src 'none'" in text  # a browser is told to fetch nothing
    assert "@media print" in text
    page = Page.read(path)
    assert page.decl.lower() == "doctype html"
    assert page.first("html") == {"lang": "en"}
    assert page.first("meta") == {"charset": "utf-8"}
    for tag in ("title", "h1", "svg", "table", "caption", "style"):
        assert page.has(tag), tag
    assert not any(page.has(tag) for tag in ("script", "img", "link", "iframe", "a"))
    svg = page.first("svg")
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "trends-title trends-desc"
    scopes = [attrs.get("scope") for name, attrs in page.tags if name == "th"]
    assert scopes == ["col"] * 5 + ["row"] * 3
    assert page.headers[:5] == ["Week", "Plans", "Confidence", "Done %", "Self-efficacy"]
    assert page.headers[5:] == ["2026-W46 (09 Nov)", "2026-W47 (16 Nov)", "2026-W48 (23 Nov)"]
    assert "Plans made at confidence 8-10: 75% of their days done" in html.unescape(text)


# --- private files, never replaced unasked ------------------------------------------------------


@pytest.mark.parametrize("option", ["--svg", "--html"])
def test_files_are_private_and_not_replaced_without_force(run, history, tmp_path, option):
    path = tmp_path / "new" / "folder" / f"trends.{option[2:]}"
    assert run("trends", option, str(path)).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (path.parent, path.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    path.write_text("mine")
    r = run("trends", option, str(path))
    assert r.exit_code == 1
    assert r.stderr == (
        f"Error: {path} already exists: choose another name, or add --force to replace it\n"
    )
    assert path.read_text() == "mine"
    assert run("trends", option, str(path), "--force").exit_code == 0
    assert path.read_text() != "mine" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_the_days_after_a_plan_was_ended_are_not_counted_as_missed(run, run_json, monkeypatch):
    run("plan", "new", "--what", "walk", "--how-much", "10 minutes", "--when", "noon",
        "--days", "mon,wed,fri", "--confidence", "8")  # fmt: skip
    run("check", "--done")  # Monday 23
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-25")
    run("check", "--done")  # Wednesday
    assert run("plan", "end", "1").exit_code == 0  # ended on Wednesday: Friday is not missed
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-30")
    week = next(w for w in run_json("trends")["weeks"] if w["week"] == "2026-W48")
    assert week["completion"] == 100.0
