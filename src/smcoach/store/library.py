"""The topic library's search index: an SQLite FTS5 table of the topics (content/topics/),
kept in a cache file of its own, never in the person's database: the library is not their
data, and can always be built again.

The file, library-<language>.sqlite3, lives in smcoach's cache folder (see store/cache.py:
private, built again in a temporary file when the topic files change, in memory when the cache
cannot be written). Its fingerprint is that of the topic files (see
smcoach.content.topics_fingerprint).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable

from smcoach.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from smcoach.domain.library import Topic

SHAPE = "1"  # the index's shape: a new shape is built afresh, whatever the fingerprint says
MAX_WORDS = 16  # more words than anyone searches with; the rest are left out
FOUND = 20

# Title first, then tags, then summary, then body: the weights of bm25 (id is not searched).
_WEIGHTS = "0.0, 10.0, 5.0, 2.0, 1.0"
_HIT_START, _HIT_END = "\x01", "\x02"  # where the words matched, in a snippet
_TOKEN = re.compile(r"[^\W_]+")  # words as FTS5's unicode61 tokenizer finds them, near enough


class Found(NamedTuple):
    id: str
    title: str
    summary: str
    snippet: str | None  # the words around a match in the body, or None (no match there)


def index_path(language: str) -> str:
    from smcoach.store.cache import cache_folder

    return os.path.join(cache_folder(), f"library-{language}.sqlite3")


def match_terms(text: str) -> list[str]:
    """The words of `text` as FTS5 query terms that no text can make fail: each quoted as an
    FTS5 string; the last, if three letters or more, matched as the start of a word too
    ("breath" finds "breathless")."""
    words = _TOKEN.findall(text)[:MAX_WORDS]
    terms = ['"' + word.replace('"', '""') + '"' for word in words]
    if words and len(words[-1]) >= 3:
        terms[-1] += "*"
    return terms


def match_query(text: str, any_word: bool = False) -> str | None:
    """An FTS5 query for every word of `text` (with `any_word`: any of them); None for none."""
    terms = match_terms(text)
    return (" OR " if any_word else " AND ").join(terms) or None


def search(
    language: str,
    fingerprint: str,
    topics: Callable[[], Iterable[Topic]],
    text: str,
) -> tuple[list[Found], bool]:
    """The topics that hold every word of `text`, best first; if none does, those that hold
    any of its telling words (see `_telling`). Returns them, and whether it took any word.
    Topics whose title holds the words come first, then those whose tags do, then the rest
    by bm25.

    `topics` gives the topics, and is called only when the index must be built: when the
    fingerprint of the topic files differs from the one the index was built from."""
    terms = match_terms(text)
    if not terms:
        return [], False
    conn = _index(language, SHAPE + "\n" + fingerprint, topics)
    try:
        try:
            found = _query(conn, " AND ".join(terms))
        except sqlite3.DatabaseError:  # a damaged cache file: built again, in memory
            conn.close()
            with contextlib.suppress(OSError):
                os.remove(index_path(language))
            conn = _memory(SHAPE + "\n" + fingerprint, topics())
            found = _query(conn, " AND ".join(terms))
        if found or len(terms) < 2:
            return found, False
        telling = _telling(conn, terms)
        return (_query(conn, " OR ".join(telling)) if telling else []), True
    finally:
        conn.close()


def _telling(conn: sqlite3.Connection, terms: list[str]) -> list[str]:
    """The terms that tell topics apart: those found in some topics but not in more than half
    (as bm25 weighs words: "the" and "in" say nothing); if there are none, those found at all."""
    total = conn.execute("SELECT COUNT(*) FROM topics").fetchone()[0]
    counts = [
        (
            term,
            conn.execute("SELECT COUNT(*) FROM topics WHERE topics MATCH ?", (term,)).fetchone()[0],
        )
        for term in terms
    ]
    telling = [term for term, n in counts if 0 < n <= total / 2]
    return telling or [term for term, n in counts if n]


def _query(conn: sqlite3.Connection, query: str) -> list[Found]:
    rows = conn.execute(
        f"""
        SELECT id, title, summary, snippet(topics, 4, char(1), char(2), '…', 12),
               rowid IN (SELECT rowid FROM topics WHERE topics MATCH :in_title),
               rowid IN (SELECT rowid FROM topics WHERE topics MATCH :in_tags)
        FROM topics
        WHERE topics MATCH :query
        ORDER BY 5 DESC, 6 DESC, bm25(topics, {_WEIGHTS}), id
        LIMIT {FOUND}
        """,
        {"query": query, "in_title": f"title : ({query})", "in_tags": f"tags : ({query})"},
    ).fetchall()
    return [Found(row[0], row[1], row[2], _snippet(row[3])) for row in rows]


def _snippet(text: str | None) -> str | None:
    if not text or _HIT_START not in text:  # the words matched elsewhere, not in the body
        return None
    text = text.replace(_HIT_START, "").replace(_HIT_END, "")
    # The body's headings, items and paragraphs are lines: kept apart, on one line.
    return " … ".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


# --- the index (in the cache folder: see store/cache.py) ---------------------------------------


def _index(
    language: str, fingerprint: str, topics: Callable[[], Iterable[Topic]]
) -> sqlite3.Connection:
    """The index for these topic files: the cache file if it was built from them, else built
    afresh into the cache file, else (the cache cannot be written) in memory."""
    from smcoach.store import cache

    path = index_path(language)
    conn = cache.current(path, fingerprint)
    if conn is not None:
        return conn
    found = list(topics())
    return cache.build(path, fingerprint, lambda conn: _fill(conn, found))


def _memory(fingerprint: str, topics: Iterable[Topic]) -> sqlite3.Connection:
    from smcoach.store import cache

    return cache.in_memory(fingerprint, lambda conn: _fill(conn, topics))


def _fill(conn: sqlite3.Connection, topics: Iterable[Topic]) -> None:
    from smcoach.domain.library import plain_text

    conn.execute(
        """CREATE VIRTUAL TABLE topics USING fts5(
            id UNINDEXED, title, tags, summary, body,
            tokenize = 'porter unicode61 remove_diacritics 2'
        )"""
    )
    conn.executemany(
        "INSERT INTO topics (id, title, tags, summary, body) VALUES (?, ?, ?, ?, ?)",
        [(t.id, t.title, " ".join(t.tags), t.summary, plain_text(t.body)) for t in topics],
    )
