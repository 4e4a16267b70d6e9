"""smcoach goal: what the person wants to achieve over the coming months."""

from typing import Annotated

import typer

from smcoach.cli.common import today
from smcoach.cli.library_hints import suggest_topics
from smcoach.cli.prompts import require
from smcoach.cli.signpost import screened
from smcoach.domain.dates import parse_goal_day
from smcoach.domain.rules import parse_id, require_text
from smcoach.messages import t
from smcoach.render import notice

app = typer.Typer(
    help="Your goals: what you want to achieve over the coming months.\n\n"
    "On its own, 'smcoach goal' lists them, as 'smcoach goal list' does.\n\n"
    "Example: smcoach goal list",
)


@app.callback(invoke_without_command=True)
def _alone(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:  # 'smcoach goal' lists them, as 'git remote' does
        list_(ctx)


IdArg = Annotated[
    str | None, typer.Argument(help="The goal's ID (see 'smcoach goal list').", show_default=False)
]


def _goal_id(value: str | None) -> int:
    return require(
        value,
        what=t("what.goal_id"),
        how=t("how.argument"),
        question=t("ask.goal_id"),
        parse=lambda s: parse_id(s, "goal"),
    )


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(help="The goal, in your words.", show_default=False, callback=screened),
    ] = None,
    agenda_id: Annotated[
        str | None, typer.Option("--agenda", help="The agenda item it serves.", show_default=False)
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="When, roughly: end of march, march 2027, in 3 months, in 6 weeks, 2027-03-01.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Add a goal, optionally tied to an agenda item and a target date.

    Example: smcoach goal add "Walk to my daughter's house" --agenda 1 --by 2027-03-01
    """
    goal_text = require(
        text,
        what=t("what.goal"),
        how=t("how.quoted"),
        question=t("ask.goal"),
        parse=lambda s: require_text(s, t("what.goal")),
    )
    day = today()
    show_goal_notes(goal_text)
    by_day = parse_goal_day(by, day) if by is not None else None
    goal_id = ctx.obj.store.add_goal(
        goal_text,
        parse_id(agenda_id, "agenda") if agenda_id is not None else None,
        by_day,
        day,
    )
    if by_day is not None:  # the day a form such as 'november' was read as
        notice(t("goal_day.shown", day=by_day))
    notice(t("saved.goal", id=goal_id))
    suggest_topics(ctx.obj.store, goal_text)


def show_goal_notes(text: str) -> None:
    """The coach's safety notes on a new goal, and a word on clinical targets. They never
    stop a goal being saved."""
    import sys

    from smcoach.content import plan_coach
    from smcoach.render import views, write

    write(views.findings_blocks(plan_coach().review_goal(text)), sys.stderr)


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Include done and dropped goals.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List your goals.

    Example: smcoach goal list --json
    """
    from smcoach.render import views, write, write_json

    goals = ctx.obj.store.goals(include_closed=all_)
    if json_out:
        write_json(views.goals_json(goals))
    else:
        write(views.goals_blocks(goals))


@app.command("done")
def done(ctx: typer.Context, goal_id: IdArg = None) -> None:
    """Mark a goal as achieved.

    Example: smcoach goal done 1
    """
    number = _goal_id(goal_id)
    ctx.obj.store.close_goal(number, "done", today())
    notice(t("saved.goal_done", id=number))


@app.command("drop")
def drop(ctx: typer.Context, goal_id: IdArg = None) -> None:
    """Let a goal go (it is kept, and shown by 'goal list --all').

    Example: smcoach goal drop 1
    """
    number = _goal_id(goal_id)
    ctx.obj.store.close_goal(number, "dropped", today())
    notice(t("saved.goal_dropped", id=number))
