"""Validation rules for values a person types: shared by flags, prompts and the store."""

import re
from collections.abc import Mapping

from smcoach.errors import SmcoachError
from smcoach.messages import t

CONFIDENT = 7  # the method's line: below 7 a plan is probably too big or not truly wanted
_WHOLE_NUMBER = r"[+-]?[0-9]{1,9}"  # compiled (and cached by re) when first used


def parse_confidence(text: str | int) -> int:
    value = _whole_number(text)
    if value is None or not 0 <= value <= 10:
        raise SmcoachError(t("confidence.range", got=text))
    return value


def parse_times(text: str | int) -> int:
    value = _whole_number(text)
    if value is None or not 1 <= value <= 7:
        raise SmcoachError(t("times.range", got=text))
    return value


def parse_how_often(text: str) -> tuple[tuple[str, ...] | None, int | None]:
    """How often a plan is done, as typed: named weekdays ('mon,wed': those days, None) or a
    number of times this week ('3': None, three times, on any days)."""
    from smcoach.domain.dates import parse_weekdays  # not every command that checks rules needs it

    if text.strip().isdigit():
        return None, parse_times(text)
    return parse_weekdays(text), None


def parse_weeks(text: str | int) -> int:
    value = _whole_number(text)
    if value is None or not 1 <= value <= 1000:
        raise SmcoachError(t("trends.weeks_range", got=text))
    return value


def parse_id(text: str | int, kind: str) -> int:
    """An ID as typed; `kind` names what it is the ID of: agenda, goal, plan, problem or
    question (each with its own sentence in the catalogue, 'id.bad.<kind>')."""
    value = _whole_number(text)
    if value is None or value < 1:
        raise SmcoachError(t(f"id.bad.{kind}", got=text))
    return value


def require_text(text: str | None, field: str) -> str:
    """Free text the person must give: kept exactly as typed, but not blank."""
    if text is None or not text.strip():
        raise SmcoachError(t("text.empty", field=field))
    return text


def _whole_number(text: str | int) -> int | None:
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text
    s = text.strip()
    return int(s) if re.fullmatch(_WHOLE_NUMBER, s) else None


def same_words(a: str, b: str) -> bool:
    """Two texts that differ only in case or spacing say the same thing."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# A yes or a no, as typed in English or Spanish (in any language smcoach speaks: "s" and "sí"
# cannot be mistaken for anything else in English).
YES = frozenset({"y", "yes", "s", "si", "sí"})
NO = frozenset({"n", "no"})


ANSWERS = ("done", "partly", "not", "rest", "skip", "stop", "yes", "no", "change", "leave",
           "rework", "keep", "carry_on", "over")  # fmt: skip


def answer_words() -> dict[str, str]:
    """The word a person types for each choice in this command's language (messages
    'answer.*'), by choice: as fields for the questions and errors that name them."""
    return {key: t(f"answer.{key}") for key in ANSWERS}


def with_translations(words: Mapping[str, str]) -> dict[str, str]:
    """`words` (English word -> the choice it names), with each English word's own word in
    this command's language (answer_words) naming the same choice, accented or not."""
    found = dict(words)
    for english, choice in words.items():
        key = english.replace(" ", "_")
        if key in ANSWERS:
            local = answer(t(f"answer.{key}"))
            found.setdefault(local, choice)
            found.setdefault(unaccented(local), choice)
    return found


def unaccented(text: str) -> str:
    """`text` without its accents ("sí" -> "si"): what a person may type for an accented word."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def answer(text: str) -> str:
    """What was typed for a yes or a no, in lower case with its accent composed."""
    a = text.strip().lower()
    if not a.isascii():
        import unicodedata

        a = unicodedata.normalize("NFC", a)
    return a
