"""smcoach doctor: how the database file is, and what to do about anything wrong."""

from pathlib import Path
from typing import Annotated

import typer


def doctor(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Check the database file, and say what to do about anything wrong.

    Shows where it is, its size and version, whether it is whole, who can read it and the
    last backup; for a damaged file, how to restore the newest good backup. Changes nothing.
    Exits 1 when something needs doing.

    Example: smcoach doctor
    """
    from datetime import datetime

    from smcoach.domain.doctor import advise
    from smcoach.render import views, write, write_json
    from smcoach.store.health import examine

    health = examine(Path(ctx.obj.path))
    advice = advise(health, datetime.now())
    if json_out:
        write_json(views.doctor_json(health, advice))
    else:
        write(views.doctor_blocks(health, advice))
    if any(a.serious for a in advice):
        raise typer.Exit(1)
