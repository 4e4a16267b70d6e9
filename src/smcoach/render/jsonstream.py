"""JSON written piece by piece, byte for byte as `json.dumps(value, ensure_ascii=False,
indent=2, sort_keys=...)` writes it whole.

An iterator (a generator of records, say) is written as an array, one item at a time, and
pieces are handed on every few thousand tokens: a listing or an export of any size is written
in the same memory. Values are the ones `json.dumps` takes without a `default`: dict, list,
tuple, str, int, float, bool and None. Faster than `json.dumps` with an indent (which falls
back to the pure-Python encoder), since strings are escaped by json's C function.
"""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring  # json's own C escaping, where it is built

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

INDENT = "  "
PIECES = 4096  # tokens held before a piece is handed on: tens of kilobytes


def chunks(value: Any, sort_keys: bool = False) -> Iterator[str]:
    """The text of `value` in pieces; joined, what json.dumps gives (no newline at the end)."""
    parts: list[str] = []
    yield from _stream(value, 0, sort_keys, parts)
    if parts:
        yield "".join(parts)


def _stream(value: Any, level: int, sort_keys: bool, parts: list[str]) -> Iterator[str]:
    """Dicts and iterators are gone through here, handing on what is held between items; an
    item of an iterator, and anything else, is encoded whole by `_encode`."""
    if isinstance(value, dict) and value:
        inner = "\n" + INDENT * (level + 1)
        opening = "{"
        for key, item in sorted(value.items()) if sort_keys else value.items():
            parts.append(f"{opening}{inner}{_key(key)}: ")
            opening = ","
            yield from _stream(item, level + 1, sort_keys, parts)
        parts.append("\n" + INDENT * level + "}")
    elif isinstance(value, Iterator):
        inner = "\n" + INDENT * (level + 1)
        opening = "["
        for item in value:
            parts.append(opening + inner)
            opening = ","
            _encode(item, level + 1, sort_keys, parts)
            if len(parts) >= PIECES:
                yield "".join(parts)
                parts.clear()
        parts.append("[]" if opening == "[" else "\n" + INDENT * level + "]")
    else:
        _encode(value, level, sort_keys, parts)


def _encode(value: Any, level: int, sort_keys: bool, parts: list[str]) -> None:
    """`value` onto `parts`, in the order of checks json's encoder makes. Strings, whole
    numbers and None inside a dict or a list are written on the spot (most values are)."""
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = "\n" + INDENT * (level + 1)
        opening = "{"
        for key, item in sorted(value.items()) if sort_keys else value.items():
            key_text = encode_basestring(key) if type(key) is str else _key(key)
            kind = type(item)
            if kind is str:
                parts.append(f"{opening}{inner}{key_text}: {encode_basestring(item)}")
            elif item is None:
                parts.append(f"{opening}{inner}{key_text}: null")
            elif kind is int:
                parts.append(f"{opening}{inner}{key_text}: {int.__repr__(item)}")
            else:
                parts.append(f"{opening}{inner}{key_text}: ")
                _encode(item, level + 1, sort_keys, parts)
            opening = ","
        parts.append("\n" + INDENT * level + "}")
    elif isinstance(value, list | tuple | Iterator):
        inner = "\n" + INDENT * (level + 1)
        opening = "["
        for item in value:
            parts.append(opening + inner)
            opening = ","
            _encode(item, level + 1, sort_keys, parts)
        parts.append("[]" if opening == "[" else "\n" + INDENT * level + "]")
    else:
        parts.append(_scalar(value))


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    """A key as json writes it: keys that are not strings become strings first."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True or key is False or key is None:
        return encode_basestring({True: "true", False: "false", None: "null"}[key])
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
