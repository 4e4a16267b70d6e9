"""Opening the database file: location, privacy, durability, checks, backup and migration."""

import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

from smcoach.errors import StoreError
from smcoach.messages import t
from smcoach.store import migrations

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_TABLE = "_sqlite_migrations"  # the table sqlite-utils' Migrations keeps


def connect(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """Open (creating if needed) the private database at `path`, checked and migrated to head.
    Returns the connection and the backup made before migrating, if one was."""
    _make_folder(path.parent)
    _prepare_file(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    except sqlite3.Error as e:
        raise StoreError(t("store.cannot_open", path=path, detail=e)) from None
    try:
        _configure(conn, path)
        backup_path = _migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn, backup_path


def _make_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    try:
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
    except OSError as e:
        raise StoreError(t("store.no_folder", path=folder, detail=e.strerror or e)) from None


def _prepare_file(path: Path) -> None:
    """Create the file 0600 if missing; refuse a file that is not SQLite or is cut short."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        pass
    except OSError as e:
        raise StoreError(t("store.cannot_open", path=path, detail=e.strerror or e)) from None
    else:
        os.close(fd)
    try:
        with open(path, "rb") as f:
            header = f.read(100)
        size = os.stat(path).st_size
        make_private(path)
    except OSError as e:
        raise StoreError(t("store.cannot_open", path=path, detail=e.strerror or e)) from None
    if header and not header.startswith(SQLITE_HEADER):
        raise StoreError(t("store.not_sqlite", path=path))
    if header and size < _size_in_header(header):
        raise StoreError(t("store.damaged", path=path, detail=t("store.cut_short")))


def _size_in_header(header: bytes) -> int:
    """The database size the header records, in bytes; 0 when the header cannot vouch for it.
    A check cheap enough for every open, reads included."""
    if len(header) < 100 or header[24:28] != header[92:96]:
        return 0
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return int.from_bytes(header[28:32], "big") * page_size


def make_private(path: Path) -> None:
    """Owner-only access, keeping whether the owner may write (a read-only file stays so)."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        os.chmod(path, mode & 0o600)


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    _refuse_foreign(conn, path)  # before anything below writes to the file
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")


def check(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite's quick_check over the whole file: a damaged file is refused with one line."""
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as e:
        raise StoreError(t("store.damaged", path=path, detail=e)) from None
    if result != ["ok"]:
        detail = " ".join(" ".join(result[:2]).split())  # SQLite's report spans several lines
        raise StoreError(t("store.damaged", path=path, detail=detail))


def _applied(conn: sqlite3.Connection) -> list[str]:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not has_table:
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [migrations.SET_NAME],
    )
    return [r[0] for r in rows]


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """A file from a newer smcoach, or another program's database, is left as it is."""
    applied = _applied(conn)
    unknown = [n for n in applied if n not in migrations.NAMES]
    if unknown:
        raise StoreError(t("store.too_new", path=path, names=", ".join(unknown)))
    if not applied and _has_tables(conn):
        raise StoreError(t("store.not_smcoach", path=path))


def _migrate(conn: sqlite3.Connection, path: Path) -> Path | None:
    applied = _applied(conn)
    if len(applied) == len(migrations.NAMES):
        return None
    check(conn, path)
    backup_path = None
    if applied:  # an existing smcoach file: keep a copy of it as it was
        backup_path = path.with_name(f"{path.name}.{datetime.now():%Y%m%d-%H%M%S}.bak")
        backup(conn, backup_path)
    # Hold the write lock while migrating, so that two smcoach processes cannot both migrate.
    conn.execute("BEGIN IMMEDIATE")
    try:
        _refuse_foreign(conn, path)  # another smcoach may have migrated while we waited
        migrations.apply(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return backup_path


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'").fetchone() is not None


def backup(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the whole database, WAL included, with SQLite's backup API, into a private file."""
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    make_private(target)
