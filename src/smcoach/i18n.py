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
# in another language in its own form, from the Unicode CLDR through Babel (a skeleton, which
# each language orders and punctuates its own way: "lun, 23 nov 2026").
DAY_STYLES = {
    "day": ("%a %d %b", "MMMEd"),  # Mon 23 Nov
    "day_year": ("%a %d %b %Y", "yMMMEd"),  # Mon 23 Nov 2026
    "weekday": ("%a", "EEE"),  # Mon
    "date": ("%d %b", "MMMd"),  # 23 Nov
    "date_year": ("%d %b %Y", "yMMMd"),  # 23 Nov 2026
    "full": ("%A %d %B %Y", "full"),  # Monday 23 November 2026
    "long": ("{day} %B %Y", "yMMMMd"),  # 1 February 2027
}


def country_name(code: str | None) -> str | None:
    """A country's name in this command's language, from the CLDR through Babel (España, Reino
    Unido); None in English (the helplines table has its own names, with their article: the
    United Kingdom) or where the CLDR has none."""
    if _language == "en" or not code:
        return None
    try:
        from babel import Locale

        return Locale.parse(_language).territories.get(code)
    except Exception:  # help-now shows its lines whatever else is wrong: the table's name
        return None


WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as plans keep them


def weekday_text(code: str) -> str:
    """A weekday kept as mon…sun, as this command's language writes it short (lun, mié in
    Spanish, from the CLDR through Babel; in English as kept), and reads it back."""
    if _language == "en":
        return code
    from babel.dates import get_day_names

    return str(get_day_names("abbreviated", locale=_language)[WEEKDAY_CODES.index(code)])


def day_text(day: "date", style: str = "day_year") -> str:
    """`day` as a person reads it in this command's language (see DAY_STYLES)."""
    english, cldr = DAY_STYLES[style]
    if _language == "en":  # {day}: the day of the month without a leading zero, on any system
        return day.strftime(english).replace("{day}", str(day.day))
    from babel.dates import format_date, format_skeleton

    if cldr in ("full", "EEE"):
        return format_date(day, cldr, locale=_language)
    return format_skeleton(cldr, day, locale=_language)
