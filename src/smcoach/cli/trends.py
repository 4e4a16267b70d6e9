"""smcoach trends: weekly confidence, completion, self-efficacy and symptoms. The options are
declared here; the work is in cli/work/trends.py."""

from pathlib import Path
from typing import Annotated

import typer

Opt = typer.Option


def trends(
    ctx: typer.Context,
    weeks: Annotated[
        str | None, Opt("--weeks", help="How many weeks to show (default 12).", show_default=False)
    ] = None,
    since: Annotated[
        str | None, Opt("--since", help="Start from the week of this day.", show_default=False)
    ] = None,
    json_out: Annotated[bool, Opt("--json", help="Print JSON.")] = False,
    csv_out: Annotated[bool, Opt("--csv", help="Print CSV.")] = False,
    svg: Annotated[
        Path | None,
        Opt("--svg", help="Save a chart of the weeks as an SVG file.", show_default=False),
    ] = None,
    html: Annotated[
        Path | None,
        Opt("--html", help="Save the chart and figures as an HTML page.", show_default=False),
    ] = None,
    force: Annotated[
        bool, Opt("--force", help="Replace the --svg or --html file if it exists.")
    ] = False,
) -> None:
    """Show weekly trends: confidence, plans done, self-efficacy and symptoms, week by week.

    One row per ISO week (Monday to Sunday), from the week of your first record. Completion
    counts the planned days done (a partly-done day counts half; rest days are left out), once
    a plan's week is over. Under the table: the direction over the finished weeks (from four
    of them), and how well your confidence matched what you did.

    --svg saves a chart, --html a printable page with the chart and the figures: both are
    readable only by you and load nothing from anywhere.

    Example: smcoach trends --weeks 26 --svg trends.svg
    """
    from smcoach.cli.work import trends as work

    work.trends(ctx.obj, weeks, since, json_out, csv_out, svg, html, force)
