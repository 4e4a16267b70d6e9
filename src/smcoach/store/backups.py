"""Copies of the whole database: smcoach's automatic backups beside the file (made before
upgrades, merges and repairs; the newest KEEP_BACKUPS kept) and a person's own backups.

Apart from the connection, which every command opens: pathlib and the backups' naming are
only needed when a copy is made or looked for."""

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from smcoach.errors import StoreError
from smcoach.messages import t
from smcoach.store.connection import fsync, make_folder, place_new

KEEP_BACKUPS = 5  # automatic backups kept in the backups folder


def backups_folder(path: str | os.PathLike[str]) -> Path:
    """Where the automatic backups of the database at `path` are kept: beside it."""
    path = Path(path)
    return path.with_name(f"{path.stem}-backups")


def backup_beside(conn: sqlite3.Connection, path: str | os.PathLike[str]) -> Path:
    """An automatic backup of the database at `path`, in its backups folder."""
    return backup_into(conn, backups_folder(path), Path(path).stem)


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the whole database, WAL included, with SQLite's backup API (safe while another
    smcoach writes), into a new private file at `target`; an existing file is never replaced.
    The copy is made in a temporary file and moved into place, so a copy that exists is whole."""
    make_folder(target.parent)
    return _copy(conn, target.parent, lambda temp: _link(temp, target))


def backup_into(conn: sqlite3.Connection, folder: Path, stem: str) -> Path:
    """A backup in smcoach's backups folder, named by stem and time; the newest KEEP_BACKUPS
    there are kept."""
    make_folder(folder)
    copy = _copy(conn, folder, lambda temp: _place(temp, folder, stem))
    for old in list_backups(folder, stem)[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return copy


def _copy(conn: sqlite3.Connection, folder: Path, place: Callable[[Path], Path]) -> Path:
    import tempfile

    fd, name = tempfile.mkstemp(prefix=".backup.", suffix=".new", dir=folder)
    os.close(fd)
    temp = Path(name)
    try:
        dest = sqlite3.connect(temp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dest.close()
        fsync(temp)
        return place(temp)
    finally:
        temp.unlink(missing_ok=True)


def _link(temp: Path, target: Path) -> Path:
    place_new(temp, target)
    return target


def _place(temp: Path, target: Path, stem: str) -> Path:
    """Link the finished copy to its name, never replacing a file already there. Copies made
    in the same second are numbered after the last one, so names keep sorting by age."""
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    same_second = [_counter(p, stem) for p in target.glob(f"{stem}-{stamp}*.db")]
    first = max(same_second, default=0) + 1
    for n in range(first, first + 100):
        final = target / (f"{stem}-{stamp}.db" if n == 1 else f"{stem}-{stamp}-{n}.db")
        try:
            place_new(temp, final)
            return final
        except FileExistsError:
            continue
    raise StoreError(t("backup.no_name", folder=target))


def list_backups(folder: Path, stem: str) -> list[Path]:
    """The automatic backups in `folder`, oldest first (their names sort by time)."""
    if not folder.is_dir():
        return []
    start = len(stem) + 1
    names = [p for p in folder.glob(f"{stem}-*.db") if p.name[start : start + 8].isdigit()]
    return sorted(names, key=lambda p: (p.name[: start + 15], _counter(p, stem)))


def _counter(path: Path, stem: str) -> int:
    """A copy's number within its second: 1 for the first (unnumbered), then 2, 3…"""
    rest = path.name[len(stem) + 16 : -len(".db")]
    return int(rest[1:]) if rest.startswith("-") and rest[1:].isdigit() else 1
