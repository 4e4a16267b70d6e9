"""A JSON document read from a binary file a piece at a time, for files too big to hold whole.

The outer levels (the document, the members of an object or the items of an array) are walked
here by hand, as far down as the caller asks; each value below that is decoded whole by json's
own decoder (`JSONDecoder.raw_decode`, in C) from a buffer of some 64 KiB. So a file of any
size is read in the memory of its largest value (in an export, its largest record).

What is accepted, and each error raised (json.JSONDecodeError with json's message, position,
line and column), are what json.loads gives for the whole file decoded as UTF-8; bytes that
are not UTF-8 raise UnicodeDecodeError where they are met. Only the error's `doc` differs:
the document is never held whole, so it is "".
"""

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, NamedTuple

CHUNK = 1 << 16  # bytes read at a time
NOT_WHITESPACE = re.compile(r"[^ \t\n\r]")  # what json counts as whitespace
# Between two items or members: a comma, and the next one already held (not a closing
# bracket, which json may call a trailing comma).
BETWEEN = re.compile(r"[ \t\n\r]*,[ \t\n\r]*(?=[^ \t\n\r\]}])")
# Given a buffer that stops inside a value, raw_decode fails (or, in a number, stops) within
# this many characters of the buffer's end: '-Infinit', '\ud83d\ude0' cut short. An error
# further back than that would be there whatever followed; one nearer is tried again with
# more text. (An unterminated string is the exception: its error points at its start.)
NEAR_END = 16


def _names_trailing_commas() -> bool:
    """Whether json calls '[0,]' an 'Illegal trailing comma' at the comma (Python 3.13 on)
    rather than expecting a value after it."""
    try:
        json.loads("[0,]")
    except json.JSONDecodeError as e:
        return e.pos == 2
    return False


TRAILING_COMMAS = _names_trailing_commas()


class Mark(NamedTuple):
    """A place in the document, to come back to with `Reader.seek`."""

    byte: int  # offset in the file
    char: int  # index in the text
    lines: int  # newlines before it
    line_start: int  # index in the text where its line starts


class Reader:
    """Walks a JSON document. At an object, `members` gives each key and leaves the reader at
    its value; at an array, `items` stops at each item (`values` decodes each); the caller
    reads each value (with `value`, `skip`, `members` or `items`) before asking for the next.
    `end` checks that nothing follows the document; `tell` and `seek` go back to a value."""

    def __init__(self, file: BinaryIO, chunk: int = CHUNK) -> None:
        self._file = file
        self._chunk = chunk
        # raw_decode without its wrapping: set by JSONDecoder, but not in its stubs
        self._scan: Callable[[str, int], tuple[Any, int]]
        self._scan = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
        self._reset(Mark(file.tell(), 0, 0, 0))

    def _reset(self, at: Mark) -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._buf = ""  # the text held; what is before _pos is done with
        self._pos = 0
        self._at = at  # where _buf starts
        self._eof = False

    def tell(self) -> Mark:
        """Where the reader is (after `peek`: at the next value)."""
        return self._after(self._buf[: self._pos])

    def seek(self, mark: Mark) -> None:
        """Go back (or on) to a place `tell` gave."""
        self._file.seek(mark.byte)
        self._reset(mark)

    def _after(self, done: str) -> Mark:
        """The place just after `done`, text that starts where _buf does."""
        at = self._at
        newline = done.rfind("\n")
        return Mark(
            at.byte + len(done.encode("utf-8")),  # decoded UTF-8 encodes back to the same bytes
            at.char + len(done),
            at.lines + done.count("\n"),
            at.line_start if newline < 0 else at.char + newline + 1,
        )

    def _more(self, least: int = 1) -> bool:
        """Drop the text before _pos (so _pos becomes 0, even when nothing more is read) and
        read on, until at least `least` more characters are held or the file ends. False if
        nothing more was read."""
        if self._eof:
            return False
        if self._pos:
            self._at = self._after(self._buf[: self._pos])
        pieces = [self._buf[self._pos :]]
        got = 0
        while got < least:
            data = self._file.read(self._chunk)
            text = self._utf8.decode(data, final=not data)  # holds a character cut in two
            pieces.append(text)
            got += len(text)
            if not data:
                self._eof = True
                break
        self._buf, self._pos = "".join(pieces), 0
        if self._at.char == 0 and self._buf.startswith("\ufeff"):
            raise self._error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
        return got > 0

    def _error(self, msg: str, i: int) -> json.JSONDecodeError:
        """json's error for the document at _buf[i]."""
        at, buf = self._at, self._buf
        pos = at.char + i
        newline = buf.rfind("\n", 0, i)
        lineno = at.lines + buf.count("\n", 0, i) + 1
        colno = i - newline if newline >= 0 else pos - at.line_start + 1
        error = json.JSONDecodeError(msg, "", 0)
        error.pos, error.lineno, error.colno = pos, lineno, colno
        error.args = (f"{msg}: line {lineno} column {colno} (char {pos})",)
        return error

    def _skip(self, i: int) -> int:
        """The index in _buf of the first character at or after `i` that is not whitespace,
        reading on as need be: len(_buf) at the end of the file. The text from _pos on is
        kept (only what is before it may be dropped)."""
        while True:
            found = NOT_WHITESPACE.search(self._buf, i)
            if found:
                return found.start()
            ahead = len(self._buf) - self._pos
            more = self._more()
            i = self._pos + ahead
            if not more:
                return i

    def peek(self) -> str:
        """Move past whitespace; the character there ('' at the end of the file)."""
        self._pos = self._skip(self._pos)
        return self._buf[self._pos : self._pos + 1]

    def value(self) -> Any:
        """The value here, decoded whole (an object or array with everything in it)."""
        self.peek()
        return self._here()

    def _here(self) -> Any:
        """The value at _pos, which is not whitespace, decoded whole."""
        while True:
            buf = self._buf
            try:
                value, end = self._scan(buf, self._pos)
            except StopIteration as stop:  # as JSONDecoder.raw_decode turns it
                msg, at = "Expecting value", int(stop.value)
            except json.JSONDecodeError as e:
                msg, at = e.msg, e.pos
            else:
                if end <= len(buf) - NEAR_END or self._eof:
                    self._pos = end
                    return value
                # Near the end of what is held, a number may go on: '12' of '12.5'.
                msg, at = "", end
            cut = msg.startswith("Unterminated string") or at > len(buf) - NEAR_END
            if self._eof or not cut:
                raise self._error(msg, at)
            # Read on, at least doubling what is held: a value longer than a chunk is
            # decoded again a few times, not once a chunk.
            self._more(len(buf) - self._pos)

    def members(self) -> Iterator[str]:
        """At an object: each member's key, the reader left at its value for the caller."""
        self._open("{")
        if self.peek() == "}":
            self._pos += 1
            return
        while True:
            if self._buf[self._pos : self._pos + 1] != '"':
                raise self._error("Expecting property name enclosed in double quotes", self._pos)
            key = self.value()  # a string: json's own errors for a bad one
            if self.peek() != ":":
                raise self._error("Expecting ':' delimiter", self._pos)
            self._pos += 1
            yield key
            if self._next("}", "object"):
                return

    def items(self) -> Iterator[None]:
        """At an array: stops at each item, for the caller to read."""
        self._open("[")
        if self.peek() == "]":
            self._pos += 1
            return
        while True:
            yield
            if self._next("]", "array"):
                return

    def values(self) -> Iterator[Any]:
        """At an array: each item, decoded whole."""
        self._open("[")
        if self.peek() == "]":
            self._pos += 1
            return
        while True:
            yield self._here()
            if self._next("]", "array"):
                return

    def skip(self) -> None:
        """Read past the value here, holding no more than one member or item of it at once."""
        c = self.peek()
        if c == "{":
            for _ in self.members():
                self.value()
        elif c == "[":
            for _ in self.items():
                self.value()
        else:
            self.value()

    def end(self) -> None:
        """After the document: nothing but whitespace may follow."""
        if self.peek():
            raise self._error("Extra data", self._pos)

    def _open(self, bracket: str) -> None:
        if self.peek() != bracket:  # the caller looked first: only a file changed under us
            raise self._error(f"Expecting '{bracket}'", self._pos)
        self._pos += 1

    def _next(self, closing: str, what: str) -> bool:
        """After a member or item: True at the closing bracket (moved past it), False after a
        comma (at what follows it)."""
        between = BETWEEN.match(self._buf, self._pos)
        if between:  # the common case, at once
            self._pos = between.end()
            return False
        c = self.peek()
        if c == closing:
            self._pos += 1
            return True
        if c != ",":
            raise self._error("Expecting ',' delimiter", self._pos)
        after = self._skip(self._pos + 1)  # _pos stays at the comma, which the error names
        if TRAILING_COMMAS and self._buf[after : after + 1] == closing:
            raise self._error(f"Illegal trailing comma before end of {what}", self._pos)
        self._pos = after
        return False
