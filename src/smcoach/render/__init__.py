"""Output: a tiny document model (paragraphs and tables), printed either as plain text (pipes,
NO_COLOR, tests: no escape codes) or with colour and marks on a colour terminal, by the same
small layout code (no Rich: importing it cost every view 30-55 ms).

Text the person typed is never read as markup, and control characters in it are shown
escaped, so a note cannot restyle or move the terminal.
A table cell is one line, and so is every value put into a sentence (see messages.t and
safe_text.one_line): a line break stored in a note is shown as \\n, so it cannot start a line
that looks like smcoach's own.

Layout follows the width (see `width`): paragraphs wrap between words, and a table wider than
the screen is shown stacked, one "label: value" line per cell and a blank line between rows,
so that no word or number is ever split across lines. Plain output writes words where the
colour terminal shows marks or bars (`Cell.plain`, `Para.plain`): glyphs read badly aloud.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator

from smcoach.records import TYPE_CHECKING, NamedTuple
from smcoach.safe_text import one_line, visible

if TYPE_CHECKING:
    from typing import Any, TextIO

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
    def __init__(
        self,
        columns: list[str],
        title: str | None = None,
        header: bool = True,
        source: Callable[[], Iterable[list[Cell]]] | None = None,
        optional: tuple[int, ...] = (),
    ):
        self.columns = columns
        self.rows: list[list[Cell]] = []
        self.title = title
        self.header = header  # False for a two-column "label: value" table
        # Rows read afresh each time they are laid out (twice: widths, then lines), instead
        # of `rows`: a table of any length in the same memory.
        self.source = source
        # Columns left out, in this order, when the table is too wide for the screen, before
        # it is shown stacked (what `show` gives in full, such as a service's categories).
        self.optional = optional

    def each_row(self) -> Iterable[list[Cell]]:
        return self.source() if self.source is not None else self.rows


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


def use_colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


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
    rest = " " * len(first) if rest is None else rest
    lines: list[str] = []
    for n, line in enumerate(text.split("\n")):
        start = first if n == 0 else rest
        if columns is None or len(start) + len(line) <= columns:
            lines.append(start + line)
            continue
        import textwrap  # only for a line that needs it: a command should not pay for it

        indent = line[: len(line) - len(line.lstrip())]
        hanging = indent + ("  " if line.lstrip().startswith("- ") else "")  # under the item
        lines += textwrap.wrap(
            line.strip(),
            width=columns,
            initial_indent=start + indent,
            subsequent_indent=rest + hanging,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return lines


def write(blocks: list[Block], stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    styled = use_colour(stream)
    for line in _lines(blocks, width(stream), styled):  # line by line: a long table streams
        stream.write(line + "\n")


def write_json(data: Any, stream: TextIO | None = None) -> None:
    """`data` as `json.dumps(data, ensure_ascii=False, indent=2)` and a newline, written piece
    by piece: an iterator in it (a generator of records) is written as an array while it is
    read, so a listing of any length takes the same memory (see render/jsonstream.py)."""
    from smcoach.render.jsonstream import chunks

    out = stream or sys.stdout
    for piece in chunks(data):
        out.write(piece)
    out.write("\n")


def _plain(cell: Cell) -> str:
    return one_line(cell.text if cell.plain is None else cell.plain)


# ANSI styles for the theme's names: a colour terminal gets them, plain output never does.
# (smcoach draws its own tables: Rich took 30-55 ms to import for every view.)
SGR = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34",
       "magenta": "35", "cyan": "36"}  # fmt: skip


def _paint(text: str, style: str | None, styled: bool) -> str:
    """`text` in a THEME style (or a style's own words, such as "bold") at a colour terminal."""
    if not styled or not text:
        return text
    codes = [SGR[word] for word in THEME.get(style or "", style or "").split() if word in SGR]
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if codes else text


def _lines(blocks: list[Block], columns: int | None, styled: bool) -> Iterator[str]:
    """The blocks laid out as lines: paragraphs wrapped between words at `columns` (None: kept
    whole), a table in columns when it fits, else stacked. `styled`: a colour terminal, which
    shows marks and bars and styles; plain output shows words instead (Cell.plain, Para.plain)
    and no escape codes."""
    for block in blocks:
        if isinstance(block, Para):
            text = block.text if styled or block.plain is None else block.plain
            if not styled and block.plain == "" and block.text:
                continue  # shown only on a colour terminal
            yield from (_paint(line, block.style, styled) for line in wrap(visible(text), columns))
            continue
        if block.title:
            title = wrap(one_line(block.title), columns)
            yield from (_paint(line, "bold", styled) for line in title)
        yield from _table(block, columns, styled)


def _table(block: Table, columns: int | None, styled: bool) -> Iterator[str]:
    """A table's lines: the widths first, then the lines. Rows in memory are made into text
    once, a distinct cell once (ten years of trends hold the same few cells again and again);
    rows from a source are read twice, so that a table of any length takes the same memory."""
    shown = (lambda c: one_line(c.text)) if styled else _plain
    if block.source is None:
        known: dict[Cell, str] = {}

        def text(cell: Cell) -> str:
            found = known.get(cell)
            if found is None:
                found = known[cell] = shown(cell)
            return found

        laid = [(row, [text(c) for c in row]) for row in block.rows]
    else:
        laid = None

    def texts() -> Iterable[tuple[list[Cell], list[str]]]:
        return laid if laid is not None else ((r, [shown(c) for c in r]) for r in block.each_row())

    widths = [len(h) for h in block.columns]
    for _, row_texts in texts():
        widths = list(map(max, widths, map(len, row_texts)))
    # a column with no heading and nothing to show (a bar, in plain output) is left out
    keep = [i for i, w in enumerate(widths) if w]

    def width_of(kept: list[int]) -> int:
        return sum(widths[i] for i in kept) + 2 * (len(kept) - 1)

    for left_out in block.optional:
        if columns is None or width_of(keep) <= columns:
            break
        narrower = [i for i in keep if i != left_out]
        if len(narrower) > 1:
            keep = narrower
    total = width_of(keep)
    if columns is not None and total > columns:
        keep = [i for i, w in enumerate(widths) if w]  # stacked: every column, one a line
        if len(keep) < len(block.columns):
            rows = block.each_row
            block = Table([block.columns[i] for i in keep], block.title, block.header,
                          source=lambda: ([row[i] for i in keep] for row in rows()))  # fmt: skip
        yield from _stacked(block, columns, styled)
        return
    if block.header:
        heads = [block.columns[i].ljust(widths[i]) for i in keep]
        yield _paint("  ".join(heads).rstrip(), "bold", styled)
        if styled:  # a rule under the headings, as a colour terminal's tables have
            yield _paint("─" * total, "dim", styled)
    for record, row_texts in texts():
        if styled:
            parts = [
                _paint(row_texts[i], record[i].style, True) + " " * (widths[i] - len(row_texts[i]))
                for i in keep
            ]
        else:
            parts = [row_texts[i].ljust(widths[i]) for i in keep]
        yield "  ".join(parts).rstrip()


Record = list[tuple[str, list[Cell]]]


def _records(table: Table, plain: bool) -> Iterator[Record]:
    """A table as records of (label, cells) for the stacked layout: a table with a header
    gives a record a row, labelled by the column headings (a column with no heading, such as a
    bar, goes on the line of the column before it); a "label: value" table is one record, its
    first column the labels. Cells with nothing to show are left out."""

    def shown(cell: Cell) -> bool:
        return bool(_plain(cell) if plain else cell.text)

    if not table.header:
        yield [(row[0].text, [c for c in row[1:] if shown(c)]) for row in table.each_row()]
        return
    for row in table.each_row():
        record: Record = []
        for label, cell in zip(table.columns, row, strict=True):
            if label or not record:
                record.append((label, []))
            if shown(cell):
                record[-1][1].append(cell)
        yield [(label, cells) for label, cells in record if cells]


def _label_width(record: Record, columns: int) -> int | None:
    """Where values start, when labels are aligned; None when the labels are too long for it
    (then each value follows its label)."""
    pad = max((len(one_line(label)) for label, _ in record), default=0) + 2  # "label: "
    return pad if pad <= columns // 3 else None


def _stacked(table: Table, columns: int, styled: bool) -> Iterator[str]:
    """A table too wide for the screen: one "label: value" line per cell, a blank line between
    records, so that no word or number is split across lines."""
    for n, record in enumerate(_records(table, plain=not styled)):
        if n:
            yield ""
        pad = _label_width(record, columns)
        for label, cells in record:
            head = f"{one_line(label)}: " if label else ""
            texts = [one_line(c.text) if styled else _plain(c) for c in cells]
            value = "  ".join(texts)
            if pad is None:
                wrapped = wrap(value, columns, first=head, rest="  ")
            else:
                wrapped = wrap(value, columns, first=head.ljust(pad), rest=" " * pad)
            if styled and head:  # the label in bold; the values as they are
                wrapped[0] = _paint(wrapped[0][: len(head)], "bold", True) + wrapped[0][len(head) :]
            yield from wrapped


def notice(text: str | Para, style: str | None = None) -> None:
    """A message for the person, not data: on stderr. If stderr cannot be written (a full
    disk), the notice is lost but the command is not failed: what it saved is saved."""
    with contextlib.suppress(OSError):
        write([text if isinstance(text, Para) else Para(text, style)], sys.stderr)
