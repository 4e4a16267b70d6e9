"""The trends view: a table with a bar for each figure, sparklines, the direction over the
finished weeks and the calibration lines; the same figures as JSON and CSV; and a printable
HTML page with the chart (render/chart.py) and a table of the figures."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence

from smcoach.domain.trends import (
    MIN_PLANS,
    MIN_WEEKS,
    Band,
    Direction,
    Trends,
    WeekRow,
    bar,
    sparkline,
)
from smcoach.i18n import day_text, decimal_text
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING
from smcoach.render import Block, Cell, Para, Table, one_line

if TYPE_CHECKING:
    from typing import Any

GAP = "–"  # a week with no data: shown as a gap, never as zero


def _num(value: float | None, spec: str = ".1f") -> str:
    return GAP if value is None else decimal_text(value, spec)


def symptom_label(name: str, higher_is_better: bool) -> str:
    """A symptom's name with the way that is better, so a rising line reads the same for
    every symptom."""
    key = "trends.symptom_higher_better" if higher_is_better else "trends.symptom_lower_better"
    return t(key, name=name)


def _direction(measure: str, d: Direction) -> str:
    if d.direction is None:
        return t(f"trends.{measure}_unknown", weeks=d.weeks, needed=MIN_WEEKS)
    return t(f"trends.{measure}_{d.direction}", slope=d.slope, weeks=d.weeks)


def _band(b: Band) -> str:
    done = b.completion or 0.0
    if b.plans >= MIN_PLANS:
        return t("trends.band", band=b.label, done=done, plans=b.plans)
    if b.plans == 1:
        return t("trends.band_one", band=b.label, done=done)
    return t("trends.band_few", band=b.label, done=done, plans=b.plans)


def sentences(trends: Trends) -> list[tuple[str, str | None]]:
    """What the weeks show, in words, each with its style: the direction of confidence and of
    plans done, how each confidence band's plans went, the hint when it applies, and which
    self-efficacy checks are left out, being on another scale."""
    out: list[tuple[str, str | None]] = [
        (_direction("confidence", trends.confidence), None),
        (_direction("completion", trends.completion), None),
    ]
    out += [(_band(b), None) for b in trends.bands]
    out += [
        (t("trends.other_form", form=trends.selfefficacy_form, other=form, n=n), None)
        for form, n in trends.other_forms.items()
    ]
    if trends.hint:
        out.append((t("trends.hint"), "warning"))
    return out


def _weeks(rows: Sequence[WeekRow]) -> list[str]:
    """Each row's week and the day of its Monday, such as "2026-W48 (23 Nov)". The sentence
    comes from t() once, with markers where its fields go, and is filled for each row: the
    fields are made here (a week key and a day: nothing to make safe), and t() for each of
    ten years of weeks took longer than all the rest of the table. So would day_text: each
    month's day is written once, in the language's own form ("23 Nov", "23 nov")."""
    fill = t("trends.week_of", week="{0}", monday="{1}").format
    written: dict[tuple[int, int], str] = {}
    for r in rows:
        key = (r.monday.month, r.monday.day)
        if key not in written:
            written[key] = day_text(r.monday, "date")
    return [fill(r.week, written[(r.monday.month, r.monday.day)]) for r in rows]


def _columns(trends: Trends) -> list[str]:
    return [
        t("trends.col.week"),
        t("trends.col.plans"),
        t("trends.col.confidence"),
        t("trends.col.done"),
        t("trends.col.selfefficacy"),
        *(symptom_label(name, better) for name, better in trends.symptoms),
    ]


def _tenths(value: float) -> str:
    return decimal_text(value)


def _column(
    values: Iterable[float | None],
    text: Callable[[float], str],
    style: str | None = None,
    plain: str | None = None,
    gap: str = GAP,
) -> list[Cell]:
    """The cells of a column of the table, a figure each (`gap` for None). Each cell is made
    once for each figure: the same figures come again week after week, and a cell is found
    again sooner than it is made."""
    none = Cell(gap, style, plain)
    made: dict[float, Cell] = {}
    cells = []
    for value in values:
        if value is None:
            cells.append(none)
            continue
        found = made.get(value)
        if found is None:
            found = made[value] = Cell(text(value), style, plain)
        cells.append(found)
    return cells


def blocks(trends: Trends, marks: bool = True) -> list[Block]:
    """The view for a terminal: one line to say there is nothing yet, or the table, the
    sparklines and what the weeks show. Without `marks` (for plain output, which shows
    neither) the bars and sparklines are not made at all."""
    rows = trends.rows
    if not rows:
        return [Para(t("trends.nothing"))]
    names = [name for name, _ in trends.symptoms]
    columns = _columns(trends)
    table = Table(
        [*columns[:3], "", columns[3], "", *columns[4:]] if marks else columns,
        title=t("trends.title", first=rows[0].week, last=rows[-1].week),
    )
    confidence = [r.confidence for r in rows]
    done = [r.completion for r in rows]
    by_column = [
        [Cell(week) for week in _weeks(rows)],
        _column((r.plans or None for r in rows), str),  # no plans: a gap, never 0
        _column(confidence, _tenths, "confidence"),
    ]
    if marks:  # the figure says it: plain output leaves the bar out
        by_column.append(_column(confidence, lambda v: bar(v, 10), "confidence", "", gap=""))
    by_column.append(_column(done, lambda v: format(v, ".0f"), "done"))
    if marks:
        by_column.append(_column(done, lambda v: bar(v, 100), "done", "", gap=""))
    by_column.append(_column((r.selfefficacy for r in rows), _tenths))
    by_column += [_column([r.symptoms[name] for r in rows], _tenths) for name in names]
    table.rows = [list(row) for row in zip(*by_column, strict=True)]
    out: list[Block] = [table]
    if marks:  # glyphs read badly aloud: plain output has the table's figures instead
        lines = [(columns[2], confidence, 10.0), (columns[3], done, 100.0),
                 (columns[4], [r.selfefficacy for r in rows], 10.0)]  # fmt: skip
        lines += [
            (label, [r.symptoms[name] for r in rows], 10.0)
            for label, name in zip(columns[5:], names, strict=True)
        ]
        width = max(len(one_line(label)) for label, _, _ in lines)
        for label, values, top in lines:
            line = f"{one_line(label).ljust(width)}  {sparkline(values, top)}"
            out.append(Para(line, "muted", plain=""))
    out.append(Para(t("trends.gaps"), "muted", plain=t("trends.gaps_plain")))
    out += [Para(text, style) for text, style in sentences(trends)]
    return out


def _direction_json(d: Direction) -> dict[str, Any]:
    return {"slope": d.slope, "direction": d.direction, "finished_weeks": d.weeks}


def as_json(trends: Trends) -> dict[str, Any]:
    return {
        "weeks": [
            {
                "week": r.week,
                "monday": r.monday.isoformat(),
                "plans": r.plans,
                "confidence": r.confidence,
                "completion": r.completion,
                "selfefficacy": r.selfefficacy,
                "symptoms": r.symptoms,
            }
            for r in trends.rows
        ],
        "symptoms": [
            {"name": name, "higher_is_better": better} for name, better in trends.symptoms
        ],
        "direction": {
            "confidence": _direction_json(trends.confidence),
            "completion": _direction_json(trends.completion),
        },
        "calibration": [
            {"band": b.label, "finished_plans": b.plans, "completion": b.completion}
            for b in trends.bands
        ],
        "hint": trends.hint,
        "selfefficacy_form": trends.selfefficacy_form,
        "other_forms": dict(trends.other_forms),
    }


def as_csv(trends: Trends) -> str:
    import csv  # here: the other views should not pay for it

    names = [name for name, _ in trends.symptoms]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["week", "monday", "plans", "confidence", "completion", "selfefficacy",
                     *(f"symptom:{name}" for name in names)])  # fmt: skip
    for r in trends.rows:
        values = [r.confidence, r.completion, r.selfefficacy, *(r.symptoms[n] for n in names)]
        writer.writerow([r.week, r.monday.isoformat(), r.plans,
                         *("" if v is None else round(v, 3) for v in values)])  # fmt: skip
    return buffer.getvalue()


def svg(trends: Trends) -> str:
    """The chart as an SVG file of its own."""
    from smcoach.render.chart import svg as chart

    return chart(trends, [text for text, _ in sentences(trends)])


# --- the HTML page ------------------------------------------------------------------------------

STYLE = """
:root { color: #111; background: #fff; }
body {
  font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Liberation Sans", sans-serif;
  font-size: 11pt; line-height: 1.45; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
}
h1 { font-size: 1.6em; margin: 0 0 0.2em; }
h2 { font-size: 1.2em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #777; }
h2, caption { break-after: avoid; page-break-after: avoid; }
p { margin: 0.3em 0; }
figure { margin: 0.5em 0; }
svg { display: block; width: 100%; max-width: 55rem; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; font-size: 0.95em; }
caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
th, td { border: 1px solid #777; padding: 0.25em 0.45em; text-align: right; }
th[scope="row"], thead th:first-child { text-align: left; font-weight: normal; }
thead th { background: #eee; font-weight: 600; text-align: left; }
td { font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr, p, figure { break-inside: avoid; page-break-inside: avoid; }
.note, .made { color: #444; font-size: 0.92em; }
.warning { font-weight: 600; border-left: 4px solid #111; padding-left: 0.5em; }
@page { margin: 15mm; }
@media print {
  :root, body { color: #000; background: #fff; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  thead th { background: none; }
  .note, .made { color: #000; }
  svg { max-width: 100%; }
}
""".strip()


def html(trends: Trends) -> str:
    """The trends as one self-contained, printable HTML page: the chart inline, what the
    weeks show in words, and a table of the figures."""
    from smcoach.render.chart import svg as chart
    from smcoach.render.summary import html_text, page_start

    rows = trends.rows
    title = t("trends.title", first=rows[0].week, last=rows[-1].week)
    said = sentences(trends)
    columns = _columns(trends)
    head = "".join(f'<th scope="col">{html_text(c)}</th>' for c in columns)
    body = []
    for r, week in zip(rows, _weeks(rows), strict=True):
        cells = [
            str(r.plans) if r.plans else GAP,
            _num(r.confidence),
            _num(r.completion, ".0f"),
            _num(r.selfefficacy),
            *(_num(r.symptoms[name]) for name, _ in trends.symptoms),
        ]
        body.append(
            f'<tr><th scope="row">{html_text(week)}</th>'
            + "".join(f"<td>{html_text(c)}</td>" for c in cells)
            + "</tr>"
        )
    out = [
        *page_start(title, STYLE),
        f"<h1>{html_text(title)}</h1>",
        f'<p class="made">{html_text(t("trends.html_made", day=trends.today.isoformat()))}</p>',
        '<section aria-labelledby="reading">',
        f'<h2 id="reading">{html_text(t("trends.html_reading"))}</h2>',
        *(
            f'<p class="warning">{html_text(text)}</p>'
            if style == "warning"
            else f"<p>{html_text(text)}</p>"
            for text, style in said
        ),  # fmt: skip
        "</section>",
        '<section aria-labelledby="chart">',
        f'<h2 id="chart">{html_text(t("trends.html_chart"))}</h2>',
        "<figure>",
        chart(trends, [text for text, _ in said], standalone=False).rstrip("\n"),
        "</figure>",
        "</section>",
        '<section aria-labelledby="figures">',
        f'<h2 id="figures">{html_text(t("trends.html_table"))}</h2>',
        "<table>",
        f"<caption>{html_text(title)}</caption>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *body,
        "</tbody>",
        "</table>",
        f'<p class="note">{html_text(t("trends.gaps_table", gap=GAP))}</p>',
        "</section>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
