"""One query for the child rows of several parents (check-ins of plans, ideas of problems…)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")


def rows_by(
    conn: sqlite3.Connection,
    table: str,
    column: str,
    ids: list[int],
    order: str,
    mapper: Callable[[sqlite3.Row], T],
) -> dict[int, list[T]]:
    """The rows of `table` whose `column` is one of `ids`, mapped and grouped by that column;
    every id is a key, with an empty list when it has no rows. Names here are ours, never input.

    The ids go in as one parameter, a JSON array that SQLite's json_each reads back as rows:
    one parameter per id would fail past SQLite's limit on parameters (999 in some builds)."""
    found: dict[int, list[T]] = {i: [] for i in ids}
    if ids:
        sql = (
            f"SELECT * FROM {table} WHERE {column} IN (SELECT value FROM json_each(?)) "
            f"ORDER BY {order}"
        )
        array = "[" + ",".join(str(int(i)) for i in ids) + "]"  # whole numbers: no json needed
        for row in conn.execute(sql, [array]):
            found[row[column]].append(mapper(row))
    return found
