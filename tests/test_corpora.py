"""The coach and the screening measured on labelled corpora (tests/corpora/), written for
smcoach in people's own voices: recall per label, and false alarms on what should pass.

Sets: dev (the rules were written against it), then heldout, fresh, probe, untuned and blind, each
written later by someone who never saw the rules. Each was measured once as it came (its
"first look", below: the honest figure for writing the rules have not seen), then its misses
taught the rules a family of phrasings, never one sentence. `ordinary` is a larger set of
everyday texts with health words, none calling for help: false alarms only.

First looks (weak-plan recall / false alarms on good plans; help-now recall / false alarms
on ordinary texts):
    heldout  90.0% / 0.0%    55.6% / 4.2%
    fresh    85.0% / 5.0%    63.9% / 16.7%
    probe    80.0% / 13.3%   78.6% / 10.0%
    untuned  87.9% / 0.0%    67.9% / 4.5%
    blind   100.0% / 0.0%    85.2% / 8.7%   (after a review narrowed and rewrote the lists)
So people will write things these lists miss: the screening is a safety net, never the only
way to get help (help-now is always one command away and named on every screen).

Spanish (*.es.toml, content/coach/es.toml and content/safety/es.toml), the same thresholds:
dev, then heldout, written straight after dev and before the lists existed, in other voices
(Spain, Mexico, Río de la Plata, Colombia, the Caribbean; carers, older people; typos and no
accents). First looks:
    es heldout  97.1% / 0.0%    100.0% / 0.0%    es ordinary: 1 of 80 (1.3%)
One engineer wrote both the heldout sets and the lists, so these first looks are kinder than
the English ones written by others: a Spanish set written by someone who has not seen the
lists is still to come.

Fails below 90% recall on weak plans or above 10% false alarms on good ones; below 95% recall
on texts that call for help now or above 5% false alarms on ordinary texts that share their
words. Also per label, so that no one rule can quietly collapse.

Run `python tests/test_corpora.py` to print the figures.
"""

import tomllib
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from smcoach import content
from smcoach.domain.dates import parse_weekdays
from smcoach.domain.models import PlanDraft

CORPORA = Path(__file__).parent / "corpora"
# Each language's sets, measured with the same thresholds: <kind>_<set>.<language>.toml.
SETS = {
    "en": ("dev", "heldout", "fresh", "probe", "untuned", "blind"),
    "es": ("dev", "heldout"),
}
CASES = [pytest.param(lang, name, id=f"{lang}-{name}") for lang, names in SETS.items()
         for name in names]  # fmt: skip
# The least each language's corpora must hold: plans, free texts, everyday (ordinary) texts.
SIZES = {"en": (150, 80, 150), "es": (60, 40, 60)}
# Which findings count as catching each weakness.
PLAN_LABELS = {
    "outcome": {"outcome"},
    "vague": {"vague_amount", "vague_time"},
    "hedge": {"hedge"},
    "not_wanted": {"not_wanted"},
    "every_day": {"every_day"},
    "medical": {"medicines", "food", "exercise"},
    "low_confidence": {"low_confidence", "low_confidence_care"},
}
TEXT_LABELS = {"self_harm": {"crisis", "overdose"}, "overdose": {"overdose", "crisis"},
               "urgent": {"urgent"}}  # fmt: skip
PLAN_RECALL, PLAN_FALSE_ALARMS = 0.90, 0.10
TEXT_RECALL, TEXT_FALSE_ALARMS = 0.95, 0.05
LABEL_FLOOR = 0.80


class Score(NamedTuple):
    found: Counter[str]  # per label: caught (weak/help-now) or flagged (good/ordinary)
    total: Counter[str]
    misses: list[str]

    def recall(self, labels: list[str] | None = None) -> float:
        labels = labels or [k for k in self.total if k not in ("good", "ordinary")]
        return sum(self.found[k] for k in labels) / sum(self.total[k] for k in labels)

    def false_alarms(self, label: str) -> float:
        return self.found[label] / self.total[label]


def _load(kind: str, name: str, language: str = "en") -> list[dict[str, Any]]:
    with open(CORPORA / f"{kind}_{name}.{language}.toml", "rb") as f:
        return list(tomllib.load(f)[kind[:-1]])


def score_plans(name: str, language: str = "en") -> Score:
    coach = content.plan_coach(language)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for p in _load("plans", name, language):
        often = str(p["how_often"])
        days, times = (None, int(often)) if often.isdigit() else (parse_weekdays(often), None)
        draft = PlanDraft(p["what"], p["how_much"], p["when"], days, times, p["confidence"],
                          date(2026, 11, 23))  # fmt: skip
        codes = {f.code for f in coach.review(draft) if f.kind != "note"}
        label = p["label"]
        total[label] += 1
        hit = bool(codes) if label == "good" else bool(codes & PLAN_LABELS[label])
        found[label] += hit
        if hit == (label == "good"):
            misses.append(f"{label}: {p['what']} | {p['how_much']} | {p['when']} -> {codes}")
    return Score(found, total, misses)


def score_texts(name: str, language: str = "en") -> Score:
    screen = content.screen(language)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for item in _load("texts", name, language):
        categories = set(screen.categories(item["text"]))
        label = item["label"]
        total[label] += 1
        hit = bool(categories) if label == "ordinary" else bool(categories & TEXT_LABELS[label])
        found[label] += hit
        if hit == (label == "ordinary"):
            misses.append(f"{label}: {item['text']} -> {categories}")
    return Score(found, total, misses)


@pytest.mark.parametrize(("language", "name"), CASES)
def test_the_plan_coach_finds_weak_plans_and_leaves_good_ones(language: str, name: str) -> None:
    s = score_plans(name, language)
    assert sum(s.total.values()) >= 40
    assert s.recall() >= PLAN_RECALL, s.misses
    assert s.false_alarms("good") <= PLAN_FALSE_ALARMS, s.misses
    for label in PLAN_LABELS:
        assert s.recall([label]) >= LABEL_FLOOR, (label, s.misses)


@pytest.mark.parametrize(("language", "name"), CASES)
def test_the_screen_finds_texts_that_call_for_help_and_leaves_look_alikes(
    language: str, name: str
) -> None:
    s = score_texts(name, language)
    assert sum(s.total.values()) >= 40
    assert s.recall() >= TEXT_RECALL, s.misses
    assert s.false_alarms("ordinary") <= TEXT_FALSE_ALARMS, s.misses
    for label in TEXT_LABELS:
        assert s.recall([label]) >= LABEL_FLOOR, (label, s.misses)


@pytest.mark.parametrize("language", SETS)
def test_everyday_texts_with_health_words_are_rarely_signposted(language: str) -> None:
    s = score_texts("ordinary", language)  # first look: en 2 of 150 (1.3%); es: see the top
    assert s.total["ordinary"] >= SIZES[language][2] and set(s.total) == {"ordinary"}
    assert s.false_alarms("ordinary") <= TEXT_FALSE_ALARMS, s.misses


def test_a_second_reviewers_sentences() -> None:
    """Sentences a second reviewer wrote against an earlier version of the lists (first look:
    33 of 55 found, and 100 of 106 everyday sentences aimed at the patterns fired). Kept
    as regressions: one sentence a line."""
    screen = content.screen()

    def lines(name: str) -> list[str]:
        text = (CORPORA / name).read_text("utf-8").splitlines()
        return [x.strip() for x in text if x.strip() and not x.startswith("#")]

    calls = lines("review2_calls_for_help.txt")
    missed = [x for x in calls if not screen.categories(x)]
    assert len(missed) / len(calls) <= 1 - TEXT_RECALL, missed
    everyday = lines("review2_everyday.txt")
    fired = [x for x in everyday if screen.categories(x)]
    assert len(fired) / len(everyday) <= TEXT_FALSE_ALARMS, fired


@pytest.mark.parametrize("language", SETS)
def test_the_corpora_are_as_large_and_as_mixed_as_asked(language: str) -> None:
    plans = [p for name in SETS[language] for p in _load("plans", name, language)]
    texts = [x for name in SETS[language] for x in _load("texts", name, language)]
    least_plans, least_texts, _ = SIZES[language]
    assert len(plans) >= least_plans and len(texts) >= least_texts
    labels = Counter(p["label"] for p in plans)
    assert set(labels) == {"good", *PLAN_LABELS}
    assert 0.25 <= labels["good"] / len(plans) <= 0.40  # about a third good
    assert {x["label"] for x in texts} == {"ordinary", *TEXT_LABELS}


def report() -> str:
    """The figures, English first (as before), then each other language's, prefixed by it."""
    lines = []
    for language, names in SETS.items():
        lines += _report(language, names, "" if language == "en" else f"{language} ")
    return "\n".join(lines)


def _report(language: str, names: tuple[str, ...], prefix: str) -> list[str]:
    lines = []
    for name in names:
        p, x = score_plans(name, language), score_texts(name, language)
        per_plan = ", ".join(f"{k} {p.found[k]}/{p.total[k]}" for k in PLAN_LABELS)
        per_text = ", ".join(f"{k} {x.found[k]}/{x.total[k]}" for k in TEXT_LABELS)
        lines += [
            f"{prefix}{name}: plans {sum(p.total.values())}: weak recall {p.recall():.1%} "
            f"({per_plan}); false alarms on good {p.found['good']}/{p.total['good']} "
            f"({p.false_alarms('good'):.1%})",
            f"{prefix}{name}: texts {sum(x.total.values())}: recall {x.recall():.1%} ({per_text}); "
            f"false alarms on ordinary {x.found['ordinary']}/{x.total['ordinary']} "
            f"({x.false_alarms('ordinary'):.1%})",
        ]
    o = score_texts("ordinary", language)
    lines.append(
        f"{prefix}ordinary: texts {o.total['ordinary']}: false alarms {o.found['ordinary']}"
    )
    return lines


if __name__ == "__main__":
    print(report())
