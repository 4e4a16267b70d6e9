"""smcoach group: a facilitator's course register (participants, the round of the room each
session, the board, cards and report). Assembly only: the commands are declared in
group_register (the register and the round) and group_views (what is shown and written)."""

from collections.abc import Callable
from typing import Any

import typer

from smcoach.cli import group_register, group_views

app = typer.Typer(
    help="A course register for facilitators: the group's weekly action plans, kept in a "
    "database of the course's own (--db).\n\nExample: smcoach --db course.db group board",
    no_args_is_help=True,
)

COMMANDS: list[tuple[str, Callable[..., Any]]] = [
    ("new", group_register.new),
    ("add", group_register.add),
    ("list", group_register.list_),
    ("rename", group_register.rename),
    ("remove", group_register.remove),
    ("session", group_register.session),
    ("board", group_views.board),
    ("cards", group_views.cards),
    ("report", group_views.report),
    ("selfcheck", group_views.selfcheck),
    ("export", group_views.export),
]
for name, command in COMMANDS:
    app.command(name)(command)
