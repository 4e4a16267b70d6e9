"""Output: a tiny document model (paragraphs and tables), printed either as plain text (pipes,
NO_COLOR, tests: fast, no escape codes) or through Rich on a colour terminal.

Rich is imported only when it is used. Text the person typed is never read as markup, and
control characters in it are shown escaped, so a note cannot restyle or move the terminal.
A table cell is one line, and so is every value put into a sentence (see messages.t and
safe_text.one_line): a line break stored in a note is shown as \\n, so it cannot start a line
that looks like smcoach's own.

Layout follows the width (see `width`): paragraphs wrap between words, and a table wider than
the screen is shown stacked, one "label: value" line per cell and a blank line between rows,
so that no word or number is ever split across lines. Plain output writes words where the
colour terminal shows marks or bars (`Cell.plain`, `Para.plain`): glyphs read badly aloud.
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
    plain: str | None = None  # what plain output shows instead, when `text` is marks or a bar


class Para(NamedTuple):
    text: str
    style: str | None = None
    # What plain output writes instead (words for marks); "" leaves the paragraph out there
    # (a key to marks that plain output does not show).
    plain: str | None = None


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


def is_plain(stream: TextIO | None = None) -> bool:
    """Whether `write` gives plain text on this stream (stdout by default): a pipe or a file,
    NO_COLOR, or a dumb terminal. There, marks and bars are better given as words."""
    return not use_rich(stream or sys.stdout)


MIN_WIDTH = 20  # narrower than any real screen: wrapping to less would help no one


def width(stream: TextIO) -> int | None:
    """The width to lay text out in: $COLUMNS when set (as shutil and Rich read it), else the
    terminal's when `stream` is one. None for a pipe or a file without $COLUMNS: their lines
    are kept whole, one record a line, for grep and for programs (less, an editor) that wrap
    by themselves."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and int(columns) > 0:
        return max(int(columns), MIN_WIDTH)
    try:
        if stream.isatty():
            size = os.get_terminal_size(stream.fileno()).columns
            return max(size, MIN_WIDTH) if size > 0 else None
    except (OSError, ValueError, AttributeError):  # closed, or not a real file
        pass
    return None


def wrap(text: str, columns: int | None, first: str = "", rest: str | None = None) -> list[str]:
    """`text` as lines of at most `columns`, broken only between words: never inside a word, a
    number or a date such as 2026-W48 (a word longer than a line is kept whole). Each line of
    `text` is wrapped on its own and keeps its indent; `first` starts the first line and `rest`
    (default: as wide as `first`, in spaces) the lines after it."""
    import textwrap

    rest = " " * len(first) if rest is None else rest
    lines: list[str] = []
    for n, line in enumerate(text.split("\n")):
        start = first if n == 0 else rest
        if columns is None or len(start) + len(line) <= columns:
            lines.append(start + line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        lines += textwrap.wrap(
            line.strip(),
            width=columns,
            initial_indent=start + indent,
            subsequent_indent=rest + indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return lines


def write(blocks: list[Block], stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    if use_rich(stream):
        _write_rich(blocks, stream)
    else:
        _write_plain(blocks, stream)


def write_json(data: Any, stream: TextIO | None = None) -> None:
    import json

    (stream or sys.stdout).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _plain(cell: Cell) -> str:
    return one_line(cell.text if cell.plain is None else cell.plain)


def _write_plain(blocks: list[Block], stream: TextIO) -> None:
    columns = width(stream)
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            if block.plain == "" and block.text:
                continue  # shown only on a colour terminal
            out += wrap(visible(block.text if block.plain is None else block.plain), columns)
            continue
        if block.title:
            out += wrap(one_line(block.title), columns)
        cells = [[_plain(c) for c in row] for row in block.rows]
        # a column with no heading and nothing to show in plain output (a bar) is left out
        keep = [i for i, h in enumerate(block.columns) if h or any(row[i] for row in cells)]
        if len(keep) < len(block.columns):
            kept = Table([block.columns[i] for i in keep], block.title, block.header)
            kept.rows = [[row[i] for i in keep] for row in block.rows]
            block, cells = kept, [[row[i] for i in keep] for row in cells]
        widths = [len(h) for h in block.columns]
        for row in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
        if columns is not None and sum(widths) + 2 * (len(widths) - 1) > columns:
            out += _stacked_plain(block, columns)
            continue
        for row in [block.columns, *cells] if block.header else cells:
            out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    stream.write("\n".join(out) + ("\n" if out else ""))


Record = list[tuple[str, list[Cell]]]


def _records(table: Table, plain: bool) -> list[Record]:
    """A table as records of (label, cells) for the stacked layout: a table with a header
    gives a record a row, labelled by the column headings (a column with no heading, such as a
    bar, goes on the line of the column before it); a "label: value" table is one record, its
    first column the labels. Cells with nothing to show are left out."""

    def shown(cell: Cell) -> bool:
        return bool(_plain(cell) if plain else cell.text)

    if not table.header:
        return [[(row[0].text, [c for c in row[1:] if shown(c)]) for row in table.rows]]
    records = []
    for row in table.rows:
        record: Record = []
        for label, cell in zip(table.columns, row, strict=True):
            if label or not record:
                record.append((label, []))
            if shown(cell):
                record[-1][1].append(cell)
        records.append([(label, cells) for label, cells in record if cells])
    return records


def _label_width(record: Record, columns: int) -> int | None:
    """Where values start, when labels are aligned; None when the labels are too long for it
    (then each value follows its label)."""
    pad = max((len(one_line(label)) for label, _ in record), default=0) + 2  # "label: "
    return pad if pad <= columns // 3 else None


def _stacked_plain(table: Table, columns: int) -> list[str]:
    lines: list[str] = []
    for n, record in enumerate(_records(table, plain=True)):
        if n:
            lines.append("")
        pad = _label_width(record, columns)
        for label, cells in record:
            head = f"{one_line(label)}: " if label else ""
            value = "  ".join(map(_plain, cells))
            if pad is None:
                lines += wrap(value, columns, first=head, rest="  ")
            else:
                lines += wrap(value, columns, first=head.ljust(pad), rest=" " * pad)
    return lines


def _write_rich(blocks: list[Block], stream: TextIO) -> None:
    from rich.console import Console

    print_rich(blocks, Console(file=stream, highlight=False, markup=False, emoji=False))


def print_rich(blocks: list[Block], console: Any) -> None:
    """Print blocks on a Rich console. A table wider than the console is shown stacked, as
    in plain output."""
    from rich import box
    from rich.measure import Measurement
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
        natural = Measurement.get(console, console.options.update_width(10**6), table)
        if natural.maximum <= console.width:
            console.print(table)
            continue
        if block.title:
            console.print(Text(one_line(block.title), style="bold"))
        for n, record in enumerate(_records(block, plain=False)):
            if n:
                console.print()
            pad = _label_width(record, console.width)
            grid = RichTable.grid(padding=(0, 1) if pad else 0)
            if pad:
                grid.add_column(style="bold", no_wrap=True)
            grid.add_column(overflow="fold")
            for label, cells in record:
                value = Text("  ").join(text(c.text, c.style) for c in cells)
                if pad:
                    grid.add_row(Text(f"{one_line(label)}:" if label else ""), value)
                else:
                    head = Text(f"{one_line(label)}: " if label else "", style="bold")
                    grid.add_row(head + value)
            console.print(grid)


def notice(text: str | Para, style: str | None = None) -> None:
    """A message for the person, not data: on stderr. If stderr cannot be written (a full
    disk), the notice is lost but the command is not failed: what it saved is saved."""
    with contextlib.suppress(OSError):
        write([text if isinstance(text, Para) else Para(text, style)], sys.stderr)
