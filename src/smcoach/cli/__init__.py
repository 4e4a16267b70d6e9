"""The smcoach command line: app assembly, global options, and the one place errors are shown."""

import os
import sys
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from smcoach import __version__
from smcoach.cli.common import Env, db_path, today
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.safe_text import one_line

# Each command group lives in its own module, imported and built only when it is used: a
# command should not pay for the others (typer introspects every function it builds).
LAZY_COMMANDS = {
    "agenda": ("smcoach.cli.agenda", "app"),
    "goal": ("smcoach.cli.goals", "app"),
    "plan": ("smcoach.cli.plans", "app"),
    "check": ("smcoach.cli.checkin", "check"),
    "session": ("smcoach.cli.session", "session"),
    "solve": ("smcoach.cli.solve", "app"),
    "selfcheck": ("smcoach.cli.selfcheck", "selfcheck"),
    "trends": ("smcoach.cli.trends", "trends"),
    "symptoms": ("smcoach.cli.symptoms", "app"),
    "help-now": ("smcoach.cli.helpnow", "help_now"),
    "settings": ("smcoach.cli.settings", "app"),
    "questions": ("smcoach.cli.questions", "app"),
    "export": ("smcoach.cli.data", "export"),
    "import": ("smcoach.cli.data", "import_"),
    "backup": ("smcoach.cli.data", "backup"),
    "restore": ("smcoach.cli.data", "restore"),
    "erase": ("smcoach.cli.data", "erase"),
    "doctor": ("smcoach.cli.doctor", "doctor"),
}


def _build(name: str) -> Any:
    module, attribute = LAZY_COMMANDS[name]
    target = getattr(import_module(module), attribute)
    if not isinstance(target, typer.Typer):  # a single command: give it an app of its own
        single = typer.Typer(add_completion=False)
        single.command(name)(target)
        target = single
    command = typer.main.get_command(target)
    command.name = name
    return command


class _Commands(MutableMapping[str, Any]):
    """The root's subcommands by name; the lazy ones are built on first use."""

    def __init__(self, built: MutableMapping[str, Any]):
        self.built = dict(built)

    def __getitem__(self, name: str) -> Any:
        if name not in self.built and name in LAZY_COMMANDS:
            self.built[name] = _build(name)
        return self.built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.built[name]

    def __iter__(self) -> Iterator[str]:
        return iter([*self.built, *(n for n in LAZY_COMMANDS if n not in self.built)])

    def __len__(self) -> int:
        return len(set(self.built) | set(LAZY_COMMANDS))


class SmcoachGroup(TyperGroup):
    """Builds subcommands lazily, and turns every error a person can cause into one line on
    stderr and a non-zero exit."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _Commands(self.commands)

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        given = sys.argv[1:] if args is None else list(args)
        for n, arg in enumerate(given, 1):
            if isinstance(arg, str) and not _is_utf8(arg):  # bytes Python could not decode
                sys.stderr.write("Error: " + t("argv.not_utf8", n=n) + "\n")
                sys.exit(1)
            if isinstance(arg, str) and "\x00" in arg:  # only from a caller inside Python
                sys.stderr.write("Error: " + t("argv.nul", n=n) + "\n")
                sys.exit(1)
        return super().main(args, *rest, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _safe_usage_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        try:
            with _safe_usage_errors():
                return super().invoke(ctx)
        except SmcoachError as e:
            _fail(str(e), 1)
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            _fail(t("interrupted"), 130, prefix="")
        except BrokenPipeError:
            raise
        except Exception as e:
            import sqlite3

            from smcoach.store import explain

            if isinstance(e, sqlite3.Error) and isinstance(ctx.obj, Env):
                _fail(str(explain(e, ctx.obj.path)), 1)
            if isinstance(e, OSError):
                _fail(f"{e.strerror or e}: {e.filename or ''}".rstrip(": "), 1)
            if isinstance(e, ValueError) and "null byte" in str(e):  # a path holding NUL
                _fail(t("path.nul"), 1)
            if isinstance(ctx.obj, Env) and (damage := ctx.obj.damage()):
                _fail(damage, 1)  # garbage read from a damaged file, not a bug to show
            raise


def _is_utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@contextmanager
def _safe_usage_errors() -> Iterator[None]:
    """click's own errors (an unknown option, a value of the wrong type) quote what was typed:
    show it with control characters escaped, like every other message."""
    # typer vendors click from 0.28 on; its BadParameter derives from the click in use.
    click_error: type[Exception] = next(
        c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
    )
    try:
        yield
    except click_error as e:
        e.message = one_line(e.message)  # type: ignore[attr-defined]
        raise


def _fail(message: str, code: int, prefix: str = "Error: ") -> None:
    sys.stderr.write(f"{prefix}{one_line(message)}\n")
    raise typer.Exit(code)


app = typer.Typer(
    cls=SmcoachGroup,
    name="smcoach",
    help="A self-management coach: agenda, goals, action plans and daily check-ins.\n\n"
    "Not for emergencies: smcoach help-now\n\n"
    "Run smcoach on its own to see today. Not medical advice: for anything about your "
    "treatment, talk to your doctor, nurse or pharmacist.\n\n"
    'Example: smcoach agenda add "Getting out of breath on the stairs"',
    invoke_without_command=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"smcoach {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="The database file to use (default: $SMCOACH_DB, else your "
            "data folder; see 'smcoach where').",
            show_default=False,
        ),
    ] = None,
    content: Annotated[
        Path | None,
        typer.Option(
            "--content",
            help="A folder of question cards (cards/en.toml) that override the built-in ones "
            "(default: $SMCOACH_CONTENT).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    from smcoach.cli import helpnow

    if content is not None:
        os.environ["SMCOACH_CONTENT"] = str(content)  # read by smcoach.content
    env = Env(db_path(db))
    helpnow.begin(env)  # the help-now signposting is shown at most once a command
    ctx.obj = env
    ctx.call_on_close(env.close)
    if ctx.invoked_subcommand is None:
        show_today(env, json_out=False)


@app.command("today")
def today_cmd(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show today: your focus, this week's plan(s) and what to do next.

    Example: smcoach today   (the same as plain 'smcoach')
    """
    show_today(ctx.obj, json_out)


def show_today(env: Env, json_out: bool) -> None:
    from smcoach.domain.selfefficacy import selfcheck_due
    from smcoach.domain.week import PlanWeek, next_steps
    from smcoach.render import views, write, write_json

    day = today()
    store = env.store
    agenda_items = store.agenda()
    focus = next((i for i in agenda_items if i.focus), None)
    active = store.plans()
    checkins = store.checkins([p.id for p in active])
    steps = next_steps(
        day,
        agenda_items,
        [PlanWeek(p, checkins[p.id]) for p in active],
        selfcheck_due=selfcheck_due(day, *store.selfcheck_days()),
    )
    if json_out:
        write_json(views.today_json(day, focus, active, checkins, steps))
    else:
        write(views.today_blocks(day, focus, active, checkins, steps))


@app.command("where")
def where(
    ctx: typer.Context,
    check: Annotated[
        bool, typer.Option("--check", help="Also read the whole file to check it is undamaged.")
    ] = False,
) -> None:
    """Print the path of the database file in use.

    Example: smcoach where --check
    """
    print(one_line(str(ctx.obj.path)))  # shown safely, like every path smcoach prints
    if check:
        ctx.obj.store.check(full=True)
        from smcoach.render import notice

        notice(t("store.checked", path=ctx.obj.path))
