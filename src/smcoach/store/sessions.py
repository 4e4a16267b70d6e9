"""Queries for the guided session: its current step and every answer, saved as given."""

import sqlite3
from contextlib import AbstractContextManager
from datetime import date

from smcoach.records import NamedTuple


class Session(NamedTuple):
    id: int
    started_at: str
    started_on: date
    status: str  # open, done, abandoned
    step: str
    only_step: bool  # run with --step: that step alone
    plans_before: int  # the highest plan ID when the session began
    problems_before: int


class SessionQueries:
    conn: sqlite3.Connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def open_session(self) -> Session | None:
        row = self.conn.execute(
            "SELECT * FROM sessions WHERE status = 'open' ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return _session(row) if row else None

    def start_session(self, step: str, only_step: bool, today: date, now: str) -> Session:
        with self._write() as c:
            cur = c.execute(
                """INSERT INTO sessions (started_at, started_on, step, only_step, plans_before,
                   problems_before) VALUES (?, ?, ?, ?,
                   (SELECT COALESCE(MAX(id), 0) FROM plans),
                   (SELECT COALESCE(MAX(id), 0) FROM problems))""",
                [now, today.isoformat(), step, int(only_step)],
            )
        session = self.open_session()
        assert session is not None and session.id == cur.lastrowid
        return session

    def set_session_step(self, session_id: int, step: str) -> None:
        with self._write() as c:
            c.execute("UPDATE sessions SET step = ? WHERE id = ?", [step, session_id])

    def end_session(self, session_id: int, status: str, now: str) -> None:
        with self._write() as c:
            c.execute(
                "UPDATE sessions SET status = ?, finished_at = ? WHERE id = ?",
                [status, now, session_id],
            )

    def add_session_answer(self, session_id: int, key: str, value: str | None, now: str) -> None:
        with self._write() as c:
            c.execute(
                """INSERT INTO session_answers (session_id, seq, key, value, answered_at)
                   VALUES (?, (SELECT COUNT(*) FROM session_answers WHERE session_id = ?),
                   ?, ?, ?)""",
                [session_id, session_id, key, value, now],
            )

    def session_answers(self, session_id: int) -> list[tuple[str, str | None]]:
        rows = self.conn.execute(
            "SELECT key, value FROM session_answers WHERE session_id = ? ORDER BY seq",
            [session_id],
        )
        return [(r[0], r[1]) for r in rows]

    def is_first_run(self) -> bool:
        """Nothing recorded yet: no agenda, goal, plan or finished session."""
        row = self.conn.execute(
            """SELECT EXISTS (SELECT 1 FROM agenda) OR EXISTS (SELECT 1 FROM goals)
               OR EXISTS (SELECT 1 FROM plans)
               OR EXISTS (SELECT 1 FROM sessions WHERE status = 'done')"""
        ).fetchone()
        return not row[0]

    def feedback_plan_id(self, today: date) -> int | None:
        """The latest plan whose week is over (or ends today) and has had no feedback."""
        row = self.conn.execute(
            """SELECT id FROM plans WHERE feedback_on IS NULL AND date(start, '+6 days') <= ?
               AND id NOT IN (SELECT replaces FROM plans WHERE replaces IS NOT NULL)
               ORDER BY start DESC, id DESC LIMIT 1""",
            [today.isoformat()],
        ).fetchone()
        return row[0] if row else None

    def record_feedback(
        self, plan_id: int, how: str | None, today: date, barrier: str | None = None
    ) -> None:
        """Feedback closes the plan's week: the plan ends, with what the person said (how it
        went, and what got in the way)."""
        with self._write() as c:
            c.execute(
                """UPDATE plans SET feedback = ?, feedback_on = ?, feedback_barrier = ?,
                   status = 'ended', ended = COALESCE(ended, ?) WHERE id = ?""",
                [how, today.isoformat(), barrier, today.isoformat(), plan_id],
            )

    def plans_made_in(self, session: Session) -> list[int]:
        rows = self.conn.execute(
            "SELECT id FROM plans WHERE id > ? ORDER BY id", [session.plans_before]
        )
        return [r[0] for r in rows]

    def problems_started_in(self, session: Session) -> list[int]:
        rows = self.conn.execute(
            "SELECT id FROM problems WHERE id > ? ORDER BY id", [session.problems_before]
        )
        return [r[0] for r in rows]


def _session(row: sqlite3.Row) -> Session:
    return Session(
        row["id"],
        row["started_at"],
        date.fromisoformat(row["started_on"]),
        row["status"],
        row["step"],
        bool(row["only_step"]),
        row["plans_before"],
        row["problems_before"],
    )
