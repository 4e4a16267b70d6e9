"""The work of `smcoach services list`, `search` and `show`, and finding a service by its ID
for a plan or problem-solving: no typer here (see cli/work/__init__.py), so that the fast
route can take these commands.

Two directories are shown together, each entry marked by where it is from: the person's own
(in their file) and the one a service or course provides in its content folder (--content or
$SMCOACH_CONTENT, folder services/), read for the command and never written. An entry of the
provided directory that the person has copied into their own (for a plan) is shown once, as
theirs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from functools import cache

from smcoach.cli.common import Env, today
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from smcoach.domain.services import Service
    from smcoach.store import Store
    from smcoach.store.services import ProvidedDirectory

PROVIDED_FOLDER = "services"  # in a content folder
LIMIT = 20  # search results shown unless --limit says otherwise


@cache
def _provided(folder: str, day: date) -> ProvidedDirectory | None:
    from smcoach.store.services import ProvidedDirectory, directory_fingerprint

    path = os.path.join(folder, PROVIDED_FOLDER)
    if not os.path.isdir(path):
        return None
    fingerprint = directory_fingerprint(path, day)
    found = ProvidedDirectory.cached(path, fingerprint)
    if found is not None:  # read before, and its files unchanged since
        return found
    from pathlib import Path

    from smcoach.render import notice
    from smcoach.store.directory import read_provided

    try:
        services, errors = read_provided(Path(path), day)
    except SmcoachError as e:  # a file that cannot be read at all
        notice(str(e), "warning")
        return None
    if errors:  # never stands between the person and their own entries
        first = errors[0]
        notice(
            t("services.provided_unreadable", path=path, file=first.file, line=first.line,
              message=first.message),
            "warning",
        )  # fmt: skip
        return None
    return ProvidedDirectory.build(path, fingerprint, services)


def provided(day: date) -> ProvidedDirectory | None:
    """The directory the content folder provides, if it has one (read once a command)."""
    folder = os.environ.get("SMCOACH_CONTENT")
    return _provided(folder, day) if folder else None


def _theirs(store: Store | None, services: list[Service]) -> set[str]:
    """The HSDS ids, of these provided entries, that the person has a copy of on their list."""
    if store is None or not services:
        return set()
    return set(store.services_by_hsds_id([s.hsds_id for s in services], include_removed=False))


def list_services(env: Env, json_out: bool = False) -> None:
    from smcoach.render import Para, notice, write, write_json
    from smcoach.render.services import services_json, table_blocks

    day = today()
    store = env.view_store()
    directory = provided(day)
    given = list(directory.all()) if directory else []
    copied = _theirs(store, given)
    others = [s for s in given if s.hsds_id not in copied]

    def listed() -> Iterator[Service]:
        if store is not None:
            yield from store.services_listed()
        yield from others

    if json_out:
        write_json(services_json(listed(), day))
    elif next(iter(listed()), None) is None:
        notice(Para(t("services.none"), "muted"))
    else:
        write(table_blocks(listed, day, t("services.title")))


def parse_limit(text: str | None) -> int:
    if text is None:
        return LIMIT
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit() and 1 <= int(digits) <= 1000):
        raise SmcoachError(t("services.limit_range", got=text))
    return int(digits)


def search_services(
    env: Env,
    words: str | None = None,
    category: str | None = None,
    area: str | None = None,
    limit: str | None = None,
    json_out: bool = False,
) -> None:
    """The entries matching every word (a word matches the start of a word: 'carer' finds
    'carers'), in a category and an area if given; the best first, the person's own before
    those of the directory provided."""
    from smcoach.cli.signpost import screen_typed
    from smcoach.domain.services import search_words
    from smcoach.render import Para, notice, write, write_json
    from smcoach.render.services import services_json, table_blocks
    from smcoach.store.services import match_expression

    typed = words or ""
    for text in (typed, category, area):
        if text:
            screen_typed(text)
    most = parse_limit(limit)
    expression = match_expression(
        search_words(typed), search_words(category or ""), search_words(area or "")
    )
    if expression is None:
        raise SmcoachError(t("services.search_empty"))
    day = today()
    store = env.view_store()
    found, total = store.search_services(expression, most) if store else ([], 0)
    directory = provided(day)
    if directory is not None and len(found) < most:
        more, more_total = directory.search(expression, most)
        copied = _theirs(store, more)
        more = [s for s in more if s.hsds_id not in copied]
        found += more[: most - len(found)]
        total += more_total - len(copied)
    elif directory is not None:
        total += directory.search(expression, 1)[1]
    if json_out:
        write_json(services_json(found, day))
        return
    if not found:
        notice(Para(t("services.none_found"), "muted"))
        return
    write(table_blocks(lambda: found, day, t("services.found_title")))
    if total > len(found):
        notice(t("services.shown_of", shown=len(found), total=total))


def find_service(store: Store | None, ref: str, day: date) -> Service:
    """A service by the ID the person sees: '3' (their own) or 'p2' (the directory provided)."""
    from smcoach.store.services import PROVIDED_PREFIX

    text = ref.strip().lower()
    if text.isascii() and text.isdigit() and int(text) > 0:
        if store is None:
            raise SmcoachError(t("services.not_found", id=text))
        return store.service(int(text))
    number = text[len(PROVIDED_PREFIX) :]
    if text.startswith(PROVIDED_PREFIX) and number.isascii() and number.isdigit():
        directory = provided(day)
        found = directory.get(int(number)) if directory else None
        if found is None:
            raise SmcoachError(t("services.not_found_provided", id=text))
        return found
    raise SmcoachError(t("services.bad_ref", got=ref))


def show_service(env: Env, service_id: str, json_out: bool = False) -> None:
    from smcoach.render import write, write_json
    from smcoach.render.services import service_blocks, service_json

    day = today()
    service = find_service(env.view_store(), service_id, day)
    if json_out:
        write_json(service_json(service, day))
    else:
        write(service_blocks(service, day))
