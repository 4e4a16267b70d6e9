"""What every command shares: where the data lives, today's date, the open store."""

import os
import sys
from datetime import date, datetime

from smcoach.errors import SmcoachError
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from os import PathLike

    from smcoach.store import Store

DB_ENV = "SMCOACH_DB"
TODAY_ENV = "SMCOACH_TODAY"  # pins "today" (ISO date) for course demonstrations and tests


def db_path(option: "str | PathLike[str] | None") -> str:
    """--db, then $SMCOACH_DB, then the user's data folder. A string, as the store takes it:
    pathlib costs every command some milliseconds to import."""
    if option is not None:
        return os.path.expanduser(option)
    if os.environ.get(DB_ENV):
        return os.path.expanduser(os.environ[DB_ENV])
    if os.environ.get("XDG_DATA_HOME"):
        return os.path.join(os.environ["XDG_DATA_HOME"], "smcoach", "smcoach.db")
    return os.path.join(app_folder(), "smcoach.db")


def app_folder() -> str:
    """The folder click's get_app_dir("smcoach") names, where smcoach has always kept its data
    by default; worked out here so that a command need not import typer to find it."""
    if sys.platform.startswith("win"):
        return os.path.join(os.environ.get("APPDATA") or os.path.expanduser("~"), "smcoach")
    if sys.platform == "darwin":
        return os.path.join(os.path.expanduser("~/Library/Application Support"), "smcoach")
    config = os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))
    return os.path.join(config, "smcoach")


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

    def __init__(self, path: str):
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

    def view_store(self) -> "Store | None":
        """The store for a command that only shows data; None when there is no file yet: a
        view does not make one (the first command that saves something does). A path that
        could never hold the file (under a file) is still said at once, as a write says it."""
        if self._store is not None or os.path.exists(self.path):
            return self.store
        folder = os.path.abspath(self.path)
        while not os.path.exists(folder) and folder != os.path.dirname(folder):
            folder = os.path.dirname(folder)
        return None if os.path.isdir(folder) else self.store

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


def failure(error: BaseException, env: Env | None) -> tuple[str, int, str] | None:
    """The one line a person is shown for an error they can cause (or that their file can):
    (message, exit code, prefix). None for anything else, a bug, which is raised as it is.
    Both routes to a command use it: typer's (SmcoachGroup.invoke) and the fast one."""
    from smcoach.errors import NotSaved
    from smcoach.messages import t

    if isinstance(error, NotSaved):  # an honest answer, not a mistake
        return str(error), 1, ""
    if isinstance(error, SmcoachError):
        return str(error), 1, "Error: "
    if isinstance(error, KeyboardInterrupt):
        sys.stderr.write("\n")
        return t("interrupted"), 130, ""
    if not isinstance(error, Exception) or isinstance(error, BrokenPipeError):
        return None
    import sqlite3

    if isinstance(error, sqlite3.Error) and env is not None:
        from smcoach.store import explain

        return str(explain(error, env.path)), 1, "Error: "
    if isinstance(error, OSError):
        return f"{error.strerror or error}: {error.filename or ''}".rstrip(": "), 1, "Error: "
    if isinstance(error, ValueError) and "null byte" in str(error):  # a path holding NUL
        return t("path.nul"), 1, "Error: "
    if env is not None and (damage := env.damage()):
        return damage, 1, "Error: "  # garbage read from a damaged file, not a bug to show
    return None


def choose_language(env: Env, flag: str | None, read_setting: bool = True) -> None:
    """This command's language, from --lang, the person's setting (unless `read_setting` is
    False: the demo reads nothing of theirs), $SMCOACH_LANG or the locale
    (smcoach.domain.language); a --lang smcoach does not speak is one line."""
    from smcoach import i18n
    from smcoach.domain.language import SETTING, known, resolve
    from smcoach.messages import t

    if flag is not None and known(flag) is None:
        raise SmcoachError(t("language.unknown", got=flag))
    setting = None
    if read_setting and not flag:
        from smcoach.store import peek_setting

        setting = peek_setting(env.path, SETTING)
    language = resolve(flag, setting, os.environ)
    i18n.use(language.code, language)


def choose_language_early(args: list[str]) -> None:
    """The language of what click says before the root's options are read (--help, and errors
    in the command line): chosen as choose_language will choose it, from --lang anywhere and a
    leading --db (and, as there, not from the person's setting for the demo). A --lang smcoach
    does not speak is passed over here, for the command line to refuse."""
    from smcoach.domain.language import known, take_flag

    words, flag = take_flag(args)
    db = words[1] if len(words) > 1 and words[0] == "--db" else None
    if words and words[0].startswith("--db="):
        db = words[0].removeprefix("--db=")
    flag = flag if flag and known(flag) else None
    choose_language(Env(db_path(db)), flag, read_setting="demo" not in words)
