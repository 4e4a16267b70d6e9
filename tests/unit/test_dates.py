"""Unit and property tests for smcoach.domain.dates: day parsing, weekday lists, ISO weeks."""

import string
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach.domain.dates import (
    FIRST_DAY,
    LAST_DAY,
    WEEKDAYS,
    iso_week,
    parse_day,
    parse_weekdays,
    weekday_name,
)
from smcoach.errors import SmcoachError

MONDAY = date(2026, 11, 23)  # a Monday, in ISO week 2026-W48
ACCEPTED = "2026-11-23, today, yesterday"

# Every weekday spelling smcoach promises to read, with its number (Monday is 0).
NAMES = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}

# Days where every accepted form (offsets up to ten years, weekdays a week away) stays in range.
sensible_days = st.dates(min_value=date(1920, 1, 1), max_value=date(2200, 12, 31))


def random_case(draw: st.DrawFn, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if up else c for c, up in zip(word, flips, strict=True))


# parse_day: fixed examples ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-23", date(2026, 11, 23)),
        ("2024-02-29", date(2024, 2, 29)),
        ("1999-12-31", date(1999, 12, 31)),
        ("  2026-11-30 ", date(2026, 11, 30)),
        ("today", MONDAY),
        ("yesterday", date(2026, 11, 22)),
        ("tomorrow", date(2026, 11, 24)),
        ("TODAY", MONDAY),
        ("  Yesterday ", date(2026, 11, 22)),
        ("\tTomorrow\n", date(2026, 11, 24)),
    ],
)
def test_parse_day_iso_and_words(text: str, expected: date) -> None:
    assert parse_day(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare name: the latest such day on or before today
        ("mon", date(2026, 11, 23)),
        ("monday", date(2026, 11, 23)),
        ("sun", date(2026, 11, 22)),
        ("sat", date(2026, 11, 21)),
        ("fri", date(2026, 11, 20)),
        ("thu", date(2026, 11, 19)),
        ("thur", date(2026, 11, 19)),
        ("thurs", date(2026, 11, 19)),
        ("Thursday", date(2026, 11, 19)),
        ("wed", date(2026, 11, 18)),
        ("wednesday", date(2026, 11, 18)),
        ("tue", date(2026, 11, 17)),
        ("tues", date(2026, 11, 17)),
        ("TUESDAY", date(2026, 11, 17)),
        # last: strictly before today
        ("last mon", date(2026, 11, 16)),
        ("last sun", date(2026, 11, 22)),
        ("last wed", date(2026, 11, 18)),
        ("Last  Monday", date(2026, 11, 16)),
        # next: strictly after today
        ("next mon", date(2026, 11, 30)),
        ("next tue", date(2026, 11, 24)),
        ("next wed", date(2026, 11, 25)),
        ("next sun", date(2026, 11, 29)),
        ("  NEXT   monday ", date(2026, 11, 30)),
    ],
)
def test_parse_day_weekdays_on_a_monday(text: str, expected: date) -> None:
    assert parse_day(text, MONDAY) == expected


def test_parse_day_weekdays_midweek() -> None:
    thursday = date(2026, 11, 26)
    assert parse_day("thu", thursday) == thursday
    assert parse_day("last thu", thursday) == date(2026, 11, 19)
    assert parse_day("next thu", thursday) == date(2026, 12, 3)
    assert parse_day("fri", thursday) == date(2026, 11, 20)
    assert parse_day("next fri", thursday) == date(2026, 11, 27)
    assert parse_day("mon", thursday) == date(2026, 11, 23)
    assert parse_day("last mon", thursday) == date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-2d", date(2026, 11, 21)),
        ("+3d", date(2026, 11, 26)),
        ("+0d", MONDAY),
        ("-0d", MONDAY),
        ("-1d", date(2026, 11, 22)),
        ("+8d", date(2026, 12, 1)),
        ("-365d", date(2025, 11, 23)),
        ("+9999d", MONDAY + timedelta(days=9999)),
        (" +3D ", date(2026, 11, 26)),
    ],
)
def test_parse_day_offsets(text: str, expected: date) -> None:
    assert parse_day(text, MONDAY) == expected


@pytest.mark.parametrize(
    "text", ["2021-02-30", "2026-13-01", "2026-00-10", "2026-11-31", "2023-02-29", "0000-01-01"]
)
def test_parse_day_refuses_days_not_on_the_calendar(text: str) -> None:
    with pytest.raises(SmcoachError) as caught:
        parse_day(text, MONDAY)
    assert str(caught.value) == f"'{text}' is not a real calendar day"


@pytest.mark.parametrize(
    "text",
    [
        "01/02/2026",
        "2026/11/23",
        "23-11-2026",
        "2026-1-5",
        "20261123",
        "next week",
        "3 days ago",
        "",
        "   ",
        "monday morning",
        "mon wed",
        "last",
        "next",
        "lastmon",
        "last today",
        "next tomorrow",
        "3d",
        "+3",
        "+3 d",
        "+ 3d",
        "+10000d",
        "2d ago",
        "mo",
        "wedn",
        "noon",
    ],
)
def test_parse_day_refuses_other_forms_and_lists_accepted_ones(text: str) -> None:
    with pytest.raises(SmcoachError) as caught:
        parse_day(text, MONDAY)
    message = str(caught.value)
    assert ACCEPTED in message
    assert f"'{text}'" in message
    assert "last mon, next mon, -2d, +3d" in message


@pytest.mark.parametrize(
    ("text", "today"),
    [("-9999d", date(1, 1, 5)), ("+1d", date.max), ("-1d", date.min)],
)
def test_parse_day_offsets_past_the_calendar_are_a_person_error(text: str, today: date) -> None:
    with pytest.raises(SmcoachError):
        parse_day(text, today)


@given(d=st.dates(), today=st.dates())
def test_iso_round_trip(d: date, today: date) -> None:
    """Every real day within smcoach's range reads back as itself; every other one is refused
    with one message, never an overflow later (a plan's week, a trend's window)."""
    if FIRST_DAY <= d <= LAST_DAY:
        assert parse_day(d.isoformat(), today) == d
    else:
        with pytest.raises(SmcoachError, match="outside the days smcoach works with"):
            parse_day(d.isoformat(), today)


@given(text=st.sampled_from(["today", "tomorrow", "yesterday", "+1d", "-1d", "next mon"]))
def test_relative_days_stay_in_range_at_its_ends(text: str) -> None:
    for today in (FIRST_DAY, LAST_DAY):
        try:
            day = parse_day(text, today)
        except SmcoachError:
            continue
        assert FIRST_DAY <= day <= LAST_DAY


# parse_day: properties ----------------------------------------------------------------------


@given(n=st.integers(min_value=-3650, max_value=3650), today=sensible_days)
def test_offset_moves_by_that_many_days(n: int, today: date) -> None:
    assert parse_day(f"{n:+d}d", today) == today + timedelta(days=n)


@st.composite
def spelled_weekday(draw: st.DrawFn) -> tuple[str, int]:
    name = draw(st.sampled_from(sorted(NAMES)))
    return random_case(draw, name), NAMES[name]


@given(named=spelled_weekday(), today=sensible_days)
def test_bare_weekday_is_latest_on_or_before_today(named: tuple[str, int], today: date) -> None:
    text, number = named
    day = parse_day(text, today)
    assert day.weekday() == number
    assert 0 <= (today - day).days <= 6


@given(named=spelled_weekday(), today=sensible_days)
def test_last_weekday_is_strictly_before_today(named: tuple[str, int], today: date) -> None:
    text, number = named
    day = parse_day(f"last {text}", today)
    assert day.weekday() == number
    assert 1 <= (today - day).days <= 7


@given(named=spelled_weekday(), today=sensible_days)
def test_next_weekday_is_strictly_after_today(named: tuple[str, int], today: date) -> None:
    text, number = named
    day = parse_day(f"next {text}", today)
    assert day.weekday() == number
    assert 1 <= (day - today).days <= 7


# Text close to the accepted forms finds more edge cases than uniformly random text.
near_misses = st.one_of(
    st.text(),
    st.text(alphabet=string.digits + "-+/ dD", max_size=14),
    st.from_regex(r"\A\s*(last|next)?\s*[a-zA-Z]{0,10}\s*\Z"),
    st.from_regex(r"\A[+-]?\d{1,6}[dD]?\Z"),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"),
)


@given(text=near_misses, today=sensible_days)
def test_parse_day_returns_a_date_or_a_person_error(text: str, today: date) -> None:
    try:
        result = parse_day(text, today)
    except SmcoachError as e:
        assert str(e)  # a message worded for the person, never empty
    else:
        assert isinstance(result, date)


# iso_week -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (date(2024, 12, 30), "2025-W01"),
        (date(2021, 1, 3), "2020-W53"),
        (date(2027, 1, 1), "2026-W53"),
        (date(2020, 12, 31), "2020-W53"),
        (date(2026, 11, 23), "2026-W48"),
        (date(2026, 11, 29), "2026-W48"),
        (date(2026, 11, 30), "2026-W49"),
        (date(2026, 1, 5), "2026-W02"),
    ],
)
def test_iso_week_examples(day: date, key: str) -> None:
    assert iso_week(day) == key


@given(d=st.dates())
def test_iso_week_matches_isocalendar(d: date) -> None:
    iso = d.isocalendar()
    assert iso_week(d) == f"{iso.year}-W{iso.week:02d}"


@given(d=st.dates(min_value=date(1, 1, 8), max_value=date(9999, 12, 24)))
def test_a_monday_to_sunday_run_shares_one_key(d: date) -> None:
    monday = d - timedelta(days=d.weekday())
    keys = {iso_week(monday + timedelta(days=i)) for i in range(7)}
    assert keys == {iso_week(d)}
    assert iso_week(monday - timedelta(days=1)) != iso_week(monday)
    assert iso_week(monday + timedelta(days=7)) != iso_week(monday)


# parse_weekdays -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon,wed,fri", ("mon", "wed", "fri")),
        ("fri, mon,mon", ("mon", "fri")),
        ("sun,sat", ("sat", "sun")),
        ("Monday, Tues, THURS", ("mon", "tue", "thu")),
        ("tue thu", ("tue", "thu")),
        ("wed", ("wed",)),
        (",mon,,", ("mon",)),
        ("mon,tue,wed,thu,fri,sat,sun", WEEKDAYS),
    ],
)
def test_parse_weekdays_examples(text: str, expected: tuple[str, ...]) -> None:
    assert parse_weekdays(text) == expected


@pytest.mark.parametrize("text", ["", " ", ",", "mon,funday", "mo,we", "1,3,5", "mon;wed", "x"])
def test_parse_weekdays_refuses_bad_names(text: str) -> None:
    with pytest.raises(SmcoachError) as caught:
        parse_weekdays(text)
    assert str(caught.value) == (
        f"'{text}' is not a list of weekdays: use names such as mon,wed,fri"
    )


@st.composite
def weekday_list(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    names = draw(st.lists(st.sampled_from(sorted(NAMES)), min_size=1, max_size=10))
    names = draw(st.permutations(names))
    spelled = [random_case(draw, name) for name in names]
    separator = draw(st.sampled_from([",", ", ", " ", " ,", ",  "]))
    expected = tuple(WEEKDAYS[n] for n in sorted({NAMES[name] for name in names}))
    return separator.join(spelled), expected


@given(case=weekday_list())
def test_parse_weekdays_normalises_any_order_case_and_repeats(
    case: tuple[str, tuple[str, ...]],
) -> None:
    text, expected = case
    assert parse_weekdays(text) == expected


@given(d=st.dates())
def test_weekday_name_matches_the_calendar(d: date) -> None:
    assert weekday_name(d) == WEEKDAYS[d.weekday()]
    assert parse_weekdays(weekday_name(d)) == (weekday_name(d),)


# parse_goal_day: a goal's day, months away ------------------------------------------------------


@given(n=st.integers(min_value=0, max_value=400), today=sensible_days)
def test_in_n_weeks_is_that_many_weeks_on(n: int, today: date) -> None:
    from smcoach.domain.dates import parse_goal_day

    assert parse_goal_day(f"in {n} weeks", today) == today + timedelta(weeks=n)


@given(month=st.integers(min_value=1, max_value=12), today=sensible_days)
def test_a_month_is_its_last_day_the_next_one_not_past(month: int, today: date) -> None:
    from smcoach.domain.dates import parse_goal_day

    name = date(2001, month, 1).strftime("%B")  # January, February…
    day = parse_goal_day(f"end of {name}", today)
    assert day.month == month and (day + timedelta(days=1)).day == 1  # the month's last day
    assert today <= day < today + timedelta(days=366)


@pytest.mark.parametrize("text", ["01/02/2027", "1.2.27", "next week", "yesterday", "march 1999"])
def test_goal_days_that_are_refused(text: str) -> None:
    from smcoach.domain.dates import parse_goal_day

    with pytest.raises(SmcoachError):
        parse_goal_day(text, date(2026, 11, 23))
