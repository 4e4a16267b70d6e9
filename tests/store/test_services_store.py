"""The directory of community services in the store (migration m010_services): the full-text
index kept in step by triggers on every write, search ranking, and the upgrade of a file made
before m010 keeping every record."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from smcoach.domain.models import CheckIn, PlanDraft
from smcoach.domain.services import DIRECTORY, Service
from smcoach.store import Store, migrations
from smcoach.store.services import match_expression

TODAY = date(2026, 11, 23)
NOW = "2026-11-23T10:00:00+00:00"


def entry(hsds_id: str, name: str, **fields: object) -> Service:
    return Service(ref="", hsds_id=hsds_id, name=name, **fields)  # type: ignore[arg-type]


def found(store: Store, words: str, **filters: str) -> list[str]:
    expression = match_expression(
        words.split(), filters.get("category", "").split(), filters.get("area", "").split()
    )
    assert expression is not None
    return [s.name for s in store.search_services(expression, 50)[0]]


def index_is_whole(store: Store) -> None:
    """FTS5's own check that the index holds exactly what the table does."""
    store.conn.execute("INSERT INTO services_fts (services_fts) VALUES ('integrity-check')")


def test_the_index_follows_every_add_edit_remove_and_import(tmp_path):
    store = Store(tmp_path / "s.db")
    first = store.add_service(entry("a", "Carers centre", categories=("carers",)), NOW)
    store.add_service(entry("b", "Walking group", areas=("Leeds",)), NOW)
    assert found(store, "carer") == ["Carers centre"]
    assert found(store, "walk", area="leeds") == ["Walking group"]

    store.update_service(first, store.service(first)._replace(name="Young carers club"), NOW)
    assert found(store, "young") == ["Young carers club"]
    assert found(store, "centre") == []  # the old name is gone from the index
    index_is_whole(store)

    store.remove_service(first, TODAY, NOW)
    assert found(store, "carers") == []  # removed: not found, though kept for plans
    assert store.service(first).removed == TODAY

    added, updated, removed = store.import_services(
        [entry("a", "Carers hub", description="Breaks for carers"), entry("c", "Lunch club")], NOW
    )
    assert (added, updated, removed) == (1, 1, 1)  # 'a' brought up to date, still removed
    assert found(store, "hub") == [] and found(store, "lunch") == ["Lunch club"]
    store.conn.execute("UPDATE services SET removed = NULL")
    assert found(store, "hub") == ["Carers hub"] and found(store, "young") == []
    index_is_whole(store)
    # what another program writes is indexed too: the triggers are in the file
    store.conn.execute(
        "INSERT INTO services (hsds_id, name, created_at, updated_at) "
        "VALUES ('z', 'Men''s shed', 'x', 'x')"
    )
    assert found(store, "shed") == ["Men's shed"]
    store.conn.execute("DELETE FROM services WHERE hsds_id = 'z'")
    assert found(store, "shed") == []
    index_is_whole(store)
    store.close()


def test_search_ranks_the_name_above_the_description_and_filters_by_column(tmp_path):
    store = Store(tmp_path / "s.db")
    store.import_services(
        [
            entry(
                "1", "Lunch club", description="A hot meal, then a gentle walk", areas=("Otley",)
            ),
            entry("2", "Walk and talk", categories=("walking",), areas=("Leeds",)),
            entry("3", "Library", categories=("books",), description="Walking books round"),
            entry("4", "Café", description="Coffee after the walk", categories=("walking",)),
        ],
        NOW,
    )
    assert found(store, "walk")[0] == "Walk and talk"  # in its name and its category
    assert set(found(store, "walk")) == {"Lunch club", "Walk and talk", "Library", "Café"}
    assert found(store, "walk", category="walking") == ["Walk and talk", "Café"]
    assert found(store, "walk", area="otley") == ["Lunch club"]
    assert found(store, "cafe") == ["Café"]  # accents do not matter
    assert found(store, "walk meal") == ["Lunch club"]  # every word must match
    rows, total = store.search_services(match_expression(["walk"]) or "", 2)
    assert (len(rows), total) == (2, 4)
    store.close()


def test_upgrading_a_file_from_m009_keeps_every_plan_and_ties_none(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    up_to_m009 = migrations.NAMES.index("m009_plan_figures") + 1
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:up_to_m009])
        m.setattr(migrations, "NAMES", migrations.NAMES[:up_to_m009])
        old = Store(path)
        ids = []
        for n in range(12):
            draft = PlanDraft(
                what=f"walk {n}", how_much="10 minutes", when="after lunch",
                days=("mon", "wed") if n % 2 else None, times=None if n % 2 else 3,
                confidence=7 + n % 4, start=date(2026, 9, 7 + n),
            )  # fmt: skip
            ids.append(old.add_plan(draft, 8, False, NOW))
            old.check_in(CheckIn(ids[-1], date(2026, 9, 7 + n), "done", f"note {n}"), NOW)
        problem = old.add_problem("Stairs", TODAY, NOW)
        old.add_idea(problem, "rest halfway", "own", TODAY)
        old.close()
    before = _records(path)
    store = Store(path)
    assert [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations")] == (
        migrations.NAMES
    )
    after = _records(path, columns_of=before)
    assert after == before  # every record of every table, as it was
    assert (
        store.conn.execute("SELECT COUNT(*) FROM plans WHERE service_id IS NULL").fetchone()[0]
        == 12
    )
    assert [p.id for p in store.plans(include_ended=True)] == ids
    assert store.plan_service(ids[0]) is None
    store.close()


def _records(path: Path, columns_of: dict | None = None) -> dict:
    """Every table's rows (only the columns a file had before, when given)."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT IN ('_sqlite_migrations')"
            )
        ]
        found = {}
        for table in names:
            if columns_of is not None and table not in columns_of:
                continue
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            if columns_of is not None:
                columns = columns_of[table][0]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()
            found[table] = (columns, rows)
        return found
    finally:
        conn.close()


def test_a_plan_and_its_service_are_saved_together_or_not_at_all(tmp_path, monkeypatch):
    """An entry of a provided directory is copied into the person's own and the plan tied to
    it in the plan's own transaction: if the tie fails, the plan is not kept either."""

    store = Store(tmp_path / "s.db")
    draft = PlanDraft(what="call the carers' centre", how_much="one call", when="Tuesday",
                      days=("tue",), times=None, confidence=8, start=TODAY)  # fmt: skip
    provided = entry("dir-1", "Carers centre", phone="0113 496 0000")._replace(
        ref="p1", origin=DIRECTORY
    )
    plan_id = store.add_plan(draft, 8, False, NOW, service=provided)
    tied = store.plan_service(plan_id)
    assert tied is not None and (tied.name, tied.origin) == ("Carers centre", "provided")

    def broken(*args: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "_service_for_plan", broken)
    plans_before = len(store.plans(include_ended=True))
    with pytest.raises(sqlite3.OperationalError):
        store.add_plan(draft, 8, False, NOW, service=provided._replace(hsds_id="dir-2"))
    assert len(store.plans(include_ended=True)) == plans_before
    store.close()
