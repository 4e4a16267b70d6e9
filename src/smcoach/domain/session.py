"""The guided weekly session as a pure state machine: which steps, in which order, given the
person's data and the answers so far. The CLI only asks and shows; the store saves each
answer as it is given, so a session can stop anywhere and resume at the same step.

Steps, in the method's order: a first-run introduction; feedback on last week's plan;
problem-solving; the agenda; a goal for the focus; this week's action plan; a summary.
"""

from datetime import date, timedelta
from typing import NamedTuple

from smcoach.domain.models import CheckIn, Plan
from smcoach.domain.week import progress

STEPS = ("intro", "feedback", "solve", "agenda", "goal", "plan", "summary")
STANDALONE_STEPS = ("feedback", "solve", "agenda", "goal", "plan")  # for --step


class Facts(NamedTuple):
    """What the session needs to know about the person's data to choose its steps."""

    first_run: bool  # nothing recorded yet: introduce the method, nothing to feed back on
    feedback_plan: Plan | None  # last week's plan, still waiting for feedback
    problems_to_revisit: int  # ideas being tried, to assess at this session
    plan_made: bool  # a plan was already made during this session (e.g. from an idea)


def first_step(facts: Facts) -> str:
    if facts.first_run:
        return "intro"
    if facts.feedback_plan is not None:
        return "feedback"
    if facts.problems_to_revisit:
        return "solve"
    return "agenda"


def next_step(step: str, facts: Facts, answers: dict[str, str]) -> str | None:
    """The step after `step`, or None when the session is complete."""
    if step == "intro":
        return "agenda"
    if step == "feedback":
        wants_solving = answers.get("feedback.solve") == "yes"
        return "solve" if wants_solving or facts.problems_to_revisit else "agenda"
    if step == "solve":
        return "agenda"
    if step == "agenda":
        return "goal"
    if step == "goal":
        return "summary" if facts.plan_made else "plan"
    if step == "plan":
        return "summary"
    if step == "summary":
        return None
    raise ValueError(f"unknown step {step!r}")


class Feedback(NamedTuple):
    achieved: float  # days done, partly counting half
    target: int
    rest: int
    fully_done: bool  # every planned day done, or excused as a rest day


def feedback(plan: Plan, checkins: list[CheckIn]) -> Feedback:
    p = progress(checkins)
    return Feedback(p.achieved, plan.target, p.rest, p.achieved + p.rest >= plan.target)


def acknowledgement(result: Feedback) -> str:
    """Which acknowledgement fits ('session.ack_<code>'): any progress counts."""
    if result.fully_done:
        return "all"
    if result.achieved > 0:
        return "some"
    return "none"


def next_check_in(plan: Plan, today: date) -> date | None:
    """The first planned day from today on, within the plan's week."""
    day = max(today, plan.start)
    while day <= plan.end:
        if plan.is_planned(day):
            return day
        day += timedelta(days=1)
    return None
