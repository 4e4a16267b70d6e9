"""smcoach questions: what the person wants to ask at their next appointment."""

from typing import Annotated

import typer

from smcoach.cli.common import today
from smcoach.cli.prompts import require
from smcoach.cli.signpost import screened
from smcoach.domain.rules import parse_id, require_text
from smcoach.messages import t
from smcoach.render import notice

app = typer.Typer(
    help="Questions to ask at your next appointment; 'smcoach export --format md' puts them "
    "in a summary to bring along.\n\nExample: smcoach questions list",
    no_args_is_help=True,
)


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(help="The question, in your words.", show_default=False, callback=screened),
    ] = None,
) -> None:
    """Add a question to ask at your next appointment.

    Example: smcoach questions add "Could my tiredness be from the new tablets?"
    """
    question = require(
        text,
        what=t("what.question"),
        how=t("how.quoted"),
        question=t("ask.question"),
        parse=lambda s: require_text(s, t("what.question")),
    )
    notice(t("saved.question", id=ctx.obj.store.add_question(question, today())))


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Include questions already asked.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the questions you have not asked yet.

    Example: smcoach questions list --all
    """
    from smcoach.render import views, write, write_json

    questions = ctx.obj.store.questions(include_done=all_)
    if json_out:
        write_json(views.questions_json(questions))
    else:
        write(views.questions_blocks(questions))


@app.command("done")
def done(
    ctx: typer.Context,
    question_id: Annotated[
        str | None,
        typer.Argument(
            help="The question's ID (see 'smcoach questions list').", show_default=False
        ),
    ] = None,
) -> None:
    """Mark a question as asked.

    Example: smcoach questions done 2
    """
    number = require(
        question_id,
        what=t("what.question_id"),
        how=t("how.argument"),
        question=t("ask.question_id"),
        parse=lambda s: parse_id(s, "question"),
    )
    ctx.obj.store.question_done(number, today())
    notice(t("saved.question_done", id=number))
