"""smcoach trends: weekly confidence, completion, self-efficacy and symptoms."""

from pathlib import Path
from typing import Annotated

import typer

from smcoach.cli.common import today
from smcoach.errors import SmcoachError
from smcoach.messages import t

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
        Path | None, Opt("--svg", help="Save the view as an SVG picture.", show_default=False)
    ] = None,
    html: Annotated[
        Path | None, Opt("--html", help="Save the view as an HTML page.", show_default=False)
    ] = None,
) -> None:
    """Show weekly trends: confidence, plans done, self-efficacy and symptoms, week by week.

    One row per ISO week (Monday to Sunday). Completion counts the planned days done (a
    partly-done day counts half; rest days are left out). Under the table: the direction over
    the weeks shown, and how well your confidence matched what you did.

    Example: smcoach trends --weeks 26 --svg trends.svg
    """
    from smcoach.domain import trends as domain
    from smcoach.domain.dates import iso_week, parse_day
    from smcoach.domain.rules import parse_weeks
    from smcoach.render import export, write, write_json
    from smcoach.render import trends as view

    if sum((json_out, csv_out, svg is not None, html is not None)) > 1:
        raise SmcoachError(t("trends.one_output"))
    count = parse_weeks(weeks) if weeks is not None else None
    day = today()
    mondays = domain.window(day, count, parse_day(since, day) if since is not None else None)
    if not mondays:
        mondays = [domain.monday_of(day)]
    first, last = iso_week(mondays[0]), iso_week(mondays[-1])
    store = ctx.obj.store
    by_week, by_band = store.plan_figures(first, last, day)
    rows = domain.rows(
        mondays,
        by_week,
        store.weekly_selfefficacy(first, last),
        store.symptom_weekly_averages(first, last),
    )
    trend = {}
    for measure, values in (("confidence", [r.confidence for r in rows]),
                            ("completion", [r.completion for r in rows])):  # fmt: skip
        slope = domain.slope(values)
        trend[measure] = {"slope": slope, "direction": domain.direction(slope, measure)}
    bands = domain.calibration(by_band)
    if json_out:
        write_json(view.as_json(rows, trend, bands))
    elif csv_out:
        import sys

        sys.stdout.write(view.as_csv(rows))
    else:
        better = {s.name: s.higher_is_better for s in store.symptoms(include_removed=True)}
        blocks = view.blocks(rows, trend, bands, domain.confidence_runs_ahead(bands), better)
        target = svg or html
        if target is None:
            write(blocks)
        else:
            export(blocks, str(target), "svg" if svg is not None else "html", "smcoach trends")
            from smcoach.render import notice

            notice(t("trends.saved", path=target))
