"""The demo's course so far (domain/demo.py `course`), recorded in the demo's own database
through the store's own writes, in the order it happened, as smcoach would have recorded it
at the time. Used only by `smcoach demo`, on a database of its own."""

from datetime import date, datetime
from datetime import time as clock
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smcoach.domain.demo import Course
    from smcoach.store import Store


def stamp(day: date, hour: int) -> str:
    """The moment a past record was made: at `hour` on its day, local time."""
    return datetime.combine(day, clock(hour)).astimezone().isoformat(timespec="seconds")


def fill(store: "Store", course: "Course") -> None:
    """Record the course so far, in the order it happened."""
    from smcoach.domain.models import CheckIn, PlanDraft
    from smcoach.domain.selfefficacy import RULES, score

    for name, higher_is_better, added in course.symptoms:
        store.add_symptom(name, added, higher_is_better)
    for day, values in course.ratings:
        store.save_ratings(day, list(values), stamp(day, 21))
    first, answers, form = course.selfcheck
    given: list[int | None] = list(answers)
    store.add_selfcheck(first, form, given, score(given, RULES[form]), stamp(first, 10))
    items = store.add_agenda_items(list(course.agenda), course.agenda_created)
    if items:
        store.focus_agenda(items[0])
    goal_id = None
    if course.goal is not None and items:
        text, by, set_on = course.goal
        goal_id = store.add_goal(text, items[0], by, set_on)
    attempt_id = problem_id = None
    for plan in course.plans:
        if plan.from_idea and course.problem is not None:
            problem_id, attempt_id = _fill_problem(store, course)
        draft = PlanDraft(plan.what, plan.how_much, plan.when, plan.days, None,
                          plan.confidence, plan.start, goal_id)  # fmt: skip
        plan_id = store.add_plan(draft, plan.first_confidence, False, stamp(plan.start, 11))
        if plan.from_idea and attempt_id is not None:
            store.link_plan(attempt_id, plan_id)
        for c in plan.checkins:
            store.check_in(CheckIn(plan_id, c.day, c.status, c.note), stamp(c.day, 20))
        if plan.feedback_on is not None:
            store.record_feedback(plan_id, plan.feedback, plan.feedback_on, plan.barrier)
    problem = course.problem
    if problem is not None and problem_id is not None and problem.result is not None:
        assert problem.assessed is not None and attempt_id is not None
        store.record_result(problem_id, problem.result, problem.assessed)
        if problem.note:
            store.note_attempt(attempt_id, problem.note)


def _fill_problem(store: "Store", course: "Course") -> tuple[int, int]:
    """The problem named after the setback, its ideas, and the one chosen to try."""
    problem = course.problem
    assert problem is not None
    day = problem.created
    problem_id = store.add_problem(problem.text, day, stamp(day, 11))
    store.set_problem_kind(problem_id, problem.kind, day)
    ideas = [store.add_idea(problem_id, text, "own", day) for text in problem.ideas]
    store.finish_ideas(problem_id, [], day)
    return problem_id, store.choose_idea(problem_id, ideas[problem.chosen], day)
