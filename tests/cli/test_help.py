"""Every command explains itself: a one-line summary and an example."""

import os
import re
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
        assert summary in " ".join(r.output.split()), path  # wrapped at the width
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


BOX = set("╭╮╰╯│─┃━")  # Rich's panels


def test_help_is_plain_text_with_every_summary_whole(run):
    """Help has no panels, colour or markup, and lists each command's whole first sentence
    (click cuts them at 45 characters with '...')."""
    for path, command in all_commands():
        out = run(*path, "--help").output
        assert not BOX & set(out) and "\x1b[" not in out, (path, out)
        assert "..." not in out.replace("[ARGS]...", ""), (path, out)
        for name, sub in getattr(command, "commands", {}).items():
            first = " ".join(sub.help.split("\n\n")[0].split())
            sentence = first[: first.index(".") + 1] if "." in first else first
            assert f"{name} {sentence}" in " ".join(out.split()), (path, name)


def _help_in(columns: int, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("TERMINAL_WIDTH", "LINES")}
    env["COLUMNS"] = str(columns)
    env.pop("NO_COLOR", None)  # what a person gets in a pipe, colour or not
    done = subprocess.run(
        [sys.executable, "-m", "smcoach", *args, "--help"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return done.stdout


def test_help_keeps_its_paragraphs_and_wraps_at_the_width():
    for columns in (60, 80, 120):
        out = _help_in(columns)
        lines = out.splitlines()
        assert max(map(len, lines)) <= columns, (columns, out)
        assert not BOX & set(out), out
        # 'Not for emergencies' stays a paragraph of its own, between blank lines
        n = lines.index("  Not for emergencies: smcoach help-now")
        assert lines[n - 1] == lines[n + 1] == "", out
        paragraph = out.split("\n\n")[3]  # usage, summary, emergencies, this one
        assert " ".join(paragraph.split()).startswith("Run smcoach on its own to see today.")
        assert "Not medical advice" in " ".join(paragraph.split())
    for command in (["plan", "new"], ["selfcheck"], ["session"]):
        out = _help_in(60, *command)
        assert max(map(len, out.splitlines())) <= 60, out
        assert not re.search(r"\w-$", out, re.M), out  # not 'self-' / 'management'


def test_a_misspelt_command_is_one_line():
    """No usage block and no panel: one line naming the command meant, exit 2."""
    for args, meant in [
        (["trend"], "trends"),
        (["agneda"], "agenda"),
        (["plan", "lsit"], "list"),
    ]:
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        done = subprocess.run(
            [sys.executable, "-m", "smcoach", *args],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        assert done.returncode == 2, args
        assert done.stdout == ""
        wrong = args[-1]
        assert done.stderr == f"Error: No such command '{wrong}'. Did you mean '{meant}'?\n"


def test_other_usage_errors_are_one_line_that_says_where_to_look(run):
    r = run("plan", "new", "--colour", "red")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == "Error: No such option: --colour (see 'smcoach plan new --help').\n"
    r = run("plan", "list", "--all=maybe")
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("Error: ")
    r = run("nonsense")
    assert r.stderr == "Error: No such command 'nonsense' (see 'smcoach --help').\n"
