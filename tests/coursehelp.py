"""Building a course register for tests, straight into the m008_courses tables: a course, its
participants, attendance, plans (with feedback) and self-efficacy answers. The file is made
and migrated by a Store, as smcoach makes it."""

import json
import sqlite3
from datetime import date
from pathlib import Path

STAMP = "2026-11-02T18:00:00+00:00"


class CourseFile:
    """A course in the database at `path`; each method writes at once (autocommit)."""

    def __init__(self, path: Path, name: str = "Tuesday group", start: date = date(2026, 11, 2),
                 weeks: int = 6):  # fmt: skip
        from smcoach.store import Store

        Store(path).close()  # makes the file, private, migrated
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.id = self.conn.execute(
            "INSERT INTO courses (name, start, weeks, created_at) VALUES (?, ?, ?, ?)",
            [name, start.isoformat(), weeks, STAMP],
        ).lastrowid
        self.name, self.start, self.weeks = name, start, weeks
        self.ids: dict[str, int] = {}

    def close(self) -> None:
        self.conn.close()

    def add(self, *names: str) -> "CourseFile":
        for name in names:
            self.ids[name] = self.conn.execute(
                "INSERT INTO participants (course_id, name, added) VALUES (?, ?, ?)",
                [self.id, name, self.start.isoformat()],
            ).lastrowid
        return self

    def remove(self, name: str, on: date) -> None:
        self.conn.execute(
            "UPDATE participants SET status = 'removed', removed = ? WHERE id = ?",
            [on.isoformat(), self.ids[name]],
        )

    def attend(self, name: str, week: int, present: bool = True) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO attendance (participant_id, week, present, recorded_at) "
            "VALUES (?, ?, ?, ?)",
            [self.ids[name], week, int(present), STAMP],
        )

    def attend_weeks(self, name: str, present: list[int], absent: tuple[int, ...] = ()) -> None:
        for week in present:
            self.attend(name, week)
        for week in absent:
            self.attend(name, week, False)

    def plan(self, name: str, week: int, what: str = "walk round the park", *,
             how_much: str = "15 minutes", when: str = "after lunch",
             days: str | None = "mon,wed,fri", times: int | None = None, confidence: int = 8,
             feedback: str | None = None, wants: bool | None = None) -> None:  # fmt: skip
        self.conn.execute(
            """INSERT INTO course_plans (participant_id, week, what, how_much, when_text, days,
               times, confidence, first_confidence, feedback, wants_problem_solving,
               recorded_at, feedback_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [self.ids[name], week, what, how_much, when, None if times else days, times,
             confidence, confidence, feedback, None if wants is None else int(wants), STAMP,
             STAMP if feedback else None],
        )  # fmt: skip

    def selfcheck(self, name: str, week: int, answers: list[int | None]) -> None:
        from smcoach.domain.selfefficacy import FORM, score

        self.conn.execute(
            """INSERT INTO course_selfchecks (participant_id, week, form, score, answered,
               answers, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [self.ids[name], week, FORM, score(answers), sum(a is not None for a in answers),
             json.dumps(answers), STAMP],
        )  # fmt: skip
