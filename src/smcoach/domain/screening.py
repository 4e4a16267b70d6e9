"""Screening what people type for words that suggest they may need help now.

Pure: the phrase lists come from content/safety/<language>.toml (loaded by smcoach.content)
and are only compiled here. A match never blocks anything and never says what is wrong with
anyone; the command line shows how to get help now, and the coaching beside the text is held
back (see smcoach.domain.coach and the problem-solving flow).
"""

import re
from functools import cached_property
from typing import Any

# In the order their help is shown: the most urgent first.
CATEGORIES = ("crisis", "overdose", "urgent")
# Thoughts of suicide or self-harm, or of taking too much of a medicine.
HARM = frozenset({"crisis", "overdose"})

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "`": "'"})
NEGATION_REACH = 60  # characters before a match that a negation may stand in
_CLAUSE_END = re.compile(r"\.(?![0-9])|[,;:!?\n]|\bbut\b")


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


def _compiled(patterns: list[str]) -> list[re.Pattern[str]]:
    # Written in lower case for lower-cased text: IGNORECASE would double the time to compile.
    return [re.compile(p) for p in patterns]


class Screen:
    """Compiled phrase lists: `categories(text)` says which kinds of help the text calls for."""

    def __init__(self, lists: dict[str, Any]):
        self.lists = lists  # compiled on first use: a command that screens nothing pays nothing

    @cached_property
    def negation(self) -> re.Pattern[str]:
        return re.compile(self.lists["negations"])

    @cached_property
    def patterns(self) -> dict[str, list[re.Pattern[str]]]:
        return {c: _compiled(self.lists[c]["patterns"]) for c in CATEGORIES}

    @cached_property
    def ignore(self) -> dict[str, list[re.Pattern[str]]]:
        return {c: _compiled(self.lists[c]["ignore"]) for c in CATEGORIES}

    def categories(self, text: str) -> tuple[str, ...]:
        """The categories (in CATEGORIES order) with a match that is neither covered by one of
        that category's `ignore` patterns nor negated just before it in the same clause."""
        s = normalise(text)
        if not s:
            return ()
        return tuple(c for c in CATEGORIES if self._matches(c, s))

    def _matches(self, category: str, s: str) -> bool:
        ignored = [m.span() for p in self.ignore[category] for m in p.finditer(s)]
        for pattern in self.patterns[category]:
            for m in pattern.finditer(s):
                if any(a < m.end() and m.start() < b for a, b in ignored):  # they overlap
                    continue
                if self.negated(s, m.start()):
                    continue
                return True
        return False

    def negated(self, s: str, start: int) -> bool:
        """A negation ('no', 'not', 'never', …) in the same clause, just before the match."""
        before = s[max(0, start - NEGATION_REACH) : start]  # bounded: long texts stay fast
        clause = _CLAUSE_END.split(before)[-1]
        return bool(self.negation.search(clause))
