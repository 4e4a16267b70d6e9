"""Every command explains itself: a one-line summary and an example."""

import subprocess
import sys

import typer

from smcoach.cli import app


def all_commands():
    root = typer.main.get_command(app)
    stack = [((), root)]
    while stack:
        path, command = stack.pop()
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            stack.append(((*path, name), sub))


def test_every_command_has_a_summary_and_an_example(run):
    paths = []
    for path, command in all_commands():
        paths.append(" ".join(path))
        r = run(*path, "--help")
        assert r.exit_code == 0, path
        summary = (command.help or "").strip().splitlines()[0]
        assert summary.endswith("."), (path, summary)
        assert summary in r.output, path
        assert "Example: smcoach" in (command.help or ""), path
        assert "Example: smcoach" in r.output, path
    assert {"agenda add", "goal drop", "plan new", "check", "today", "where"} <= set(paths)


def test_python_dash_m_runs_the_cli():
    r = subprocess.run(
        [sys.executable, "-m", "smcoach", "--help"], capture_output=True, text=True, check=False
    )
    assert r.returncode == 0
    assert "Usage:" in r.stdout and "plan" in r.stdout


def test_version(run):
    from smcoach import __version__

    r = run("--version")
    assert (r.exit_code, r.stdout) == (0, f"smcoach {__version__}\n")


def test_usage_errors_exit_2(run):
    r = run("plan", "new", "--colour", "red")
    assert r.exit_code == 2
    r = run("nonsense")
    assert r.exit_code == 2
