"""smcoach check: the daily check-in on an action plan, and the day's symptom ratings. The
options are declared here; the work is in cli/work/checkin.py."""

from typing import Annotated

import typer

from smcoach.cli.signpost import screened

Opt = typer.Option


def check(
    ctx: typer.Context,
    plan_id: Annotated[
        str | None, typer.Argument(help="The plan (default: your current one).", show_default=False)
    ] = None,
    done: Annotated[bool, Opt("--done", help="You did it.")] = False,
    partly: Annotated[bool, Opt("--partly", help="You did some of it.")] = False,
    not_: Annotated[bool, Opt("--not", help="You did not do it this time.")] = False,
    rest: Annotated[
        bool,
        Opt("--rest", help="A day of illness, flare-up or travel: it does not count against you."),
    ] = False,
    date: Annotated[
        str | None,
        Opt(
            "--date",
            help="The day (default today): e.g. yesterday, mon, 2026-11-23.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        Opt("--note", help="A few words about the day.", show_default=False, callback=screened),
    ] = None,
    rate: Annotated[
        list[str] | None,
        Opt(
            "--rate",
            metavar="NAME=N",
            help="Rate a symptom on your list from 0 to 10, e.g. --rate fatigue=6 (repeatable; "
            "see 'smcoach symptoms'). Works with or without a check-in.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check in on your plan for a day; with no flags, asks about each day not yet answered.

    One check-in per plan per day: checking in again replaces the first answer.

    --rate NAME=N rates a symptom on your list for the day, 0-10 (again replaces it), with or
    without a check-in; a command's check-in and ratings are saved together or not at all.
    With no flags in a terminal, it then asks about each symptom not yet rated today.

    Example: smcoach check --done --note "went with my neighbour" --rate fatigue=6
    """
    from smcoach.cli.work import checkin

    checkin.check(ctx.obj, plan_id, done, partly, not_, rest, date, note, rate)
