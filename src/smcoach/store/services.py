"""Queries for the directory of community services: the person's own entries (in their file,
table `services` with its full-text index `services_fts`, kept in step by triggers: see
migration m010_services), and the directory a service or course provides in its content
folder, which is read into an index in memory for the command and never written anywhere.

Both answer the same searches through `search` (one SQL for either connection), ranked by
FTS5's bm25 with the service's name weighing most.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import date

from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: every command loads the store
    from smcoach.domain.services import Service


def _array(values: Iterable[str]) -> str:
    """Values as one JSON array, for SQL's json_each (one parameter, however many)."""
    import json  # here, not at the top: every command loads the store

    return json.dumps(list(values))


# The columns of a service, in the order of the table (m010_services).
COLUMNS = ("hsds_id", "origin", "organization_id", "organization", "name", "description",
           "categories", "areas", "address", "phone", "email", "url", "hours", "eligibility",
           "languages", "cost", "status", "checked", "removed")  # fmt: skip
# The columns a search looks in, with bm25's weight for each (FTS5 column order).
SEARCHED = {"name": 10.0, "organization": 5.0, "description": 1.0, "categories": 4.0,
            "areas": 2.0, "eligibility": 1.0, "languages": 1.0}  # fmt: skip
# The index of a provided directory: the same columns as a person's file.
_PROVIDED_SCHEMA = [
    f"CREATE TABLE services (id INTEGER PRIMARY KEY, {', '.join(COLUMNS)})",
    f"""CREATE VIRTUAL TABLE services_fts USING fts5({", ".join(SEARCHED)},
        content = 'services', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')""",
]
PROVIDED_PREFIX = "p"  # a provided entry is named p1, p2, ... in its directory's order


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def service_from_row(row: sqlite3.Row, ref: str | None = None) -> Service:
    from smcoach.domain.services import Service, split_list

    return Service(
        ref=ref or str(row["id"]),
        hsds_id=row["hsds_id"],
        name=row["name"],
        organization=row["organization"],
        description=row["description"],
        categories=split_list(row["categories"]),
        areas=split_list(row["areas"]),
        address=row["address"],
        phone=row["phone"],
        email=row["email"],
        url=row["url"],
        hours=row["hours"],
        eligibility=row["eligibility"],
        languages=split_list(row["languages"]),
        cost=row["cost"],
        status=row["status"],
        checked=_day(row["checked"]),
        origin=row["origin"],
        organization_id=row["organization_id"],
        removed=_day(row["removed"]),
    )


def _values(service: Service) -> list[object]:
    """The service's values for COLUMNS."""
    from smcoach.domain.services import join_list

    return [
        service.hsds_id,
        service.origin,
        service.organization_id,
        service.organization,
        service.name,
        service.description,
        join_list(service.categories) or None,
        join_list(service.areas) or None,
        service.address,
        service.phone,
        service.email,
        service.url,
        service.hours,
        service.eligibility,
        join_list(service.languages) or None,
        service.cost,
        service.status,
        service.checked.isoformat() if service.checked else None,
        service.removed.isoformat() if service.removed else None,
    ]


def _phrase(word: str) -> str:
    """A word as an FTS5 prefix phrase: "carer"* finds carer, carers; quotes doubled."""
    return '"' + word.replace('"', '""') + '"*'


def match_expression(
    words: Iterable[str],
    category: Iterable[str] = (),
    area: Iterable[str] = (),
    any_word: bool = False,
) -> str | None:
    """The FTS5 query for a search: every word (or, with `any_word`, any of them) anywhere,
    and the words of a category and of an area in those columns. None: nothing to look for."""
    parts = []
    phrases = [_phrase(w) for w in words]
    if phrases:
        parts.append("(" + (" OR " if any_word else " AND ").join(phrases) + ")")
    for column, given in (("categories", list(category)), ("areas", list(area))):
        if given:
            parts.append(f"{column} : (" + " AND ".join(_phrase(w) for w in given) + ")")
    return " AND ".join(parts) if parts else None


def search(
    conn: sqlite3.Connection, expression: str, limit: int, statuses: tuple[str, ...] | None = None
) -> tuple[list[sqlite3.Row], int]:
    """The best `limit` rows matching an FTS5 expression (not removed; with `statuses`, only
    those), best first, and how many match in all."""
    weights = ", ".join(str(w) for w in SEARCHED.values())
    where = "services_fts MATCH ? AND s.removed IS NULL"
    params: list[object] = [expression]
    if statuses is not None:
        where += " AND s.status IN (SELECT value FROM json_each(?))"
        params.append(_array(statuses))
    rows = conn.execute(
        f"""SELECT s.* FROM services_fts JOIN services s ON s.id = services_fts.rowid
            WHERE {where} ORDER BY bm25(services_fts, {weights}), s.id LIMIT ?""",
        [*params, limit],
    ).fetchall()
    if len(rows) < limit:
        return rows, len(rows)
    total = conn.execute(
        f"SELECT COUNT(*) FROM services_fts JOIN services s ON s.id = services_fts.rowid "
        f"WHERE {where}",
        params,
    ).fetchone()[0]
    return rows, int(total)


def directory_fingerprint(folder: str, today: date) -> str:
    """What changes whenever a provided directory's files do (each file's name, size and time
    of change), and the day: an entry checked "tomorrow" is refused until then."""
    lines = [today.isoformat()]
    for name in sorted(os.listdir(folder)):
        facts = os.stat(os.path.join(folder, name))
        lines.append(f"{name}\t{facts.st_size}\t{facts.st_mtime_ns}")
    return "\n".join(lines)


class ProvidedDirectory:
    """The directory a service or course provides (its content folder's services/), searched
    like the person's own, never written: its index is kept in the cache folder (store/cache.py),
    made again when the directory's files change, so that a large directory is read once, not
    on every command."""

    SHAPE = "1"  # the index's shape: a new shape is built afresh, whatever the fingerprint says

    def __init__(self, folder: str, conn: sqlite3.Connection):
        self.folder = folder
        self.conn = conn
        self.conn.row_factory = sqlite3.Row

    @staticmethod
    def _path(folder: str) -> str:
        import zlib

        from smcoach.store.cache import cache_folder

        name = f"provided-{zlib.crc32(os.path.abspath(folder).encode()):08x}.sqlite3"
        return os.path.join(cache_folder(), name)

    @classmethod
    def cached(cls, folder: str, fingerprint: str) -> ProvidedDirectory | None:
        """The index built from the directory's files as they are, if there is one."""
        from smcoach.store.cache import current

        conn = current(cls._path(folder), cls.SHAPE + "\n" + fingerprint)
        return cls(folder, conn) if conn is not None else None

    @classmethod
    def build(cls, folder: str, fingerprint: str, services: list[Service]) -> ProvidedDirectory:
        """An index of `services`, read from the directory's files, kept for the next command."""
        from smcoach.store.cache import build

        def fill(conn: sqlite3.Connection) -> None:
            for sql in _PROVIDED_SCHEMA:
                conn.execute(sql)
            marks = ", ".join("?" * len(COLUMNS))
            conn.executemany(
                f"INSERT INTO services ({', '.join(COLUMNS)}) VALUES ({marks})",
                (_values(s) for s in services),
            )
            conn.execute("INSERT INTO services_fts (services_fts) VALUES ('rebuild')")

        return cls(folder, build(cls._path(folder), cls.SHAPE + "\n" + fingerprint, fill))

    def close(self) -> None:
        self.conn.close()

    def _service(self, row: sqlite3.Row) -> Service:
        from smcoach.domain.services import DIRECTORY

        return service_from_row(row, f"{PROVIDED_PREFIX}{row['id']}")._replace(origin=DIRECTORY)

    def all(self) -> Iterator[Service]:
        for row in self.conn.execute("SELECT * FROM services ORDER BY id"):
            yield self._service(row)

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM services").fetchone()[0])

    def get(self, number: int) -> Service | None:
        row = self.conn.execute("SELECT * FROM services WHERE id = ?", [number]).fetchone()
        return self._service(row) if row else None

    def search(
        self, expression: str, limit: int, statuses: tuple[str, ...] | None = None
    ) -> tuple[list[Service], int]:
        rows, total = search(self.conn, expression, limit, statuses)
        return [self._service(r) for r in rows], total


class ServiceQueries:
    conn: sqlite3.Connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    if TYPE_CHECKING:  # problem-solving's own steps (store/problems.py), used by step 6

        def _move(self, c: sqlite3.Connection, problem_id: int, event: str, today: date) -> str: ...

        def _start(
            self, c: sqlite3.Connection, problem_id: int, idea_id: int, today: date
        ) -> int: ...

    # --- reading ------------------------------------------------------------------------------

    def service(self, service_id: int, include_removed: bool = True) -> Service:
        row = self.conn.execute("SELECT * FROM services WHERE id = ?", [service_id]).fetchone()
        if row is None or (row["removed"] and not include_removed):
            raise SmcoachError(t("services.not_found", id=service_id))
        return service_from_row(row)

    def services_listed(self) -> Iterator[Service]:
        """The person's entries (not removed), by ID, read as they are used."""
        rows = self.conn.execute("SELECT * FROM services WHERE removed IS NULL ORDER BY id")
        for row in rows:
            yield service_from_row(row)

    def any_service(self) -> bool:
        found = self.conn.execute("SELECT 1 FROM services WHERE removed IS NULL LIMIT 1")
        return found.fetchone() is not None

    def search_services(
        self, expression: str, limit: int, statuses: tuple[str, ...] | None = None
    ) -> tuple[list[Service], int]:
        rows, total = search(self.conn, expression, limit, statuses)
        return [service_from_row(r) for r in rows], total

    def services_to_export(self) -> list[Service]:
        """Every entry not removed, by HSDS id (the order of an export)."""
        rows = self.conn.execute("SELECT * FROM services WHERE removed IS NULL ORDER BY hsds_id")
        return [service_from_row(r) for r in rows]

    def services_by_hsds_id(
        self, hsds_ids: list[str], include_removed: bool = True
    ) -> dict[str, int]:
        """The IDs of the person's entries with these HSDS ids."""
        listed = "" if include_removed else "AND removed IS NULL"
        rows = self.conn.execute(
            "SELECT hsds_id, id FROM services "
            f"WHERE hsds_id IN (SELECT value FROM json_each(?)) {listed}",
            [_array(hsds_ids)],
        )
        return {r[0]: r[1] for r in rows}

    def plan_service(self, plan_id: int) -> Service | None:
        """The service a plan is tied to, if any (even one removed since)."""
        row = self.conn.execute(
            "SELECT s.* FROM plans p JOIN services s ON s.id = p.service_id WHERE p.id = ?",
            [plan_id],
        ).fetchone()
        return service_from_row(row) if row else None

    # --- writing: each one transaction --------------------------------------------------------

    def add_service(self, service: Service, now: str) -> int:
        with self._write() as c:
            return self._insert_service(c, service, now)

    def _insert_service(self, c: sqlite3.Connection, service: Service, now: str) -> int:
        marks = ", ".join("?" * (len(COLUMNS) + 2))
        cur = c.execute(
            f"INSERT INTO services ({', '.join(COLUMNS)}, created_at, updated_at) VALUES ({marks})",
            [*_values(service), now, now],
        )
        return int(cur.lastrowid or 0)

    def update_service(self, service_id: int, service: Service, now: str) -> None:
        """Replace an entry's details (its id, HSDS id and origin stay)."""
        with self._write() as c:
            if self.service(service_id).removed:
                raise SmcoachError(t("services.removed_already", id=service_id))
            fields = [c for c in COLUMNS if c not in ("hsds_id", "origin", "removed")]
            values = dict(zip(COLUMNS, _values(service), strict=True))
            c.execute(
                f"UPDATE services SET {', '.join(f'{f} = ?' for f in fields)}, updated_at = ? "
                "WHERE id = ?",
                [*(values[f] for f in fields), now, service_id],
            )

    def remove_service(self, service_id: int, today: date, now: str) -> None:
        """Take an entry off the person's list; it stays in the file for plans that use it."""
        with self._write() as c:
            if self.service(service_id).removed:
                raise SmcoachError(t("services.removed_already", id=service_id))
            c.execute(
                "UPDATE services SET removed = ?, updated_at = ? WHERE id = ?",
                [today.isoformat(), now, service_id],
            )

    def import_services(self, services: list[Service], now: str) -> tuple[int, int, int]:
        """Write services read from a file, all in one transaction: one whose HSDS id is
        already there is updated (its origin stays; one the person removed stays removed),
        the rest are added. Returns (added, updated, of those updated how many are removed)."""
        fields = [c for c in COLUMNS if c not in ("hsds_id", "origin", "removed")]
        updates = ", ".join(f"{f} = excluded.{f}" for f in fields)
        marks = ", ".join("?" * (len(COLUMNS) + 2))
        with self._write() as c:
            before = c.execute(
                """SELECT COUNT(*), COUNT(removed) FROM services
                   WHERE hsds_id IN (SELECT value FROM json_each(?))""",
                [_array(s.hsds_id for s in services)],
            ).fetchone()
            c.executemany(
                f"""INSERT INTO services ({", ".join(COLUMNS)}, created_at, updated_at)
                    VALUES ({marks})
                    ON CONFLICT (hsds_id) DO UPDATE SET {updates},
                        updated_at = excluded.updated_at""",
                ([*_values(s), now, now] for s in services),
            )
        updated, removed = int(before[0]), int(before[1])
        return len(services) - updated, updated, removed

    def keep_provided(self, service: Service, now: str) -> int:
        """A copy of an entry of the provided directory in the person's own, for an idea or a
        plan that uses it: the same entry copied before (by HSDS id) is used again, brought
        up to date, and brought back if it was removed. Returns its ID."""
        with self._write() as c:
            return self._keep_provided(c, service, now)

    def _keep_provided(self, c: sqlite3.Connection, service: Service, now: str) -> int:
        copy = service._replace(origin="provided", removed=None)
        found = self.services_by_hsds_id([copy.hsds_id])
        if copy.hsds_id not in found:
            return self._insert_service(c, copy, now)
        service_id = found[copy.hsds_id]
        if self.service(service_id).origin == "provided":  # not one the person made their own
            fields = [c for c in COLUMNS if c not in ("hsds_id", "origin")]
            values = dict(zip(COLUMNS, _values(copy), strict=True))
            c.execute(
                f"UPDATE services SET {', '.join(f'{f} = ?' for f in fields)}, updated_at = ? "
                "WHERE id = ?",
                [*(values[f] for f in fields), now, service_id],
            )
        else:
            c.execute("UPDATE services SET removed = NULL WHERE id = ?", [service_id])
        return service_id

    def _service_for_plan(self, c: sqlite3.Connection, service: Service, now: str) -> int:
        """The ID in the person's file of the service a plan is tied to (an entry of the
        provided directory is copied into their own first), in the plan's transaction."""
        from smcoach.domain.services import DIRECTORY

        if service.origin == DIRECTORY:
            return self._keep_provided(c, service, now)
        return int(service.ref)

    def choose_service_idea(
        self, problem_id: int, text: str, service: Service, today: date, now: str
    ) -> int:
        """Problem-solving's step 6: a service becomes the idea to try (remembering which
        service, so that a plan made from it is tied to it). Returns the attempt's ID."""
        from smcoach.domain.services import DIRECTORY

        with self._write() as c:
            self._move(c, problem_id, "chose", today)
            if service.origin == DIRECTORY:
                service_id = self._keep_provided(c, service, now)
            else:
                service_id = int(service.ref)
            cur = c.execute(
                """INSERT INTO problem_ideas (problem_id, text, source, service_id)
                   VALUES (?, ?, 'resource', ?)""",
                [problem_id, text, service_id],
            )
            return self._start(c, problem_id, int(cur.lastrowid or 0), today)
