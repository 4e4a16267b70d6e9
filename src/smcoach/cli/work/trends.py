"""The work of `smcoach trends` (no typer: see cli/work/__init__.py); its options are
declared in cli/trends.py."""

from datetime import date

from smcoach.cli.common import Env, today
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:  # pathlib only for the annotations: importing it would slow every start
    from pathlib import Path

    from smcoach.domain.trends import Trends
    from smcoach.store import Store


def trends(
    env: Env,
    weeks: str | None,
    since: str | None,
    json_out: bool,
    csv_out: bool,
    svg: "Path | None",
    html: "Path | None",
    force: bool,
) -> None:
    from smcoach.domain.dates import parse_day
    from smcoach.domain.rules import parse_weeks
    from smcoach.render import trends as view
    from smcoach.render import use_colour, write, write_json

    if sum((json_out, csv_out, svg is not None, html is not None)) > 1:
        raise SmcoachError(t("trends.one_output"))
    count = parse_weeks(weeks) if weeks is not None else None
    day = today()
    start = parse_day(since, day) if since is not None else None
    found = gather(env.view_store(), day, count, start)
    target = svg or html
    if json_out:
        write_json(view.as_json(found))
    elif csv_out:
        import sys

        sys.stdout.write(view.as_csv(found))
    elif target is None:
        import sys

        # marks (bars, sparklines) only where write shows them: a colour terminal
        write(view.blocks(found, marks=use_colour(sys.stdout)))
    else:
        if not found.rows:
            raise SmcoachError(t("trends.nothing_to_save"))
        from smcoach.render import notice
        from smcoach.store.files import write_private

        page = view.svg(found) if svg is not None else view.html(found)
        write_private(target, page.encode("utf-8"), overwrite=force)
        notice(t("trends.saved_svg" if svg is not None else "trends.saved_html", path=target))


def gather(store: "Store | None", day: date, weeks: int | None, since: date | None) -> "Trends":
    """The trends on `day` of the last `weeks` ISO weeks (or those since the week of `since`),
    from the week of the first record on; no weeks at all when nothing is recorded (or there
    is no file yet)."""
    from smcoach import i18n
    from smcoach.domain import trends as domain
    from smcoach.domain.dates import iso_week
    from smcoach.domain.selfefficacy import other_forms, shown_form

    first_record = store.first_record_week() if store is not None else None
    if store is None or first_record is None:
        return domain.build(day, [], {}, {}, {}, {}, [])
    mondays = domain.window(day, weeks, since) or [domain.monday_of(day)]
    mondays = domain.from_first_record(mondays, domain.week_monday(first_record))
    first, last = iso_week(mondays[0]), iso_week(mondays[-1])
    by_week, by_band = store.plan_figures(first, last, day)
    forms = store.selfcheck_forms()
    form = shown_form(forms, i18n.language())
    return domain.build(
        day,
        mondays,
        by_week,
        by_band,
        store.weekly_selfefficacy(first, last, form),
        store.symptom_weekly_averages(first, last),
        store.symptoms(include_removed=True),
        selfefficacy_form=form,
        other_forms=other_forms(forms, form),
    )
