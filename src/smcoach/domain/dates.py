"""Strict parsing of the day forms a person may type, and ISO-week helpers.

Stored days are local calendar days (datetime.date), never timestamps.
"""

import re
from datetime import date, timedelta

from smcoach.errors import SmcoachError
from smcoach.messages import t

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
# The days smcoach accepts: wide enough for any life, narrow enough that a week, a month or
# a trend's window on either side never runs off the ends of Python's calendar.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_OFFSET = re.compile(r"([+-])([0-9]{1,4})d")
_WEEKDAY = re.compile(r"(?:(last|next)\s+)?([a-z]+)")


def parse_day(text: str, today: date) -> date:
    """Read one day. Accepted: 2026-11-23, today, yesterday, tomorrow, mon (the latest
    Monday up to today), last mon (before today), next mon (after today), -2d, +3d; from
    FIRST_DAY to LAST_DAY."""
    return in_calendar(_read_day(text, today), text)


def in_calendar(day: date, text: str) -> date:
    """`day`, if smcoach can work with it; otherwise an error quoting `text`."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise SmcoachError(t("date.range", text=text, first=FIRST_DAY, last=LAST_DAY))
    return day


def _read_day(text: str, today: date) -> date:
    s = " ".join(text.strip().lower().split())
    if s == "today":
        return today
    if s == "yesterday":
        return today - timedelta(days=1)
    if s == "tomorrow":
        return today + timedelta(days=1)
    if m := _ISO.fullmatch(s):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise SmcoachError(t("date.not_real", text=text)) from None
    if m := _OFFSET.fullmatch(s):
        days = int(m[2])
        try:
            return today + timedelta(days=days if m[1] == "+" else -days)
        except OverflowError:
            raise SmcoachError(t("date.bad", text=text)) from None
    if (m := _WEEKDAY.fullmatch(s)) and m[2] in _WEEKDAY_NAMES:
        try:
            return _weekday(today, _WEEKDAY_NAMES[m[2]], m[1])
        except (OverflowError, ValueError):  # only at the ends of the calendar
            raise SmcoachError(t("date.bad", text=text)) from None
    raise SmcoachError(t("date.bad", text=text))


def _weekday(today: date, wanted: int, which: str | None) -> date:
    from dateutil.relativedelta import relativedelta, weekday

    if which == "next":
        return today + relativedelta(days=1, weekday=weekday(wanted)(+1))
    if which == "last":
        return today + relativedelta(days=-1, weekday=weekday(wanted)(-1))
    return today + relativedelta(weekday=weekday(wanted)(-1))


def parse_weekdays(text: str) -> tuple[str, ...]:
    """'mon,wed,fri' -> ('mon', 'wed', 'fri'), in week order, each once."""
    found = set()
    for part in text.replace(" ", ",").split(","):
        if not part:
            continue
        number = _WEEKDAY_NAMES.get(part.strip().lower())
        if number is None:
            raise SmcoachError(t("days.bad", text=text))
        found.add(number)
    if not found:
        raise SmcoachError(t("days.bad", text=text))
    return tuple(WEEKDAYS[n] for n in sorted(found))


def iso_week(day: date) -> str:
    """The ISO week key, e.g. '2025-W01' for 2024-12-30: Monday start, ISO week-year."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]
