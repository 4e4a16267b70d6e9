"""The store: migrations, backups, transactions and durability settings."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from smcoach.domain.models import CheckIn, PlanDraft
from smcoach.errors import SmcoachError, StoreError
from smcoach.store import Store, connection, explain, migrations

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


def test_empty_existing_file_is_taken_as_new(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    Store(path).close()
    assert applied(path) == migrations.NAMES


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
    assert list(tmp_path.glob("*.bak")) == []


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
    assert store.backup_path is not None and store.backup_path.parent == tmp_path
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


def test_check_in_replaces_and_reports_the_old_status(tmp_path):
    store = Store(tmp_path / "x.db")
    plan_id = store.add_plan(
        PlanDraft("walk", "10 min", "am", ("mon",), None, 8, DAY),
        8,
        False,
        "2026-11-23T09:00:00+00:00",
    )
    assert store.check_in(CheckIn(plan_id, DAY, "partly", "a"), "t1") is None
    assert store.check_in(CheckIn(plan_id, DAY, "done", None), "t2") == "partly"
    assert store.checkins([plan_id]) == {plan_id: [CheckIn(plan_id, DAY, "done", None)]}
    week = store.conn.execute("SELECT week FROM checkins").fetchone()[0]
    assert week == "2026-W48"
    with pytest.raises(sqlite3.IntegrityError):  # the schema refuses an unknown status
        store.check_in(CheckIn(plan_id, DAY, "maybe", None), "t3")
    store.close()


def test_backup_includes_what_is_still_in_the_wal(tmp_path):
    store = Store(tmp_path / "x.db")
    store.add_agenda("only in the WAL so far", DAY)
    assert Path(f"{store.path}-wal").stat().st_size > 0
    connection.backup(store.conn, tmp_path / "copy.db")
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
