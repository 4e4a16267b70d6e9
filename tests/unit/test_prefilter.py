"""The words a pattern cannot match without (smcoach.domain.prefilter), and the safety screen
that runs a pattern only on a text holding one of them: it must never miss what running every
pattern finds."""

import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smcoach import content
from smcoach.domain.prefilter import required
from smcoach.domain.screening import CATEGORIES, Screen

ROOT = Path(__file__).parents[2]
CORPORA = ROOT / "tests" / "corpora"
LANGUAGES = ("en", "es")


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bsuicid\w*", ["suicid"]),
        (r"\bself[\s-]?harm\w*", ["self"]),  # as long as "harm": the first
        (r"\b(kill|end)\s+my ?self\b", ["myself", "my self"][::-1]),
        (r"m[eé]dicos?", ["medico", "medicos", "médico", "médicos"]),
        (r"\b(chest|heart)\s+pain", ["chest", "heart"]),  # both five letters: fewer wins
        (r"(ab|cd)+xyz", ["xyz"]),
        (r"(abc|de)+", ["abc", "de"]),
        (r"\bwant(s|ed)?\s+to\s+die\b", ["want"]),
        (r"^\s*(to\s+)?(not|never)\s+wake\s+up", ["wake"]),
        (r"\bo\.?d\b", ["o.d", "od"]),
        (r"(?i)chest", None),  # case-insensitive: the text's case is not known
        (r"(?i:chest) pain", [" pain"]),
        (r"(a|\w+)x", ["x"]),  # a branch without words: the letter after it
        (r"(a|\w+)", None),
        (r"x*", None),
        (r".", None),
        (r"(?=chest)\w+", None),  # a look-ahead is not part of the match
        (r"(?<!no )pain", ["pain"]),
        (r"(?P<w>ab)c(?P=w)", ["ab"]),
    ],
)
def test_the_words_a_pattern_needs(pattern, words):
    assert required(pattern) == (sorted(words) if words is not None else None)


def test_a_pattern_the_parser_cannot_read_has_no_words():
    assert required("(unclosed") is None


def safety_patterns(language: str) -> list[str]:
    with open(ROOT / "content" / "safety" / f"{language}.toml", "rb") as f:
        data = tomllib.load(f)
    return [p for c in CATEGORIES for kind in ("patterns", "ignore") for p in data[c][kind]]


PATTERNS = [p for language in LANGUAGES for p in safety_patterns(language)]


@pytest.mark.parametrize("pattern", PATTERNS, ids=range(len(PATTERNS)))
def test_every_text_a_safety_pattern_matches_holds_one_of_its_words(pattern):
    """On texts generated from the pattern itself (hypothesis), then the same texts inside
    others: the words are a necessary condition."""
    words = required(pattern)
    assert words is not None, "each safety pattern should have words to look for"
    compiled = re.compile(pattern)

    @settings(max_examples=6, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(st.from_regex(compiled), st.text(max_size=5), st.text(max_size=5))
    def check(text: str, before: str, after: str) -> None:
        for candidate in (text, before + text + after):
            if compiled.search(candidate):
                assert any(w in candidate for w in words), (candidate, words)

    check()


def screen_without_words(language: str) -> Screen:
    return Screen(content._safety_lists(language))


def corpus_texts(language: str) -> list[str]:
    texts = []
    for path in sorted(CORPORA.glob(f"*.{language}.toml")):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for kind in ("text", "plan"):
            for entry in data.get(kind, []):
                texts += [v for v in entry.values() if isinstance(v, str)]
    if language == "en":
        for path in sorted(CORPORA.glob("review2_*.txt")):
            texts += path.read_text("utf-8").splitlines()
    return texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_screen_finds_what_running_every_pattern_finds(language):
    """Every labelled and everyday text of the corpora, screened with the words and without."""
    with_words, every = content.screen(language), screen_without_words(language)
    assert with_words.words is not None  # read from the compiled file
    texts = corpus_texts(language)
    assert len(texts) > 300
    for text in texts:
        assert with_words.categories(text) == every.categories(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PATTERNS[:40] + ["no", "not", "chest", "pain", "i", "want",
                                                   "to", "die", ",", "but", "overdose"]),
                max_size=12).map(" ".join))  # fmt: skip
def test_texts_made_of_pattern_pieces_screen_alike(text):
    assert content.screen("en").categories(text) == screen_without_words("en").categories(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_lists_are_made_from_the_lists_as_they_are(language):
    """content/safety/<language>.compiled.json, made by write_compiled_safety, is in step
    with the TOML file (a screen would otherwise fall back to compiling every pattern)."""
    made = (ROOT / "content" / "safety" / f"{language}.compiled.json").read_text("utf-8")
    assert made == content.compile_safety(language), (
        "run: python -c 'from smcoach.content import write_compiled_safety; "
        "write_compiled_safety()'"
    )


def test_a_stale_or_damaged_compiled_file_is_not_used(tmp_path, monkeypatch):
    """The TOML file changed since (its fingerprint differs), or the compiled file is damaged:
    the lists come from the TOML file, every pattern run."""
    safety = tmp_path / "safety"
    safety.mkdir()
    source = ROOT / "content" / "safety" / "en.toml"
    compiled = ROOT / "content" / "safety" / "en.compiled.json"
    (safety / "en.toml").write_bytes(source.read_bytes())
    monkeypatch.setattr(content, "content_folder", lambda: str(tmp_path))
    short = json.loads(compiled.read_text("utf-8"))
    short["words"]["crisis"]["patterns"].pop()  # a pattern without its words
    for damaged in ("", "{", '{"source": 1}', json.dumps(short)):
        (safety / "en.compiled.json").write_text(damaged, "utf-8")
        assert content._compiled_safety("en") is None, damaged[:20]
    (safety / "en.compiled.json").write_text(compiled.read_text("utf-8"), "utf-8")
    assert content._compiled_safety("en") is not None
    (safety / "en.toml").write_bytes(source.read_bytes() + b"\n# a reviewer's note\n")
    assert content._compiled_safety("en") is None
