"""Symptoms the person chooses to follow (fatigue, pain, breathlessness, mood…) and their
daily 0-10 ratings: parsing what is typed, and matching names."""

import re
from datetime import date

from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.records import NamedTuple

RATING_MIN, RATING_MAX = 0, 10
_RATING = r"[0-9]{1,2}"  # ASCII digits only: no sign, no decimals, no '٣'


class Symptom(NamedTuple):
    id: int
    name: str  # as the person typed it (surrounding spaces aside)
    status: str  # active, removed
    created: date
    removed: date | None = None
    higher_is_better: bool = False  # mood, energy; for most symptoms a higher rating is worse


class Rating(NamedTuple):
    symptom_id: int
    name: str
    day: date
    rating: int


class RatingSaved(NamedTuple):
    """One rating as recorded, with the rating it replaced for that symptom and day, if any."""

    name: str
    rating: int
    replaced: int | None
    symptom_id: int = 0
    higher_is_better: bool = False


def normalise(name: str) -> str:
    """The form names are matched by: case and runs of spaces do not matter."""
    return " ".join(name.split()).casefold()


def parse_name(text: str) -> str:
    """A symptom's name as typed, without surrounding spaces; not empty, and without '='
    (which separates name and rating in NAME=N)."""
    name = text.strip()
    if not name:
        raise SmcoachError(t("symptom.name_empty"))
    if "=" in name:
        raise SmcoachError(t("symptom.name_equals", name=name))
    return name


def parse_rating(text: str) -> int:
    """A whole number from 0 to 10, spaces around it allowed."""
    s = text.strip()
    if not re.fullmatch(_RATING, s) or not RATING_MIN <= int(s) <= RATING_MAX:
        raise SmcoachError(t("rating.range", got=text.strip()))
    return int(s)


def parse_optional_rating(text: str) -> int | None:
    """An answer at the rating prompt: a rating, or nothing (Enter) to skip."""
    return parse_rating(text) if text.strip() else None


def parse_rate(text: str) -> tuple[str, int]:
    """'fatigue=6' or 'shortness of breath = 3' -> (name, rating)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise SmcoachError(t("rating.bad", text=text))
    return parse_name(name), parse_rating(value)


def parse_rates(texts: list[str]) -> list[tuple[str, int]]:
    """Every --rate of one command; a symptom may be rated only once in it."""
    rates = [parse_rate(text) for text in texts]
    seen: set[str] = set()
    for name, _ in rates:
        key = normalise(name)
        if key in seen:
            raise SmcoachError(t("rating.twice", name=name))
        seen.add(key)
    return rates


# A rating this high (or, when higher is better, this low) is worth a word of safety.
SEVERE = 9
MUCH_WORSE = 3  # points worse than the symptom's average over RECENT_DAYS
RECENT_DAYS = 28


def worse_by(rating: int, than: float, higher_is_better: bool) -> float:
    """How many points `rating` is worse than `than` (negative when it is better)."""
    return than - rating if higher_is_better else rating - than


def needs_care_note(rating: int, recent_average: float | None, higher_is_better: bool) -> bool:
    """A rating of 9 or 10 on the bad end of the scale (0 or 1 when higher is better), or 3 or
    more points worse than the symptom's average over the last four weeks."""
    severe = rating <= RATING_MAX - SEVERE if higher_is_better else rating >= SEVERE
    if severe:
        return True
    return (
        recent_average is not None
        and worse_by(rating, recent_average, higher_is_better) >= MUCH_WORSE
    )


def find(symptoms: list[Symptom], name: str) -> Symptom | None:
    """The symptom of that name (matched by `normalise`), if it is in the list."""
    key = normalise(name)
    return next((s for s in symptoms if normalise(s.name) == key), None)
