"""Getting help now: `smcoach help-now`, and the signposting shown when what a person types may
call for it.

Every free text is screened where it enters: flags and arguments through `screened` (a
parameter callback each free-text parameter declares), answers typed at a prompt and answers
files through `screen_typed`. A match never blocks anything: the help is shown once a command,
on stderr, and the command carries on with the text kept exactly as typed.
"""

import os
import sys
from typing import Any

import typer

from smcoach.cli.common import Env

# The command under way: its data (for the country setting), and whether help was shown yet.
_env: Env | None = None
_shown = False


def begin(env: Env) -> None:
    """Called by the root callback as each command starts: help is shown at most once."""
    global _env, _shown
    _env, _shown = env, False


def country(env: Env | None) -> Any:
    """The person's country: their setting (read only from a file that already exists, and
    never letting a store problem hide the help), else the environment."""
    from smcoach.domain.helpnow import SETTING, resolve_country

    setting = None
    if env is not None and env.path.exists():
        try:
            setting = env.store.settings().get(SETTING)
        except Exception:  # a damaged or locked file must not stand between a person and help
            setting = None
    return resolve_country(setting, os.environ)


def current_help(env: Env | None) -> tuple[Any, Any]:
    from smcoach.content import helplines
    from smcoach.domain.helpnow import help_for

    place = country(env)
    return help_for(place.code, helplines()), place


def screen_typed(text: str) -> None:
    """Show how to get help now if `text` calls for it, once a command."""
    global _shown
    if _shown or not text or not text.strip():
        return
    from smcoach.content import screen

    categories = screen().categories(text)
    if not categories:
        return
    _shown = True
    from smcoach.render import views, write

    help_, _ = current_help(_env)
    write(views.signpost_blocks(help_, categories), sys.stderr)


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


def help_now(ctx: typer.Context) -> None:
    """Not for emergencies: what to do if you need help now, for your country.

    Shows the emergency number, an urgent medical line where there is one, and crisis lines
    for suicidal feelings. The country comes from 'smcoach settings country CODE', else
    $SMCOACH_COUNTRY, else your locale (such as en_GB.UTF-8).

    Example: smcoach help-now
    """
    from smcoach.render import views, write

    help_, place = current_help(ctx.obj if isinstance(ctx.obj, Env) else None)
    write(views.help_now_blocks(help_, place))
