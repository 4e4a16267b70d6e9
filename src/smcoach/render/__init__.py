"""Output: a tiny document model (paragraphs and tables), printed either as plain text (pipes,
NO_COLOR, tests: fast, no escape codes) or through Rich on a colour terminal.

Rich is imported only when it is used. Text the person typed is never read as markup, and
control characters in it are shown escaped, so a note cannot restyle or move the terminal.
A table cell is one line, and so is every value put into a sentence (see messages.t and
safe_text.one_line): a line break stored in a note is shown as \\n, so it cannot start a line
that looks like smcoach's own.
"""

import contextlib
import os
import sys
from typing import Any, NamedTuple, TextIO

from smcoach.safe_text import one_line, visible

__all__ = ["visible", "one_line"]  # for prompts, which show questions that span lines


class Cell(NamedTuple):
    text: str
    style: str | None = None  # a theme name (see THEME), never the only carrier of meaning


class Para(NamedTuple):
    text: str
    style: str | None = None


class Table:
    def __init__(self, columns: list[str], title: str | None = None, header: bool = True):
        self.columns = columns
        self.rows: list[list[Cell]] = []
        self.title = title
        self.header = header  # False for a two-column "label: value" table


Block = Para | Table

THEME = {
    "heading": "bold",
    "muted": "dim",
    "id": "cyan",
    "confidence": "bold magenta",
    "done": "green",
    "partly": "yellow",
    "not": "red",
    "rest": "blue",
    "warning": "yellow",
    "safety": "bold red",
    "step": "bold cyan",
}


def use_rich(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def write(blocks: list[Block], stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    if use_rich(stream):
        _write_rich(blocks, stream)
    else:
        _write_plain(blocks, stream)


def write_json(data: Any, stream: TextIO | None = None) -> None:
    import json

    (stream or sys.stdout).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _write_plain(blocks: list[Block], stream: TextIO) -> None:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(visible(block.text))
            continue
        if block.title:
            out.append(one_line(block.title))
        cells = [[one_line(c.text) for c in row] for row in block.rows]
        widths = [len(h) for h in block.columns]
        for row in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
        for row in [block.columns, *cells] if block.header else cells:
            out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    stream.write("\n".join(out) + ("\n" if out else ""))


def _write_rich(blocks: list[Block], stream: TextIO) -> None:
    from rich.console import Console

    print_rich(blocks, Console(file=stream, highlight=False, markup=False, emoji=False))


def print_rich(blocks: list[Block], console: Any) -> None:
    """Print blocks on a Rich console (a terminal's, or one recording for an SVG or HTML file)."""
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    def text(value: str, style: str | None) -> Text:
        return Text(one_line(value), style=THEME.get(style or "", ""))

    for block in blocks:
        if isinstance(block, Para):
            console.print(Text(visible(block.text), style=THEME.get(block.style or "", "")))
            continue
        table = RichTable(
            box=box.SIMPLE_HEAD,
            title=one_line(block.title) if block.title else None,
            title_justify="left",
            title_style="bold",
            header_style="bold",
            show_header=block.header,
        )
        for column in block.columns:
            table.add_column(column, overflow="fold")
        for row in block.rows:
            table.add_row(*(text(c.text, c.style) for c in row))
        console.print(table)


def export(blocks: list[Block], path: str, kind: str, title: str) -> None:
    """Save blocks as an SVG picture or an HTML page, as they look on a colour terminal."""
    import io

    from rich.console import Console

    console = Console(
        record=True,
        file=io.StringIO(),
        width=120,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        markup=False,
        emoji=False,
    )
    print_rich(blocks, console)
    if kind == "svg":
        console.save_svg(path, title=title)
    else:
        console.save_html(path)


def notice(text: str, style: str | None = None) -> None:
    """A message for the person, not data: on stderr. If stderr cannot be written (a full
    disk), the notice is lost but the command is not failed: what it saved is saved."""
    with contextlib.suppress(OSError):
        write([Para(text, style)], sys.stderr)
