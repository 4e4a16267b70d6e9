"""Read-only queries for a course's board, cards, report and export, aggregated in SQL: each
reads one course's records through its participants (an index on participants' course), so a
file pooling many courses costs a view no more than the course it shows. No query takes a
parameter per row.

The one write here is a participant's self-efficacy scale taken in the group (`group
selfcheck`), which the views own: one participant's answers, one transaction.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager

from smcoach.records import TYPE_CHECKING
from smcoach.store.courses import course_plan

if TYPE_CHECKING:  # imported where used: every command loads the store
    from typing import Any

    from smcoach.domain.course import CoursePlan
    from smcoach.domain.course_report import WeekCounts

# The participants of one course, removed ones too: every query below reads through it.
_COURSE_PEOPLE = "SELECT id FROM participants WHERE course_id = ?"


class CourseViewQueries:
    conn: sqlite3.Connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def course_history(self, course_id: int) -> set[int]:
        """The course's participants with any record: attendance, a plan or a self-check."""
        rows = self.conn.execute(
            f"""SELECT id FROM ({_COURSE_PEOPLE}) AS p WHERE
                EXISTS (SELECT 1 FROM attendance WHERE participant_id = p.id)
                OR EXISTS (SELECT 1 FROM course_plans WHERE participant_id = p.id)
                OR EXISTS (SELECT 1 FROM course_selfchecks WHERE participant_id = p.id)""",
            [course_id],
        )
        return {r[0] for r in rows}

    def board_attendance(
        self, course_id: int, first: int, last: int
    ) -> dict[tuple[int, int], bool]:
        """Present (True) or absent (False) by (participant, week), for the weeks first..last;
        a week with nothing recorded has no entry."""
        rows = self.conn.execute(
            f"""SELECT participant_id, week, present FROM attendance
                WHERE participant_id IN ({_COURSE_PEOPLE}) AND week BETWEEN ? AND ?""",
            [course_id, first, last],
        )
        return {(r[0], r[1]): bool(r[2]) for r in rows}

    def board_plans(
        self, course_id: int, first: int, last: int
    ) -> dict[tuple[int, int], CoursePlan]:
        """The plans made at the sessions of weeks first..last, by (participant, week)."""
        rows = self.conn.execute(
            f"""SELECT * FROM course_plans
                WHERE participant_id IN ({_COURSE_PEOPLE}) AND week BETWEEN ? AND ?""",
            [course_id, first, last],
        )
        return {(r["participant_id"], r["week"]): course_plan(r) for r in rows}

    def report_week_counts(self, course_id: int, low_below: int) -> list[WeekCounts]:
        """Each week's attendance and plans, counted: plans under `low_below` confidence are
        counted as low; feedback is counted on the week of the plan it is about."""
        from smcoach.domain.course_report import WeekCounts

        attendance = {
            r[0]: (r[1], r[2])
            for r in self.conn.execute(
                f"""SELECT week, SUM(present), SUM(1 - present) FROM attendance
                    WHERE participant_id IN ({_COURSE_PEOPLE}) GROUP BY week""",
                [course_id],
            )
        }
        plans = {
            r[0]: r[1:]
            for r in self.conn.execute(
                f"""SELECT week, COUNT(*), SUM(confidence), SUM(confidence < ?),
                    SUM(feedback IS 'done'), SUM(feedback IS 'partly'), SUM(feedback IS 'not'),
                    SUM(wants_problem_solving IS 1)
                    FROM course_plans WHERE participant_id IN ({_COURSE_PEOPLE}) GROUP BY week""",
                [low_below, course_id],
            )
        }
        return [
            WeekCounts(week, *attendance.get(week, (0, 0)), *plans.get(week, (0,) * 7))
            for week in sorted(attendance.keys() | plans.keys())
        ]

    def report_attended(self, course_id: int) -> dict[int, int]:
        """Sessions attended, by participant (those never recorded present are left out)."""
        rows = self.conn.execute(
            f"""SELECT participant_id, COUNT(*) FROM attendance
                WHERE participant_id IN ({_COURSE_PEOPLE}) AND present = 1
                GROUP BY participant_id""",
            [course_id],
        )
        return {r[0]: r[1] for r in rows}

    def report_scores(
        self, course_id: int, first: int, last: int
    ) -> tuple[str | None, dict[int, dict[int, float | None]], int]:
        """The self-efficacy scores taken at weeks `first` and `last`, by participant and
        week (None: taken, but too few answers to score), on the scale most used in the
        course: a change is never taken between two different scales (a course asked in
        Spanish answers the SEMCD-S, in English the SEMCD-6). Returns that scale, the scores,
        and how many checks at those weeks are on another scale (left out)."""
        row = self.conn.execute(
            f"""SELECT form FROM course_selfchecks WHERE participant_id IN ({_COURSE_PEOPLE})
                GROUP BY form ORDER BY COUNT(*) DESC, form LIMIT 1""",
            [course_id],
        ).fetchone()
        form = row[0] if row else None
        found: dict[int, dict[int, float | None]] = {}
        other = 0
        for person, week, score, scale in self.conn.execute(
            f"""SELECT participant_id, week, score, form FROM course_selfchecks
                WHERE participant_id IN ({_COURSE_PEOPLE}) AND week IN (?, ?)""",
            [course_id, first, last],
        ):
            if scale == form:
                found.setdefault(person, {})[week] = score
            else:
                other += 1
        return form, found, other

    def export_records(self, course_id: int) -> dict[str, list[dict[str, Any]]]:
        """The course's attendance, plans and self-checks, each by participant and week, as
        the columns hold them (the round's unsaved answers are working notes: not exported)."""
        import json

        def rows(sql: str) -> list[dict[str, Any]]:
            found = self.conn.execute(sql.format(of=_COURSE_PEOPLE), [course_id])
            return [dict(r) for r in found]

        attendance = rows(
            """SELECT participant_id, week, present, recorded_at FROM attendance
               WHERE participant_id IN ({of}) ORDER BY participant_id, week"""
        )
        plans = [
            course_plan(r)._asdict()
            for r in self.conn.execute(
                f"""SELECT * FROM course_plans WHERE participant_id IN ({_COURSE_PEOPLE})
                    ORDER BY participant_id, week""",
                [course_id],
            )
        ]
        selfchecks = rows(
            """SELECT participant_id, week, form, score, answered, answers, recorded_at
               FROM course_selfchecks WHERE participant_id IN ({of})
               ORDER BY participant_id, week"""
        )
        for check in selfchecks:
            check["answers"] = json.loads(check["answers"])
        return {"attendance": attendance, "plans": plans, "selfchecks": selfchecks}

    # --- the self-efficacy scale in the group ---------------------------------------------------

    def selfchecked(self, course_id: int, week: int) -> set[int]:
        """The participants who have taken the scale at the session of `week`."""
        rows = self.conn.execute(
            f"""SELECT participant_id FROM course_selfchecks
                WHERE participant_id IN ({_COURSE_PEOPLE}) AND week = ?""",
            [course_id, week],
        )
        return {r[0] for r in rows}

    def save_group_selfcheck(
        self,
        participant_id: int,
        week: int,
        form: str,
        answers: list[int | None],
        score: float | None,
        now: str,
    ) -> None:
        """Save one participant's answers as given (None: skipped), replacing any they gave
        at the same session."""
        import json

        with self._write() as c:
            c.execute(
                """INSERT INTO course_selfchecks
                   (participant_id, week, form, score, answered, answers, recorded_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (participant_id, week) DO UPDATE SET form = excluded.form,
                   score = excluded.score, answered = excluded.answered,
                   answers = excluded.answers, recorded_at = excluded.recorded_at""",
                [
                    participant_id,
                    week,
                    form,
                    score,
                    sum(a is not None for a in answers),
                    json.dumps(answers),
                    now,
                ],
            )
