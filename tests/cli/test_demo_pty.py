"""`smcoach demo` and the projector view in a real terminal of 80x24 (pexpect), the size of a
terminal zoomed for a room: every screen carries the banner, every line fits 80 columns and no
word is broken, no real path is shown, and the facilitator answers live and presses Enter."""

import io
import os
import re
from pathlib import Path

import pexpect
import pytest

from ptyhelp import SMCOACH
from smcoach.messages import t

BANNER = "DEMO: fictional data, not yours"
CLEAR = "\x1b[H\x1b[2J"
STYLE = re.compile(r"\x1b\[[0-9;]*m")


class Room:
    """smcoach in a pseudo-terminal of 24 rows and 80 columns; `text` is what it printed,
    with its styles taken out (the clearing of the screen kept)."""

    def __init__(self, tmp_path: Path, *args: str, colour: bool = False) -> None:
        self.temp = tmp_path / "tmp"  # where the demo's database is made: never shown
        self.temp.mkdir()
        self.mine = tmp_path / "my data" / "smcoach.db"  # the person's: never shown
        env = {k: v for k, v in os.environ.items() if not k.startswith("SMCOACH_")}
        for name in ("COLUMNS", "LINES", "NO_COLOR"):
            env.pop(name, None)
        env.update(SMCOACH_DB=str(self.mine), SMCOACH_TODAY="2026-11-23", TERM="xterm",
                   TMPDIR=str(self.temp))  # fmt: skip
        if not colour:
            env["NO_COLOR"] = "1"
        self.log = io.StringIO()
        self.child = pexpect.spawn(
            SMCOACH, list(args), env=env, encoding="utf-8", timeout=30, dimensions=(24, 80)
        )
        self.child.logfile_read = self.log

    def answer(self, prompt: str, reply: str) -> None:
        self.child.expect_exact(prompt)
        self.child.sendline(reply)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert self.child.exitstatus is not None
        return self.child.exitstatus

    @property
    def raw(self) -> str:
        return self.log.getvalue().replace("\r\n", "\n")

    @property
    def text(self) -> str:
        return STYLE.sub("", self.raw)


def fits(text: str) -> None:
    """Every line fits 80 columns (a prompt's last line may end in the space the answer
    follows), so the terminal itself breaks no line, and so no word."""
    for line in text.replace(CLEAR, "").split("\n"):
        assert len(line.rstrip()) <= 80, line


def flat(text: str) -> str:
    return " ".join(text.replace(CLEAR, " ").split())


def test_week_3_unattended_in_the_projector_view(tmp_path: Path) -> None:
    room = Room(tmp_path, "demo", "--week", "3", "--auto", "--delay", "0", "--present")
    assert room.finish() == 0
    text = room.text
    screens = text.split(CLEAR)[1:]
    assert len(screens) == 8  # the introduction, six steps, the end
    assert all(screen.startswith(BANNER + "\n") for screen in screens)
    headers = [screen.split("\n")[3] for screen in screens[1:7]]
    assert headers[4] == "  Step 5 of 6: this week's action plan"
    fits(text)
    whole = flat(text)  # sentences wrapped across lines read whole: no word was broken
    for step in ("feedback", "solve", "agenda", "goal", "plan", "trends"):
        assert flat(t(f"demo.about.{step}")) in whole
    assert "Better: the rest days in between really helped my knee" in whole  # typed, wrapped
    assert max(len(line) for s in screens for line in s.split("\n")[2:]) <= 72  # short lines
    assert str(room.temp) not in text and str(room.mine.parent) not in text
    assert "smcoach.db" not in text
    assert list(room.temp.iterdir()) == []
    assert not room.mine.parent.exists()


def test_without_the_view_the_banner_still_heads_each_step(tmp_path: Path) -> None:
    room = Room(tmp_path, "demo", "--week", "2", "--auto", "--delay", "0")
    assert room.finish() == 0
    assert CLEAR not in room.raw
    assert room.text.count(BANNER) == 8
    fits(room.text)
    assert str(room.temp) not in room.text


def test_colour_without_dim_text(tmp_path: Path) -> None:
    room = Room(tmp_path, "demo", "--step", "agenda", "--auto", "--delay", "0", "--present",
                colour=True)  # fmt: skip
    assert room.finish() == 0
    assert f"\x1b[1;7m{BANNER}\x1b[0m" in room.raw  # reversed: not by colour alone
    assert "\x1b[2m" not in room.raw and ";2m" not in room.raw  # nothing dim
    fits(room.text)


def test_a_facilitator_answers_live(tmp_path: Path) -> None:
    room = Room(tmp_path, "demo", "--week", "3", "--step", "goal", "--present")
    room.answer("Keep this goal, or change it?", "")
    room.child.expect_exact("Your choice: ")
    room.child.sendline("change")
    room.answer("over the next few months?: ", "Walk to the canal and back")
    room.answer("or Enter to skip): ", "in 6 weeks")
    room.answer(f"{BANNER}. Press Enter to go on: ", "")
    room.child.expect_exact("The end of the demo")
    assert room.finish() == 0
    screens = room.text.split(CLEAR)[1:]
    assert len(screens) == 2 and all(s.startswith(BANNER) for s in screens)
    assert "Added goal 2." in room.text
    fits(room.text)
    assert list(room.temp.iterdir()) == []


def test_ctrl_c_stops_it_and_removes_its_database(tmp_path: Path) -> None:
    room = Room(tmp_path, "demo", "--week", "3", "--step", "plan")
    room.child.expect_exact("What will you do?")
    room.child.sendintr()
    assert room.finish() == 130
    assert flat(t("demo.stopped")) in flat(room.text)
    assert list(room.temp.iterdir()) == []


@pytest.mark.parametrize("colour", [False, True])
def test_session_in_the_projector_view(tmp_path: Path, colour: bool) -> None:
    """`smcoach session --present`: a fresh screen at each step, its header large."""
    room = Room(tmp_path, "session", "--present", colour=colour)
    room.answer("Press Enter to begin: ", "")
    room.answer("when done): ", "Getting out of breath on the stairs")
    room.answer("when done): ", "")
    room.answer("(its ID) [1]: ", "")
    room.child.expect_exact("over the next few months?: ")
    room.child.sendintr()
    assert room.finish() == 130
    screens = room.text.split(CLEAR)
    assert len(screens) == 3  # before the first step, the agenda, the goal
    assert screens[1].split("\n")[:3] == ["=" * 26, "  Step 3 of 6: your agenda", "=" * 26] or (
        colour and screens[1].split("\n")[1] == "  Step 3 of 6: your agenda"
    )
    assert "\n\nAdd something to your agenda" in screens[1]  # a blank line before a question
    fits(room.text)
    if colour:
        assert "\x1b[1m  Step 3 of 6: your agenda\x1b[0m" in room.raw
        assert "\x1b[2m" not in room.raw
    else:
        assert not STYLE.search(room.raw)


@pytest.mark.parametrize("signal", ["SIGHUP", "SIGTERM"])
def test_a_closed_terminal_or_a_kill_still_removes_its_database(
    tmp_path: Path, signal: str
) -> None:
    import signal as signals

    room = Room(tmp_path, "demo", "--week", "3", "--step", "plan")
    room.child.expect_exact("What will you do?")
    assert list(room.temp.iterdir()) != []  # the demo's database, while it runs
    room.child.kill(getattr(signals, signal))
    room.child.expect(pexpect.EOF)
    room.child.close()
    assert room.child.exitstatus == 128 + getattr(signals, signal)
    assert list(room.temp.iterdir()) == []


def test_input_ending_is_one_line(tmp_path: Path) -> None:
    room = Room(tmp_path, "demo", "--week", "3", "--step", "goal")
    room.child.expect_exact("Your choice: ")
    room.child.sendeof()
    assert room.finish() == 1
    assert room.text.strip().split("\n")[-1] == "Error: " + t("demo.input_ended")
    assert list(room.temp.iterdir()) == []
