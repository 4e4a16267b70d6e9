"""A plan's week: what was planned, what has been checked, and the next step to suggest."""

from datetime import date, timedelta

from smcoach.domain.models import AgendaItem, CheckIn, Plan
from smcoach.records import NamedTuple


class Progress(NamedTuple):
    done: int = 0
    partly: int = 0
    not_done: int = 0
    rest: int = 0

    @property
    def achieved(self) -> float:
        """Days done, a partly-done day counting half."""
        return self.done + self.partly / 2


def progress(checkins: list[CheckIn]) -> Progress:
    counts = {"done": 0, "partly": 0, "not": 0, "rest": 0}
    for c in checkins:
        counts[c.status] += 1
    return Progress(counts["done"], counts["partly"], counts["not"], counts["rest"])


class Tally(NamedTuple):
    """A plan's week added up the way the method counts it. A rest day excuses a planned day;
    a day done that was not planned, or done past a times-a-week target, is an extra: it is
    welcome, but it does not make up for a planned day missed."""

    target: int  # the days the plan asks for
    achieved: float  # planned days done, a partly-done day counting half; never over target
    partly: int  # of those, the days partly done
    rest: int  # planned days excused as rest days
    extra: int  # days acted on beyond the plan

    @property
    def counted(self) -> int:
        """The days that count: the target less rest days."""
        return max(self.target - self.rest, 0)

    @property
    def met(self) -> bool:
        """Every day that counts was done (a week of rest days only is not 'met')."""
        return self.counted > 0 and self.achieved >= self.counted


def tally(plan: Plan, checkins: list[CheckIn]) -> Tally:
    target = plan.target
    week = [c for c in checkins if plan.covers(c.day)]
    if plan.days is not None:
        planned = [c for c in week if plan.is_planned(c.day)]
        extra = sum(1 for c in week if not plan.is_planned(c.day) and c.status in ACTED)
    else:  # any days: the first days acted on make up the target, later ones are extras
        planned = week
        extra = max(sum(1 for c in week if c.status in ACTED) - target, 0)
    p = progress(planned)
    rest = min(p.rest, target)
    achieved = min(p.achieved, max(target - rest, 0))
    return Tally(target, achieved, p.partly, rest, extra)


ACTED = ("done", "partly")


def day_states(plan: Plan, checkins: list[CheckIn], today: date) -> list[tuple[date, str]]:
    """Each day of the plan's week with its state: a check-in's status, 'open' (a planned day
    up to today with no answer yet), 'later' (a planned day still to come) or '' (not
    planned). Once a times-a-week plan's target is met, no day is still to come; and on such
    a plan a past day with no answer is not a missed day."""
    by_day = {c.day: c.status for c in checkins}
    met = tally(plan, checkins).achieved >= plan.target
    states = []
    for d in plan.week_days():
        if d in by_day:
            state = by_day[d]
        elif not plan.is_planned(d) or (plan.days is None and (met or d < today)):
            state = ""
        elif d <= today:
            state = "open"
        else:
            state = "later"
        states.append((d, state))
    return states


def answer_due(plan: Plan, checkins: list[CheckIn], day: date) -> bool:
    """Whether a check-in for `day` is still wanted: a planned day with no answer, and for a
    times-a-week plan only while its target is not yet met."""
    if not plan.is_planned(day) or any(c.day == day for c in checkins):
        return False
    return plan.days is not None or tally(plan, checkins).achieved < plan.target


def days_to_ask(plan: Plan, checkins: list[CheckIn], today: date) -> list[date]:
    """Planned days of the plan's week, up to today, with no check-in yet."""
    answered = {c.day for c in checkins}
    return [d for d in plan.week_days() if d <= today and plan.is_planned(d) and d not in answered]


class Step(NamedTuple):
    """A suggestion for what to do next: a catalogue key ('next.<code>') and its values."""

    code: str
    values: dict[str, object] = {}  # never mutated


class PlanWeek(NamedTuple):
    plan: Plan
    checkins: list[CheckIn]


def next_steps(
    today: date, agenda: list[AgendaItem], weeks: list[PlanWeek], selfcheck_due: bool = False
) -> list[Step]:
    """What the today view suggests, most useful first.

    `agenda` holds the open items; `weeks` the plans not ended, each with its check-ins;
    `selfcheck_due` whether to suggest the self-efficacy scale (see domain.selfefficacy).
    """
    current = [w for w in weeks if w.plan.covers(today)]
    finished = [w for w in weeks if w.plan.end < today]
    upcoming = [w for w in weeks if w.plan.start > today]
    steps: list[Step] = []
    yesterday = today - timedelta(days=1)
    for w in current:
        if answer_due(w.plan, w.checkins, yesterday):
            steps.append(Step("check_yesterday", {"id": w.plan.id}))
        if w.plan.end == today + timedelta(days=1):
            steps.append(Step("ends_tomorrow", {"id": w.plan.id}))
        elif w.plan.end == today:
            due = answer_due(w.plan, w.checkins, today)
            steps.append(Step("ends_today" if due else "ends_today_answered", {"id": w.plan.id}))
    for w in finished:
        steps.append(Step("week_over", {"id": w.plan.id, "end": w.plan.end}))
    for w in upcoming:
        steps.append(Step("upcoming", {"id": w.plan.id, "start": w.plan.start}))
    if not current and not upcoming:
        if not agenda:
            steps.append(Step("add_agenda"))
        elif not any(item.focus for item in agenda):
            steps.append(Step("choose_focus"))
        steps.append(Step("new_plan"))
    elif current and not steps:
        due_now = [w.plan.id for w in current if answer_due(w.plan, w.checkins, today)]
        if due_now:  # the plan is named: with two current plans, 'check --done' must say which
            steps.append(Step("check_today", {"id": due_now[0]}))
        else:
            steps.append(Step("all_checked"))
    if selfcheck_due:
        steps.append(Step("selfcheck_due"))
    return steps
