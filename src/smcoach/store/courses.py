"""Queries for course registers: courses, participants, attendance, the round's answers and
the plans made in the group (the read-only views are in course_views.py).

Names are matched whatever their case, in any alphabet (domain.course.same_name): the
names of one course, or the courses of one file, are few, so they are compared in Python
rather than by SQLite's NOCASE, which folds only ASCII.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import date

from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: every command loads the store
    from smcoach.domain.course import Course, CoursePlan, Participant
    from smcoach.domain.round import RoundSave, Seat

# Tables that hold a person's own records: a course's file must have none of them.
PERSONAL_TABLES = ("agenda", "goals", "plans", "checkins", "problems", "sessions",
                   "selfchecks", "symptoms", "symptom_ratings", "questions")  # fmt: skip
_OF_COURSE = "SELECT id FROM participants WHERE course_id = ? AND status = 'active'"


def _course(row: sqlite3.Row) -> Course:
    from smcoach.domain.course import Course

    return Course(
        row["id"], row["name"], date.fromisoformat(row["start"]), row["weeks"], row["created_at"]
    )


def _participant(row: sqlite3.Row) -> Participant:
    from smcoach.domain.course import Participant

    removed = row["removed"]
    return Participant(
        row["id"],
        row["course_id"],
        row["name"],
        row["status"],
        date.fromisoformat(row["added"]),
        date.fromisoformat(removed) if removed else None,
    )


def course_plan(row: sqlite3.Row) -> CoursePlan:
    from smcoach.domain.course import CoursePlan

    wants = row["wants_problem_solving"]
    return CoursePlan(
        participant_id=row["participant_id"],
        week=row["week"],
        what=row["what"],
        how_much=row["how_much"],
        when=row["when_text"],
        days=tuple(row["days"].split(",")) if row["days"] else None,
        times=row["times"],
        confidence=row["confidence"],
        first_confidence=row["first_confidence"],
        recorded_at=row["recorded_at"],
        feedback=row["feedback"],
        wants_problem_solving=None if wants is None else bool(wants),
        feedback_at=row["feedback_at"],
        agreed_with_professional=bool(row["agreed_with_professional"]),
    )


class CourseQueries:
    conn: sqlite3.Connection
    path: str

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    # --- courses ------------------------------------------------------------------------------

    def has_personal_records(self) -> bool:
        """Whether the file holds anyone's own records (agenda, goals, plans, check-ins...)."""
        found = " OR ".join(f"EXISTS (SELECT 1 FROM {table})" for table in PERSONAL_TABLES)
        return bool(self.conn.execute(f"SELECT {found}").fetchone()[0])

    def courses(self) -> list[Course]:
        rows = self.conn.execute("SELECT * FROM courses ORDER BY start, id")
        return [_course(r) for r in rows]

    def add_course(self, name: str, start: date, weeks: int, now: str) -> Course:
        """A new course. Its file must hold no one's own records: a course is kept apart from
        personal data."""
        from smcoach.domain.course import same_name

        with self._write() as c:
            if self.has_personal_records():
                raise SmcoachError(t("group.personal_file", path=self.path))
            for course in self.courses():
                if same_name(course.name, name):
                    raise SmcoachError(t("group.course_exists", name=course.name))
            cur = c.execute(
                "INSERT INTO courses (name, start, weeks, created_at) VALUES (?, ?, ?, ?)",
                [name, start.isoformat(), weeks, now],
            )
            row = c.execute("SELECT * FROM courses WHERE id = ?", [cur.lastrowid]).fetchone()
        return _course(row)

    def find_course(self, name: str | None, today: date) -> Course:
        """The course a group command is about: the one named (whatever its case); without a
        name, the only one in the file, else the one running today (from its first session
        to the day before the session after its last; the latest started if several), else
        the most recently started, else the next to start. One line when there is none."""
        from smcoach.domain.course import same_name

        courses = self.courses()
        if not courses:
            raise SmcoachError(t("group.no_course", path=self.path))
        if name is not None:
            for course in courses:
                if same_name(course.name, name):
                    return course
            names = ", ".join(c.name for c in courses)
            raise SmcoachError(t("group.course_unknown", name=name, names=names))
        running = [c for c in courses if c.runs_on(today)]
        started = [c for c in courses if c.start <= today]
        if running or started:
            return max(running or started, key=lambda c: (c.start, c.id))
        return min(courses, key=lambda c: (c.start, c.id))

    # --- participants -------------------------------------------------------------------------

    def participants(self, course_id: int, include_removed: bool = False) -> list[Participant]:
        """A course's participants in name order (whatever the case): active ones, or with
        `include_removed` those removed too (their history is kept)."""
        where = "" if include_removed else "AND status = 'active'"
        rows = self.conn.execute(
            f"SELECT * FROM participants WHERE course_id = ? {where} ORDER BY name, id",
            [course_id],
        )
        return sorted((_participant(r) for r in rows), key=lambda p: (p.name.casefold(), p.id))

    def participant(self, course: Course, name: str) -> Participant:
        """An active participant of `course` by name (whatever its case); one line listing
        the names there are when there is no such participant."""
        from smcoach.domain.course import same_name

        active = self.participants(course.id)
        for p in active:
            if same_name(p.name, name):
                return p
        if not active:
            raise SmcoachError(t("group.nobody", course=course.name))
        names = ", ".join(p.name for p in active)
        raise SmcoachError(t("group.name_unknown", name=name, course=course.name, names=names))

    def add_participants(self, course: Course, names: list[str], today: date) -> list[Participant]:
        """Add participants, all or none: a name already in the course's register (or given
        twice) is refused, naming it."""
        from smcoach.domain.course import same_name

        with self._write() as c:
            taken = [p.name for p in self.participants(course.id)]
            for n, name in enumerate(names):
                same = next((p for p in [*taken, *names[:n]] if same_name(p, name)), None)
                if same is not None:
                    raise SmcoachError(t("group.name_taken", name=name, course=course.name))
            c.executemany(
                "INSERT INTO participants (course_id, name, added) VALUES (?, ?, ?)",
                [(course.id, name, today.isoformat()) for name in names],
            )
        added = {n.casefold() for n in names}
        return [p for p in self.participants(course.id) if p.name.casefold() in added]

    def rename_participant(self, course: Course, name: str, new_name: str) -> Participant:
        from smcoach.domain.course import same_name

        with self._write() as c:
            who = self.participant(course, name)
            for p in self.participants(course.id):
                if p.id != who.id and same_name(p.name, new_name):
                    raise SmcoachError(t("group.name_taken", name=new_name, course=course.name))
            c.execute("UPDATE participants SET name = ? WHERE id = ?", [new_name, who.id])
        return who._replace(name=new_name)

    def remove_participant(self, course: Course, name: str, today: date) -> Participant:
        """Take a participant off the register; their attendance and plans are kept."""
        with self._write() as c:
            who = self.participant(course, name)
            c.execute(
                "UPDATE participants SET status = 'removed', removed = ? WHERE id = ?",
                [today.isoformat(), who.id],
            )
        return who._replace(status="removed", removed=today)

    # --- the round of the room ----------------------------------------------------------------

    def round_seats(self, course_id: int, week: int) -> list[Seat]:
        """Everything the round of `week` needs, for each active participant in name order:
        their attendance and plan this week, their latest plan before it and the latest
        session they attended before it, and the round's answers saved so far. Five queries
        through the course's participants, whatever the file holds besides."""
        from smcoach.domain.round import Seat

        present = dict(
            self.conn.execute(
                f"""SELECT participant_id, present FROM attendance
                    WHERE week = ? AND participant_id IN ({_OF_COURSE})""",
                [week, course_id],
            ).fetchall()
        )
        plans = {
            r["participant_id"]: course_plan(r)
            for r in self.conn.execute(
                f"""SELECT * FROM course_plans
                    WHERE week = ? AND participant_id IN ({_OF_COURSE})""",
                [week, course_id],
            )
        }
        last_plans = {
            r["participant_id"]: course_plan(r)
            for r in self.conn.execute(
                f"""SELECT cp.* FROM course_plans cp
                    JOIN (SELECT participant_id, MAX(week) AS week FROM course_plans
                          WHERE week < ? AND participant_id IN ({_OF_COURSE})
                          GROUP BY participant_id) latest
                    USING (participant_id, week)""",
                [week, course_id],
            )
        }
        last_attended = dict(
            self.conn.execute(
                f"""SELECT participant_id, MAX(week) FROM attendance
                    WHERE week < ? AND present = 1 AND participant_id IN ({_OF_COURSE})
                    GROUP BY participant_id""",
                [week, course_id],
            ).fetchall()
        )
        answers: dict[int, dict[str, str]] = {}
        for pid, key, value in self.conn.execute(
            f"""SELECT participant_id, key, value FROM round_answers
                WHERE week = ? AND participant_id IN ({_OF_COURSE}) AND value IS NOT NULL""",
            [week, course_id],
        ):
            answers.setdefault(pid, {})[key] = value
        return [
            Seat(
                participant=p,
                present=None if p.id not in present else bool(present[p.id]),
                last_plan=last_plans.get(p.id),
                last_attended=last_attended.get(p.id),
                plan=plans.get(p.id),
                answers=answers.get(p.id, {}),
            )
            for p in self.participants(course_id)
        ]

    def save_round(self, save: RoundSave, now: str) -> None:
        """One step of the round, in one transaction: answers kept as they are given (None
        deletes one), the attendance, the feedback on the participant's earlier plan, and
        the whole plan once complete (their answers for the week then go)."""
        pid, week = save.participant_id, save.week
        with self._write() as c:
            if save.present is not None:
                c.execute(
                    """INSERT INTO attendance (participant_id, week, present, recorded_at)
                       VALUES (?, ?, ?, ?) ON CONFLICT (participant_id, week)
                       DO UPDATE SET present = excluded.present,
                       recorded_at = excluded.recorded_at""",
                    [pid, week, int(save.present), now],
                )
            for key, value in save.answers.items():
                if value is None:
                    c.execute(
                        "DELETE FROM round_answers WHERE participant_id = ? AND week = ? "
                        "AND key = ?",
                        [pid, week, key],
                    )
                    continue
                c.execute(
                    """INSERT INTO round_answers (participant_id, week, key, value, answered_at)
                       VALUES (?, ?, ?, ?, ?) ON CONFLICT (participant_id, week, key)
                       DO UPDATE SET value = excluded.value,
                       answered_at = excluded.answered_at""",
                    [pid, week, key, value, now],
                )
            if save.feedback is not None:
                plan_week, feedback, wants = save.feedback
                c.execute(
                    """UPDATE course_plans SET feedback = ?, wants_problem_solving = ?,
                       feedback_at = ? WHERE participant_id = ? AND week = ?""",
                    [feedback, int(wants), now, pid, plan_week],
                )
            if save.plan is not None:
                draft = save.plan
                c.execute(
                    """INSERT INTO course_plans (participant_id, week, what, how_much,
                       when_text, days, times, confidence, first_confidence, recorded_at,
                       agreed_with_professional) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    [
                        pid,
                        week,
                        draft.what,
                        draft.how_much,
                        draft.when,
                        ",".join(draft.days) if draft.days is not None else None,
                        draft.times,
                        draft.confidence,
                        save.first_confidence,
                        now,
                        int(save.agreed),
                    ],
                )
            if save.done:
                c.execute(
                    "DELETE FROM round_answers WHERE participant_id = ? AND week = ?", [pid, week]
                )
