"""Problem-solving in seven steps, as a pure state machine.

The steps: (1) name the problem, specifically; (2) list ideas, the person's own and then
suggestions for that kind of problem; (3) choose one to try; (4) later, assess how it went;
(5) if it did not work, substitute another idea; (6) use other resources: people,
professionals, community services; (7) accept that it may not be solvable right now.

A problem's stored status says where it rests; `next_stage` reads the status with the ideas
and attempts to say which step comes next, so a flow stopped anywhere resumes at the same
step. `advance` is the only place that says which status follows which event.
"""

import re
from datetime import date
from typing import NamedTuple

from smcoach.errors import SmcoachError
from smcoach.messages import t

# The kinds of problem, used to pick suggested ideas from the question cards (ideas_<kind>).
KINDS = ("pain", "fatigue", "breathlessness", "mood", "sleep", "time", "motivation", "other")

# Where a problem rests:
#   open       naming it and listing ideas (steps 1-2)
#   choosing   ideas listed: choose one (step 3), or another after an assessment (step 5)
#   trying     an idea chosen, waiting to be tried and assessed (step 4)
#   resources  looking for other people or services who could help (step 6)
#   accepting  no one to ask right now: deciding whether to set it aside (step 7)
#   solved     an idea worked
#   accepted   set aside: not solvable right now (it can be picked up again)
STATUSES = ("open", "choosing", "trying", "resources", "accepting", "solved", "accepted")
CLOSED = ("solved", "accepted")
SOURCES = ("own", "card", "resource")  # where an idea came from; 'resource': someone to ask
RESULTS = ("worked", "partly", "did_not_work")

# What comes next, in the method's order; "done" once solved or set aside.
STAGES = ("name", "ideas", "choose", "assess", "substitute", "resources", "accept", "done")
STEP_NUMBER = {
    "name": 1,
    "ideas": 2,
    "choose": 3,
    "assess": 4,
    "substitute": 5,
    "resources": 6,
    "accept": 7,
}

# (status, event) -> the status that follows. Anything else is refused.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("open", "ideas_listed"): "choosing",
    ("choosing", "chose"): "trying",
    ("resources", "chose"): "trying",
    ("accepting", "chose"): "trying",
    ("trying", "worked"): "solved",
    ("trying", "partly"): "choosing",
    ("trying", "did_not_work"): "choosing",
    ("choosing", "ask_for_help"): "resources",
    # Words that call for help now go straight to step 6, someone to talk to: a problem named
    # so, or an idea so worded at step 7.
    ("open", "ask_for_help"): "resources",
    ("accepting", "ask_for_help"): "resources",
    ("choosing", "no_one"): "accepting",  # step 6 reached because no untried idea is left
    ("resources", "no_one"): "accepting",
    ("accepting", "set_aside"): "accepted",
    ("accepted", "reopen"): "open",
}
EVENTS = tuple(sorted({event for _, event in TRANSITIONS}))


class Problem(NamedTuple):
    id: int
    text: str
    kind: str | None  # one of KINDS; None until the person has said
    status: str  # one of STATUSES
    created: date
    updated: date
    created_at: str = ""  # the moment it was named (ISO timestamp)


class Idea(NamedTuple):
    id: int
    problem_id: int
    text: str
    source: str  # one of SOURCES


class Attempt(NamedTuple):
    id: int
    problem_id: int
    idea_id: int
    started: date
    result: str | None  # one of RESULTS; None until assessed
    assessed: date | None
    note: str | None
    plan_id: int | None = None  # the action plan made from the idea, if one was


def advance(status: str, event: str) -> str | None:
    """The status after `event`, or None when the event does not apply in `status`."""
    return TRANSITIONS.get((status, event))


def pending(attempts: list[Attempt]) -> Attempt | None:
    """The attempt waiting to be assessed, if there is one (there is at most one)."""
    return next((a for a in reversed(attempts) if a.result is None), None)


def untried_ideas(ideas: list[Idea], attempts: list[Attempt]) -> list[Idea]:
    """Ideas not yet chosen to try, in the order they were listed."""
    tried = {a.idea_id for a in attempts}
    return [i for i in ideas if i.id not in tried]


def next_stage(problem: Problem | None, ideas: list[Idea], attempts: list[Attempt]) -> str:
    """Which of the seven steps comes next (one of STAGES). `attempts` in the order made."""
    if problem is None:
        return "name"
    if problem.status in CLOSED:
        return "done"
    if problem.status == "resources":
        return "resources"  # also for a problem sent straight here, without a kind
    if problem.status == "accepting":
        return "accept"
    if problem.kind is None:
        return "name"  # named, but not yet said what kind of problem it is
    if problem.status == "trying" and pending(attempts) is not None:
        return "assess"
    if problem.status == "open":
        return "ideas"
    # choosing (or, defensively, 'trying' with nothing left to assess)
    assessed = [a for a in attempts if a.result is not None]
    if not assessed:
        return "choose" if untried_ideas(ideas, attempts) else "resources"
    last = assessed[-1]
    if last.result == "worked":
        return "done"
    if untried_ideas(ideas, attempts) or last.result == "partly":
        return "substitute"
    return "resources"


def waiting_to_be_tried(problem: Problem, attempts: list[Attempt], today: date) -> bool:
    """An idea chosen today: it has not had a chance to be tried, so there is nothing to assess
    yet unless the person asks to."""
    attempt = pending(attempts)
    return problem.status == "trying" and attempt is not None and attempt.started >= today


# --- checks on what the person types -----------------------------------------------------------

VAGUE_WORDS = 4  # fewer words than this, and the problem is probably not specific yet


def is_vague(text: str) -> bool:
    """Step 1 is often the hardest: 'pain' or 'my breathing' gives little to find ideas for."""
    return len(re.findall(r"\w+", text)) < VAGUE_WORDS


def same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def new_suggestions(suggestions: list[str], ideas: list[Idea]) -> list[str]:
    """Suggested ideas not already on the person's list (each once, in the cards' order)."""
    found: list[str] = []
    for s in suggestions:
        if not s.strip() or any(same_text(s, i.text) for i in ideas):
            continue
        if not any(same_text(s, f) for f in found):
            found.append(s)
    return found


def parse_numbers(text: str, count: int) -> list[int]:
    """'1,3' or '1 3' -> [1, 3]: positions from 1 to `count`, each once, in the order given.
    An empty answer chooses none."""
    numbers: list[int] = []
    for part in text.replace(",", " ").split():
        if not part.isdigit() or not 1 <= int(part) <= count:
            raise SmcoachError(t("solve.numbers_bad", n=count))
        if int(part) not in numbers:
            numbers.append(int(part))
    return numbers


def parse_yes(text: str) -> bool:
    """y/yes (s/sí in Spanish) -> True; n/no or nothing -> False."""
    from smcoach.domain.rules import NO, YES, answer

    a = answer(text)
    if a in YES:
        return True
    if a == "" or a in NO:
        return False
    raise SmcoachError(t("solve.yes_no"))
