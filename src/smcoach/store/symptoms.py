"""Queries for symptoms and their daily 0-10 ratings.

Names are matched as the domain says (`domain.symptoms.normalise`: case and runs of spaces do
not matter); the partial unique index on active names is a backstop. Ratings carry the ISO
week of their day, so that weekly figures are aggregated in SQL through its index.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import date

from smcoach.domain.dates import iso_week
from smcoach.domain.models import CheckIn
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: every command loads the store
    from smcoach.domain.symptoms import Rating, RatingSaved, Symptom


def _is_week_key(text: str) -> bool:
    """An ISO week key such as 2026-W48 (four digits, -W, two digits)."""
    digits = text[:4] + text[6:]
    return len(text) == 8 and text[4:6] == "-W" and digits.isascii() and digits.isdigit()


def _symptom(row: sqlite3.Row) -> Symptom:
    from smcoach.domain.symptoms import Symptom

    return Symptom(
        row["id"],
        row["name"],
        row["status"],
        date.fromisoformat(row["created"]),
        date.fromisoformat(row["removed"]) if row["removed"] else None,
        bool(row["higher_is_better"]),
    )


class SymptomQueries:
    conn: sqlite3.Connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _upsert_checkin(self, c: sqlite3.Connection, checkin: CheckIn, now: str) -> CheckIn | None:
        raise NotImplementedError

    # --- the list -----------------------------------------------------------------------------

    def symptoms(self, include_removed: bool = False) -> list[Symptom]:
        """Active symptoms in the order they were added; with `include_removed`, every one."""
        where = "" if include_removed else "WHERE status = 'active'"
        rows = self.conn.execute(f"SELECT * FROM symptoms {where} ORDER BY id")
        return [_symptom(r) for r in rows]

    def active_symptom(self, name: str) -> Symptom:
        from smcoach.domain.symptoms import find

        found = find(self.symptoms(), name)
        if found is None:
            raise SmcoachError(t("symptom.not_found", name=name))
        return found

    def add_symptom(self, name: str, today: date, higher_is_better: bool = False) -> Symptom:
        """Add a symptom to follow. A name already active (in any case) is refused; a removed
        one may be added again, as a new symptom."""
        from smcoach.domain.symptoms import Symptom, find

        with self._write() as c:
            existing = find(self.symptoms(), name)
            if existing is not None:
                raise SmcoachError(t("symptom.exists", name=existing.name))
            cur = c.execute(
                "INSERT INTO symptoms (name, created, higher_is_better) VALUES (?, ?, ?)",
                [name, today.isoformat(), int(higher_is_better)],
            )
            return Symptom(int(cur.lastrowid or 0), name, "active", today, None, higher_is_better)

    def remove_symptom(self, name: str, today: date) -> Symptom:
        """Stop following a symptom: it and its ratings are kept, with status 'removed'."""
        with self._write() as c:
            symptom = self.active_symptom(name)
            c.execute(
                "UPDATE symptoms SET status = 'removed', removed = ? WHERE id = ?",
                [today.isoformat(), symptom.id],
            )
            return symptom._replace(status="removed", removed=today)

    # --- ratings ------------------------------------------------------------------------------

    def save_ratings(
        self,
        day: date,
        ratings: list[tuple[str, int]],
        now: str,
        checkin: CheckIn | None = None,
    ) -> tuple[CheckIn | None, list[RatingSaved]]:
        """Record a day's ratings of active symptoms by name, and the check-in if one is given,
        in one transaction: an unknown name (or any other failure) saves none of it. A rating
        replaces an earlier one for that symptom and day.

        Returns the check-in replaced (if any) and each rating as saved."""
        from smcoach.domain.symptoms import RatingSaved, find

        with self._write() as c:
            active = self.symptoms()
            targets: list[tuple[Symptom, int]] = []
            for name, rating in ratings:
                symptom = find(active, name)
                if symptom is None:
                    raise SmcoachError(t("symptom.not_found", name=name))
                targets.append((symptom, rating))
            replaced = self._upsert_checkin(c, checkin, now) if checkin else None
            saved = []
            for symptom, rating in targets:
                old = c.execute(
                    "SELECT rating FROM symptom_ratings WHERE symptom_id = ? AND day = ?",
                    [symptom.id, day.isoformat()],
                ).fetchone()
                c.execute(
                    """INSERT INTO symptom_ratings (symptom_id, day, week, rating, recorded_at)
                       VALUES (?, ?, ?, ?, ?)
                       ON CONFLICT (symptom_id, day) DO UPDATE SET rating = excluded.rating,
                       recorded_at = excluded.recorded_at""",
                    [symptom.id, day.isoformat(), iso_week(day), rating, now],
                )
                saved.append(
                    RatingSaved(
                        symptom.name,
                        rating,
                        old[0] if old else None,
                        symptom.id,
                        symptom.higher_is_better,
                    )
                )
            return replaced, saved

    def recent_average(self, symptom_id: int, day: date, days: int) -> float | None:
        """The symptom's average rating over the `days` days before `day` (not counting it),
        or None when it has none there."""
        from datetime import timedelta

        row = self.conn.execute(
            """SELECT AVG(rating) FROM symptom_ratings
               WHERE symptom_id = ? AND day >= ? AND day < ?""",
            [symptom_id, (day - timedelta(days=days)).isoformat(), day.isoformat()],
        ).fetchone()
        return None if row[0] is None else float(row[0])

    def ratings_for(self, day: date) -> list[Rating]:
        """Every rating of that day, of active and removed symptoms, in the list's order."""
        from smcoach.domain.symptoms import Rating

        rows = self.conn.execute(
            """SELECT r.symptom_id, s.name, r.day, r.rating FROM symptom_ratings r
               JOIN symptoms s ON s.id = r.symptom_id WHERE r.day = ? ORDER BY s.id""",
            [day.isoformat()],
        )
        return [Rating(r[0], r[1], date.fromisoformat(r[2]), r[3]) for r in rows]

    def symptom_weekly_averages(
        self, first_week: str, last_week: str
    ) -> dict[str, dict[str, float]]:
        """Average rating per symptom and ISO week ('2026-W48'), from `first_week` to
        `last_week` inclusive: {name: {week: average}}.

        Added up in SQL, by week (the symptom_weeks table). A week with no rating of a
        symptom is absent, not 0, and a symptom with none in the range is absent. Removed
        symptoms are included. A symptom removed and later added again under the same name
        (in any case) is one line, under the name it was most recently added with."""
        from smcoach.domain.symptoms import normalise
        from smcoach.store.connection import tuples

        for week in (first_week, last_week):
            if not _is_week_key(week):
                raise ValueError(f"an ISO week key such as 2026-W48 is needed, got {week!r}")
        # symptom_weeks holds each week's sum and count (kept by triggers: see migration
        # m011), in week order.
        rows = tuples(
            self.conn,
            "SELECT week, symptom_id, total, count FROM symptom_weeks WHERE week BETWEEN ? AND ?",
            [first_week, last_week],
        ).fetchall()
        if not rows:
            return {}
        label: dict[int, str] = {}  # symptom id -> the name its line is shown under
        latest: dict[str, str] = {}  # normalised name -> the most recent symptom's name
        everything = self.symptoms(include_removed=True)  # a person's list: a handful of rows
        for s in everything:  # in id order, so the most recent one wins
            latest[normalise(s.name)] = s.name
        for s in everything:
            label[s.id] = latest[normalise(s.name)]
        # Symptoms sharing a line in the same week: combine their sums and counts.
        totals: dict[str, dict[str, tuple[int, int]]] = {}
        for week, symptom_id, total, count in rows:
            weeks = totals.setdefault(label[symptom_id], {})
            before = weeks.get(week, (0, 0))
            weeks[week] = (before[0] + total, before[1] + count)
        return {
            name: {week: total / count for week, (total, count) in sorted(weeks.items())}
            for name, weeks in sorted(totals.items(), key=lambda item: normalise(item[0]))
        }
