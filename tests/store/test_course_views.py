"""The course views' queries: each reads one course's records (in a file that pools several),
counts them in SQL, and takes the same few statements whatever the course's size."""

import json
from datetime import date

import pytest

from coursehelp import CourseFile
from smcoach.store import Store


@pytest.fixture
def two_courses(tmp_path):
    """Tuesday group (Ann, Bo, Cy) and, in the same file, Friday group (Di)."""
    path = tmp_path / "pool.db"
    tue = CourseFile(path).add("Ann", "Bo", "Cy")
    tue.attend_weeks("Ann", [1, 2, 3])
    tue.attend_weeks("Bo", [1], absent=(2, 3))
    tue.plan("Ann", 1, confidence=8, feedback="done", wants=False)
    tue.plan("Ann", 2, confidence=5, feedback="not", wants=True)
    tue.plan("Ann", 3, confidence=9)
    tue.plan("Bo", 1, confidence=6, feedback="partly")
    tue.selfcheck("Ann", 1, [5, 5, 5, 5, 5, 5])
    tue.selfcheck("Ann", 6, [7, 7, 7, 7, 7, 7])
    tue.selfcheck("Bo", 1, [1, None, None, None, 2, 3])  # too few answers: not scored
    fri = CourseFile(path, name="Friday group").add("Di")
    fri.attend_weeks("Di", [1, 2])
    fri.plan("Di", 1, confidence=2, feedback="done")
    fri.selfcheck("Di", 1, [9, 9, 9, 9, 9, 9])
    tue.close()
    fri.close()
    store = Store(path)
    yield store, tue, fri
    store.close()


def test_board_reads_one_course_and_its_weeks(two_courses):
    store, tue, _ = two_courses
    ann, bo = tue.ids["Ann"], tue.ids["Bo"]
    assert store.board_attendance(tue.id, 1, 2) == {
        (ann, 1): True,
        (ann, 2): True,
        (bo, 1): True,
        (bo, 2): False,
    }
    plans = store.board_plans(tue.id, 2, 3)
    assert sorted(plans) == [(ann, 2), (ann, 3)]
    assert (plans[(ann, 2)].confidence, plans[(ann, 2)].feedback) == (5, "not")
    assert plans[(ann, 2)].wants_problem_solving is True
    assert plans[(ann, 3)].days == ("mon", "wed", "fri")


def test_week_counts_are_counted_in_sql(two_courses):
    store, tue, _ = two_courses
    weeks = {c.week: c for c in store.report_week_counts(tue.id, 7)}
    assert sorted(weeks) == [1, 2, 3]
    one, two, three = weeks[1], weeks[2], weeks[3]
    assert (one.present, one.absent, one.plans, one.confidence_total) == (2, 0, 2, 14)
    assert (one.done, one.partly, one.not_done, one.low_confidence) == (1, 1, 0, 1)
    assert (two.present, two.absent, two.not_done, two.wants_problem_solving) == (1, 1, 1, 1)
    # a week whose plans have no feedback yet counts zeros, not nothing
    assert (three.plans, three.done, three.partly, three.not_done) == (1, 0, 0, 0)


def test_attended_scores_and_history(two_courses):
    store, tue, _ = two_courses
    ann, bo, cy = tue.ids["Ann"], tue.ids["Bo"], tue.ids["Cy"]
    assert store.report_attended(tue.id) == {ann: 3, bo: 1}
    assert store.report_scores(tue.id, 1, 6) == (
        "SEMCD-6",
        {ann: {1: 5.0, 6: 7.0}, bo: {1: None}},
        0,
    )
    assert store.course_history(tue.id) == {ann, bo}
    assert cy not in store.course_history(tue.id)


def test_export_records_are_the_courses_only(two_courses):
    store, tue, fri = two_courses
    records = store.export_records(tue.id)
    assert {r["participant_id"] for r in records["attendance"]} == {tue.ids["Ann"], tue.ids["Bo"]}
    assert len(records["plans"]) == 4
    assert records["selfchecks"][0]["answers"] == [5, 5, 5, 5, 5, 5]
    assert fri.ids["Di"] not in {r["participant_id"] for r in records["plans"]}


def test_group_selfcheck_is_saved_as_given_and_replaced(two_courses):
    store, tue, _ = two_courses
    cy = tue.ids["Cy"]
    store.save_group_selfcheck(cy, 1, "SEMCD-6", [4, None, 6, 6, 6, 6], 5.6, "2026-11-02T19:00")
    assert cy in store.selfchecked(tue.id, 1)
    store.save_group_selfcheck(cy, 1, "SEMCD-6", [8, 8, 8, 8, 8, 8], 8.0, "2026-11-02T19:05")
    row = store.conn.execute(
        "SELECT score, answered, answers FROM course_selfchecks WHERE participant_id = ?", [cy]
    ).fetchone()
    assert (row[0], row[1], json.loads(row[2])) == (8.0, 6, [8] * 6)
    assert store.selfchecked(tue.id, 6) == {tue.ids["Ann"]}


def _statements(store: Store, read) -> list[str]:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        read()
    finally:
        store.conn.set_trace_callback(None)
    return seen


def _views_read(tmp_path, size: int) -> list[list[str]]:
    """The statements each view query runs on a course of `size` participants."""
    path = tmp_path / f"{size}.db"
    course = CourseFile(path, start=date(2026, 11, 2))
    names = [f"N{n}" for n in range(size)]
    course.add(*names)
    for name in names:
        course.attend_weeks(name, [1, 2])
        course.plan(name, 1, feedback="done")
        course.selfcheck(name, 1, [5] * 6)
    course.close()
    store = Store(path)
    reads = [
        lambda: store.board_attendance(course.id, 1, 6),
        lambda: store.board_plans(course.id, 1, 6),
        lambda: store.report_week_counts(course.id, 7),
        lambda: store.report_attended(course.id),
        lambda: store.report_scores(course.id, 1, 6),
        lambda: store.course_history(course.id),
        lambda: store.export_records(course.id),
        lambda: store.selfchecked(course.id, 1),
    ]
    try:
        return [_statements(store, read) for read in reads]
    finally:
        store.close()


def test_the_same_statements_whatever_the_size(tmp_path):
    """Each view takes the same statements for a course of 3 as for one of 60: no statement
    a participant, and none with a value a participant."""
    small, large = _views_read(tmp_path, 3), _views_read(tmp_path, 60)
    assert small == large
    assert [len(s) for s in small] == [1, 1, 2, 1, 2, 1, 3, 1]
