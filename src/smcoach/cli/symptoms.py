"""smcoach symptoms: the person's own list of symptoms to rate each day, 0-10."""

from typing import Annotated

import typer

from smcoach.cli.common import today
from smcoach.cli.prompts import require
from smcoach.cli.signpost import screened
from smcoach.domain.symptoms import parse_name
from smcoach.messages import t
from smcoach.render import notice

app = typer.Typer(
    help="Your symptoms (fatigue, pain, breathlessness, mood…), to rate 0-10 each day.\n\n"
    "Rate them with 'smcoach check --rate NAME=N'.\n\n"
    "On its own, 'smcoach symptoms' lists them, as 'smcoach symptoms list' does.\n\n"
    "Example: smcoach symptoms add fatigue",
)


@app.callback(invoke_without_command=True)
def _alone(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:  # 'smcoach symptoms' lists them, as 'git remote' does
        list_(ctx)


NameArg = Annotated[
    str | None,
    typer.Argument(
        help="The symptom's name, in your words (any case).", show_default=False, callback=screened
    ),
]


def _name(value: str | None, question: str) -> str:
    if value is not None:
        return parse_name(value)
    from smcoach.content import card

    return require(
        None,
        what=t("what.symptom_name"),
        how=t("how.argument"),
        question=card("symptoms", question),
        parse=parse_name,
    )


@app.command("add")
def add(
    ctx: typer.Context,
    name: NameArg = None,
    higher_is_better: Annotated[
        bool,
        typer.Option(
            "--higher-is-better",
            help="For a symptom such as mood or energy, where 10 is best (by default 10 is "
            "worst, as for pain or fatigue).",
        ),
    ] = False,
) -> None:
    """Add a symptom to rate each day (its name is kept as you type it).

    Ratings are 0 = none to 10 = worst, unless --higher-is-better (0 = worst, 10 = best).

    Example: smcoach symptoms add "shortness of breath"
    """
    symptom = ctx.obj.store.add_symptom(_name(name, "add"), today(), higher_is_better)
    notice(t("saved.symptom_better" if higher_is_better else "saved.symptom", name=symptom.name))


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Include removed symptoms.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the symptoms you rate.

    Example: smcoach symptoms list --all
    """
    from smcoach.cli.work.lists import symptoms_list

    symptoms_list(ctx.obj, all_, json_out)


@app.command("remove")
def remove(ctx: typer.Context, name: NameArg = None) -> None:
    """Stop rating a symptom (it and its ratings are kept, and shown by 'symptoms list --all').

    Example: smcoach symptoms remove pain
    """
    symptom = ctx.obj.store.remove_symptom(_name(name, "remove"), today())
    notice(t("saved.symptom_removed", name=symptom.name))
