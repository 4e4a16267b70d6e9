"""smcoach help-now: what to do if you need help now, for the person's country."""

import typer

from smcoach.cli.common import Env
from smcoach.cli.signpost import current_help


def help_now(ctx: typer.Context) -> None:
    """Not for emergencies: what to do if you need help now, for your country.

    Shows the emergency number, an urgent medical line where there is one, and crisis lines
    for suicidal feelings. The country comes from 'smcoach settings country CODE', else
    $SMCOACH_COUNTRY, else your locale (such as en_GB.UTF-8).

    Example: smcoach help-now
    """
    from smcoach.render import views, write

    help_, place = current_help(ctx.obj if isinstance(ctx.obj, Env) else None)
    write(views.help_now_blocks(help_, place))
