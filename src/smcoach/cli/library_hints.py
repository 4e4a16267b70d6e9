"""Pointers to the topic library beside what a person saves: after an agenda item, goal or
action plan, "To read: …" (only for a person at a terminal: scripts and answers files are not
told); in problem-solving step 2, "Read more: …" with the ideas (there, always).

A pointer never gets in the way: at most two lines, on stderr, each topic at most once a
command; none beside words that call for help now (the help-now signposting comes first and
alone); and if the library cannot be read, nothing is said (`smcoach learn` says why).
"""

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from smcoach.cli import signpost
from smcoach.cli.common import interactive
from smcoach.errors import SmcoachError
from smcoach.messages import t

if TYPE_CHECKING:
    from smcoach.domain.problems import Problem
    from smcoach.store import Store

LIMIT = 2
Say = Callable[[str], None]

# The topics pointed to in the command under way, known by its store (a command opens one),
# so that a session's goal and plan do not point to the same topic twice.
_pointed: "tuple[Store | None, set[str]]" = (None, set())


def suggest_topics(store: "Store", text: str | None) -> None:
    """After an agenda item, goal or plan is saved (in `store`): the topics its words match."""
    if interactive():
        from smcoach.render import notice

        _point(store, text, [text or ""], "library.to_read", notice)


def read_more(store: "Store", say: Say, problem: "Problem", ideas: Iterable[str]) -> None:
    """Problem-solving step 2: the topics the problem matches (its words, and the kind of
    problem it is), beside the ideas; none if the problem or an idea calls for help now."""
    text = f"{problem.text} {problem.kind or ''}"
    _point(store, text, [problem.text, *ideas], "library.read_more", say)


def _point(store: "Store", text: str | None, typed: Iterable[str], key: str, say: Say) -> None:
    """Say `key` for each topic `text` matches, unless what was `typed` calls for help now."""
    global _pointed
    if not text or any(signpost.hold_back(s) for s in typed):
        return
    from smcoach.content import topics
    from smcoach.domain.library import matching_topics

    try:
        library = topics()
    except SmcoachError:
        return
    if _pointed[0] is not store:
        _pointed = (store, set())
    pointed = _pointed[1]
    for topic in matching_topics(text, [x for x in library.values() if x.id not in pointed], LIMIT):
        pointed.add(topic.id)
        say(t(key, title=topic.title, id=topic.id))
