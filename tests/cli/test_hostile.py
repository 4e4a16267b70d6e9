"""Hostile input through the real CLI: every free-text field, every option that takes a value
and every answers file, given what a person could paste or a script could pass (the values are
in tests/hostile_values.py).

The rules:
- never a traceback;
- a refused input exits non-zero with one line on stderr starting 'Error: ' (click's own usage
  errors, exit 2, keep click's format) and changes nothing in the database;
- accepted text reads back byte-equal through --json, and prints safely in every plain view:
  no raw ESC, C0/C1 control or bidi control character, and a line break stored in a text never
  starts an output line of its own (a note cannot fake a 'Next:' line);
- an error that echoes what was typed shows it safely too.

In a guided flow (session, solve), the answers before a refused one are kept by design
(README, 'The weekly session'), and coaching may come before the error: there, a refusal is one
'Error: ' line, the last, and the refused text is saved nowhere.
"""

import copy
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hostile_values import (
    ANSWERS_ONLY,
    BLANK,
    DATES,
    DEFAULT_MAY_ACCEPT,
    EXTRA,
    INVALID_UTF8,
    MAY_ACCEPT,
    PATHS,
    TEXT,
    UNSAFE,
)
from smcoach.cli import app

SMCOACH = str(Path(sys.executable).parent / "smcoach")
Args = tuple[str, ...]
View = tuple[Args, dict[str, str] | None]


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty database, made once: copying it is much faster than making each one."""
    db = tmp_path_factory.mktemp("template") / "fresh.db"
    r = CliRunner().invoke(app, ["--db", str(db), "where", "--check"])  # opens, so makes, it
    assert r.exit_code == 0 and db.exists(), r.output
    return db


@pytest.fixture(autouse=True)
def fresh_db(isolated: Path, template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each test starts from an empty database; relative paths (--db, --svg, answers files
    named oddly) land in the test's own folder."""
    isolated.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template_db, isolated)
    monkeypatch.chdir(tmp_path)


# --- helpers -----------------------------------------------------------------------------------


def describe(args: Args) -> str:
    """A command line for a failure message, each odd or long value shown short and escaped."""
    shown = []
    for a in args:
        if len(a) > 40 or not a.isprintable() or " " in a or not a:
            a = repr(a[:30] + ("…" if len(a) > 30 else ""))
        shown.append(a)
    return "smcoach " + " ".join(shown)


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    if not db.exists():
        return {}
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    conn.text_factory = bytes  # whatever was stored, even text that is not UTF-8
    try:
        names = [n.decode() for (n,) in conn.execute("SELECT name FROM sqlite_master "
                                                     "WHERE type = 'table'")]  # fmt: skip
        names = [n for n in names if not n.startswith(("sqlite_", "_"))]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}
    finally:
        conn.close()


FRESH: dict[str, list[tuple[Any, ...]]] = {}


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every user table's rows, leaving out what a new database starts with (its lookup
    tables): a missing file and a fresh empty schema are the same."""
    if not FRESH:
        with tempfile.TemporaryDirectory() as folder:
            CliRunner().invoke(app, ["--db", f"{folder}/fresh.db", "where", "--check"])
            FRESH.update(_rows(Path(folder) / "fresh.db"))
    fresh = FRESH
    return {t: rows for t, rows in _rows(db).items() if rows and rows != fresh.get(t)}


def assert_not_stored(db: Path, value: str, where: str) -> None:
    if not value.strip():
        return
    needle = value.encode("utf-8", "surrogatepass")
    for table, rows in snapshot(db).items():
        for row in rows:
            assert not any(isinstance(c, bytes) and needle in c for c in row), (
                f"`{where}` was refused, but the text was saved in table {table}"
            )


def assert_no_traceback(r: Any, where: str) -> None:
    exc = r.exception
    if exc is not None and not isinstance(exc, SystemExit):
        raise AssertionError(f"traceback {type(exc).__name__}: {str(exc)[:120]} in `{where}`")
    assert "Traceback" not in r.output, f"traceback printed by `{where}`"


def assert_safe(text: str, value: str | None, where: str) -> None:
    """No raw control or bidi character, and no output line begins with what came after a
    line break inside the stored value."""
    bad = sorted(set(UNSAFE.findall(text)))
    assert not bad, f"raw {''.join(bad)!r} in {where}"
    for after in (value or "").split("\n")[1:]:
        start = after.strip()[:30]
        if start:
            faked = [line for line in text.split("\n") if line.lstrip().startswith(start)]
            assert not faked, f"a stored line break starts the line {faked[0][:50]!r} in {where}"


def stderr_lines(r: Any) -> list[str]:
    return r.stderr.rstrip("\n").split("\n") if r.stderr else []


def assert_one_error_line(r: Any, where: str, *, notes_before: bool = False) -> None:
    """One line starting 'Error: ' (the last); with notes_before, notices may come first."""
    lines = stderr_lines(r)
    if r.exit_code == 2:  # a usage error, in click's (typer's) format: a boxed 'Error' panel
        assert any("Error" in line for line in lines), f"no error shown by `{where}`"
        return
    if notes_before:
        errors = [line for line in lines if line.startswith("Error")]
        assert lines and lines[-1].startswith("Error: ") and len(errors) == 1, (
            f"`{where}`: the error is not one 'Error: ' line at the end: {lines[-3:]!r}"
        )
    else:
        assert len(lines) == 1 and lines[0].startswith("Error: "), (
            f"`{where}`: {len(lines)} lines on stderr, not one 'Error: ' line: {lines[:3]!r}"
        )


def assert_refused(
    r: Any, before: dict[str, Any], db: Path, value: str, where: str, notes_before: bool = False
) -> None:
    assert r.exit_code != 0
    assert_one_error_line(r, where, notes_before=notes_before)
    assert_safe(r.stderr, value, f"the error of `{where}`")
    assert_safe(r.stdout, value, f"stdout of `{where}`")
    assert snapshot(db) == before, f"`{where}` was refused, but the database changed"


def assert_refused_in_flow(r: Any, db: Path, value: str, where: str) -> None:
    assert r.exit_code != 0
    assert_one_error_line(r, where, notes_before=True)
    assert_safe(r.stderr, value, f"stderr of `{where}`")
    assert_safe(r.stdout, value, f"stdout of `{where}`")
    assert_not_stored(db, value, where)


def assert_view(run: Any, args: Args, env: dict[str, str] | None, value: str, after: str) -> None:
    where = describe(args)
    r = run(*args, env=env)
    assert_no_traceback(r, f"{where}` after `{after}")
    assert r.exit_code == 0, f"`{where}` failed after `{after}`: {stderr_lines(r)[-1:]!r}"
    assert_safe(r.stdout, value, f"stdout of `{where}` after `{after}`")
    assert_safe(r.stderr, value, f"stderr of `{where}` after `{after}`")


def read_json(run: Any, *args: str) -> Any:
    r = run(*args, "--json")
    assert_no_traceback(r, describe((*args, "--json")))
    assert r.exit_code == 0, f"`{describe(args)} --json` failed: {r.stderr[-200:]!r}"
    return json.loads(r.stdout)


def given(run: Any, commands: list[Args]) -> None:
    for args in commands:
        r = run(*args)
        assert r.exit_code == 0, f"setup `{describe(args)}` failed: {r.output[-300:]}"


class Ctx:
    """What one case's commands are built from: the value, and a folder for answers files."""

    def __init__(self, value: str, tmp_path: Path):
        self.v = value
        self.tmp = tmp_path
        self.n = 0

    def answers(self, data: dict[str, Any]) -> str:
        """An answers file in JSON, which can carry any text (escaped, so the file is ASCII)."""
        self.n += 1
        path = self.tmp / f"answers{self.n}.json"
        path.write_text(json.dumps(data), "ascii")
        return str(path)


def plan_new(
    what: str = "walk round the park",
    how_much: str = "15 minutes",
    when: str = "after lunch",
    days: str | None = "mon,wed",
    times: str | None = None,
    confidence: str = "8",
    *extra: str,
) -> Args:
    """`plan new` with every part given; --agreed, so a text a safety check reads as a change
    of medicine (one of the values says 'take double your pills') is still kept and shown."""
    often = ("--days", days) if days is not None else ("--times", "2" if times is None else times)
    return ("plan", "new", "--what", what, "--how-much", how_much, "--when", when, *often,
            "--confidence", confidence, "--agreed", *extra)  # fmt: skip


def with_answer(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    step, _, name = key.partition(".")
    data.setdefault(step, {})[name] = value
    return data


SESSION = {
    "intro": {"ready": ""},
    "session": {"carry_on": "yes"},
    "agenda": {"add": ["stairs"], "focus": "1"},
    "goal": {"text": "walk to the shop", "by": ""},
    "plan": {"what": "walk to the gate", "how_much": "there and back", "when": "after lunch",
             "how_often": "mon,wed", "confidence": "8", "safety": "agreed"},
}  # fmt: skip
SOLVE = {
    "solve": {"problem": "I cannot sleep for the pain in my back", "kind": "sleep",
              "ideas": ["warm bath"], "suggestions": "", "choice": "1", "make_plan": "n"},
}  # fmt: skip
LOW = {"confidence": ["5", "8"], "smaller": "barrier", "barrier": "rain"}  # then a barrier

AGENDA: list[Args] = [("agenda", "add", "stairs")]
GOAL: list[Args] = [("goal", "add", "walk to the shop")]
PLAN: list[Args] = [plan_new()]
LAST_WEEK_PLAN: list[Args] = [
    plan_new("walk round the park", "15 minutes", "after lunch", "mon,wed", None, "8",
             "--start", "2026-11-16"),
    ("check", "1", "--done", "--date", "2026-11-16"),
]  # fmt: skip
SYMPTOM: list[Args] = [("symptoms", "add", "pain")]
NEXT_WEEK = {"SMCOACH_TODAY": "2026-11-30"}


def solved(c: Ctx) -> list[Args]:
    return [("solve", "--answers", c.answers(SOLVE))]


def v(*args: str, env: dict[str, str] | None = None) -> View:
    return (args, env)


def first(items: list[Any], key: str) -> Any:
    return items[0][key] if items else None


# --- every free-text field ---------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    command: Callable[[Ctx], Args]
    readback: Callable[[Any], Any] | None  # (run) -> the text as stored; None: not listed
    views: Callable[[Ctx], list[View]]
    setup: Callable[[Ctx], list[Args]] = lambda c: []
    required: bool = True  # blank is refused
    flow: bool = False  # a guided flow with an answers file
    notes_before: bool = False  # coaching may come before a refusal (plan new)
    huge: bool = True  # try 100 kB: on a few fields only (screening 100 kB takes ~0.1 s a time)


def plan_views(c: Ctx) -> list[View]:
    feedback = {"feedback": {"2026-11-25": "done", "how": ""}}
    return [v("plan", "list"), v("plan", "show", "1"), v("today"), v("check", "--done"),
            v("session", "--step", "feedback", "--answers", c.answers(feedback), env=NEXT_WEEK),
            v("plan", "list", "--all")]  # fmt: skip


def session_with(key: str, value: Any, base: dict[str, Any] = SESSION) -> Callable[[Ctx], Args]:
    return lambda c: ("session", "--answers", c.answers(with_answer(base, key, value(c.v))))


def plan_part(run: Any, key: str) -> Any:
    return first(read_json(run, "plan", "list"), key)


def idea_texts(run: Any, source: str) -> list[str]:
    return [
        i["text"] for i in read_json(run, "solve", "show", "1")["ideas"] if i["source"] == source
    ]


def barrier_idea(run: Any) -> Any:
    barrier = plan_part(run, "barrier")
    if barrier is None or barrier == "rain":
        return None
    return barrier.removeprefix("rain (idea: ").removesuffix(")")


def revisit(answers: dict[str, Any]) -> Callable[[Ctx], Args]:
    def command(c: Ctx) -> Args:
        filled = {k: (c.v if a is None else a) for k, a in answers.items()}
        return ("solve", "revisit", "1", "--answers", c.answers({"solve": filled}))

    return command


FIELDS = [
    Field("agenda add", lambda c: ("agenda", "add", c.v),
          lambda run: first(read_json(run, "agenda", "list"), "text"),
          lambda c: [v("agenda", "list"), v("agenda", "focus", "1"), v("today"),
                     v("session", "--step", "agenda", "--answers",
                       c.answers({"agenda": {"add": [], "focus": "1"}}))]),
    Field("goal add", lambda c: ("goal", "add", c.v),
          lambda run: first(read_json(run, "goal", "list"), "text"),
          lambda c: [v("goal", "list"), v(*plan_new("walk", "10 min", "after lunch", "mon", None,
                                                    "8", "--goal", "1")),
                     v("plan", "show"), v("goal", "done", "1"), v("goal", "list", "--all")],
          huge=False),
    Field("plan new --what", lambda c: plan_new(what=c.v),
          lambda run: plan_part(run, "what"), plan_views, notes_before=True),
    Field("plan new --how-much", lambda c: plan_new(how_much=c.v),
          lambda run: plan_part(run, "how_much"), plan_views, notes_before=True, huge=False),
    Field("plan new --when", lambda c: plan_new(when=c.v),
          lambda run: plan_part(run, "when"), plan_views, notes_before=True, huge=False),
    Field("check --note", lambda c: ("check", "--done", "--note", c.v),
          lambda run: first(read_json(run, "plan", "show")["checkins"], "note"),
          lambda c: [v("plan", "show"), v("plan", "list"), v("today")],
          setup=lambda c: PLAN, required=False),
    Field("symptoms add", lambda c: ("symptoms", "add", c.v),
          lambda run: first(read_json(run, "symptoms", "list"), "name"),
          lambda c: [v("symptoms", "list"), v("check", "--rate", f"{c.v}=5"),
                     v("trends", "--weeks", "2"), v("symptoms", "remove", c.v),
                     v("symptoms", "list", "--all")]),
    # the answers files of the guided flows
    Field("session agenda.add", session_with("agenda.add", lambda x: [x]),
          lambda run: first(read_json(run, "agenda", "list"), "text"),
          lambda c: [v("agenda", "list"), v("today")], required=False, flow=True, huge=False),
    Field("session goal.text", session_with("goal.text", lambda x: x),
          lambda run: first(read_json(run, "goal", "list"), "text"),
          lambda c: [v("goal", "list"), v("plan", "show"), v("today")], flow=True, huge=False),
    Field("session plan.what", session_with("plan.what", lambda x: x),
          lambda run: plan_part(run, "what"),
          lambda c: [v("plan", "list"), v("plan", "show"), v("today")], flow=True),
    Field("session plan.how_much", session_with("plan.how_much", lambda x: x),
          lambda run: plan_part(run, "how_much"),
          lambda c: [v("plan", "list"), v("plan", "show"), v("today")], flow=True, huge=False),
    Field("session plan.when", session_with("plan.when", lambda x: x),
          lambda run: plan_part(run, "when"),
          lambda c: [v("plan", "list"), v("plan", "show"), v("today")], flow=True, huge=False),
    Field("session plan.barrier",
          session_with("plan.barrier", lambda x: x,
                       {**SESSION, "plan": {**SESSION["plan"], **LOW}}),
          lambda run: plan_part(run, "barrier"),
          lambda c: [v("plan", "list"), v("plan", "show")], flow=True, huge=False),
    Field("session plan.barrier_idea",
          session_with("plan.barrier_idea", lambda x: x,
                       {**SESSION, "plan": {**SESSION["plan"], **LOW}}),
          barrier_idea, lambda c: [v("plan", "list"), v("plan", "show")],
          required=False, flow=True, huge=False),
    Field("session feedback.how",
          lambda c: ("session", "--step", "feedback", "--answers",
                     c.answers({"feedback": {"2026-11-18": "done", "how": c.v}})),
          lambda run: first(read_json(run, "plan", "list", "--all"), "feedback"),
          lambda c: [v("plan", "show", "1"), v("plan", "list", "--all")],
          setup=lambda c: LAST_WEEK_PLAN, required=False, flow=True, huge=False),
    Field("session feedback.barrier",
          lambda c: ("session", "--step", "feedback", "--answers",
                     c.answers({"feedback": {"2026-11-18": "not", "how": "", "barrier": c.v,
                                             "solve": "no"}})),
          None, lambda c: [v("plan", "show", "1")],
          setup=lambda c: LAST_WEEK_PLAN, required=False, flow=True, huge=False),
    Field("solve problem",
          lambda c: ("solve", "--answers", c.answers(with_answer(SOLVE, "solve.problem", c.v))),
          lambda run: first(read_json(run, "solve", "list"), "text"),
          lambda c: [v("solve", "list"), v("solve", "list", "--all"), v("solve", "show", "1"),
                     v("solve", "revisit", "1", "--answers",
                       c.answers({"solve": {"result": "not_yet"}}))], flow=True),
    Field("solve ideas",
          lambda c: ("solve", "--answers", c.answers(with_answer(SOLVE, "solve.ideas", [c.v]))),
          lambda run: (idea_texts(run, "own") or [None])[0],
          lambda c: [v("solve", "show", "1"), v("solve", "list")],
          required=False, flow=True, huge=False),
    Field("solve revisit note",
          revisit({"result": "partly", "note": None, "substitute": "same", "make_plan": "n"}),
          lambda run: first(read_json(run, "solve", "show", "1")["attempts"], "note"),
          lambda c: [v("solve", "show", "1"), v("solve", "list", "--all")],
          setup=solved, required=False, flow=True, huge=False),
    Field("solve revisit resource",
          revisit({"result": "did_not_work", "note": "", "resource": None, "make_plan": "n",
                   "accept": "aside"}),
          lambda run: (idea_texts(run, "resource") or [None])[0],
          lambda c: [v("solve", "show", "1"), v("solve", "list", "--all")],
          setup=solved, required=False, flow=True, huge=False),
    Field("solve revisit new_idea",
          revisit({"result": "did_not_work", "note": "", "accept": "idea", "new_idea": None,
                   "make_plan": "n"}),
          lambda run: (idea_texts(run, "own")[1:] or [None])[0],
          lambda c: [v("solve", "show", "1"), v("solve", "list", "--all")],
          setup=solved, flow=True, huge=False),
]  # fmt: skip

FIELD_CASES = [
    pytest.param(f, name, id=f"{f.name}-{name}")
    for f in FIELDS
    for name in [*TEXT, *(ANSWERS_ONLY if f.flow else {})]
    if f.huge or name != "100kB"
]


@pytest.mark.parametrize(("field", "name"), FIELD_CASES)
def test_free_text(run, isolated, tmp_path, field: Field, name: str):
    value = {**TEXT, **ANSWERS_ONLY}[name]
    c = Ctx(value, tmp_path)
    given(run, field.setup(c))
    before = snapshot(isolated)
    args = field.command(c)
    where = describe(args)
    r = run(*args)
    assert_no_traceback(r, where)
    if r.exit_code != 0:
        if field.flow:
            assert_refused_in_flow(r, isolated, value, where)
        else:
            assert_refused(r, before, isolated, value, where, field.notes_before)
        return
    assert not (field.required and name in BLANK), f"`{where}` accepted a blank text"
    assert_safe(r.stdout, value, f"stdout of `{where}`")
    assert_safe(r.stderr, value, f"stderr of `{where}`")
    if field.readback is not None:
        stored = field.readback(run)
        if stored is None and not field.required and name in BLANK:
            pass  # an optional text left blank: nothing to keep
        else:
            assert stored == value, (
                f"`{where}` stored {str(stored)[:40]!r}, not what was typed {value[:40]!r}"
            )
    for args2, env in field.views(c):
        assert_view(run, args2, env, value, where)


# --- every option and argument that takes a value -----------------------------------------------


@dataclass(frozen=True)
class Option:
    name: str
    kind: str  # which values to try, and which it may accept (hostile_values.MAY_ACCEPT)
    command: Callable[[Ctx], Args]
    setup: Callable[[Ctx], list[Args]] = lambda c: []
    after: tuple[Args, ...] = ()  # views that must still work if the value is accepted


NOT_YET = {"solve": {"result": "not_yet"}}

OPTIONS = [
    Option("agenda focus ID", "id", lambda c: ("agenda", "focus", c.v), lambda c: AGENDA),
    Option("agenda done ID", "id", lambda c: ("agenda", "done", c.v), lambda c: AGENDA),
    Option("agenda remove ID", "id", lambda c: ("agenda", "remove", c.v), lambda c: AGENDA),
    Option("goal add --agenda", "id", lambda c: ("goal", "add", "walk", "--agenda", c.v),
           lambda c: AGENDA),
    Option("goal add --by", "date", lambda c: ("goal", "add", "walk", "--by", c.v),
           after=(("goal", "list"), ("today",))),
    Option("goal done ID", "id", lambda c: ("goal", "done", c.v), lambda c: GOAL),
    Option("goal drop ID", "id", lambda c: ("goal", "drop", c.v), lambda c: GOAL),
    Option("plan new --days", "days", lambda c: plan_new(days=c.v)),
    Option("plan new --times", "times", lambda c: plan_new(days=None, times=c.v)),
    Option("plan new --confidence", "confidence", lambda c: plan_new(confidence=c.v)),
    Option("plan new --goal", "id", lambda c: plan_new("walk", "10 min", "after lunch", "mon",
                                                       None, "8", "--goal", c.v),
           lambda c: GOAL),
    Option("plan new --start", "date", lambda c: plan_new("walk", "10 min", "after lunch", "mon",
                                                        None, "8", "--start", c.v),
           after=(("plan", "list"), ("plan", "show"), ("today",), ("trends",))),
    Option("plan show ID", "id", lambda c: ("plan", "show", c.v), lambda c: PLAN),
    Option("plan end ID", "id", lambda c: ("plan", "end", c.v), lambda c: PLAN),
    Option("check PLAN_ID", "id", lambda c: ("check", c.v, "--done"), lambda c: PLAN),
    Option("check --date", "date", lambda c: ("check", "--done", "--date", c.v), lambda c: PLAN,
           after=(("plan", "show"), ("today",), ("trends",))),
    Option("check --rate NAME=N", "rate", lambda c: ("check", "--rate", c.v), lambda c: SYMPTOM),
    Option("check --rate pain=VALUE", "rating", lambda c: ("check", "--rate", f"pain={c.v}"),
           lambda c: SYMPTOM),
    Option("check --rate NAME=5", "symptom", lambda c: ("check", "--rate", f"{c.v}=5"),
           lambda c: SYMPTOM),
    Option("session --step", "step",
           lambda c: ("session", "--step", c.v, "--answers", c.answers(SESSION))),
    Option("solve show ID", "id", lambda c: ("solve", "show", c.v), solved),
    Option("solve revisit ID", "id",
           lambda c: ("solve", "revisit", c.v, "--answers", c.answers(NOT_YET)), solved),
    Option("selfcheck --answers", "selfcheck", lambda c: ("selfcheck", "--answers", c.v)),
    Option("selfcheck --date", "date",
           lambda c: ("selfcheck", "--answers", "8,7,skip,9,6,7", "--date", c.v),
           after=(("selfcheck", "--history"), ("trends",), ("today",))),
    Option("trends --weeks", "weeks", lambda c: ("trends", "--weeks", c.v)),
    Option("trends --since", "date", lambda c: ("trends", "--since", c.v)),
    Option("symptoms remove NAME", "symptom", lambda c: ("symptoms", "remove", c.v),
           lambda c: SYMPTOM),
    Option("settings country CODE", "country", lambda c: ("settings", "country", c.v)),
]  # fmt: skip

# Not free text: one value of each sort is enough (bell is like ESC, markup and the second
# line break like the others here).
OPTION_TEXT = {k: x for k, x in TEXT.items() if k not in {"bell", "markup", "newline", "isolate"}}
EXTRA_RATING = {"eleven": "11", "minus": "-1", "decimal": "7.5", "nan": "NaN", "exp": "1e1"}


def option_values(kind: str) -> dict[str, str]:
    extra = EXTRA_RATING if kind == "rating" else EXTRA.get(kind, {})
    return {**OPTION_TEXT, **(DATES if kind == "date" else {}), **extra}


OPTION_CASES = [
    pytest.param(o, name, id=f"{o.name}-{name}") for o in OPTIONS for name in option_values(o.kind)
]


@pytest.mark.parametrize(("option", "name"), OPTION_CASES)
def test_option_value(run, isolated, tmp_path, option: Option, name: str):
    value = option_values(option.kind)[name]
    c = Ctx(value, tmp_path)
    given(run, option.setup(c))
    before = snapshot(isolated)
    args = option.command(c)
    where = describe(args)
    r = run(*args)
    assert_no_traceback(r, where)
    if r.exit_code != 0:
        assert_refused(r, before, isolated, value, where)
        return
    may_accept = MAY_ACCEPT.get(option.kind, DEFAULT_MAY_ACCEPT)
    assert name in may_accept, f"`{where}` accepted {value[:40]!r}"
    assert_safe(r.stdout, value, f"stdout of `{where}`")
    assert_safe(r.stderr, value, f"stderr of `{where}`")
    for args2 in option.after:
        assert_view(run, args2, None, value, where)


# --- paths: --db, --content, --answers, --svg, --html ------------------------------------------


def good_solve(c: Ctx) -> str:
    return c.answers(SOLVE)


PATH_OPTIONS = [
    # (name, command, must the path be refused, views if accepted)
    ("session --answers", lambda c: ("session", "--answers", c.v), True, []),
    ("solve --answers", lambda c: ("solve", "--answers", c.v), True, []),
    ("solve revisit --answers", lambda c: ("solve", "revisit", "1", "--answers", c.v), True, []),
    ("--db", lambda c: ("--db", c.v, "agenda", "add", "stairs"), False,
     [lambda c: ("--db", c.v, "agenda", "list"), lambda c: ("--db", c.v, "where")]),
    ("--content", lambda c: ("--content", c.v, "solve", "--answers", good_solve(c)), False, []),
    ("trends --svg", lambda c: ("trends", "--svg", c.v), False, []),
    ("trends --html", lambda c: ("trends", "--html", c.v), False, []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "command", "refuse", "views", "path"),
    [pytest.param(*o, p, id=f"{o[0]}-{p}") for o in PATH_OPTIONS for p in PATHS],
)
def test_path_value(run, isolated, tmp_path, name, command, refuse, views, path):
    value = PATHS[path]
    c = Ctx(value, tmp_path)
    if "revisit" in name:
        given(run, solved(c))
    before = snapshot(isolated)
    args = command(c)
    where = describe(args)
    r = run(*args)
    assert_no_traceback(r, where)
    if r.exit_code != 0:
        assert_refused(r, before, isolated, value, where)
        return
    assert not refuse, f"`{where}` accepted a path that is no file"
    assert_safe(r.stdout, value, f"stdout of `{where}`")
    assert_safe(r.stderr, value, f"stderr of `{where}`")
    for view in views:
        assert_view(run, view(c), None, value, where)


# --- the SMCOACH_TODAY environment variable -----------------------------------------------------

TODAY_COMMANDS = [
    ("today", lambda c: ("today",), []),
    ("agenda add", lambda c: ("agenda", "add", "stairs"), []),
    ("plan new", lambda c: plan_new(), []),
    ("trends", lambda c: ("trends",), []),
    ("goal add --by tomorrow", lambda c: ("goal", "add", "walk", "--by", "tomorrow"), []),
    ("session", lambda c: ("session", "--answers", c.answers(SESSION)), []),
]
# An environment variable cannot hold NUL; an empty one is the same as none (today's date).
TODAY_VALUES = {
    **{k: x for k, x in OPTION_TEXT.items() if k not in {"nul", "100kB"}},
    **DATES,
    "week-52": "2021-W52",
}
TODAY_MAY_ACCEPT = {"empty", "year-1", "year-9999", "week-52"}


@pytest.mark.parametrize(
    ("command", "setup", "name"),
    [pytest.param(cmd, setup, n, id=f"{label}-{n}") for label, cmd, setup in TODAY_COMMANDS
     for n in TODAY_VALUES],
)  # fmt: skip
def test_smcoach_today(run, isolated, tmp_path, command, setup, name):
    value = TODAY_VALUES[name]
    c = Ctx(value, tmp_path)
    given(run, setup)
    before = snapshot(isolated)
    args = command(c)
    where = f"SMCOACH_TODAY={value[:20]!r} {describe(args)}"
    r = run(*args, env={"SMCOACH_TODAY": value})
    assert_no_traceback(r, where)
    if r.exit_code != 0:
        assert_refused(r, before, isolated, value, where, notes_before="session" in args)
        return
    assert name in TODAY_MAY_ACCEPT, f"`{where}` accepted it"
    assert_safe(r.stdout, value, f"stdout of `{where}`")
    assert_safe(r.stderr, value, f"stderr of `{where}`")


# --- the country from the environment, echoed by help-now and settings --------------------------

# help-now is the way to help in an emergency: whatever the environment holds, it must work.
ENV_TEXT = {k: x for k, x in OPTION_TEXT.items() if k != "nul"}


@pytest.mark.parametrize("command", ["help-now", "settings"])
@pytest.mark.parametrize("var", ["SMCOACH_COUNTRY", "LANG", "LC_ALL"])
@pytest.mark.parametrize("name", list(ENV_TEXT))
def test_country_from_the_environment(run, command, var, name):
    value = ENV_TEXT[name]
    r = run(command, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "", var: value})
    where = f"{var}={value[:20]!r} smcoach {command}"
    assert_no_traceback(r, where)
    if command == "help-now":
        assert r.exit_code == 0, f"`{where}` failed: {stderr_lines(r)[-1:]!r}"
    elif r.exit_code != 0:
        assert_one_error_line(r, where)
    assert_safe(r.stdout, value, f"stdout of `{where}`")
    assert_safe(r.stderr, value, f"stderr of `{where}`")


# --- answers files: what a whole file can be ---------------------------------------------------

GOOD = json.dumps(SOLVE)
ANSWERS_FILES: dict[str, tuple[str, str | bytes]] = {
    "deep-json": ("a.json", '{"solve": {"problem": ' + "[" * 100_000 + "]" * 100_000 + "}}"),
    "deep-toml": ("a.toml", "[solve]\nproblem = " + "[" * 100_000 + "]" * 100_000 + "\n"),
    "deep-json-no-suffix": ("answers", "[" * 100_000 + "]" * 100_000),
    "huge-int-json": ("a.json", '{"solve": {"problem": ' + "9" * 5000 + "}}"),
    "huge-int-toml": ("a.toml", "[solve]\nproblem = " + "9" * 5000 + "\n"),
    "invalid-utf8": ("a.json", b'{"solve": {"problem": "\xff\xfe"}}'),
    "nul-in-toml": ("a.toml", '[solve]\nproblem = "a\x00b"\n'),
    "raw-control-in-json": ("a.json", '{"solve": {"problem": "a\x1b[2Jb"}}'),
    "top-level-list": ("a.json", "[1, 2]"),
    "step-not-a-table": ("a.json", '{"solve": "problem"}'),
    "hostile-step-name": ("a.json", '{"\\u001b[2J\\u202e": "x"}'),
    "hostile-key-only": ("a.json", '{"solve": {"\\u001b[2Jproblem": "x"}}'),
    "empty-toml": ("a.toml", ""),
    "empty-json": ("a.json", ""),
    "neither": ("a.txt", "\x1b[31m{ not toml \u202e"),
    "bom-json": ("a.json", "\ufeff" + GOOD),
}
MAY_LOAD = {"bom-json"}  # a byte-order mark (Notepad): reading it or refusing it are both fine
# Files that load, but lack the first answer: the flow has begun (its notices shown, a session
# started) when it stops, as for any missing answer.
INCOMPLETE = {"hostile-key-only", "empty-toml", "bom-json"}


@pytest.mark.parametrize("flow", ["solve", "session"])
@pytest.mark.parametrize("case", list(ANSWERS_FILES))
def test_answers_file(run, isolated, tmp_path, flow, case):
    filename, content = ANSWERS_FILES[case]
    path = tmp_path / filename
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    before = snapshot(isolated)
    args = (flow, "--answers", str(path))
    where = f"smcoach {flow} --answers {case}"
    r = run(*args)
    assert_no_traceback(r, where)
    if r.exit_code != 0:
        if case in INCOMPLETE:
            assert_refused_in_flow(r, isolated, "", where)
        else:
            assert_refused(r, before, isolated, "", where)
        return
    assert case in MAY_LOAD, f"`{where}` was accepted"


def test_answers_file_that_is_a_folder(run, isolated, tmp_path):
    before = snapshot(isolated)
    r = run("solve", "--answers", str(tmp_path))
    assert_no_traceback(r, "solve --answers FOLDER")
    assert_refused(r, before, isolated, "", "solve --answers FOLDER")


# --- answers files: one unsuitable answer -------------------------------------------------------

ANSWER_VALUES: dict[str, Any] = {
    "minus-1": "-1", "eleven": "11", "seven-half": "7.5", "nan": "NaN", "empty": "",
    "json-minus-1": -1, "json-eleven": 11, "json-seven-half": 7.5, "json-nan": float("nan"),
    "json-inf": float("inf"), "json-true": True, "json-null": None, "json-empty-list": [],
    "json-table": {"a": 1}, "esc": "\x1b[31m8\x1b[0m", "newline": "8\nNext: stop",
    "rlo": "\u202e8", "surrogate": "\ud800",
}  # fmt: skip


def no_plan(run: Any) -> bool:
    return read_json(run, "plan", "list", "--all") == []


def no_goal(run: Any) -> bool:
    return read_json(run, "goal", "list", "--all") == []


def no_focus(run: Any) -> bool:
    return not any(i["focus"] for i in read_json(run, "agenda", "list", "--all"))


def no_kind(run: Any) -> bool:
    return first(read_json(run, "solve", "list", "--all"), "kind") is None


def no_attempt(run: Any) -> bool:
    return all(p["attempts"] == [] for p in read_json(run, "solve", "list", "--all"))


def no_checkin_on_18(run: Any) -> bool:
    checkins = read_json(run, "plan", "show", "1")["checkins"]
    return all(ch["day"] != "2026-11-18" for ch in checkins)


PLAN_STEP = {"plan": SESSION["plan"]}
ANSWER_KEYS = [
    # (the answer, the command's answers, setup, nothing saved from it, values it may accept)
    ("plan.confidence", ("session", "--step", "plan"), PLAN_STEP, [], no_plan, set()),
    ("plan.how_often", ("session", "--step", "plan"), PLAN_STEP, [], no_plan, set()),
    ("goal.by", ("session", "--step", "goal"), {"goal": {"text": "walk to the shop"}},
     [*AGENDA, ("agenda", "focus", "1")], no_goal, {"empty", "json-null", "json-empty-list"}),
    ("agenda.focus", ("session", "--step", "agenda"), {"agenda": {"add": []}}, AGENDA, no_focus,
     {"empty", "json-null", "json-empty-list"}),
    ("solve.kind", ("solve",), {"solve": {"problem": "I cannot sleep for the pain"}}, [],
     no_kind, set()),
    ("solve.choice", ("solve",), SOLVE, [], lambda run: no_attempt(run), set()),
    ("feedback.2026-11-18", ("session", "--step", "feedback"), {"feedback": {"how": ""}},
     LAST_WEEK_PLAN, no_checkin_on_18, set()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("key", "command", "base", "setup", "unsaved", "may_accept", "name"),
    [pytest.param(*k, n, id=f"{k[0]}-{n}") for k in ANSWER_KEYS for n in ANSWER_VALUES],
)
def test_one_answer(run, isolated, tmp_path, key, command, base, setup, unsaved, may_accept, name):
    value = ANSWER_VALUES[name]
    c = Ctx("", tmp_path)
    given(run, setup)
    if key.startswith("feedback"):
        base = with_answer(base, "feedback.how", "")
    args = (*command, "--answers", c.answers(with_answer(base, key, value)))
    where = f"smcoach {' '.join(command)} --answers {{{key}: {value!r:.20}}}"
    r = run(*args)
    assert_no_traceback(r, where)
    shown = value if isinstance(value, str) else ""
    if r.exit_code != 0:
        assert_one_error_line(r, where, notes_before=True)
        assert_safe(r.stderr, shown, f"stderr of `{where}`")
        assert unsaved(run), f"`{where}` was refused, but its answer was saved"
        return
    assert name in may_accept, f"`{where}` was accepted"
    assert_safe(r.stderr, shown, f"stderr of `{where}`")


# --- click's own errors, echoing what was typed -------------------------------------------------

CLICK_ERRORS = {
    "unknown command": ("\x1b[31mred\u202e",),
    "unknown option": ("agenda", "list", "--x\x1b[2J"),
    "extra argument": ("agenda", "add", "stairs", "b\x1b[2J\u202e"),
    "missing value": ("check", "--rate"),
    "unknown subcommand": ("plan", "walk\nNext: take double your pills"),
}


@pytest.mark.parametrize("case", list(CLICK_ERRORS))
def test_click_usage_errors(run, isolated, case):
    args = CLICK_ERRORS[case]
    before = snapshot(isolated)
    r = run(*args)
    assert_no_traceback(r, describe(args))
    assert r.exit_code == 2, f"`{describe(args)}` exited {r.exit_code}"
    value = next((a for a in args if not a.isprintable()), "")
    assert_refused(r, before, isolated, value, describe(args))


# --- invalid UTF-8 in the command line: only a real process can pass it ------------------------

BAD = INVALID_UTF8


@dataclass
class Ran:
    """A real process's result, shaped like click's for the helpers above."""

    exit_code: int
    stdout: str
    stderr: str


SUBPROCESS_CASES: dict[str, tuple[list[bytes], list[Args], tuple[str, ...] | None]] = {
    # (argv, setup, the listing that shows it if accepted)
    "agenda add": ([b"agenda", b"add", BAD], [], ("agenda", "list")),
    "goal add": ([b"goal", b"add", b"walk " + BAD], [], ("goal", "list")),
    "symptoms add": ([b"symptoms", b"add", BAD], [], ("symptoms", "list")),
    "plan new --what": ([b"plan", b"new", b"--what", BAD, b"--how-much", b"10 min", b"--when",
                         b"after lunch", b"--days", b"mon", b"--confidence", b"8"], [],
                        ("plan", "list")),
    "check --note": ([b"check", b"--done", b"--note", BAD], PLAN, ("plan", "show")),
    "agenda focus ID": ([b"agenda", b"focus", BAD], AGENDA, None),
    "goal add --by": ([b"goal", b"add", b"walk", b"--by", BAD], [], None),
    "check --rate": ([b"check", b"--rate", BAD + b"=5"], SYMPTOM, None),
    "settings country": ([b"settings", b"country", BAD], [], None),
    "session --answers": ([b"session", b"--answers", b"no-such-" + BAD + b".toml"], [], None),
    "unknown command": ([BAD], [], None),
}  # fmt: skip


@pytest.mark.parametrize("case", list(SUBPROCESS_CASES))
def test_invalid_utf8_argv(run, isolated, tmp_path, case):
    argv, setup, listing = SUBPROCESS_CASES[case]
    given(run, setup)
    before = snapshot(isolated)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    p = subprocess.run([SMCOACH.encode(), *argv], capture_output=True, env=env, cwd=tmp_path,
                       timeout=60)  # fmt: skip
    where = f"smcoach {b' '.join(argv)!r}"
    assert b"Traceback" not in p.stderr, f"traceback in `{where}`: {p.stderr[-200:]!r}"
    try:
        out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    except UnicodeDecodeError:
        raise AssertionError(f"`{where}` wrote bytes that are not UTF-8") from None
    if p.returncode != 0:
        assert_refused(Ran(p.returncode, out, err), before, isolated, "", where)
        return
    assert_safe(out + err, "", f"the output of `{where}`")
    assert listing is not None, f"`{where}` was accepted"
    items = read_json(run, *listing)
    json.dumps(items).encode("utf-8")  # no lone surrogates stored
    assert_view(run, listing, None, "", where)
