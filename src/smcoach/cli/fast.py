"""The fast route: the everyday commands, started without importing typer.

Importing typer (and the click inside it) costs more than all the rest of `smcoach`, `plan
list` or `check --done` together. For the commands in FAST, this module reads argv by the
command line's own description, generated from the typer declarations into cli/fastspec.py
(a test fails when the two differ), and calls the same work (cli/work/) the typer route calls.
Anything it is not sure of (help, --version, an unknown or repeated word, a misspelling, `--`,
a value a flag does not take) goes the typer route instead, which then says what typer says;
a test runs both routes on many argument lists, right and wrong, and compares every byte.

SMCOACH_FULL_ROUTE=1 turns the fast route off (for comparing the two).
"""

from __future__ import annotations

import os
import sys

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

# Command path -> (module, function) of its work. A group on its own lists its items.
FAST = {
    "": ("smcoach.cli.work.today", "show_today"),
    "today": ("smcoach.cli.work.today", "show_today"),
    "agenda": ("smcoach.cli.work.lists", "agenda_list"),
    "agenda list": ("smcoach.cli.work.lists", "agenda_list"),
    "plan": ("smcoach.cli.work.lists", "plan_list"),
    "plan list": ("smcoach.cli.work.lists", "plan_list"),
    "symptoms": ("smcoach.cli.work.lists", "symptoms_list"),
    "symptoms list": ("smcoach.cli.work.lists", "symptoms_list"),
    "check": ("smcoach.cli.work.checkin", "check"),
    "trends": ("smcoach.cli.work.trends", "trends"),
    "learn": ("smcoach.cli.work.learn", "learn"),
    "services search": ("smcoach.cli.work.services", "search_services"),
}
GROUPS = {"agenda", "plan", "symptoms", "services"}
HELP = ("-h", "--help")


class NotSure(Exception):
    """The fast route cannot be sure it reads these arguments as typer would."""


def run(argv: list[str]) -> bool:
    """Run the command if the fast route can; False when typer's route must take it."""
    if os.environ.get("SMCOACH_FULL_ROUTE"):
        return False
    if argv and argv[-1] in HELP:
        return _help(argv[:-1])
    try:
        root, path, values = parse(argv)
    except NotSure:
        return False
    _start(root, path, values)
    return True


def parse(argv: list[str]) -> tuple[dict[str, Any], str, dict[str, Any]]:
    """(the root's values, the command path, the command's values), or NotSure."""
    from smcoach.cli.fastspec import SPEC

    for arg in argv:
        if "\x00" in arg or not _is_utf8(arg):  # typer's route says which argument
            raise NotSure
    words = list(argv)
    root = _read(SPEC[""], words, stop_at_word=True)
    if root["version"]:
        raise NotSure
    path: list[str] = []
    if words and not words[0].startswith("-"):
        path.append(words.pop(0))
        if path[0] in GROUPS and words:
            if words[0].startswith("-"):
                raise NotSure  # a group's own options: only --help
            path.append(words.pop(0))
    name = " ".join(path)
    if name not in FAST or name not in SPEC:
        raise NotSure
    if root["json_out"] and name:
        raise NotSure  # typer's route refuses it in one line
    values = _read(SPEC[name], words, stop_at_word=False)
    if words:
        raise NotSure
    return root, name, values


def _read(params: list[dict[str, Any]], words: list[str], stop_at_word: bool) -> dict[str, Any]:
    """Take a command's options and arguments from the front of `words` (all of them, or up
    to the first word that is not an option for a group), as click reads them."""
    options = {opt: p for p in params if p["kind"] != "argument" for opt in p["opts"]}
    arguments = [p for p in params if p["kind"] == "argument"]
    values: dict[str, Any] = {p["name"]: _empty(p) for p in params}
    given: set[str] = set()
    while words:
        word = words[0]
        if (
            word in HELP
            or word == "--"
            or word.startswith("-")
            and len(word) > 1
            and (word.split("=", 1)[0] not in options)
        ):
            raise NotSure
        if not word.startswith("-") or word == "-":
            if stop_at_word:
                break
            if not arguments:
                raise NotSure  # an extra argument: typer's route says so
            param = arguments[0]
            if param.get("many"):  # it takes every word left that is not an option
                values[param["name"]] = [*(values[param["name"]] or []), words.pop(0)]
            else:
                values[arguments.pop(0)["name"]] = words.pop(0)
            continue
        words.pop(0)
        opt, has_value, value = word.partition("=")
        param = options[opt]
        if param["name"] in given and param["kind"] != "values":
            raise NotSure  # given twice
        given.add(param["name"])
        if param["kind"] == "flag":
            if has_value:
                raise NotSure
            values[param["name"]] = True
            continue
        if not has_value:
            if not words:
                raise NotSure  # the value is missing
            value = words.pop(0)
        if param["kind"] == "values":
            values[param["name"]] = [*(values[param["name"]] or []), value]
        else:
            values[param["name"]] = value
    for param in params:
        if param.get("path") and values[param["name"]] is not None:
            from pathlib import Path  # only then: it costs every command milliseconds to import

            values[param["name"]] = Path(values[param["name"]])
    return values


def _help(path: list[str]) -> bool:
    """`smcoach [COMMAND…] --help`, from the text typer gives, generated into cli/helptext.py
    (helptext_es.py in Spanish): only where typer would lay it out the same, 78 columns wide (a
    terminal or $COLUMNS of 80 or more), and only under the name `smcoach` (python -m smcoach
    is named differently)."""
    import shutil

    if os.path.basename(sys.argv[0]) != "smcoach" or shutil.get_terminal_size().columns < 80:
        return False
    from smcoach import i18n
    from smcoach.cli.common import choose_language_early
    from smcoach.domain.language import FLAG, known, take_flag

    if (flag := take_flag(path)[1]) is not None and known(flag) is None:
        return False  # typer's route refuses it, in one line
    choose_language_early(path)
    if path[:1] == [FLAG]:  # where smcoach.__main__ puts it
        path = path[2:]
    module = help_module(i18n.language())
    __import__(module)
    text = sys.modules[module].HELP.get(" ".join(path))
    if text is None or any(word.startswith("-") for word in path):
        return False
    sys.stdout.write(text)
    return True


def help_module(language: str) -> str:
    """The module holding the help of every command in `language`."""
    return "smcoach.cli.helptext" + ("" if language == "en" else f"_{language}")


def _empty(param: dict[str, Any]) -> Any:
    return False if param["kind"] == "flag" else None


def _is_utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _start(root: dict[str, Any], name: str, values: dict[str, Any]) -> None:
    """What typer's route does around a command: the root's options, the signposting, the
    parameters' callbacks, the work, and every error as one line."""
    from smcoach.cli import signpost
    from smcoach.cli.common import Env, choose_language, db_path, failure
    from smcoach.cli.fastspec import SPEC
    from smcoach.safe_text import one_line

    if root["content"] is not None:
        os.environ["SMCOACH_CONTENT"] = str(root["content"])  # read by smcoach.content
    env = Env(db_path(root["db"]))
    try:
        try:
            choose_language(env, root["lang"])
            signpost.begin(env)
            for param in SPEC[name]:
                if param.get("callback") == "screened":
                    signpost.screened(values[param["name"]])
            module, function = FAST[name]
            __import__(module)  # importlib itself costs a millisecond to import
            work = getattr(sys.modules[module], function)
            if name in ("", "today"):
                work(env, root["json_out"] or values.get("json_out", False))
            else:
                work(env, **values)
        finally:
            env.close()
    except BrokenPipeError:  # the reader has gone (`smcoach … | head`): as click, say nothing
        from smcoach.__main__ import _silence_stdout

        _silence_stdout()
        sys.exit(1)
    except BaseException as e:
        said = failure(e, env)
        if said is None:
            raise
        message, code, prefix = said
        sys.stderr.write(f"{prefix}{one_line(message)}\n")
        sys.exit(code)


def describe() -> dict[str, list[dict[str, Any]]]:
    """The parameters of the root and of each FAST command, as the typer declarations give
    them (for cli/fastspec.py; imports typer)."""
    import typer

    from smcoach.cli.main import app

    root = typer.main.get_command(app)
    spec = {"": _params(root)}
    for name in FAST:
        if not name:
            continue
        command = root
        for word in name.split():
            command = command.commands[word]  # type: ignore[attr-defined]
        spec[name] = _params(command)
    return spec


def summaries() -> dict[str, str]:
    """Each command's one-line summary in `smcoach --help`, as its declaration gives it
    (builds every command: imports typer and all of cli/)."""
    import typer

    from smcoach.cli.main import app

    root = typer.main.get_command(app)
    ctx = root.make_context("smcoach", [], resilient_parsing=True)
    found = {}
    for name in root.list_commands(ctx):  # type: ignore[attr-defined]
        command = root.get_command(ctx, name)  # type: ignore[attr-defined]
        if command is not None and not command.hidden:
            found[name] = command.get_short_help_str(10**6)
    return found


def _params(command: Any) -> list[dict[str, Any]]:
    found = []
    for p in command.params:
        if p.param_type_name == "argument":
            kind = "argument"
        elif p.is_flag:
            kind = "flag"
        else:
            kind = "values" if p.multiple else "value"
        entry: dict[str, Any] = {"name": p.name, "kind": kind, "opts": list(p.opts)}
        if kind == "argument" and p.nargs == -1:  # every word left: `learn WORDS…`
            entry["many"] = True
        if type(p.type).__name__ in ("TyperPath", "Path"):
            entry["path"] = True
        callbacks = [
            c.cell_contents.__name__
            for c in (getattr(p.callback, "__closure__", None) or ())
            if callable(c.cell_contents) and hasattr(c.cell_contents, "__name__")
        ]
        if callbacks:
            entry["callback"] = callbacks[0]
        found.append(entry)
    return found


def help_texts(language: str = "en") -> dict[str, str]:
    """What `smcoach [COMMAND…] --help` prints in `language` for every command and group, 78
    columns wide (what click makes of 80 columns or more), built by typer (imports typer and
    all of cli/)."""
    import typer

    from smcoach import i18n
    from smcoach.cli.main import app

    speaking = i18n.language()
    i18n.use(language)
    try:
        return _help_texts(typer.main.get_command(app))
    finally:
        i18n.use(speaking)


def _help_texts(root: Any) -> dict[str, str]:
    found = {}

    def visit(command: Any, path: list[str], parent: Any) -> None:
        name = path[-1] if path else "smcoach"
        ctx = command.make_context(name, [], parent=parent, resilient_parsing=True)
        ctx.terminal_width = 78
        found[" ".join(path)] = ctx.get_help() + "\n"  # as click's --help echoes it
        for sub in command.list_commands(ctx) if hasattr(command, "list_commands") else ():
            visit(command.get_command(ctx, sub), [*path, sub], ctx)

    visit(root, [], None)
    return found


def write_spec() -> None:
    """Write cli/fastspec.py and cli/helptext.py from the typer declarations: run after
    changing any command's options or help (`python -c "from smcoach.cli.fast import
    write_spec; write_spec()"`, then `ruff format src`); a test fails until they agree."""
    import pprint
    from pathlib import Path

    target = Path(__file__).with_name("fastspec.py")
    text = (
        '"""Generated by smcoach.cli.fast.write_spec from the typer declarations: do not edit.\n'
        'The parameters of the commands the fast route takes (see cli/fast.py)."""\n\n'
        "from __future__ import annotations\n\n"
        "from smcoach.records import TYPE_CHECKING\n\n"
        "if TYPE_CHECKING:\n"
        "    from typing import Any\n\n"
        f"SPEC: dict[str, list[dict[str, Any]]] = {pprint.pformat(describe(), width=96)}\n\n"
        "# The summary of each command in `smcoach --help`.\n"
        f"SUMMARIES: dict[str, str] = {pprint.pformat(summaries(), width=96)}\n"
    )
    target.write_text(text, "utf-8")
    from smcoach.domain.language import LANGUAGES

    for language, name in LANGUAGES.items():
        help_text = (
            '"""Generated by smcoach.cli.fast.write_spec through typer\'s route: do not edit.\n'
            f"What `smcoach [COMMAND…] --help` prints in {name}, 78 columns wide (see "
            'cli/fast.py)."""\n\n'
            f"HELP: dict[str, str] = {pprint.pformat(help_texts(language), width=96)}\n"
        )
        module = help_module(language).rpartition(".")[2]
        target.with_name(f"{module}.py").write_text(help_text, "utf-8")
