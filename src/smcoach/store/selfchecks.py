"""Queries for the self-efficacy scale: each time it is taken, with its answer to each item.

A selfcheck and its items are saved in one transaction: a failure part-way saves nothing.
Skipped items have no row in selfcheck_items; `answered` keeps their count on the selfcheck.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import date

from smcoach.domain.dates import iso_week
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: every command loads the store
    from smcoach.domain.selfefficacy import Selfcheck


class SelfcheckQueries:
    conn: sqlite3.Connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def add_selfcheck(
        self, day: date, form: str, answers: list[int | None], score: float | None, now: str
    ) -> int:
        """Save one selfcheck: `answers` holds one answer per item, in order (None: skipped).
        It replaces any taken earlier the same day on the same form: one score a day."""
        with self._write() as c:
            earlier = "SELECT id FROM selfchecks WHERE day = ? AND form = ?"
            c.execute(
                f"DELETE FROM selfcheck_items WHERE selfcheck_id IN ({earlier})",
                [day.isoformat(), form],
            )
            c.execute("DELETE FROM selfchecks WHERE day = ? AND form = ?", [day.isoformat(), form])
            cur = c.execute(
                """INSERT INTO selfchecks (day, week, form, score, answered, created_at)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                [
                    day.isoformat(),
                    iso_week(day),
                    form,
                    score,
                    sum(a is not None for a in answers),
                    now,
                ],
            )
            selfcheck_id = int(cur.lastrowid or 0)
            c.executemany(
                "INSERT INTO selfcheck_items (selfcheck_id, item, answer) VALUES (?, ?, ?)",
                [
                    (selfcheck_id, item, answer)
                    for item, answer in enumerate(answers, 1)
                    if answer is not None
                ],
            )
            return selfcheck_id

    def selfchecks_on(self, day: date, form: str) -> int:
        """How many selfchecks of `form` are saved for `day`."""
        row = self.conn.execute(
            "SELECT COUNT(*) FROM selfchecks WHERE day = ? AND form = ?", [day.isoformat(), form]
        ).fetchone()
        return int(row[0])

    def selfchecks(self) -> list[Selfcheck]:
        """Every selfcheck, oldest first, with an answer for each of its form's items (None
        where skipped)."""
        from smcoach.domain.selfefficacy import FORM_ITEMS, Selfcheck

        answers: dict[int, dict[int, int]] = {}
        for r in self.conn.execute("SELECT selfcheck_id, item, answer FROM selfcheck_items"):
            answers.setdefault(r[0], {})[r[1]] = r[2]
        found = []
        for r in self.conn.execute("SELECT * FROM selfchecks ORDER BY day, id"):
            given = answers.get(r["id"], {})
            items = FORM_ITEMS.get(r["form"], max(given, default=0))
            found.append(
                Selfcheck(
                    r["id"],
                    date.fromisoformat(r["day"]),
                    r["form"],
                    r["score"],
                    tuple(given.get(n) for n in range(1, items + 1)),
                    r["created_at"],
                )
            )
        return found

    def selfcheck_days(self, form: str) -> tuple[date | None, date | None]:
        """The days of the first and the latest selfcheck on `form` (None, None if never
        taken)."""
        first, last = self.conn.execute(
            "SELECT MIN(day), MAX(day) FROM selfchecks WHERE form = ?", [form]
        ).fetchone()
        return (
            date.fromisoformat(first) if first else None,
            date.fromisoformat(last) if last else None,
        )

    def selfcheck_forms(self) -> dict[str, int]:
        """How many scored selfchecks there are of each form, the form of the latest first."""
        rows = self.conn.execute(
            """SELECT form, COUNT(*) FROM selfchecks WHERE score IS NOT NULL
               GROUP BY form ORDER BY MAX(day || ' ' || created_at) DESC"""
        )
        return {r[0]: r[1] for r in rows}
