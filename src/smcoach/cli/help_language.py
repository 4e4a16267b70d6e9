"""`--help` in the person's language.

Every command's help (its docstring) and every option's help are sentences of the catalogue
under the context "help", their English as the msgid (tools/catalogue.py extracts them from the
commands themselves); the few words of click's own layout ("Usage:", "Options", "[default:
…]") are under "help.layout". English help is the declarations' own text, untouched.

Used on typer's route (cli/main.py translates each command as it is built) and by
cli/fast.write_spec, which writes each language's help out for the fast route.
"""

from __future__ import annotations

import re

from smcoach import i18n
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

HELP = "help"
LAYOUT = "help.layout"
# click's (and typer's) words around the help texts, as they write them.
USAGE = "Usage: "
SECTIONS = ("Options", "Commands", "Arguments")
HELP_OPTION = "Show this message and exit."
DEFAULT = "default: {default}"
REQUIRED = "required"
LAYOUT_TEXTS = (USAGE, *SECTIONS, HELP_OPTION, DEFAULT, REQUIRED)

_DEFAULT_MARK = re.compile(r"\[default: (.*?)\]")
_REQUIRED_MARK = "[required]"


def summary(help_text: str) -> str:
    """A command's summary in a list of commands: the whole of its first sentence (click would
    cut it short at 45 characters)."""
    words = help_text.split("\n\n")[0].split()
    end = next((n for n, w in enumerate(words, 1) if w.endswith(".")), len(words))
    return " ".join(words[:end])


def speak(command: Any) -> None:
    """Give `command` (not its subcommands) its help in this command's language, and its
    summary: the English is kept on the command the first time, so this can be done again in
    another language."""
    english = command.__dict__.get("_english_help")
    if english is None:
        english = (command.help, command.short_help, {id(p): p.help for p in command.params})
        command._english_help = english
    help_text, short_help, params = english
    command.help = _help(help_text)
    if short_help is not None:
        command.short_help = _help(short_help)
    elif command.help:
        command.short_help = summary(command.help)
    for param in command.params:
        if params.get(id(param)):
            param.help = _help(params[id(param)])


def layout(text: str) -> str:
    """One of click's layout words (USAGE, SECTIONS), in this command's language."""
    return _layout(text)


def options_text(text: str) -> str:
    """An option's help as click lays it out, its marks ('[default: 6]', '[required]') and
    the help option's own text in this command's language."""
    if i18n.language() == "en":
        return text
    text = text.replace(HELP_OPTION, _layout(HELP_OPTION))
    text = _DEFAULT_MARK.sub(lambda m: "[" + _layout(DEFAULT).format(default=m[1]) + "]", text)
    return text.replace(_REQUIRED_MARK, "[" + _layout(REQUIRED) + "]")


def sources(root: Any) -> list[str]:
    """Every help text of the command line under `root` (built in English), once each, in the
    order of the commands: what translators translate."""
    found: dict[str, None] = {}

    def visit(command: Any, name: str, parent: Any) -> None:
        ctx = command.make_context(name, [], parent=parent, resilient_parsing=True)
        help_text, short_help, params = command.__dict__.get(
            "_english_help", (command.help, command.short_help, {})
        )
        for text in (help_text, short_help, *params.values()):
            if text:
                found[text] = None
        for sub in command.list_commands(ctx) if hasattr(command, "list_commands") else ():
            visit(command.get_command(ctx, sub), sub, ctx)

    visit(root, "smcoach", None)
    return list(found)


def _help(text: str | None) -> str | None:
    return i18n.translate(HELP, text) if text else text


def _layout(text: str) -> str:
    return i18n.translate(LAYOUT, text)
