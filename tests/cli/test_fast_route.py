"""The fast route (cli/fast.py) against typer's: the same bytes out, the same exit code, the
same data saved, for argument lists right and wrong; and its description of the command line
is the typer declarations' own."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

SMCOACH = str(Path(sys.executable).parent / "smcoach")


def test_the_spec_is_generated_from_the_typer_declarations():
    from smcoach.cli.fast import describe, help_texts, summaries
    from smcoach.cli.fastspec import SPEC, SUMMARIES
    from smcoach.cli.helptext import HELP
    from smcoach.cli.helptext_es import HELP as HELP_ES

    assert summaries() == SUMMARIES, "cli/fastspec.py is out of date: see below"
    assert help_texts() == HELP, "cli/helptext.py is out of date: see below"
    assert help_texts("es") == HELP_ES, "cli/helptext_es.py is out of date: see below"
    assert describe() == SPEC, (
        "cli/fastspec.py is out of date: run "
        "python -c 'from smcoach.cli.fast import write_spec; write_spec()'"
    )


def test_the_command_list_in_help_is_the_one_typer_builds():
    """`smcoach --help` lists the commands from the generated summaries, without building
    them: the same list typer's own listing gives once every command is built."""
    import typer

    from smcoach.cli.main import app

    root = typer.main.get_command(app)
    ctx = root.make_context("smcoach", [], resilient_parsing=True)
    ours = ctx.make_formatter()
    root.format_commands(ctx, ours)  # type: ignore[attr-defined]
    for name in root.list_commands(ctx):  # type: ignore[attr-defined]
        root.get_command(ctx, name)  # type: ignore[attr-defined]
    typers = ctx.make_formatter()
    typer.core.TyperGroup.format_commands(root, ctx, typers)  # type: ignore[arg-type]
    assert "trends" in ours.getvalue() and ours.getvalue() == typers.getvalue()


def test_every_fast_command_takes_its_parameters_by_name():
    import inspect
    from importlib import import_module

    from smcoach.cli.fast import FAST
    from smcoach.cli.fastspec import SPEC

    for name, (module, function) in FAST.items():
        work = getattr(import_module(module), function)
        accepted = list(inspect.signature(work).parameters)[1:]  # after the Env
        wanted = [p["name"] for p in SPEC[name]] if name else ["json_out"]
        assert accepted[: len(wanted)] == wanted or set(wanted) <= set(accepted), (name, accepted)


def test_the_everyday_commands_do_not_import_typer(data):
    code = (
        "import sys; from smcoach.cli import fast; "
        "ran = fast.run(sys.argv[1:]); "
        "print('TYPER' if any(m == 'typer' or m.startswith('typer.') for m in sys.modules) "
        "else 'none', ran, file=sys.stderr); "
        # modules these commands once paid for at start-up, imported now only where used
        # (typing: the records take NamedTuple from smcoach.records)
        "print(sorted({'pathlib', 'json', 'csv', 'tempfile', 'importlib.resources', 'tomllib', "
        "'typing'} & set(sys.modules)), file=sys.stderr)"
    )
    env = {**os.environ, "SMCOACH_DB": str(data)}  # a file there: the store is opened
    for argv in ([], ["agenda", "list"], ["plan"], ["symptoms", "list"], ["trends"],
                 ["check", "1", "--done"], ["check", "--rate", "fatigue=4"]):  # fmt: skip
        r = subprocess.run([sys.executable, "-c", code, *argv], env=env, capture_output=True,
                           text=True)  # fmt: skip
        assert r.stderr.strip().splitlines()[-2] == "none True", (argv, r.stderr)
        assert r.stderr.strip().splitlines()[-1] == "[]", (argv, r.stderr)
    # Searches screen what is typed: the safety lists come from their compiled file (json),
    # without tomllib; the library's index, once built (the first search), without reading
    # the topics. (Text that calls for help now reads the helplines too, with tomllib.)
    for argv in (["learn", "--search", "tired", "in", "the", "afternoon"],
                 ["services", "search", "carers"], ["check", "1", "--done", "--note",
                 "slow but did it"]):  # fmt: skip
        for _ in range(2):
            r = subprocess.run([sys.executable, "-c", code, *argv], env=env,
                               capture_output=True, text=True)  # fmt: skip
        assert r.stderr.strip().splitlines()[-2] == "none True", (argv, r.stderr)
        assert r.stderr.strip().splitlines()[-1] == "['json']", (argv, r.stderr)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """A database with an agenda, a goal, two plans with check-ins, notes and symptoms."""
    folder = tmp_path_factory.mktemp("fast")
    db = folder / "data" / "smcoach.db"
    env = {**os.environ, "SMCOACH_DB": str(db), "SMCOACH_TODAY": "2026-11-23", "NO_COLOR": "1"}
    steps = [
        ["agenda", "add", "Getting out of breath on the stairs"],
        ["agenda", "add", "Sleeping badly"],
        ["agenda", "focus", "1"],
        ["goal", "add", "Walk to the shops", "--agenda", "1"],
        ["symptoms", "add", "fatigue"],
        ["plan", "new", "--what", "walk", "--how-much", "10 minutes", "--when", "after lunch",
         "--days", "mon,wed,fri", "--confidence", "8", "--goal", "1"],
        ["plan", "new", "--what", "stretch", "--how-much", "5 minutes", "--when", "morning",
         "--times", "3", "--confidence", "9"],
        ["check", "1", "--done", "--note", "with my neighbour", "--rate", "fatigue=4"],
        # something for --all to show: an ended plan, a removed item and symptom
        ["plan", "new", "--what", "swim", "--how-much", "20 minutes", "--when", "noon",
         "--times", "1", "--confidence", "7"],
        ["plan", "end", "3"],
        ["agenda", "add", "Cooking tires me"],
        ["agenda", "remove", "3"],
        ["symptoms", "add", "pain"],
        ["symptoms", "remove", "pain"],
    ]  # fmt: skip
    for argv in steps:
        subprocess.run([SMCOACH, *argv], env=env, check=True, capture_output=True)
    return db


CASES = [
    [],
    ["--json"],
    ["today"],
    ["today", "--json"],
    ["agenda"],
    ["agenda", "list"],
    ["agenda", "list", "--all", "--json"],
    ["agenda", "list", "--json", "--all"],
    ["plan"],
    ["plan", "list"],
    ["plan", "list", "--all"],
    ["plan", "list", "--all", "--json"],
    ["symptoms"],
    ["symptoms", "list", "--json"],
    ["symptoms", "list", "--all"],
    ["check", "--done"],
    ["check", "1", "--partly", "--note", "tired"],
    ["check", "--note=tired", "1", "--rest"],
    ["check", "2", "--not", "--date", "today"],
    ["check", "2", "--done", "--date=yesterday"],
    ["check", "1", "--done", "--date", "-5d"],
    ["check", "1", "--done", "--date", "2026-02-30"],
    ["check", "1", "--done", "--note", "I feel like ending it all"],
    ["check", "--rate", "fatigue=6"],
    ["check", "--rate", "fatigue=6", "--rate", "pain=2"],
    ["check", "--rate", "fatigue=11"],
    ["check", "--rate"],
    ["check", "9", "--done"],
    ["check", "x", "--done"],
    ["check", "1", "--done", "--partly"],
    ["check", "1", "2", "--done"],
    ["check", "--done", "--done"],
    ["check", "--date", "mon", "--date", "tue", "--done"],
    ["check", "--done=yes"],
    ["check", "--don"],
    ["check", "-d"],
    ["check", "--", "1", "--done"],
    ["check", "--help"],
    ["check", "-h"],
    ["plan", "--help"],
    ["plan", "new", "--help"],
    ["session", "-h"],
    ["export", "--help"],
    ["plan", "nope", "--help"],
    ["plan", "new", "--what", "x", "--help"],
    ["trends"],
    ["trends", "--weeks", "4", "--json"],
    ["trends", "--weeks", "0"],
    ["trends", "--weeks", "4", "--csv"],
    ["trends", "--json", "--csv"],
    ["trends", "--since", "2026-11-01"],
    ["plan", "lst"],
    ["plan", "--all"],
    ["plan", "list", "extra"],
    ["agenda", "list", "--all", "--all"],
    ["--db"],
    ["--json", "plan", "list"],
    ["--version"],
    ["--help"],
    ["tday"],
    ["--content", "/nonexistent", "check", "1", "--done"],
    ["learn"],
    ["learn", "--json"],
    ["learn", "fatigue"],
    ["learn", "--no-pager", "pain"],
    ["learn", "--search", "tired", "in", "the", "afternoon"],
    ["learn", "tired", "--search", "--json"],
    ["learn", "--search"],
    ["learn", "--search", "I", "want", "to", "die"],
    ["learn", "--search", "crushing chest pain"],
    ["learn", "nosuchtopic"],
    ["learn", "two", "topics"],
    ["learn", "--", "pain"],
    ["learn", "-x"],
    ["learn", "--search", "--search", "sleep"],
    ["services"],
    ["services", "search", "carers"],
    ["services", "search", "walking group", "--area", "Leeds", "--category", "advice"],
    ["services", "search", "--json", "--limit", "2", "lunch"],
    ["services", "search", "--limit", "many", "lunch"],
    ["services", "search"],
    ["services", "search", "two", "words"],
    ["services", "search", "I can't go on any more"],
    ["services", "serch", "carers"],
    ["services", "search", "--help"],
    ["--lang", "es"],
    ["--lang", "es", "plan", "list", "--all"],
    ["check", "9", "--done", "--lang", "es"],
    ["check", "1", "--done", "--note", "quiero morirme", "--lang", "es"],
    ["--lang", "es", "trends", "--weeks", "0"],
    ["--lang", "fr", "plan", "list"],
    ["--lang"],
    ["learn", "--search", "sueño", "--lang", "es"],
]


def _run(argv: list[str], db: Path, full: bool, extra_env: dict[str, str]) -> tuple:
    env = {**os.environ, "SMCOACH_DB": str(db), "SMCOACH_TODAY": "2026-11-25", "NO_COLOR": "1",
           **extra_env}  # fmt: skip
    env.pop("SMCOACH_FULL_ROUTE", None)
    if full:
        env["SMCOACH_FULL_ROUTE"] = "1"
    r = subprocess.run([SMCOACH, *argv], env=env, capture_output=True, timeout=60)
    with sqlite3.connect(db) as conn:
        saved = (
            conn.execute(
                "SELECT plan_id, day, status, note FROM checkins ORDER BY plan_id, day"
            ).fetchall()
            + conn.execute(  # not the times they were recorded
                "SELECT symptom_id, day, rating FROM symptom_ratings ORDER BY 1, 2"
            ).fetchall()
        )
    conn.close()
    return r.returncode, r.stdout, r.stderr, saved


@pytest.mark.parametrize("argv", CASES, ids=[" ".join(c) or "(none)" for c in CASES])
def test_both_routes_give_the_same_bytes_and_save_the_same(argv, data, tmp_path):
    results = []
    for full in (False, True):
        copy = tmp_path / ("full" if full else "fast") / "smcoach.db"
        copy.parent.mkdir()
        shutil.copy(data, copy)
        results.append(_run(argv, copy, full, {}))
    fast, full = results
    assert fast[0] == full[0], (fast, full)
    assert fast[1] == full[1]
    assert fast[2].replace(b"/fast/", b"/X/") == full[2].replace(b"/full/", b"/X/")
    assert fast[3] == full[3]


@pytest.mark.parametrize("columns", ["100", "80", "79", "60"])
@pytest.mark.parametrize("argv", [["--help"], ["plan", "--help"], ["check", "-h"]])
def test_help_is_the_same_at_any_width(argv, columns, data, tmp_path):
    """The fast route prints the stored help only where typer lays it out the same."""
    copy = tmp_path / "smcoach.db"
    shutil.copy(data, copy)
    fast, full = (_run(argv, copy, f, {"COLUMNS": columns})[:3] for f in (False, True))
    assert fast == full and fast[0] == 0


def test_a_reader_that_goes_away_is_the_same_on_both_routes(data, tmp_path):
    """`smcoach plan list --all --json | true`: exit 1 and nothing said, as click does."""
    copy = tmp_path / "smcoach.db"
    shutil.copy(data, copy)
    results = []
    for full in ("", "1"):
        env = {**os.environ, "SMCOACH_DB": str(copy), "SMCOACH_TODAY": "2026-11-25",
               "SMCOACH_FULL_ROUTE": full}  # fmt: skip
        many = ["plan", "list", "--all", "--json"]
        child = subprocess.Popen([SMCOACH, *many], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)  # fmt: skip
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()  # the reader goes away before a byte is written
        results.append((child.wait(timeout=60), child.stderr.read()))
    assert results[0] == results[1]


def test_both_routes_find_the_same_default_folder(tmp_path):
    """With no --db, $SMCOACH_DB or $XDG_DATA_HOME: the folder typer's get_app_dir names."""
    home = tmp_path / "home"
    home.mkdir()
    outs = []
    for full in ("", "1"):
        dropped = ("XDG_DATA_HOME", "XDG_CONFIG_HOME")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("SMCOACH_") and k not in dropped}  # fmt: skip
        env.update(HOME=str(home), NO_COLOR="1", SMCOACH_FULL_ROUTE=full)
        # a rating opens (so makes) the file, then is refused: there is no such symptom yet
        argv = ["check", "--rate", "fatigue=5"]
        r = subprocess.run([SMCOACH, *argv], env=env, capture_output=True, text=True)
        outs.append((r.returncode, r.stdout, r.stderr))
        assert (home / ".config" / "smcoach" / "smcoach.db").is_file()
        shutil.rmtree(home)
        home.mkdir()
    assert outs[0] == outs[1]
    assert outs[0][0] == 1 and "fatigue" in outs[0][2]


TOKENS = ["--done", "--partly", "--not", "--rest", "--note", "--note=a b", "--date", "-5d",
          "--date=mon", "--rate", "fatigue=6", "pain=2", "1", "2", "x", "", "-", "--",
          "-h", "--help", "--don", "--done=1", "--all", "--json"]  # fmt: skip


@given(st.lists(st.sampled_from(TOKENS), max_size=7))
@example(["1", "--done", "--note", "x", "--rate", "fatigue=6", "--date=mon", "--rate", "pain=2"])
@example(["--note", "--done", "2"])  # a value that looks like an option is still a value
@settings(max_examples=300, deadline=None)
def test_what_the_fast_route_reads_click_reads_the_same(words):
    """Whenever the fast route is sure of an argument list, click (inside typer) reads the
    same values from it, and accepts it."""
    import typer

    from smcoach.cli.fast import NotSure, _read
    from smcoach.cli.fastspec import SPEC
    from smcoach.cli.main import app

    command = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
    rest = list(words)
    try:
        fast = _read(SPEC["check"], rest, stop_at_word=False)
        if rest:
            raise NotSure
    except NotSure:
        return
    try:
        ctx = command.make_context("check", list(words))
    except Exception as e:  # click refused it: a difference
        raise AssertionError(f"the fast route accepts {words!r}, click does not: {e}") from None
    clicked = {k: (list(v) or None) if isinstance(v, tuple) else v for k, v in ctx.params.items()}
    assert fast == clicked


def test_the_default_folder_is_the_one_typer_names(monkeypatch, tmp_path):
    """smcoach finds its default folder without importing typer: it must be typer's own."""
    import typer

    from smcoach.cli.common import app_folder

    monkeypatch.setenv("HOME", str(tmp_path))
    for config in (None, str(tmp_path / "conf")):
        if config is None:
            monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CONFIG_HOME", config)
        assert app_folder() == typer.get_app_dir("smcoach")


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        ([], {"SMCOACH_TODAY": "2026-02-30"}),
        (["check", "1", "--done"], {"SMCOACH_TODAY": "soon"}),
        (["plan", "list"], {"SMCOACH_DB": "/dev/null/x.db"}),  # a folder that is a file
        (["agenda"], {"SMCOACH_DB": "/dev/null"}),
    ],
)
def test_errors_from_the_environment_are_the_same_line_on_both_routes(argv, env, data, tmp_path):
    copy = tmp_path / "smcoach.db"
    shutil.copy(data, copy)
    fast, full = (_run(argv, copy, f, env)[:3] for f in (False, True))
    assert fast == full and fast[0] != 0 and fast[2].count(b"\n") == 1, fast
