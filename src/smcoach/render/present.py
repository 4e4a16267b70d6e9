"""The projector view (`--present`, or SMCOACH_PRESENT=1): a screen a room reads from afar,
at 80x24 (a terminal zoomed for a projector).

At each step the screen is cleared (on a terminal only) and a large header names the step;
lines are short (at most MEASURE columns) and wrapped between words; a blank line comes before
each question unless one is there already (cli/prompts.py asks `spaced`); and styles are high
contrast: bold where the theme has colours, nothing dim. Colour never carried meaning alone,
so nothing is lost. With NO_COLOR, or off a terminal, the text is plain (no escape codes); off
a terminal the screen is never cleared and the header is plain lines of text.

A command adopts it with its option and two lines (see cli/session.py, cli/demo.py):

    present: Annotated[bool, typer.Option("--present", help=PRESENT_HELP)] = False
    ...
    screen = ctx.with_resource(Projector(wanted(present)))  # on until the command ends
    ...
    screen.step(t("...", n=2, total=6))  # at the start of each step: "Step 2 of 6: ..."

With the view off, `step` writes the header as an ordinary step heading, so a command calls
it the same way either way.
"""

import os
import sys
from types import TracebackType
from typing import Any, TextIO

from smcoach.render import THEME, Para, notice, use_colour, width, wrap

PRESENT_ENV = "SMCOACH_PRESENT"
PRESENT_HELP = (
    "Projector view for a room: the screen cleared at each step, large step headers, short "
    "lines, high contrast (also SMCOACH_PRESENT=1)."
)
MEASURE = 72  # the longest line: short lines read better from the back of a room
CLEAR = "\x1b[H\x1b[2J"  # cursor home, erase the screen (the scrollback is left alone)
# High contrast: every colour of the theme shown bold instead, nothing dim (a table's rule).
HIGH_CONTRAST = {**{name: "bold" for name in THEME}, "muted": "", "dim": ""}

_spaced = False  # while the view is on: a blank line before each question


def wanted(flag: bool) -> bool:
    """The view is wanted: the command's --present, or SMCOACH_PRESENT set (but not to 0)."""
    return flag or os.environ.get(PRESENT_ENV, "").strip() not in ("", "0")


def spaced() -> bool:
    """Whether a question now wants a blank line before it: the view is on, and what was
    written last does not end in one already."""
    return _spaced and getattr(sys.stderr, "tail", "") != "\n\n"


class _Tail:
    """stderr while the view is on, noting how what was written last ends."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.tail = ""

    def write(self, text: str) -> int:
        written = self.stream.write(text)
        self.tail = (self.tail + text)[-2:]
        return written

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno...: the stream's own
        return getattr(self.stream, name)


class Projector:
    """The view for one command: a context (on while the command runs) and `step`, called at
    the start of each step. `banner`, if given, heads every step's screen (the demo's)."""

    def __init__(self, on: bool, banner: str | None = None, stream: TextIO | None = None):
        self.on = on
        self.banner = banner
        self._stream = stream  # None: stderr as it is when written to, where prompts go
        self._saved: tuple[dict[str, str], str | None, TextIO] | None = None
        self._steps = 0  # steps started with the view off

    @property
    def stream(self) -> TextIO:
        return self._stream or sys.stderr

    def __enter__(self) -> "Projector":
        global _spaced
        if self.on and self._saved is None:
            self._saved = dict(THEME), os.environ.get("COLUMNS"), sys.stderr
            THEME.update(HIGH_CONTRAST)
            columns = width(self.stream)
            if columns is not None and columns > MEASURE:
                # The renderer and the prompts lay text out to $COLUMNS: short lines everywhere.
                os.environ["COLUMNS"] = str(MEASURE)
            sys.stderr = _Tail(sys.stderr)
            _spaced = True
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        global _spaced
        if self._saved is not None:
            theme, columns, sys.stderr = self._saved
            THEME.clear()
            THEME.update(theme)
            if columns is None:
                os.environ.pop("COLUMNS", None)
            else:
                os.environ["COLUMNS"] = columns
            _spaced = False
            self._saved = None

    def step(self, title: str) -> None:
        """Start a step: with the view on, a fresh screen (cleared on a terminal) with the
        banner and a large header; off, the banner and the header as ordinary lines."""
        if not self.on:
            if self.banner:
                if self._steps:  # a blank line between one step's end and the next banner
                    self.stream.write("\n")
                notice(Para(self.banner, "heading"))
            self._steps += 1
            notice(Para(title, "step"))
            return
        sys.stdout.flush()  # what the last step printed shows before the screen is cleared
        self.stream.write(self.screen_start(title))
        self.stream.flush()

    def fresh(self) -> None:
        """With the view on, a fresh screen with no header, for a view that heads itself and
        needs every line of the screen (the board of a course of 16 at 80x24)."""
        if self.on:
            sys.stdout.flush()
            self.stream.write(self.screen_start(None))
            self.stream.flush()

    def screen_start(self, title: str | None) -> str:
        """The start of a step's screen, as text: the clearing (on a terminal; elsewhere a
        blank line), the banner, and the header (if any) between two rules, a blank line
        after it."""
        styled = use_colour(self.stream)
        columns = min(width(self.stream) or MEASURE, MEASURE)
        parts = []
        if self.banner:
            parts += [_sgr(line, "1;7", styled) for line in wrap(self.banner, columns)]
            parts.append("")
        if title is not None:
            lines = wrap(title, columns, first="  ")
            rule = ("━" if styled else "=") * max(len(line) for line in lines)
            parts += [rule, *(_sgr(line, "1", styled) for line in lines), rule, ""]
        text = "".join(part + "\n" for part in parts)
        if self.stream.isatty() and os.environ.get("TERM") != "dumb":
            return CLEAR + text
        return "\n" + text  # a blank line from what came before, in place of a fresh screen


def _sgr(text: str, codes: str, styled: bool) -> str:
    """`text` in a style of its own (bold; reversed for the banner) on a colour terminal."""
    return f"\x1b[{codes}m{text}\x1b[0m" if styled else text
