"""The projector view (render/present.py; `--present` and SMCOACH_PRESENT=1): the screen
cleared only on a terminal, the step header, plain text with NO_COLOR or off a terminal, high
contrast (nothing dim), short lines, a blank line before each question, and everything put
back when the command ends. The view in a real terminal is in test_demo_pty.py."""

import io
import os
from collections.abc import Callable
from typing import Any

import pytest

from smcoach.cli import prompts
from smcoach.render import THEME
from smcoach.render.present import CLEAR, MEASURE, Projector, wanted

Run = Callable[..., Any]

WEEK1 = """
[agenda]
add = ["Getting out of breath on the stairs"]
focus = "1"
[goal]
text = "Walk to my daughter's house and back"
by = "2027-03-01"
[plan]
what = "walk to the post box and back"
how_much = "10 minutes"
when = "after lunch"
how_often = "mon,wed,fri"
confidence = "8"
"""
HEADER = "Step 3 of 6: your agenda"
BANNER = "DEMO: fictional data, not yours"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def week1(tmp_path: Any) -> str:
    path = tmp_path / "week1.toml"
    path.write_text(WEEK1)
    return str(path)


# --- session --present, off a terminal ----------------------------------------------------------


def test_session_without_the_view_is_as_before(run: Run, week1: str) -> None:
    result = run("session", "--answers", week1)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert HEADER in lines and f"  {HEADER}" not in lines
    assert not any(set(line) == {"="} for line in lines)


@pytest.mark.parametrize("how", ["option", "env"])
def test_session_present_off_a_terminal(run: Run, week1: str, how: str) -> None:
    args = ["session", "--answers", week1] + (["--present"] if how == "option" else [])
    result = run(*args, env={"SMCOACH_PRESENT": "1"} if how == "env" else None)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr + result.stdout  # no clearing, no styles: plain text
    lines = result.stderr.splitlines()
    for header in (HEADER, "Step 4 of 6: a goal", "Step 5 of 6: this week's action plan"):
        n = lines.index(f"  {header}")  # a header of its own, between two rules
        assert lines[n - 1] == lines[n + 1] == "=" * (len(header) + 2)
        assert lines[n - 2] == lines[n + 2] == ""


@pytest.mark.parametrize(("value", "on"), [("1", True), ("yes", True), ("0", False), ("", False)])
def test_the_variable(monkeypatch: pytest.MonkeyPatch, value: str, on: bool) -> None:
    monkeypatch.setenv("SMCOACH_PRESENT", value)
    assert wanted(False) is on
    assert wanted(True)


# --- the screen ------------------------------------------------------------------------------


def test_cleared_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    assert Projector(True, stream=Terminal()).screen_start("Step 1 of 6: x").startswith(CLEAR)
    plain = Projector(True, stream=io.StringIO()).screen_start("Step 1 of 6: x")
    assert "\x1b" not in plain
    assert plain.splitlines() == ["", "=" * 16, "  Step 1 of 6: x", "=" * 16, ""]
    monkeypatch.setenv("TERM", "dumb")
    assert "\x1b" not in Projector(True, stream=Terminal()).screen_start("Step 1 of 6: x")


def test_no_color_gives_plain_text_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR (set for every test) leaves the clearing, which is not colour, and nothing
    else; without it, the header is bold and the banner reversed, both words anyway."""
    monkeypatch.setenv("TERM", "xterm")
    screen = Projector(True, BANNER, stream=Terminal())
    text = screen.screen_start("Step 2 of 6: problem-solving")
    assert text.startswith(CLEAR) and "\x1b" not in text[len(CLEAR) :]
    shown = text[len(CLEAR) :].splitlines()
    assert shown[:4] == [BANNER, "", "=" * 30, "  Step 2 of 6: problem-solving"]
    monkeypatch.delenv("NO_COLOR")
    styled = screen.screen_start("Step 2 of 6: problem-solving")
    assert "\x1b[1;7mDEMO: fictional data, not yours\x1b[0m" in styled
    assert "\x1b[1m  Step 2 of 6: problem-solving\x1b[0m" in styled
    assert "\x1b[2m" not in styled


def test_a_long_header_wraps_between_words() -> None:
    title = "Step 5 of 6: " + " ".join(["considerably"] * 12)
    lines = Projector(True, stream=io.StringIO()).screen_start(title).splitlines()
    assert all(len(line) <= MEASURE for line in lines)
    assert lines[0] == lines[-1] == "" and set(lines[1]) == set(lines[-2]) == {"="}
    assert " ".join(" ".join(lines[2:-2]).split()) == title


def test_high_contrast_and_short_lines_while_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    before = dict(THEME)
    with Projector(True, stream=io.StringIO()):
        assert os.environ["COLUMNS"] == str(MEASURE)
        assert all(style in ("bold", "") for style in THEME.values())
        assert THEME["dim"] == "" and THEME["muted"] == ""  # nothing dim, a table's rule too
    assert before == THEME and os.environ["COLUMNS"] == "120"
    monkeypatch.setenv("COLUMNS", "60")  # narrower than the measure: kept
    with Projector(True, stream=io.StringIO()):
        assert os.environ["COLUMNS"] == "60"
    with Projector(False, stream=io.StringIO()):  # off: nothing changes
        assert before == THEME


def test_off_the_header_is_an_ordinary_line(capsys: pytest.CaptureFixture[str]) -> None:
    with Projector(False, "DEMO: fictional data, not yours") as screen:
        screen.step("Step 1 of 6: how last week's plan went")
        screen.step("Step 2 of 6: problem-solving")
    err = capsys.readouterr().err
    assert err == (  # a blank line between one step and the next step's banner
        "DEMO: fictional data, not yours\nStep 1 of 6: how last week's plan went\n"
        "\nDEMO: fictional data, not yours\nStep 2 of 6: problem-solving\n"
    )


def test_a_fresh_screen_has_no_header(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    terminal = Terminal()
    Projector(True, stream=terminal).fresh()
    assert terminal.getvalue() == CLEAR
    off = Terminal()
    Projector(False, stream=off).fresh()
    assert off.getvalue() == ""


def test_a_blank_line_before_each_question(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In the view a question stands apart: a blank line before it (not between a menu and
    its answer, nor before each item of a list being typed)."""
    monkeypatch.setattr("sys.stdin", io.StringIO("2\nsoon\nan idea\n\n"))
    with Projector(True, stream=io.StringIO()):
        assert prompts.choose("Which?", [("a", "one"), ("b", "two")], what="x") == "b"
        prompts.ask("When?", str, what="y")
        prompts.TerminalAsker().many("ideas", "Ideas")
    err = capsys.readouterr().err
    assert err == (
        "\nWhich?\n  1. one\n  2. two\nYour choice: "
        "\nWhen?: "
        "\nIdeas (one a line; an empty line to finish)\n  -:   -: "
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("soon\n"))
    prompts.ask("When?", str, what="y")  # the view off: as before
    assert capsys.readouterr().err == "When?: "


# --- the group commands -------------------------------------------------------------------------

ROUND = """
[Ann]
present = true
what = "walk round the park"
how_much = "15 minutes"
when = "after lunch"
how_often = "mon,wed,fri"
confidence = 8

[Bob]
present = false
"""


@pytest.fixture
def course(run: Run) -> None:
    assert run("group", "new", "Tuesday group", "--start", "2026-11-23").exit_code == 0
    assert run("group", "add", "Ann", "Bob").exit_code == 0


def test_every_group_command_takes_the_projector_view(run: Run, course: None) -> None:
    r = run("group", "board", "--present")
    assert r.exit_code == 0, r.output
    assert r.stderr == "\n"  # a fresh screen (off a terminal, a blank line): the board's own
    lines = r.stdout.splitlines()  # title heads it, so that 16 rows fit 80x24
    assert lines[0] == "Tuesday group: the plans of week 1 (session of Mon 23 Nov 2026)"
    assert "Ann" in r.stdout  # the board itself, as without the view
    for args in (["list"], ["report"], ["add", "Cy"], ["rename", "Cy", "Di"], ["remove", "Di"]):
        r = run("group", *args, "--present")
        assert r.exit_code == 0, r.output
        assert "\n  Tuesday group: " in r.stderr, args
        assert "\x1b" not in r.output  # off a terminal: plain text
    plain = run("group", "board")
    assert plain.stderr == ""


def test_the_round_in_the_projector_view_gives_each_turn_a_screen(
    run: Run, answers: Callable[..., str], course: None
) -> None:
    r = run("group", "session", "--answers", answers(ROUND), env={"SMCOACH_PRESENT": "1"})
    assert r.exit_code == 0, r.output
    lines = r.stderr.splitlines()
    for name in ("Ann", "Bob"):  # each turn: the name as the screen's header, the round under
        at = lines.index(f"  {name}")
        assert lines[at - 1].startswith("=") and lines[at + 1].startswith("=")
        assert lines[at + 3].startswith("The round of the room: Tuesday group, week 1 of 6")
    assert "The round for week 1 is complete." in r.stdout
    end = lines.index("  Week 1: the round of the room")  # the summary: a screen of its own
    assert lines[end - 1].startswith("=") and lines[end + 1].startswith("=")
    assert "Week 1: the round of the room" not in r.stdout  # not said twice
