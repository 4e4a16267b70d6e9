"""Queries for problem-solving: problems, their ideas and each idea tried.

Each write method is one of the person's answers, saved in its own transaction as it is given,
so that stopping at any point keeps everything already answered. A write that moves a
problem on checks its status inside the transaction (the domain's `advance` decides what may
follow what), so two smcoach runs on the same problem cannot both move it.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import date

from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING
from smcoach.store.grouped import rows_by

if TYPE_CHECKING:  # imported where used: every command loads the store
    from smcoach.domain.problems import Attempt, Idea, Problem


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _problem(row: sqlite3.Row) -> Problem:
    from smcoach.domain.problems import Problem

    return Problem(
        row["id"],
        row["text"],
        row["kind"],
        row["status"],
        date.fromisoformat(row["created"]),
        date.fromisoformat(row["updated"]),
        row["created_at"],
    )


def _idea(row: sqlite3.Row) -> Idea:
    from smcoach.domain.problems import Idea

    return Idea(row["id"], row["problem_id"], row["text"], row["source"])


def _attempt(row: sqlite3.Row) -> Attempt:
    from smcoach.domain.problems import Attempt

    return Attempt(
        row["id"],
        row["problem_id"],
        row["idea_id"],
        date.fromisoformat(row["started"]),
        row["result"],
        _day(row["assessed"]),
        row["note"],
        row["plan_id"],
    )


class ProblemQueries:
    conn: sqlite3.Connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    # --- reading ------------------------------------------------------------------------------

    def problem(self, problem_id: int) -> Problem:
        row = self.conn.execute("SELECT * FROM problems WHERE id = ?", [problem_id]).fetchone()
        if row is None:
            raise SmcoachError(t("solve.not_found", id=problem_id))
        return _problem(row)

    def problems(self, include_closed: bool = False) -> list[Problem]:
        where = "" if include_closed else "WHERE status NOT IN ('solved', 'accepted')"
        rows = self.conn.execute(f"SELECT * FROM problems {where} ORDER BY id")
        return [_problem(r) for r in rows]

    def problem_ideas(self, problem_ids: list[int]) -> dict[int, list[Idea]]:
        return rows_by(self.conn, "problem_ideas", "problem_id", problem_ids, "id", _idea)

    def problem_attempts(self, problem_ids: list[int]) -> dict[int, list[Attempt]]:
        return rows_by(self.conn, "problem_attempts", "problem_id", problem_ids, "id", _attempt)

    def problems_to_revisit(self, today: date) -> list[int]:
        """Problems with an idea chosen before today and not yet assessed: to ask how it went."""
        rows = self.conn.execute(
            """SELECT p.id FROM problems p JOIN problem_attempts a ON a.problem_id = p.id
               WHERE p.status = 'trying' AND a.result IS NULL AND a.started < ?
               ORDER BY p.id""",
            [today.isoformat()],
        )
        return [r[0] for r in rows]

    # --- writing: one answer, one transaction -------------------------------------------------

    def _move(self, c: sqlite3.Connection, problem_id: int, event: str, today: date) -> str:
        """Within a write: move the problem on by `event`, or refuse if it has moved already."""
        from smcoach.domain.problems import advance

        problem = self.problem(problem_id)
        status = advance(problem.status, event)
        if status is None:
            raise SmcoachError(t("solve.moved_on", id=problem_id, status=problem.status))
        c.execute(
            "UPDATE problems SET status = ?, updated = ? WHERE id = ?",
            [status, today.isoformat(), problem_id],
        )
        return status

    def _touch(self, c: sqlite3.Connection, problem_id: int, today: date, *allowed: str) -> None:
        problem = self.problem(problem_id)
        if problem.status not in allowed:
            raise SmcoachError(t("solve.moved_on", id=problem_id, status=problem.status))
        c.execute("UPDATE problems SET updated = ? WHERE id = ?", [today.isoformat(), problem_id])

    def add_problem(self, text: str, today: date, now: str) -> int:
        """Step 1: the problem, as the person names it."""
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO problems (text, created, updated, created_at) VALUES (?, ?, ?, ?)",
                [text, today.isoformat(), today.isoformat(), now],
            )
            return int(cur.lastrowid or 0)

    def rename_problem(self, problem_id: int, text: str, today: date) -> None:
        with self._write() as c:
            self._touch(c, problem_id, today, "open")
            c.execute("UPDATE problems SET text = ? WHERE id = ?", [text, problem_id])

    def set_problem_kind(self, problem_id: int, kind: str, today: date) -> None:
        with self._write() as c:
            self._touch(c, problem_id, today, "open")
            c.execute("UPDATE problems SET kind = ? WHERE id = ?", [kind, problem_id])

    def add_idea(self, problem_id: int, text: str, source: str, today: date) -> int:
        """Step 2: one idea of the person's own, while the list is still open."""
        with self._write() as c:
            self._touch(c, problem_id, today, "open")
            return self._insert_idea(c, problem_id, text, source)

    def _insert_idea(self, c: sqlite3.Connection, problem_id: int, text: str, source: str) -> int:
        cur = c.execute(
            "INSERT INTO problem_ideas (problem_id, text, source) VALUES (?, ?, ?)",
            [problem_id, text, source],
        )
        return int(cur.lastrowid or 0)

    def finish_ideas(self, problem_id: int, suggestions: list[str], today: date) -> None:
        """Step 2's last answer: the suggested ideas taken from the cards close the list."""
        with self._write() as c:
            for text in suggestions:
                self._insert_idea(c, problem_id, text, "card")
            self._move(c, problem_id, "ideas_listed", today)

    def choose_idea(self, problem_id: int, idea_id: int, today: date) -> int:
        """Steps 3 and 5: the idea to try next. Returns the attempt's ID."""
        with self._write() as c:
            self._move(c, problem_id, "chose", today)
            return self._start(c, problem_id, idea_id, today)

    def add_and_choose_idea(self, problem_id: int, text: str, source: str, today: date) -> int:
        """A new idea, to try at once (a new idea at step 5, someone to ask at step 6, one more
        idea at step 7). Returns the attempt's ID."""
        with self._write() as c:
            self._move(c, problem_id, "chose", today)
            idea_id = self._insert_idea(c, problem_id, text, source)
            return self._start(c, problem_id, idea_id, today)

    def _start(self, c: sqlite3.Connection, problem_id: int, idea_id: int, today: date) -> int:
        cur = c.execute(
            "INSERT INTO problem_attempts (problem_id, idea_id, started) VALUES (?, ?, ?)",
            [problem_id, idea_id, today.isoformat()],
        )
        return int(cur.lastrowid or 0)

    def record_result(self, problem_id: int, result: str, today: date) -> str:
        """Step 4: how the idea being tried went. Returns the problem's new status."""
        from smcoach.domain.problems import RESULTS

        if result not in RESULTS:
            raise ValueError(f"unknown result {result!r}")
        with self._write() as c:
            status = self._move(c, problem_id, result, today)
            c.execute(
                """UPDATE problem_attempts SET result = ?, assessed = ?
                   WHERE problem_id = ? AND result IS NULL""",
                [result, today.isoformat(), problem_id],
            )
            return status

    def note_attempt(self, attempt_id: int, note: str) -> None:
        with self._write() as c:
            c.execute("UPDATE problem_attempts SET note = ? WHERE id = ?", [note, attempt_id])

    def attempt_idea(self, attempt_id: int) -> str | None:
        """The words of the idea being tried in an attempt, while it has no plan yet."""
        row = self.conn.execute(
            """SELECT i.text FROM problem_attempts a
               JOIN problem_ideas i ON i.problem_id = a.problem_id AND i.id = a.idea_id
               WHERE a.id = ? AND a.plan_id IS NULL""",
            [attempt_id],
        ).fetchone()
        return row[0] if row else None

    def link_plan(self, attempt_id: int, plan_id: int) -> None:
        """The action plan made from the idea being tried."""
        with self._write() as c:
            c.execute("UPDATE problem_attempts SET plan_id = ? WHERE id = ?", [plan_id, attempt_id])

    def ask_for_help(self, problem_id: int, today: date) -> None:
        """On to step 6: the person would rather look for other people or services now (from
        step 5), or the problem's words call for help now (from step 1)."""
        with self._write() as c:
            self._move(c, problem_id, "ask_for_help", today)

    def keep_idea_ask_for_help(self, problem_id: int, text: str, source: str, today: date) -> None:
        """An idea whose words call for help now: kept as typed, not tried; on to step 6."""
        with self._write() as c:
            if self.problem(problem_id).status != "resources":
                self._move(c, problem_id, "ask_for_help", today)
            self._insert_idea(c, problem_id, text, source)

    def no_one_to_ask(self, problem_id: int, today: date) -> None:
        """Step 6 -> 7: no one to ask right now."""
        with self._write() as c:
            self._move(c, problem_id, "no_one", today)

    def set_aside(self, problem_id: int, today: date) -> None:
        """Step 7: not solvable right now."""
        with self._write() as c:
            self._move(c, problem_id, "set_aside", today)

    def reopen_problem(self, problem_id: int, today: date) -> None:
        """A problem set aside, picked up again: back to listing ideas, all kept."""
        with self._write() as c:
            self._move(c, problem_id, "reopen", today)
