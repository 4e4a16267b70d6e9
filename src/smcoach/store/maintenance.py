"""Looking after the database file as a whole: restoring a backup over it, and erasing it.

Both keep what they replace or remove unless asked not to: a restore first backs up the
current file (or, if it is damaged, moves it aside whole); an erase first backs it up.
"""

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from smcoach.errors import DamagedError, SmcoachError
from smcoach.messages import t
from smcoach.store import migrations
from smcoach.store.backups import backup_beside, backups_folder, list_backups
from smcoach.store.connection import SQLITE_HEADER, connect, make_folder

SIDE_FILES = ("-wal", "-shm")  # SQLite's companions of a database in WAL mode


def side_files(path: Path) -> list[Path]:
    return [path, *(Path(f"{path}{suffix}") for suffix in SIDE_FILES)]


class Verdict(NamedTuple):
    """What a read-only look at an SQLite file found: is it smcoach's, and is it whole."""

    ours: bool
    applied: int  # smcoach migrations it has
    newer: bool  # written by a newer smcoach
    problem: str | None  # why it cannot be used, in the person's words; None if it can


def look_at(path: Path) -> Verdict:
    """Open `path` read-only and check it through (integrity_check), changing nothing."""
    try:
        with open(path, "rb") as f:
            header = f.read(16)
    except OSError as e:
        return Verdict(False, 0, False, t("why.unreadable", detail=e.strerror or e))
    if not header:
        return Verdict(False, 0, False, t("why.empty"))
    if header != SQLITE_HEADER:
        return Verdict(False, 0, False, t("why.not_sqlite"))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
    except sqlite3.Error as e:
        return Verdict(False, 0, False, t("why.unreadable", detail=e))
    try:
        return _verdict(conn)
    except sqlite3.Error as e:
        return Verdict(True, 0, False, t("why.damaged", detail=e))
    finally:
        conn.close()


def _verdict(conn: sqlite3.Connection) -> Verdict:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_log = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not has_log:
        return Verdict(False, 0, False, t("why.not_smcoach"))
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.SET_NAME]
        )
    ]
    unknown = [n for n in names if n not in migrations.NAMES]
    if unknown or version > len(migrations.NAMES):
        detail = ", ".join(unknown) or f"user_version {version}"
        return Verdict(True, len(names), True, t("why.newer", names=detail))
    result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        detail = " ".join(" ".join(result[:2]).split())
        return Verdict(True, len(names), False, t("why.damaged", detail=detail))
    return Verdict(True, len(names), False, None)


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup in the backups folder that is whole and readable by this smcoach."""
    for candidate in reversed(list_backups(backups_folder(path), path.stem)):
        verdict = look_at(candidate)
        if verdict.problem is None:
            return candidate
    return None


class Restored(NamedTuple):
    saved_as: Path | None  # the backup of what was there before, or where it was moved aside
    moved_aside: bool  # True when the file was damaged and moved aside rather than copied


def restore(path: Path, source: Path) -> Restored:
    """Put the data of the backup `source` in place of the database at `path`."""
    if not source.is_file():
        raise SmcoachError(t("restore.no_file", path=source))
    if path.exists() and os.path.samefile(path, source):
        raise SmcoachError(t("restore.same_file", path=source))
    verdict = look_at(source)
    if verdict.problem is not None:
        raise SmcoachError(t("restore.unusable", path=source, reason=verdict.problem))
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if not os.path.lexists(path):
            make_folder(path.parent)
            conn, _ = connect(path)
            saved: Restored = Restored(None, False)
        else:
            try:
                conn, _ = connect(path)
            except DamagedError:
                return Restored(_replace_damaged(path, src), True)
            saved = Restored(backup_beside(conn, path), False)
        try:
            src.backup(conn)  # page by page, under SQLite's own locks
        finally:
            conn.close()
    finally:
        src.close()
    connect(path)[0].close()  # an older backup is brought up to this version, backed up first
    return saved


def _replace_damaged(path: Path, src: sqlite3.Connection) -> Path:
    """Move the damaged file (and its -wal and -shm) aside whole, then put a copy of the backup
    in its place. Returns where the damaged file now is."""
    folder = backups_folder(path)
    make_folder(folder)
    aside = folder / f"{path.stem}-damaged-{datetime.now():%Y%m%d-%H%M%S-%f}.db"
    copy = folder / f".{aside.name}.restoring"
    _new_private(copy)
    dest = sqlite3.connect(copy)
    try:
        src.backup(dest)
    finally:
        dest.close()
    for old, new in zip(side_files(path), side_files(aside), strict=True):
        if os.path.lexists(old):
            os.replace(old, new)
    os.replace(copy, path)
    return aside


class Erased(NamedTuple):
    removed: list[Path]
    backup: Path | None  # the copy kept before erasing, unless backups were erased too


def erase(path: Path, with_backups: bool) -> Erased:
    """Remove the database file (with its -wal and -shm) and, with `with_backups`, the
    backups folder; otherwise back it up first. A file that is not smcoach's is refused."""
    removed: list[Path] = []
    kept: Path | None = None
    if os.path.lexists(path):
        try:
            conn: sqlite3.Connection | None = connect(path)[0]
        except DamagedError:  # still erased, its bytes kept aside first
            conn = None
        if conn is not None:
            try:
                if not with_backups:
                    kept = backup_beside(conn, path)
            finally:
                conn.close()
        elif not with_backups:
            kept = _copy_aside(path)
        for name in side_files(path):
            if os.path.lexists(name):
                name.unlink()
                removed.append(name)
    folder = backups_folder(path)
    if with_backups and folder.is_dir():
        for name in sorted(folder.iterdir()):
            if name.name.startswith(f"{path.stem}-") or name.name.startswith(f".{path.stem}-"):
                name.unlink()
                removed.append(name)
        if not any(folder.iterdir()):
            folder.rmdir()
            removed.append(folder)
    return Erased(removed, kept)


def _copy_aside(path: Path) -> Path:
    """A damaged file cannot be read through SQLite: keep its bytes as they are."""
    folder = backups_folder(path)
    make_folder(folder)
    aside = folder / f"{path.stem}-damaged-{datetime.now():%Y%m%d-%H%M%S-%f}.db"
    for old, new in zip(side_files(path), side_files(aside), strict=True):
        if os.path.lexists(old):
            _new_private(new)
            shutil.copyfile(old, new)
    return aside


def _new_private(path: Path) -> None:
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
