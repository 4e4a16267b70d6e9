"""The question cards: the wording of smcoach's questions and its suggested ideas, kept in
content/ (shipped inside the wheel as smcoach/content), not in code.

A service can devise its own questions: a folder named by --content or $SMCOACH_CONTENT that
holds cards/<language>.toml overrides the built-in cards key by key. The same folder may add
topics (topics/<language>/) and a directory of services (services/), with or without cards.

Published questionnaires (content/scales/) load through `scale`: they are used exactly as
published, so nothing overrides them.
"""

from __future__ import annotations

import os
from functools import cache

from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:  # tomllib, pathlib and importlib.resources are imported where used: a
    # command that screens what a person typed reads the lists without them (see `screen`)
    from importlib.resources.abc import Traversable
    from typing import Any

    from smcoach.domain.coach import Coach
    from smcoach.domain.screening import Screen, Screens

CONTENT_ENV = "SMCOACH_CONTENT"


def content_folder() -> str | None:
    """content/ as a folder on disk: in the installed package, or at the top of a source
    checkout (an editable install); None when the package is not on disk (a zip)."""
    here = os.path.dirname(os.path.abspath(__file__))
    for folder in (os.path.join(here, "content"), os.path.join(here, "..", "..", "content")):
        if os.path.isdir(folder):
            return os.path.normpath(folder)
    return None


def content_root() -> Traversable:
    folder = content_folder()
    if folder is not None:
        from pathlib import Path

        return Path(folder)
    from importlib.resources import files

    return files("smcoach") / "content"


def _load(source: Traversable) -> dict[str, Any]:
    import tomllib

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
        from pathlib import Path

        folder = Path(override)
        if not folder.is_dir():  # a mistyped folder: its cards, topics and services unseen
            raise SmcoachError(t("content.no_folder", path=folder, env=CONTENT_ENV))
        path = folder / "cards" / f"{language}.toml"
        # A folder may hold topics or a directory of services and no cards of its own.
        overrides = _load(path).items() if path.is_file() else ()
        for section, values in overrides:
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


def cards(language: str | None = None) -> dict[str, Any]:
    """The question cards in `language` (default: the language of this command), with a
    service's own over them."""
    return _cards(language or _language(), os.environ.get(CONTENT_ENV) or None)


def card(section: str, key: str, **values: object) -> str:
    """A card's text, with {name} fields filled in (a field a card does not use is ignored,
    and a stray brace in a service's own wording is left as it is)."""
    try:
        value = cards()[section][key]
    except KeyError:
        raise SmcoachError(t("content.card_missing", section=section, entry=key)) from None
    if not isinstance(value, str):
        raise SmcoachError(t("content.card_text", section=section, entry=key))
    for name, filler in values.items():
        value = value.replace("{" + name + "}", str(filler))
    return value


def card_list(section: str, key: str) -> list[str]:
    value = cards()[section].get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SmcoachError(t("content.card_list", section=section, entry=key))
    return value


# --- published scales ---------------------------------------------------------------------------

_SCALE_TEXTS = ("form", "title", "citation", "short_citation", "permission", "stem")


@cache
def scale(name: str, language: str = "en") -> dict[str, Any]:
    """A published questionnaire, from content/scales/<name>.<language>.toml.

    Used exactly as published: unlike the cards, a service's --content folder does not
    override it, since its wording and scoring belong to its authors."""
    import tomllib

    source = content_root() / "scales" / f"{name}.{language}.toml"
    try:
        data = tomllib.loads(source.read_text("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise SmcoachError(t("content.scale_malformed", path=source, error=e)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise SmcoachError(t("content.scale_unreadable", path=source, error=e)) from None
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
        raise SmcoachError(t("content.scale_incomplete", path=source))
    return data


# --- coaching and safety word lists, and the help-now table ------------------------------------
# Reviewed content that no service folder overrides: a service could otherwise weaken it.


def _reviewed(path: Traversable) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise SmcoachError(t("content.file_malformed", path=path, error=e)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise SmcoachError(t("content.file_unreadable", path=path, error=e)) from None


def _lists(path: Traversable, data: dict[str, Any], shape: dict[str, tuple[str, ...]]) -> None:
    """Each section holds each of its keys as a list of texts, or the file is refused."""
    for section, keys in shape.items():
        for key in keys:
            value = data.get(section, {}).get(key) if isinstance(data.get(section), dict) else None
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SmcoachError(t("content.needs_list", path=path, section=section, entry=key))


def screening(language: str | None = None) -> Screens:
    """What screens a text a person typed: every language's safety lists, those of `language`
    (default: the language of this command) first."""
    from smcoach.domain.language import LANGUAGES
    from smcoach.domain.screening import Screens

    first = language or _language()
    return Screens([screen(code) for code in [first, *(c for c in LANGUAGES if c != first)]])


def _language() -> str:
    from smcoach.i18n import language

    return language()


@cache
def screen(language: str = "en") -> Screen:
    """The phrase lists of one language that say a text may call for help now
    (content/safety/<language>.toml).

    They are read from <language>.compiled.json beside it when that was made from this very
    file (its size and checksum match): the same lists, with the words each pattern cannot
    match without (smcoach.domain.prefilter), so that a pattern is compiled only for a text
    holding one of them. Reading the TOML file would import tomllib (20 ms), and compiling
    every pattern took 70-160 ms. If the compiled file is missing, stale or damaged, the lists
    come from the TOML file and every pattern is compiled when first needed: slower, the same
    matches."""
    from smcoach.domain.screening import Screen

    compiled = _compiled_safety(language)
    if compiled is not None:
        return Screen(compiled["lists"], compiled["words"])
    return Screen(_safety_lists(language))


def _safety_lists(language: str) -> dict[str, Any]:
    from smcoach.domain.screening import CATEGORIES

    path = content_root() / "safety" / f"{language}.toml"
    data = _reviewed(path)
    if not isinstance(data.get("negations"), str):
        raise SmcoachError(t("content.needs_negations", path=path))
    _lists(path, data, {c: ("patterns", "ignore") for c in CATEGORIES})
    return data


_COMPILED_SHAPE = "1"  # a new shape of compiled file is made afresh


def _safety_files(language: str) -> tuple[str, str] | None:
    """The safety lists' TOML file and the compiled file beside it, on disk."""
    folder = content_folder()
    if folder is None:
        return None
    source = os.path.join(folder, "safety", f"{language}.toml")
    return source, source.removesuffix(".toml") + ".compiled.json"


def _fingerprint(source: bytes) -> str:
    import zlib

    return f"{_COMPILED_SHAPE} {len(source)} {zlib.crc32(source):08x}"


def _compiled_safety(language: str) -> dict[str, Any] | None:
    """The compiled lists, if they were made from the TOML file as it is now; else None."""
    from smcoach.domain.screening import CATEGORIES

    files = _safety_files(language)
    if files is None:
        return None
    try:
        with open(files[0], "rb") as source, open(files[1], "rb") as compiled:
            raw, text = source.read(), compiled.read()
    except OSError:
        return None
    import json

    try:
        data = json.loads(text)
        if data["source"] != _fingerprint(raw):
            return None
        lists, words = data["lists"], data["words"]
        for category in CATEGORIES:  # the shape Screen reads: a pattern's words for each
            for kind in ("patterns", "ignore"):
                if len(lists[category][kind]) != len(words[category][kind]):
                    return None
    except (ValueError, KeyError, TypeError):
        return None
    return {"lists": lists, "words": words}


def compile_safety(language: str) -> str:
    """The compiled file for the safety lists in `language` (see `screen`)."""
    import json

    from smcoach.domain.prefilter import required
    from smcoach.domain.screening import CATEGORIES

    files = _safety_files(language)
    if files is None:
        raise SmcoachError("the safety lists are not in a folder on disk")
    with open(files[0], "rb") as source:
        raw = source.read()
    lists = _safety_lists(language)
    words = {
        category: {
            kind: [required(p) for p in lists[category][kind]] for kind in ("patterns", "ignore")
        }
        for category in CATEGORIES
    }
    made = {
        "note": f"Made from {language}.toml by smcoach.content.write_compiled_safety: do not edit.",
        "source": _fingerprint(raw),
        "lists": lists,
        "words": words,
    }
    return json.dumps(made, ensure_ascii=False, indent=1) + "\n"


def write_compiled_safety() -> None:
    """Make content/safety/<language>.compiled.json for every language's lists: run after
    changing them (`python -c "from smcoach.content import write_compiled_safety;
    write_compiled_safety()"`); a test fails until they agree."""
    folder = content_folder()
    assert folder is not None
    for name in sorted(os.listdir(os.path.join(folder, "safety"))):
        if name.endswith(".toml"):
            language = name.removesuffix(".toml")
            text = compile_safety(language)
            files = _safety_files(language)
            assert files is not None
            with open(files[1], "w", encoding="utf-8") as out:
                out.write(text)


def plan_coach(language: str | None = None) -> Coach:
    """The action-plan coach with its word lists (content/coach/<language>.toml; default: the
    language of this command), screening with every language's safety lists (`screening`)."""
    return _plan_coach(language or _language())


@cache
def _plan_coach(language: str) -> Coach:
    from smcoach.domain.coach import WORD_LISTS, Coach

    path = content_root() / "coach" / f"{language}.toml"
    data = _reviewed(path)
    _lists(path, data, WORD_LISTS)
    return Coach(data, screening(language))


@cache
def date_words(language: str) -> dict[str, dict[str, str]]:
    """How people write days and goal dates in `language` (content/dates/<language>.toml):
    its [phrases] and [words], each a table of texts; empty tables where it has no file (in
    English, smcoach's own forms are all there is)."""
    path = content_root() / "dates" / f"{language}.toml"
    if not path.is_file():
        return {"phrases": {}, "words": {}}
    data = _reviewed(path)
    tables = {key: data.get(key) for key in ("phrases", "words")}
    for key, table in tables.items():
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in table.items()
        ):
            raise SmcoachError(t("content.needs_table", path=path, entry=key))
    return tables  # type: ignore[return-value]


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
            raise SmcoachError(t("content.incomplete_entry", path=path, code=code))
    if not isinstance(data.get("fallback_directory"), str):
        raise SmcoachError(t("content.needs_fallback", path=path))
    return data


# --- the topic library (content/topics/<language>/*.md; see smcoach.domain.library) -----------
# A service's folder (--content or $SMCOACH_CONTENT) may hold topics/<language>/*.md of its own:
# a topic with the id of one of smcoach's replaces it, any other is added. Unlike the cards, a
# service folder need not have topics.

if TYPE_CHECKING:
    from smcoach.domain.library import Topic


def topic_files(language: str = "en") -> dict[str, Traversable]:
    """Each topic's file by id, smcoach's own merged with a service's, in order of id."""
    from pathlib import Path

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
    on_disk = _topic_paths(language)
    if on_disk is not None:  # the usual case, without pathlib (a search should be quick)
        lines = []
        for path in on_disk.values():
            facts = os.stat(path)
            lines.append(f"{path}\t{facts.st_size}\t{facts.st_mtime_ns}")
        return "\n".join(lines)
    import zlib

    return "\n".join(
        f"{entry}\t{zlib.crc32(entry.read_bytes())}" for entry in topic_files(language).values()
    )


def _topic_paths(language: str) -> dict[str, str] | None:
    """`topic_files` as paths, when smcoach's content is on disk; None when it is not."""
    folder = content_folder()
    if folder is None:
        return None
    folders = [os.path.join(folder, "topics", language)]
    override = os.environ.get(CONTENT_ENV)
    if override:
        folders.append(os.path.join(override, "topics", language))
    found: dict[str, str] = {}
    for topics_folder in folders:
        if os.path.isdir(topics_folder):
            for name in os.listdir(topics_folder):
                if name.endswith(".md") and not name.startswith("."):
                    found[name.removesuffix(".md")] = os.path.join(topics_folder, name)
    return dict(sorted(found.items()))


def topics(language: str | None = None) -> dict[str, Topic]:
    """The topics by id, in order of id (see `topic_files`), in `language` (default: the
    language of this command). A file that cannot be read or is malformed is an error naming
    it."""
    return _topics(language or _language(), os.environ.get(CONTENT_ENV) or None)


@cache
def _topics(language: str, override: str | None) -> dict[str, Topic]:
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
