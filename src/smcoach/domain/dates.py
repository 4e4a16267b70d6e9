"""Strict parsing of the day forms a person may type, and ISO-week helpers.

Stored days are local calendar days (datetime.date), never timestamps.
"""

import re
from datetime import date, timedelta
from functools import cache

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

_ISO = r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
_OFFSET = r"([+-])([0-9]{1,4})d"
_WEEKDAY = r"(?:(last|next)\s+)?([^\W\d_]+)"  # any letters: "mié" in Spanish


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
    s = in_english(_typed(text))
    if s == "today":
        return today
    if s == "yesterday":
        return today - timedelta(days=1)
    if s == "tomorrow":
        return today + timedelta(days=1)
    if m := re.fullmatch(_ISO, s):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise SmcoachError(t("date.not_real", text=text)) from None
    if m := re.fullmatch(_OFFSET, s):
        days = int(m[2])
        try:
            return today + timedelta(days=days if m[1] == "+" else -days)
        except OverflowError:
            raise SmcoachError(t("date.bad", text=text)) from None
    names = weekday_names()
    if (m := re.fullmatch(_WEEKDAY, s)) and m[2] in names:
        try:
            return _weekday(today, names[m[2]], m[1])
        except (OverflowError, ValueError):  # only at the ends of the calendar
            raise SmcoachError(t("date.bad", text=text)) from None
    raise SmcoachError(t("date.bad", text=text))


_MONTHS = {
    name: n
    for n, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")], 1)
    for name in names
}  # fmt: skip
_MONTH = r"(?:(?:the\s+)?end\s+of\s+)?([a-z]+)(?:\s+([0-9]{4}))?"
_IN = r"in\s+([0-9]{1,3}|a|an|one)\s+(day|week|month|year)s?"
_SLASHED = r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{2,4})"


def parse_goal_day(text: str, today: date) -> date:
    """Read the day a goal is for, months away. Besides parse_day's forms: a month ("march",
    "mar 2027", "end of february": its last day, the next one not yet past), and "in 3 months",
    "in 6 weeks", "in 10 days", "in a year". Not before today. A form such as 01/02/2027,
    which could be read two ways, is refused with both readings."""
    from dateutil.relativedelta import relativedelta

    s = in_english(_typed(text))
    if m := re.fullmatch(_SLASHED, s):
        raise SmcoachError(_two_ways(text, int(m[1]), int(m[2]), int(m[3])))
    day: date | None = None
    if (m := re.fullmatch(_MONTH, s)) and m[1] in _MONTHS:
        month = _MONTHS[m[1]]
        year = int(m[2]) if m[2] else today.year + (month < today.month)
        if not 1900 <= year <= 2999:
            raise SmcoachError(t("date.range", text=text, first=FIRST_DAY, last=LAST_DAY))
        day = date(year, month, 1) + relativedelta(months=1, days=-1)
    elif m := re.fullmatch(_IN, s):
        n = 1 if m[1] in ("a", "an", "one") else int(m[1])
        day = today + relativedelta(**{m[2] + "s": n})  # type: ignore[arg-type]
    elif re.fullmatch(_ISO, s):  # its own errors: not a real day, out of range
        day = parse_day(text, today)
    else:
        try:
            day = parse_day(text, today)
        except SmcoachError:
            raise SmcoachError(t("goal_day.bad", text=text)) from None
    day = in_calendar(day, text)
    if day < today:
        raise SmcoachError(t("goal_day.past", text=text, day=day))
    return day


def _two_ways(text: str, a: int, b: int, year: int) -> str:
    """Why 01/02/2027 is refused: the days it could mean, as the person would say them."""
    from smcoach.i18n import day_text

    year += 2000 if year < 100 else 0
    readings = []
    for day, month in ((a, b), (b, a)):
        try:
            readings.append(day_text(date(year, month, day), "long"))
        except ValueError:
            continue
    if len(set(readings)) == 2:
        return t("goal_day.two_ways", text=text, first=readings[0], second=readings[1])
    return t("goal_day.slashed", text=text)


def _weekday(today: date, wanted: int, which: str | None) -> date:
    from dateutil.relativedelta import relativedelta, weekday

    if which == "next":
        return today + relativedelta(days=1, weekday=weekday(wanted)(+1))
    if which == "last":
        return today + relativedelta(days=-1, weekday=weekday(wanted)(-1))
    return today + relativedelta(weekday=weekday(wanted)(-1))


def _typed(text: str) -> str:
    """Text as typed, in lower case with one space between words, its accents composed (an
    "e" followed by an accent typed apart reads as "é")."""
    if not text.isascii():
        import unicodedata

        text = unicodedata.normalize("NFC", text)
    return " ".join(text.strip().lower().split())


def weekday_names(language: str | None = None) -> dict[str, int]:
    """The weekday names a person may type, by number (0 is Monday): the English ones always,
    and in another language (default: the language of this command) its own names and
    abbreviations too, from the Unicode CLDR (smcoach/cldr.py) ("lun", "mié" or "mie", "sábado"
    or "sabado")."""
    if language is None:
        from smcoach.i18n import language as current

        language = current()
    if language == "en":
        return _WEEKDAY_NAMES
    return {**_WEEKDAY_NAMES, **_local_weekdays(language)}


@cache
def _local_weekdays(language: str) -> dict[str, int]:
    import unicodedata

    from smcoach.i18n import cldr

    found: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in enumerate(cldr(language)["days"][width]):
            spelled = unicodedata.normalize("NFC", name.lower().rstrip("."))
            found[spelled] = found[_plain(spelled)] = number
    return found


# --- days and dates as typed in another language ----------------------------------------------

_SLOTS = {
    "day": r"(?P<day>[^\W\d_]+)",
    "month": r"(?P<month>[^\W\d_]+)",
    "n": r"(?P<n>[0-9]{1,3}|[^\W\d_]+)",
    "unit": r"(?P<unit>[^\W\d_]+)",
    "year": r"(?P<year>[0-9]{4})",
}
_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december")  # fmt: skip


def in_english(typed: str, language: str | None = None) -> str:
    """A day or goal date as typed (in lower case, see `_typed`) in `language` (default: the
    language of this command), in the English form the parsers read: "ayer" -> "yesterday",
    "lunes pasado" -> "last mon", "finales de marzo" -> "end of march", "en 3 meses" -> "in 3
    months". English, and anything the language's forms do not hold, comes back unchanged.

    The names of days and months and the words for nearby days come from the Unicode CLDR
    (smcoach/cldr.py, written out from Babel); the forms around them from
    content/dates/<language>.toml."""
    if language is None:
        from smcoach.i18n import language as current

        language = current()
    if language == "en" or not re.search(r"[^\W\d_]", typed):  # no words to read: 2026-11-23
        return typed
    nearby, _ = _local_names(language)
    plain = _plain(typed)
    if plain in nearby:
        return nearby[plain]
    if plain in _local_weekdays(language):  # a day's name, read as it is ("mar": Tuesday,
        return typed  # not March)
    phrases, _ = _local_forms(language)  # read only now: most answers are a word or a date
    for pattern, english in phrases:
        if (m := pattern.fullmatch(plain)) is None:
            continue
        slots = {name: _slot(name, value, language) for name, value in m.groupdict().items()}
        if None not in slots.values():
            return english.format(**slots)
    return typed


def _slot(name: str, value: str, language: str) -> str | None:
    """A slot's value as the English form reads it; None when it is not one (then the form
    does not match)."""
    if name == "day":
        number = _local_weekdays(language).get(value, _WEEKDAY_NAMES.get(value))
        return None if number is None else WEEKDAYS[number]
    if name == "month":
        number = _local_names(language)[1].get(value, _MONTHS.get(value))
        return None if number is None else _ENGLISH_MONTHS[number - 1]
    if name == "year" or (name == "n" and value.isdigit()):
        return value
    return _local_forms(language)[1].get(value)


@cache
def _local_names(language: str) -> tuple[dict[str, str], dict[str, int]]:
    """A language's words for nearby days ("ayer": "yesterday", "pasado manana": "+2d") and
    its months' names ("marzo", "mar": 3), from the CLDR, without their accents."""
    from smcoach.i18n import cldr

    data = cldr(language)
    by_offset = {0: "today", -1: "yesterday", 1: "tomorrow"}
    nearby = {_plain(text): by_offset.get(n, f"{n:+d}d") for n, text in data["nearby"].items()}
    months = {}
    for width in ("wide", "abbreviated"):
        for number, name in enumerate(data["months"][width], 1):
            months[_plain(name.lower().rstrip("."))] = number
    return nearby, months


@cache
def _local_forms(language: str) -> tuple[list[tuple[re.Pattern[str], str]], dict[str, str]]:
    """A language's forms around those names (content/dates/<language>.toml), each as a
    pattern with the English it reads as, and its words for numbers and units ("meses":
    "months", "un": "a")."""
    from smcoach.content import date_words

    table = date_words(language)
    phrases = []
    for form, english in table["phrases"].items():
        pattern = re.escape(_plain(form))
        for slot, group in _SLOTS.items():
            pattern = pattern.replace(re.escape("{" + slot + "}"), group)
        phrases.append((re.compile(pattern), english))
    return phrases, {_plain(k): v for k, v in table["words"].items()}


def _plain(text: str) -> str:
    """`text` in lower case without its accents ("Próximo" -> "proximo"), one space between
    words."""
    from smcoach.domain.rules import unaccented

    return unaccented(" ".join(text.lower().split()))


def parse_weekdays(text: str, language: str | None = None) -> tuple[str, ...]:
    """'mon,wed,fri' -> ('mon', 'wed', 'fri'), in week order, each once; in Spanish, 'lun,mié,vie'
    too (see `weekday_names`)."""
    names = weekday_names(language)
    found = set()
    for part in _typed(text).replace(" ", ",").split(","):
        if not part:
            continue
        number = names.get(part)
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
