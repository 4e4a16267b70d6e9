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
    """One of click's layout words (LAYOUT_TEXTS), in this command's language."""
    return i18n.translate(LAYOUT, text)


def options_text(text: str) -> str:
    """An option's help as click lays it out, its marks ('[default: 6]', '[required]') and
    the help option's own text in this command's language."""
    if i18n.language() == "en":
        return text
    text = text.replace(HELP_OPTION, layout(HELP_OPTION))
    text = _DEFAULT_MARK.sub(lambda m: "[" + layout(DEFAULT).format(default=m[1]) + "]", text)
    return text.replace(_REQUIRED_MARK, "[" + layout(REQUIRED) + "]")


# click's errors for a command line it cannot read, as it writes them, and the sentence of the
# catalogue each is said by in another language ('click.*', the same fields).
CLICK_ERRORS = (
    (r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)",
     "click.no_such_option_maybe"),
    (r"No such option: (?P<name>\S+)", "click.no_such_option"),
    (r"No such command '(?P<name>.*)'\. Did you mean (?P<options>.+)\?",
     "click.no_such_command_maybe"),
    (r"No such command '(?P<name>.*)'\.", "click.no_such_command"),
    (r"Missing argument '(?P<name>[^']*)'\.", "click.missing_argument"),
    (r"Missing option '(?P<name>[^']*)'\.", "click.missing_option"),
    (r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", "click.extra_arguments"),
    (r"Option '(?P<name>[^']*)' requires an argument\.", "click.needs_value"),
    (r"Option '(?P<name>[^']*)' does not take a value\.", "click.takes_no_value"),
    (r"Invalid value for '(?P<name>[^']*)': (?P<detail>.*)", "click.invalid_value"),
)  # fmt: skip


def usage_error(message: str) -> str:
    """click's error `message` in this command's language (as click wrote it in English, or
    where it is not one of CLICK_ERRORS)."""
    if i18n.language() == "en":
        return message
    from smcoach.messages import TEXT

    for pattern, key in CLICK_ERRORS:  # its parts as click gave them: the line is made safe
        if found := re.fullmatch(pattern, message):  # to show as a whole, where it is shown
            return i18n.translate(key, TEXT[key]).format(**found.groupdict())
    return message


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
