"""Every record as plain data, and back: the JSON export (full fidelity, the format `smcoach
import` reads) and the CSV export's tables.

The dump is deterministic (tables in a fixed order, rows by key, no time of export), so the
same data always gives the same file: export, erase, import, export gives identical bytes.
"""

import io
import math
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO, NamedTuple

from smcoach import __version__
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.store import migrations
from smcoach.store.jsonread import Mark, Reader

FORMAT = "smcoach-export"
FORMAT_VERSION = 1


class Kind(NamedTuple):
    """One record type: its table, its own ID column (if it has one), the columns that say two
    records are the same (for --merge), and the columns that refer to other records."""

    table: str
    id: str | None
    same: tuple[str, ...]
    refs: dict[str, str] = {}


# In an order where every record comes after those it refers to.
KINDS = (
    # The person's directory of community services: plans and ideas may refer to an entry.
    Kind("services", "id", ("hsds_id",)),
    Kind("agenda", "id", ("text", "created")),
    Kind("goals", "id", ("text", "created"), {"agenda_id": "agenda"}),
    Kind(
        "plans",
        "id",
        ("what", "how_much", "when_text", "start", "created_at"),
        {"goal_id": "goals", "replaces": "plans", "service_id": "services"},
    ),  # fmt: skip
    Kind("checkins", None, ("plan_id", "day"), {"plan_id": "plans"}),
    Kind("problems", "id", ("text", "created_at")),
    Kind(
        "problem_ideas",
        "id",
        ("problem_id", "text", "source"),
        {"problem_id": "problems", "service_id": "services"},
    ),  # fmt: skip
    Kind(
        "problem_attempts",
        "id",
        ("problem_id", "idea_id", "started"),
        {"problem_id": "problems", "idea_id": "problem_ideas", "plan_id": "plans"},
    ),  # fmt: skip
    Kind("sessions", "id", ("started_at",)),
    Kind("session_answers", None, ("session_id", "seq"), {"session_id": "sessions"}),
    Kind("selfchecks", "id", ("day", "form", "created_at")),
    Kind("selfcheck_items", None, ("selfcheck_id", "item"), {"selfcheck_id": "selfchecks"}),
    Kind("symptoms", "id", ("name", "created")),
    Kind("symptom_ratings", None, ("symptom_id", "day"), {"symptom_id": "symptoms"}),
    Kind("settings", None, ("key",)),
    Kind("questions", "id", ("text", "created")),
    # A course register's file (smcoach group): exported and imported like any other.
    Kind("courses", "id", ("name",)),
    Kind("participants", "id", ("course_id", "name", "added"), {"course_id": "courses"}),
    Kind("attendance", None, ("participant_id", "week"), {"participant_id": "participants"}),
    Kind("course_plans", None, ("participant_id", "week"), {"participant_id": "participants"}),
    Kind("course_selfchecks", None, ("participant_id", "week"), {"participant_id": "participants"}),
    Kind(
        "round_answers",
        None,
        ("participant_id", "week", "key"),
        {"participant_id": "participants"},
    ),  # fmt: skip
)
BY_TABLE = {k.table: k for k in KINDS}


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _order(conn: sqlite3.Connection, table: str) -> str:
    keys = sorted((row[5], row[1]) for row in conn.execute(f"PRAGMA table_info({table})") if row[5])
    return ", ".join(name for _, name in keys)


def rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """A table's columns, and its rows by key as they are read (names here are ours, never
    input)."""
    names = columns(conn, table)
    data = conn.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY {_order(conn, table)}")
    return names, data


def dump(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything the person has recorded, read in one snapshot."""
    with streamed(conn) as document:
        document["tables"] = {name: list(records) for name, records in document["tables"].items()}
        return document


@contextmanager
def streamed(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The document `dump` gives, with each table an iterator of its records read as they
    are used, all from one snapshot held until the block ends: an export of any size is
    written in the same memory."""
    conn.execute("BEGIN")  # one consistent read, even while another smcoach writes
    try:
        yield {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema": len(migrations.NAMES),
            "smcoach": __version__,
            "tables": {kind.table: _records(conn, kind.table) for kind in KINDS},
        }
    finally:
        conn.execute("ROLLBACK")


def _records(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    names, data = rows(conn, table)
    for row in data:
        yield dict(zip(names, row, strict=True))


def has_records(conn: sqlite3.Connection) -> bool:
    return any(conn.execute(f"SELECT 1 FROM {kind.table} LIMIT 1").fetchone() for kind in KINDS)


# --- reading an export back ---------------------------------------------------------------


class Export(NamedTuple):
    """An export file read through and checked by `check`, for `load` to read again: where
    each table's list of records starts in it."""

    reader: Reader
    tables: dict[str, Mark]


def check(file: BinaryIO, conn: sqlite3.Connection) -> Export:
    """Read an export through, holding one record at a time and writing nothing, and check it
    as a whole: JSON throughout (else json.JSONDecodeError, UnicodeDecodeError, RecursionError
    or ValueError, as json.loads raises them, before any other problem), made by smcoach and
    not by a newer one, every record a table of known fields with plain values.

    The tables may come in any order (the export's are alphabetical, so check-ins come before
    the plans they refer to): `load` goes back to each in the order of KINDS. A pipe, which
    cannot be read twice, is read into memory first."""
    if not file.seekable():
        file = io.BytesIO(file.read())
    reader = Reader(file)
    header: dict[str, Any] = {}
    tables: dict[str, Mark] | None = None
    # The first problem of each table. A key given twice counts once, in its first place,
    # with its last value, as in the dict json.loads makes: so the problem reported is the
    # same one.
    problems: dict[str, str | None] = {}
    if reader.peek() != "{":
        reader.skip()
        reader.end()
        raise SmcoachError(t("import.not_export"))
    for key in reader.members():
        if key in ("format", "format_version", "schema", "smcoach"):
            header[key] = reader.value()
        elif key != "tables":
            reader.skip()
        elif reader.peek() != "{":
            tables = None
            reader.skip()
        else:
            tables, problems = {}, {}
            for table in reader.members():
                problems[table] = _check_table(reader, conn, table, tables)
    reader.end()
    # Reported only now, so that a file that is not JSON all through is said to be so.
    _check_header(header)
    if tables is None:
        raise SmcoachError(t("import.not_export"))
    for problem in problems.values():
        if problem:
            raise SmcoachError(problem)
    return Export(reader, tables)


def _check_header(header: dict[str, Any]) -> None:
    if header.get("format") != FORMAT:
        raise SmcoachError(t("import.not_export"))
    schema = header.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise SmcoachError(t("import.not_export"))
    if schema > len(migrations.NAMES) or header.get("format_version") != FORMAT_VERSION:
        raise SmcoachError(t("import.too_new", version=str(header.get("smcoach", "?"))))


def _check_table(
    reader: Reader, conn: sqlite3.Connection, table: str, tables: dict[str, Mark]
) -> str | None:
    """Read one table's records, noting where they start in `tables`; their first problem."""
    tables.pop(table, None)
    if table not in BY_TABLE:
        reader.skip()
        return t("import.unknown_kind", kind=table)
    if reader.peek() != "[":
        reader.skip()
        return t("import.bad_record", kind=table, n=1, detail=t("import.not_list"))
    tables[table] = reader.tell()
    known = set(columns(conn, table))
    first = None
    for n, record in enumerate(reader.values(), 1):
        problem = None if first else _record_problem(record, known, BY_TABLE[table])
        if problem:
            first = t("import.bad_record", kind=table, n=n, detail=problem)
    return first


def _record_problem(record: object, known: set[str], kind: Kind) -> str | None:
    if not isinstance(record, dict):
        return t("import.not_table")
    for field in (kind.id, *kind.refs):
        value = record.get(field) if field else None
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            return t("import.bad_value", field=field)
    if kind.id and record.get(kind.id) is None:
        return t("import.bad_value", field=kind.id)
    # Each record is checked twice (see `load`): by the exact types json gives, quickest first.
    for field, value in record.items():
        if field not in known:
            return t("import.unknown_field", field=str(field))
        kind_of = type(value)
        if kind_of is str:
            if not value.isascii():
                try:
                    value.encode("utf-8")  # a lone surrogate, from an escape, is not stored
                except UnicodeEncodeError:
                    return t("import.bad_value", field=field)
        elif kind_of is int:
            if abs(value) >= 2**63:
                return t("import.bad_value", field=field)
        elif kind_of is float:
            if not math.isfinite(value):
                return t("import.bad_value", field=field)
        elif value is not None and kind_of is not bool:
            return t("import.bad_value", field=field)
    return None


def load(conn: sqlite3.Connection, export: Export, merge: bool) -> tuple[int, int]:
    """Write the records of an export `check` passed inside the caller's transaction, one
    table at a time in the order of KINDS, reading each record again from the file; returns
    how many records were added and how many were read. Into an empty file every record keeps
    its ID. With `merge`, a record that is already there (the same `same` fields, after its
    references are matched) is not added again, and new records take new IDs, with
    references to them followed."""
    new_ids: dict[str, dict[int, int]] = {}
    added = read = 0
    for kind in KINDS:
        ids = new_ids.setdefault(kind.table, {})
        if kind.table not in export.tables:
            continue
        export.reader.seek(export.tables[kind.table])
        known = set(columns(conn, kind.table))
        for n, given in enumerate(export.reader.values(), 1):
            read += 1
            # Checked again: the file may have been changed since `check`, and the fields'
            # names go into the SQL.
            problem = _record_problem(given, known, kind)
            if problem:
                raise SmcoachError(t("import.bad_record", kind=kind.table, n=n, detail=problem))
            record = dict(given)
            try:
                _follow_refs(record, kind, new_ids)
            except KeyError:
                raise SmcoachError(
                    t("import.bad_record", kind=kind.table, n=n, detail=t("import.dangling"))
                ) from None
            if merge:
                _fit_alongside(conn, kind, record)
                existing = _existing(conn, kind, record)
                if existing is not None:
                    if kind.id:
                        ids[int(given[kind.id])] = existing
                    continue
            new_id = _insert(conn, kind, record, keep_id=not merge, n=n)
            if kind.id:
                ids[int(given[kind.id])] = new_id
            added += 1
    return added, read


def _follow_refs(record: dict[str, Any], kind: Kind, new_ids: dict[str, dict[int, int]]) -> None:
    for column, parent in kind.refs.items():
        if record.get(column) is not None:
            record[column] = new_ids[parent][int(record[column])]


def _fit_alongside(conn: sqlite3.Connection, kind: Kind, record: dict[str, Any]) -> None:
    """Merged records give way where only one may be so: the focus, an unfinished session."""
    focused = "SELECT 1 FROM agenda WHERE focus = 1"
    if kind.table == "agenda" and record.get("focus") and conn.execute(focused).fetchone():
        record["focus"] = 0
    if kind.table == "sessions" and record.get("status", "open") == "open":
        record["status"] = "abandoned"


def _existing(conn: sqlite3.Connection, kind: Kind, record: dict[str, Any]) -> int | None:
    """The ID of the record already there that is the same as `record` (1 for a table without
    IDs), or None."""
    if kind.table == "symptoms" and record.get("status", "active") == "active":
        # One active symptom of a name: a merged one joins it.
        row = conn.execute(
            "SELECT id FROM symptoms WHERE status = 'active' AND name = ?", [record.get("name")]
        ).fetchone()
        if row:
            return int(row[0])
    where = " AND ".join(f"{c} IS ?" for c in kind.same)
    row = conn.execute(
        f"SELECT {kind.id or 1} FROM {kind.table} WHERE {where} LIMIT 1",
        [record.get(c) for c in kind.same],
    ).fetchone()
    return int(row[0]) if row else None


def _insert(
    conn: sqlite3.Connection, kind: Kind, record: dict[str, Any], keep_id: bool, n: int
) -> int:
    if kind.id and not keep_id:
        record.pop(kind.id, None)
    names = list(record)
    sql = f"INSERT INTO {kind.table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    try:
        cur = conn.execute(sql, [record[c] for c in names])
    except (sqlite3.IntegrityError, OverflowError) as e:
        detail = " ".join(str(e).split())
        raise SmcoachError(t("import.bad_record", kind=kind.table, n=n, detail=detail)) from None
    return int(cur.lastrowid or 0)
