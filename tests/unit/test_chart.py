"""The trends chart (render/chart.py) and page, from hand-made weekly figures."""

import re
import xml.etree.ElementTree as ET
from datetime import date

from smcoach.domain.dates import iso_week
from smcoach.domain.trends import Direction, Trends, WeekRow, monday_of, window
from smcoach.render import chart
from smcoach.render import trends as view

SVG = "{http://www.w3.org/2000/svg}"
TODAY = date(2026, 11, 25)


def make(weeks: int, symptoms: dict[str, tuple[bool, list[float | None]]] | None = None) -> Trends:
    symptoms = symptoms or {}
    mondays = window(TODAY, weeks, None)
    rows = [
        WeekRow(
            week=iso_week(m),
            monday=m,
            plans=1,
            confidence=float(n % 11),
            completion=None if m == monday_of(TODAY) else 50.0,
            selfefficacy=None,
            symptoms={name: values[n] for name, (_, values) in symptoms.items()},
        )
        for n, m in enumerate(mondays)
    ]
    unknown = Direction(None, None, 0)
    return Trends(
        TODAY,
        rows,
        [(name, better) for name, (better, _) in symptoms.items()],
        unknown,
        unknown,
        [],
        False,
    )


def labels(root: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(f"{SVG}text")]


def test_many_weeks_are_thinned_to_whole_labels_ending_with_this_week():
    trends = make(104)
    root = ET.fromstring(chart.svg(trends, []))
    weeks = [text for text in labels(root) if re.fullmatch(r"\d{4}-W\d\d", text)]
    assert 2 <= len(weeks) <= 10  # one panel: no two labels overlap
    assert weeks[-1] == "2026-W48" and weeks == sorted(weeks)
    assert all(w in {r.week for r in trends.rows} for w in weeks)
    # Every week still has its point.
    confidence = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "series confidence")
    assert len(list(confidence.iter(f"{SVG}circle"))) == 104


def test_a_zero_is_a_point_and_a_gap_is_none():
    trends = make(3, {"pain": (False, [0.0, None, 3.0])})
    root = ET.fromstring(chart.svg(trends, []))
    pain = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "series symptom-1")
    assert len(list(pain.iter(f"{SVG}circle"))) == 2
    assert not list(pain.iter(f"{SVG}path"))  # no line across the gap


HOSTILE = 'pain</text><script>alert(1)</script><a href="x">&amp;\x1b[31m\n"\''


def test_what_the_person_typed_is_escaped_in_the_chart_and_the_page():
    trends = make(2, {HOSTILE: (True, [1.0, 2.0])})
    text = chart.svg(trends, [])
    root = ET.fromstring(text)
    assert not [e for e in root.iter() if e.tag in (f"{SVG}script", f"{SVG}a")]
    expected = 'pain</text><script>alert(1)</script><a href="x">&amp;\\x1b[31m\\n"\' '
    assert expected + "(higher is better)" in labels(root)
    page = view.html(trends)
    assert "<script" not in page and "<a " not in page and "\x1b" not in page
    assert "&lt;script&gt;" in page


def test_every_line_looks_different_without_colour():
    styles = [chart._style(n)[1:] for n in range(25)]
    assert len(set(styles)) == 25  # dash pattern and marker: no two alike


def test_the_page_holds_the_chart_inline_without_a_namespace_or_declaration():
    page = view.html(make(3))
    assert "<?xml" not in page and "xmlns" not in page
    # no address: only the policy meta, which tells a browser to fetch nothing, says "http"
    assert "http" not in page.replace('http-equiv="Content-Security-Policy"', "")
    assert page.count("<svg ") == 1 and page.count("</svg>") == 1
