"""The records smcoach keeps, as immutable named tuples (much cheaper to define at start-up than
dataclasses, which matters for a command that should feel instant)."""

from datetime import date, timedelta

from smcoach.domain.dates import weekday_name
from smcoach.records import NamedTuple

CHECK_STATUSES = ("done", "partly", "not", "rest")
_WEEK_LESS_A_DAY = timedelta(days=6)


class AgendaItem(NamedTuple):
    id: int
    text: str
    status: str  # open, done, removed
    focus: bool
    created: date
    closed: date | None = None


class Goal(NamedTuple):
    id: int
    text: str
    agenda_id: int | None
    by: date | None
    status: str  # active, done, dropped
    created: date
    closed: date | None = None


class PlanDraft(NamedTuple):
    """A plan as the person has described it so far, before it is saved."""

    what: str
    how_much: str
    when: str
    days: tuple[str, ...] | None  # fixed weekdays, or None when `times` is used
    times: int | None  # how many times this week, any days
    confidence: int
    start: date
    goal_id: int | None = None


class Plan(NamedTuple):
    id: int
    what: str
    how_much: str
    when: str
    days: tuple[str, ...] | None
    times: int | None
    confidence: int
    first_confidence: int  # the confidence given for the first draft, before any resizing
    kept_low_confidence: bool
    barrier: str | None  # what the person said might get in the way, if they looked at it
    goal_id: int | None
    start: date
    status: str  # active, ended
    created_at: str
    ended: date | None = None
    feedback: str | None = None  # how the person said the week went, at the next session
    feedback_on: date | None = None
    agreed_with_professional: bool = False  # a safety finding, agreed with a professional
    feedback_barrier: str | None = None  # what got in the way, said at feedback
    replaces: int | None = None  # the plan this one replaced part-way through its week

    @property
    def end(self) -> date:
        """The last day of the plan's week (it covers seven days from its start)."""
        return self.start + _WEEK_LESS_A_DAY

    @property
    def target(self) -> int:
        """How many days the plan asks for this week (up to its last day)."""
        if self.days is None:
            return self.times or 0
        if self.ended is None or self.ended >= self.end:  # the whole week: every day named
            return len(self.days)
        return sum(1 for d in self.week_days() if self.is_planned(d))

    @property
    def last_day(self) -> date:
        """The last day the plan asks for: its week's end, or the day it was ended if earlier
        (a plan adjusted part-way through its week, or ended by the person)."""
        end = self.start + _WEEK_LESS_A_DAY
        return end if self.ended is None or self.ended > end else self.ended

    def week_days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(7)]

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def is_planned(self, day: date) -> bool:
        """A day the person said they would act on (with 'N times a week', any day of the
        week), up to the plan's last day: the days after a plan was ended are not missed."""
        if day < self.start or day > self.last_day:
            return False
        return self.days is None or weekday_name(day) in self.days


class CheckIn(NamedTuple):
    plan_id: int
    day: date
    status: str  # one of CHECK_STATUSES
    note: str | None = None


class Question(NamedTuple):
    """A question to ask at the next appointment; `done` is the day it was asked."""

    id: int
    text: str
    created: date
    done: date | None
