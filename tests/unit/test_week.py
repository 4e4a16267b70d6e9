"""Unit and property tests for a plan's week: models.Plan, progress, days_to_ask, next_steps."""

import inspect
import re
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach.domain import week
from smcoach.domain.dates import WEEKDAYS, weekday_name
from smcoach.domain.models import CHECK_STATUSES, AgendaItem, CheckIn, Plan
from smcoach.domain.week import PlanWeek, Progress, Step, days_to_ask, next_steps, progress
from smcoach.messages import TEXT, t

MON = date(2026, 11, 23)  # the plans below start on this Monday and end on Sunday 29th
TUE, WED, THU, FRI, SAT, SUN = (MON + timedelta(days=i) for i in range(1, 7))

ALL_NEXT_CODES = {
    "check_yesterday",
    "ends_tomorrow",
    "ends_today",
    "ends_today_answered",
    "week_over",
    "add_agenda",
    "choose_focus",
    "new_plan",
    "check_today",
    "all_checked",
    "upcoming",
    "selfcheck_due",
}


def plan(**changes: Any) -> Plan:
    """A plan for mon, wed, fri of the week starting Monday 2026-11-23, with changes."""
    values: dict[str, Any] = {
        "id": 1,
        "what": "walk round the park",
        "how_much": "15 minutes",
        "when": "after lunch",
        "days": ("mon", "wed", "fri"),
        "times": None,
        "confidence": 8,
        "first_confidence": 8,
        "kept_low_confidence": False,
        "barrier": None,
        "goal_id": None,
        "start": MON,
        "status": "active",
        "created_at": "2026-11-23T09:00:00",
    }
    values.update(changes)
    return Plan(**values)


def times_plan(**changes: Any) -> Plan:
    return plan(**{"days": None, "times": 3, **changes})


def checks(plan_id: int, *days: date, status: str = "done") -> list[CheckIn]:
    return [CheckIn(plan_id, d, status) for d in days]


def item(id: int = 1, focus: bool = False) -> AgendaItem:
    return AgendaItem(id, "be more active", "open", focus, date(2026, 11, 1))


def step_codes(steps: list[Step]) -> list[str]:
    return [s.code for s in steps]


# progress -----------------------------------------------------------------------------------


def test_progress_counts_each_status() -> None:
    found = progress(
        checks(1, MON, WED, status="done")
        + checks(1, FRI, status="partly")
        + checks(1, TUE, status="not")
        + checks(1, SUN, status="rest")
    )
    assert found == Progress(done=2, partly=1, not_done=1, rest=1)
    assert found.achieved == 2.5


def test_progress_of_nothing_is_zero() -> None:
    assert progress([]) == Progress(0, 0, 0, 0)
    assert progress([]).achieved == 0


def test_partly_counts_half() -> None:
    assert progress(checks(1, MON, TUE, WED, status="partly")).achieved == 1.5
    assert Progress(done=3, partly=0).achieved == 3


@given(st.lists(st.sampled_from(CHECK_STATUSES), max_size=7))
def test_progress_adds_up(statuses: list[str]) -> None:
    found = progress([CheckIn(1, MON + timedelta(days=i), s) for i, s in enumerate(statuses)])
    assert found.done == statuses.count("done")
    assert found.partly == statuses.count("partly")
    assert found.not_done == statuses.count("not")
    assert found.rest == statuses.count("rest")
    assert sum(found) == len(statuses)
    assert found.achieved == statuses.count("done") + statuses.count("partly") / 2


# Plan ---------------------------------------------------------------------------------------


def test_a_days_plan_week() -> None:
    p = plan()
    assert p.end == SUN == date(2026, 11, 29)
    assert p.target == 3
    assert p.week_days() == [MON, TUE, WED, THU, FRI, SAT, SUN]
    assert [p.covers(d) for d in (MON - timedelta(days=1), MON, SUN, SUN + timedelta(days=1))] == [
        False,
        True,
        True,
        False,
    ]
    assert [d for d in p.week_days() if p.is_planned(d)] == [MON, WED, FRI]
    assert not p.is_planned(MON + timedelta(days=7))  # a Monday, but the next week
    assert not p.is_planned(MON - timedelta(days=7))


def test_a_days_plan_starting_midweek() -> None:
    p = plan(start=THU, days=("mon", "thu"))
    assert p.end == date(2026, 12, 2)
    assert [d for d in p.week_days() if p.is_planned(d)] == [THU, date(2026, 11, 30)]
    assert not p.is_planned(MON)
    assert p.target == 2


def test_a_times_plan_week() -> None:
    p = times_plan(times=4)
    assert p.target == 4
    assert p.end == SUN
    assert all(p.is_planned(d) for d in p.week_days())
    assert not p.is_planned(MON - timedelta(days=1))
    assert not p.is_planned(SUN + timedelta(days=1))


def test_target_with_neither_days_nor_times_is_zero() -> None:
    assert plan(days=None, times=None).target == 0


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    days=st.lists(st.sampled_from(WEEKDAYS), min_size=1, unique=True).map(tuple),
    offset=st.integers(min_value=-10, max_value=16),
)
def test_plan_week_properties(start: date, days: tuple[str, ...], offset: int) -> None:
    p = plan(start=start, days=days)
    week_days = p.week_days()
    assert len(week_days) == 7
    assert week_days[0] == start and week_days[-1] == p.end == start + timedelta(days=6)
    assert sum(p.is_planned(d) for d in week_days) == len(days) == p.target
    day = start + timedelta(days=offset)
    assert p.covers(day) == (0 <= offset <= 6)
    assert p.is_planned(day) == (0 <= offset <= 6 and weekday_name(day) in days)


# days_to_ask --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "answered", "expected"),
    [
        (MON - timedelta(days=1), [], []),
        (MON, [], [MON]),
        (TUE, [], [MON]),
        (THU, [MON], [WED]),
        (FRI, [MON], [WED, FRI]),
        (FRI, [MON, WED, FRI], []),
        (SUN, [WED], [MON, FRI]),
        (date(2026, 12, 10), [], [MON, WED, FRI]),
    ],
)
def test_days_to_ask_for_a_days_plan(
    today: date, answered: list[date], expected: list[date]
) -> None:
    assert days_to_ask(plan(), checks(1, *answered), today) == expected


def test_days_to_ask_for_a_times_plan() -> None:
    assert days_to_ask(times_plan(), checks(1, TUE), WED) == [MON, WED]
    assert days_to_ask(times_plan(), [], MON) == [MON]
    assert days_to_ask(times_plan(), checks(1, MON, TUE, THU), SUN) == [WED, FRI, SAT, SUN]


def test_any_status_counts_as_an_answer() -> None:
    for status in CHECK_STATUSES:
        assert days_to_ask(plan(), checks(1, MON, status=status), WED) == [WED]


@given(
    days=st.one_of(st.none(), st.lists(st.sampled_from(WEEKDAYS), min_size=1, unique=True)),
    answered=st.sets(st.integers(min_value=0, max_value=6)),
    offset=st.integers(min_value=-3, max_value=12),
)
def test_days_to_ask_are_planned_past_and_unanswered(
    days: list[str] | None, answered: set[int], offset: int
) -> None:
    p = plan(days=tuple(days) if days is not None else None, times=3 if days is None else None)
    today = MON + timedelta(days=offset)
    answered_days = [MON + timedelta(days=i) for i in sorted(answered)]
    asked = days_to_ask(p, checks(1, *answered_days), today)
    assert asked == sorted(asked)
    expected = [
        d for d in p.week_days() if d <= today and p.is_planned(d) and d not in answered_days
    ]
    assert asked == expected
    if offset >= 6 and not answered:
        planned = len(days) if days is not None else 7
        assert len(asked) == planned


# next_steps ---------------------------------------------------------------------------------


def test_nothing_yet_suggests_an_agenda_and_a_plan() -> None:
    assert next_steps(WED, [], []) == [Step("add_agenda"), Step("new_plan")]


def test_open_agenda_without_focus_suggests_choosing_one() -> None:
    assert step_codes(next_steps(WED, [item(1), item(2)], [])) == ["choose_focus", "new_plan"]


def test_agenda_with_a_focus_suggests_only_a_plan() -> None:
    assert step_codes(next_steps(WED, [item(1), item(2, focus=True)], [])) == ["new_plan"]


def test_yesterday_planned_and_unanswered_comes_first() -> None:
    steps = next_steps(THU, [item(focus=True)], [PlanWeek(plan(), checks(1, MON))])
    assert steps[0] == Step("check_yesterday", {"id": 1})
    assert step_codes(steps) == ["check_yesterday"]


def test_yesterday_answered_or_not_planned_is_not_asked() -> None:
    assert "check_yesterday" not in step_codes(
        next_steps(THU, [], [PlanWeek(plan(), checks(1, MON, WED))])
    )
    assert "check_yesterday" not in step_codes(next_steps(WED, [], [PlanWeek(plan(), [])]))
    # the day before the plan's first day is not part of the plan
    assert "check_yesterday" not in step_codes(
        next_steps(TUE, [], [PlanWeek(plan(start=TUE, days=("mon", "tue")), [])])
    )


def test_a_week_ending_tomorrow() -> None:
    steps = next_steps(SAT, [], [PlanWeek(plan(), checks(1, MON, WED, FRI))])
    assert steps == [Step("ends_tomorrow", {"id": 1})]


def test_a_week_ending_tomorrow_with_yesterday_unanswered() -> None:
    steps = next_steps(SAT, [], [PlanWeek(plan(), checks(1, MON, WED))])
    assert steps == [Step("check_yesterday", {"id": 1}), Step("ends_tomorrow", {"id": 1})]


def test_a_week_ending_today_says_check_in_tonight_only_when_today_is_due() -> None:
    # Sunday is not one of mon, wed, fri: no "check in tonight" (the newcomer's report)
    steps = next_steps(SUN, [], [PlanWeek(plan(), checks(1, MON, WED, FRI))])
    assert steps == [Step("ends_today_answered", {"id": 1})]
    sundays = plan(days=("mon", "sun"))
    assert next_steps(SUN, [], [PlanWeek(sundays, checks(1, MON))]) == [
        Step("ends_today", {"id": 1})
    ]
    assert next_steps(SUN, [], [PlanWeek(sundays, checks(1, MON, SUN))]) == [
        Step("ends_today_answered", {"id": 1})
    ]


def test_a_times_plan_with_its_target_met_asks_nothing_more() -> None:
    met = checks(1, MON, TUE, WED)
    assert next_steps(THU, [], [PlanWeek(times_plan(), met)]) == [Step("all_checked")]
    assert next_steps(SUN, [], [PlanWeek(times_plan(), met)]) == [
        Step("ends_today_answered", {"id": 1})
    ]


def test_tally_counts_only_planned_days_and_shows_extras() -> None:
    from smcoach.domain.week import tally

    # one done, one rest day, out of two planned: not "all of it"
    two = plan(days=("mon", "wed"))
    total = tally(two, [CheckIn(1, MON, "done"), CheckIn(1, WED, "rest")])
    assert (total.achieved, total.target, total.rest, total.counted) == (1, 2, 1, 1)
    assert total.met
    # a day not planned does not make up for a missed planned day: it is an extra
    total = tally(two, [CheckIn(1, MON, "done"), CheckIn(1, WED, "not"), CheckIn(1, TUE, "done")])
    assert (total.achieved, total.extra, total.met) == (1, 1, False)
    # a times-a-week plan never counts over its target
    total = tally(plan(days=None, times=2), checks(1, MON, TUE, WED, THU))
    assert (total.achieved, total.target, total.extra) == (2, 2, 2)
    # partly counts half
    total = tally(two, [CheckIn(1, MON, "partly"), CheckIn(1, WED, "done")])
    assert (total.achieved, total.partly, total.met) == (1.5, 1, False)


def test_day_states_after_a_times_target_is_met_leave_nothing_still_to_come() -> None:
    from smcoach.domain.week import day_states

    twice = plan(days=None, times=2)
    states = dict(day_states(twice, checks(1, MON, TUE), WED))
    assert states[MON] == states[TUE] == "done"
    assert {states[d] for d in (WED, THU, FRI, SAT, SUN)} == {""}
    states = dict(day_states(twice, checks(1, MON), WED))
    assert (states[TUE], states[WED], states[THU]) == ("", "open", "later")
    fixed = dict(day_states(plan(), checks(1, MON), THU))
    assert (fixed[MON], fixed[TUE], fixed[WED], fixed[FRI]) == ("done", "", "open", "later")


def test_a_finished_week_is_over() -> None:
    old = plan(id=4, start=MON - timedelta(days=7))
    steps = next_steps(MON, [], [PlanWeek(old, [])])
    assert steps[0] == Step("week_over", {"id": 4, "end": date(2026, 11, 22)})
    assert step_codes(steps) == ["week_over", "add_agenda", "new_plan"]


def test_a_finished_week_next_to_a_current_one() -> None:
    old = plan(id=4, start=MON - timedelta(days=7))
    steps = next_steps(TUE, [item(focus=True)], [PlanWeek(old, []), PlanWeek(plan(id=5), [])])
    assert steps == [
        Step("check_yesterday", {"id": 5}),
        Step("week_over", {"id": 4, "end": date(2026, 11, 22)}),
    ]


def test_all_answered_and_today_planned_suggests_checking_today() -> None:
    assert next_steps(WED, [item(focus=True)], [PlanWeek(plan(), checks(1, MON))]) == [
        Step("check_today", {"id": 1})
    ]
    assert next_steps(MON, [], [PlanWeek(plan(), [])]) == [Step("check_today", {"id": 1})]


def test_nothing_due_means_all_checked() -> None:
    assert next_steps(WED, [], [PlanWeek(plan(), checks(1, MON, WED))]) == [Step("all_checked")]
    assert next_steps(TUE, [], [PlanWeek(plan(), checks(1, MON))]) == [Step("all_checked")]


def test_a_times_plan_asks_every_day() -> None:
    assert next_steps(WED, [], [PlanWeek(times_plan(), checks(1, MON))]) == [
        Step("check_yesterday", {"id": 1})
    ]
    assert next_steps(WED, [], [PlanWeek(times_plan(), checks(1, MON, TUE))]) == [
        Step("check_today", {"id": 1})
    ]


def test_two_current_plans_are_each_considered() -> None:
    a = PlanWeek(plan(id=1), checks(1, MON, WED))
    b = PlanWeek(times_plan(id=2), checks(2, MON))
    assert next_steps(THU, [], [a, b]) == [Step("check_yesterday", {"id": 2})]
    c = PlanWeek(plan(id=3, days=("thu",)), [])
    # the plan due today is named: 'smcoach check --done' would ask which of two
    assert next_steps(THU, [], [a, c]) == [Step("check_today", {"id": 3})]


def test_a_plan_starting_tomorrow_is_not_a_reason_to_make_a_new_plan() -> None:
    # 'plan new --start "next mon"' made on a Sunday: the plan exists, it just has not begun.
    # The today view should not tell the person to "Make this week's action plan".
    steps = next_steps(MON - timedelta(days=1), [item(focus=True)], [PlanWeek(plan(), [])])
    assert "new_plan" not in step_codes(steps)
    assert steps == [Step("upcoming", {"id": 1, "start": MON})]


def test_a_selfcheck_due_comes_after_every_other_step() -> None:
    assert "selfcheck_due" not in step_codes(next_steps(WED, [], []))
    assert step_codes(next_steps(WED, [], [], selfcheck_due=True)) == [
        "add_agenda",
        "new_plan",
        "selfcheck_due",
    ]
    weeks = [PlanWeek(plan(), checks(1, MON))]
    assert step_codes(next_steps(WED, [item(focus=True)], weeks, selfcheck_due=True)) == [
        "check_today",
        "selfcheck_due",
    ]


def test_every_code_in_the_week_source_is_known() -> None:
    source = inspect.getsource(week)
    found = set(re.findall(r'Step\(\s*"(\w+)"', source))
    found |= set(re.findall(r'else\s+"(\w+)"', source))
    assert found == ALL_NEXT_CODES


@pytest.mark.parametrize("code", sorted(ALL_NEXT_CODES))
def test_every_next_step_has_a_message_that_formats(code: str) -> None:
    key = f"next.{code}"
    assert key in TEXT
    text = t(key, id=3, end=date(2026, 11, 22), start=date(2026, 11, 30))
    assert text.strip()
    assert "{" not in text and "}" not in text


@given(
    offset=st.integers(min_value=-8, max_value=16),
    answered=st.sets(st.integers(min_value=0, max_value=6)),
    focus=st.booleans(),
    has_agenda=st.booleans(),
    days=st.one_of(st.none(), st.lists(st.sampled_from(WEEKDAYS), min_size=1, unique=True)),
)
def test_next_steps_always_give_known_formattable_steps(
    offset: int, answered: set[int], focus: bool, has_agenda: bool, days: list[str] | None
) -> None:
    p = plan(days=tuple(days) if days is not None else None, times=3 if days is None else None)
    today = MON + timedelta(days=offset)
    agenda = [item(focus=focus)] if has_agenda else []
    steps = next_steps(
        today, agenda, [PlanWeek(p, checks(1, *(MON + timedelta(days=i) for i in answered)))]
    )
    assert steps
    for s in steps:
        assert s.code in ALL_NEXT_CODES
        assert t(f"next.{s.code}", **s.values)
    codes = step_codes(steps)
    assert ("week_over" in codes) == (today > p.end)
    if p.covers(today):
        assert "new_plan" not in codes
