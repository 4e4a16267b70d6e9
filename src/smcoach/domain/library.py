"""The topic library: short pages on living well with a long-term condition.

Each topic is content/topics/<language>/<id>.md: Markdown with TOML front matter between `+++`
lines, as Hugo writes it:

    +++
    id = "fatigue"                      # the file's stem: lowercase words joined by hyphens
    title = "Fatigue"
    tags = ["tired", "fatigue"]         # lowercase single words, matched against a person's
                                        # agenda items, goals, plans and problems
    summary = "One sentence."
    sources = ["NHS. Tiredness and fatigue. https://..."]
    reviewed = 2026-11-30               # a TOML date
    related = ["sleep"]                 # optional: ids of other topics
    +++

Links to other topics are written `[text](topic:ID)`.

Pure: this module checks text; reading the files is the caller's job.
"""

import re
import tomllib
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, NamedTuple

FENCE = "+++"
REQUIRED = ("id", "title", "tags", "summary", "sources", "reviewed")
OPTIONAL = ("related",)

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TAG = re.compile(r"[a-z]+")
_LINK = re.compile(r"\[([^\]]*)\]\(topic:([^)\s]*)\)")

Bad = Callable[[str], ValueError]  # makes the error for a problem, naming the file


class Topic(NamedTuple):
    id: str
    title: str
    tags: tuple[str, ...]
    summary: str
    sources: tuple[str, ...]
    reviewed: date
    related: tuple[str, ...]
    body: str  # Markdown, after the front matter


def parse_topic(text: str, name: str) -> Topic:
    """A topic from its file's text; `name` is the file's name (fatigue.md) or its stem.

    Raises ValueError, naming the file and what is wrong, for front matter that is missing,
    malformed, has missing or unknown fields, values of the wrong type, or an id that is not
    the file's stem."""
    stem = name.removesuffix(".md")

    def bad(problem: str) -> ValueError:
        return ValueError(f"{name}: {problem}")

    front, body = _split(text, bad)
    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as e:  # its message names the line and column
        raise bad(f"the front matter is not valid TOML ({e})") from None

    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise bad(f"the front matter has no {', '.join(missing)}")
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise bad(f"the front matter has unknown fields: {', '.join(unknown)}")

    topic_id = _text(data, "id", bad)
    if not _ID.fullmatch(topic_id):
        raise bad(f"id {topic_id!r} must be lowercase words joined by hyphens")
    if topic_id != stem:
        raise bad(f"id {topic_id!r} does not match the file name {stem!r}")
    tags = _texts(data, "tags", bad)
    for tag in tags:
        if not _TAG.fullmatch(tag):
            raise bad(f"tag {tag!r} must be a single lowercase word")
    if len(set(tags)) != len(tags):
        raise bad("tags has duplicates")
    sources = _texts(data, "sources", bad)
    reviewed = data["reviewed"]
    # A TOML date-time is a datetime, which is also a date: only a plain date is a day.
    if type(reviewed) is not date:
        raise bad("reviewed must be a date, such as 2026-11-30")
    related = _texts(data, "related", bad, allow_empty=True) if "related" in data else ()
    for other in related:
        if not _ID.fullmatch(other) or other == topic_id:
            raise bad(f"related {other!r} must be the id of another topic")
    if len(set(related)) != len(related):
        raise bad("related has duplicates")
    if not body.strip():
        raise bad("the topic has no text after its front matter")
    return Topic(
        id=topic_id,
        title=_text(data, "title", bad),
        tags=tags,
        summary=_text(data, "summary", bad),
        sources=sources,
        reviewed=reviewed,
        related=related,
        body=body,
    )


def _split(text: str, bad: Bad) -> tuple[str, str]:
    """The front matter and the body, from between and after the `+++` lines."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    if lines[0].rstrip() != FENCE:
        raise bad(f"the file must start with front matter: a line {FENCE}")
    for end in range(1, len(lines)):
        if lines[end].rstrip() == FENCE:
            return "\n".join(lines[1:end]), "\n".join(lines[end + 1 :]).strip("\n") + "\n"
    raise bad(f"the front matter has no closing line {FENCE}")


def _text(data: dict[str, Any], key: str, bad: Bad) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise bad(f"{key} must be a line of text")
    return value.strip()


def _texts(data: dict[str, Any], key: str, bad: Bad, allow_empty: bool = False) -> tuple[str, ...]:
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise bad(f"{key} must be a list of texts")
    if not value and not allow_empty:
        raise bad(f"{key} must name at least one")
    return tuple(v.strip() for v in value)


def internal_links(body: str) -> list[str]:
    """The topic ids linked to as [text](topic:ID), in order (an empty id is kept, as '')."""
    return [m.group(2) for m in _LINK.finditer(body)]


# --- readability ------------------------------------------------------------------------------

_MARKUP = re.compile(r"\*\*|__|`")
_ANY_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_UNIT_START = re.compile(r"(#+|-|\*|\d+\.)\s+")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"”’)]|$)")
_ENDS = re.compile(r"[.!?][\"”’)]*$")


def _units(markdown: str) -> list[str]:
    """Markdown as plain text: one unit for each heading, list item and paragraph."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", markdown):
        current: list[str] = []
        for raw in block.split("\n"):
            line = _MARKUP.sub("", _ANY_LINK.sub(r"\1", raw)).strip()
            start = _UNIT_START.match(line)
            if start:  # a heading or list item starts a unit of its own
                units.append(" ".join(current))
                current = []
                line = line[start.end() :]
            current.append(line)
            if start and start.group(1).startswith("#"):
                units.append(" ".join(current))
                current = []
        units.append(" ".join(current))
    return [u.strip() for u in units if u.strip()]


def syllables(word: str) -> int:
    """Roughly how many syllables a word has: its groups of vowels, less a silent final -e, -es
    or -ed ("make", "makes", "tired"). Approximate, as every such rule is."""
    count = 0
    for part in word.lower().replace("’", "'").split("-"):
        part = re.sub(r"[^a-z]", "", part)
        n = len(re.findall(r"[aeiouy]+", part))
        silent_e = part.endswith("e") and not part.endswith(("le", "ee", "ye"))
        silent_ed = part.endswith("ed") and not part.endswith(("ted", "ded"))
        silent_es = part.endswith("es") and not re.search(r"(s|z|c|g|x|sh|ch)es$", part)
        if n > 1 and (silent_e or silent_ed or silent_es):
            n -= 1
        count += max(1, n)
    return count


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade level of Markdown text: about the school grade (US) a reader
    needs; grade 6 is a reading age of about 11 or 12.

    0.39 * words per sentence + 11.8 * syllables per word - 15.59. Approximate: syllables
    are counted by a simple rule (see `syllables`), headings and list items count as sentences,
    and links count by their text. Good for comparing texts and keeping them plain, not as an
    exact measure. Raises ValueError for text with no words."""
    words = 0
    sentences = 0
    total_syllables = 0
    for unit in _units(text):
        found = _WORD.findall(unit)
        if not found:
            continue
        words += len(found)
        total_syllables += sum(syllables(w) for w in found)
        # A unit that does not end with a full stop (a heading, a list item) is still a sentence.
        sentences += len(_SENTENCE_END.findall(unit)) + (0 if _ENDS.search(unit) else 1)
    if not words:
        raise ValueError("the text has no words")
    return 0.39 * words / sentences + 11.8 * total_syllables / words - 15.59


def plain_text(markdown: str) -> str:
    """Markdown as plain text, a line for each heading, list item and paragraph: markup and
    link targets left out (what the search index holds, and shows a snippet of)."""
    return "\n".join(_units(markdown))


# --- matching a person's words to the topics' tags -------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]+")


def word_forms(word: str) -> set[str]:
    """A lower-case word and the plainer forms it may stand for: "walks", "walking" and
    "walked" may be "walk"; "exercising" "exercise"; "swimming" "swim"; "worries" and
    "worried" "worry". Tags are written as base words and the forms people use ("walk",
    "walking"), so a form that is no word at all ("walke") does no harm: no tag matches it."""
    forms = {word}
    if len(word) > 4 and word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):  # GPs
        forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
    for ending in ("ing", "ed"):
        if len(word) > len(ending) + 2 and word.endswith(ending):
            stem = word[: -len(ending)]
            forms |= {stem, stem + "e"}
            if stem[-1] == stem[-2]:  # swimming, stopped
                forms.add(stem[:-1])
            if ending == "ed" and stem.endswith("i"):  # worried
                forms.add(stem[:-1] + "y")
    return forms


def text_words(text: str) -> set[str]:
    """The distinct words of a text, lower-cased; hyphenated words and words with an
    apostrophe are split ("mid-afternoon", "daughter's"), and single letters left out."""
    return {w for w in _LETTERS.findall(text.casefold()) if len(w) > 1}


def matching_topics(text: str, topics: Iterable[Topic], limit: int = 2) -> list[Topic]:
    """The topics whose tags match words of `text`, at most `limit`: most matching words first
    (a word counts once, though "walking" matches both the tags "walk" and "walking"), ties by
    id. None for a text that matches no tag."""
    forms = [word_forms(w) for w in text_words(text)]
    scored = []
    for topic in topics:
        tags = set(topic.tags)
        score = sum(1 for f in forms if f & tags)
        if score:
            scored.append((-score, topic.id, topic))
    scored.sort(key=lambda s: s[:2])
    return [topic for _, _, topic in scored[:limit]]


def close_ids(name: str, topics: Iterable[Topic], limit: int = 3) -> list[str]:
    """The ids someone may have meant by `name`, which is not one: ids it starts ("sle" for
    sleep), ids spelt close to it ("fatige"), and topics whose tags it matches ("tired")."""
    import difflib

    topics = list(topics)
    ids = [t.id for t in topics]
    wanted = name.strip().casefold()
    found = [i for i in ids if wanted and i.startswith(wanted)]
    found += difflib.get_close_matches(wanted, ids, n=limit, cutoff=0.75)
    found += [t.id for t in matching_topics(wanted, topics, limit)]
    return list(dict.fromkeys(found))[:limit]
