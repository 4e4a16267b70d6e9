import json
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import CliRunner

from smcoach.cli import app

Run = Callable[..., Any]


@pytest.fixture
def run() -> Run:
    """Run smcoach in-process through the real CLI; returns the click Result."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
        return runner.invoke(app, list(args), input=input, env=env)

    return invoke


@pytest.fixture
def run_json(run: Run) -> Callable[..., Any]:
    def invoke(*args: str) -> Any:
        result = run(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return invoke


@pytest.fixture
def answers(tmp_path: Any) -> Callable[..., str]:
    """Write an answers file (for 'session --answers', 'solve --answers'); returns its path."""

    def write(text: str, name: str = "answers.toml") -> str:
        path = tmp_path / name
        path.write_text(text)
        return str(path)

    return write
