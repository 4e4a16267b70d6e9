"""smcoach learn in a real pseudo-terminal (pexpect): a topic longer than the screen goes
through the pager ($PAGER), and not when it fits, when stdout is a pipe or a file, with
--no-pager, or when there is no pager to start; a colour terminal shows headings bold and
underlined. And the pointer to a topic after saving, for a person at a terminal."""

import re
from pathlib import Path

import pexpect

from ptyhelp import SMCOACH, terminal_env

MARK = "PAGER-WAS-HERE"
TITLE = "Fatigue: when you feel tired all the time"


def env_for(tmp_path: Path, pager: str | None = None, colour: bool = False) -> dict[str, str]:
    env = terminal_env(tmp_path)
    env["SMCOACH_CACHE"] = str(tmp_path / "cache")
    for name in ("COLUMNS", "LINES", "TERMINAL_WIDTH", "_TYPER_FORCE_DISABLE_TERMINAL", "PAGER"):
        env.pop(name, None)  # the terminal's own size, as a person has it
    if pager is not None:
        env["PAGER"] = pager
    if colour:
        env.pop("NO_COLOR")
    return env


def shown(env: dict[str, str], rows: int, *args: str, shell: str | None = None) -> str:
    """Everything the terminal showed while smcoach ran (with `shell`: run by /bin/sh -c)."""
    program, argv = (SMCOACH, list(args)) if shell is None else ("/bin/sh", ["-c", shell])
    child = pexpect.spawn(program, argv, env=env, encoding="utf-8", timeout=10,
                          dimensions=(rows, 80))  # fmt: skip
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before.replace("\r\n", "\n")


# A pager that says it ran, then shows what it was given.
PAGER = f"sh -c 'echo {MARK}; cat'"


def test_a_long_topic_goes_through_the_pager(tmp_path: Path) -> None:
    out = shown(env_for(tmp_path, PAGER), 24, "learn", "fatigue")
    assert out.startswith(MARK + "\n" + TITLE.upper())
    assert "Last reviewed: Mon 30 Nov 2026" in out  # all of it reached the pager


def test_no_pager_when_the_topic_fits(tmp_path: Path) -> None:
    out = shown(env_for(tmp_path, PAGER), 500, "learn", "fatigue")
    assert MARK not in out and out.startswith(TITLE.upper())


def test_no_pager_with_no_pager(tmp_path: Path) -> None:
    out = shown(env_for(tmp_path, PAGER), 24, "learn", "fatigue", "--no-pager")
    assert MARK not in out and "Last reviewed: Mon 30 Nov 2026" in out


def test_no_pager_when_stdout_is_a_pipe_or_a_file(tmp_path: Path) -> None:
    env = env_for(tmp_path, PAGER)
    out = shown(env, 24, shell=f"{SMCOACH} learn fatigue | cat")
    assert MARK not in out and out.startswith(TITLE.upper())
    saved = tmp_path / "fatigue.txt"
    assert shown(env, 24, shell=f"{SMCOACH} learn fatigue > {saved}") == ""
    text = saved.read_text("utf-8")
    assert MARK not in text and text.startswith(TITLE.upper()) and "\x1b" not in text


def test_without_a_pager_to_start_the_topic_is_shown(tmp_path: Path) -> None:
    out = shown(env_for(tmp_path, "/no/such/pager --flag"), 24, "learn", "fatigue")
    assert out.startswith(TITLE.upper()) and "Last reviewed: Mon 30 Nov 2026" in out


def test_colour_terminal_headings_bold_and_underlined(tmp_path: Path) -> None:
    out = shown(env_for(tmp_path, "cat", colour=True), 24, "learn", "fatigue")
    assert out.startswith(f"\x1b[1m\x1b[4m{TITLE}\x1b[0m\n")
    assert "\x1b[1m\x1b[4mWhy it happens\x1b[0m" in out
    assert "\x1b[1mPace.\x1b[0m Break big jobs" in out  # **Pace.** in bold
    # Wrapped at the terminal's width, counting what shows (a web address is kept whole).
    for line in re.sub(r"\x1b\[[0-9;]*m", "", out).split("\n"):
        assert len(line) <= 80 or len(line.split()) == 1, line


def test_after_saving_a_person_at_a_terminal_is_pointed_to_a_topic(tmp_path: Path) -> None:
    out = shown(env_for(tmp_path), 24, "agenda", "add", "I get so tired by mid-afternoon")
    assert out == f"Added agenda item 1.\nTo read: {TITLE} (smcoach learn fatigue)\n"
