"""The only place that knows SQL and table names. Each public write method is one transaction."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from datetime import date, timedelta

from smcoach.domain.dates import iso_week
from smcoach.domain.models import AgendaItem, CheckIn, Goal, Plan, PlanDraft
from smcoach.errors import DamagedError, SmcoachError, StoreError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING
from smcoach.store.connection import check, connect, guard
from smcoach.store.course_views import CourseViewQueries
from smcoach.store.courses import CourseQueries
from smcoach.store.grouped import rows_by
from smcoach.store.problems import ProblemQueries
from smcoach.store.questions import QuestionQueries
from smcoach.store.selfchecks import SelfcheckQueries
from smcoach.store.services import ServiceQueries
from smcoach.store.sessions import SessionQueries
from smcoach.store.symptoms import SymptomQueries
from smcoach.store.trends import TrendQueries

if TYPE_CHECKING:  # pathlib is imported where used: every command loads the store
    from os import PathLike
    from pathlib import Path
    from typing import Any, BinaryIO

    from smcoach.domain.services import Service
    from smcoach.store.dump import Export


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _agenda(row: sqlite3.Row) -> AgendaItem:
    return AgendaItem(
        row["id"],
        row["text"],
        row["status"],
        bool(row["focus"]),
        date.fromisoformat(row["created"]),
        _day(row["closed"]),
    )


def _goal(row: sqlite3.Row) -> Goal:
    return Goal(
        row["id"],
        row["text"],
        row["agenda_id"],
        _day(row["by_day"]),
        row["status"],
        date.fromisoformat(row["created"]),
        _day(row["closed"]),
    )


def _plan(row: sqlite3.Row) -> Plan:
    return Plan(
        id=row["id"],
        what=row["what"],
        how_much=row["how_much"],
        when=row["when_text"],
        days=tuple(row["days"].split(",")) if row["days"] else None,
        times=row["times"],
        confidence=row["confidence"],
        first_confidence=row["first_confidence"],
        kept_low_confidence=bool(row["kept_low_confidence"]),
        barrier=row["barrier"],
        goal_id=row["goal_id"],
        start=date.fromisoformat(row["start"]),
        status=row["status"],
        created_at=row["created_at"],
        ended=_day(row["ended"]),
        feedback=row["feedback"],
        feedback_on=_day(row["feedback_on"]),
        agreed_with_professional=bool(row["agreed_with_professional"]),
        feedback_barrier=row["feedback_barrier"],
        replaces=row["replaces"],
    )


def _checkin(row: sqlite3.Row) -> CheckIn:
    return CheckIn(row["plan_id"], date.fromisoformat(row["day"]), row["status"], row["note"])


class Store(
    SessionQueries,
    ProblemQueries,
    TrendQueries,
    SymptomQueries,
    SelfcheckQueries,
    QuestionQueries,
    CourseQueries,
    CourseViewQueries,
    ServiceQueries,
):
    def __init__(self, path: str | PathLike[str]):
        self.path = os.fspath(path)
        self.conn, self.backup_path = connect(path)
        self.conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self.conn.close()

    def check(self, full: bool = False) -> None:
        """Read the whole file with SQLite's quick_check, or with `full` its integrity_check;
        raises StoreError if it is damaged. Its time grows with the data: writes do not run
        it (see `_write`)."""
        check(self.conn, self.path, full)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One user action: read-then-write under BEGIN IMMEDIATE, all or nothing.

        Every write first looks at the file in constant time (`connection.guard`: not from a
        newer smcoach, not cut short), so that a write takes the same time at any size; SQLite
        reports the damage a statement meets. Reading the file through is for `check`."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as e:  # page 1 is not a database's, or the file is short
            raise explain(e, self.path) from None
        try:
            guard(self.conn, self.path)
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _one(self, sql: str, params: list[object]) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(sql, params).fetchone()
        return row

    # --- agenda -------------------------------------------------------------------------------

    def add_agenda(self, text: str, today: date) -> int:
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO agenda (text, created) VALUES (?, ?)", [text, today.isoformat()]
            )
            return int(cur.lastrowid or 0)

    def add_agenda_items(self, texts: list[str], today: date) -> list[int]:
        """Several items in one write (one check of the file, one sync to disk)."""
        if not texts:
            return []
        ids = []
        with self._write() as c:
            for text in texts:
                cur = c.execute(
                    "INSERT INTO agenda (text, created) VALUES (?, ?)", [text, today.isoformat()]
                )
                ids.append(int(cur.lastrowid or 0))
        return ids

    def agenda(self, include_closed: bool = False) -> list[AgendaItem]:
        where = "" if include_closed else "WHERE status = 'open'"
        rows = self.conn.execute(f"SELECT * FROM agenda {where} ORDER BY id")
        return [_agenda(r) for r in rows]

    def agenda_item(self, item_id: int) -> AgendaItem:
        row = self._one("SELECT * FROM agenda WHERE id = ?", [item_id])
        if row is None:
            raise SmcoachError(t("agenda.not_found", id=item_id))
        return _agenda(row)

    def _open_agenda_item(self, item_id: int) -> AgendaItem:
        item = self.agenda_item(item_id)
        if item.status != "open":
            raise SmcoachError(t("agenda.not_open", id=item_id, status=item.status))
        return item

    def focus_agenda(self, item_id: int) -> None:
        with self._write() as c:
            self._open_agenda_item(item_id)
            c.execute("UPDATE agenda SET focus = 0 WHERE focus = 1")
            c.execute("UPDATE agenda SET focus = 1 WHERE id = ?", [item_id])

    def close_agenda(self, item_id: int, status: str, today: date) -> None:
        """Mark an open item done or removed; it stays in the file, and stops being the focus."""
        with self._write() as c:
            self._open_agenda_item(item_id)
            c.execute(
                "UPDATE agenda SET status = ?, focus = 0, closed = ? WHERE id = ?",
                [status, today.isoformat(), item_id],
            )

    # --- goals --------------------------------------------------------------------------------

    def add_goal(self, text: str, agenda_id: int | None, by: date | None, today: date) -> int:
        with self._write() as c:
            if agenda_id is not None:
                item = self.agenda_item(agenda_id)
                if item.status != "open":  # done or removed: not something to aim at now
                    raise SmcoachError(t("agenda.not_open", id=agenda_id, status=item.status))
            cur = c.execute(
                "INSERT INTO goals (text, agenda_id, by_day, created) VALUES (?, ?, ?, ?)",
                [text, agenda_id, by.isoformat() if by else None, today.isoformat()],
            )
            return int(cur.lastrowid or 0)

    def goals(self, include_closed: bool = False) -> list[Goal]:
        where = "" if include_closed else "WHERE status = 'active'"
        return [_goal(r) for r in self.conn.execute(f"SELECT * FROM goals {where} ORDER BY id")]

    def goal(self, goal_id: int) -> Goal:
        row = self._one("SELECT * FROM goals WHERE id = ?", [goal_id])
        if row is None:
            raise SmcoachError(t("goal.not_found", id=goal_id))
        return _goal(row)

    def close_goal(self, goal_id: int, status: str, today: date) -> None:
        with self._write() as c:
            goal = self.goal(goal_id)
            if goal.status != "active":
                raise SmcoachError(t("goal.not_active", id=goal_id, status=goal.status))
            c.execute(
                "UPDATE goals SET status = ?, closed = ? WHERE id = ?",
                [status, today.isoformat(), goal_id],
            )

    # --- plans --------------------------------------------------------------------------------

    def add_plan(
        self,
        draft: PlanDraft,
        first_confidence: int,
        kept_low: bool,
        now: str,
        barrier: str | None = None,
        agreed_with_professional: bool = False,
        replaces: int | None = None,
        service: Service | None = None,
    ) -> int:
        """Save a plan. With `replaces`, that plan ends the day before this one starts (in the
        same transaction), keeping its check-ins: an adjusted plan keeps its history. With
        `service`, the plan is tied to it, in the same transaction (an entry of a provided
        directory is copied into the person's own first)."""
        with self._write() as c:
            if draft.goal_id is not None:
                self.goal(draft.goal_id)
            if replaces is not None:
                old = self.plan(replaces)
                last = max(draft.start - timedelta(days=1), old.start)
                c.execute(
                    "UPDATE plans SET status = 'ended', ended = COALESCE(ended, ?) WHERE id = ?",
                    [last.isoformat(), replaces],
                )
            cur = c.execute(
                """INSERT INTO plans (what, how_much, when_text, days, times, confidence,
                   first_confidence, kept_low_confidence, barrier, goal_id, start, week,
                   created_at, agreed_with_professional, replaces)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    draft.what,
                    draft.how_much,
                    draft.when,
                    ",".join(draft.days) if draft.days is not None else None,
                    draft.times,
                    draft.confidence,
                    first_confidence,
                    int(kept_low),
                    barrier,
                    draft.goal_id,
                    draft.start.isoformat(),
                    iso_week(draft.start),
                    now,
                    int(agreed_with_professional),
                    replaces,
                ],
            )
            plan_id = int(cur.lastrowid or 0)
            if service is not None:
                service_id = self._service_for_plan(c, service, now)
                c.execute("UPDATE plans SET service_id = ? WHERE id = ?", [service_id, plan_id])
            return plan_id

    def plan(self, plan_id: int) -> Plan:
        row = self._one("SELECT * FROM plans WHERE id = ?", [plan_id])
        if row is None:
            raise SmcoachError(t("plan.not_found", id=plan_id))
        return _plan(row)

    def plans(self, include_ended: bool = False) -> list[Plan]:
        where = "" if include_ended else "WHERE status = 'active'"
        rows = self.conn.execute(f"SELECT * FROM plans {where} ORDER BY start, id")
        return [_plan(r) for r in rows]

    def end_plan(self, plan_id: int, today: date) -> None:
        with self._write() as c:
            if self.plan(plan_id).status == "ended":
                raise SmcoachError(t("plan.ended_already", id=plan_id))
            c.execute(
                "UPDATE plans SET status = 'ended', ended = ? WHERE id = ?",
                [today.isoformat(), plan_id],
            )

    # --- the whole file: export, import, backup ------------------------------------------------

    def dump(self) -> dict[str, Any]:
        """Every record, for the JSON export (see store/dump.py)."""
        from smcoach.store.dump import dump

        return dump(self.conn)

    @contextmanager
    def dump_streamed(self) -> Iterator[dict[str, Any]]:
        """`dump`, each table an iterator of records read as they are used, in one snapshot
        held until the block ends: to write an export of any size in the same memory."""
        from smcoach.store.dump import streamed

        with streamed(self.conn) as document:
            yield document

    def tables(self) -> Generator[tuple[str, list[str], Iterator[tuple[Any, ...]]], None, None]:
        """Each record type's name, columns and rows, for the CSV export: the rows are read
        as they are used, all in one snapshot, held until this is gone through or closed."""
        from smcoach.store.dump import KINDS, rows

        self.conn.execute("BEGIN")  # one consistent read, even while another smcoach writes
        try:
            for kind in KINDS:
                yield (kind.table, *rows(self.conn, kind.table))
        finally:
            self.conn.execute("ROLLBACK")

    def check_import(self, file: BinaryIO) -> Export:
        """Read an export through and check it, writing nothing (see dump.check): a file that
        is not one raises before a backup is made or a transaction begun."""
        from smcoach.store.dump import check

        return check(file, self.conn)

    def import_records(self, export: Export, merge: bool) -> tuple[int, int]:
        """Import an export `check_import` passed, all or nothing, reading it again a record
        at a time. Without `merge` the file must hold no records yet. Returns how many
        records were added, and how many were already there."""
        from smcoach.store.dump import has_records, load

        with self._write() as c:
            if not merge and has_records(c):
                raise SmcoachError(t("import.not_empty"))
            added, read = load(c, export, merge)
        return added, read - added

    def backup(self, target: Path | None = None) -> Path:
        """A copy of the whole file: to `target`, a new file, or else in the backups folder
        (which keeps the newest five)."""
        from smcoach.store.backups import backup, backup_beside

        if target is None:
            return backup_beside(self.conn, self.path)
        return backup(self.conn, target)

    # --- settings -----------------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall())

    def set_setting(self, key: str, value: str | None) -> None:
        """Set a setting, or with None clear it."""
        with self._write() as c:
            if value is None:
                c.execute("DELETE FROM settings WHERE key = ?", [key])
            else:
                c.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )

    # --- check-ins ----------------------------------------------------------------------------

    def check_in(self, checkin: CheckIn, now: str) -> CheckIn | None:
        """Record a day's check-in, replacing any earlier one for that plan and day; its note
        is kept unless the new check-in has one. Returns the check-in it replaced, if any."""
        with self._write() as c:
            return self._upsert_checkin(c, checkin, now)

    def _upsert_checkin(self, c: sqlite3.Connection, checkin: CheckIn, now: str) -> CheckIn | None:
        """The check-in's writes, inside the caller's transaction (also used by save_ratings)."""
        old = c.execute(
            "SELECT * FROM checkins WHERE plan_id = ? AND day = ?",
            [checkin.plan_id, checkin.day.isoformat()],
        ).fetchone()
        c.execute(
            """INSERT INTO checkins (plan_id, day, week, status, note, recorded_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (plan_id, day) DO UPDATE SET status = excluded.status,
               note = COALESCE(excluded.note, checkins.note), recorded_at = excluded.recorded_at""",
            [
                checkin.plan_id,
                checkin.day.isoformat(),
                iso_week(checkin.day),
                checkin.status,
                checkin.note,
                now,
            ],
        )
        return _checkin(old) if old else None

    def checkins(self, plan_ids: list[int]) -> dict[int, list[CheckIn]]:
        return rows_by(self.conn, "checkins", "plan_id", plan_ids, "day", _checkin)

    def plans_with_checkins(
        self, include_ended: bool = False
    ) -> Iterator[tuple[Plan, list[CheckIn]]]:
        """Each plan, as `plans` orders them, with its check-ins by day, read as they are used:
        memory stays the same however many plans there are. All from one snapshot: the plans'
        statement keeps the connection's read transaction open while each plan's check-ins
        are read (by its key, one lookup a plan: sorting every check-in by its plan's start
        instead took several times as long)."""
        where = "" if include_ended else "WHERE status = 'active'"
        plans = self.conn.execute(f"SELECT * FROM plans {where} ORDER BY start, id")
        checkins = self.conn.cursor()
        for row in plans:
            found = checkins.execute(
                "SELECT * FROM checkins WHERE plan_id = ? ORDER BY day", [row["id"]]
            )
            yield _plan(row), [_checkin(c) for c in found]


def peek_setting(path: str, key: str) -> str | None:
    """One setting, read from an existing smcoach file without waiting for a lock, creating,
    upgrading or changing anything; None when it cannot be read at once. For help-now, which
    must work whatever state the file is in."""
    if not os.path.isfile(path):
        return None
    # A file: URI without pathlib, which costs every command milliseconds (the characters a
    # URI gives a meaning to escaped); immutable: a look that leaves nothing beside the file
    # (a read-only look at a WAL file would leave its -wal and -shm files behind), and may
    # miss only a setting another command is writing at this moment.
    escaped = os.path.realpath(path).replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    try:
        conn = sqlite3.connect(f"file:{escaped}?mode=ro&immutable=1", uri=True, timeout=0.2)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return None
    return str(row[0]) if row else None


def explain(error: sqlite3.Error, path: str | PathLike[str]) -> StoreError:
    """Turn a low-level SQLite error into one line the person can act on."""
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return StoreError(t("store.read_only", path=path))
    if "locked" in text or "busy" in text:
        return StoreError(t("store.busy", path=path))
    if "full" in text or "disk i/o" in text:  # a full disk, a file-size limit, a failing disk
        return StoreError(t("store.full", path=path, detail=error))
    if isinstance(error, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text
    ):
        return DamagedError(t("store.damaged", path=path, detail=error))
    if "could not decode" in text:  # smcoach writes only UTF-8: these bytes came otherwise
        return DamagedError(t("store.damaged", path=path, detail=t("store.bad_text")))
    return StoreError(t("store.cannot_open", path=path, detail=error))
