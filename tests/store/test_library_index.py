"""The topic library's search index (store/library.py): an FTS5 table in a private cache file,
built when the topics change and only then, in memory when the cache cannot be written, and
safe from any words a person types."""

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach.content import topics, topics_fingerprint
from smcoach.store import library
from smcoach.store.library import match_query, search

FATIGUE = (Path(__file__).resolve().parents[2] / "content/topics/en/fatigue.md").read_text("utf-8")


def find(text: str) -> tuple[list[str], bool]:
    found, any_word = search("en", topics_fingerprint(), lambda: topics().values(), text)
    return [f.id for f in found], any_word


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "deep" / "cache"
    monkeypatch.setenv("SMCOACH_CACHE", str(folder))
    return folder


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A service's content folder, with a topics folder of its own."""
    folder = tmp_path / "service"
    (folder / "topics" / "en").mkdir(parents=True)
    monkeypatch.setenv("SMCOACH_CONTENT", str(folder))
    return folder / "topics" / "en"


def test_built_on_first_search_in_a_private_file(cache: Path) -> None:
    assert not cache.exists()
    assert find("tired")[0][0] == "fatigue"
    index = cache / "library-en.sqlite3"
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(cache.parent).st_mode) == 0o700  # each folder made
    assert stat.S_IMODE(os.stat(index).st_mode) == 0o600
    assert sorted(os.listdir(cache)) == ["library-en.sqlite3"]  # no temporary file left
    conn = sqlite3.connect(index)
    stored = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()[0]
    assert stored.endswith(topics_fingerprint())
    assert conn.execute("SELECT COUNT(*) FROM topics").fetchone()[0] == 16
    conn.close()


def test_not_built_again_while_the_topics_stay_the_same(cache: Path) -> None:
    find("sleep")
    index = cache / "library-en.sqlite3"
    before = os.stat(index)
    calls = []

    def loader():  # noqa: ANN202
        calls.append(1)
        return topics().values()

    found, _ = search("en", topics_fingerprint(), loader, "pain")
    assert found and calls == []
    after = os.stat(index)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_built_again_when_a_topic_file_changes(cache: Path, service: Path) -> None:
    assert find("hoover")[0] == []
    index = cache / "library-en.sqlite3"
    first = os.stat(index).st_ino
    (service / "fatigue.md").write_text(FATIGUE + "\nHoovering the stairs can wear you out.\n")
    from smcoach import content

    content._topics.cache_clear()  # as a new run would read them afresh
    assert find("hoover") == (["fatigue"], False)
    assert os.stat(index).st_ino != first  # a new file, moved into place
    # A new topic of the service's own is found too.
    (service / "allotment.md").write_text(
        FATIGUE.replace('id = "fatigue"', 'id = "allotment"').replace(
            'title = "Fatigue: when you feel tired all the time"', 'title = "Allotments"'
        )
    )
    content._topics.cache_clear()
    assert find("allotments")[0][0] == "allotment"


def test_a_new_shape_is_built_afresh(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    find("sleep")
    first = os.stat(cache / "library-en.sqlite3").st_ino
    monkeypatch.setattr(library, "SHAPE", "999")
    find("sleep")
    assert os.stat(cache / "library-en.sqlite3").st_ino != first


def test_a_damaged_cache_file_is_built_again(cache: Path) -> None:
    cache.mkdir(parents=True)
    (cache / "library-en.sqlite3").write_bytes(b"not a database at all" * 100)
    assert find("sleep")[0][0] == "sleep"
    conn = sqlite3.connect(cache / "library-en.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM topics").fetchone()[0] == 16
    conn.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_cache_falls_back_to_memory_silently(
    cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache.parent.mkdir(parents=True)
    cache.parent.chmod(0o500)
    try:
        assert find("tired")[0][0] == "fatigue"
        assert not cache.exists()
    finally:
        cache.parent.chmod(0o700)
    assert capsys.readouterr() == ("", "")


def test_read_only_file_system_falls_back_to_memory_silently(
    cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the test above, where it cannot run (root writes to read-only folders): no file
    can be made in the cache folder."""
    import errno
    import tempfile

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert find("tired")[0][0] == "fatigue"
    assert find("tired")[0][0] == "fatigue"  # and again: nothing was left half-made
    assert list(cache.iterdir()) == []
    assert capsys.readouterr() == ("", "")


def test_unwritable_cache_falls_back_to_memory_silently(
    cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Where a read-only folder cannot be had (root writes anywhere): the cache folder's
    place is taken by a file, so nothing can be made there."""
    cache.parent.mkdir(parents=True)
    cache.write_text("a file, not a folder")
    assert find("tired")[0][0] == "fatigue"
    assert cache.read_text() == "a file, not a folder"
    assert capsys.readouterr() == ("", "")


def test_all_words_first_then_any(cache: Path) -> None:
    ids, any_word = find("tired energy")
    assert not any_word and ids
    ids, any_word = find("knee zebra")  # no topic has both
    assert any_word and ids  # knees are in some topics
    assert find("zebra") == ([], False)  # one word: nothing to widen
    assert find("zebra giraffe") == ([], True)


def test_widening_leaves_out_words_most_topics_have(cache: Path) -> None:
    """ "in" and "the" are in every topic: taking any word would find them all."""
    ids, any_word = find("tired in the afternoon")
    assert any_word and ids[0] == "fatigue"
    assert (
        "afternoon" not in (Path(__file__).parents[2] / "content/topics/en/fatigue.md").read_text()
    )
    assert len(ids) < 12
    ids, _ = find("the and zebra")  # no telling word: the words found at all
    assert len(ids) == 16


def test_a_title_match_ranks_first(cache: Path) -> None:
    assert find("sleep")[0][0] == "sleep"  # "Sleeping better", though many topics say sleep
    assert find("medicines")[0][0] == "medicines"
    assert find("stress")[0][0] == "stress-and-relaxation"


def test_a_snippet_shows_where_the_body_matched(cache: Path) -> None:
    found, _ = search("en", topics_fingerprint(), lambda: topics().values(), "hoover")
    assert found == []
    found, _ = search("en", topics_fingerprint(), lambda: topics().values(), "laziness")
    assert [f.id for f in found] == ["fatigue"]
    snippet = found[0].snippet or ""
    assert "laziness" in snippet and "\x01" not in snippet and "\n" not in snippet
    assert "**" not in snippet and "](" not in snippet  # the body is indexed as plain text


@pytest.mark.parametrize(
    "text",
    ['"', '""', "*", "NEAR(", "NEAR(a b", "a OR", "OR", "AND", "NOT", "-x", "^a", "a:b",
     "title:sleep", "{title}: x", "(", ")", "'", "a'b", "\\", "%", "_", "\x00", "\u202e",
     "\ud83d\ude00", "日本語", "ＳＬＥＥＰ", "café", "x" * 10_000, "sleep " * 5_000, "a-b",
     "sleep*", "*sleep", "NEAR(sleep pain, 2)", "sleep AND", '"sleep', "sleep\"pain"],
)  # fmt: skip
def test_hostile_words_never_raise(cache: Path, text: str) -> None:
    try:
        search("en", topics_fingerprint(), lambda: topics().values(), text)
    except UnicodeEncodeError:
        pytest.skip("a lone surrogate: the command line refuses it before a search")


def test_the_query_quotes_each_word() -> None:
    assert match_query("knee pain") == '"knee" AND "pain"*'
    assert match_query("knee pain", any_word=True) == '"knee" OR "pain"*'
    assert match_query("at ok") == '"at" AND "ok"'  # a short last word is matched whole
    assert match_query('say "NEAR(x" OR y') == '"say" AND "NEAR" AND "x" AND "OR" AND "y"'
    assert match_query("  -- * ") is None
    assert match_query("") is None
    assert match_query("word " * 100).count('"word"') == library.MAX_WORDS


# Any text, and text made of FTS5's own syntax.
SYNTAX = [
    '"',
    "*",
    "(",
    ")",
    "NEAR",
    "OR",
    "AND",
    "NOT",
    "-",
    ":",
    "^",
    "{",
    "}",
    "+",
    " ",
    "sleep",
]
TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=60) | st.lists(
    st.sampled_from(SYNTAX), max_size=12
).map("".join)


@given(TEXT)
def test_any_text_makes_a_query_that_runs(text: str) -> None:
    query = match_query(text)
    if query is None:
        assert not any(c.isalnum() for c in text)
        return
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize = 'porter unicode61')")
    conn.execute("INSERT INTO t VALUES ('sleep and pain')")
    for q in (query, match_query(text, any_word=True), f"a : ({query})"):
        conn.execute("SELECT * FROM t WHERE t MATCH ?", (q,)).fetchall()
    conn.close()


@given(TEXT)
def test_any_text_searches_without_raising(text: str) -> None:
    found, _ = search("en", topics_fingerprint(), lambda: topics().values(), text)
    assert len(found) <= library.FOUND
