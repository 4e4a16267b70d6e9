"""Opening the database file: location, privacy, durability, checks, backups and migration.

A new file is built whole in a private temporary file and moved into place, so the file at
the database path is always a complete smcoach database. A file smcoach did not make (empty,
not SQLite, another program's, a newer smcoach's) is refused before anything touches it.
"""

import contextlib
import os
import sqlite3
import stat

from smcoach.errors import DamagedError, StoreError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING
from smcoach.store import migrations

if TYPE_CHECKING:  # pathlib is imported where a backup is made: every command opens the store
    from collections.abc import Mapping, Sequence
    from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_TABLE = "_sqlite_migrations"  # the table sqlite-utils' Migrations keeps
WAL_HEADER, WAL_FRAME_HEADER = 32, 24  # bytes: a -wal file is its header, then frames
PENDING_BYTE = 0x40000000  # where SQLite's lock bytes are, in a file that large


def connect(path: str | os.PathLike[str]) -> "tuple[sqlite3.Connection, Path | None]":
    """Open (creating if needed) the private database at `path`, checked and migrated to head.
    Returns the connection and the backup made before migrating, if one was.

    Call it once a process for a path: it reads the file's header, and closing that file
    would drop the locks of a connection to it already open in this process.

    Paths are strings here: importing pathlib would cost every command some milliseconds."""
    path = os.fspath(path)
    make_folder(os.path.dirname(path) or ".")
    if not os.path.lexists(path):
        _create(path)
    short = _inspect(path)
    conn = _open(path)
    try:
        _configure(conn, path)
        if short:  # SQLite recovers a file cut short while its -wal holds the rest
            check(conn, path, full=True)
        backup_path = _migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn, backup_path


def tuples(
    conn: sqlite3.Connection, sql: str, params: "Sequence[object] | Mapping[str, object]" = ()
) -> sqlite3.Cursor:
    """The rows of a query as plain tuples, for a read of many rows unpacked as they come (ten
    years of weeks): making each a sqlite3.Row costs more than reading it."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)


def _open(path: str) -> sqlite3.Connection:
    try:
        return sqlite3.connect(path, isolation_level=None, timeout=5.0)
    except sqlite3.Error as e:
        raise StoreError(t("store.cannot_open", path=path, detail=e)) from None


def make_folder(folder: str | os.PathLike[str]) -> None:
    """Create the folder and any missing parents, each readable only by the owner."""
    missing = []
    level = os.fspath(folder)
    while not os.path.isdir(level):
        missing.append(level)
        parent = os.path.dirname(level.rstrip(os.sep) or os.sep) or "."
        if parent == level:
            break
        level = parent
    try:
        for level in reversed(missing):
            os.mkdir(level, mode=0o700)
            os.chmod(level, 0o700)  # mkdir's mode is filtered by the umask
    except FileExistsError:
        if not os.path.isdir(missing[0]):
            raise StoreError(t("store.no_folder", path=missing[0], detail="not a folder")) from None
    except OSError as e:
        raise StoreError(t("store.no_folder", path=missing[0], detail=e.strerror or e)) from None


def _create(path: str) -> None:
    """Build a new database in a private temporary file, then move it into place: a crash
    leaves either no file or a whole one, never an empty or half-made one."""
    try:
        import tempfile  # only when a file is made: every command should not pay for it

        folder, name = os.path.dirname(path) or ".", os.path.basename(path)
        fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".new", dir=folder)
    except OSError as e:
        raise StoreError(t("store.cannot_open", path=path, detail=e.strerror or e)) from None
    os.close(fd)
    try:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("BEGIN IMMEDIATE")
            migrations.apply(conn)
            conn.execute("COMMIT")
        finally:
            conn.close()
        fsync(temp)
        with contextlib.suppress(FileExistsError):  # another smcoach made it meanwhile: keep it
            place_new(temp, path)
        fsync(folder)
    except sqlite3.Error as e:
        raise StoreError(t("store.cannot_open", path=path, detail=e)) from None
    except OSError as e:
        raise StoreError(t("store.cannot_open", path=path, detail=e.strerror or e)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def place_new(temp: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Give the finished file `temp` the name `target`, never replacing a file already there
    (FileExistsError). A hard link does that atomically; where the disk has no hard links
    (FAT, some network shares), a rename after a look, which only another smcoach writing the
    same name in the same instant could race."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(temp, target)


def fsync(path: str | os.PathLike[str]) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _inspect(path: str) -> bool:
    """Refuse, touching nothing, a file that is not an SQLite database or is cut short beyond
    what SQLite can recover. Returns True for a file cut short whose -wal may hold the rest."""
    try:
        info = os.stat(path)
        with open(path, "rb") as f:
            header = f.read(100)
        wal_size = _size(f"{path}-wal")
    except OSError as e:
        raise StoreError(t("store.cannot_open", path=path, detail=e.strerror or e)) from None
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(t("store.cannot_open", path=path, detail=t("store.not_a_file")))
    if not header:
        raise StoreError(t("store.empty", path=path))
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(t("store.not_sqlite", path=path))
    if info.st_size < _size_in_header(header):
        if wal_size == 0:
            raise DamagedError(t("store.damaged", path=path, detail=t("store.cut_short")))
        return True
    return False


def _size(path: str) -> int:
    """A file's size, 0 if it is not there: another smcoach closing last removes the -wal at
    any moment, so asking whether it exists and then its size would race."""
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0


def _size_in_header(header: bytes) -> int:
    """The database size the header records, in bytes; 0 when the header cannot vouch for it.
    A check cheap enough for every open, reads included."""
    if len(header) < 100 or header[24:28] != header[92:96]:
        return 0
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return int.from_bytes(header[28:32], "big") * page_size


def make_private(path: str | os.PathLike[str]) -> None:
    """Owner-only access, keeping whether the owner may write (a read-only file stays so).
    A symbolic link is left alone: its target is not necessarily smcoach's to change.

    By name, never through a file descriptor: closing any descriptor of a file drops every
    POSIX lock this process holds on it, SQLite's included (two writers then corrupt the
    shared memory of the WAL)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    mode = stat.S_IMODE(info.st_mode)
    if stat.S_ISLNK(info.st_mode) or not mode & 0o077:
        return
    with contextlib.suppress(OSError):  # another owner's file, a read-only disk: doctor says
        os.chmod(path, mode & 0o600)


def _configure(conn: sqlite3.Connection, path: str) -> None:
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        _refuse_foreign(conn, path)  # before anything below changes the file
        for name in (path, f"{path}-wal", f"{path}-shm"):
            make_private(name)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except OSError as e:
        raise StoreError(t("store.cannot_open", path=path, detail=e.strerror or e)) from None


def guard(conn: sqlite3.Connection, path: str) -> None:
    """The look before every write, inside its transaction: a few reads of page 1 and two
    `stat`s, the same whatever the file's size, never reading the file through (see `check`).

    SQLite itself, on beginning the transaction, read page 1 and refused a file that is not a
    database, or shorter than its header says with no -wal to make up the rest. Here: the file
    is not from a newer smcoach (one may have upgraded it since it was opened), and SQLite's
    count of pages is no more than the file holds plus every frame the -wal could hold, so a
    file cut short after it was opened is refused. The contents are read through by `check`:
    `smcoach where --check`, doctor, before an upgrade, and after an unexpected error."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise DamagedError(t("store.damaged", path=path, detail=e)) from None
    if version > len(migrations.NAMES):
        raise StoreError(t("store.too_new", path=path, names=f"user_version {version}"))
    # Stat by name, never opening the file: closing a descriptor of it would drop SQLite's locks.
    wal = _size(f"{path}-wal")
    frames = (wal - WAL_HEADER) // (WAL_FRAME_HEADER + page_size) if wal > WAL_HEADER else 0
    # Past 1 GiB, the page holding SQLite's lock bytes is counted but never written.
    unwritten = 1 if pages > PENDING_BYTE // page_size else 0
    if pages > _size(path) // page_size + frames + unwritten:
        raise DamagedError(t("store.damaged", path=path, detail=t("store.cut_short")))


def check(conn: sqlite3.Connection, path: str, full: bool = False) -> None:
    """Read the whole file (its time grows with the data): SQLite's quick_check, or with
    `full` its integrity_check, which also compares every index with its table. Not before
    every write (see `guard`): for `smcoach where --check`, doctor, upgrades and recovery."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        result = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as e:
        raise DamagedError(t("store.damaged", path=path, detail=e)) from None
    if result != ["ok"]:
        detail = " ".join(" ".join(result[:2]).split())  # SQLite's report spans several lines
        raise DamagedError(t("store.damaged", path=path, detail=detail))


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


def _refuse_foreign(conn: sqlite3.Connection, path: str) -> None:
    """A file from a newer smcoach, or any database smcoach did not make, is left as it is."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        applied = _applied(conn)
    except sqlite3.DatabaseError as e:
        raise DamagedError(t("store.damaged", path=path, detail=e)) from None
    unknown = [n for n in applied if n not in migrations.NAMES]
    if unknown or version > len(migrations.NAMES):
        names = ", ".join(unknown) or f"user_version {version}"
        raise StoreError(t("store.too_new", path=path, names=names))
    if not applied:
        raise StoreError(t("store.not_smcoach", path=path))


def _migrate(conn: sqlite3.Connection, path: str) -> "Path | None":
    applied = _applied(conn)
    if len(applied) == len(migrations.NAMES):
        return None
    from smcoach.store.backups import backup_beside

    check(conn, path, full=True)
    backup_path = backup_beside(conn, path)
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
