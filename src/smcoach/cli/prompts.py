"""Asking the person: prompts go to stderr, answers come from stdin, a wrong answer is asked again.

Used only when stdin is a terminal; scripts pass every value as a flag.
"""

import sys
from collections.abc import Callable
from typing import TypeVar

from smcoach.cli.common import interactive
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.render import visible

T = TypeVar("T")


def _read(question: str, what: str) -> str:
    sys.stderr.write(visible(question))
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        sys.stderr.write("\n")
        raise SmcoachError(t("input.ended", what=what))
    return line.rstrip("\r\n")


def ask(question: str, parse: Callable[[str], T], *, what: str, default: str | None = None) -> T:
    """Ask until the answer parses. An empty answer takes `default` when there is one."""
    shown = f" [{default}]" if default else ""
    while True:
        answer = _read(f"{question}{shown}: ", what)
        if not answer.strip() and default is not None:
            answer = default
        try:
            return parse(answer)
        except SmcoachError as e:
            sys.stderr.write(f"  {e}\n")


def ask_optional(question: str, *, what: str) -> str | None:
    answer = _read(f"{question}: ", what)
    return answer if answer.strip() else None


def choose(question: str, options: list[tuple[str, str]], *, what: str) -> str:
    """Pick one option by number or by its key; returns the key."""
    sys.stderr.write(visible(question) + "\n")
    for n, (_, label) in enumerate(options, 1):
        sys.stderr.write(f"  {n}. {label}\n")
    keys = [k for k, _ in options]

    def parse(answer: str) -> str:
        a = answer.strip().lower()
        if a.isdigit() and 1 <= int(a) <= len(options):
            return keys[int(a) - 1]
        if a in keys:
            return a
        raise SmcoachError(f"choose a number from 1 to {len(options)}")

    return ask("Your choice", parse, what=what)


def require(
    value: str | None, *, what: str, how: str, question: str, parse: Callable[[str], T]
) -> T:
    """A value the command needs: the flag's (parsed), else asked in a terminal, else an error."""
    if value is not None:
        return parse(value)
    if not interactive():
        raise SmcoachError(t("missing", what=what, how=how))
    return ask(question, parse, what=what)
