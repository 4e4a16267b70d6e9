"""The action-plan coach: reads a draft plan (or a new goal) and returns findings to show.

Pure rules. The word lists live in content/coach/<language>.toml so that a clinician can
review them and another language can have its own; this module says how they combine. The
wording of each finding is in the message catalogue under 'coach.<code>'. The coach never
advises on treatment: medicines, food and big steps up in exercise go to a professional.
"""

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from smcoach.domain.models import PlanDraft
from smcoach.domain.rules import CONFIDENT
from smcoach.domain.screening import Screen, Screens, normalise

PLAN_FIELDS = ("what", "how_much", "when")
LOW_CONFIDENCE = ("low_confidence", "low_confidence_care")
PURPOSE_REACH = 80  # characters before a result that may hold the action carrying it


# The word lists a language's file must hold: {section: keys}.
WORD_LISTS = {
    "outcome": ("clinical", "feeling", "purpose"),
    "specific": ("vague_amount", "countable", "vague_time", "time_anchor"),
    "wanted": ("patterns", "not_when"),
    "hedge": ("patterns",),
    "avoidance": ("patterns",),
    "every_day": ("patterns", "daily_care"),
    "medicines": ("medicine", "change", "as_prescribed", "change_any", "plainly"),
    "food": ("patterns",),
    "exercise": ("activity", "vigorous", "step_up", "big_amount"),
}


class Finding(NamedTuple):
    code: str  # names the rule and its message: coach.<code>
    # help_now: the words call for help now, so no coaching and no plan is made of them;
    # safety: check with a professional first; rethink: worth changing; note: for information
    kind: str
    field: str | None = None  # the part to ask again: what, how_much, when, days, confidence


def _any(patterns: Iterable[str]) -> re.Pattern[str]:
    """One pattern of a list, for lower-cased text (IGNORECASE would double the compile time)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


class Coach:
    """The rules of a good action plan, compiled from one language's word lists."""

    def __init__(self, words: dict[str, Any], screen: Screen | Screens):
        self.screen = screen
        w = words
        self.clinical = _any(w["outcome"]["clinical"])
        self.feeling = _any(w["outcome"]["feeling"])
        self.purpose = _any(w["outcome"]["purpose"])
        self.vague_amount = _any(w["specific"]["vague_amount"])
        self.countable = _any(w["specific"]["countable"])
        self.vague_time = _any(w["specific"]["vague_time"])
        self.time_anchor = _any(w["specific"]["time_anchor"])
        self.wanted = _any(w["wanted"]["patterns"])
        self.wanted_daily_care = _any(w["wanted"]["not_when"])
        self.hedge = _any(w["hedge"]["patterns"])
        self.avoidance = _any(w["avoidance"]["patterns"])
        self.every_day = _any(w["every_day"]["patterns"])
        self.daily_care = _any(w["every_day"]["daily_care"])
        self.medicine = _any(w["medicines"]["medicine"])
        self.change = _any(w["medicines"]["change"])
        self.as_prescribed = _any(w["medicines"]["as_prescribed"])
        self.plainly = _any(w["medicines"]["plainly"])
        self.change_any = _any(w["medicines"]["change_any"])
        self.food = _any(w["food"]["patterns"])
        self.activity = _any(w["exercise"]["activity"])
        self.vigorous = _any(w["exercise"]["vigorous"])
        self.step_up = _any(w["exercise"]["step_up"])
        self.big_amount = _any(w["exercise"]["big_amount"])

    # --- plans ------------------------------------------------------------------------------

    def review(self, draft: PlanDraft, other_active_plans: int = 0) -> list[Finding]:
        """Everything worth saying about a draft plan, most important first."""
        texts = {f: normalise(getattr(draft, f)) for f in PLAN_FIELDS}
        for part in PLAN_FIELDS:
            if self.screen.categories(texts[part]):
                return [Finding("help_now", "help_now", part)]
        findings = self._safety(texts)
        rethink = (
            ("outcome", self._outcome),
            ("not_wanted", self._not_wanted),
            ("hedge", self.hedge.search),
        )
        if self.avoidance.search(texts["what"]):
            findings.append(Finding("avoidance", "rethink", "what"))
        for code, found in rethink:
            field = next((f for f in PLAN_FIELDS if found(texts[f])), None)
            if field is not None:
                findings.append(Finding(code, "rethink", field))
        if self._vague_amount(texts["how_much"]):
            findings.append(Finding("vague_amount", "rethink", "how_much"))
        if self._vague_time(texts["when"]):
            findings.append(Finding("vague_time", "rethink", "when"))
        if self._every_day(draft, texts):
            findings.append(Finding("every_day", "rethink", "days"))
        if draft.confidence < CONFIDENT:
            # For daily care the answer is never "do less": look at what is in the way.
            code = "low_confidence_care" if self.is_daily_care(texts) else "low_confidence"
            findings.append(Finding(code, "rethink", "confidence"))
        if other_active_plans:
            findings.append(Finding("several_plans", "note"))
        return findings

    def _safety(self, texts: dict[str, str]) -> list[Finding]:
        findings = []
        whole = " ; ".join(texts[f] for f in PLAN_FIELDS)
        if self._medicine_change(whole):
            where = next((f for f in PLAN_FIELDS if self.medicine.search(texts[f])), "what")
            findings.append(Finding("medicines", "safety", where))
        if self.food.search(whole):
            where = next((f for f in PLAN_FIELDS if self.food.search(texts[f])), "what")
            findings.append(Finding("food", "safety", where))
        # Not 'when': "2 hours after dinner" is a time, not an amount.
        amount = f"{texts['what']} ; {texts['how_much']}"
        if self._big_exercise(amount, whole):
            big = self.big_amount.search(texts["what"]) or self.vigorous.search(texts["what"])
            findings.append(Finding("exercise", "safety", "what" if big else "how_much"))
        return findings

    def _medicine_change(self, text: str) -> bool:
        """A medicine with a change near it, unless it is taken as prescribed (and not plainly
        stopped or changed)."""
        for m in self.change_any.finditer(text):  # a medicine smcoach may not know by name
            if not self.screen.negated(text, m.start()):
                return True
        as_prescribed = self.as_prescribed.search(text)
        for m in self.medicine.finditer(text):
            near = text[max(0, m.start() - 40) : m.end() + 40]
            if not self.change.search(near):
                continue
            return not as_prescribed or self._plainly_changed(text)
        return False

    def _plainly_changed(self, text: str) -> bool:
        """A clear change ("stop taking my statins", "start St John's wort") with a medicine in
        the next few words, not itself negated ("so I don't skip my tablets")."""
        for m in self.plainly.finditer(text):
            if self.screen.negated(text, m.start()):
                continue
            if self.medicine.search(text[m.end() : m.end() + 30]):
                return True
        return False

    def _big_exercise(self, amount: str, whole: str) -> bool:
        if not self.activity.search(amount):
            return False
        if self.big_amount.search(amount):
            return True
        return bool(self.vigorous.search(amount) and self.step_up.search(whole))

    def _outcome(self, text: str) -> bool:
        """A result rather than something done, unless an action carries it ("walk to the
        shop to lose weight")."""
        for pattern in (self.clinical, self.feeling):
            for m in pattern.finditer(text):
                # Only the words just before it can carry it (and a bounded look stays fast).
                if not self.purpose.search(text[max(0, m.start() - PURPOSE_REACH) : m.start()]):
                    return True
        return False

    def _not_wanted(self, text: str) -> bool:
        return bool(self.wanted.search(text)) and not self.wanted_daily_care.search(text)

    def _vague_amount(self, text: str) -> bool:
        return bool(self.vague_amount.search(text)) and not self.countable.search(text)

    def _vague_time(self, text: str) -> bool:
        return bool(self.vague_time.search(text)) and not self.time_anchor.search(text)

    def is_daily_care(self, texts: dict[str, str]) -> bool:
        """Medicines (by any name), inhalers, insulin, monitoring: daily is right, and doing
        less of them is never smcoach's suggestion."""
        care = f"{texts['what']} ; {texts['how_much']}"
        return bool(self.daily_care.search(care) or self.medicine.search(care))

    def _every_day(self, draft: PlanDraft, texts: dict[str, str]) -> bool:
        if self.is_daily_care(texts):
            return False
        if draft.times == 7 or (draft.days is not None and len(draft.days) == 7):
            return True
        return bool(
            self.every_day.search(texts["when"]) or self.every_day.search(texts["how_much"])
        )

    # --- goals ------------------------------------------------------------------------------

    def review_goal(self, text: str) -> list[Finding]:
        """A new goal, read by the same safety rules, and for clinical targets (weight, blood
        sugar, blood pressure) that are best agreed with a health professional."""
        s = normalise(text)
        if self.screen.categories(s):
            return []  # the help-now signposting says all there is to say
        findings = self._safety({"what": s, "how_much": "", "when": ""})
        if self.clinical.search(s):
            findings.append(Finding("goal_target", "note"))
        return [f._replace(field=None) for f in findings]


def is_confident(draft: PlanDraft) -> bool:
    return draft.confidence >= CONFIDENT


def needs_agreement(findings: list[Finding]) -> bool:
    """A plan with a safety finding is saved only once the person says they have agreed it
    with their doctor, nurse or pharmacist."""
    return any(f.kind == "safety" for f in findings)


def calls_for_help(findings: list[Finding]) -> bool:
    """The plan's words call for help now: it is not made an action plan."""
    return any(f.kind == "help_now" for f in findings)


class Ask(NamedTuple):
    """What the coach asks next at a terminal: step is help_now (change the words or leave it),
    agree (agreed with a professional, change, or leave), smaller (low confidence: how to go
    on), field (that part again), or save."""

    step: str
    field: str | None = None
    code: str | None = None


def next_ask(
    findings: list[Finding], *, agreed: bool, kept_low: bool, asked: frozenset[tuple[str, str]]
) -> Ask:
    """The coaching conversation's next step, from the findings on the current draft: help
    now first, then a professional's agreement, then confidence, then each part a finding is
    about, asked once (the person may keep their answer)."""
    for f in findings:
        if f.kind == "help_now":
            return Ask("help_now", f.field or "what", f.code)
    if not agreed:
        for f in findings:
            if f.kind == "safety":
                return Ask("agree", f.field, f.code)
    for f in findings:
        if not kept_low and f.code in LOW_CONFIDENCE:
            return Ask("smaller", "confidence", f.code)
    for f in findings:
        if (
            f.kind == "rethink"
            and f.field not in (None, "confidence")
            and ((f.code, f.field or "") not in asked)
        ):
            return Ask("field", f.field, f.code)
    return Ask("save")
