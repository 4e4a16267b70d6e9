"""The Self-Efficacy for Managing Chronic Disease 6-item scale (SEMCD-6): its scoring rule, the
reading of answers, and when to suggest taking it.

The wording of the items lives in content/scales/semcd6.en.toml; this module knows only the
published rules: six items, each answered 1 (not at all confident) to 10 (totally confident);
the score is the mean of the items answered, and there is no score when more than two are
missing (Lorig et al. 2001). A Spanish form is a different published scale (SEMCD-S, four items,
content/scales/semcds.es.toml) with its own rules: RULES holds each form's number of items and
how many may be missing (tests check them against the scale files, as `rule_of` reads them),
and every stored score names its form.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

FORM = "SEMCD-6"
ITEMS = 6
LOWEST, HIGHEST = 1, 10
MOST_MISSING = 2  # more items skipped than this and the scale is not scored
SKIP = "skip"

SIX_WEEKS = timedelta(days=42)  # after the first: the length of the six-week course
THREE_MONTHS = timedelta(days=91)  # then: thirteen weeks after the latest


class Selfcheck(NamedTuple):
    """One time the scale was taken: an answer per item (None where skipped)."""

    id: int
    day: date
    form: str
    score: float | None  # None: not scored, too many items skipped
    answers: tuple[int | None, ...]
    created_at: str

    @property
    def answered(self) -> int:
        return sum(a is not None for a in self.answers)


class Rule(NamedTuple):
    """How a published form is scored: its name, its number of items, and how many of them
    may be missing for it still to be scored."""

    form: str
    items: int
    most_missing: int


SEMCD6 = Rule(FORM, ITEMS, MOST_MISSING)
SEMCDS = Rule("SEMCD-S", 4, 2)  # the Spanish scale: its own four items, not a translation
# The forms smcoach knows (tests check them against their scale files), and the scale file of
# each: content/scales/<name>.<language>.toml.
RULES = {SEMCD6.form: SEMCD6, SEMCDS.form: SEMCDS}
FORM_ITEMS = {rule.form: rule.items for rule in RULES.values()}
SCALE_FILES = {SEMCD6.form: ("semcd6", "en"), SEMCDS.form: ("semcds", "es")}
# The form a person is asked in each language: the one published in that language.
FORM_OF_LANGUAGE = {"en": SEMCD6.form, "es": SEMCDS.form}
# Answers to show as an example of --answers: the first of them, as many as a form has items.
EXAMPLE = (8, 7, None, 9, 6, 7)


def rule_for(form: str, items: int) -> Rule:
    """The rule of a form as kept with a check: one smcoach knows, else (a form from a newer
    smcoach, or an import) its number of items and the usual allowance of missing ones."""
    return RULES.get(form) or Rule(form, items, MOST_MISSING)


def form_for(language: str) -> Rule:
    """The form a person speaking `language` is asked (the English one where none is
    published in their language)."""
    return RULES[FORM_OF_LANGUAGE.get(language, SEMCD6.form)]


def shown_form(forms: Mapping[str, int], language: str) -> str:
    """The one form whose scores trends and summaries show (scores of two forms are never
    averaged together), from the forms of the person's scored checks, the latest's first: their
    language's form, if they have scores on it; else the form of their latest check; with none
    yet, their language's."""
    own = form_for(language).form
    return own if own in forms else next(iter(forms), own)


def other_forms(forms: Mapping[str, int], form: str) -> dict[str, int]:
    """The scored checks on scales other than `form`, by scale: kept, never mixed with it."""
    return {other: n for other, n in forms.items() if other != form}


def example_answers(rule: Rule) -> str:
    """'8,7,skip,9,6,7' for the SEMCD-6, '8,7,skip,9' for the SEMCD-S."""
    return format_answers(EXAMPLE[: rule.items])


def rule_of(scale: Mapping[str, Any]) -> Rule:
    """The scoring rule a scale's file states (as smcoach.content.scale loads it): its form,
    the number of its items, and [scoring] most_missing."""
    return Rule(scale["form"], len(scale["items"]), scale["scoring"]["most_missing"])


def score(answers: list[int | None], rule: Rule = SEMCD6) -> float | None:
    """The mean of the items answered; None (not scored) when more are missing than the form
    allows (for the SEMCD-6, more than two).

    Raises SmcoachError when the number of answers is not the form's number of items, or an
    answer is outside 1-10."""
    if len(answers) != rule.items:
        raise SmcoachError(t("selfcheck.count", n=rule.items, got=len(answers)))
    for n, answer in enumerate(answers, 1):
        if answer is not None and (
            isinstance(answer, bool) or not isinstance(answer, int) or not in_range(answer)
        ):
            raise SmcoachError(t("selfcheck.item_range", item=n, got=answer))
    given = [a for a in answers if a is not None]
    if not given or rule.items - len(given) > rule.most_missing:
        return None
    return sum(given) / len(given)


def in_range(answer: int) -> bool:
    return LOWEST <= answer <= HIGHEST


def parse_answer(text: str) -> int | None:
    """One answer as typed: a whole number from 1 to 10, or nothing / 'skip' (or the word of
    this command's language: 'omitir') to skip it."""
    from smcoach.domain.rules import unaccented

    s = unaccented(text.strip().lower())
    if not s or s in (SKIP, unaccented(t("answer.skip"))):
        return None
    if s.isascii() and s.isdigit() and in_range(int(s)):
        return int(s)
    raise SmcoachError(t("selfcheck.answer_range", got=text.strip()))


def parse_answers(text: str, rule: Rule = SEMCD6) -> list[int | None]:
    """'8,7,skip,9,6,7' -> [8, 7, None, 9, 6, 7]: an answer for each item of the form (six
    for the SEMCD-6, four for the SEMCD-S), each 1-10 or skip."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != rule.items:
        raise SmcoachError(
            t(
                "selfcheck.answers_count",
                n=rule.items,
                got=len(parts),
                example=example_answers(rule),
            )
        )
    answers: list[int | None] = []
    for n, part in enumerate(parts, 1):
        if not part:
            raise SmcoachError(t("selfcheck.answers_empty", item=n))
        try:
            answers.append(parse_answer(part))
        except SmcoachError:
            raise SmcoachError(t("selfcheck.answers_item", item=n, got=part)) from None
    return answers


def format_answers(answers: list[int | None] | tuple[int | None, ...]) -> str:
    """The inverse of parse_answers: [8, None, …] -> '8,skip,…'."""
    return ",".join(SKIP if a is None else str(a) for a in answers)


def selfcheck_due(today: date, first_day: date | None, last_day: date | None) -> bool:
    """Whether the today view should suggest taking the scale.

    At the start (never taken); once six weeks after the first (42 days or more since it,
    unless it has been taken since that point); after that, every three months (91 days or
    more since the latest)."""
    if first_day is None or last_day is None:
        return True
    six_weeks = first_day + SIX_WEEKS
    if last_day < six_weeks:  # the six-week one is still to come
        return today >= six_weeks
    return today >= last_day + THREE_MONTHS
