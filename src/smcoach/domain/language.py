"""Which language smcoach speaks to a person: English or Spanish. Pure: the choice is made
from what the command line, the person's setting and the environment say.

In this order: `--lang` on the command, the person's setting (`smcoach settings lang es`, kept
in their file), $SMCOACH_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG: the first that is
set decides, as for the C library); English when none says a language smcoach speaks.
"""

from __future__ import annotations

from smcoach.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping

# The languages smcoach speaks, each named in its own language.
LANGUAGES = {"en": "English", "es": "español"}
DEFAULT = "en"
ENV = "SMCOACH_LANG"
SETTING = "lang"
FLAG = "--lang"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")


class Language(NamedTuple):
    code: str  # en or es
    source: str  # flag, setting, env, locale or default: where the choice came from
    detail: str | None = None  # the locale's value, when it came from the locale


def known(text: str) -> str | None:
    """The code of a language smcoach speaks, from a code as people and locales write it
    (es, ES, es_MX, es-419, es_ES.UTF-8); None for any other."""
    code = text.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def parse(text: str) -> str:
    """A language smcoach speaks, as typed (`settings lang es`), or one line saying which."""
    code = known(text)
    if code is None:
        from smcoach.errors import SmcoachError
        from smcoach.messages import t

        raise SmcoachError(t("language.unknown", got=text.strip()))
    return code


def resolve(flag: str | None, setting: str | None, environ: Mapping[str, str]) -> Language:
    """The language of this command (see the module's docstring). `flag` has been checked
    (see `known`); a setting or $SMCOACH_LANG that names no language smcoach speaks is passed
    over, as an unset one would be."""
    if flag:
        return Language(known(flag) or DEFAULT, "flag")
    if setting and known(setting):
        return Language(known(setting) or DEFAULT, "setting")
    given = known(environ.get(ENV, ""))
    if given:
        return Language(given, "env")
    for var in LOCALE_VARS:
        value = environ.get(var, "")
        if value:  # the first one set decides; C, POSIX or another language: English
            return Language(known(value) or DEFAULT, "locale", value)
    return Language(DEFAULT, "default")


def take_flag(argv: list[str]) -> tuple[list[str], str | None]:
    """The arguments without `--lang CODE` (or `--lang=CODE`), wherever it stands before a
    `--`, and the code given (the last, if given twice); a `--lang` with nothing after it is
    left for the command line to refuse."""
    rest: list[str] = []
    given = None
    words = iter(enumerate(argv))
    for n, word in words:
        if word == "--":
            rest += argv[n:]
            break
        if word.startswith(FLAG + "="):
            given = word.removeprefix(FLAG + "=")
        elif word == FLAG and n + 1 < len(argv):
            given = argv[n + 1]
            next(words)
        else:
            rest.append(word)
    return rest, given
