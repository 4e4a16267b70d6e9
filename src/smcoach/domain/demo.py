"""The classroom demonstration (`smcoach demo`), pure: a fictional participant's course so far,
as records, and the demo's sequence of steps with the answers it types in --auto.

The participant, Jo (made up), is on a six-week course. Session k of the course is held on
`session_day(today, week, k)`: the demo is at session `week`, today, and the sessions before
it happened a week apart. What Jo did at each earlier session and in each week between is the
data; what Jo says at this week's session is the script of answers. Both come from the same
tables below (one course, whatever the week), and the only randomness, the daily symptom
ratings, comes from a fixed seed: every run on the same day is the same, and every run looks
current because every date is counted back from today.
"""

import random
from collections.abc import Mapping
from datetime import date, timedelta
from typing import NamedTuple

from smcoach.domain.dates import WEEKDAYS, parse_goal_day, weekday_name
from smcoach.domain.selfefficacy import form_for
from smcoach.errors import SmcoachError
from smcoach.i18n import language, translate, weekday_text
from smcoach.messages import t

WEEKS = 6  # the course's sessions, a week apart
SEED = 2026  # the daily ratings' only source of chance: fixed, so every run is the same
DEFAULT_WEEK = 3  # by week 3 the course has a setback, a problem worked through and trends

# The demo's steps: the weekly sequence of the method, then the trends.
STEPS = ("feedback", "solve", "agenda", "goal", "plan", "trends")


def parse_week(value: int) -> int:
    if not 1 <= value <= WEEKS:
        raise SmcoachError(t("demo.bad_week", got=value, weeks=WEEKS))
    return value


def parse_step(name: str | None) -> str | None:
    if name is not None and name not in STEPS:
        raise SmcoachError(t("demo.bad_step", step=name, steps=", ".join(STEPS)))
    return name


def parse_delay(value: float) -> float:
    if not 0 <= value <= 60:  # NaN fails both
        raise SmcoachError(t("demo.bad_delay", got=f"{value:g}"))
    return value


def steps_to_run(only: str | None) -> tuple[str, ...]:
    """The demo's steps in order: all six, or the one asked for."""
    return STEPS if only is None else (only,)


def step_number(step: str) -> int:
    """A step's place in the weekly sequence (1-6), also when it is shown on its own."""
    return STEPS.index(step) + 1


def so_far_note(week: int) -> str:
    """What the course holds before the session shown."""
    return {1: "demo.so_far_first", 2: "demo.so_far_second"}.get(week, "demo.so_far")


# --- what the demo says about a step, from the state of the course when it starts -------------


def feedback_note(waiting: bool) -> str | None:
    """A line on this week's feedback: none when a plan is waiting for it."""
    return None if waiting else "demo.note.feedback_none"


def solve_note(to_revisit: int, wanted: bool, only_step: bool) -> str:
    """What problem-solving will do now: look at how an idea went, work on a new problem,
    both, or nothing (as in a real session, where this step is only taken when there is a
    need)."""
    new = wanted or only_step  # (shown on its own, the step works on a problem anyway)
    if to_revisit:
        return "demo.note.solve_assess_then_new" if new else "demo.note.solve_assess"
    return "demo.note.solve_new" if new else "demo.note.solve_none"


# --- the course ---------------------------------------------------------------------------------


class PlanSpec(NamedTuple):
    """An action plan of the course, made at session `session` (its week starts that day)."""

    session: int
    what: str
    how_much: str
    when: str
    offsets: tuple[int, ...]  # its days, as days after the session (weekday names vary)
    confidence: int
    first_try: tuple[tuple[int, ...], int] | None = None  # days and confidence, made smaller


class WeekSpec(NamedTuple):
    """How the week of plan k went, and what Jo said of it at the next session."""

    statuses: tuple[str, ...]  # one a planned day, in order
    notes: Mapping[int, str]  # by the planned day's place
    how: str
    barrier: str | None = None  # asked when the week fell short
    solve: str | None = None  # "yes"/"no": asked when the week fell short


GOAL = "Walk to the allotment and back without stopping"
GOAL_BY = "in 3 months"
AGENDA = (
    "Knee pain when I walk any distance",
    "Running out of energy by mid-afternoon",
    "Seeing friends less since I stopped work",
)
IDEA = "walk round the block every other day, with a rest day between"

PLANS = (
    PlanSpec(1, "walk round the block", "20 minutes", "after breakfast", (0, 1, 3, 5), 7),
    PlanSpec(2, IDEA, "15 minutes", "after breakfast", (0, 2, 4), 8),
    PlanSpec(
        3,
        "walk to the park and back",
        "30 minutes",
        "after breakfast",
        (0, 2, 4),
        8,
        first_try=((0, 1, 3, 5), 6),
    ),
    PlanSpec(
        4,
        "walk to the park and back with Pat from next door",
        "30 minutes",
        "mid-morning",
        (0, 2, 4),
        8,
    ),
    PlanSpec(
        5,
        "walk to the allotment and back",
        "40 minutes, with a rest on the bench",
        "mid-morning",
        (0, 2, 5),
        7,
    ),
    PlanSpec(6, "walk to the allotment and back", "40 minutes", "mid-morning", (0, 2, 4), 8),
)

WEEKS_WENT = (  # the week of PLANS[k], told at session k + 2
    WeekSpec(("done", "partly", "not", "not"), {1: "knee sore, so I turned back halfway"},
             "A good start, then my knee flared up and I stopped going",
             barrier="My knee was sore after walking two days running", solve="yes"),
    WeekSpec(("done", "done", "done"), {},
             "Better: the rest days in between really helped my knee"),
    WeekSpec(("done", "partly", "done"), {1: "heavy rain, so a shorter walk"},
             "Nearly all of it, and further than I have walked in months",
             barrier="Heavy rain one morning", solve="no"),
    WeekSpec(("done", "done", "done"), {},
             "Walking with Pat made it easier to get going, and we had a good chat"),
    WeekSpec(("done", "rest", "done"), {1: "a long day out the day before, so I rested"},
             "Two good walks, and a rest day when I needed one"),
)  # fmt: skip


class ProblemSpec(NamedTuple):
    text: str
    kind: str
    ideas: tuple[str, ...]
    choice: int  # the idea chosen, from 1
    make_plan: str  # "y": the idea becomes this week's plan


# Named at session 2, after the setback; the idea tried in week 2 is assessed at session 3.
KNEE = ProblemSpec(
    "My knee gets sore when I walk two days in a row, and then I stop walking altogether",
    "pain",
    (IDEA, "use my walking poles on the hill", "take the flat path by the canal"),
    1,
    "y",
)
KNEE_RESULT = ("worked", "Every other day suits my knee much better")
# Any other week, a problem worked on in --step solve alone.
STIFF = ProblemSpec(
    "Some mornings I am too stiff to go out, and then the day gets away from me",
    "pain",
    ("do the stretches from the physio before breakfast", "go out later on stiff mornings"),
    2,
    "n",
)

# Symptoms rated each day: (name, higher is better, first value, change over the course).
SYMPTOMS = (
    ("fatigue", False, 6.5, -2.5),
    ("knee pain", False, 5.5, -2.0),
    ("mood", True, 5.0, 2.0),
)
SELFCHECK = (5, 4, 4, 6, 5, 5)  # the self-efficacy scale, answered at the first session
RATED_BEFORE = 7  # days of ratings before the course began


# Jo's words (the texts above) are sentences of the catalogue under this context, their English
# as the msgid: a demo in Spanish shows a Spanish-speaking Jo.
JO = "demo.jo"


def jo(text: str) -> str:
    """What Jo says or wrote, in this command's language."""
    return translate(JO, text)


def jo_texts() -> list[str]:
    """Every text of Jo's, once each (for the catalogue)."""
    texts = [GOAL, GOAL_BY, *AGENDA, IDEA]
    for p in PLANS:
        texts += [p.what, p.how_much, p.when]
    for w in WEEKS_WENT:
        texts += [w.how, *w.notes.values(), *([w.barrier] if w.barrier else [])]
    for problem in (KNEE, STIFF):
        texts += [problem.text, *problem.ideas]
    texts += [KNEE_RESULT[1], *(name for name, _, _, _ in SYMPTOMS)]
    return list(dict.fromkeys(texts))


def session_day(today: date, week: int, k: int) -> date:
    return today - timedelta(days=7 * (week - k))


def plan_days(spec: PlanSpec, start: date, offsets: tuple[int, ...] | None = None) -> str:
    """The plan's days as typed: weekday names, Monday first (as smcoach keeps them)."""
    names = {weekday_name(start + timedelta(days=d)) for d in offsets or spec.offsets}
    return ",".join(d for d in WEEKDAYS if d in names)


def typed_days(spec: PlanSpec, start: date, offsets: tuple[int, ...] | None = None) -> str:
    """The plan's days as Jo types them, in this command's language: lun,mié,vie."""
    return ",".join(map(weekday_text, plan_days(spec, start, offsets).split(",")))


class CheckInRecord(NamedTuple):
    day: date
    status: str
    note: str | None


class PlanRecord(NamedTuple):
    what: str
    how_much: str
    when: str
    days: tuple[str, ...]
    confidence: int
    first_confidence: int
    start: date
    checkins: tuple[CheckInRecord, ...]
    feedback: str | None  # how the week went, said at the next session
    feedback_on: date | None
    barrier: str | None
    from_idea: bool  # made from the idea chosen in problem-solving


class ProblemRecord(NamedTuple):
    text: str
    kind: str
    created: date
    ideas: tuple[str, ...]
    chosen: int  # index into ideas
    result: str | None  # assessed at the next session
    assessed: date | None
    note: str | None


class Course(NamedTuple):
    """Everything recorded before the demo's session, in the order it happened."""

    week: int
    agenda: tuple[str, ...]
    agenda_created: date
    goal: tuple[str, date, date] | None  # text, by, set on
    plans: tuple[PlanRecord, ...]
    problem: ProblemRecord | None
    symptoms: tuple[tuple[str, bool, date], ...]  # name, higher is better, added
    ratings: tuple[tuple[date, tuple[tuple[str, int], ...]], ...]
    selfcheck: tuple[date, tuple[int, ...], str]  # day, answers, form


def course(today: date, week: int) -> Course:
    """The course so far on `today`, at the start of session `week`."""
    first = session_day(today, week, 1)
    plans = tuple(_plan_record(spec, today, week) for spec in PLANS[: week - 1])
    problem = None
    if week > 2:
        assessed = session_day(today, week, 3) if week > 3 else None
        problem = ProblemRecord(
            jo(KNEE.text), KNEE.kind, session_day(today, week, 2), tuple(map(jo, KNEE.ideas)),
            KNEE.choice - 1, KNEE_RESULT[0] if assessed else None, assessed,
            jo(KNEE_RESULT[1]) if assessed else None,
        )  # fmt: skip
    set_goal = week > 1
    rule = form_for(language())  # the scale published in the demo's language
    return Course(
        week=week,
        agenda=tuple(map(jo, AGENDA)) if set_goal else (),
        agenda_created=first,
        goal=(jo(GOAL), parse_goal_day(GOAL_BY, first), first) if set_goal else None,
        plans=plans,
        problem=problem,
        symptoms=tuple(
            (jo(name), better, first - timedelta(days=RATED_BEFORE))
            for name, better, _, _ in SYMPTOMS
        ),
        ratings=tuple(
            (day, tuple((jo(name), value) for name, value in rated))
            for day, rated in ratings(first, today)
        ),
        selfcheck=(first, SELFCHECK[: rule.items], rule.form),
    )


def _plan_record(spec: PlanSpec, today: date, week: int) -> PlanRecord:
    """A plan made before this week's session: its week is over, and it was told at the next
    session, unless that session is today's (the plan waits for its feedback, its last day
    not yet answered)."""
    start = session_day(today, week, spec.session)
    went = WEEKS_WENT[spec.session - 1]
    told = spec.session + 1 < week
    statuses = went.statuses if told else went.statuses[:-1]
    checkins = tuple(
        CheckInRecord(start + timedelta(days=offset), status, _jo_or_none(went.notes.get(n)))
        for n, (offset, status) in enumerate(zip(spec.offsets, statuses, strict=False))
    )
    return PlanRecord(
        what=jo(spec.what),
        how_much=jo(spec.how_much),
        when=jo(spec.when),
        days=tuple(plan_days(spec, start).split(",")),
        confidence=spec.confidence,
        first_confidence=spec.first_try[1] if spec.first_try else spec.confidence,
        start=start,
        checkins=checkins,
        feedback=jo(went.how) if told else None,
        feedback_on=start + timedelta(days=7) if told else None,
        barrier=_jo_or_none(went.barrier) if told else None,
        from_idea=spec.what == IDEA,
    )


def _jo_or_none(text: str | None) -> str | None:
    return jo(text) if text is not None else None


def ratings(first: date, today: date) -> tuple[tuple[date, tuple[tuple[str, int], ...]], ...]:
    """A rating of each symptom each day from a week before the course until yesterday: a slow
    change over the six weeks, a flare of the knee in the first week, and some noise. The
    same seed and the same days give the same ratings every run."""
    rng = random.Random(SEED)
    found = []
    for n in range(-RATED_BEFORE, WEEKS * 7):
        day = first + timedelta(days=n)
        noise = [rng.choice((-1, 0, 0, 1)) for _ in SYMPTOMS]  # drawn every day: stable
        if day >= today:
            break
        values = []
        for (name, _, start, change), jitter in zip(SYMPTOMS, noise, strict=True):
            value = start + change * max(n, 0) / (WEEKS * 7) + jitter
            if name == "knee pain" and 1 <= n <= 6:
                value += 2  # the flare that set back the first week's plan
            values.append((name, max(0, min(10, round(value)))))
        found.append((day, tuple(values)))
    return tuple(found)


# --- what Jo answers at this week's session (--auto) -------------------------------------------


def answers(today: date, week: int) -> dict[str, str | tuple[str, ...]]:
    """The answers typed in --auto at session `week`, by question key (see cli/prompts.py
    Asker), in this command's language; a key asked more than once takes a tuple's answers in
    turn. A question not here is answered with Enter: its default, or nothing. A choice is
    given by its option's key (the asker types the option's words)."""
    said: dict[str, str | tuple[str, ...]] = {}
    if week > 1:  # the feedback on last week's plan: its last day, and how it went
        spec, went = PLANS[week - 2], WEEKS_WENT[week - 2]
        last = session_day(today, week, spec.session) + timedelta(days=spec.offsets[-1])
        said[f"feedback.{last.isoformat()}"] = went.statuses[-1]
        said["feedback.how"] = jo(went.how)
        if went.barrier is not None:
            said["feedback.barrier"] = jo(went.barrier)
        if went.solve is not None:
            said["feedback.solve"] = went.solve
    if week == 3:  # how the idea chosen at session 2 went
        said["solve.result"], said["solve.note"] = KNEE_RESULT[0], jo(KNEE_RESULT[1])
    problem = KNEE if week == 2 else STIFF
    said.update({
        "solve.problem": jo(problem.text),
        "solve.kind": problem.kind,
        "solve.ideas": tuple(map(jo, problem.ideas)),
        "solve.choice": str(problem.choice),
        "solve.make_plan": t("answer.yes" if problem.make_plan == "y" else "answer.no"),
    })  # fmt: skip
    if week == 1:
        said["agenda.add"] = tuple(map(jo, AGENDA))
        said["goal.text"], said["goal.by"] = jo(GOAL), jo(GOAL_BY)
    else:
        said["goal.keep"] = "keep"
    spec = PLANS[week - 1]
    start = today
    said.update({"plan.what": jo(spec.what), "plan.how_much": jo(spec.how_much),
                 "plan.when": jo(spec.when), "plan.how_often": typed_days(spec, start),
                 "plan.confidence": str(spec.confidence)})  # fmt: skip
    if spec.first_try is not None:  # too big at first: made smaller, on fewer days
        days, confidence = spec.first_try
        said["plan.how_often"] = (typed_days(spec, start, days), typed_days(spec, start))
        said["plan.confidence"] = (str(confidence), str(spec.confidence))
        said["plan.smaller"] = "fewer"
    return said
