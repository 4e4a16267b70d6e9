"""The trends view in a terminal (render/trends.py): what plain output shows, from hand-made
weekly figures."""

import io
from datetime import date

from smcoach.domain.dates import iso_week
from smcoach.domain.trends import Direction, Trends, WeekRow, monday_of, window
from smcoach.render import trends as view
from smcoach.render import write

TODAY = date(2026, 11, 25)


def make(weeks: int, symptoms: dict[str, tuple[bool, list[float | None]]] | None = None) -> Trends:
    symptoms = symptoms or {}
    mondays = window(TODAY, weeks, None)
    rows = [
        WeekRow(
            week=iso_week(m),
            monday=m,
            plans=n % 3,
            confidence=None if n % 3 == 0 else float(n % 11),
            completion=None if m == monday_of(TODAY) or n % 3 == 0 else 100 * (n % 7) / 6,
            selfefficacy=None if n % 13 else 6.5,
            symptoms={name: values[n % len(values)] for name, (_, values) in symptoms.items()},
        )
        for n, m in enumerate(mondays)
    ]
    unknown = Direction(None, None, 0)
    names = [(name, better) for name, (better, _) in symptoms.items()]
    return Trends(TODAY, rows, names, unknown, unknown, [], False)


def shown(trends: Trends, marks: bool) -> str:
    out = io.StringIO()
    write(view.blocks(trends, marks=marks), out)
    return out.getvalue()


def test_plain_output_is_the_same_without_the_marks_it_leaves_out(monkeypatch):
    """Plain output shows no bars or sparklines: the view made without them (as `smcoach
    trends` makes it for plain output) prints the same, at any width."""
    values = [None, 0.0, 2.5, 10.0, 7.25, None, 3.0, 0.5, 9.99, 1.0, None, 5.0]
    trends = make(60, {"pain": (False, values), "mood": (True, values[::-1])})
    for columns in (None, "60", "300"):
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        assert shown(trends, marks=True) == shown(trends, marks=False), columns


def test_each_week_is_labelled_with_the_day_of_its_monday(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    trends = make(60)
    lines = shown(trends, marks=False).splitlines()
    for r in trends.rows:  # every month, each day as strftime writes it
        assert any(line.startswith(f"{r.week} ({r.monday:%d %b})  ") for line in lines), r.week


def test_the_same_figure_is_shown_the_same_every_week(monkeypatch):
    """Figures are formatted once and the cell used again: 7, 7.0 and 7.04 all read 7.0, a
    gap is a gap, and 0 plans is a gap, never 0."""
    monkeypatch.delenv("COLUMNS", raising=False)
    trends = make(6, {"pain": (False, [7, 7.0, 7.04, None, 0, 0.0])})
    lines = shown(trends, marks=False).splitlines()
    rows = [line.split() for line in lines if line.startswith("2026-W")]
    assert [r[-1] for r in rows] == ["7.0", "7.0", "7.0", "–", "0.0", "0.0"]
    assert [r[3] for r in rows] == ["–", "1", "2", "–", "1", "2"]  # plans
