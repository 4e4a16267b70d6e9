"""smcoach learn: the topic library, short pages on living well with a long-term condition.
The options are declared here; the work is in cli/work/learn.py."""

from typing import Annotated

import typer


def learn(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            help="The topic's ID (see 'smcoach learn'); with --search, the words to look for.",
            metavar="[TOPIC | WORDS]",
            show_default=False,
        ),
    ] = None,
    search: Annotated[
        bool,
        typer.Option("--search", help="Look for topics that mention the words: the closest first."),
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never show a topic through the pager.")
    ] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Read about living well with a long-term condition: fatigue, pain, sleep, and more.

    On its own, lists the topics. With a topic's ID, shows it (through your pager, $PAGER or
    less, when it is longer than the screen). With --search, finds the topics that mention
    your words. The topics are general information, not advice about your own health.

    Example: smcoach learn --search tired in the afternoon
    """
    from smcoach.cli.work.learn import learn as work

    work(ctx.obj, words, search, no_pager, json_out)
