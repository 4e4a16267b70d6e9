"""`smcoach demo --auto`: the demo's script of answers (domain/demo.py `answers`) typed into
smcoach's real prompts (cli/prompts.py), as if at the keyboard, with a pause to read each
question. stdin and stderr are stood in for while it plays, and put back."""

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from smcoach.cli.prompts import Asker, TerminalAsker

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")

Script = dict[str, str | tuple[str, ...]]


class Column:
    """Stands in for stderr while --auto plays, noting the column its last line ends at: a
    typed answer follows the question on its line, and wraps between words from there."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.column = 0

    def write(self, text: str) -> int:
        self.stream.write(text)
        before, newline, last = text.rpartition("\n")
        self.column = len(last) if newline else self.column + len(text)
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno...: the stream's own
        return getattr(self.stream, name)


class Typist:
    """Stands in for stdin while --auto plays: each line read is the script's next answer,
    shown after the question as if typed, once the room has had `delay` seconds to read it.
    With no answer waiting it reads as the end of input: a script that does not fit the
    questions stops with one line, instead of looping."""

    def __init__(self, delay: float, out: Column):
        self.delay, self.out = delay, out
        self.lines: list[str] = []

    def readline(self) -> str:
        if not self.lines:
            return ""
        line = self.lines.pop(0)
        self.out.flush()
        time.sleep(self.delay)
        self.out.write(self._typed(line) + "\n")
        return line + "\n"

    def _typed(self, line: str) -> str:
        """The answer as it shows after the question: wrapped between words at the width."""
        from smcoach.render import width, wrap

        columns, start = width(self.out.stream), self.out.column
        if columns is None or not line or start + len(line) <= columns:
            return line
        lines = wrap(line, columns, first=" " * start, rest="  ")
        if len(lines[0]) > columns:  # not even its first word fits: it starts a line
            lines = ["", *wrap(line, columns, first="  ")]
            return "\n".join(lines)
        return "\n".join(lines)[start:]

    def isatty(self) -> bool:
        return False


class AutoAsker(TerminalAsker):
    """The real prompts, answered from the script by question key; a key asked again takes
    its next answer. A question the script leaves out gets Enter."""

    def __init__(self, script: Script, typist: Typist):
        self.script, self.typist = script, typist
        self.used: dict[str, int] = {}

    def _type(self, key: str) -> None:
        value = self.script.get(key, "")
        if isinstance(value, tuple):
            n = self.used.get(key, 0)
            self.used[key] = n + 1
            value = value[n] if n < len(value) else ""
        self.typist.lines = [value]

    def ask(
        self, key: str, question: str, parse: "Callable[[str], T]", default: str | None = None
    ) -> T:
        self._type(key)
        return super().ask(key, question, parse, default)

    def optional(self, key: str, question: str) -> str | None:
        self._type(key)
        return super().optional(key, question)

    def choose(self, key: str, question: str, options: list[tuple[str, str]]) -> str:
        self._type(key)
        # the script names an option by its key: typed as a person would, by its words
        labels = dict(options)
        self.typist.lines = [labels.get(line, line) for line in self.typist.lines]
        return super().choose(key, question, options)

    def many(self, key: str, question: str) -> list[str]:
        value = self.script.get(key, ())
        self.typist.lines = [*(value if isinstance(value, tuple) else (value,)), ""]
        return super().many(key, question)


@contextmanager
def asker(script: Script | None, delay: float) -> Iterator[Asker]:
    """The asker: the terminal, or with a script (--auto) the terminal's own prompts answered
    from it (stdin and stderr stood in for while it plays, and put back)."""
    if script is None:
        yield TerminalAsker()
        return
    out = Column(sys.stderr)
    typist = Typist(delay, out)
    stdin, stderr = sys.stdin, sys.stderr
    sys.stdin, sys.stderr = typist, out
    try:
        yield AutoAsker(script, typist)
    finally:
        sys.stdin, sys.stderr = stdin, stderr
