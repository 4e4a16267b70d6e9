"""A plan's week: what was planned, what has been checked, and the next step to suggest."""

from datetime import date, timedelta
from typing import NamedTuple

from smcoach.domain.models import AgendaItem, CheckIn, Plan


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
        answered = {c.day for c in w.checkins}
        if w.plan.is_planned(yesterday) and yesterday not in answered:
            steps.append(Step("check_yesterday", {"id": w.plan.id}))
        if w.plan.end == today + timedelta(days=1):
            steps.append(Step("ends_tomorrow", {"id": w.plan.id}))
        elif w.plan.end == today:
            steps.append(Step("ends_today", {"id": w.plan.id}))
    for w in finished:
        steps.append(Step("week_over", {"id": w.plan.id, "end": w.plan.end.isoformat()}))
    for w in upcoming:
        steps.append(Step("upcoming", {"id": w.plan.id, "start": w.plan.start.isoformat()}))
    if not current and not upcoming:
        if not agenda:
            steps.append(Step("add_agenda"))
        elif not any(item.focus for item in agenda):
            steps.append(Step("choose_focus"))
        steps.append(Step("new_plan"))
    elif current and not steps:
        due_today = [
            w
            for w in current
            if w.plan.is_planned(today) and today not in {c.day for c in w.checkins}
        ]
        steps.append(Step("check_today" if due_today else "all_checked"))
    if selfcheck_due:
        steps.append(Step("selfcheck_due"))
    return steps
