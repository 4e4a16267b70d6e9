"""A course's weeks and the names on its register (smcoach.domain.course)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach.domain.course import (
    MAX_WEEKS,
    NAME_LENGTH,
    Course,
    course_name,
    parse_week,
    parse_weeks,
    participant_name,
    same_name,
)
from smcoach.errors import SmcoachError

COURSE = Course(1, "Tuesday group", date(2026, 12, 1), 6, "2026-11-20T10:00:00+00:00")


def test_sessions_are_weekly_from_the_start_and_the_course_runs_a_week_past_the_last():
    assert COURSE.session_day(1) == date(2026, 12, 1)
    assert COURSE.session_day(6) == date(2027, 1, 5)
    assert COURSE.last_day == date(2027, 1, 11)
    assert not COURSE.runs_on(date(2026, 11, 30))
    assert COURSE.runs_on(date(2026, 12, 1)) and COURSE.runs_on(date(2027, 1, 11))
    assert not COURSE.runs_on(date(2027, 1, 12))


@pytest.mark.parametrize(
    ("day", "week"),
    [("2026-11-20", 1), ("2026-12-01", 1), ("2026-12-07", 1), ("2026-12-08", 2),
     ("2027-01-05", 6), ("2027-03-01", 6)],
)  # fmt: skip
def test_the_week_on_a_day_is_the_session_on_or_before_it_within_the_course(day, week):
    assert COURSE.week_on(date.fromisoformat(day)) == week


@given(st.integers(min_value=-5, max_value=20))
def test_a_week_is_a_whole_number_within_the_course(n):
    if 1 <= n <= COURSE.weeks:
        assert parse_week(str(n), COURSE) == n == parse_week(f" {n} ", COURSE)
    else:
        with pytest.raises(SmcoachError, match=r"from 1 to 6 \(the sessions of Tuesday group\)"):
            parse_week(str(n), COURSE)


@pytest.mark.parametrize("text", ["", "two", "1.5", "²", "+3", "1e1", "99999999999"])
def test_a_week_that_is_not_a_whole_number_is_refused_in_one_line(text):
    with pytest.raises(SmcoachError) as e:
        parse_week(text, COURSE)
    assert "\n" not in str(e.value)


def test_a_course_has_1_to_52_weekly_sessions():
    assert parse_weeks("6") == 6 and parse_weeks(MAX_WEEKS) == MAX_WEEKS
    for bad in ("0", "53", "six", True):
        with pytest.raises(SmcoachError, match="--weeks"):
            parse_weeks(bad)  # type: ignore[arg-type]


def test_names_are_tidied_kept_short_and_on_one_line():
    assert participant_name("  Ann   B ") == "Ann B"
    assert participant_name("C.D.") == "C.D."
    assert participant_name("Zoë") == "Zoë"
    assert participant_name("x" * NAME_LENGTH) == "x" * NAME_LENGTH
    for bad in ("", "   ", "x" * (NAME_LENGTH + 1), "Ann\x1b[31m"):
        with pytest.raises(SmcoachError):
            participant_name(bad)
    for dated in ("Ann 12/03/1950", "Bob 2", "P01", "Ann ٣"):  # no birth dates or numbers
        with pytest.raises(SmcoachError, match="no dates of birth"):
            participant_name(dated)
    assert course_name(" Tuesday\tgroup ") == "Tuesday group"
    with pytest.raises(SmcoachError):
        course_name(" ")


def test_names_are_the_same_whatever_their_case_in_any_alphabet():
    assert same_name("ann", "ANN") and same_name("Zoë", "ZOË") and same_name("Straße", "STRASSE")
    assert not same_name("Ann", "Anne")


def test_a_week_past_the_end_is_the_last():
    assert COURSE.week_on(COURSE.start + timedelta(days=400)) == COURSE.weeks
