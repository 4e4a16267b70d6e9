"""The facts `smcoach doctor` reports about the database file, gathered without changing
anything: no file is created, migrated, repaired or made private here."""

import os
import stat
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from smcoach.store import migrations
from smcoach.store.backups import backups_folder, list_backups
from smcoach.store.maintenance import Verdict, look_at, newest_good_backup


class Health(NamedTuple):
    path: Path
    exists: bool
    size: int  # bytes, the -wal included
    file_mode: int | None
    folder_mode: int | None
    link_to: Path | None  # where the path leads, when it is a symbolic link
    verdict: Verdict | None  # None when there is no file
    head: int  # the number of migrations this smcoach has
    backups_folder: Path
    backups: int
    last_backup: datetime | None
    good_backup: Path | None  # looked for only when the file cannot be used


def examine(path: Path) -> Health:
    exists = os.path.lexists(path)
    link_to = path.resolve() if path.is_symlink() else None
    size, file_mode = 0, None
    if exists:
        try:
            info = os.stat(path)
            file_mode = stat.S_IMODE(info.st_mode)
            size = info.st_size
            wal = Path(f"{path}-wal")
            size += wal.stat().st_size if wal.exists() else 0
        except OSError:
            pass
    folder_mode = stat.S_IMODE(path.parent.stat().st_mode) if path.parent.is_dir() else None
    verdict = look_at(path) if exists else None
    folder = backups_folder(path)
    backups = list_backups(folder, path.stem)
    last = datetime.fromtimestamp(backups[-1].stat().st_mtime) if backups else None
    unusable = verdict is not None and verdict.problem is not None and not verdict.newer
    return Health(
        path=path,
        exists=exists,
        size=size,
        file_mode=file_mode,
        folder_mode=folder_mode,
        link_to=link_to,
        verdict=verdict,
        head=len(migrations.NAMES),
        backups_folder=folder,
        backups=len(backups),
        last_backup=last,
        good_backup=newest_good_backup(path) if unusable else None,
    )
