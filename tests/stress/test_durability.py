"""The durability proof, short enough for every run of the suite: the scenarios of
bench/stress.py (run it for the full counts) with small counts, against the real `smcoach`
executable in separate processes. Also: no test, and no process a test starts, can open a
socket."""

import importlib.util
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

STRESS = Path(__file__).resolve().parents[2] / "bench" / "stress.py"


def load_stress() -> ModuleType:
    spec = importlib.util.spec_from_file_location("smcoach_stress", STRESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


stress = load_stress()


@pytest.fixture
def strace() -> None:
    problem = stress.strace_problem()
    if problem:
        pytest.skip(problem)


def test_random_kills_lose_nothing_acknowledged(tmp_path: Path) -> None:
    report = stress.random_kills(tmp_path, runs=20, seed=2026, lanes=2)
    assert report.runs == 20
    assert report.figures.get("killed", 0) > 0  # the kills really land
    assert report.figures.get("acknowledged (finished before the kill)", 0) > 0  # and some not
    assert not report.failures, report.text()


def test_a_kill_at_every_write_and_fsync_leaves_before_or_after(
    strace: None, tmp_path: Path
) -> None:
    report = stress.fault_sweeps(tmp_path, kinds=["agenda-add"], errors=False, jobs=2)
    assert report.figures.get("kill points", 0) >= 5  # strace's injection really kills
    assert not report.failures, report.text()


def test_concurrent_writers_all_succeed_and_keep_every_item(tmp_path: Path) -> None:
    report = stress.concurrent_writers(tmp_path, writers=4, items=10)
    assert report.runs == 40
    assert not report.failures, report.text()


def test_a_full_disk_is_one_error_line_and_loses_nothing(tmp_path: Path) -> None:
    report = stress.full_disk(tmp_path, sizes=[4096], fill_room=4096)
    assert report.figures.get("refused with one Error line", 0) >= 3  # 2 limits, then the fill
    assert not report.failures, report.text()


def test_new_folders_and_files_are_private_under_any_umask(tmp_path: Path) -> None:
    report = stress.permissions(tmp_path, umasks=(0o000, 0o022))
    for umask in ("000", "022"):  # the folders smcoach had to make were all looked at
        assert "a, a/b, a/b/c, a/b/c/smcoach.db" in str(report.figures[f"umask {umask}: checked"])
    assert not report.failures, report.text()


def test_the_checks_catch_loss_damage_and_half_writes(tmp_path: Path) -> None:
    """The scenarios can fail: each check notices what it is there to notice."""
    db = tmp_path / "checked" / "smcoach.db"
    assert stress.run(db, "agenda", "add", "kept").code == 0
    items, problems = stress.agenda(db)
    assert problems == [] and stress.agenda_problems(items, ["kept"], {"kept"}) == []
    assert stress.agenda_problems(items, ["kept", "lost"], {"kept", "lost"})  # a lost item
    assert stress.agenda_problems(items, [], {"something else"})  # a row never sent
    states = stress.States(before={}, after=stress.snapshot(db))
    assert states.judge(db, acknowledged=True) == ("after", [])
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE agenda SET text = 'ke'")  # as if cut off half-way
    conn.close()
    state, problems = states.judge(db, acknowledged=True)
    assert state == "other" and "half-written" in problems[0]
    damaged = tmp_path / "damaged" / "smcoach.db"
    damaged.parent.mkdir()
    shutil.copy(db, damaged)
    with damaged.open("r+b") as f:  # overwrite a page in the middle of the file
        f.seek(4096 * 3)
        f.write(b"\xff" * 4096)
    assert stress.opens(damaged)


def test_no_socket_can_be_made_in_a_test() -> None:
    with pytest.raises(OSError, match="network disabled in tests"):
        socket.socket()
    with pytest.raises(OSError, match="network disabled in tests"):
        socket.create_connection(("127.0.0.1", 9))


def test_no_socket_can_be_made_in_a_process_a_test_starts(tmp_path: Path) -> None:
    env = stress.smcoach_env(tmp_path / "x.db")
    for code in ("import socket; socket.socket()", "import _socket; _socket.socket()"):
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode != 0
        assert "OSError: network disabled in tests" in done.stderr
    fine = subprocess.run([sys.executable, "-c", "import socket"], env=env, check=False)
    assert fine.returncode == 0  # only making a socket is refused
