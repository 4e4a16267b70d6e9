"""What every command shares: where the data lives, today's date, the open store."""

import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from smcoach.errors import SmcoachError

if TYPE_CHECKING:
    from smcoach.store import Store

DB_ENV = "SMCOACH_DB"
TODAY_ENV = "SMCOACH_TODAY"  # pins "today" (ISO date) for course demonstrations and tests


def db_path(option: Path | None) -> Path:
    """--db, then $SMCOACH_DB, then the user's data folder."""
    if option is not None:
        return option.expanduser()
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    if os.environ.get("XDG_DATA_HOME"):
        return Path(os.environ["XDG_DATA_HOME"]) / "smcoach" / "smcoach.db"
    import typer

    return Path(typer.get_app_dir("smcoach")) / "smcoach.db"


def today() -> date:
    pinned = os.environ.get(TODAY_ENV)
    if not pinned:
        return date.today()
    from smcoach.domain.dates import in_calendar
    from smcoach.messages import t

    try:
        day = date.fromisoformat(pinned)
    except ValueError:
        raise SmcoachError(t("today.bad", name=TODAY_ENV, text=pinned)) from None
    return in_calendar(day, pinned)


def now() -> str:
    """The time a record is made. With SMCOACH_TODAY set, on that day (at the clock's time),
    so that a demonstration's records agree with its days."""
    stamp = datetime.now().astimezone()
    if os.environ.get(TODAY_ENV):
        stamp = datetime.combine(today(), stamp.timetz())
    return stamp.isoformat(timespec="seconds")


class Env:
    """The command's context: the database path, and the store once a command asks for it."""

    def __init__(self, path: Path):
        self.path = path
        self._store: Store | None = None

    @property
    def store(self) -> "Store":
        if self._store is None:
            from smcoach.render import notice
            from smcoach.store import Store

            self._store = Store(self.path)
            if self._store.backup_path:
                from smcoach.messages import t

                notice(t("backup.made", path=self._store.backup_path))
        return self._store

    def damage(self) -> str | None:
        """If the store was opened and the file turns out damaged, the one line saying so: for
        an unexpected error, which damaged data can cause (a value no record could hold)."""
        if self._store is None:
            return None
        import sqlite3

        from smcoach.errors import StoreError
        from smcoach.store import explain

        try:
            self._store.check(full=True)
        except StoreError as e:
            return str(e)
        except sqlite3.Error as e:
            return str(explain(e, self.path))
        return None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def interactive() -> bool:
    return sys.stdin.isatty()
