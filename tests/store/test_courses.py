"""The course register's queries (store/courses.py): which course, the participants, and the
round of the room written step by step and read back as it was left."""

import sqlite3
from datetime import date

import pytest

from smcoach import content
from smcoach.domain.models import PlanDraft
from smcoach.domain.round import SAVE, Round, RoundSave, parse
from smcoach.errors import SmcoachError
from smcoach.store import Store

NOW = "2026-11-23T10:00:00+00:00"
TODAY = date(2026, 11, 23)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "course.db")
    yield s
    s.close()


def course(store: Store, name: str = "Tuesday group", start: str = "2026-11-23", weeks: int = 6):
    return store.add_course(name, date.fromisoformat(start), weeks, NOW)


# --- which course -------------------------------------------------------------------------------


def test_find_course_with_no_course_says_how_to_start_one(store):
    with pytest.raises(SmcoachError, match="there is no course in .*course.db yet.*group new"):
        store.find_course(None, TODAY)


def test_find_course_by_name_whatever_its_case_or_one_line_naming_those_there_are(store):
    tuesday = course(store)
    course(store, "Friday group", "2026-11-27")
    assert store.find_course("tuesday GROUP", TODAY) == tuesday
    with pytest.raises(SmcoachError) as e:
        store.find_course("Monday group", TODAY)
    assert str(e.value) == (
        "there is no course called 'Monday group' in this file; the courses in it: "
        "Tuesday group, Friday group"
    )


def test_find_course_without_a_name(store):
    only = course(store, "Autumn", "2025-09-01")
    assert store.find_course(None, TODAY) == only  # the only one, even long over
    running = course(store, "Now", "2026-11-02")
    later = course(store, "Next", "2027-01-04")
    assert store.find_course(None, TODAY) == running
    # the last session is 2026-12-07 and the course runs until the day before the next
    assert store.find_course(None, date(2026, 12, 13)) == running
    assert store.find_course(None, date(2026, 12, 14)) == running  # most recently started
    assert store.find_course(None, date(2027, 1, 4)) == later
    newer = course(store, "Also now", "2026-11-16")
    assert store.find_course(None, TODAY) == newer  # two running: the latest started
    assert store.find_course(None, date(2025, 1, 1)) == only  # none started: the next


def test_a_course_name_is_unique_whatever_its_case(store):
    course(store)
    with pytest.raises(SmcoachError, match="already a course called 'Tuesday group'"):
        course(store, "TUESDAY GROUP")


def test_a_course_is_refused_in_a_file_of_personal_records(store):
    assert not store.has_personal_records()
    store.add_agenda("Getting out of breath", TODAY)
    assert store.has_personal_records()
    with pytest.raises(SmcoachError, match="holds personal records"):
        course(store)
    assert store.courses() == []


# --- participants -------------------------------------------------------------------------------


def test_participants_in_name_order_whatever_the_case_and_removed_ones_apart(store):
    c = course(store)
    store.add_participants(c, ["cy", "Bob", "ann", "Zoë"], TODAY)
    store.remove_participant(c, "BOB", date(2026, 11, 30))
    assert [p.name for p in store.participants(c.id)] == ["ann", "cy", "Zoë"]
    everyone = store.participants(c.id, include_removed=True)
    assert [(p.name, p.status, p.removed) for p in everyone] == [
        ("ann", "active", None), ("Bob", "removed", date(2026, 11, 30)),
        ("cy", "active", None), ("Zoë", "active", None)]  # fmt: skip
    assert all(p.course_id == c.id and p.added == TODAY for p in everyone)


def test_participants_are_each_courses_own(store):
    a, b = course(store), course(store, "Friday group")
    store.add_participants(a, ["Ann"], TODAY)
    store.add_participants(b, ["Ann", "Bob"], TODAY)  # the same name in another course
    assert [p.name for p in store.participants(a.id)] == ["Ann"]
    assert [p.name for p in store.participants(b.id)] == ["Ann", "Bob"]


def test_adding_is_all_or_nothing_and_a_name_is_taken_whatever_its_case(store):
    c = course(store)
    store.add_participants(c, ["Zoë"], TODAY)
    for names in (["Ann", "ZOË"], ["Ann", "ann"]):
        with pytest.raises(SmcoachError, match="already a participant called"):
            store.add_participants(c, names, TODAY)
    assert [p.name for p in store.participants(c.id)] == ["Zoë"]


def test_rename_and_remove_keep_the_history_and_free_the_name(store):
    c = course(store)
    ann, bob = store.add_participants(c, ["Ann", "Bob"], TODAY)
    store.save_round(RoundSave(ann.id, 1, present=True), NOW)
    with pytest.raises(SmcoachError, match="already a participant called 'bob'"):
        store.rename_participant(c, "Ann", "bob")
    assert store.rename_participant(c, "ann", "ANN").name == "ANN"  # their own name, recased
    store.remove_participant(c, "Ann", TODAY)
    with pytest.raises(
        SmcoachError,
        match="no participant called 'Ann' in Tuesday group; the participants are: Bob",
    ):
        store.remove_participant(c, "Ann", TODAY)
    [again] = store.add_participants(c, ["Ann"], TODAY)  # a new Ann: a new participant
    assert again.id != ann.id
    rows = store.conn.execute("SELECT participant_id, present FROM attendance").fetchall()
    assert [tuple(r) for r in rows] == [(ann.id, 1)]  # the first Ann's attendance is kept


# --- the round ----------------------------------------------------------------------------------


def play(store, c, week, typed):
    """A round as the CLI runs it: each step written as it is given, then read back."""
    round_ = Round(c, week, store.round_seats(c.id, week), content.plan_coach().review)
    typed = {k: list(v) for k, v in typed.items()}
    while (turn := round_.next_turn()) is not None:
        seat, ask = turn
        value = None
        if ask.key != SAVE:
            answers = typed[seat.participant.name]
            if not answers:
                break  # stopped here
            text = answers.pop(0) or ask.default or ""
            value = parse(ask, text)
        store.save_round(round_.answer(seat, ask, value), NOW)
    return round_


def test_the_round_reads_back_as_it_was_left(store):
    c = course(store)
    store.add_participants(c, ["Ann", "Bob", "Cy"], TODAY)
    walk = ["walk round the park", "15 minutes", "after lunch", "mon,wed,fri"]
    week1 = play(store, c, 1, {"Ann": ["y", *walk, "8"], "Bob": ["y", *walk, "5", ""], "Cy": ["n"]})
    assert week1.summary().complete
    # week 2, stopped part-way through Bob's plan
    week2 = play(
        store, c, 2, {"Ann": ["y", "done", "n", *walk, "9"], "Bob": ["y", "not", "y", "walk"]}
    )
    kept = {s.participant.name: s for s in store.round_seats(c.id, 2)}
    mine = {s.participant.name: s for s in week2.seats.values()}
    for name in ("Ann", "Bob", "Cy"):
        a, b = kept[name], mine[name]
        assert (a.present, a.answers, a.last_attended) == (b.present, b.answers, b.last_attended)
        strip = {"recorded_at": "", "feedback_at": None}
        assert (a.plan and a.plan._replace(**strip)) == (b.plan and b.plan._replace(**strip))
        assert (a.last_plan and a.last_plan._replace(**strip)) == (
            b.last_plan and b.last_plan._replace(**strip))  # fmt: skip
    assert kept["Bob"].answers == {"what": "walk"} and kept["Bob"].plan is None
    assert (kept["Bob"].last_plan.feedback, kept["Bob"].last_plan.wants_problem_solving) == (
        "not", True)  # fmt: skip
    assert kept["Cy"].present is None and kept["Cy"].last_plan is None
    assert kept["Ann"].plan.confidence == 9 and kept["Ann"].answers == {}  # answers gone
    bob1 = next(s for s in store.round_seats(c.id, 1) if s.participant.name == "Bob")
    assert (bob1.plan.confidence, bob1.plan.first_confidence) == (5, 5)


def test_the_latest_plan_before_the_week_and_the_last_session_attended(store):
    c = course(store)
    [ann] = store.add_participants(c, ["Ann"], TODAY)
    draft = PlanDraft("walk", "10 minutes", "after lunch", None, 2, 8, TODAY)
    for week in (1, 2):
        store.save_round(RoundSave(ann.id, week, present=True), NOW)
        store.save_round(RoundSave(ann.id, week, plan=draft, first_confidence=8, done=True), NOW)
    store.save_round(RoundSave(ann.id, 3, present=False, done=True), NOW)
    [seat] = store.round_seats(c.id, 4)
    assert (seat.last_plan.week, seat.last_attended, seat.present, seat.plan) == (2, 2, None, None)
    [seat] = store.round_seats(c.id, 2)
    assert (seat.last_plan.week, seat.last_attended, seat.present) == (1, 1, True)


def test_a_step_is_written_whole_or_not_at_all(store):
    c = course(store)
    [ann] = store.add_participants(c, ["Ann"], TODAY)
    bad = PlanDraft("walk", "10 minutes", "after lunch", None, 9, 8, TODAY)  # 9 times a week
    save = RoundSave(ann.id, 1, answers={"what": "walk"}, present=True, plan=bad,
                     first_confidence=8, done=True)  # fmt: skip
    with pytest.raises(sqlite3.IntegrityError):
        store.save_round(save, NOW)
    [seat] = store.round_seats(c.id, 1)
    assert (seat.present, seat.answers, seat.plan) == (None, {}, None)


def test_reading_a_round_looks_up_one_courses_records_by_index(store):
    """A round in a file pooling many courses reads only its own course's rows: no statement
    scans attendance, plans or the round's answers whole."""
    c = course(store)
    store.add_participants(c, ["Ann", "Bob"], TODAY)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    store.round_seats(c.id, 2)
    store.conn.set_trace_callback(None)
    assert len(statements) == 6
    for sql in statements:
        plan = " ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
        for table in ("attendance", "course_plans", "round_answers", "participants"):
            assert f"SCAN {table}" not in plan, (sql, plan)
