"""Shared by the tests that drive smcoach in a real pseudo-terminal (pexpect): one `Session`
a run, the environment each test gets, and reading results back through `--json`."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect

SMCOACH = str(Path(sys.executable).parent / "smcoach")

# The plan's questions (content/cards/en.toml), as the person sees them.
WHAT = "What will you do? Choose something you want to do, not something you feel you ought to"
HOW_MUCH = "How much? (for example: 10 minutes, to the end of the road, one glass of water)"
WHEN = "When in the day? (for example: after breakfast, before the news)"
HOW_OFTEN = "Which days (such as mon,wed,fri), or how many times this week (a number from 1 to 7)?"
CONFIDENCE = (
    "How sure are you, from 0 (not at all) to 10 (completely), that you will do all of this plan?"
)
AGAIN = "(press Enter to keep it)"
CHOICE = "Your choice: "


def terminal_env(tmp_path: Path, today: str = "2026-11-23") -> dict[str, str]:
    """A private database, a pinned date, plain output, and none of the caller's SMCOACH_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMCOACH_")}
    env.update(SMCOACH_DB=str(tmp_path / "x.db"), SMCOACH_TODAY=today, NO_COLOR="1", TERM="xterm")
    return env


class Session:
    """One `smcoach` run in a pseudo-terminal, with everything it printed kept in `transcript`.
    With `stdout_to`, the program's stdout goes to that file instead (stdin and stderr, where
    the questions are asked, stay the terminal)."""

    def __init__(self, env: dict[str, str], *args: str, stdout_to: Path | None = None) -> None:
        self.log = io.StringIO()
        program, argv = SMCOACH, list(args)
        if stdout_to is not None:
            script = 'out="$1"; shift; exec "$@" > "$out"'
            program, argv = "/bin/sh", ["-c", script, "sh", str(stdout_to), SMCOACH, *args]
        self.child = pexpect.spawn(
            program, argv, env=env, encoding="utf-8", timeout=10, dimensions=(40, 200)
        )
        self.child.logfile_read = self.log

    def see(self, *texts: str) -> None:
        """Wait for each text in turn (literal, not a regex)."""
        for text in texts:
            self.child.expect_exact(text)

    def answer(self, prompt: str, reply: str) -> None:
        self.see(prompt)
        self.child.sendline(reply)

    def interrupt(self, prompt: str) -> None:
        self.see(prompt)
        self.child.sendintr()

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert self.child.exitstatus is not None, "smcoach was killed by a signal"
        return self.child.exitstatus

    @property
    def transcript(self) -> str:
        return self.log.getvalue().replace("\r\n", "\n")


def run(env: dict[str, str], *args: str) -> "subprocess.CompletedProcess[str]":
    """smcoach without a terminal; it must succeed."""
    done = subprocess.run(
        [SMCOACH, *args], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
        timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done


def run_json(env: dict[str, str], *args: str) -> object:
    return json.loads(run(env, *args, "--json").stdout)
