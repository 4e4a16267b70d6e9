"""Unit tests for smcoach.domain.demo: the fictional participant's course (the same every run,
counted back from today), the answers --auto types at each week's session, and the demo's
sequence of steps."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach import content
from smcoach.domain import demo
from smcoach.domain.coach import next_ask
from smcoach.domain.dates import WEEKDAYS, parse_weekdays, weekday_name
from smcoach.domain.models import CheckIn, Plan, PlanDraft
from smcoach.domain.session import acknowledgement, feedback
from smcoach.domain.week import days_to_ask
from smcoach.errors import SmcoachError

TODAY = date(2026, 11, 23)  # a Monday
THURSDAY = date(2026, 11, 26)
WEEKS = range(1, demo.WEEKS + 1)


def as_plan(record: demo.PlanRecord, plan_id: int = 1) -> Plan:
    return Plan(plan_id, record.what, record.how_much, record.when, record.days, None,
                record.confidence, record.first_confidence, False, None, None, record.start,
                "active", "", feedback_on=record.feedback_on)  # fmt: skip


def checkins(record: demo.PlanRecord, plan_id: int = 1) -> list[CheckIn]:
    return [CheckIn(plan_id, c.day, c.status, c.note) for c in record.checkins]


# --- the course --------------------------------------------------------------------------------


@pytest.mark.parametrize("week", WEEKS)
def test_every_run_the_same(week: int) -> None:
    assert demo.course(TODAY, week) == demo.course(TODAY, week)
    assert demo.answers(TODAY, week) == demo.answers(TODAY, week)


@given(st.dates(date(2000, 1, 1), date(2090, 1, 1)), st.integers(1, demo.WEEKS))
def test_dates_are_counted_back_from_today(today: date, week: int) -> None:
    """Another day gives the same course, moved by as many days: it always looks current."""
    course, later = demo.course(TODAY, week), demo.course(today, week)
    shift = today - TODAY
    assert later.agenda_created == course.agenda_created + shift
    assert [p.start for p in later.plans] == [p.start + shift for p in course.plans]
    assert [r for _, r in later.ratings] == [r for _, r in course.ratings]  # the seed's
    assert [d for d, _ in later.ratings] == [d + shift for d, _ in course.ratings]
    assert later.selfcheck == (course.selfcheck[0] + shift, *course.selfcheck[1:])


@pytest.mark.parametrize("week", WEEKS)
def test_the_course_so_far(week: int) -> None:
    course = demo.course(TODAY, week)
    first = TODAY - timedelta(days=7 * (week - 1))
    assert course.selfcheck[0] == first  # self-efficacy at the start of the course
    assert len(course.plans) == week - 1  # one a session before today's
    assert [p.start for p in course.plans] == [first + timedelta(7 * k) for k in range(week - 1)]
    for plan in course.plans[:-1]:  # told at the next session, which has been
        assert plan.feedback_on == plan.start + timedelta(days=7)
    if course.plans:  # last week's plan waits for today's feedback
        assert course.plans[-1].feedback_on is None
    assert bool(course.agenda) == bool(course.goal) == (week > 1)
    assert (course.problem is not None) == (week > 2)  # named at session 2
    if course.problem is not None:
        assert (course.problem.result is not None) == (week > 3)  # assessed at session 3
    # rated every day from a week before the course until yesterday, each symptom every day
    days = [d for d, _ in course.ratings]
    assert days[0] == first - timedelta(days=demo.RATED_BEFORE)
    assert days[-1] == TODAY - timedelta(days=1)
    assert days == [days[0] + timedelta(n) for n in range(len(days))]
    assert all(len(r) == len(demo.SYMPTOMS) and all(0 <= v <= 10 for _, v in r)
               for _, r in course.ratings)  # fmt: skip


def test_the_first_week_is_a_setback() -> None:
    """The first plan fell short; what got in the way became the problem worked through."""
    course = demo.course(TODAY, 4)
    first, second = course.plans[0], course.plans[1]
    assert acknowledgement(feedback(as_plan(first), checkins(first))) == "some"
    assert first.barrier is not None
    assert second.from_idea and second.what == course.problem.ideas[course.problem.chosen]
    assert acknowledgement(feedback(as_plan(second), checkins(second))) == "all"


@pytest.mark.parametrize("week", WEEKS)
def test_plans_days_are_named_for_their_week(week: int) -> None:
    for plan, spec in zip(demo.course(THURSDAY, week).plans, demo.PLANS, strict=False):
        names = {weekday_name(plan.start + timedelta(days=d)) for d in spec.offsets}
        assert plan.days == tuple(d for d in WEEKDAYS if d in names)  # Monday first
        assert all(as_plan(plan).is_planned(c.day) for c in plan.checkins)


# --- this week's session: the answers typed in --auto ------------------------------------------


@pytest.mark.parametrize("week", range(2, demo.WEEKS + 1))
def test_feedback_answers_the_day_still_asked(week: int) -> None:
    """The script answers exactly the day the feedback step will ask about."""
    course = demo.course(TODAY, week)
    last = course.plans[-1]
    asked = days_to_ask(as_plan(last), checkins(last), min(TODAY, as_plan(last).end))
    said = demo.answers(TODAY, week)
    assert [k for k in said if k.startswith("feedback.20")] == [f"feedback.{asked[0]}"]
    assert len(asked) == 1


@pytest.mark.parametrize("today", [TODAY, THURSDAY])
@pytest.mark.parametrize("week", WEEKS)
def test_this_weeks_plan_as_typed(week: int, today: date) -> None:
    said = demo.answers(today, week)
    spec = demo.PLANS[week - 1]
    often = said["plan.how_often"]
    last = often[-1] if isinstance(often, tuple) else often
    days = parse_weekdays(last)
    assert set(days) == {weekday_name(today + timedelta(days=d)) for d in spec.offsets}
    assert said["plan.what"] == spec.what


@pytest.mark.parametrize("week", WEEKS)
def test_the_plans_go_through_the_coach(week: int) -> None:
    """Each week's plan is one the coach lets through, once made smaller where its first try
    was too big (so that --auto needs no answers beyond the script)."""
    spec = demo.PLANS[week - 1]
    draft = PlanDraft(spec.what, spec.how_much, spec.when,
                      parse_weekdays(demo.plan_days(spec, TODAY)), None, spec.confidence,
                      TODAY)  # fmt: skip
    findings = content.plan_coach().review(draft, 0)
    assert next_ask(findings, agreed=False, kept_low=False, asked=frozenset()).step == "save"
    if spec.first_try is not None:
        days, confidence = spec.first_try
        first = draft._replace(
            days=parse_weekdays(demo.plan_days(spec, TODAY, days)), confidence=confidence
        )
        step = next_ask(content.plan_coach().review(first, 0), agreed=False, kept_low=False,
                        asked=frozenset())  # fmt: skip
        assert step.step == "smaller"


@pytest.mark.parametrize("week", WEEKS)
def test_nothing_typed_calls_for_help(week: int) -> None:
    """The script's words are everyday ones: the demo never shows crisis signposting."""
    screen = content.screen()
    for value in demo.answers(TODAY, week).values():
        for text in value if isinstance(value, tuple) else (value,):
            assert screen.categories(text) == (), text


# --- the demo's sequence --------------------------------------------------------------------------


def test_the_steps() -> None:
    assert demo.steps_to_run(None) == ("feedback", "solve", "agenda", "goal", "plan", "trends")
    assert demo.steps_to_run("goal") == ("goal",)
    assert [demo.step_number(s) for s in demo.STEPS] == [1, 2, 3, 4, 5, 6]


def test_notes_follow_the_course() -> None:
    assert demo.feedback_note(waiting=True) is None
    assert demo.feedback_note(waiting=False) == "demo.note.feedback_none"
    assert demo.solve_note(1, wanted=False, only_step=False) == "demo.note.solve_assess"
    assert demo.solve_note(1, wanted=True, only_step=False) == "demo.note.solve_assess_then_new"
    assert demo.solve_note(1, wanted=False, only_step=True) == "demo.note.solve_assess_then_new"
    assert demo.solve_note(0, wanted=True, only_step=False) == "demo.note.solve_new"
    assert demo.solve_note(0, wanted=False, only_step=True) == "demo.note.solve_new"
    assert demo.solve_note(0, wanted=False, only_step=False) == "demo.note.solve_none"
    assert [demo.so_far_note(w) for w in (1, 2, 3, 6)] == [
        "demo.so_far_first", "demo.so_far_second", "demo.so_far", "demo.so_far"]  # fmt: skip


@pytest.mark.parametrize("week", [0, 7, -1])
def test_week_out_of_range(week: int) -> None:
    with pytest.raises(SmcoachError, match="choose a week from 1 to 6"):
        demo.parse_week(week)


def test_unknown_step_lists_the_names() -> None:
    with pytest.raises(SmcoachError) as e:
        demo.parse_step("plans")
    assert "feedback, solve, agenda, goal, plan, trends" in str(e.value)
    assert demo.parse_step(None) is None


@pytest.mark.parametrize("delay", [-1.0, float("nan"), 61.0])
def test_delay_out_of_range(delay: float) -> None:
    with pytest.raises(SmcoachError):
        demo.parse_delay(delay)
    assert demo.parse_delay(0) == 0
