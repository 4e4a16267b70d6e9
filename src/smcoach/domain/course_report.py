"""What a course's board and report say: who is listed, who completed, the figures by week,
the change in self-efficacy, and the labels that stand for participants in an anonymised
export. Pure: the store gives counts and scores already aggregated; nothing here reads a file
or the clock.

Completers. The programme counts a participant who attended at least 4 of its 6 sessions
(COMPLETER_SESSIONS of DEFAULT_WEEKS): two thirds. A course of another length keeps that share,
rounded up: 3 of 4, 4 of 5, 5 of 7, 6 of 8, 8 of 12 (never fewer than one session).

Self-efficacy change. The first score is the one taken at week 1, the last the one taken at
the course's last week. Only participants scored at both make a pair; a participant who
answered only one of them (or whose answers were too few to score, see selfefficacy.score)
is left out of the mean and counted apart, so the report says how many pairs the mean is of.
"""

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import NamedTuple

from smcoach.domain.course import (
    COMPLETER_SESSIONS,
    DEFAULT_WEEKS,
    Course,
    CoursePlan,
    Participant,
)
from smcoach.domain.dates import weekday_name

LABEL = "P"  # anonymised participants are P01, P02, …


def sessions_to_complete(weeks: int) -> int:
    """Sessions a participant must attend to count as a completer of a course of `weeks`."""
    return max(1, -(-COMPLETER_SESSIONS * weeks // DEFAULT_WEEKS))  # two thirds, rounded up


def listed(participants: Iterable[Participant], with_history: set[int]) -> list[Participant]:
    """The participants a board or report shows: every active one, and those removed who
    have a record (attendance, a plan or a self-check): their history is the course's."""
    return [p for p in participants if p.status == "active" or p.id in with_history]


def labels(participant_ids: Iterable[int]) -> dict[int, str]:
    """P01, P02, … in the order participants were added (their ids): the same labels every
    time, whatever they are renamed to. Wider numbers past 99 (P100)."""
    ordered = sorted(set(participant_ids))
    return {pid: f"{LABEL}{n:02d}" for n, pid in enumerate(ordered, 1)}


# --- figures by week ----------------------------------------------------------------------------


class WeekCounts(NamedTuple):
    """One week's records, counted by the store."""

    week: int
    present: int = 0
    absent: int = 0
    plans: int = 0
    confidence_total: int = 0
    low_confidence: int = 0  # plans under the method's line of 7
    done: int = 0
    partly: int = 0
    not_done: int = 0
    wants_problem_solving: int = 0


class WeekFigures(NamedTuple):
    week: int
    day: date  # the session's day
    present: int
    absent: int
    not_recorded: int  # listed participants with neither present nor absent recorded
    plans: int
    average_confidence: float | None  # None: no plans
    low_confidence: int
    feedback_given: int  # plans of this week whose feedback was given (at the next session)
    done: int
    partly: int
    not_done: int
    wants_problem_solving: int

    def share(self, count: int) -> float | None:
        """`count` as a share of the plans given feedback; None when none were."""
        return count / self.feedback_given if self.feedback_given else None


class SelfEfficacyChange(NamedTuple):
    first_week: int
    last_week: int
    pairs: int  # participants scored at both
    mean_first: float | None  # over the pairs
    mean_last: float | None
    mean_change: float | None  # mean of (last - first) over the pairs; None without pairs
    first_only: int  # scored at the first week only: left out
    last_only: int  # scored at the last week only: left out
    form: str | None = None  # the scale compared (the one most used in the course)
    other_scale: int = 0  # checks at those weeks on another scale: left out, never compared


class PersonFigures(NamedTuple):
    participant: Participant
    label: str
    attended: int
    completer: bool
    first_score: float | None
    last_score: float | None


class Report(NamedTuple):
    course: Course
    weeks_shown: int  # weeks 1..weeks_shown: those held so far, or with records
    sessions_needed: int
    people: list[PersonFigures]  # the listed participants, by label
    completers: int
    removed: int  # listed participants since removed
    plans: int
    weeks: list[WeekFigures]
    selfefficacy: SelfEfficacyChange


def weeks_so_far(course: Course, today: date, latest_record: int | None) -> int:
    """The weeks a report covers: up to today's course week, or the latest week with a
    record if later (records entered ahead of time); never past the course's last."""
    return min(max(course.week_on(today), latest_record or 0), course.weeks)


def selfefficacy_change(
    course: Course, scores: Mapping[int, Mapping[int, float | None]]
) -> SelfEfficacyChange:
    """The mean change from week 1 to the last week, from each participant's scores by week
    (None: taken but not scored)."""
    first_week, last_week = 1, course.weeks
    pairs: list[tuple[float, float]] = []
    first_only = last_only = 0
    for by_week in scores.values():
        first, last = by_week.get(first_week), by_week.get(last_week)
        if first is not None and last is not None and first_week != last_week:
            pairs.append((first, last))
        elif first is not None:  # (a course of one week has no change to measure)
            first_only += 1
        elif last is not None:
            last_only += 1
    n = len(pairs)
    return SelfEfficacyChange(
        first_week,
        last_week,
        n,
        sum(f for f, _ in pairs) / n if n else None,
        sum(la for _, la in pairs) / n if n else None,
        sum(la - f for f, la in pairs) / n if n else None,
        first_only,
        last_only,
    )


def report(
    course: Course,
    participants: list[Participant],
    with_history: set[int],
    attended: Mapping[int, int],
    counts: Iterable[WeekCounts],
    scores: Mapping[int, Mapping[int, float | None]],
    today: date,
    form: str | None = None,
    other_scale: int = 0,
) -> Report:
    """The course's figures. `attended`: sessions attended by participant; `counts`: the
    records of each week; `scores`: self-efficacy scores by participant and week, on the
    scale `form` (`other_scale`: the checks on another, left out)."""
    people = listed(participants, with_history)
    label = labels(p.id for p in people)
    needed = sessions_to_complete(course.weeks)
    figures = [
        PersonFigures(
            p,
            label[p.id],
            attended.get(p.id, 0),
            attended.get(p.id, 0) >= needed,
            scores.get(p.id, {}).get(1),
            scores.get(p.id, {}).get(course.weeks),
        )
        for p in sorted(people, key=lambda p: p.id)
    ]
    by_week = {c.week: c for c in counts}
    shown = weeks_so_far(course, today, max(by_week, default=None))
    weeks = []
    for week in range(1, shown + 1):
        c = by_week.get(week, WeekCounts(week))
        day = course.session_day(week)
        expected = sum(1 for p in people if p.removed is None or p.removed > day)
        given = c.done + c.partly + c.not_done
        weeks.append(
            WeekFigures(
                week,
                day,
                c.present,
                c.absent,
                max(expected - c.present - c.absent, 0),
                c.plans,
                c.confidence_total / c.plans if c.plans else None,
                c.low_confidence,
                given,
                c.done,
                c.partly,
                c.not_done,
                c.wants_problem_solving,
            )
        )
    listed_ids = {p.id for p in people}
    return Report(
        course,
        shown,
        needed,
        figures,
        sum(f.completer for f in figures),
        sum(p.status == "removed" for p in people),
        sum(c.plans for c in by_week.values()),
        weeks,
        selfefficacy_change(course, {k: v for k, v in scores.items() if k in listed_ids})._replace(
            form=form, other_scale=other_scale
        ),
    )


# --- anonymising free text ----------------------------------------------------------------------


class NameReplacer:
    """Replaces each participant name of a course found in a text, as a whole word and in any
    case, by that participant's label: a plan may name its maker or someone else in the group.
    A name that is also an ordinary word (May, Will) is replaced there too: the safe side.
    Two participants of the same name (one since removed): the text's own participant's label
    if the name is theirs, else the first added's."""

    def __init__(self, names: Mapping[int, str], label: Mapping[int, str]):
        self.by_name: dict[str, list[int]] = {}
        for pid in sorted(names):
            name = " ".join(names[pid].split())
            if name:
                for form in {name.casefold(), name.lower()}:  # 'Straße' is 'strasse' folded
                    self.by_name.setdefault(form, []).append(pid)
        self.label = label
        # Each name as written and folded, longest first ("Ann Marie" before "Ann"); spaces
        # inside a name match any run of spaces.
        forms = {" ".join(names[pid].split()) for pid in names} | set(self.by_name)
        words = sorted((f for f in forms if f), key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, w.split(" "))) for w in words)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        self.empty = not alternatives

    def __call__(self, text: str, own: int | None = None) -> str:
        """`text` with every name in it replaced; `own`: the participant whose text it is."""
        if self.empty or not text:
            return text

        def label_of(match: "re.Match[str]") -> str:
            found = " ".join(match.group(0).split())
            ids = self.by_name.get(found.casefold()) or self.by_name.get(found.lower())
            if not ids:  # matched by a case rule the two foldings miss: still replaced
                ids = next(iter(self.by_name.values()))
            return self.label[own if own in ids else ids[0]]

        return self.pattern.sub(label_of, text)


# --- the board ----------------------------------------------------------------------------------


class BoardCell(NamedTuple):
    week: int
    present: bool | None  # None: nothing recorded for the week (not the same as absent)
    plan: CoursePlan | None  # the plan made at this week's session, with its feedback if given


class BoardRow(NamedTuple):
    participant: Participant
    cells: list[BoardCell]  # weeks 1..the board's week


class Board(NamedTuple):
    course: Course
    week: int  # the latest week shown
    rows: list[BoardRow]


def board(
    course: Course,
    week: int,
    participants: list[Participant],
    with_history: set[int],
    present: Mapping[tuple[int, int], bool],
    plans: Mapping[tuple[int, int], CoursePlan],
) -> Board:
    """The weeks 1..`week` of each listed participant, in the order given (by name)."""
    rows = [
        BoardRow(
            p,
            [
                BoardCell(w, present.get((p.id, w)), plans.get((p.id, w)))
                for w in range(1, week + 1)
            ],
        )
        for p in listed(participants, with_history)
    ]
    return Board(course, week, rows)


def plan_week(course: Course, plan: CoursePlan) -> tuple[date, date]:
    """The days a plan is for: from its session to the day before the next."""
    first = course.session_day(plan.week)
    return first, course.session_day(plan.week + 1) - timedelta(days=1)


def planned_days(course: Course, plan: CoursePlan) -> list[date | None]:
    """A line for each day the plan asks for: its named weekdays' dates in its week, or, for
    "N times", N lines with no day (None) for the participant to fill in."""
    if plan.days is None:
        return [None] * (plan.times or 0)
    first, _ = plan_week(course, plan)
    week = [first + timedelta(days=n) for n in range(7)]
    return [d for d in week if weekday_name(d) in plan.days]
