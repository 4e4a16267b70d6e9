"""The guided weekly session as a pure state machine: which steps, in which order, given the
person's data and the answers so far. The CLI only asks and shows; the store saves each
answer as it is given, so a session can stop anywhere and resume at the same step.

Steps, in the method's order: a first-run introduction; feedback on last week's plan;
problem-solving; the plan running this week, if there is one (check in, adjust it, or add a
second); the agenda; a goal for the focus; this week's action plan; a summary.
"""

from datetime import date, timedelta
from typing import NamedTuple

from smcoach.domain.models import CheckIn, Plan
from smcoach.domain.week import Tally, answer_due, tally

STEPS = ("intro", "feedback", "solve", "running", "agenda", "goal", "plan", "summary")
# What the person chose to do with the plan running this week ('running.choice').
RUNNING_CHOICES = ("check", "adjust", "add", "keep")
STANDALONE_STEPS = ("feedback", "solve", "agenda", "goal", "plan")  # for --step


class Facts(NamedTuple):
    """What the session needs to know about the person's data to choose its steps."""

    first_run: bool  # nothing recorded yet: introduce the method, nothing to feed back on
    feedback_plan: Plan | None  # last week's plan, still waiting for feedback
    problems_to_revisit: int  # ideas being tried, to assess at this session
    plan_made: bool  # a plan was already made during this session
    running_plan: Plan | None = None  # a plan whose week is under way, made before this session


def first_step(facts: Facts) -> str:
    if facts.first_run:
        return "intro"
    if facts.feedback_plan is not None:
        return "feedback"
    if facts.problems_to_revisit:
        return "solve"
    return _plan_or_agenda(facts)


def _plan_or_agenda(facts: Facts) -> str:
    """With a plan under way, look at it first; otherwise on to the agenda."""
    return "running" if facts.running_plan is not None else "agenda"


def next_step(step: str, facts: Facts, answers: dict[str, str]) -> str | None:
    """The step after `step`, or None when the session is complete."""
    if step == "intro":
        return "agenda"
    if step == "feedback":
        wants_solving = answers.get("feedback.solve") == "yes"
        return "solve" if wants_solving or facts.problems_to_revisit else _plan_or_agenda(facts)
    if step == "solve":
        return _plan_or_agenda(facts)
    if step == "running":
        choice = answers.get("running.choice")
        return {"adjust": "plan", "add": "agenda"}.get(choice or "", "summary")
    if step == "agenda":
        return "goal"
    if step == "goal":
        return "summary" if facts.plan_made else "plan"
    if step == "plan":
        return "summary"
    if step == "summary":
        return None
    raise ValueError(f"unknown step {step!r}")


def feedback(plan: Plan, checkins: list[CheckIn]) -> Tally:
    return tally(plan, checkins)


def acknowledgement(result: Tally) -> str:
    """Which acknowledgement fits ('session.ack_<code>'), true to the numbers: 'all' only when
    every planned day was done; 'all_rest' when the days not done were rest days; 'rested'
    for a week of rest days only. Any progress counts."""
    if result.target and result.achieved >= result.target:
        return "all"
    if result.met:
        return "all_rest"
    if result.achieved > 0:
        return "some"
    if result.rest and not result.counted:
        return "rested"
    return "none"


def next_check_in(plan: Plan, checkins: list[CheckIn], today: date) -> date | None:
    """The first day from today on, within the plan's week, that still wants a check-in (a
    planned day not answered; none once a times-a-week target is met)."""
    day = max(today, plan.start)
    while day <= plan.end:
        if answer_due(plan, checkins, day):
            return day
        day += timedelta(days=1)
    return None
