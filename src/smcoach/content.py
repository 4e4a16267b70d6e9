"""The question cards: the wording of smcoach's questions and its suggested ideas, kept in
content/ (shipped inside the wheel as smcoach/content), not in code.

A service can devise its own questions: a folder named by --content or $SMCOACH_CONTENT that
holds cards/<language>.toml overrides the built-in cards key by key.

Published questionnaires (content/scales/) load through `scale`: they are used exactly as
published, so nothing overrides them.
"""

import os
import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smcoach.errors import SmcoachError
from smcoach.messages import t

if TYPE_CHECKING:
    from smcoach.domain.coach import Coach
    from smcoach.domain.screening import Screen

CONTENT_ENV = "SMCOACH_CONTENT"


def content_root() -> Traversable:
    packaged = files("smcoach") / "content"
    if packaged.is_dir():
        return packaged
    # An editable install from a source checkout: content/ sits at the repository's top.
    return Path(__file__).resolve().parents[2] / "content"


def _load(source: Traversable) -> dict[str, Any]:
    try:
        return tomllib.loads(source.read_text("utf-8"))
    except tomllib.TOMLDecodeError as e:  # its message names the line and column
        raise SmcoachError(t("content.malformed", path=source, error=e)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise SmcoachError(t("content.unreadable", path=source, error=e)) from None


@cache
def _cards(language: str, override: str | None) -> dict[str, Any]:
    merged = _load(content_root() / "cards" / f"{language}.toml")
    if override:
        path = Path(override) / "cards" / f"{language}.toml"
        if not path.is_file():
            raise SmcoachError(t("content.no_file", path=path, env=CONTENT_ENV))
        for section, values in _load(path).items():
            if not isinstance(values, dict):
                raise SmcoachError(t("content.not_table", path=path, section=section))
            # A misspelt key would be ignored silently, leaving the built-in words shown.
            if section not in merged:
                raise SmcoachError(t("content.unknown_key", path=path, card=f"[{section}]"))
            known = merged[section]
            for key, value in values.items():
                if key not in known:
                    raise SmcoachError(t("content.unknown_key", path=path, card=f"{section}.{key}"))
                if type(value) is not type(known[key]):
                    raise SmcoachError(t("content.wrong_kind", path=path, card=f"{section}.{key}"))
            merged[section] = {**known, **values}
    return merged


def cards(language: str = "en") -> dict[str, Any]:
    return _cards(language, os.environ.get(CONTENT_ENV) or None)


def card(section: str, key: str, **values: object) -> str:
    """A card's text, with {name} fields filled in (a field a card does not use is ignored,
    and a stray brace in a service's own wording is left as it is)."""
    try:
        value = cards()[section][key]
    except KeyError:
        raise SmcoachError(f"the question cards have no [{section}] {key}") from None
    if not isinstance(value, str):
        raise SmcoachError(f"the card [{section}] {key} must be text")
    for name, filler in values.items():
        value = value.replace("{" + name + "}", str(filler))
    return value


def card_list(section: str, key: str) -> list[str]:
    value = cards()[section].get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SmcoachError(f"the card [{section}] {key} must be a list of texts")
    return value


# --- published scales ---------------------------------------------------------------------------

_SCALE_TEXTS = ("form", "title", "citation", "short_citation", "permission", "stem")


@cache
def scale(name: str, language: str = "en") -> dict[str, Any]:
    """A published questionnaire, from content/scales/<name>.<language>.toml.

    Used exactly as published: unlike the cards, a service's --content folder does not
    override it, since its wording and scoring belong to its authors."""
    source = content_root() / "scales" / f"{name}.{language}.toml"
    try:
        data = tomllib.loads(source.read_text("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise SmcoachError(f"the scale file {source} is malformed: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SmcoachError(f"cannot read the scale file {source}: {e}") from None
    items = data.get("items")
    anchors = data.get("anchors")
    if (
        any(not isinstance(data.get(key), str) for key in _SCALE_TEXTS)
        or not isinstance(items, list)
        or not items
        or not all(isinstance(i, str) for i in items)
        or not isinstance(anchors, dict)
        or not all(isinstance(anchors.get(k), int) for k in ("low", "high"))
        or not all(isinstance(anchors.get(k), str) for k in ("low_label", "high_label"))
    ):
        raise SmcoachError(f"the scale file {source} is missing its texts, items or anchors")
    return data


# --- coaching and safety word lists, and the help-now table ------------------------------------
# Reviewed content that no service folder overrides: a service could otherwise weaken it.


def _reviewed(path: Traversable) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise SmcoachError(f"the file {path} is malformed: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SmcoachError(f"cannot read the file {path}: {e}") from None


def _lists(path: Traversable, data: dict[str, Any], shape: dict[str, tuple[str, ...]]) -> None:
    """Each section holds each of its keys as a list of texts, or the file is refused."""
    for section, keys in shape.items():
        for key in keys:
            value = data.get(section, {}).get(key) if isinstance(data.get(section), dict) else None
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SmcoachError(f"the file {path} needs [{section}] {key}, a list of texts")


@cache
def screen(language: str = "en") -> "Screen":
    """The phrase lists that say a text may call for help now (content/safety/)."""
    from smcoach.domain.screening import CATEGORIES, Screen

    path = content_root() / "safety" / f"{language}.toml"
    data = _reviewed(path)
    if not isinstance(data.get("negations"), str):
        raise SmcoachError(f"the file {path} needs negations, a text")
    _lists(path, data, {c: ("patterns", "ignore") for c in CATEGORIES})
    return Screen(data)


@cache
def plan_coach(language: str = "en") -> "Coach":
    """The action-plan coach with its word lists (content/coach/)."""
    from smcoach.domain.coach import WORD_LISTS, Coach

    path = content_root() / "coach" / f"{language}.toml"
    data = _reviewed(path)
    _lists(path, data, WORD_LISTS)
    return Coach(data, screen(language))


@cache
def helplines() -> dict[str, Any]:
    """Emergency, urgent-care and crisis lines by country (content/helplines.toml)."""
    path = content_root() / "helplines.toml"
    data = _reviewed(path)
    for code, entry in data.items():
        if not isinstance(entry, dict):
            continue
        lines = entry.get("lines", [])
        if (
            not isinstance(entry.get("country"), str)
            or not isinstance(entry.get("emergency"), list)
            or not isinstance(lines, list)
            or not all(isinstance(x, dict) and "kind" in x and "name" in x for x in lines)
        ):
            raise SmcoachError(f"the file {path} has an incomplete entry for {code}")
    if not isinstance(data.get("fallback_directory"), str):
        raise SmcoachError(f"the file {path} needs fallback_directory")
    return data


# --- the topic library (content/topics/<language>/*.md; see smcoach.domain.library) -----------
# A service's folder (--content or $SMCOACH_CONTENT) may hold topics/<language>/*.md of its own:
# a topic with the id of one of smcoach's replaces it, any other is added. Unlike the cards, a
# service folder need not have topics.

if TYPE_CHECKING:
    from smcoach.domain.library import Topic


def topic_files(language: str = "en") -> "dict[str, Traversable]":
    """Each topic's file by id, smcoach's own merged with a service's, in order of id."""
    folders = [content_root() / "topics" / language]
    override = os.environ.get(CONTENT_ENV)
    if override:
        folders.append(Path(override) / "topics" / language)
    found: dict[str, Traversable] = {}
    for folder in folders:
        if folder.is_dir():
            for entry in folder.iterdir():
                if entry.name.endswith(".md") and not entry.name.startswith("."):
                    found[entry.name.removesuffix(".md")] = entry
    return dict(sorted(found.items()))


def topics_fingerprint(language: str = "en") -> str:
    """What changes whenever a topic file does: each file's path, size and time of change (or,
    for a file that is not on disk, a checksum of its contents). Reads no topic."""
    lines = []
    for entry in topic_files(language).values():
        if isinstance(entry, Path):
            facts = entry.stat()
            lines.append(f"{entry}\t{facts.st_size}\t{facts.st_mtime_ns}")
        else:
            import zlib

            lines.append(f"{entry}\t{zlib.crc32(entry.read_bytes())}")
    return "\n".join(lines)


def topics(language: str = "en") -> "dict[str, Topic]":
    """The topics by id, in order of id (see `topic_files`). A file that cannot be read or is
    malformed is an error naming it."""
    return _topics(language, os.environ.get(CONTENT_ENV) or None)


@cache
def _topics(language: str, override: str | None) -> "dict[str, Topic]":
    from smcoach.domain.library import parse_topic

    found = {}
    for topic_id, entry in topic_files(language).items():
        try:
            text = entry.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise SmcoachError(t("library.unreadable", path=entry, error=e)) from None
        try:
            found[topic_id] = parse_topic(text, entry.name)
        except ValueError as e:  # the parser's message starts with the file's name
            error = str(e).removeprefix(f"{entry.name}: ")
            raise SmcoachError(t("library.malformed", path=entry, error=error)) from None
    return found
