"""The appointment summary (Markdown, HTML) and the calendar file, from a real database built
through the CLI and the Store: what each section shows, hostile stored text shown escaped,
a page that loads nothing, and a calendar that parses back, with stable UIDs."""

import re
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from smcoach.cli.summary import appointment_summary
from smcoach.domain.models import PlanDraft
from smcoach.errors import SmcoachError
from smcoach.render.calendar import PRODID, ics, uid
from smcoach.render.summary import html, markdown
from smcoach.store import Store

TODAY = date(2026, 11, 23)  # Monday, as tests/conftest.py pins it
PLAN = ["plan", "new", "--what", "walk", "--how-much", "10 minutes", "--when", "morning"]

SCRIPT = "<script>alert(1)</script>"
LINK = "[x](http://evil)"
ESC = "\x1b[31m"
NEWLINE = "walk\nNext: take double pills"
RLO = "pills \u202etxt.exe"
HOSTILE = (SCRIPT, LINK, ESC, NEWLINE, RLO)
# How each hostile text reads once shown (on one line, control characters escaped).
SHOWN = {
    SCRIPT: SCRIPT,
    LINK: LINK,
    ESC: "\\x1b[31m",
    NEWLINE: "walk\\nNext: take double pills",
    RLO: "pills \\u202etxt.exe",
}


def ok(result) -> None:
    assert result.exit_code == 0, result.output


@pytest.fixture
def store(isolated: Path):
    """A Store on the test's database (open it after the CLI has made it)."""
    opened: list[Store] = []

    def open_() -> Store:
        opened.append(Store(isolated))
        return opened[-1]

    yield open_
    for s in opened:
        s.close()


@pytest.fixture
def history(run, monkeypatch, store):
    """A few weeks of ordinary use, through the CLI where it can."""
    ok(run("agenda", "add", "Getting out of breath on the stairs"))
    ok(run("agenda", "add", "Sleeping badly"))
    ok(run("agenda", "add", "An old worry"))
    ok(run("agenda", "focus", "2"))
    ok(run("agenda", "done", "3"))
    ok(run("goal", "add", "Walk to the shops without stopping", "--agenda", "1", "--by",
           "2026-12-31"))  # fmt: skip
    # Week 46: mon, wed, fri at 8: done, partly, not -> 1.5 of 3.
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-15")
    ok(run(*PLAN, "--days", "mon,wed,fri", "--confidence", "8", "--start", "2026-11-09"))
    ok(run("check", "1", "--done", "--date", "2026-11-09"))
    ok(run("check", "1", "--partly", "--date", "2026-11-11"))
    ok(run("check", "1", "--not", "--date", "2026-11-13"))
    ok(run("plan", "end", "1"))
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-23")
    # This week: a plan on fixed days, and one of "3 times this week".
    ok(run(*PLAN, "--days", "mon,wed,fri", "--confidence", "8"))
    ok(run("check", "2", "--done"))
    ok(run("plan", "new", "--what", "stretch", "--how-much", "5 minutes", "--when",
           "after breakfast", "--times", "3", "--confidence", "7"))  # fmt: skip
    ok(run("symptoms", "add", "fatigue"))
    ok(run("symptoms", "add", "mood", "--higher-is-better"))
    # The 28 days up to today run from 2026-10-27: the 26th is outside them.
    ok(run("check", "--rate", "fatigue=10", "--date", "2026-10-26"))
    ok(run("check", "--rate", "fatigue=2", "--date", "2026-10-27"))
    ok(run("check", "--rate", "fatigue=4", "--date", "2026-11-10"))
    ok(run("check", "--rate", "fatigue=6", "--date", "2026-11-23"))
    ok(run("selfcheck", "--answers", "8,7,skip,9,6,7", "--date", "2026-11-16"))
    ok(run("questions", "add", "Could my tiredness be from the new tablets?"))
    ok(run("questions", "add", "Asked already"))
    ok(run("questions", "done", "2"))
    s = store()
    # An open problem, one idea that did not help and one being tried; and a solved one.
    p = s.add_problem("My back aches after I hoover the stairs", TODAY - timedelta(days=7), "x")
    s.set_problem_kind(p, "pain", TODAY - timedelta(days=7))
    s.add_idea(p, "hot water bottle", "own", TODAY - timedelta(days=7))
    s.add_idea(p, "stretch before bed", "own", TODAY - timedelta(days=7))
    s.finish_ideas(p, [], TODAY - timedelta(days=7))
    first = s.problem_ideas([p])[p]
    s.choose_idea(p, first[0].id, TODAY - timedelta(days=7))
    s.record_result(p, "did_not_work", TODAY - timedelta(days=2))
    s.choose_idea(p, first[1].id, TODAY - timedelta(days=1))
    q = s.add_problem("Forgetting my inhaler", TODAY - timedelta(days=7), "x")
    s.set_problem_kind(q, "other", TODAY - timedelta(days=7))
    s.add_idea(q, "keep it by the kettle", "own", TODAY - timedelta(days=7))
    s.finish_ideas(q, [], TODAY - timedelta(days=7))
    s.choose_idea(q, s.problem_ideas([q])[q][0].id, TODAY - timedelta(days=7))
    s.record_result(q, "worked", TODAY - timedelta(days=1))
    return s


@pytest.fixture
def hostile(run, store):
    """Every kind of stored text holding each hostile value, through the CLI and the Store."""
    for text in HOSTILE:
        ok(run("agenda", "add", text))
        ok(run("questions", "add", text))
    s = store()
    s.add_goal(NEWLINE, None, TODAY + timedelta(days=30), TODAY)
    for n, text in enumerate(HOSTILE):
        s.add_plan(
            PlanDraft(text, LINK, SCRIPT, ("mon", "thu"), None, 8, TODAY),
            8,
            False,
            f"2026-11-23T09:00:0{n}+01:00",
        )
        problem = s.add_problem(text, TODAY, "x")
        s.add_idea(problem, RLO, "own", TODAY)
        s.finish_ideas(problem, [], TODAY)
        s.choose_idea(problem, s.problem_ideas([problem])[problem][0].id, TODAY)
    s.add_symptom(SCRIPT, TODAY)
    s.save_ratings(TODAY, [(SCRIPT, 5)], "2026-11-23T09:00:00+00:00")
    return s


def rendered(md: str) -> str:
    """The Markdown as a CommonMark renderer with pipe tables makes it."""
    return MarkdownIt("commonmark").enable("table").render(md)


class Page(HTMLParser):
    """The page's tags and its text, with character references decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open)
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.open == []  # every element closed, in order
    return parser


# --- what the summary shows ------------------------------------------------------------------


def test_summary_sections_from_a_real_database(history):
    s = appointment_summary(history, TODAY)
    md = markdown(s)
    assert md.startswith("# Appointment summary\n\nMade on 2026-11-23.\n")
    # The agenda: open items, the focus marked in words; the done one left out.
    assert "- Getting out of breath on the stairs\n- **Sleeping badly (the focus now)**" in md
    assert "An old worry" not in md
    assert "- Walk to the shops without stopping (by 2026-12-31)" in md
    # This week's plans; last week's (ended) one is not among them.
    assert (
        "| walk | 10 minutes | morning | on mon, wed, fri | 8/10 | 2026-11-23 to 2026-11-29 "
        "| 1 of 3 |" in md
    )
    assert (
        "| stretch | 5 minutes | after breakfast | 3 times this week, any days | 7/10 "
        "| 2026-11-23 to 2026-11-29 | 0 of 3 |" in md
    )
    # Four ISO weeks of trends, oldest first; the ended plan's week counted, this one under way.
    assert "## The last 4 weeks (2026-W45 to 2026-W48)" in md
    assert (
        "| Week | Plans | Days done | Average confidence | Self-efficacy "
        "| fatigue (lower is better) |" in md
    )
    rows = [line for line in md.splitlines() if line.startswith("| 2026-W")]
    assert rows == [
        "| 2026-W45 (from 2026-11-02) | 0 | – | – | – | – |",
        "| 2026-W46 (from 2026-11-09) | 1 | 1.5 of 3 | 8.0 | – | 4.0 |",
        "| 2026-W47 (from 2026-11-16) | 0 | – | – | 7.4 | – |",
        "| 2026-W48 (from 2026-11-23) | 2 | under way | 7.5 | – | 6.0 |",
    ]
    # Symptoms over the 28 days up to and including today: (2 + 4 + 6) / 3; not the 26th's 10.
    assert "## Symptoms: average rating over the last 28 days (2026-10-27 to 2026-11-23)" in md
    assert "| fatigue | 4.0 | lower is better (0 = none, 10 = worst) |" in md
    assert (
        "| mood | no ratings in the last 28 days | higher is better (0 = worst, 10 = best) |" in md
    )
    # Open problems only, with what was tried and how it went.
    assert "- My back aches after I hoover the stairs (trying an idea, since 2026-11-16)" in md
    assert "  - Tried hot water bottle (from 2026-11-16): did not help" in md
    assert "  - Tried stretch before bed (from 2026-11-22): still trying it" in md
    assert "inhaler" not in md
    # The latest self-efficacy check, explained as smcoach selfcheck explains it.
    assert "Latest check: 2026-11-16." in md
    assert "Score: 7.4 out of 10: the mean of the 5 questions you answered (1 skipped)" in md
    # Questions not yet asked.
    assert "- Could my tiredness be from the new tablets?" in md
    assert "Asked already" not in md
    assert md.rstrip().endswith(
        "---\n\nFrom smcoach, made on 2026-11-23 from what was recorded in it. This summary is "
        "not medical advice: it is a record to talk through with your doctor, nurse or other "
        "health professional."
    )
    # The same content in the HTML page.
    page = parse(html(s))
    text = "".join(page.text)
    for needle in ("Sleeping badly (the focus now)", "1.5 of 3", "under way", "4.0",
                   "Tried hot water bottle (from 2026-11-16): did not help",
                   "Could my tiredness be from the new tablets?"):  # fmt: skip
        assert needle in text, needle
    assert "inhaler" not in text and "An old worry" not in text


def test_markdown_is_clean_commonmark(history):
    md = markdown(appointment_summary(history, TODAY))
    out = rendered(md)
    assert out.count("<h1>") == 1 and out.count("<h2>") == 8
    assert out.count("<table>") == 3 and out.count("<hr />") == 1
    assert "<strong>Sleeping badly (the focus now)</strong>" in out
    assert "<a " not in out and "<script" not in out
    # Nothing in it is escaped needlessly in what it shows.
    assert "\\" not in re.sub(r"<[^>]+>", "", out)


def test_an_empty_database_gives_every_section(run):
    ok(run("where"))  # makes the file
    s = Store(Path(__import__("os").environ["SMCOACH_DB"]))
    try:
        md = markdown(appointment_summary(s, TODAY))
        page = html(appointment_summary(s, TODAY))
    finally:
        s.close()
    for sentence in (
        "Nothing on the agenda yet: add something with smcoach agenda add",
        "No action plan for this week: make one with smcoach plan new",
        "Nothing recorded in these weeks yet.",
        "No questions written down yet: add one with smcoach questions add",
        "No self-efficacy check yet: take one with smcoach selfcheck",
    ):
        assert sentence in md
        assert sentence in "".join(parse(page).text)


# --- hostile stored text ---------------------------------------------------------------------


def test_markdown_shows_hostile_text_escaped(hostile):
    md = markdown(appointment_summary(hostile, TODAY))
    assert "\x1b" not in md and "\u202e" not in md and "\r" not in md
    assert "http://" not in md  # no bare address for a renderer to turn into a link
    # No stored line break starts a line of its own.
    assert not any(line.lstrip("-| ").startswith("Next") for line in md.splitlines())
    out = rendered(md)
    assert "<a " not in out and "<img" not in out and "<script" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "[x](http://evil)" in out
    for text in HOSTILE:
        shown = SHOWN[text].replace("<", "&lt;").replace(">", "&gt;")
        # agenda item, question, plan, problem: each shown as typed, on one line.
        assert out.count(shown) >= 4, text
    # ... and the idea tried for each of the five problems.
    assert out.count("pills \\u202etxt.exe") == 4 + len(HOSTILE)


def test_html_shows_hostile_text_escaped_and_loads_nothing(hostile):
    page = html(appointment_summary(hostile, TODAY))
    lowered = page.lower()
    for banned in ("http://", "https://", "<script", "@import", "url(", "\x1b", "\u202e"):
        assert banned not in lowered, banned
    assert "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;" in page
    parsed = parse(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "main", "section", "footer"}
    allowed |= {"h1", "h2", "p", "ul", "li", "strong", "table", "thead", "tbody", "tr", "th", "td"}
    assert {tag for tag, _ in parsed.tags} <= allowed
    for _, attrs in parsed.tags:
        assert not {"src", "href", "srcset", "action", "style"} & set(attrs)
        assert not any(name.startswith("on") for name in attrs)
    text = "".join(parsed.text)
    for text_in in HOSTILE:
        assert text.count(SHOWN[text_in]) >= 4, text_in
    assert "\nNext" not in text
    assert re.match(r'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">', page)
    assert page.count("<title>Appointment summary, 2026-11-23</title>") == 1
    assert page.count("<style>") == 1 and "@media print" in page and "@page" in page


# --- the calendar ----------------------------------------------------------------------------


def events(data: bytes):
    from icalendar import Calendar

    calendar = Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    found = calendar.walk("VEVENT")
    for event in found:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert name in event, name
        assert type(event.decoded("DTSTART")) is date  # all-day
        assert event.decoded("DTSTAMP").utcoffset() == timedelta(0)
    return found


def check_lines(data: bytes) -> None:
    """RFC 5545 3.1: CRLF line ends, lines folded at 75 octets, folds starting with a space."""
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # no character cut in two by a fold


def test_ics_one_event_per_planned_day_stable_and_identical(history, run):
    plans = history.plans()
    assert [p.id for p in plans] == [2, 3]  # plan 1 ended
    first = ics(plans)
    assert first == ics(history.plans())  # byte for byte
    check_lines(first)
    found = events(first)
    days = [e for e in found if "times" not in str(e["SUMMARY"])]
    assert [e.decoded("DTSTART") for e in days] == [date(2026, 11, d) for d in (23, 25, 27)]
    assert all(e.decoded("DTEND") == e.decoded("DTSTART") + timedelta(days=1) for e in days)
    assert {str(e["SUMMARY"]) for e in days} == {"walk: 10 minutes"}
    assert "When: morning." in str(days[0]["DESCRIPTION"])
    assert "Confidence: 8/10." in str(days[0]["DESCRIPTION"])
    uids = [str(e["UID"]) for e in found]
    assert len(set(uids)) == len(uids) == 4
    assert uids[0] == uid(plans[0], date(2026, 11, 23))
    # A later export, after a check-in and a new plan: the same events keep their UIDs and stamps.
    ok(run("check", "3", "--done"))
    ok(run(*PLAN, "--days", "tue", "--confidence", "9"))
    later = events(ics(history.plans()))
    same = {str(e["UID"]): e.decoded("DTSTAMP") for e in later}
    assert all(same[str(e["UID"])] == e.decoded("DTSTAMP") for e in found)
    assert len(later) == 5


def test_ics_times_plan_is_one_week_long_event(history):
    plans = [p for p in history.plans() if p.times is not None]
    found = events(ics(plans))
    assert len(found) == 1
    event = found[0]
    assert event.decoded("DTSTART") == date(2026, 11, 23)
    assert event.decoded("DTEND") == date(2026, 11, 30)  # the whole week, Monday to Sunday
    assert str(event["SUMMARY"]) == "stretch: 5 minutes (3 times this week)"
    assert "When: after breakfast." in str(event["DESCRIPTION"])
    assert "Confidence: 7/10." in str(event["DESCRIPTION"])


def test_ics_says_nothing_of_how_days_went(history):
    """A calendar is often shared or synced: it carries the plan, not the check-ins."""
    data = ics(history.plans())
    assert b"Checked in" not in data and b"Done so far" not in data


def test_ics_uids_differ_between_databases(history):
    plan = history.plans()[0]
    other = plan._replace(created_at="2026-11-23T09:00:01+00:00")  # plan 2 of another file
    assert uid(plan, TODAY) != uid(other, TODAY)
    assert uid(plan, TODAY) == uid(plan._replace(what="changed"), TODAY)


def test_ics_hostile_text_stays_text(hostile):
    data = ics(hostile.plans())
    check_lines(data)
    assert b"\x1b" not in data and "\u202e".encode() not in data
    found = events(data)
    assert len(found) == 2 * len(HOSTILE)  # mon and thu of each
    # Each DTSTAMP is the moment its plan was made, in UTC (not the moment of the export).
    stamps = sorted({e.decoded("DTSTAMP") for e in found})
    assert stamps == [datetime(2026, 11, 23, 8, 0, n, tzinfo=UTC) for n in range(len(HOSTILE))]
    summaries = {str(e["SUMMARY"]) for e in found}
    assert summaries == {f"{SHOWN[text]}: {LINK}" for text in HOSTILE}
    assert all("\n" not in str(e["DESCRIPTION"]) for e in found)
    assert f"When: {SCRIPT}." in str(found[0]["DESCRIPTION"])


def test_ics_long_text_is_folded_on_whole_characters(run, store):
    ok(run(*PLAN[:3], "é" * 60 + "🚶" * 20, *PLAN[4:], "--times", "2", "--confidence", "8"))
    data = ics(store().plans())
    check_lines(data)
    assert str(events(data)[0]["SUMMARY"]).startswith("é" * 60 + "🚶" * 20 + ": 10 minutes")


def test_ics_needs_an_active_plan(run, store):
    ok(run(*PLAN, "--days", "mon", "--confidence", "8"))
    ok(run("plan", "end", "1"))
    with pytest.raises(SmcoachError, match="no current action plan"):
        ics(store().plans(include_ended=True))
