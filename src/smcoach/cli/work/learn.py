"""The work of `smcoach learn`: list the topic library, show a topic, or search it. No typer
here (see cli/work/__init__.py); the options are declared in cli/learn.py.

Nothing here opens the person's database: the library is not their data. A search uses an
index kept in smcoach's cache folder (store/library.py), built again when the topics change.
"""

import sys

from smcoach.cli.common import Env
from smcoach.errors import SmcoachError
from smcoach.messages import t


def learn(
    env: Env,
    words: list[str] | None = None,
    search: bool = False,
    no_pager: bool = False,
    json_out: bool = False,
) -> None:
    words = words or []
    if search:
        find(" ".join(words), json_out)
    elif not words:
        list_topics(json_out)
    elif len(words) > 1:
        raise SmcoachError(t("learn.one_topic", words=" ".join(words)))
    else:
        show(words[0], no_pager, json_out)


def list_topics(json_out: bool) -> None:
    from smcoach.content import topics
    from smcoach.render import write, write_json
    from smcoach.render.library import topics_blocks, topics_json

    shown = topics().values()
    if json_out:
        write_json(topics_json(shown))
    else:
        write(topics_blocks(shown))


def find(words: str, json_out: bool) -> None:
    """The topics that mention `words`, the closest first."""
    from smcoach import i18n
    from smcoach.cli.signpost import screen_typed
    from smcoach.content import topics, topics_fingerprint
    from smcoach.render import write, write_json
    from smcoach.render.library import found_blocks, found_json
    from smcoach.store.library import match_query, search

    screen_typed(words)  # words that call for help now: how to get it, shown first
    if match_query(words) is None:
        raise SmcoachError(t("learn.no_words"))
    language = i18n.language()
    found, any_word = search(
        language, topics_fingerprint(language), lambda: topics(language).values(), words
    )
    if json_out:
        write_json(found_json(words, found, any_word))
    else:
        write(found_blocks(words, found, any_word))


def show(name: str, no_pager: bool, json_out: bool) -> None:
    """One topic, laid out for the terminal, through a pager if it is longer than the screen."""
    from smcoach.content import topics
    from smcoach.render import use_colour, width, write_json
    from smcoach.render.library import topic_json, topic_lines

    library = topics()
    topic = library.get(name) or library.get(name.strip().casefold())
    if topic is None:
        from smcoach.cli.signpost import screen_typed
        from smcoach.domain.library import close_ids

        screen_typed(name)  # free text: it may call for help now
        ids = close_ids(name, library.values())
        if ids:
            raise SmcoachError(t("learn.unknown", name=name, ids=", ".join(ids)))
        raise SmcoachError(t("learn.unknown_none", name=name))
    if json_out:
        write_json(topic_json(topic))
        return
    titles = {other.id: other.title for other in library.values()}
    lines = topic_lines(topic, titles, width(sys.stdout), use_colour(sys.stdout))
    page(lines, use_pager=not no_pager)


def page(lines: list[str], use_pager: bool = True) -> None:
    """Lines on stdout: through the pager when stdout is a terminal and they are more than
    fit on its screen, else (or if there is no pager to be had) as they are."""
    text = "\n".join(lines) + "\n"
    if use_pager and sys.stdout.isatty() and len(lines) >= _screen_height():
        sys.stdout.flush()
        if _through_pager(text):
            return
    sys.stdout.write(text)


def _screen_height() -> int:
    import shutil

    return shutil.get_terminal_size().lines


def _through_pager(text: str) -> bool:
    """Show `text` through $PAGER (default `less -R`); False if the pager could not start."""
    import contextlib
    import os
    import shlex
    import subprocess

    try:
        command = shlex.split(os.environ.get("PAGER", "").strip() or "less -R")
    except ValueError:  # unbalanced quotes
        return False
    if not command:
        return False
    # As git does: less shows colour, not escape codes, whatever command starts it.
    env = {**os.environ, "LESS": os.environ.get("LESS", "R")}
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:  # no such program
        return False
    assert pager.stdin is not None
    with contextlib.suppress(OSError):  # the pager was left before it read everything (`q`)
        pager.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
    with contextlib.suppress(OSError):
        pager.stdin.close()
    while True:
        try:
            pager.wait()
            return True
        except KeyboardInterrupt:  # Ctrl-C is the pager's to handle; wait for it to end
            continue
