"""Trends: ISO-week windows, gaps, slope, direction and calibration, by hand-computed values."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach.domain.dates import iso_week
from smcoach.domain.trends import (
    MIN_WEEKS,
    Band,
    Direction,
    PlanWeekFigures,
    bar,
    calibration,
    confidence_runs_ahead,
    direction,
    from_first_record,
    monday_of,
    rows,
    slope,
    sparkline,
    trend,
    week_keys,
    week_monday,
    window,
)


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (date(2024, 12, 30), "2025-W01"),
        (date(2021, 1, 3), "2020-W53"),
        (date(2027, 1, 1), "2026-W53"),
        (date(2020, 12, 31), "2020-W53"),
        (date(2026, 12, 28), "2026-W53"),
        (date(2027, 1, 4), "2027-W01"),
    ],
)
def test_iso_week_boundaries(day, week):
    assert iso_week(day) == week
    assert iso_week(monday_of(day)) == week


def test_window_crosses_week_53_without_skipping_or_repeating():
    mondays = window(date(2027, 1, 6), 3, None)
    assert [iso_week(m) for m in mondays] == ["2026-W52", "2026-W53", "2027-W01"]
    mondays = window(date(2021, 1, 10), None, date(2020, 12, 25))
    assert [iso_week(m) for m in mondays] == ["2020-W52", "2020-W53", "2021-W01"]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(1, 600))
def test_window_is_consecutive_mondays_ending_this_week(today, weeks):
    mondays = window(today, weeks, None)
    assert len(mondays) == weeks
    assert all(m.weekday() == 0 for m in mondays)
    assert mondays[-1] == monday_of(today)
    assert all(b - a == timedelta(weeks=1) for a, b in zip(mondays, mondays[1:], strict=False))
    keys = [iso_week(m) for m in mondays]
    assert len(set(keys)) == weeks and keys == sorted(keys)


def test_rows_keep_gaps_as_none_and_count_rest_days_out():
    mondays = window(date(2026, 11, 23), 3, None)
    figures = {
        "2026-W46": PlanWeekFigures(plans=1, confidence=8.0, counted=4, achieved=3.5),
        "2026-W48": PlanWeekFigures(plans=2, confidence=7.0, counted=None, achieved=None),
    }
    result = rows(mondays, figures, {"2026-W47": 6.5}, {"pain": {"2026-W46": 4.0}})
    assert [(r.week, r.plans, r.confidence, r.completion, r.selfefficacy) for r in result] == [
        ("2026-W46", 1, 8.0, 87.5, None),
        ("2026-W47", 0, None, None, 6.5),  # no plan that week: a gap, not 0
        ("2026-W48", 2, 7.0, None, None),  # under way: not known yet
    ]
    assert [r.symptoms for r in result] == [{"pain": 4.0}, {"pain": None}, {"pain": None}]


def test_slope_by_hand():
    assert slope([1.0, 2.0, 3.0]) == pytest.approx(1.0)
    # Week 1 is a gap, so x = 0, 2, 3 and y = 2, 5, 5: mean x = 5/3, mean y = 4,
    # sxx = 25/9 + 1/9 + 16/9 = 14/3, sxy = (-5/3)(-2) + (1/3)(1) + (4/3)(1) = 5.
    assert slope([2.0, None, 5.0, 5.0]) == pytest.approx(5 / (14 / 3))
    assert slope([5.0]) is None and slope([None, None]) is None
    assert slope([4.0, 4.0, 4.0]) == 0


def test_direction():
    assert direction(0.2, "confidence") == "rising"
    assert direction(-0.2, "confidence") == "falling"
    assert direction(0.04, "confidence") == "steady"
    assert direction(0.9, "completion") == "steady"
    assert direction(-1.5, "completion") == "falling"
    assert direction(None, "completion") is None


def test_calibration_and_the_hint():
    figures = {
        "8-10": PlanWeekFigures(10, 8.6, counted=40, achieved=36, finished=10),
        "5-6": PlanWeekFigures(5, 5.4, counted=20, achieved=8, finished=5),
        "7": PlanWeekFigures(2, 7.0, counted=None, achieved=None, finished=0),
    }
    bands = calibration(figures)
    assert bands == [Band("8-10", 10, 90.0), Band("5-6", 5, 40.0)]  # in band order, 7 under way
    assert not confidence_runs_ahead(bands)
    assert confidence_runs_ahead([Band("8-10", 6, 50.0)])


def test_calibration_counts_only_finished_plans():
    # Five plans at 8-10, of which two are finished (4 days counted, 1 done); the other three
    # are under way: they add nothing to the days and are not among the plans counted.
    bands = calibration({"8-10": PlanWeekFigures(5, 9.0, counted=4, achieved=1, finished=2)})
    assert bands == [Band("8-10", 2, 25.0)]
    # Finished plans of rest days only: nothing to compare.
    assert calibration({"7": PlanWeekFigures(1, 7.0, counted=0, achieved=0, finished=1)}) == []


@pytest.mark.parametrize(("plans", "hint"), [(1, False), (2, False), (3, True), (9, True)])
def test_no_hint_from_fewer_than_three_finished_plans(plans, hint):
    assert confidence_runs_ahead([Band("8-10", plans, 20.0)]) is hint
    assert confidence_runs_ahead([Band("7", plans, 20.0)]) is hint
    assert not confidence_runs_ahead([Band("5-6", plans, 20.0)])  # not a confident band


def week_rows(today: date, confidence: list[float | None]):
    mondays = window(today, len(confidence), None)
    figures = {
        iso_week(m): PlanWeekFigures(1, c, None, None)
        for m, c in zip(mondays, confidence, strict=True)
        if c is not None
    }
    return rows(mondays, figures, {}, {})


def test_a_direction_only_from_four_finished_weeks():
    today = date(2026, 11, 25)  # a Wednesday: the last row is this week, under way
    few = week_rows(today, [5.0, None, 6.0, 7.0, 1.0])
    assert trend(few, today, "confidence") == Direction(None, None, 3)
    enough = week_rows(today, [5.0, None, 6.0, 7.0, 7.5, 1.0])
    found = trend(enough, today, "confidence")
    # x = 0, 2, 3, 4 and y = 5, 6, 7, 7.5: this week's 1.0 is left out.
    assert found.weeks == MIN_WEEKS == 4 and found.direction == "rising"
    assert found.slope == pytest.approx(slope([5.0, None, 6.0, 7.0, 7.5]))
    assert trend(enough, today, "completion") == Direction(None, None, 0)


def test_the_window_starts_at_the_first_record():
    mondays = window(date(2026, 11, 25), 6, None)  # 2026-W43 to W48
    assert [iso_week(m) for m in from_first_record(mondays, date(2026, 11, 5))] == [
        "2026-W45",
        "2026-W46",
        "2026-W47",
        "2026-W48",
    ]
    assert from_first_record(mondays, date(2026, 1, 1)) == mondays  # earlier: as asked
    assert from_first_record(mondays, date(2027, 1, 1)) == mondays[-1:]  # this week at least


@pytest.mark.parametrize("key", ["2020-W53", "2025-W01", "2026-W48", "2027-W01"])
def test_week_monday(key):
    monday = week_monday(key)
    assert monday.weekday() == 0 and iso_week(monday) == key


def test_sparkline_and_bar_show_gaps_not_zeros():
    assert sparkline([0.0, None, 10.0, 5.0], 10) == "▁ █▅"
    assert bar(None, 10) == ""
    assert bar(0.0, 10) == "░" * 10
    assert bar(10.0, 10, width=4) == "████"


@given(st.dates(date(1900, 1, 1), date(2990, 1, 1)), st.integers(0, 1200))
def test_week_keys_are_the_calendars_iso_weeks(day, count):
    """Counted on week by week, across years of 52 and 53 weeks, as iso_week gives each."""
    mondays = [monday_of(day) + timedelta(weeks=n) for n in range(count)]
    assert week_keys(mondays) == [iso_week(m) for m in mondays]
