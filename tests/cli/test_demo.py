"""`smcoach demo` through the real CLI (CliRunner): the demonstration at every week and every
step with --auto, its isolation from the person's own database, --keep, and its one-line
errors. The real terminal (80x24, --present) is tested in test_demo_pty.py."""

import builtins
import json
import os
import re
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smcoach.domain import demo as script
from smcoach.messages import t

Run = Callable[..., Any]

BANNER = "DEMO: fictional data, not yours"
AUTO = ("demo", "--auto", "--delay", "0")
HEADERS = [
    "Step 1 of 6: how last week's plan went",
    "Step 2 of 6: problem-solving",
    "Step 3 of 6: your agenda",
    "Step 4 of 6: a goal",
    "Step 5 of 6: this week's action plan",
    "Step 6 of 6: the weeks so far",
]


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder the demo's database is made in: known, to look for it."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def mine(isolated: Path, run: Run) -> Path:
    """The person's own database, with something in it."""
    result = run("agenda", "add", "My own agenda item")
    assert result.exit_code == 0, result.output
    return isolated


def snapshot(db: Path) -> tuple[bytes, int, list[str]]:
    return db.read_bytes(), db.stat().st_mtime_ns, sorted(os.listdir(db.parent))


def test_week_3_runs_end_to_end(run: Run, scratch: Path) -> None:
    result = run(*AUTO, "--week", "3")
    assert result.exit_code == 0, result.output
    err = result.stderr
    # the weekly sequence, in order, each step with what it is for
    places = [err.index(h) for h in HEADERS]
    assert places == sorted(places)
    for step in script.STEPS:
        assert t(f"demo.about.{step}") in err
    # the week's live steps: the feedback on last week's plan, how the idea chosen at session
    # 2 went, the goal kept, and a plan made smaller after a confidence of 6
    assert "Fri 20 Nov: did you do it?" in err
    assert "You did all of it: 3 of 3. Well done." in err
    assert "Well done: problem 1 is solved." in err
    assert "Your goal for this: Walk to the allotment and back without stopping" in err
    assert "Your confidence is 6 out of 10." in err
    assert "Saved action plan 3: Mon 23 Nov 2026 to Sun 29 Nov 2026." in err
    assert "Weekly trends, 2026-W45 to 2026-W48" in result.stdout  # the data, on stdout
    # the banner heads every screen: the introduction, the six steps and the end
    assert err.count(BANNER) == 8
    screens = re.split(r"(?=" + re.escape(BANNER) + ")", err)[1:]
    assert len(screens) == 8 and all(s.startswith(BANNER) for s in screens)
    assert t("demo.end_removed") in err
    assert list(scratch.iterdir()) == []  # the demo's database is gone


@pytest.mark.parametrize("week", range(1, script.WEEKS + 1))
@pytest.mark.parametrize("step", [None, *script.STEPS])
def test_every_week_and_step_plays_through(run: Run, week: int, step: str | None) -> None:
    """The script answers every question each week's session asks, whole or one step."""
    args = [*AUTO, "--week", str(week)] + (["--step", step] if step else [])
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "Error" not in result.stderr
    headers = [h for h in HEADERS if h in result.stderr]
    expected = HEADERS if step is None else [HEADERS[script.step_number(step) - 1]]
    assert headers == expected
    assert result.stderr.count(BANNER) == len(expected) + (2 if step is None else 1)


@pytest.mark.parametrize("week", range(1, script.WEEKS + 1))
def test_in_spanish_jo_speaks_spanish_and_every_week_plays_through(
    run: Run, week: int, tmp_path: Path
) -> None:
    """Jo's words, the choices typed as their Spanish words, the days, the goal date and the
    self-efficacy scale (SEMCD-S) all in Spanish; nothing is refused."""
    folder = tmp_path / "kept"
    result = run("--lang", "es", *AUTO, "--week", str(week), "--keep", str(folder))
    assert result.exit_code == 0, result.output
    err = " ".join(result.stderr.split())
    assert "Error" not in err and "Your choice" not in err
    if week == 1:
        assert "Me duele la rodilla cuando camino un rato" in err
        assert "Meta para el" in err  # "en 3 meses", read
    if week == 3:
        assert "vie, 20 nov: ¿lo hizo?" in err and "Su elección: hecho" in err
        assert "Su elección: funcionó: el problema está resuelto por ahora" in err
        assert "Su elección: mantenerla" in err and "Su elección: hacerlo menos días" in err
        assert "[lun,mar,jue,sáb]: lun,mié,vie" in err
        assert "cansancio (cuanto más bajo, mejor)" in result.stdout
    kept = folder / "smcoach-demo.db"
    checks = json.loads(run("--db", str(kept), "selfcheck", "--history", "--json").stdout)
    assert [(c["form"], c["items"]) for c in checks] == [("SEMCD-S", 4)]


def test_the_solve_step_alone_says_it_looks_back_then_works_on_a_new_problem(run: Run) -> None:
    err = run(*AUTO, "--week", "3", "--step", "solve").stderr
    note = t("demo.note.solve_assess_then_new")
    assert note in err and t("demo.note.solve_assess") not in err
    assert err.index("Well done: problem 1 is solved.") < err.index(
        "Step 1 of 7: name the problem."
    )


def test_week_2_shows_the_setback_and_a_problem_worked_through(run: Run) -> None:
    err = run(*AUTO, "--week", "2").stderr
    assert "You did 1½ of 4. Every one of those counts." in err
    assert t("demo.note.solve_new") in err
    assert "Step 1 of 7: name the problem." in err
    assert "Your action plan this week starts from the idea you chose" in err


def test_a_week_with_nothing_to_solve_says_where_to_see_it(run: Run) -> None:
    err = run(*AUTO, "--week", "5").stderr
    assert t("demo.note.solve_none") in err
    assert "name the problem" not in err


# --- isolation: the person's own database --------------------------------------------------------


@pytest.mark.parametrize("how", ["env", "option"])
def test_the_persons_file_is_never_touched(
    run: Run, mine: Path, scratch: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether SMCOACH_DB or --db names it, the person's file keeps its bytes and its time,
    its folder gets nothing new, nothing opens it, and its path is never shown."""
    before = snapshot(mine)
    opened: list[str] = []
    real_open, real_connect, real_os_open = builtins.open, sqlite3.connect, os.open

    def noted(path: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(os.fspath(path) if isinstance(path, str | os.PathLike) else "")
        return real_open(path, *args, **kwargs)

    def noted_os(path: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(os.fspath(path) if isinstance(path, str | os.PathLike) else "")
        return real_os_open(path, *args, **kwargs)

    def connected(path: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(os.fspath(path) if isinstance(path, str | os.PathLike) else "")
        return real_connect(path, *args, **kwargs)

    db = ["--db", str(mine)] if how == "option" else []
    with monkeypatch.context() as patched:
        patched.setattr(builtins, "open", noted)
        patched.setattr(os, "open", noted_os)
        patched.setattr(sqlite3, "connect", connected)
        result = run(*db, *AUTO, "--week", "3")
    assert result.exit_code == 0, result.output
    assert snapshot(mine) == before
    assert not [p for p in opened if str(mine.parent) in p or "smcoach.db" in p]
    assert opened  # the demo's own file was opened: the check above could fail
    for shown in (result.stdout, result.stderr):
        assert str(mine.parent) not in shown and str(scratch) not in shown
        assert "smcoach.db" not in shown
    listed = run("agenda", "list", "--json")
    assert [i["text"] for i in json.loads(listed.stdout)] == ["My own agenda item"]


def test_a_person_with_no_file_yet_gets_none(run: Run, isolated: Path) -> None:
    result = run(*AUTO, "--week", "2")
    assert result.exit_code == 0, result.output
    assert not isolated.parent.exists()


def test_help_now_reads_no_setting_of_the_persons(
    run: Run, mine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The help-now signposting, the one thing that peeks at a file (for the country), looks
    at the demo's database, never the person's: each typed answer is made to look up the help
    as a match would."""
    import smcoach.store
    from smcoach.cli import prompts, signpost

    assert run("settings", "country", "NZ").exit_code == 0
    before = snapshot(mine)
    peeked: list[str] = []
    real = smcoach.store.peek_setting

    def peek(path: str, key: str) -> str | None:
        peeked.append(path)
        return real(path, key)

    def as_if_matched(text: str) -> tuple[str, ...]:
        signpost.current_help(signpost._env)
        return ()

    monkeypatch.setattr(smcoach.store, "peek_setting", peek)
    monkeypatch.setattr(prompts, "screen_typed", as_if_matched)
    result = run(*AUTO, "--week", "1", "--step", "agenda")
    assert result.exit_code == 0, result.output
    assert len(peeked) >= 4  # three agenda items and the focus, at least
    assert not [p for p in peeked if p == str(mine)]
    assert snapshot(mine) == before


def test_an_error_names_the_demos_database_not_its_path(
    run: Run, scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smcoach.store import demo as filling

    def broken(store: Any, course: Any) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(filling, "fill", broken)
    result = run(*AUTO)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert t("demo.its_database") in result.stderr
    assert str(scratch) not in result.stderr
    assert list(scratch.iterdir()) == []


# --- --keep --------------------------------------------------------------------------------------


def test_keep_leaves_a_database_to_explore(run: Run, tmp_path: Path, mine: Path) -> None:
    folder = tmp_path / "for the group"
    before = snapshot(mine)
    result = run(*AUTO, "--week", "3", "--keep", str(folder))
    assert result.exit_code == 0, result.output
    kept = folder / "smcoach-demo.db"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert f"smcoach --db '{kept}' today" in result.stderr
    listed = run("--db", str(kept), "plan", "list", "--all", "--json")
    assert listed.exit_code == 0, listed.output
    plans = json.loads(listed.stdout)
    assert [p["what"] for p in plans] == [s.what for s in script.PLANS[:3]]
    assert snapshot(mine) == before


def test_keep_never_replaces_a_file(run: Run, tmp_path: Path) -> None:
    (tmp_path / "smcoach-demo.db").write_bytes(b"mine")
    result = run(*AUTO, "--keep", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "already holds a file named smcoach-demo.db" in result.stderr
    assert (tmp_path / "smcoach-demo.db").read_bytes() == b"mine"


def test_keep_needs_a_folder(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("x")
    result = run(*AUTO, "--keep", str(tmp_path / "a file"))
    assert result.exit_code == 1
    assert "--keep needs a folder" in result.stderr


# --- errors: one line each --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--week", "7"), "there is no course week 7: choose a week from 1 to 6"),
        (("--week", "0"), "there is no course week 0"),
        (("--step", "plans"), "choose one of feedback, solve, agenda, goal, plan, trends"),
        (("--delay", "-1"), "--delay must be a number of seconds from 0 to 60, got -1\n"),
    ],
)
def test_bad_values_are_one_line(run: Run, args: tuple[str, ...], said: str) -> None:
    result = run(*AUTO, *args)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert said in result.stderr


def test_delay_goes_with_auto(run: Run) -> None:
    result = run("demo", "--delay", "1")
    assert result.exit_code == 1
    assert "--delay goes with --auto" in result.stderr


def test_without_a_terminal_it_says_to_add_auto(run: Run) -> None:
    result = run("demo")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "add --auto" in result.stderr


# --- the projector view, off a terminal ---------------------------------------------------------


@pytest.mark.parametrize("how", ["option", "env"])
def test_present_off_a_terminal_is_plain(run: Run, how: str) -> None:
    args = [*AUTO, "--step", "goal"] + (["--present"] if how == "option" else [])
    env = {"SMCOACH_PRESENT": "1"} if how == "env" else None
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr  # no clearing, no styles
    lines = result.stderr.splitlines()
    n = lines.index("  Step 4 of 6: a goal")
    assert lines[n - 1] == lines[n + 1] == "=" * len("  Step 4 of 6: a goal")
    assert lines[n - 3] == BANNER and lines[n - 4] == ""
