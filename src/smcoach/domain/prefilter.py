"""Which words a regular expression cannot match without: so that a pattern is compiled and
run only on a text that holds one of them.

The safety screen has a few hundred patterns, and compiling them all took 70-160 ms, more than
the rest of a command. Each pattern's `required` words are worked out once from the pattern
itself (by Python's own parser of regular expressions) and kept with the phrase lists (see
smcoach.content.screen); a text that holds none of a pattern's words cannot match it, so that
pattern is neither compiled nor run. The words are a necessary condition only: a text that
holds one is still matched by the pattern itself.

It errs one way only. Whatever it cannot be sure of (a part it does not know, case-insensitive
flags, a parser that differs from the one this was written for) gives None: no words, and the
pattern is always run. Tests check, on many texts generated from each pattern, that every text
the pattern matches holds one of its words.
"""

from __future__ import annotations

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

try:  # Python's own parser of regular expressions (3.11 on; sre_parse before)
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python's internals: every pattern runs
    sre = _parser = None

# The most spellings a run of letters may stand for ("m[eé]dicos?" is four).
MOST_SPELLINGS = 16

Words = frozenset[str]


def required(pattern: str) -> list[str] | None:
    """Strings one of which every match of `pattern` holds (sorted, for keeping); None when
    there are none to rely on."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_LOCALE):
            return None
        found = _sequence(parsed)
    except Exception:  # a parser unlike the one this was written for: no words
        return None
    return sorted(found) if found else None


def _sequence(items: Any) -> Words | None:
    """The best words for a sequence: a match of it matches each of its items, so any item's
    words will do; letters next to each other make longer words, which are rarer."""
    candidates: list[Words] = []
    run: set[str] = {""}  # the spellings the letters read so far may have

    def close() -> None:
        nonlocal run
        if all(run):  # every spelling has a letter at least
            candidates.append(frozenset(run))
        run = {""}

    for op, value in items:
        if op is sre.LITERAL:
            run = {r + chr(value) for r in run}
        elif op is sre.AT:
            continue  # \b, ^, $: no letter is taken, the letters around it stay together
        elif (letters := _letters(op, value)) is not None and (
            len(run) * len(letters) <= MOST_SPELLINGS
        ):
            run = {r + letter for r in run for letter in letters}
        else:
            close()
            words = _item(op, value)
            if words is not None:
                candidates.append(words)
    close()
    return max(candidates, key=_selective, default=None)


def _repeats() -> tuple[Any, ...]:
    return (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))


def _letters(op: Any, value: Any) -> set[str] | None:
    """What a small class ([eé]) or an optional letter (s?) adds to a run of letters: each of
    its letters, and "" when it may be left out. None for anything else."""
    if op is sre.IN:
        return _class(value)
    if op in _repeats():
        low, high, inner = value
        if low == 0 and high == 1 and len(inner) == 1:
            ((inner_op, inner_value),) = inner
            if inner_op is sre.LITERAL:
                return {chr(inner_value), ""}
            if inner_op is sre.IN:
                letters = _class(inner_value)
                return None if letters is None else letters | {""}
    return None


def _class(members: Any) -> set[str] | None:
    """The letters of a class that lists a few letters only ([eé], [sz])."""
    letters = set()
    for op, value in members:
        if op is not sre.LITERAL:
            return None
        letters.add(chr(value))
    return letters if 0 < len(letters) <= 4 else None


def _item(op: Any, value: Any) -> Words | None:
    if op is sre.SUBPATTERN:
        _, add_flags, _, inner = value
        if add_flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_LOCALE):
            return None
        return _sequence(inner)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(value)
    if op is sre.BRANCH:
        words: set[str] = set()
        for branch in value[1]:
            found = _sequence(branch)
            if found is None:  # a way to match without any of the words
                return None
            words |= found
        return frozenset(words)
    if op in _repeats():
        low, _, inner = value
        return _sequence(inner) if low >= 1 else None
    return None  # anything else (., wide classes, look-arounds, back-references): no words


def _selective(words: Words) -> tuple[int, int]:
    """Longer words are rarer in a text; of the same length, fewer are better."""
    return min(len(w) for w in words), -len(words)
