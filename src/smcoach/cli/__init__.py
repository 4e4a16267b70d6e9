"""The smcoach command line. The typer application is in cli/main.py, imported only when a
command takes typer's route: the everyday commands take the fast route (cli/fast.py), which
must not pay for importing typer."""

from __future__ import annotations

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


def __getattr__(name: str) -> Any:
    if name == "app":  # `from smcoach.cli import app`
        from smcoach.cli.main import app

        return app
    raise AttributeError(name)
