"""The appointment summary: what a person brings to a clinician, gathered from their records.

Pure: `build` takes the records (as the store returns them) and today's date, and arranges
them into a `Summary`; it reads no clock and no file. The weekly figures are arranged by
domain/trends.py, exactly as `smcoach trends` shows them. Rendering (Markdown, HTML) is in
render/summary.py; gathering from the store is in cli/summary.py.

Every section is always present: an empty one is an empty tuple (or None), and the renderers
say so in words rather than leave the section out.
"""

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from smcoach.domain.models import AgendaItem, CheckIn, Goal, Plan, Question
from smcoach.domain.problems import CLOSED, Attempt, Idea, Problem
from smcoach.domain.selfefficacy import FORM, Selfcheck
from smcoach.domain.symptoms import RECENT_DAYS, Symptom
from smcoach.domain.trends import PlanWeekFigures, monday_of, rows
from smcoach.domain.week import Tally, tally

TREND_WEEKS = 4  # the weeks of trends shown: this ISO week and the three before it
AVERAGE_DAYS = RECENT_DAYS  # symptom averages: the 28 days up to and including the day


class PlanThisWeek(NamedTuple):
    """A plan whose week includes the summary's day, with what has been done of it so far."""

    plan: Plan
    progress: Tally  # its check-ins up to the summary's day, counted as the method does


class TrendWeek(NamedTuple):
    """One ISO week of the trends, oldest first."""

    week: str  # ISO week key, e.g. 2026-W48
    monday: date
    plans: int  # plans made that week
    achieved: float | None  # planned days done (a partly-done day counts half)
    counted: float | None  # planned days, less rest days; None while the week is under way
    confidence: float | None  # mean confidence of the plans made that week
    selfefficacy: float | None  # mean SEMCD-6 score, if the scale was taken that week
    symptoms: tuple[tuple[str, float | None], ...]  # (name, weekly average) per symptom column
    under_way: bool  # the week has not ended yet on the summary's day

    @property
    def empty(self) -> bool:
        """Nothing recorded that week."""
        return (
            self.plans == 0
            and self.selfefficacy is None
            and all(v is None for _, v in self.symptoms)
        )


class SymptomAverage(NamedTuple):
    name: str
    higher_is_better: bool
    average: float | None  # None: no rating in the last AVERAGE_DAYS days


class Tried(NamedTuple):
    """An idea chosen to try for a problem, and how it went."""

    idea: str
    started: date
    result: str | None  # one of problems.RESULTS; None: still being tried
    assessed: date | None


class OpenProblem(NamedTuple):
    problem: Problem
    tried: tuple[Tried, ...]  # in the order tried


class Summary(NamedTuple):
    made: date
    agenda: tuple[AgendaItem, ...]  # open items, the focus marked on its item
    goals: tuple[Goal, ...]  # active goals
    plans: tuple[PlanThisWeek, ...]  # active plans whose week includes `made`
    weeks: tuple[TrendWeek, ...]  # the last TREND_WEEKS ISO weeks, oldest first
    symptom_columns: tuple[tuple[str, bool], ...]  # (name, higher_is_better) in the trends
    symptoms: tuple[SymptomAverage, ...]  # active symptoms, averaged over AVERAGE_DAYS
    problems: tuple[OpenProblem, ...]  # not solved and not set aside
    selfefficacy: Selfcheck | None  # the latest time the scale was taken
    questions: tuple[Question, ...]  # not asked yet

    @property
    def has_trends(self) -> bool:
        return any(not w.empty for w in self.weeks)


def trend_window(day: date) -> list[date]:
    """The Mondays of the weeks the summary's trends cover, oldest first, ending with the
    week of `day` (as `smcoach trends --weeks 4`)."""
    last = monday_of(day)
    return [last - timedelta(weeks=n) for n in range(TREND_WEEKS - 1, -1, -1)]


def average_window(day: date) -> tuple[date, date]:
    """The first and last days the symptom averages cover (both included)."""
    return day - timedelta(days=AVERAGE_DAYS - 1), day


def build(
    day: date,
    *,
    agenda: Sequence[AgendaItem],
    goals: Sequence[Goal],
    plans: Sequence[Plan],
    checkins: Mapping[int, Sequence[CheckIn]],
    plan_weeks: Mapping[str, PlanWeekFigures],
    selfefficacy_weeks: Mapping[str, float],
    symptom_weeks: Mapping[str, Mapping[str, float]],
    symptoms: Sequence[Symptom],
    averages: Mapping[int, float | None],
    problems: Sequence[Problem],
    ideas: Mapping[int, Sequence[Idea]],
    attempts: Mapping[int, Sequence[Attempt]],
    selfchecks: Sequence[Selfcheck],
    questions: Sequence[Question],
    selfefficacy_form: str = FORM,
) -> Summary:
    """Arrange the records into a summary made on `day`.

    `plan_weeks`, `selfefficacy_weeks` and `symptom_weeks` are keyed by ISO week (as the
    store's trend queries return them; weeks outside the window are ignored). `symptoms` may
    include removed ones (they name the trend columns); only active ones get an average.
    `averages` holds each symptom's average over the AVERAGE_DAYS days up to and including
    `day`, by symptom ID. `selfefficacy_weeks` are the scores of `selfefficacy_form` only,
    and the latest check shown is one on that form. Records that are closed (done agenda
    items, solved problems, asked questions, ended plans…) are left out, whatever the caller
    passes."""
    columns = _columns(day, symptom_weeks, symptoms)
    return Summary(
        made=day,
        agenda=tuple(i for i in agenda if i.status == "open"),
        goals=tuple(g for g in goals if g.status == "active"),
        plans=_plans(day, plans, checkins),
        weeks=_weeks(day, plan_weeks, selfefficacy_weeks, symptom_weeks, columns),
        symptom_columns=columns,
        symptoms=tuple(
            SymptomAverage(s.name, s.higher_is_better, averages.get(s.id))
            for s in symptoms
            if s.status == "active"
        ),
        problems=tuple(
            OpenProblem(p, _tried(ideas.get(p.id, ()), attempts.get(p.id, ())))
            for p in problems
            if p.status not in CLOSED
        ),
        selfefficacy=_latest(day, selfchecks, selfefficacy_form),
        questions=tuple(q for q in questions if q.done is None),
    )


def _plans(
    day: date, plans: Sequence[Plan], checkins: Mapping[int, Sequence[CheckIn]]
) -> tuple[PlanThisWeek, ...]:
    found = []
    for plan in sorted(plans, key=lambda p: (p.start, p.id)):
        if plan.status != "active" or not plan.covers(day):
            continue
        counted = [c for c in checkins.get(plan.id, ()) if c.day <= day]
        found.append(PlanThisWeek(plan, tally(plan, counted)))
    return tuple(found)


def _weeks(
    day: date,
    plan_weeks: Mapping[str, PlanWeekFigures],
    selfefficacy_weeks: Mapping[str, float],
    symptom_weeks: Mapping[str, Mapping[str, float]],
    columns: tuple[tuple[str, bool], ...],
) -> tuple[TrendWeek, ...]:
    mondays = trend_window(day)
    weekly = rows(mondays, plan_weeks, selfefficacy_weeks, symptom_weeks)
    found = []
    for row in weekly:
        figures = plan_weeks.get(row.week)
        found.append(
            TrendWeek(
                week=row.week,
                monday=row.monday,
                plans=row.plans,
                achieved=figures.achieved if figures and figures.counted is not None else None,
                counted=figures.counted if figures else None,
                confidence=row.confidence,
                selfefficacy=row.selfefficacy,
                symptoms=tuple((name, row.symptoms.get(name)) for name, _ in columns),
                under_way=row.monday + timedelta(days=6) >= day,
            )
        )
    return tuple(found)


def _columns(
    day: date, symptom_weeks: Mapping[str, Mapping[str, float]], symptoms: Sequence[Symptom]
) -> tuple[tuple[str, bool], ...]:
    """The symptoms with a rating in the window, in the trends' order, with which way is
    better (as the most recent symptom of that name says)."""
    from smcoach.domain.dates import iso_week
    from smcoach.domain.symptoms import normalise

    keys = {iso_week(m) for m in trend_window(day)}
    better = {normalise(s.name): s.higher_is_better for s in symptoms}  # in ID order: latest wins
    return tuple(
        (name, better.get(normalise(name), False))
        for name, by_week in sorted(symptom_weeks.items())
        if any(week in keys for week in by_week)
    )


def _tried(ideas: Sequence[Idea], attempts: Sequence[Attempt]) -> tuple[Tried, ...]:
    texts = {i.id: i.text for i in ideas}
    return tuple(
        Tried(texts.get(a.idea_id, ""), a.started, a.result, a.assessed)
        for a in sorted(attempts, key=lambda a: (a.started, a.id))
    )


def _latest(day: date, selfchecks: Sequence[Selfcheck], form: str) -> Selfcheck | None:
    """The latest check on `form` taken on or before `day`."""
    taken = [c for c in selfchecks if c.form == form and c.day <= day]
    return max(taken, key=lambda c: (c.day, c.id), default=None)
