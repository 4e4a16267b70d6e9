"""The store: migrations, backups, transactions and durability settings."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from smcoach.domain.models import CheckIn, PlanDraft
from smcoach.errors import SmcoachError, StoreError
from smcoach.store import Store, backups, explain, migrations

DAY = date(2026, 11, 23)


def schema(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    return rows


def applied(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id").fetchall()
    conn.close()
    return [r[0] for r in rows]


def test_blank_file_migrates_to_head(tmp_path):
    path = tmp_path / "new.db"
    store = Store(path)
    assert store.backup_path is None  # nothing to back up in a new file
    store.close()
    assert applied(path) == migrations.NAMES
    assert migrations.NAMES[0] == "m001_initial"
    assert sorted(migrations.NAMES) == migrations.NAMES  # numbered, applied in order
    names = {n for n, _ in schema(path)}
    assert {"agenda", "goals", "plans", "checkins", "checkin_statuses"} <= names


def test_files_smcoach_did_not_make_are_refused_untouched(tmp_path):
    """Empty, not SQLite, an empty SQLite file, another program's, a higher user_version:
    refused, and not even their permissions change."""
    empty = tmp_path / "empty.db"
    empty.touch()
    text = tmp_path / "notes.txt"
    text.write_text("my notes")
    blank_sqlite = tmp_path / "blank.db"
    conn = sqlite3.connect(blank_sqlite)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")  # a real, empty SQLite file
    conn.close()
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    newer = tmp_path / "newer.db"
    Store(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {len(migrations.NAMES) + 1}")
    conn.close()
    expected = {
        empty: "an empty file",
        text: "not an SQLite file",
        blank_sqlite: "another program",
        other: "another program",
        newer: "newer smcoach",
    }
    for path, reason in expected.items():
        path.chmod(0o644)
        before = path.read_bytes()
        with pytest.raises(StoreError, match=reason):
            Store(path)
        assert path.read_bytes() == before, path
        assert path.stat().st_mode & 0o777 == 0o644, path


def test_a_symlink_is_followed_to_read_but_never_to_chmod(tmp_path):
    real = tmp_path / "real.db"
    Store(real).close()
    real.chmod(0o644)
    link = tmp_path / "link.db"
    link.symlink_to(real)
    store = Store(link)
    store.add_agenda("through the link", DAY)
    store.close()
    assert real.stat().st_mode & 0o777 == 0o644
    text = tmp_path / "text.txt"
    text.write_text("x")
    text.chmod(0o644)
    (tmp_path / "link2.db").symlink_to(text)
    with pytest.raises(StoreError):
        Store(tmp_path / "link2.db")
    assert text.stat().st_mode & 0o777 == 0o644


def test_a_new_file_appears_whole_or_not_at_all(tmp_path, monkeypatch):
    """Built in a temporary file and linked into place: a failure while building it leaves
    no file (and no temporary one) behind, so the next run starts afresh."""
    path = tmp_path / "new.db"

    def broken(conn):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "apply", broken)
    with pytest.raises(StoreError, match="disk I/O error"):
        Store(path)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    Store(path).close()
    assert applied(path) == migrations.NAMES
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.NAMES)
    conn.close()


def test_missing_parent_folders_are_made_private(tmp_path):
    import os

    old = os.umask(0)
    try:
        Store(tmp_path / "a" / "b" / "c" / "x.db").close()
    finally:
        os.umask(old)
    for folder in ("a", "a/b", "a/b/c"):
        assert (tmp_path / folder).stat().st_mode & 0o777 == 0o700, folder


def test_rerun_changes_nothing(tmp_path):
    path = tmp_path / "x.db"
    store = Store(path)
    store.add_agenda("a", DAY)
    store.close()
    before = (schema(path), applied(path))
    again = Store(path)
    assert again.backup_path is None
    assert [i.text for i in again.agenda()] == ["a"]
    again.close()
    assert (schema(path), applied(path)) == before
    assert not (tmp_path / "x-backups").exists()


def test_pending_migration_backs_up_first(tmp_path, monkeypatch):
    path = tmp_path / "x.db"
    head = list(migrations.NAMES)
    store = Store(path)
    store.add_agenda("kept in the backup", DAY)
    store.close()

    def m002_example(db):
        db.execute("ALTER TABLE agenda ADD COLUMN colour TEXT")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m002_example])
    monkeypatch.setattr(migrations, "NAMES", [*migrations.NAMES, "m002_example"])
    store = Store(path)
    assert store.backup_path is not None
    assert store.backup_path.parent == tmp_path / "x-backups"
    store.close()
    assert applied(path) == [*head, "m002_example"]
    assert applied(store.backup_path) == head
    assert store.backup_path.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(store.backup_path) as conn:
        assert conn.execute("SELECT text FROM agenda").fetchall() == [("kept in the backup",)]
    conn.close()


def test_failed_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "x.db"
    head = list(migrations.NAMES)
    Store(path).close()
    before = schema(path)

    def m002_broken(db):
        db.execute("ALTER TABLE agenda ADD COLUMN half_done TEXT")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m002_broken])
    monkeypatch.setattr(migrations, "NAMES", [*migrations.NAMES, "m002_broken"])
    with pytest.raises(RuntimeError):
        Store(path)
    assert schema(path) == before
    assert applied(path) == head


def test_newer_file_is_refused(tmp_path):
    path = tmp_path / "x.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('smcoach', 'm002_future', 'x')"
        )
    conn.close()
    with pytest.raises(StoreError, match="newer smcoach"):
        Store(path)


def test_pragmas_for_durability(tmp_path):
    store = Store(tmp_path / "x.db")
    c = store.conn
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    store.close()


def test_a_failed_action_writes_nothing(tmp_path):
    store = Store(tmp_path / "x.db")
    with pytest.raises(RuntimeError), store._write() as c:
        c.execute("INSERT INTO agenda (text, created) VALUES ('half', '2026-11-23')")
        raise RuntimeError("power cut")
    assert store.agenda(include_closed=True) == []
    with pytest.raises(SmcoachError, match="no agenda item with ID 5"):
        store.add_goal("g", 5, None, DAY)  # checks after the transaction began
    assert store.goals(include_closed=True) == []
    store.close()


def test_check_in_replaces_the_status_keeps_the_note_and_reports_the_old(tmp_path):
    store = Store(tmp_path / "x.db")
    plan_id = store.add_plan(
        PlanDraft("walk", "10 min", "am", ("mon",), None, 8, DAY),
        8,
        False,
        "2026-11-23T09:00:00+00:00",
    )
    assert store.check_in(CheckIn(plan_id, DAY, "partly", "a"), "t1") is None
    old = store.check_in(CheckIn(plan_id, DAY, "done", None), "t2")
    assert old == CheckIn(plan_id, DAY, "partly", "a")
    assert store.checkins([plan_id]) == {plan_id: [CheckIn(plan_id, DAY, "done", "a")]}
    store.check_in(CheckIn(plan_id, DAY, "done", "b"), "t3")  # a new note replaces it
    assert store.checkins([plan_id])[plan_id][0].note == "b"
    week = store.conn.execute("SELECT week FROM checkins").fetchone()[0]
    assert week == "2026-W48"
    with pytest.raises(sqlite3.IntegrityError):  # the schema refuses an unknown status
        store.check_in(CheckIn(plan_id, DAY, "maybe", None), "t3")
    store.close()


def test_backup_includes_what_is_still_in_the_wal(tmp_path):
    store = Store(tmp_path / "x.db")
    store.add_agenda("only in the WAL so far", DAY)
    assert Path(f"{store.path}-wal").stat().st_size > 0
    backups.backup(store.conn, tmp_path / "copy.db")
    store.close()
    with sqlite3.connect(tmp_path / "copy.db") as conn:
        assert conn.execute("SELECT text FROM agenda").fetchall() == [("only in the WAL so far",)]
    conn.close()


def test_explain_turns_sqlite_errors_into_one_line(tmp_path):
    path = tmp_path / "x.db"
    Store(path).close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        ro.execute("INSERT INTO agenda (text, created) VALUES ('x', 'y')")
    ro.close()
    assert (
        str(explain(caught.value, path))
        == f"cannot write to the database at {path}: it is read-only"
    )
    locked = sqlite3.OperationalError("database is locked")
    assert "busy in another smcoach" in str(explain(locked, path))


def test_a_second_writer_waits_instead_of_failing(tmp_path):
    path = tmp_path / "x.db"
    first, second = Store(path), Store(path)
    first.add_agenda("one", DAY)
    second.add_agenda("two", DAY)
    assert [i.text for i in first.agenda()] == ["one", "two"]
    first.close()
    second.close()


def test_feedback_is_due_from_the_plans_last_day(tmp_path):
    from datetime import timedelta

    store = Store(tmp_path / "x.db")
    plan_id = store.add_plan(PlanDraft("walk", "10 min", "am", ("mon",), None, 8, DAY), 8,
                             False, "2026-11-23T09:00:00+00:00")  # fmt: skip
    assert store.feedback_plan_id(DAY + timedelta(days=5)) is None
    assert store.feedback_plan_id(DAY + timedelta(days=6)) == plan_id  # its last day
    store.record_feedback(plan_id, "fine", DAY + timedelta(days=7))
    assert store.feedback_plan_id(DAY + timedelta(days=30)) is None
    assert store.plan(plan_id).status == "ended"
    store.close()


def test_a_file_cut_short_is_opened_when_its_wal_holds_the_rest(tmp_path):
    """After a full disk or a crash mid-checkpoint the main file can be shorter than its
    header says while the -wal holds every page: SQLite recovers that, so smcoach must too."""
    import shutil

    path = tmp_path / "x.db"
    store = Store(path)
    for i in range(300):
        store.add_agenda(f"item {i} " * 20, DAY)
    crashed = tmp_path / "crashed.db"  # the files as a crash leaves them, WAL not checkpointed
    shutil.copy(path, crashed)
    shutil.copy(f"{path}-wal", f"{crashed}-wal")
    store.close()
    header = bytearray(crashed.read_bytes())
    pages = int.from_bytes(header[28:32], "big")
    header[28:32] = (pages + 200).to_bytes(4, "big")  # page 1 says the file grew; it did not
    crashed.write_bytes(bytes(header))
    reopened = Store(crashed)
    assert len(reopened.agenda()) == 300
    reopened.add_agenda("and carries on", DAY)
    reopened.close()


def test_the_full_check_finds_damage_quick_check_misses(tmp_path):
    """A byte flipped inside an index: quick_check (before each write) does not compare
    indexes with their tables; `check(full=True)` (where --check, doctor, before an upgrade)
    does."""
    path = tmp_path / "x.db"
    store = Store(path)
    store.add_symptom("fatigue", DAY)
    store.close()
    data = path.read_bytes()
    first = data.index(b"fatigue")
    in_index = data.index(b"fatigue", first + 1)
    assert in_index > first
    path.write_bytes(data[:in_index] + b"fatiguf" + data[in_index + 7 :])
    store = Store(path)
    store.check()  # the cheap check passes
    with pytest.raises(StoreError, match="damaged"):
        store.check(full=True)
    store.close()


def test_backups_made_in_the_same_second_get_their_own_names(tmp_path):
    store = Store(tmp_path / "x.db")
    folder = backups.backups_folder(store.path)
    made = [backups.backup_into(store.conn, folder, "x") for _ in range(7)]
    assert len(set(made)) == 7
    kept = backups.list_backups(folder, "x")
    assert kept == made[-backups.KEEP_BACKUPS :]  # the newest five, oldest first
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in kept)
    assert folder.stat().st_mode & 0o777 == 0o700
    store.close()


def test_a_disk_without_hard_links_still_gets_whole_files(tmp_path, monkeypatch):
    """FAT drives and some network shares refuse hard links: the new database, backups and
    exports are then moved into place by rename, still never replacing a file."""
    import os

    def no_links(src, dst):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    store = Store(tmp_path / "x.db")
    store.add_agenda("kept", DAY)
    copy = store.backup(tmp_path / "copy.db")
    with pytest.raises(FileExistsError):
        store.backup(copy)
    store.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".new")] == []
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT text FROM agenda").fetchall() == [("kept",)]
    conn.close()
