"""Where the data lives, and errors about the file itself: one line, exit 1, nothing written."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from smcoach.store import backups, connection


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_where_follows_env_then_option(run, isolated, tmp_path, monkeypatch):
    assert run("where").stdout == f"{isolated}\n"
    other = tmp_path / "other.db"
    assert run("--db", str(other), "where").stdout == f"{other}\n"
    monkeypatch.delenv("SMCOACH_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert run("where").stdout == f"{tmp_path / 'xdg' / 'smcoach' / 'smcoach.db'}\n"


def test_where_does_not_create_the_file(run, isolated):
    run("where")
    assert not isolated.exists()


def test_db_option_is_used_for_data(run, tmp_path):
    other = tmp_path / "deep" / "folder" / "mine.db"
    assert run("--db", str(other), "agenda", "add", "x").exit_code == 0
    assert other.exists()
    assert (other.parent.stat().st_mode & 0o777) == 0o700


def test_where_check_reads_the_whole_file(run):
    run("agenda", "add", "x")
    r = run("where", "--check")
    assert r.exit_code == 0 and r.stderr == "Checked the whole file: no damage found.\n"


def test_not_a_database_is_refused_untouched(run, isolated):
    isolated.parent.mkdir(parents=True)
    isolated.write_text("my shopping list\n")
    before = digest(isolated)
    r = run("agenda", "list")
    assert r.exit_code == 1
    assert r.stderr == (
        f"Error: {isolated} is not an smcoach database (not an SQLite file); nothing was "
        "changed. 'smcoach doctor' says what to do\n"
    )
    assert digest(isolated) == before


def test_another_programs_database_is_refused_untouched(run, isolated):
    isolated.parent.mkdir(parents=True)
    with sqlite3.connect(isolated) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    before = digest(isolated)
    r = run("agenda", "add", "x")
    assert r.exit_code == 1 and "another program" in r.stderr and str(isolated) in r.stderr
    assert digest(isolated) == before


def test_newer_database_is_refused_untouched(run, isolated):
    run("agenda", "add", "x")
    with sqlite3.connect(isolated) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('smcoach', 'm999_from_the_future', '2030-01-01')"
        )
    conn.close()
    before = digest(isolated)
    r = run("agenda", "add", "y")
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {isolated} was written by a newer smcoach")
    assert "m999_from_the_future" in r.stderr
    assert digest(isolated) == before


def damage(path: Path) -> None:
    """Overwrite the middle of the agenda table's page with garbage."""
    with sqlite3.connect(path) as conn:
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'agenda'").fetchone()[
            0
        ]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek((page - 1) * size + 8)
        f.write(b"\xff" * 200)


def test_damaged_database_gives_one_line(run, isolated):
    for i in range(30):
        run("agenda", "add", f"item {i}")
    damage(isolated)
    before = digest(isolated)
    for args in (("where", "--check"), ("agenda", "list"), ("agenda", "add", "z")):
        r = run(*args)
        assert r.exit_code == 1, args
        assert r.stderr, (args, r.output, repr(r.exception))
        err = r.stderr.splitlines()[-1]
        assert err.startswith(f"Error: the database at {isolated} is damaged"), (args, r.stderr)
        assert "Traceback" not in r.output
    assert digest(isolated) == before


def test_truncated_database_is_refused(run, isolated):
    for i in range(200):
        run("agenda", "add", f"a longer item number {i} " * 5)
    data = isolated.read_bytes()
    isolated.write_bytes(data[: len(data) // 2])
    r = run("agenda", "list")
    assert r.exit_code == 1
    assert r.stderr == (
        f"Error: the database at {isolated} is damaged (the file is shorter than "
        "its header says: it may have been cut off); nothing was changed. "
        "'smcoach doctor' says what to do\n"
    )


def test_unusable_folder_gives_one_line(run, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    r = run("--db", str(blocker / "sub" / "x.db"), "agenda", "list")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        f"Error: cannot create the folder for the database at {blocker / 'sub'}"
    )


def test_read_only_database_gives_one_line(run, isolated, monkeypatch):
    run("agenda", "add", "x")
    real_connect = sqlite3.connect

    def read_only(path, **kwargs):  # as if the file or its folder could not be written
        if kwargs.pop("uri", False):  # already a URI (the language setting, read-only)
            return real_connect(path, uri=True, **kwargs)
        return real_connect(f"file:{path}?mode=ro", uri=True, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(connection.sqlite3, "connect", read_only)
        r = run("agenda", "add", "y")
    assert (r.exit_code, r.stderr) == (
        1,
        f"Error: cannot write to the database at {isolated}: it is read-only\n",
    )
    assert [line.split()[0] for line in run("agenda", "list").stdout.splitlines()[2:]] == ["1"]


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_files_are_private_whatever_the_umask(run, isolated, umask):
    import os

    from smcoach.store import Store

    old = os.umask(umask)
    try:
        run("agenda", "add", "x")
        assert isolated.stat().st_mode & 0o777 == 0o600
        assert isolated.parent.stat().st_mode & 0o777 == 0o700
        store = Store(isolated)  # while open, WAL mode keeps -wal and -shm beside the file
        store.add_agenda("y", __import__("datetime").date(2026, 11, 23))
        for suffix in ("-wal", "-shm"):
            side = Path(f"{isolated}{suffix}")
            assert side.exists() and side.stat().st_mode & 0o777 == 0o600, suffix
        backup = isolated.with_name("copy.bak")
        backups.backup(store.conn, backup)
        assert backup.stat().st_mode & 0o777 == 0o600
        store.close()
    finally:
        os.umask(old)


def test_existing_file_is_made_private(run, isolated):
    run("agenda", "add", "x")
    isolated.chmod(0o644)
    run("agenda", "list")
    assert isolated.stat().st_mode & 0o777 == 0o600


def test_garbage_read_from_a_damaged_file_is_one_line(run, isolated, monkeypatch):
    """Damage can hand a command a value no record could hold; if the file is then found
    damaged, that is what the person is told, not a traceback."""
    import smcoach.store as store_module
    from smcoach.errors import DamagedError

    run("agenda", "add", "x")

    def garbage(row):
        raise ValueError("Invalid isoformat string: '\\xff\\xff'")

    def damaged(*args, **kwargs):
        raise DamagedError("the database at X is damaged (test)")

    monkeypatch.setattr(store_module, "_agenda", garbage)
    r = run("agenda", "list")
    assert r.exception is not None and not isinstance(r.exception, SystemExit)  # a bug: shown
    monkeypatch.setattr(store_module, "check", damaged)  # the full check now finds damage
    r = run("agenda", "list")
    assert (r.exit_code, r.stderr) == (1, "Error: the database at X is damaged (test)\n")
