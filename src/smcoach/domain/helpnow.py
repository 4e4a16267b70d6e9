"""Getting help now: which country's lines to show, and what they are.

Pure: the table comes from content/helplines.toml (loaded by smcoach.content), the setting from
the store and the environment from the caller.
"""

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from smcoach.errors import SmcoachError
from smcoach.messages import t

SETTING = "country"
ENV = "SMCOACH_COUNTRY"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")  # the order the C library reads them in
ALIASES = {"UK": "GB"}  # what people type for the ISO code
_CODE = re.compile(r"[A-Za-z]{2}")
_LOCALE = re.compile(r"[A-Za-z]{2,3}_([A-Za-z]{2})(?:[.@].*)?")


class Country(NamedTuple):
    code: str | None  # ISO 3166-1 alpha-2, or None when nothing says
    source: str  # setting, env, locale, none
    detail: str = ""  # the locale it was read from


class Line(NamedTuple):
    kind: str  # urgent, crisis
    name: str
    call: str | None
    text: str | None
    keyword: str | None
    web: str | None
    free: bool
    any_time: bool


class Help(NamedTuple):
    code: str | None
    country: str | None  # the country's name, when smcoach has its lines
    emergency: tuple[str, ...]  # empty: "your local emergency number"
    lines: tuple[Line, ...]
    directory: str
    directory_name: str


def parse_country(text: str) -> str:
    """A two-letter country code such as GB or es (UK is read as GB)."""
    code = text.strip().upper()
    if not _CODE.fullmatch(code):
        raise SmcoachError(t("country.bad", got=text))
    return ALIASES.get(code, code)


def resolve_country(setting: str | None, environ: Mapping[str, str]) -> Country:
    """The country: the stored setting, else $SMCOACH_COUNTRY, else the locale's territory
    (en_GB.UTF-8 -> GB), else none."""
    if setting:
        return Country(setting, "setting")
    given = environ.get(ENV, "").strip()
    if given:
        try:
            return Country(parse_country(given), "env")
        except SmcoachError:
            pass  # an unreadable value is passed over, as an unset one would be
    for var in LOCALE_VARS:
        value = environ.get(var, "")
        if value:  # the first one set decides, as for the C library
            found = _LOCALE.fullmatch(value)
            if found:
                code = found[1].upper()
                return Country(ALIASES.get(code, code), "locale", value)
            break
    return Country(None, "none")


# When the table cannot be read: the local emergency number, and a directory of helplines.
LAST_RESORT_DIRECTORY = ("findahelpline.com", "Find A Helpline")


def last_resort(code: str | None) -> Help:
    return Help(code, None, (), (), *LAST_RESORT_DIRECTORY)


def help_for(code: str | None, table: dict[str, Any], country: str | None = None) -> Help:
    """The lines for a country; for one smcoach has no lines for, the fallback. `country`:
    the country's name in the person's language, where it is not English (the table's)."""
    directory = table["fallback_directory"], table["fallback_directory_name"]
    entry = table.get(code) if code else None
    if not isinstance(entry, dict):
        return Help(code, None, (), (), *directory)
    lines = tuple(
        Line(
            kind=line["kind"],
            name=line["name"],
            call=line.get("call"),
            text=line.get("text"),
            keyword=line.get("keyword"),
            web=line.get("web"),
            free=bool(line.get("free")),
            any_time=bool(line.get("any_time")),
        )
        for line in entry.get("lines", [])
    )
    name = country or entry["country"]
    return Help(code, name, tuple(entry["emergency"]), lines, *directory)
