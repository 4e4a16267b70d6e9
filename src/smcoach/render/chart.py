"""The trends as a chart: one self-contained SVG, drawn here (no plotting library).

Weeks run along the x axis, labelled with their ISO week (2026-W48, never cut; thinned when
there are many). The top panel has the average confidence of each week's plans (0-10, left
axis) and the planned days done (0-100%, right axis), and self-efficacy (1-10, left axis)
when the scale was taken; the panel below has each symptom's weekly average rating (0-10),
named with the way that is better. A week with no value is a break in its line, never a zero.

Meaning never rests on colour alone: every line has its own dash pattern and marker shape,
and the legend names it in words. A <title> and a <desc> (the sentences under the table)
are there for screen readers. The file refers to nothing outside itself: no font, script,
image, link or style sheet is loaded; the fonts are the generic sans-serif. Every piece of
text, the catalogue's and the person's alike, is escaped as it is written out.
"""

import math
import textwrap
from collections.abc import Sequence
from typing import NamedTuple

from smcoach.domain.trends import Trends
from smcoach.messages import t
from smcoach.render.summary import html_text
from smcoach.render.trends import symptom_label

NAMESPACE = "http://www.w3.org/2000/svg"

WIDTH = 880
LEFT = 64  # room for the left axis's numbers and title
RIGHT = 64  # and the right one's
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = 200
LINE = 18  # the height of a line of text
LABEL_W = 72  # the room a week label (2026-W48) needs
WRAP = 118  # characters a line of a sentence under the chart

# Dark colours that stay apart in greys too; each line also has its own dash and marker.
COLOURS = ("#1b4f9c", "#a34700", "#2e6b30", "#7b2d8e", "#8a1c1c", "#2f4f4f")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "14 4")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")


class Series(NamedTuple):
    key: str  # names the line's group (class="series KEY"), for anyone reading the file
    label: str
    values: list[float | None]
    top: float  # the value at the top of the panel
    colour: str
    dash: str
    marker: str


def _style(n: int) -> tuple[str, str, str]:
    """The nth line's colour, dash pattern and marker: no two of the first 25 alike."""
    dash = DASHES[n % len(DASHES)]
    marker = MARKERS[(n + n // len(MARKERS)) % len(MARKERS)]
    return COLOURS[n % len(COLOURS)], dash, marker


def _series(n: int, key: str, label: str, values: list[float | None], top: float = 10.0) -> Series:
    return Series(key, label, values, top, *_style(n))


def _x(i: int, n: int) -> float:
    """The centre of the ith of n weeks."""
    return LEFT + PLOT_W * (i + 0.5) / n


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f'<text x="{_num(x)}" y="{_num(y)}"{extra}>{html_text(text)}</text>'


def _marker(kind: str, x: float, y: float, colour: str, r: float = 4.0) -> str:
    if kind == "circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill="{colour}"/>'
    if kind == "square":
        return (
            f'<rect x="{_num(x - r)}" y="{_num(y - r)}" width="{_num(2 * r)}" '
            f'height="{_num(2 * r)}" fill="{colour}"/>'
        )
    if kind == "cross":
        a, b, c, d = _num(x - r), _num(x + r), _num(y - r), _num(y + r)
        return (
            f'<path d="M{a} {c}L{b} {d}M{a} {d}L{b} {c}" stroke="{colour}" '
            f'stroke-width="{_num(r / 2)}" fill="none"/>'
        )
    if kind == "triangle":
        points = [(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)]
    else:  # diamond
        points = [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)]
    joined = " ".join(f"{_num(px)},{_num(py)}" for px, py in points)
    return f'<polygon points="{joined}" fill="{colour}"/>'


def _line(series: Series, top: float, n: int) -> list[str]:
    """The series' line, broken at every week with no value, and a marker on every point
    (smaller as the weeks get many)."""
    r = 4.0 if n <= 26 else 3.0 if n <= 104 else 2.0
    dash = f' stroke-dasharray="{series.dash}"' if series.dash else ""
    out = [
        f'<g class="series {series.key}" aria-hidden="true">',
        f'<g fill="none" stroke="{series.colour}" stroke-width="{_num(r / 2)}"{dash}>',
    ]

    def at(i: int, v: float) -> tuple[float, float]:
        return _x(i, n), top + PLOT_H * (1 - max(0.0, min(v, series.top)) / series.top)

    points = [None if v is None else at(i, v) for i, v in enumerate(series.values)]
    run: list[tuple[float, float]] = []
    for point in [*points, None]:
        if point is not None:
            run.append(point)
            continue
        if len(run) > 1:
            d = "M" + "L".join(f"{_num(px)} {_num(py)}" for px, py in run)
            out.append(f'<path d="{d}"/>')
        run = []
    out.append("</g>")
    out += [_marker(series.marker, p[0], p[1], series.colour, r) for p in points if p]
    out.append("</g>")
    return out


def _legend(series: Sequence[Series], y: float) -> tuple[list[str], float]:
    """One entry a line: a sample of the line with its marker, and its name."""
    out = []
    for s in series:
        mid = y + LINE / 2
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        out.append(f'<path d="M{LEFT} {_num(mid)}h36" stroke="{s.colour}" stroke-width="2"{dash}/>')
        out.append(_marker(s.marker, LEFT + 18, mid, s.colour))
        out.append(_text(LEFT + 46, mid + 4, s.label))
        y += LINE
    return out, y


def _week_axis(weeks: Sequence[str], y: float) -> list[str]:
    """Tick marks and ISO week labels under a panel, thinned so that none overlap; the last
    (this) week is always labelled."""
    n = len(weeks)
    step = max(1, math.ceil(n / max(1, PLOT_W // LABEL_W)))
    out = [f'<path d="M{LEFT} {_num(y)}h{PLOT_W}" stroke="#333"/>']
    for i, week in enumerate(weeks):
        if (n - 1 - i) % step:
            continue
        x = _x(i, n)
        out.append(f'<path d="M{_num(x)} {_num(y)}v5" stroke="#333"/>')
        out.append(_text(x, y + 18, week, text_anchor="middle"))
    return out


def _grid(top: float, left: Sequence[str], right: Sequence[str] | None) -> list[str]:
    """Horizontal grid lines from 0 (bottom) to the top, with the numbers on each axis."""
    out = []
    steps = len(left) - 1
    for k, label in enumerate(left):
        y = top + PLOT_H * (1 - k / steps)
        out.append(f'<path d="M{LEFT} {_num(y)}h{PLOT_W}" stroke="#ccc" stroke-width="1"/>')
        out.append(_text(LEFT - 6, y + 4, label, text_anchor="end"))
        if right is not None:
            out.append(_text(LEFT + PLOT_W + 6, y + 4, right[k]))
    return out


def _axis_title(x: float, y: float, text: str) -> str:
    return (
        f'<text transform="rotate(-90 {_num(x)} {_num(y)})" x="{_num(x)}" y="{_num(y)}" '
        f'text-anchor="middle">{html_text(text)}</text>'
    )


def _panel(
    title: str,
    series: Sequence[Series],
    weeks: Sequence[str],
    y: float,
    left_title: str,
    right_title: str | None,
) -> tuple[list[str], float]:
    """A panel: its title, legend, grid, axes and lines, from `y` down; returns the y below."""
    out = [_text(LEFT, y + 14, title, font_weight="bold", font_size="14")]
    legend, y = _legend(series, y + LINE + 6)
    out += legend
    top = y + 12
    ticks = [str(v) for v in range(0, 11, 2)]
    percent = [f"{v}%" for v in range(0, 101, 20)] if right_title is not None else None
    out += _grid(top, ticks, percent)
    out.append(_axis_title(LEFT - 40, top + PLOT_H / 2, left_title))
    if right_title is not None:
        out.append(_axis_title(LEFT + PLOT_W + 50, top + PLOT_H / 2, right_title))
    for s in series:
        out += _line(s, top, len(weeks))
    out += _week_axis(weeks, top + PLOT_H)
    return out, top + PLOT_H + 30


def svg(trends: Trends, sentences: Sequence[str], standalone: bool = True) -> str:
    """The chart of `trends` as SVG, with `sentences` (what the weeks show) written under it
    and in its description. `standalone`: a file of its own (an XML declaration and the SVG
    namespace); otherwise to be put inline in an HTML page."""
    rows = trends.rows
    weeks = [r.week for r in rows]
    first, last = weeks[0], weeks[-1]
    title = t("trends.title", first=first, last=last)
    plans = [
        _series(0, "confidence", t("trends.legend_confidence"), [r.confidence for r in rows]),
        _series(1, "done", t("trends.legend_done"), [r.completion for r in rows], 100.0),
    ]
    desc = [t("trends.chart_desc", first=first, last=last)]
    if any(r.selfefficacy is not None for r in rows):
        label = t("trends.legend_selfefficacy")
        plans.append(_series(2, "selfefficacy", label, [r.selfefficacy for r in rows]))
        desc.append(t("trends.chart_desc_selfefficacy"))
    symptoms = [
        _series(
            n, f"symptom-{n + 1}", symptom_label(name, better), [r.symptoms.get(name) for r in rows]
        )
        for n, (name, better) in enumerate(trends.symptoms)
    ]
    if symptoms:
        desc.append(t("trends.chart_desc_symptoms", symptoms="; ".join(s.label for s in symptoms)))
    desc += sentences

    body = [f'<rect width="{WIDTH}" height="100%" fill="#fff"/>']
    if standalone:
        body.append(_text(LEFT, 26, title, font_weight="bold", font_size="17"))
        y = 40.0
    else:
        y = 8.0  # the page has the title as its heading
    panel, y = _panel(
        t("trends.panel_plans"), plans, weeks, y,
        t("trends.axis_confidence"), t("trends.axis_done"),
    )  # fmt: skip
    body += panel
    if symptoms:
        panel, y = _panel(
            t("trends.panel_symptoms"), symptoms, weeks, y + 10, t("trends.axis_rating"), None
        )
        body += panel
    y += 8
    body.append(_text(LEFT, y, t("trends.axis_weeks"), font_style="italic"))
    y += LINE
    for sentence in [t("trends.chart_gaps"), *(sentences if standalone else ())]:
        for line in textwrap.wrap(sentence, WRAP) or [""]:
            y += LINE
            body.append(_text(LEFT, y, line))
    height = math.ceil(y + LINE)

    namespace = f' xmlns="{NAMESPACE}"' if standalone else ""
    head = [
        f'<svg{namespace} viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        'role="img" aria-labelledby="trends-title trends-desc" font-family="sans-serif" '
        'font-size="12" fill="#111">',
        f'<title id="trends-title">{html_text(title)}</title>',
        f'<desc id="trends-desc">{html_text(" ".join(desc))}</desc>',
    ]
    declaration = ['<?xml version="1.0" encoding="UTF-8"?>'] if standalone else []
    return "\n".join([*declaration, *head, *body, "</svg>"]) + "\n"
