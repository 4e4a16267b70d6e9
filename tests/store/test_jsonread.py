"""The JSON reader that `smcoach import` reads an export with, a piece at a time: for any
document, and any size of piece, it gives what json.loads gives, and the same error."""

import io
import json
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from smcoach.store.jsonread import Reader

CHUNKS = st.sampled_from([1, 2, 3, 4, 5, 7, 11, 16, 64, 1 << 16])

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)  # NaN is not equal to itself; infinities are kept
    | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
records = st.dictionaries(st.text(max_size=8), values, max_size=5)
exports = st.fixed_dictionaries(
    {
        "format": st.just("smcoach-export"),
        "schema": st.integers(1, 20),
        "tables": st.dictionaries(
            st.sampled_from(["agenda", "checkins", "plans", "x"]), st.lists(records, max_size=5)
        ),
    },
    optional={"format_version": st.integers(), "smcoach": st.text(), "extra": values},
)
documents = exports | values  # a document of another shape is read as well


@st.composite
def texts(draw: st.DrawFn, documents: st.SearchStrategy[Any] = documents) -> str:
    """A document as JSON, written in one of several ways."""
    value = draw(documents)
    indent = draw(st.sampled_from([None, 0, 2, "\t"]))
    separators = draw(st.sampled_from([None, (",", ":"), (" ,\r\n", " :  ")]))
    text = json.dumps(value, indent=indent, separators=separators, ensure_ascii=draw(st.booleans()))
    return draw(st.sampled_from(["", " ", "\n\t "])) + text + draw(st.sampled_from(["", "\n"]))


def walk(reader: Reader, depth: int = 0) -> Any:
    """The document through the reader: objects and arrays walked two levels down, as an
    import walks an export, and decoded whole below that."""
    c = reader.peek()
    if depth < 2 and c == "{":
        return {key: walk(reader, depth + 1) for key in reader.members()}
    if depth < 2 and c == "[":
        return [walk(reader, depth + 1) for _ in reader.items()]
    return reader.value()


def read(text: str, chunk: int) -> Any:
    reader = Reader(io.BytesIO(text.encode("utf-8")), chunk)
    document = walk(reader)
    reader.end()
    return document


def outcome(how: Any, text: str) -> tuple[Any, ...]:
    try:
        return ("read", how(text))
    except json.JSONDecodeError as e:
        return ("refused", e.msg, e.pos, e.lineno, e.colno, str(e))


@settings(max_examples=200, deadline=None)
@given(texts(), CHUNKS)
def test_reads_what_json_loads_reads(text, chunk):
    assert read(text, chunk) == json.loads(text)


@settings(max_examples=200, deadline=None)
@given(texts(), CHUNKS, st.data())
def test_a_document_cut_short_is_refused_as_json_loads_refuses_it(text, chunk, data):
    cut = text[: data.draw(st.integers(0, len(text)))]
    assume(cut.strip() != text.strip())
    expected = outcome(json.loads, cut)
    if text.lstrip()[:1] in ("{", "["):  # a number cut short may still be one
        assert expected[0] == "refused"
    assert outcome(lambda s: read(s, chunk), cut) == expected


@settings(max_examples=200, deadline=None)
@given(texts(), CHUNKS, st.data())
def test_a_changed_document_is_read_or_refused_as_json_loads_does(text, chunk, data):
    """Characters put in, taken out or added at the end: trailing garbage, stray brackets
    and commas, a key without a value, a broken escape."""
    at = data.draw(st.integers(0, len(text)))
    gone = data.draw(st.integers(0, 3))
    put = data.draw(st.text(alphabet=' \n,:[]{}"\\u0aeE.-+1tfn\U0001f600', max_size=3))
    changed = text[:at] + put + text[at + gone :]
    assert outcome(lambda s: read(s, chunk), changed) == outcome(json.loads, changed)


@pytest.mark.parametrize(
    "text",
    ["", " ", "{", "[", "}", "[1,]", '{"a":1,}', '{"a" 1}', '{"a":}', "{1:2}", "[1 2]",
     '{"a":1}x', "[] []", "\ufeff{}", "nul", "-", "1.", '"\\ud83d\\ude0', "[-Infinit]",
     '{"tables": {"agenda": [{"id": 1}, {"id": 2}] }, "format": "x"}  , ', "[" * 50],
)  # fmt: skip
@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 16])
def test_edges_are_what_json_loads_gives(text, chunk):
    assert outcome(lambda s: read(s, chunk), text) == outcome(json.loads, text)


@settings(max_examples=100, deadline=None)
@given(texts(exports), CHUNKS)
def test_a_table_is_read_again_from_where_it_started(text, chunk):
    reader = Reader(io.BytesIO(text.encode("utf-8")), chunk)
    marks = {}
    for key in reader.members():
        if key != "tables":
            reader.skip()
            continue
        for table in reader.members():
            reader.peek()
            marks[table] = reader.tell()
            reader.skip()
    reader.end()
    tables = json.loads(text)["tables"]
    for table in reversed(list(marks)):
        reader.seek(marks[table])
        assert list(reader.values()) == tables[table]


def test_bytes_that_are_not_utf8_are_refused():
    for bad in (b'{"a": "\xff"}', b'["\xe2\x82"]', b'"\xe2\x82'):
        for chunk in (1, 2, 64):
            with pytest.raises(UnicodeDecodeError):
                read_bytes(bad, chunk)


def test_a_value_longer_than_many_pieces_is_read_in_few_tries():
    text = json.dumps(["x" * 200_000, 12345678901234567890, {"k": "é" * 50_000}])
    reads = []

    class Counted(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            reads.append(size)
            return super().read(size)

    reader = Reader(Counted(text.encode("utf-8")), 1024)
    assert list(reader.values()) == json.loads(text)
    assert max(r for r in reads if r is not None) == 1024
    assert len(reads) < len(text.encode("utf-8")) // 1024 + 10


def read_bytes(raw: bytes, chunk: int) -> Any:
    reader = Reader(io.BytesIO(raw), chunk)
    document = walk(reader)
    reader.end()
    return document
