"""Weekly trends: the weeks of a window, their figures, the direction over the window and how
well planned confidence matched what was done. Pure: the store aggregates in SQL by ISO week,
this module only arranges and reads the weekly figures."""

from datetime import date, timedelta
from typing import NamedTuple

from smcoach.domain.dates import iso_week

SPARKS = "▁▂▃▄▅▆▇█"
# Confidence bands for calibration, highest first: (lowest, highest, label).
BANDS = ((8, 10, "8-10"), (7, 7, "7"), (5, 6, "5-6"), (0, 4, "0-4"))
# A slope smaller than this (per week) reads as steady: confidence in points out of 10,
# completion in percentage points.
STEADY = {"confidence": 0.05, "completion": 1.0}


class PlanWeekFigures(NamedTuple):
    """What the store adds up for the plans made in one ISO week."""

    plans: int
    confidence: float  # the mean confidence of those plans
    counted: float | None  # planned days, less rest days; None while the weeks are under way
    achieved: float | None  # planned days done, a partly-done day counting half


class WeekRow(NamedTuple):
    week: str  # ISO week key, e.g. 2026-W48
    monday: date
    plans: int
    confidence: float | None
    completion: float | None  # percent of counted days done; None when nothing to count
    selfefficacy: float | None
    symptoms: dict[str, float | None]


class Band(NamedTuple):
    label: str
    plans: int
    completion: float | None  # percent


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def window(today: date, weeks: int | None, since: date | None) -> list[date]:
    """The Mondays of the ISO weeks shown, oldest first, ending with this week."""
    last = monday_of(today)
    first = monday_of(since) if since is not None else last - timedelta(weeks=(weeks or 12) - 1)
    count = (last - first).days // 7 + 1
    return [first + timedelta(weeks=i) for i in range(max(count, 0))]


def rows(
    mondays: list[date],
    plans: dict[str, PlanWeekFigures],
    selfefficacy: dict[str, float],
    symptoms: dict[str, dict[str, float]],
) -> list[WeekRow]:
    """One row per week; a week with no data keeps None (a gap), never zero."""
    result = []
    for monday in mondays:
        key = iso_week(monday)
        p = plans.get(key)
        completion = None
        if p is not None and p.counted:
            completion = 100 * (p.achieved or 0) / p.counted
        result.append(
            WeekRow(
                week=key,
                monday=monday,
                plans=p.plans if p else 0,
                confidence=p.confidence if p else None,
                completion=completion,
                selfefficacy=selfefficacy.get(key),
                symptoms={name: by_week.get(key) for name, by_week in sorted(symptoms.items())},
            )
        )
    return result


def slope(values: list[float | None]) -> float | None:
    """Least-squares slope per week over the weeks that have a value; None below two."""
    points = [(x, y) for x, y in enumerate(values) if y is not None]
    if len(points) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    return sxy / sxx


def direction(value: float | None, measure: str) -> str | None:
    if value is None:
        return None
    if abs(value) < STEADY[measure]:
        return "steady"
    return "rising" if value > 0 else "falling"


def calibration(figures: dict[str, PlanWeekFigures]) -> list[Band]:
    """Completion for each confidence band, from figures keyed by band label."""
    bands = []
    for _, _, label in BANDS:
        f = figures.get(label)
        if f is None or f.plans == 0:
            continue
        if not f.counted:
            continue  # plans still under way: nothing to compare yet
        done = 100 * (f.achieved or 0) / f.counted
        bands.append(Band(label, f.plans, done))
    return bands


def confidence_runs_ahead(bands: list[Band]) -> bool:
    """Plans made at confidence 7 or more were done less than two times in three."""
    confident = [b for b in bands if b.label in ("8-10", "7") and b.completion is not None]
    return any(b.completion is not None and b.completion < 66.7 for b in confident)


def sparkline(values: list[float | None], top: float) -> str:
    """One character a week; a week with no value is a space (a gap, never a zero bar)."""
    marks = []
    for v in values:
        if v is None:
            marks.append(" ")
        else:
            level = round(max(0.0, min(v, top)) / top * (len(SPARKS) - 1)) if top else 0
            marks.append(SPARKS[level])
    return "".join(marks)


def bar(value: float | None, top: float, width: int = 10) -> str:
    if value is None:
        return ""
    filled = round(max(0.0, min(value, top)) / top * width) if top else 0
    return "█" * filled + "░" * (width - filled)
