"""Weekly trends: the weeks of a window, their figures, the direction over the window and how
well planned confidence matched what was done. Pure: the store aggregates in SQL by ISO week,
this module only arranges and reads the weekly figures.

It claims no more than the figures hold: a direction only from MIN_WEEKS finished weeks (weeks
that are over) with data, and the calibration hint only from MIN_PLANS finished plans in a
confidence band. A plan whose week is not over is never counted as not done."""

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from smcoach.domain.symptoms import Symptom, normalise
from smcoach.records import NamedTuple

SPARKS = "▁▂▃▄▅▆▇█"
# Confidence bands for calibration, highest first: (lowest, highest, label).
BANDS = ((8, 10, "8-10"), (7, 7, "7"), (5, 6, "5-6"), (0, 4, "0-4"))
# A slope smaller than this (per week) reads as steady: confidence in points out of 10,
# completion in percentage points.
STEADY = {"confidence": 0.05, "completion": 1.0}
MIN_WEEKS = 4  # finished weeks with data before a direction is named
MIN_PLANS = 3  # finished plans in a band before the calibration hint is given


class PlanWeekFigures(NamedTuple):
    """What the store adds up for the plans made in one ISO week."""

    plans: int
    confidence: float  # the mean confidence of those plans
    counted: float | None  # planned days, less rest days; None while the weeks are under way
    achieved: float | None  # planned days done, a partly-done day counting half
    finished: int = 0  # of `plans`, those whose week is over (the only ones counted)


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
    plans: int  # finished plans made at a confidence in the band
    completion: float | None  # percent


class Direction(NamedTuple):
    """Which way a figure went over the finished weeks of the window; None below MIN_WEEKS."""

    slope: float | None  # per week, a least-squares line through the finished weeks
    direction: str | None  # rising, falling or steady
    weeks: int  # finished weeks with a value


class Trends(NamedTuple):
    """Everything `smcoach trends` shows, in every format."""

    today: date
    rows: list[WeekRow]
    symptoms: list[tuple[str, bool]]  # (name, higher_is_better), in the rows' column order
    confidence: Direction
    completion: Direction
    bands: list[Band]
    hint: bool  # confident plans were done less often than their confidence said
    selfefficacy_form: str | None = None  # the one scale whose scores the rows show
    other_forms: Mapping[str, int] = {}  # scored checks on other scales: never mixed in


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def window(today: date, weeks: int | None, since: date | None) -> list[date]:
    """The Mondays of the ISO weeks shown, oldest first, ending with this week."""
    last = monday_of(today)
    first = monday_of(since) if since is not None else last - timedelta(weeks=(weeks or 12) - 1)
    count = (last - first).days // 7 + 1
    week = timedelta(weeks=1)
    return [first + i * week for i in range(max(count, 0))]


def week_monday(key: str) -> date:
    """The Monday of an ISO week key such as 2026-W48."""
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def from_first_record(mondays: list[date], first_record: date) -> list[date]:
    """The window without the weeks before the person's first record (they are not gaps:
    there was nothing yet to record), keeping this week at least."""
    start = monday_of(first_record)
    return [m for m in mondays if m >= start] or mondays[-1:]


def week_keys(mondays: list[date]) -> list[str]:
    """The ISO week keys of consecutive Mondays (as iso_week gives them), counted on from the
    first: ten years of weeks in a tenth of the time of asking the calendar for each."""
    if not mondays:
        return []
    year, week, _ = mondays[0].isocalendar()
    last_week = date(year, 12, 28).isocalendar()[1]  # 52 or 53: the 28th is in the last week
    keys = []
    for _ in mondays:
        keys.append(f"{year}-W{week:02d}")
        week += 1
        if week > last_week:
            year, week = year + 1, 1
            last_week = date(year, 12, 28).isocalendar()[1]
    return keys


def rows(
    mondays: list[date],
    plans: Mapping[str, PlanWeekFigures],
    selfefficacy: Mapping[str, float],
    symptoms: Mapping[str, Mapping[str, float]],
) -> list[WeekRow]:
    """One row per week (`mondays` are consecutive); a week with no data keeps None (a gap),
    never zero."""
    by_name = sorted(symptoms.items())
    result = []
    for monday, key in zip(mondays, week_keys(mondays), strict=True):
        p = plans.get(key)
        if p is None:
            count, confidence, completion = 0, None, None
        else:
            count, confidence = p.plans, p.confidence
            completion = 100 * (p.achieved or 0) / p.counted if p.counted else None
        result.append(
            WeekRow(
                key,
                monday,
                count,
                confidence,
                completion,
                selfefficacy.get(key),
                {name: by_week.get(key) for name, by_week in by_name},
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


def trend(rows: Sequence[WeekRow], today: date, measure: str) -> Direction:
    """The direction of `measure` (confidence or completion) over the finished weeks of the
    rows (this week is under way: it is left out), once MIN_WEEKS of them have a value."""
    this_week = monday_of(today)
    values: list[float | None] = [getattr(r, measure) for r in rows if r.monday < this_week]
    weeks = sum(v is not None for v in values)
    if weeks < MIN_WEEKS:
        return Direction(None, None, weeks)
    value = slope(values)
    return Direction(value, direction(value, measure), weeks)


def calibration(figures: Mapping[str, PlanWeekFigures]) -> list[Band]:
    """Completion for each confidence band, from figures keyed by band label, counting only
    the finished plans (a plan under way is not yet done or not done)."""
    bands = []
    for _, _, label in BANDS:
        f = figures.get(label)
        if f is None or f.finished == 0 or not f.counted:
            continue  # no finished plan, or only rest days: nothing to compare
        done = 100 * (f.achieved or 0) / f.counted
        bands.append(Band(label, f.finished, done))
    return bands


def confidence_runs_ahead(bands: list[Band]) -> bool:
    """Plans made at confidence 7 or more were done less than two times in three, in a band
    with MIN_PLANS finished plans at least (fewer are too few to judge by)."""
    confident = [b for b in bands if b.label in ("8-10", "7") and b.plans >= MIN_PLANS]
    return any(b.completion is not None and b.completion < 66.7 for b in confident)


def build(
    today: date,
    mondays: list[date],
    plans: Mapping[str, PlanWeekFigures],
    bands: Mapping[str, PlanWeekFigures],
    selfefficacy: Mapping[str, float],
    symptom_weeks: Mapping[str, Mapping[str, float]],
    symptoms: Sequence[Symptom],
    selfefficacy_form: str | None = None,
    other_forms: Mapping[str, int] | None = None,
) -> Trends:
    """The trends of the weeks `mondays` (oldest first, ending with this week). `symptoms`
    may include removed ones: which way is better comes from the most recent of a name.
    `selfefficacy` holds the scores of one form only, `selfefficacy_form`; `other_forms`
    counts the scored checks on any other, which are not shown."""
    weekly = rows(mondays, plans, selfefficacy, symptom_weeks)
    better = {normalise(s.name): s.higher_is_better for s in symptoms}  # in ID order
    names = list(weekly[0].symptoms) if weekly else []
    found = calibration(bands)
    return Trends(
        today=today,
        rows=weekly,
        symptoms=[(name, better.get(normalise(name), False)) for name in names],
        confidence=trend(weekly, today, "confidence"),
        completion=trend(weekly, today, "completion"),
        bands=found,
        hint=confidence_runs_ahead(found),
        selfefficacy_form=selfefficacy_form,
        other_forms=dict(other_forms or {}),
    )


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
