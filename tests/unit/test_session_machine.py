"""The session's state machine: every transition, without I/O."""

from datetime import date, timedelta

import pytest

from smcoach.domain.models import CheckIn, Plan
from smcoach.domain.session import (
    STEPS,
    Facts,
    acknowledgement,
    feedback,
    first_step,
    next_check_in,
    next_step,
)

MON = date(2026, 11, 23)


def plan(**changes) -> Plan:
    values = dict(id=1, what="walk", how_much="10 minutes", when="after lunch",
                  days=("mon", "wed", "fri"), times=None, confidence=8, first_confidence=8,
                  kept_low_confidence=False, barrier=None, goal_id=None, start=MON,
                  status="active", created_at="2026-11-23T09:00:00+00:00", ended=None)  # fmt: skip
    values.update(changes)
    return Plan(**values)


def facts(**changes) -> Facts:
    values = dict(first_run=False, feedback_plan=None, problems_to_revisit=0, plan_made=False)
    values.update(changes)
    return Facts(**values)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (facts(first_run=True), "intro"),
        (facts(feedback_plan=plan()), "feedback"),
        (facts(feedback_plan=plan(), problems_to_revisit=2), "feedback"),
        (facts(problems_to_revisit=1), "solve"),
        (facts(), "agenda"),
    ],
)
def test_first_step(given, expected):
    assert first_step(given) == expected


@pytest.mark.parametrize(
    ("step", "given", "answers", "expected"),
    [
        ("intro", facts(), {}, "agenda"),
        ("feedback", facts(), {}, "agenda"),
        ("feedback", facts(), {"feedback.solve": "no"}, "agenda"),
        ("feedback", facts(), {"feedback.solve": "yes"}, "solve"),
        ("feedback", facts(problems_to_revisit=1), {}, "solve"),
        ("solve", facts(), {}, "agenda"),
        ("agenda", facts(), {}, "goal"),
        ("goal", facts(), {}, "plan"),
        ("goal", facts(plan_made=True), {}, "summary"),
        ("plan", facts(), {}, "summary"),
        ("summary", facts(), {}, None),
    ],
)
def test_next_step(step, given, answers, expected):
    assert next_step(step, given, answers) == expected


def test_every_path_ends_at_the_summary_in_method_order():
    for first in (facts(first_run=True), facts(feedback_plan=plan()), facts()):
        for answers in ({}, {"feedback.solve": "yes"}):
            step, seen = first_step(first), []
            while step is not None:
                seen.append(step)
                step = next_step(step, first, answers)
            assert seen[-1] == "summary"
            assert seen == sorted(seen, key=STEPS.index)  # never goes back
            assert {"agenda", "goal", "plan"} <= set(seen)


def test_unknown_step_is_refused():
    with pytest.raises(ValueError):
        next_step("dance", facts(), {})


def test_feedback_counts_partly_as_half_and_rest_days_as_excused():
    p = plan()
    done = [CheckIn(1, MON, "done"), CheckIn(1, MON + timedelta(2), "partly")]
    assert (feedback(p, done).achieved, feedback(p, done).target) == (1.5, 3)
    assert not feedback(p, done).met
    assert acknowledgement(feedback(p, done)) == "some"
    excused = [CheckIn(1, MON, "done"), CheckIn(1, MON + timedelta(2), "rest"),
               CheckIn(1, MON + timedelta(4), "done")]  # fmt: skip
    assert feedback(p, excused).met
    # praise matches the numbers: 2 of 3 with a rest day is not "all of it"
    assert acknowledgement(feedback(p, excused)) == "all_rest"
    every = [CheckIn(1, MON + timedelta(d), "done") for d in (0, 2, 4)]
    assert acknowledgement(feedback(p, every)) == "all"
    assert acknowledgement(feedback(p, [CheckIn(1, MON, "not")])) == "none"
    rested = [CheckIn(1, MON + timedelta(d), "rest") for d in (0, 2, 4)]
    assert acknowledgement(feedback(p, rested)) == "rested"


def test_next_check_in():
    p = plan()
    assert next_check_in(p, [], MON) == MON
    assert next_check_in(p, [], MON + timedelta(1)) == MON + timedelta(2)
    assert next_check_in(p, [], MON + timedelta(5)) is None
    assert next_check_in(p, [], MON - timedelta(3)) == MON  # a plan that starts later
    assert next_check_in(plan(days=None, times=2), [], MON + timedelta(3)) == MON + timedelta(3)
    # a day already answered is not the next check-in; a met target leaves none
    assert next_check_in(p, [CheckIn(1, MON, "not")], MON) == MON + timedelta(2)
    twice = plan(days=None, times=2)
    done = [CheckIn(1, MON, "done"), CheckIn(1, MON + timedelta(1), "done")]
    assert next_check_in(twice, done, MON + timedelta(1)) is None


def test_every_step_has_a_name_in_words():
    """The resume question names the step a person stopped at in words, never by its key."""
    from smcoach.domain.session import STEPS
    from smcoach.messages import TEXT

    for step in STEPS:
        assert TEXT[f"session.step_name.{step}"].strip()
