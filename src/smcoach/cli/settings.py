"""smcoach settings: the person's own settings, kept in their database."""

from typing import Annotated

import typer

from smcoach.cli.prompts import require
from smcoach.messages import t
from smcoach.render import notice

app = typer.Typer(no_args_is_help=False)


@app.callback(invoke_without_command=True)
def show(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show your settings, and where each comes from.

    Example: smcoach settings
    """
    if ctx.invoked_subcommand is not None:
        return
    from smcoach.cli.signpost import country
    from smcoach.render import views, write, write_json

    place = country(ctx.obj)
    if json_out:
        write_json({"country": {"value": place.code, "from": place.source}})
    else:
        write(views.settings_blocks(place))


@app.command("country")
def set_country(
    ctx: typer.Context,
    code: Annotated[
        str | None,
        typer.Argument(
            help="Two letters, such as GB, IE, US, CA, AU, NZ, ES or MX.", show_default=False
        ),
    ] = None,
    unset: Annotated[
        bool, typer.Option("--unset", help="Clear it: use SMCOACH_COUNTRY or your locale.")
    ] = False,
) -> None:
    """Set the country whose emergency and help lines smcoach shows.

    Example: smcoach settings country GB
    """
    from smcoach.content import helplines
    from smcoach.domain.helpnow import SETTING, help_for, parse_country

    store = ctx.obj.store
    if unset:
        store.set_setting(SETTING, None)
        notice(t("settings.country_unset"))
        return
    value = require(
        code,
        what="the country code",
        how="it as an argument (such as GB), or --unset to clear it",
        question=t("settings.which_country"),
        parse=parse_country,
    )
    store.set_setting(SETTING, value)
    known = help_for(value, helplines()).country
    if known:
        notice(t("settings.country_set", code=value, country=known))
    else:
        notice(t("settings.country_set_unknown", code=value))
