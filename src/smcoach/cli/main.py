"""The smcoach command line as typer builds it: app assembly, global options, and the one place
errors are shown on this route (the fast route, cli/fast.py, shows them the same way)."""

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
from smcoach.cli import help_language
from smcoach.cli.common import Env, choose_language, choose_language_early, db_path, failure
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
    "learn": ("smcoach.cli.learn", "learn"),
    "export": ("smcoach.cli.data", "export"),
    "import": ("smcoach.cli.data", "import_"),
    "backup": ("smcoach.cli.data", "backup"),
    "restore": ("smcoach.cli.data", "restore"),
    "erase": ("smcoach.cli.data", "erase"),
    "doctor": ("smcoach.cli.doctor", "doctor"),
    "group": ("smcoach.cli.group", "app"),
    "demo": ("smcoach.cli.demo", "demo"),
    "services": ("smcoach.cli.services", "app"),
}


def _build(name: str) -> Any:
    """A command group, or a single command, built as typer builds one under the root: with
    plain help and without the shell-completion options a group of its own would get."""
    module, attribute = LAZY_COMMANDS[name]
    target = getattr(import_module(module), attribute)
    parent = typer.Typer(add_completion=False, rich_markup_mode=None)
    if isinstance(target, typer.Typer):
        parent.add_typer(target, name=name)
        command = typer.main.get_command(parent).commands[name]  # type: ignore[attr-defined]
    else:  # a single command: typer makes an app of one command that command itself
        parent.command(name)(target)
        command = typer.main.get_command(parent)
        command.name = name
    return _ready_for_help(command)


# click's wrapping also breaks a line after a hyphen ('self-' at the end of a line, a path
# cut at 'smcoach-'): help holds each hyphen as a non-breaking one while it is wrapped.
_HELD_HYPHEN = "\u2011"


class _HelpFormatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
    """click's layout of help, wrapped between words, its own words in the person's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, help_language.layout(help_language.USAGE))

    def section(self, name: str) -> Any:
        return super().section(help_language.layout(name))

    def write_text(self, text: str) -> None:
        super().write_text(text.replace("-", _HELD_HYPHEN))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        held = [
            (term, help_language.options_text(text).replace("-", _HELD_HYPHEN))
            for term, text in rows
        ]
        super().write_dl(held, *args, **kwargs)

    def getvalue(self) -> str:
        return str(super().getvalue()).replace(_HELD_HYPHEN, "-")


class _HelpContext(typer.Context):
    formatter_class = _HelpFormatter


def _ready_for_help(command: Any) -> Any:
    """Help in the person's language, wrapped between words only; command lists that show each
    command's whole first sentence, wrapped at the width, not cut short with '...' as click
    does at 45 characters."""
    for sub in getattr(command, "commands", {}).values():
        _ready_for_help(sub)
    command.context_class = _HelpContext
    help_language.speak(command)
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

    context_class = _HelpContext

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for command in self.commands.values():  # the root's own; the others when built
            _ready_for_help(command)
        help_language.speak(self)
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
        # click shows help and its errors before the root's callback chooses the language
        choose_language_early(given)
        help_language.speak(self)
        for command in self.commands.built.values():  # type: ignore[attr-defined]
            _ready_for_help(command)
        return super().main(args, *rest, **kwargs)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The list of commands in --help, from their summaries generated into cli/fastspec.py
        (a test keeps them equal to the declarations'): listing the commands need not build,
        import and introspect, every one of them."""
        from smcoach import i18n
        from smcoach.cli.fastspec import SUMMARIES

        rows = []
        for name in self.list_commands(ctx):
            summary = SUMMARIES.get(name) if i18n.language() == "en" else None
            if summary is None:  # not generated yet: built, as typer would
                command = self.get_command(ctx, name)
                summary = command.get_short_help_str(10**6) if command else None
            if summary is not None:
                rows.append((name, summary))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _safe_usage_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        try:
            with _safe_usage_errors():
                return super().invoke(ctx)
        except typer.Exit:  # said what it had to (a usage error, a command's own exit)
            raise
        except BrokenPipeError:
            raise
        except BaseException as e:
            said = failure(e, ctx.obj if isinstance(ctx.obj, Env) else None)
            if said is None:
                raise
            _fail(*said)


def _is_utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@contextmanager
def _safe_usage_errors() -> Iterator[None]:
    """click's own errors (an unknown option, a value of the wrong type) quote what was typed:
    show it with control characters escaped, like every other message. A usage error (a
    misspelt command or option, a wrong value) is one line and exit 2, with no usage block:
    'Error: No such command 'trend'. Did you mean 'trends'?'."""
    # typer vendors click from 0.28 on; its BadParameter derives from the click in use.
    click_error: type[Exception] = next(
        c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
    )
    usage_error: type[Exception] = next(
        c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
    )
    try:
        yield
    except usage_error as e:
        _fail(_usage_line(e), 2)
    except click_error as e:
        e.message = one_line(e.message)  # type: ignore[attr-defined]
        raise


def _usage_line(error: Any) -> str:
    """click's message, with where to look when it suggests nothing itself."""
    message = str(error.format_message())
    said = help_language.usage_error(message)
    if "Did you mean" in message or getattr(error, "possibilities", None):
        return said
    command = error.ctx.command_path if error.ctx is not None else "smcoach"
    return t("usage.see_help", error=said.rstrip("."), command=command)


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
    # click's plain help everywhere: paragraphs kept and wrapped at the width, no panels or
    # colour for a pipe, NO_COLOR or a screen reader, and help starts without importing Rich.
    rich_markup_mode=None,
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
            help="A service's or course's own content: question cards (cards/en.toml) that "
            "override the built-in ones, topics (topics/en/) and a directory of services "
            "(services/) (default: $SMCOACH_CONTENT).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="The language to speak: en (English) or es (español), here or after any "
            "command (default: your setting, $SMCOACH_LANG, else your locale).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    json_out: Annotated[
        bool,
        typer.Option("--json", help="With no command: print today as JSON (as 'today --json')."),
    ] = False,
) -> None:
    from smcoach.cli import signpost

    if json_out and ctx.invoked_subcommand is not None:
        _fail(t("usage.json_first"), 2)  # not silently ignored
    if content is not None:
        os.environ["SMCOACH_CONTENT"] = str(content)  # read by smcoach.content
    env = Env(db_path(db))
    choose_language(env, lang, read_setting=ctx.invoked_subcommand != "demo")
    signpost.begin(env)  # the help-now signposting is shown at most once a command
    ctx.obj = env
    ctx.call_on_close(env.close)
    if ctx.invoked_subcommand is None:
        from smcoach.cli.work.today import show_today

        show_today(env, json_out)


@app.command("today")
def today_cmd(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show today: your focus, this week's plans and what to do next.

    Example: smcoach today   (the same as plain 'smcoach')
    """
    from smcoach.cli.work.today import show_today

    show_today(ctx.obj, json_out)


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
