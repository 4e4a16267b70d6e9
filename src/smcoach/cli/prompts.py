"""Asking the person: prompts go to stderr, answers come from stdin, a wrong answer is asked again.

Used only when stdin is a terminal; scripts pass every value as a flag.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from smcoach.cli.common import interactive
from smcoach.cli.signpost import screen_all, screen_typed
from smcoach.errors import InputEnded, SmcoachError
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING
from smcoach.render import Para, one_line, visible, width, wrap

if TYPE_CHECKING:  # every check-in loads this module: pathlib costs milliseconds to import
    from pathlib import Path
    from typing import Any, TypeVar

    T = TypeVar("T")


def _show(text: str, first: str = "", rest: str | None = None, end: str = "\n") -> None:
    """Write to the person, wrapped between words at the terminal's width (a long question
    is not cut mid-word by the terminal); `first` and `rest` start the lines, as in wrap."""
    sys.stderr.write("\n".join(wrap(text, width(sys.stderr), first, rest)) + end)


def _read(question: str, what: str) -> str:
    shown = visible(question)
    prompt = shown.rstrip()
    while True:
        _show(prompt, end=shown[len(prompt) :])  # the answer is typed after the last line
        sys.stderr.flush()
        try:
            line = sys.stdin.readline()
            line.encode("utf-8")  # undecodable bytes kept as lone surrogates cannot be stored
            break
        except (UnicodeDecodeError, UnicodeEncodeError):
            _show(t("input.not_utf8"), first="  ")
    if not line:
        sys.stderr.write("\n")
        raise InputEnded(t("input.ended", what=what))
    answer = line.rstrip("\r\n")
    screen_typed(answer)
    return answer


def _gap(question: str) -> None:
    """In the projector view (render/present.py), a blank line before each question; not
    before an item of a list being typed (an indented prompt, such as '  -')."""
    from smcoach.render.present import spaced

    if spaced() and not question[:1].isspace():
        sys.stderr.write("\n")


def ask(
    question: str,
    parse: Callable[[str], T],
    *,
    what: str,
    default: str | None = None,
    gap: bool = True,
) -> T:
    """Ask until the answer parses. An empty answer takes `default` when there is one.
    `gap`: the projector view's blank line before it (not between a menu and its answer)."""
    if gap:
        _gap(question)
    shown = f" [{default}]" if default else ""
    while True:
        answer = _read(f"{question}{shown}: ", what)
        if not answer.strip() and default is not None:
            answer = default
        try:
            return parse(answer)
        except SmcoachError as e:
            _show(one_line(str(e)), first="  ")


def ask_optional(question: str, *, what: str) -> str | None:
    _gap(question)
    answer = _read(f"{question}: ", what)
    return answer if answer.strip() else None


def choose(question: str, options: list[tuple[str, str]], *, what: str) -> str:
    """Pick one option by number or by its key; returns the key."""
    _gap(question)
    _show(visible(question))
    for n, (_, label) in enumerate(options, 1):
        _show(one_line(label), first=f"  {n}. ")

    def parse(answer: str) -> str:
        key = pick(answer, options)
        if key is None:
            raise SmcoachError(t("menu.choose", n=len(options)))
        return key

    return ask(t("menu.your_choice"), parse, what=what, gap=False)


def checkin_options(skip: str = "skip") -> list[tuple[str, str]]:
    """How a planned day went, as a menu's options: each choice with its words in this
    command's language; `skip` names the words for leaving the day unanswered."""
    return [(key, t(f"answer.{key}")) for key in ("done", "partly", "not", "rest")] + [
        ("skip", t(f"answer.{skip}"))
    ]


def yes_no_options() -> list[tuple[str, str]]:
    return [("yes", t("answer.yes")), ("no", t("answer.no"))]


def pick(answer: str, options: list[tuple[str, str]]) -> str | None:
    """The option an answer names: its number, its key, its words as shown (any case, accents
    or not: "si" for "sí"), or the start of just one option's words ("c" for "change the
    plan")."""
    from smcoach.domain.rules import unaccented

    a = unaccented(" ".join(answer.split()).lower())
    if not a:
        return None
    if a.isascii() and a.isdigit():  # not '²', which isdigit() also accepts
        return options[int(a) - 1][0] if 1 <= int(a) <= len(options) else None
    words = [(key, unaccented(label.lower())) for key, label in options]
    for key, label in words:
        if a in (key.lower(), label):
            return key
    starting = {key for key, label in words if label.startswith(a)}
    if len(starting) == 1:
        return starting.pop()
    # "keep it" for "keep the plan as it is": the first word names just one option's key
    first = a.split()[0]
    named = {key for key, _ in options if key.lower() == first}
    return named.pop() if len(named) == 1 and not starting else None


def require(
    value: str | None, *, what: str, how: str, question: str, parse: Callable[[str], T]
) -> T:
    """A value the command needs: the flag's (parsed), else asked in a terminal, else an error."""
    if value is not None:
        return parse(value)
    if not interactive():
        raise SmcoachError(t("missing", what=what, how=how))
    return ask(question, parse, what=what)


class Asker:
    """Where a guided flow's answers come from: the person at a terminal, or an answers file.

    Every question has a stable key such as 'solve.problem', so that an answers file can give
    it. `say` shows a notice (coaching text, acknowledgements) to the person."""

    from_file = False  # True when the answers come all at once from a file

    def ask(
        self, key: str, question: str, parse: Callable[[str], T], default: str | None = None
    ) -> T:
        raise NotImplementedError

    def optional(self, key: str, question: str) -> str | None:
        raise NotImplementedError

    def choose(self, key: str, question: str, options: list[tuple[str, str]]) -> str:
        raise NotImplementedError

    def many(self, key: str, question: str) -> list[str]:
        """Several answers, one per line, ended by an empty line."""
        raise NotImplementedError

    def say(self, text: str | Para) -> None:
        from smcoach.render import notice

        notice(text)


class TerminalAsker(Asker):
    def ask(
        self, key: str, question: str, parse: Callable[[str], T], default: str | None = None
    ) -> T:
        return ask(question, parse, what=t("what.this_question"), default=default)

    def optional(self, key: str, question: str) -> str | None:
        return ask_optional(question, what=t("what.this_question"))

    def choose(self, key: str, question: str, options: list[tuple[str, str]]) -> str:
        return choose(question, options, what=t("what.this_question"))

    def many(self, key: str, question: str) -> list[str]:
        _gap(question)
        _show(t("ask.many", question=visible(question)))
        answers = []
        while (answer := ask_optional("  -", what=t("what.this_question"))) is not None:
            answers.append(answer)
        return answers


class AnswersAsker(Asker):
    """Answers from a file, by step then key: {"solve": {"problem": "…"}} answers 'solve.problem'.
    A key asked more than once (a question asked again) takes the items of a list in turn."""

    from_file = True

    def __init__(self, answers: dict[str, object]):
        self.answers: dict[str, object] = {}
        for step, values in answers.items():
            if not isinstance(values, dict):
                raise SmcoachError(t("answers.not_a_table", step=step))
            for key, value in values.items():
                self.answers[f"{step}.{key}"] = value
        self.used: dict[str, int] = {}

    def _next(self, key: str, required: bool = True) -> object:
        if key not in self.answers:
            if required:
                raise SmcoachError(t("answers.missing", name=key))
            return None
        value = self.answers[key]
        given = value if isinstance(value, list) else [value]
        n = self.used.get(key, 0)
        if n >= len(given):  # asked once more than the file answers (a question asked again)
            if not required:
                return None
            raise SmcoachError(t("answers.too_few", name=key, n=len(given)))
        self.used[key] = n + 1
        value = given[n]
        if isinstance(value, bool) or not isinstance(value, str | int | float | None):
            # a table, a list in a list, true or false: not an answer a person would type
            raise SmcoachError(t("answers.invalid", name=key, error=t("answers.not_text")))
        return value

    def ask(
        self, key: str, question: str, parse: Callable[[str], T], default: str | None = None
    ) -> T:
        value = self._next(key, required=default is None)
        text = default if value is None else str(value)
        try:
            return parse(text or "")
        except SmcoachError as e:
            raise SmcoachError(t("answers.invalid", name=key, error=e)) from None

    def optional(self, key: str, question: str) -> str | None:
        value = self._next(key, required=False)
        return None if value is None or not str(value).strip() else str(value)

    def choose(self, key: str, question: str, options: list[tuple[str, str]]) -> str:
        value = str(self._next(key))
        chosen = pick(value, options)  # a key, a number, or the words shown, as at a terminal
        if chosen is None:
            keys = [k for k, _ in options]
            raise SmcoachError(
                t("answers.invalid", name=key, error=t("answers.choose_one", keys=", ".join(keys)))
            )
        return chosen

    def many(self, key: str, question: str) -> list[str]:
        if self.used.get(key):  # the list was given the first time this was asked
            return []
        self.used[key] = 1
        value = self.answers.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SmcoachError(t("answers.invalid", name=key, error=t("answers.list_of_texts")))
        return [v for v in value if v.strip()]


def load_answers(path: Path) -> dict[str, Any]:
    """An answers file, TOML or JSON (by its ending; otherwise JSON is tried, then TOML)."""
    import json
    import tomllib

    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise SmcoachError(t("answers.unreadable", path=path, error=e)) from None
    try:
        if path.suffix.lower() == ".toml":
            data: Any = tomllib.loads(text)
        elif path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            try:
                data = json.loads(text)
            except json.JSONDecodeError:
                data = tomllib.loads(text)
    except json.JSONDecodeError as e:
        detail = f"{e.msg} (line {e.lineno})"
        raise SmcoachError(t("answers.malformed", path=path, error=detail)) from None
    except tomllib.TOMLDecodeError as e:
        raise SmcoachError(t("answers.malformed", path=path, error=e)) from None
    except RecursionError:
        raise SmcoachError(t("answers.malformed", path=path, error=t("answers.deep"))) from None
    except ValueError:  # a number with more digits than Python converts
        raise SmcoachError(t("answers.malformed", path=path, error=t("answers.huge"))) from None
    if not isinstance(data, dict):
        raise SmcoachError(t("answers.malformed", path=path, error=t("answers.table_of_steps")))
    _check_shape(data, path)
    screen_all(data)
    return data


MAX_DEPTH = 3  # step -> key -> list of answers


def _check_shape(data: dict[str, Any], path: Path) -> None:
    """Refuse what no answers file needs and later steps cannot store: nesting deeper than a
    list of answers, and text that is not valid Unicode (a lone surrogate from JSON's \\ud800)."""
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise SmcoachError(t("answers.malformed", path=path, error=t("answers.deep")))
        if isinstance(item, dict):
            stack.extend((k, depth + 1) for k in item)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, str) and not item.isascii():
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                error = t("answers.surrogate")
                raise SmcoachError(t("answers.malformed", path=path, error=error)) from None
