"""smcoach settings: the person's own settings, kept in their database."""

from typing import TYPE_CHECKING, Annotated

import typer

from smcoach.cli.prompts import require
from smcoach.messages import t
from smcoach.render import notice

if TYPE_CHECKING:
    from smcoach.store import Store

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
    from smcoach import i18n
    from smcoach.cli.signpost import country
    from smcoach.domain.language import Language
    from smcoach.render import views, write, write_json

    place = country(ctx.obj)
    language = i18n.chosen() or Language(i18n.language(), "default")
    if json_out:
        write_json({"country": {"value": place.code, "from": place.source},
                    "lang": {"value": language.code, "from": language.source}})  # fmt: skip
    else:
        write(views.settings_blocks(place, language))


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

    value = _set(ctx, SETTING, None if unset else require(
        code,
        what=t("what.country"),
        how=t("how.country"),
        question=t("settings.which_country"),
        parse=parse_country,
    ))  # fmt: skip
    if value is None:
        notice(t("settings.country_unset"))
        return
    from smcoach.i18n import country_name

    known = help_for(value, helplines(), country_name(value)).country
    if known:
        notice(t("settings.country_set", code=value, country=known))
    else:
        notice(t("settings.country_set_unknown", code=value))


@app.command("lang")
def set_lang(
    ctx: typer.Context,
    code: Annotated[
        str | None,
        typer.Argument(help="en (English) or es (español).", show_default=False),
    ] = None,
    unset: Annotated[
        bool, typer.Option("--unset", help="Clear it: use SMCOACH_LANG or your locale.")
    ] = False,
) -> None:
    """Set the language smcoach speaks to you: en (English) or es (español).

    Example: smcoach settings lang es
    """
    import os

    from smcoach import i18n
    from smcoach.domain.language import LANGUAGES, SETTING, parse, resolve

    before = i18n.language()  # the language this command began in
    value = _set(ctx, SETTING, None if unset else require(
        code,
        what=t("what.language"),
        how=t("how.language"),
        question=t("settings.which_lang"),
        parse=parse,
    ))  # fmt: skip
    # said in the language just chosen, or in the one it falls back to
    i18n.use(value or resolve(None, None, os.environ).code)
    if value is None:
        notice(t("settings.lang_unset"))
    else:
        notice(t("settings.lang_set", name=LANGUAGES[value], code=value))
    if i18n.language() != before:
        _scales_differ(ctx.obj.store)


def _scales_differ(store: "Store") -> None:
    """A person whose self-efficacy checks are on another language's scale is told, as the
    language changes, that this language asks a different published scale."""
    from smcoach.domain.selfefficacy import form_for, other_forms
    from smcoach.i18n import language

    form = form_for(language()).form
    for other, n in other_forms(store.selfcheck_forms(), form).items():
        notice(t("selfcheck.language_switched", form=form, other=other, n=n))


def _set(ctx: typer.Context, key: str, value: str | None) -> str | None:
    """Keep the setting `key` in the person's file (None: clear it); returns `value`."""
    ctx.obj.store.set_setting(key, value)
    return value
