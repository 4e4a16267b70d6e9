"""The topic library on screen: the list of topics, search results, and one topic's Markdown
laid out for a terminal (or plain, for a pipe or NO_COLOR).

A topic is written in a small part of Markdown (see content/topics/): '## ' headings,
paragraphs, '- ' and '1. ' lists, **bold**, `code` and links. At a colour terminal headings
are bold and underlined and **bold** is bold; plain output shows headings in capitals and
drops the markers. Paragraphs wrap between words at the width (a pipe keeps them whole, as
every smcoach view does); list items hang under their first word. A link to another topic
reads "text (smcoach learn ID)", any other "text (URL)".

Text from a topic file is shown with control characters escaped, as text a person typed is:
a service's topic cannot restyle the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from smcoach.messages import t
from smcoach.records import TYPE_CHECKING
from smcoach.render import Block, Para, visible

if TYPE_CHECKING:
    from typing import Any

    from smcoach.domain.library import Topic
    from smcoach.store.library import Found

# Styles that are not colour (so not in the theme's colours): NO_COLOR and pipes get neither.
_BOLD, _UNDERLINE, _RESET = "\x1b[1m", "\x1b[4m", "\x1b[0m"

_LINK = re.compile(r"\[([^\[\]]*)\]\(([^)\s]*)\)")
_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"([-*+]|\d{1,3}[.)])\s+(.*)$")

Spans = list[tuple[str, bool]]  # pieces of text, each bold or not


# --- lists of topics --------------------------------------------------------------------------


def topics_blocks(topics: Iterable[Topic]) -> list[Block]:
    shown = list(topics)
    if not shown:
        return [Para(t("learn.list_empty"))]
    blocks: list[Block] = [Para(t("learn.list", n=len(shown)))]
    for topic in shown:
        blocks += [Para(""), *_entry(topic.id, topic.title, topic.summary)]
    return blocks


def topics_json(topics: Iterable[Topic]) -> list[dict[str, Any]]:
    return [
        {"id": x.id, "title": x.title, "summary": x.summary, "tags": list(x.tags),
         "reviewed": x.reviewed.isoformat()}
        for x in topics
    ]  # fmt: skip


def found_blocks(words: str, found: list[Found], any_word: bool) -> list[Block]:
    """Search results, best first, each with the words around a match in its text."""
    if not found:
        return [Para(t("learn.found_none", words=words))]
    key = "learn.found_some" if any_word else "learn.found"
    blocks: list[Block] = [Para(t(key, words=words))]
    for hit in found:
        blocks += [Para(""), *_entry(hit.id, hit.title, hit.summary)]
        if hit.snippet:
            blocks.append(Para("  " + visible(hit.snippet), "muted"))
    return blocks


def found_json(words: str, found: list[Found], any_word: bool) -> dict[str, Any]:
    return {
        "words": words,
        "every_word": not any_word,
        "topics": [
            {"id": h.id, "title": h.title, "summary": h.summary, "snippet": h.snippet}
            for h in found
        ],
    }


def _entry(topic_id: str, title: str, summary: str) -> list[Block]:
    return [
        Para(t("learn.entry", title=title, id=topic_id), "heading"),
        Para("  " + visible(summary)),
    ]


def topic_json(topic: Topic) -> dict[str, Any]:
    return {
        "id": topic.id,
        "title": topic.title,
        "summary": topic.summary,
        "tags": list(topic.tags),
        "related": list(topic.related),
        "sources": list(topic.sources),
        "reviewed": topic.reviewed.isoformat(),
        "body": topic.body,
    }


# --- one topic --------------------------------------------------------------------------------


def topic_lines(
    topic: Topic, titles: Mapping[str, str], columns: int | None, styled: bool
) -> list[str]:
    """The topic as lines for a terminal of `columns` (None: lines kept whole): its title and
    summary, its body, the topics it names as related (by their `titles`), its sources and
    the day it was reviewed."""
    out = _heading(visible(topic.title), columns, styled)
    out += _wrap([(visible(topic.summary), False)], columns, "", "", styled)
    out += _body(topic.body, columns, styled)
    if topic.related:
        out += ["", *_heading(t("learn.see_also"), columns, styled), ""]
        for other in topic.related:
            link = t("learn.link_topic", text=titles.get(other, other), id=other)
            out += _wrap([(link, False)], columns, "- ", "  ", styled)
    out += ["", *_heading(t("learn.sources"), columns, styled), ""]
    for source in topic.sources:
        out += _wrap([(visible(source), False)], columns, "- ", "  ", styled)
    out += ["", t("learn.reviewed", day=topic.reviewed)]
    return out


def _body(markdown: str, columns: int | None, styled: bool) -> list[str]:
    """Markdown's blocks as lines, a blank line between paragraphs, lists and headings."""
    out: list[str] = []
    before = ""
    for kind, mark, text in _blocks(visible(markdown)):
        if kind != "item" or before != "item":  # a list's items follow one another
            out.append("")
        if kind == "heading":
            out += _heading(_inline_plain(text), columns, styled)
        elif kind == "item":
            first = mark + " "
            out += _wrap(_inline(text), columns, first, " " * len(first), styled)
        else:
            out += _wrap(_inline(text), columns, "", "", styled)
        before = kind
    return out


def _blocks(markdown: str) -> list[tuple[str, str, str]]:
    """(kind, mark, text) for each heading, list item and paragraph: the lines of a paragraph
    or an item are joined into one text."""
    blocks: list[tuple[str, str, str]] = []
    open_block = False  # whether the next line may carry on the last block
    for raw in markdown.split("\n"):
        line = raw.strip()
        heading = _HEADING.fullmatch(line)
        item = _ITEM.match(line)
        if not line:
            open_block = False
        elif heading:
            blocks.append(("heading", heading.group(1), heading.group(2)))
            open_block = False
        elif item:
            blocks.append(("item", item.group(1), item.group(2)))
            open_block = True
        elif open_block:
            kind, mark, text = blocks[-1]
            blocks[-1] = (kind, mark, f"{text} {line}")
        else:
            blocks.append(("para", "", line))
            open_block = True
    return blocks


def _links(text: str) -> str:
    """Links as words a terminal can show: "text (smcoach learn ID)", "text (URL)"."""

    def shown(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        if target.startswith("topic:"):
            return t("learn.link_topic", text=label, id=target.removeprefix("topic:"))
        return t("learn.link_web", text=label, url=target)

    return _LINK.sub(shown, text)


def _inline(text: str) -> Spans:
    """A paragraph's text as spans, bold or not, with links and `code` made plain words."""
    text = _CODE.sub(r"'\1'", _links(text))  # quoted, as smcoach's own sentences quote commands
    spans: Spans = []
    at = 0
    for match in _STRONG.finditer(text):
        spans += [(text[at : match.start()], False), (match.group(1) or match.group(2), True)]
        at = match.end()
    spans.append((text[at:], False))
    return [(piece, bold) for piece, bold in spans if piece]


def _inline_plain(text: str) -> str:
    return "".join(piece for piece, _ in _inline(text))


def _heading(text: str, columns: int | None, styled: bool) -> list[str]:
    """A heading: bold and underlined at a colour terminal, in capitals in plain text (so not
    marked by colour alone, nor lost in a pipe)."""
    if not styled:
        return _wrap([(text.upper(), False)], columns, "", "", False)
    lines = _wrap([(text, False)], columns, "", "", False)
    return [f"{_BOLD}{_UNDERLINE}{line}{_RESET}" for line in lines]


def _wrap(spans: Spans, columns: int | None, first: str, rest: str, styled: bool) -> list[str]:
    """Spans as lines of at most `columns` characters (None: one line), broken only between
    words (a word longer than a line is kept whole); `first` starts the first line and `rest`
    the others. Bold spans are bold at a colour terminal, plain otherwise."""
    lines: list[str] = []
    line, size, empty = first, len(first), True
    for word in _words(spans):
        length = sum(len(piece) for piece, _ in word)
        if not empty and columns is not None and size + 1 + length > columns:
            lines.append(line)
            line, size, empty = rest, len(rest), True
        if not empty:
            line, size = line + " ", size + 1
        line += "".join(f"{_BOLD}{p}{_RESET}" if bold and styled else p for p, bold in word)
        size, empty = size + length, False
    lines.append(line)
    return lines


def _words(spans: Spans) -> list[Spans]:
    """The words of spans, each as its pieces (a word may be partly bold: "**Pace**.")."""
    words: list[Spans] = []
    current: Spans = []
    for text, bold in spans:
        for part in re.split(r"(\s+)", text):
            if not part:
                continue
            if part.isspace():
                if current:
                    words.append(current)
                current = []
            else:
                current.append((part, bold))
    if current:
        words.append(current)
    return words
