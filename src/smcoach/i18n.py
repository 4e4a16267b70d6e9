"""The language smcoach speaks in this command, and its translations.

The English sentences are in smcoach/messages.py, by key; their translations are gettext
catalogues, smcoach/locale/<language>/LC_MESSAGES/smcoach.mo, compiled from the PO files that
translators edit (tools/catalogue.py makes the template and compiles them). A sentence is
looked up by its key as the context and its English as the message (pgettext), so a sentence
whose English changed is shown in English until it is translated again, never in an old
translation. The language is chosen as each command starts (smcoach.domain.language, applied
by cli.common.choose_language; smcoach.__main__ moves a --lang given after the command to the
front); English needs no catalogue at all.
"""

import os

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from smcoach.domain.language import Language

_language = "en"
_chosen: "Language | None" = None  # how this command's language was chosen
_catalogue = None  # gettext.NullTranslations for _language, read when first needed


def language() -> str:
    return _language


def chosen() -> "Language | None":
    return _chosen


def use(code: str, how: "Language | None" = None) -> None:
    global _language, _chosen, _catalogue
    _language, _chosen, _catalogue = code, how, None


def locale_folder() -> str:
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")


def translate(key: str, english: str) -> str:
    """`english`, the sentence `key`, in this command's language (in English where it has no
    translation)."""
    if _language == "en":
        return english
    global _catalogue
    if _catalogue is None:
        import gettext

        _catalogue = gettext.translation(
            "smcoach", localedir=locale_folder(), languages=[_language], fallback=True
        )
    return _catalogue.pgettext(key, english)


# How a day is shown, by style: in English as smcoach always has (strftime: Mon 23 Nov 2026);
# in another language in its own form, from the Unicode CLDR (a skeleton, which each language
# orders and punctuates its own way: "lun, 23 nov 2026"). Babel's choice of pattern for each
# style, and the names of days and months, are written out into smcoach/cldr.py by
# tools/cldr.py: no command need import Babel (tests check smcoach writes days as Babel does).
DAY_STYLES = {
    "day": ("%a %d %b", "MMMEd"),  # Mon 23 Nov
    "day_year": ("%a %d %b %Y", "yMMMEd"),  # Mon 23 Nov 2026
    "weekday": ("%a", "EEE"),  # Mon
    "date": ("%d %b", "MMMd"),  # 23 Nov
    "date_year": ("%d %b %Y", "yMMMd"),  # 23 Nov 2026
    "full": ("%A %d %B %Y", "full"),  # Monday 23 November 2026
    "long": ("{day} %B %Y", "yMMMMd"),  # 1 February 2027
}


def cldr(language: str | None = None) -> "dict[str, Any]":
    """The CLDR's data for a language smcoach speaks besides English (smcoach/cldr.py)."""
    from smcoach.cldr import DATA

    return DATA[language or _language]


def country_name(code: str | None) -> str | None:
    """A country's name in this command's language, from the CLDR (España, Reino Unido); None
    in English (the helplines table has its own names, with their article: the United
    Kingdom) or where the CLDR has none."""
    if _language == "en" or not code:
        return None
    return cldr()["territories"].get(code)


def decimal_text(value: float, spec: str = ".1f") -> str:
    """A number with decimals as this command's language writes it (7.5 in English, 7,5 in
    Spanish: the CLDR's decimal sign)."""
    text = format(value, spec)
    return text if _language == "en" else text.replace(".", cldr()["decimal"])


class LocalNumber(float):
    """A number given to a sentence: formatted by the sentence's own spec ({slope:+.1f}), with
    the language's decimal sign."""

    def __format__(self, spec: str) -> str:
        return decimal_text(float(self), spec)


WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as plans keep them


def weekday_text(code: str) -> str:
    """A weekday kept as mon…sun, as this command's language writes it short (lun, mié in
    Spanish, from the CLDR; in English as kept), and reads it back."""
    if _language == "en":
        return code
    return str(cldr()["days"]["abbreviated"][WEEKDAY_CODES.index(code)])


def day_text(day: "date", style: str = "day_year") -> str:
    """`day` as a person reads it in this command's language (see DAY_STYLES)."""
    if _language == "en":  # {day}: the day of the month without a leading zero, on any system
        return day.strftime(DAY_STYLES[style][0]).replace("{day}", str(day.day))
    data = cldr()
    return _written(data["patterns"][style], day, data)


def _written(pattern: str, day: "date", data: "dict[str, Any]") -> str:
    """`day` written by a CLDR date pattern ("E, d MMM y"; text in 'quotes' as it stands):
    weekdays (E), days (d), months (M) and years (y), the fields tools/cldr.py lets through."""
    from itertools import groupby

    out = []
    for n, part in enumerate(pattern.split("'")):
        if n % 2:  # quoted text, as it stands ('' alone is a quote: none of smcoach's
            # patterns quotes one inside quoted text, and the tests compare every style)
            out.append(part or "'")
            continue
        for letter, same in groupby(part):
            run = "".join(same)
            width = len(run)
            if letter == "E":
                names = data["days"]["wide" if width == 4 else "abbreviated"]
                out.append(names[day.weekday()])
            elif letter == "d":
                out.append(f"{day.day:0{width}d}")
            elif letter == "M":
                if width >= 3:
                    names = data["months"]["wide" if width == 4 else "abbreviated"]
                    out.append(names[day.month - 1])
                else:
                    out.append(f"{day.month:0{width}d}")
            elif letter == "y":
                out.append(f"{day.year % 100:02d}" if width == 2 else f"{day.year:0{width}d}")
            else:
                out.append(run)
    return "".join(out)
