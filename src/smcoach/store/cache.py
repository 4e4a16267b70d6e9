"""smcoach's cache folder: indexes it can always make again, never the person's data.

The folder is $SMCOACH_CACHE, else $XDG_CACHE_HOME/smcoach or ~/.cache/smcoach (on macOS
~/Library/Caches/smcoach), private (0600 files in a 0700 folder). An index there is an SQLite
file holding the fingerprint of what it was built from (files' paths, sizes and times of
change); when that changes, it is built again in a temporary file and moved into place, so a
reader never sees half an index. If the cache cannot be written (a read-only home), the index
is built in memory for that run, and nothing is said. Used by the topic library's search
(store/library.py) and by the directory of services a content folder provides
(store/services.py).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

CACHE_ENV = "SMCOACH_CACHE"
_META = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


def cache_folder() -> str:
    """Where smcoach keeps what it can always make again."""
    if os.environ.get(CACHE_ENV):
        return os.path.expanduser(os.environ[CACHE_ENV])
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/smcoach")
    if sys.platform.startswith("win"):
        local = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~")
        return os.path.join(local, "smcoach", "Cache")
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
        base = os.path.expanduser("~/.cache")
    return os.path.join(base, "smcoach")


def current(path: str, fingerprint: str) -> sqlite3.Connection | None:
    """The index at `path`, open, if it was built from what `fingerprint` describes."""
    if not os.path.isfile(path):
        return None
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.Error:  # not an index: built again over it
        row = None
    if row is not None and row[0] == fingerprint:
        return conn
    conn.close()
    return None


def build(
    path: str, fingerprint: str, fill: Callable[[sqlite3.Connection], None]
) -> sqlite3.Connection:
    """A new index made by `fill`, at `path` (see the module's docstring), else in memory."""
    from smcoach.errors import StoreError

    try:
        _build_file(path, fingerprint, fill)
        return sqlite3.connect(path)
    except (OSError, sqlite3.Error, StoreError):  # StoreError: the folder cannot be made
        return in_memory(fingerprint, fill)


def in_memory(fingerprint: str, fill: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    _fill(conn, fingerprint, fill)
    return conn


def _build_file(path: str, fingerprint: str, fill: Callable[[sqlite3.Connection], None]) -> None:
    """Build the index in a private temporary file beside `path`, then move it into place."""
    import tempfile

    from smcoach.store.connection import make_folder

    folder = os.path.dirname(path)
    make_folder(folder)
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".new", dir=folder)
    os.close(fd)
    try:
        conn = sqlite3.connect(temp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # a file no one else sees yet
            _fill(conn, fingerprint, fill)
        finally:
            conn.close()
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            os.remove(temp)


def _fill(
    conn: sqlite3.Connection, fingerprint: str, fill: Callable[[sqlite3.Connection], None]
) -> None:
    with conn:
        conn.execute(_META)
        conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        fill(conn)
