"""Screening what people type for words that suggest they may need help now.

Pure: the phrase lists come from content/safety/<language>.toml (loaded by smcoach.content)
and are only compiled here. A match never blocks anything and never says what is wrong with
anyone; the command line shows how to get help now, and the coaching beside the text is held
back (see smcoach.domain.coach and the problem-solving flow).
"""

from __future__ import annotations

import re
from functools import cached_property

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    # For each category, for its "patterns" and its "ignore" patterns, each pattern's words.
    Words = dict[str, dict[str, list[list[str] | None]]]

# In the order their help is shown: the most urgent first.
CATEGORIES = ("crisis", "overdose", "urgent")
# Thoughts of suicide or self-harm, or of taking too much of a medicine.
HARM = frozenset({"crisis", "overdose"})

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "`": "'"})
NEGATION_REACH = 60  # characters before a match that a negation may stand in
_CLAUSE_END = r"\.(?![0-9])|[,;:!?\n]|\bbut\b"  # compiled (and cached by re) when needed


def normalise(text: str) -> str:
    """Lower case, straight quotes, composed accents, one space between words: what the
    patterns are written for."""
    if not text.isascii():
        # An accent typed or pasted as a separate mark ("e" + U+0301) reads as the one letter
        # ("é") the patterns are written with. Accents are not folded away: the Spanish lists
        # accept both spellings ("m[eé]dico"). ASCII text, most English, is left as it is.
        import unicodedata

        text = unicodedata.normalize("NFC", text)
    return " ".join(text.translate(_QUOTES).lower().split())


class Screen:
    """Compiled phrase lists: `categories(text)` says which kinds of help the text calls for.

    `words` gives, for each category's patterns and ignore patterns, the words each pattern
    cannot match without (smcoach.domain.prefilter; None for a pattern: always run). A pattern
    is compiled the first time a text holds one of its words: a command screens a few short
    texts, and compiling every pattern took longer than the rest of it."""

    def __init__(self, lists: dict[str, Any], words: Words | None = None):
        self.lists = lists
        self.words = words
        self._compiled: dict[str, re.Pattern[str]] = {}

    @cached_property
    def negation(self) -> re.Pattern[str]:
        return re.compile(self.lists["negations"])

    def _candidates(self, category: str, kind: str, s: str) -> Iterator[re.Pattern[str]]:
        """The category's patterns (or ignore patterns) that `s` may match, compiled."""
        sources = self.lists[category][kind]
        needs = self.words[category][kind] if self.words is not None else [None] * len(sources)
        for source, needed in zip(sources, needs, strict=True):
            if needed is not None and not any(word in s for word in needed):
                continue  # it cannot match without one of these words
            pattern = self._compiled.get(source)
            if pattern is None:
                # Written in lower case for lower-cased text: IGNORECASE would double the time
                # to compile.
                pattern = self._compiled[source] = re.compile(source)
            yield pattern

    def categories(self, text: str) -> tuple[str, ...]:
        """The categories (in CATEGORIES order) with a match that is neither covered by one of
        that category's `ignore` patterns nor negated just before it in the same clause."""
        s = normalise(text)
        if not s:
            return ()
        return tuple(c for c in CATEGORIES if self._matches(c, s))

    def _matches(self, category: str, s: str) -> bool:
        ignored: list[tuple[int, int]] | None = None  # looked for once a match is found
        for pattern in self._candidates(category, "patterns", s):
            for m in pattern.finditer(s):
                if ignored is None:
                    ignored = [
                        found.span()
                        for p in self._candidates(category, "ignore", s)
                        for found in p.finditer(s)
                    ]
                if any(a < m.end() and m.start() < b for a, b in ignored):  # they overlap
                    continue
                if self.negated(s, m.start()):
                    continue
                return True
        return False

    def negated(self, s: str, start: int) -> bool:
        """A negation ('no', 'not', 'never', …) in the same clause, just before the match."""
        before = s[max(0, start - NEGATION_REACH) : start]  # bounded: long texts stay fast
        clause = re.split(_CLAUSE_END, before)[-1]
        return bool(self.negation.search(clause))


class Screens:
    """A text screened with every language's lists, the person's own first: a person may
    write in a language smcoach was not told of (a Spanish speaker who has not switched
    smcoach to Spanish), and a word that calls for help must not be missed for that. What
    they find is put together; a negation is read in the person's own language."""

    def __init__(self, screens: list[Screen]):
        self.screens = screens

    def categories(self, text: str) -> tuple[str, ...]:
        found = {c for screen in self.screens for c in screen.categories(text)}
        return tuple(c for c in CATEGORIES if c in found)

    def negated(self, s: str, start: int) -> bool:
        return self.screens[0].negated(s, start)
