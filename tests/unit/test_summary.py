"""The appointment summary's pure builder (domain/summary.py), from hand-made records: its
sections, empty sections, the four-week window, the 28-day averages and open problems only;
and the pure renderers on such a summary (every empty section still said in words)."""

from datetime import date, timedelta
from typing import Any

from smcoach.domain.models import AgendaItem, CheckIn, Goal, Plan, Question
from smcoach.domain.problems import Attempt, Idea, Problem
from smcoach.domain.selfefficacy import Selfcheck
from smcoach.domain.summary import (
    AVERAGE_DAYS,
    TREND_WEEKS,
    Summary,
    average_window,
    build,
    trend_window,
)
from smcoach.domain.symptoms import Symptom
from smcoach.domain.trends import PlanWeekFigures
from smcoach.messages import TEXT, t
from smcoach.render.summary import html, markdown

MON = date(2026, 11, 23)  # a Monday, ISO week 2026-W48
WED = MON + timedelta(days=2)


def plan(**changes: Any) -> Plan:
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
        "created_at": "2026-11-23T09:00:00+00:00",
    }
    values.update(changes)
    return Plan(**values)


def records(**changes: Any) -> dict[str, Any]:
    """Every record empty, with changes."""
    values: dict[str, Any] = {
        "agenda": [],
        "goals": [],
        "plans": [],
        "checkins": {},
        "plan_weeks": {},
        "selfefficacy_weeks": {},
        "symptom_weeks": {},
        "symptoms": [],
        "averages": {},
        "problems": [],
        "ideas": {},
        "attempts": {},
        "selfchecks": [],
        "questions": [],
    }
    values.update(changes)
    return values


def summary(day: date = WED, **changes: Any) -> Summary:
    return build(day, **records(**changes))


# --- sections --------------------------------------------------------------------------------


def test_agenda_goals_and_questions_keep_only_what_is_open():
    s = summary(
        agenda=[
            AgendaItem(1, "Breathless on the stairs", "open", False, MON),
            AgendaItem(2, "Sleeping badly", "open", True, MON),
            AgendaItem(3, "Old worry", "done", False, MON, MON),
        ],
        goals=[
            Goal(1, "Walk to the shops", 1, date(2026, 12, 31), "active", MON),
            Goal(2, "Old goal", None, None, "done", MON, MON),
            Goal(3, "No date", None, None, "active", MON),
        ],
        questions=[
            Question(1, "Could it be the tablets?", MON, None),
            Question(2, "Asked already", MON, MON),
        ],
    )
    assert [(i.text, i.focus) for i in s.agenda] == [
        ("Breathless on the stairs", False),
        ("Sleeping badly", True),
    ]
    assert [(g.text, g.by) for g in s.goals] == [
        ("Walk to the shops", date(2026, 12, 31)),
        ("No date", None),
    ]
    assert [q.text for q in s.questions] == ["Could it be the tablets?"]
    assert s.made == WED


def test_this_weeks_plans_and_what_is_done_so_far():
    this_week = plan(id=1)
    times = plan(id=2, days=None, times=3, start=MON - timedelta(days=2))  # Sat to Fri
    s = summary(
        plans=[
            times,
            this_week,
            plan(id=3, start=MON + timedelta(days=7)),  # next week's: not this week's
            plan(id=4, start=MON - timedelta(days=7)),  # last week's, never ended
            plan(id=5, status="ended", ended=MON),  # ended: left out
        ],
        checkins={
            1: [
                CheckIn(1, MON, "done"),
                CheckIn(1, MON + timedelta(days=1), "done"),  # Tuesday: not a planned day
                CheckIn(1, WED, "partly"),
                CheckIn(1, WED + timedelta(days=2), "done"),  # after the summary's day
            ],
            2: [CheckIn(2, MON - timedelta(days=1), "done"), CheckIn(2, MON, "rest")],
        },
    )
    assert [p.plan.id for p in s.plans] == [2, 1]  # in the order they started
    by_id = {p.plan.id: p.progress for p in s.plans}
    # Tuesday was not planned: an extra, not a planned day done
    assert (by_id[1].partly, by_id[1].achieved, by_id[1].extra) == (1, 1.5, 1)
    assert (by_id[2].rest, by_id[2].achieved) == (1, 1.0)


def test_latest_selfefficacy_check_of_the_published_form():
    def check(n: int, day: date, score: float | None, form: str = "SEMCD-6") -> Selfcheck:
        return Selfcheck(n, day, form, score, (7,) * 6, f"{day}T10:00:00+00:00")

    s = summary(
        selfchecks=[
            check(1, MON - timedelta(days=40), 5.0),
            check(3, MON, 7.5),
            check(2, MON - timedelta(days=3), 6.0),
            check(4, WED + timedelta(days=1), 9.0),  # after the summary's day
            check(5, WED, 8.0, form="SEMCD-S"),  # another scale
        ]
    )
    assert s.selfefficacy is not None
    assert (s.selfefficacy.id, s.selfefficacy.score) == (3, 7.5)
    assert summary().selfefficacy is None


# --- the four-week window ----------------------------------------------------------------------


def figures(plans: int, confidence: float, counted: float | None, achieved: float | None):
    return PlanWeekFigures(plans, confidence, counted, achieved)


def test_four_week_window_ends_with_this_week():
    assert TREND_WEEKS == 4
    assert trend_window(WED) == [date(2026, 11, 2), date(2026, 11, 9), MON - timedelta(7), MON]
    s = summary(
        plan_weeks={
            "2026-W44": figures(9, 9.0, 9, 9),  # five weeks back: outside
            "2026-W46": figures(2, 7.5, 4, 3.5),
            "2026-W48": figures(1, 6.0, None, None),  # under way
            "2026-W49": figures(9, 9.0, 9, 9),  # next week: outside
        },
        selfefficacy_weeks={"2026-W47": 6.5, "2026-W44": 1.0},
    )
    assert [w.week for w in s.weeks] == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    assert [w.monday for w in s.weeks] == trend_window(WED)
    assert [(w.plans, w.achieved, w.counted, w.confidence) for w in s.weeks] == [
        (0, None, None, None),  # a gap, never zero
        (2, 3.5, 4, 7.5),
        (0, None, None, None),
        (1, None, None, 6.0),
    ]
    assert [w.selfefficacy for w in s.weeks] == [None, None, 6.5, None]
    assert [w.under_way for w in s.weeks] == [False, False, False, True]
    assert [w.empty for w in s.weeks] == [True, False, False, False]
    assert s.has_trends


def test_window_across_a_year_with_week_53():
    s = summary(day=date(2027, 1, 1), plan_weeks={"2026-W53": figures(1, 8.0, None, None)})
    assert [w.week for w in s.weeks] == ["2026-W50", "2026-W51", "2026-W52", "2026-W53"]
    assert s.weeks[-1].plans == 1


def test_symptom_columns_are_the_symptoms_rated_in_the_window():
    s = summary(
        symptom_weeks={
            "fatigue": {"2026-W46": 5.0, "2026-W48": 3.5},
            "Mood": {"2026-W47": 7.0},
            "pain": {"2026-W40": 8.0},  # only long ago: no column
        },
        symptoms=[
            Symptom(1, "mood", "removed", MON, MON, False),
            Symptom(2, "fatigue", "active", MON),
            Symptom(3, "Mood", "active", MON, None, True),  # the latest of that name
        ],
    )
    assert s.symptom_columns == (("Mood", True), ("fatigue", False))
    assert [w.symptoms for w in s.weeks] == [
        (("Mood", None), ("fatigue", None)),
        (("Mood", None), ("fatigue", 5.0)),
        (("Mood", 7.0), ("fatigue", None)),
        (("Mood", None), ("fatigue", 3.5)),
    ]


# --- the 28-day averages -----------------------------------------------------------------------


def test_symptom_averages_for_active_symptoms_with_which_way_is_better():
    assert AVERAGE_DAYS == 28
    assert average_window(MON) == (date(2026, 10, 27), MON)  # 28 days, the day included
    s = summary(
        symptoms=[
            Symptom(1, "fatigue", "active", MON),
            Symptom(2, "old pain", "removed", MON, MON),
            Symptom(3, "mood", "active", MON, None, True),
            Symptom(4, "sleep", "active", MON),
        ],
        averages={1: 5.25, 2: 9.0, 3: 6.0},  # sleep: no rating in the 28 days
    )
    assert [(a.name, a.higher_is_better, a.average) for a in s.symptoms] == [
        ("fatigue", False, 5.25),
        ("mood", True, 6.0),
        ("sleep", False, None),
    ]
    md = markdown(s)
    assert "| fatigue | 5.2 | lower is better (0 = none, 10 = worst) |" in md
    assert "| mood | 6.0 | higher is better (0 = worst, 10 = best) |" in md
    assert "| sleep | no ratings in the last 28 days | lower is better" in md
    assert "old pain" not in md


# --- open problems only ------------------------------------------------------------------------


def test_open_problems_only_with_what_was_tried():
    def problem(n: int, status: str) -> Problem:
        return Problem(n, f"problem {n}", "pain", status, MON, MON)

    s = summary(
        problems=[
            problem(1, "choosing"),
            problem(2, "solved"),
            problem(3, "accepted"),
            problem(4, "open"),
            problem(5, "trying"),
        ],  # fmt: skip
        ideas={
            1: [Idea(11, 1, "hot water bottle", "own"), Idea(12, 1, "stretches", "card")],
            2: [Idea(21, 2, "it worked", "own")],
            5: [Idea(51, 5, "ask the physio", "resource")],
        },
        attempts={
            1: [
                Attempt(2, 1, 12, MON, "partly", WED, None),
                Attempt(1, 1, 11, MON - timedelta(days=7), "did_not_work", MON, None),
            ],
            2: [Attempt(3, 2, 21, MON, "worked", WED, None)],
            5: [Attempt(4, 5, 51, WED, None, None, None)],
        },
    )
    assert [p.problem.id for p in s.problems] == [1, 4, 5]
    tried = {p.problem.id: [(a.idea, a.result) for a in p.tried] for p in s.problems}
    assert tried == {
        1: [("hot water bottle", "did_not_work"), ("stretches", "partly")],  # oldest first
        4: [],
        5: [("ask the physio", None)],
    }
    md = markdown(s)
    assert "- problem 1 (choosing an idea, since 2026-11-23)" in md
    assert "  - Tried hot water bottle (from 2026-11-16): did not help" in md
    assert "  - Tried stretches (from 2026-11-23): helped, but not enough" in md
    assert "  - Tried ask the physio (from 2026-11-25): still trying it" in md
    assert "- problem 4 (listing ideas, since 2026-11-23)\n  - Nothing tried yet." in md
    assert "problem 2" not in md and "problem 3" not in md


# --- empty sections ----------------------------------------------------------------------------

EMPTY_KEYS = (
    "summary.agenda_none",
    "summary.goals_none",
    "summary.plans_none",
    "summary.trends_none",
    "summary.symptoms_none",
    "summary.problems_none",
    "summary.selfefficacy_none",
    "summary.questions_none",
)


def test_an_empty_summary_says_so_in_every_section():
    s = summary()
    assert (s.agenda, s.goals, s.plans, s.symptoms, s.problems, s.questions) == ((),) * 6
    assert s.selfefficacy is None and not s.has_trends
    assert len(s.weeks) == TREND_WEEKS and all(w.empty for w in s.weeks)
    md, page = markdown(s), html(s)
    for key in EMPTY_KEYS:
        sentence = t(key)
        assert sentence in md, key
        assert sentence.replace(":", "&#58;") in page, key
    assert "No questions written down yet: add one with smcoach questions add" in md
    # The headings stay, and the footer is there once.
    for key in ("summary.agenda", "summary.goals", "summary.plans", "summary.problems",
                "summary.selfefficacy", "summary.questions"):  # fmt: skip
        assert f"\n## {t(key)}\n" in md, key
    assert md.count("not medical advice") == 1 and page.count("not medical advice") == 1
    assert "From smcoach, made on 2026-11-25" in md


def test_agenda_without_a_focus_says_so():
    s = summary(agenda=[AgendaItem(1, "Sleeping badly", "open", False, MON)])
    assert t("summary.agenda_no_focus") in markdown(s)
    focused = summary(agenda=[AgendaItem(1, "Sleeping badly", "open", True, MON)])
    md = markdown(focused)
    assert "- **Sleeping badly (the focus now)**" in md
    assert t("summary.agenda_no_focus") not in md


def test_every_catalogue_key_used_exists():
    import re
    from pathlib import Path

    import smcoach.render.calendar as calendar_module
    import smcoach.render.summary as summary_module

    used: set[str] = set()
    for module in (summary_module, calendar_module):
        source = Path(str(module.__file__)).read_text("utf-8")
        used |= set(re.findall(r'"((?:summary|calendar)\.[a-z_.]+[a-z_])"', source))
    statuses = {f"summary.status.{s}" for s in ("open", "choosing", "trying", "resources",
                                                "accepting", "solved", "accepted")}  # fmt: skip
    missing = (used | statuses) - set(TEXT)
    assert not missing
