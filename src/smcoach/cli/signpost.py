"""Signposting: how to get help now, shown when what a person types may call for it (the
command `smcoach help-now` is in cli/helpnow.py). No typer here: the fast route uses it.

Every free text is screened where it enters: flags and arguments through `screened` (a
parameter callback each free-text parameter declares), answers typed at a prompt and answers
files through `screen_typed`. A match never blocks anything: each kind of help is shown at most
once a command, on stderr, and the command carries on with the text kept exactly as typed.
"""

import os
import sys

from smcoach.cli.common import Env
from smcoach.errors import SmcoachError
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from smcoach.domain.helpnow import Country, Help

# The command under way: its data (for the country setting), and the kinds of help shown.
_env: Env | None = None
_shown: set[str] = set()


def begin(env: Env) -> None:
    """Called by the root callback as each command starts: each kind of help (crisis lines,
    the emergency number for urgent signs) is shown at most once a command."""
    global _env
    _env = env
    _shown.clear()


def country(env: Env | None) -> "Country":
    """The person's country: their setting, read without waiting, upgrading or creating
    anything (a locked, old or damaged file must not stand between a person and help), else
    the environment."""
    from smcoach.domain.helpnow import SETTING, resolve_country
    from smcoach.store import peek_setting

    setting = peek_setting(env.path, SETTING) if env is not None else None
    return resolve_country(setting, os.environ)


def current_help(env: Env | None) -> "tuple[Help, Country]":
    """The help for the person's country; if the table cannot be read, the last resort (the
    local emergency number and a directory of helplines), with one line saying why."""
    from smcoach.content import helplines
    from smcoach.domain.helpnow import help_for, last_resort
    from smcoach.i18n import country_name

    place = country(env)
    try:
        return help_for(place.code, helplines(), country_name(place.code)), place
    except SmcoachError as e:
        from smcoach.messages import t
        from smcoach.render import notice

        notice(t("helpnow.table_unreadable", error=e))
        return last_resort(place.code), place


def screen_typed(text: str) -> tuple[str, ...]:
    """The kinds of help `text` calls for; the first time in a command that a kind is called
    for, how to get that help now is shown. Screening never stops a command: if the word lists
    cannot be read, one line says so and the command carries on."""
    if not text or not text.strip():
        return ()
    from smcoach.content import screening

    try:
        categories = screening().categories(text)
    except SmcoachError as e:
        if "unreadable" not in _shown:
            _shown.add("unreadable")
            from smcoach.messages import t
            from smcoach.render import notice

            notice(t("signpost.unreadable", error=e))
        return ()
    new = tuple(c for c in categories if c not in _shown)
    if new:
        _shown.update(new)
        from smcoach.render import views, write

        help_, _ = current_help(_env)
        write(views.signpost_blocks(help_, new), sys.stderr)
    return categories


def hold_back(text: str | None) -> bool:
    """Whether coaching should be held back beside `text`: it calls for help now. The help
    has then been shown in this command (once), however the text arrived."""
    return bool(text) and bool(screen_typed(text or ""))


def screen_all(value: object) -> None:
    """Every text in a value: a string, or the lists and tables of an answers file."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            screen_typed(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def screened(value: str | None) -> str | None:
    """A parameter callback for free text: screens it and gives it back unchanged."""
    if value is not None:
        screen_typed(value)
    return value
