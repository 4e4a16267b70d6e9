"""The action-plan coach: reads a draft plan and returns findings to show before saving.

Pure rules, each a small function. The wording of each finding lives in the message
catalogue under 'coach.<code>'; the coach never advises on treatment, it only points to
the person's health professional.
"""

import re
from typing import NamedTuple

from smcoach.domain.models import PlanDraft
from smcoach.domain.rules import CONFIDENT


class Finding(NamedTuple):
    code: str  # names the rule and its message: coach.<code>
    kind: str  # "rethink": worth changing; "safety": check with a professional; "note"
    field: str | None = None  # the part of the plan to ask again, when there is one


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


# A result rather than a behaviour: weight, clinical numbers, "feel better".
_OUTCOME = _words(
    r"\b(lose|losing|shed|drop)\s+(\d+(\.\d+)?\s*)?(some\s+|a\s+few\s+)?(weight|kgs?|kilos?|pounds|lbs?|stone)\b",
    r"\blose\s+\d",
    r"\bweigh\s+(less|under|below)\b",
    r"\b(lower|reduce|bring\s+down|improve|get\s+down|control)\s+(my\s+|the\s+)?"
    r"(blood\s+pressure|bp|hba1c|cholesterol|blood\s+sugars?|glucose|weight)\b",
    r"\bfeel\s+(better|good|less|happier|fitter|healthier)\b",
    r"\b(be|become|get)\s+(healthier|fitter|thinner|slimmer|well|better|fit|healthy)\b",
)
_HEDGE = _words(
    r"\btry(ing)?\s+(to|and)\b",
    r"\b(i'?ll|will|going\s+to)\s+try\b",
    r"\bshould\b",
    r"\bmight\b",
    r"\bmaybe\b",
    r"\bperhaps\b",
    r"\bhope\s+to\b",
    r"\bhopefully\b",
    r"\baim\s+to\b",
    r"\bif\s+i\s+can\b",
)
_AVOIDANCE = _words(r"^\s*(i\s+will\s+)?(stop|quit|never|avoid|not|don'?t|do\s+not|cut\s+out)\b")
_EVERY_DAY = _words(r"\bevery\s*day\b", r"\bdaily\b", r"\beach\s+day\b", r"\b7\s+days\b")
_MEDICINE_CHANGE = _words(
    r"\b(stop|stopping|reduce|cut|skip|change|increase|double|halve|lower|come\s+off|taper|wean)"
    r"\b.{0,30}\b(medic\w*|meds|tablets?|pills?|insulin|doses?|dosage|inhalers?|steroids?|"
    r"prescriptions?|painkillers?)\b",
    r"\b(medic\w*|meds|tablets?|pills?|insulin|doses?|inhalers?|steroids?|painkillers?)\b"
    r".{0,20}\b(less|fewer|more|off|half|double)\b",
    r"\b(less|fewer|half|more|extra|double|no)\s+(of\s+)?(my\s+|the\s+)?"
    r"(medic\w*|meds|tablets?|pills?|insulin|doses?|inhalers?|steroids?|painkillers?)\b",
)
_FOOD_RESTRICTION = _words(
    r"\bfasting\b",
    r"\bfast\s+(on|for|until|from|all|every|each|one|two|[0-9])\b",
    r"\bstarv\w*",
    r"\bdetox\b",
    r"\bjuice\s+(cleanse|only|diet)\b",
    r"\bskip\s+(all\s+)?(meals?|breakfast|lunch|dinner|supper)\b",
    r"\bonly\s+eat\b",
    r"\b(no|zero)\s+(food|carbs?|fat|meals?)\b",
    r"\bcut\s+out\s+(all\s+)?(food|carbs?|fat|meals?)\b",
    r"\b\d{3,4}\s*(kcal|calories)\b",
)
_EXERCISE = _words(
    r"\b(walk\w*|run\w*|jog\w*|swim\w*|cycl\w*|bike|gym|exercis\w*|workout|"
    r"train\w*|lift\w*|weights|hik\w*|aerobics|spin|dance|dancing|stairs)\b"
)
_BIG_EXERCISE = _words(
    r"\b([6-9]\d|\d{3,})\s*(min|mins|minutes)\b",
    r"\b(\d+(\.\d+)?)\s*(hours?|hrs?)\b",
    r"\b(1\d|[2-9]\d|\d{3,})\s*(km|k|kilometres?|kilometers?)\b",
    r"\b([5-9]|\d{2,})\s*(miles?)\b",
    r"\b(marathon|half\s+marathon|double|twice\s+as\s+(much|far|long)|as\s+(hard|far|long)\s+as\s+i\s+can)\b",
    r"\b([0-9]{5,}|[0-9]{2,3},[0-9]{3}|[0-9]{2,}\s*(k|thousand))\s*steps\b",
)


def review(draft: PlanDraft, other_active_plans: int = 0) -> list[Finding]:
    """Everything worth saying about a draft plan, most important first."""
    text = " ".join((draft.what, draft.how_much, draft.when))
    findings: list[Finding] = []
    if _MEDICINE_CHANGE.search(text):
        findings.append(Finding("medicines", "safety"))
    if _FOOD_RESTRICTION.search(text):
        findings.append(Finding("food", "safety"))
    amount = f"{draft.what} {draft.how_much}"  # not 'when': "2 hours after dinner" is a time
    if _EXERCISE.search(text) and _BIG_EXERCISE.search(amount):
        findings.append(Finding("exercise", "safety"))
    if _OUTCOME.search(draft.what):
        findings.append(Finding("outcome", "rethink", "what"))
    if _AVOIDANCE.search(draft.what):
        findings.append(Finding("avoidance", "rethink", "what"))
    for field, value in (("what", draft.what), ("how_much", draft.how_much), ("when", draft.when)):
        if _HEDGE.search(value):
            findings.append(Finding("hedge", "rethink", field))
            break
    if _every_day(draft):
        findings.append(Finding("every_day", "rethink", "days"))
    if draft.confidence < CONFIDENT:
        findings.append(Finding("low_confidence", "rethink", "confidence"))
    if other_active_plans:
        findings.append(Finding("several_plans", "note"))
    return findings


def _every_day(draft: PlanDraft) -> bool:
    if draft.times == 7 or (draft.days is not None and len(draft.days) == 7):
        return True
    return bool(_EVERY_DAY.search(draft.when) or _EVERY_DAY.search(draft.how_much))


def is_confident(draft: PlanDraft) -> bool:
    return draft.confidence >= CONFIDENT
