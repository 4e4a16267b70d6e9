"""smcoach agenda: the list of challenges the person wants to work on."""

from typing import Annotated

import typer

from smcoach.cli.common import interactive, today
from smcoach.cli.library_hints import suggest_topics
from smcoach.cli.prompts import require
from smcoach.cli.signpost import screened
from smcoach.domain.rules import parse_id, require_text, same_words
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.render import notice

app = typer.Typer(
    help="Your agenda: the challenges in your life you want to work on.\n\n"
    "On its own, 'smcoach agenda' lists them, as 'smcoach agenda list' does.\n\n"
    "Example: smcoach agenda list",
)


@app.callback(invoke_without_command=True)
def _alone(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:  # 'smcoach agenda' lists it, as 'git remote' does
        list_(ctx)


IdArg = Annotated[
    str | None,
    typer.Argument(help="The item's ID (see 'smcoach agenda list').", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _item_id(value: str | None) -> int:
    return require(
        value,
        what=t("what.agenda_id"),
        how=t("how.argument"),
        question=t("ask.agenda_id"),
        parse=lambda s: parse_id(s, "agenda"),
    )


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(help="The challenge, in your words.", show_default=False, callback=screened),
    ] = None,
) -> None:
    """Add a challenge to your agenda.

    Example: smcoach agenda add "Getting out of breath on the stairs"
    """
    challenge = require(
        text,
        what=t("what.challenge"),
        how=t("how.quoted"),
        question=t("ask.challenge"),
        parse=lambda s: require_text(s, t("what.challenge")),
    )
    store = ctx.obj.store
    same = next((i for i in store.agenda() if same_words(i.text, challenge)), None)
    if same is not None:  # the same words in another case or spacing: not a new challenge
        raise SmcoachError(t("agenda.duplicate", id=same.id, text=same.text))
    item_id = store.add_agenda(challenge, today())
    notice(t("saved.agenda", id=item_id))
    suggest_topics(store, challenge)


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Include done and removed items.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """List your agenda; the focus is marked.

    Example: smcoach agenda list --all
    """
    from smcoach.cli.work.lists import agenda_list

    agenda_list(ctx.obj, all_, json_out)


@app.command("focus")
def focus(ctx: typer.Context, item_id: IdArg = None) -> None:
    """Choose the agenda item to work on now (one at a time).

    Example: smcoach agenda focus 2
    """
    if item_id is None and interactive():  # the IDs to choose from, before asking
        import sys

        from smcoach.render import views, write

        write(views.agenda_blocks(ctx.obj.store.agenda()), sys.stderr)
    number = _item_id(item_id)
    ctx.obj.store.focus_agenda(number)
    notice(t("saved.focus", id=number))


@app.command("done")
def done(ctx: typer.Context, item_id: IdArg = None) -> None:
    """Mark an agenda item as dealt with.

    Example: smcoach agenda done 2
    """
    number = _item_id(item_id)
    ctx.obj.store.close_agenda(number, "done", today())
    notice(t("saved.agenda_done", id=number))


@app.command("remove")
def remove(ctx: typer.Context, item_id: IdArg = None) -> None:
    """Take an item off your agenda (it is kept, and shown by 'agenda list --all').

    Example: smcoach agenda remove 3
    """
    number = _item_id(item_id)
    ctx.obj.store.close_agenda(number, "removed", today())
    notice(t("saved.agenda_removed", id=number))
