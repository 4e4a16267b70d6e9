"""Each symptom's ratings added up by week (migration m011_symptom_weeks), for trends: kept
in step by triggers however ratings are written, and giving exactly the averages trends gave
when every reading grouped the day's ratings (ORACLE below, the query as it was)."""

import sqlite3
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smcoach.domain.dates import iso_week
from smcoach.store import Store, migrations

ORACLE = """SELECT week, symptom_id, SUM(rating), COUNT(*) FROM symptom_ratings
            GROUP BY week, symptom_id ORDER BY week, symptom_id"""
KEPT = "SELECT week, symptom_id, total, count FROM symptom_weeks ORDER BY week, symptom_id"
FIRST = date(2025, 12, 22)  # a Monday: the days below cross weeks and a year


def rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return [tuple(r) for r in conn.execute(sql)]


def day(k: int) -> str:
    return str(FIRST + timedelta(days=k))


def rate(conn: sqlite3.Connection, symptom: int, k: int, rating: int, how: str) -> None:
    values = [symptom, day(k), iso_week(FIRST + timedelta(days=k)), rating, "2026-01-01T00:00"]
    if how == "upsert":  # as the store writes a rating
        conn.execute(
            """INSERT INTO symptom_ratings (symptom_id, day, week, rating, recorded_at)
               VALUES (?, ?, ?, ?, ?) ON CONFLICT (symptom_id, day)
               DO UPDATE SET rating = excluded.rating""",
            values,
        )
    else:  # INSERT OR REPLACE removes the row it replaces without a delete trigger
        conn.execute("INSERT OR REPLACE INTO symptom_ratings VALUES (?, ?, ?, ?, ?)", values)


steps = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(["upsert", "replace"]), st.integers(1, 2),
                  st.integers(0, 20), st.integers(0, 10)),
        st.tuples(st.just("remove"), st.integers(1, 2), st.integers(0, 20), st.just(0)),
        st.tuples(st.just("move"), st.integers(1, 2), st.integers(0, 20), st.integers(0, 20)),
    ),
    max_size=40,
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_the_weeks_are_the_oracles_however_ratings_are_written(tmp_path_factory, history):
    path = tmp_path_factory.mktemp("weeks") / "s.db"
    store = Store(path)
    conn = store.conn
    for name in ("fatigue", "pain"):
        conn.execute("INSERT INTO symptoms (name, created) VALUES (?, '2025-12-01')", [name])
    for what, symptom, k, value in history:
        if what == "remove":
            conn.execute(
                "DELETE FROM symptom_ratings WHERE symptom_id = ? AND day = ?", [symptom, day(k)]
            )
        elif what == "move":  # to another day, perhaps another week, replacing any there
            to = FIRST + timedelta(days=value)
            conn.execute(
                """UPDATE OR REPLACE symptom_ratings SET day = ?, week = ?
                   WHERE symptom_id = ? AND day = ?""",
                [str(to), iso_week(to), symptom, day(k)],
            )
        else:
            rate(conn, symptom, k, value, what)
        assert rows(conn, KEPT) == rows(conn, ORACLE)
    store.close()


def test_averages_through_the_store_and_the_upgrade_keep_every_rating(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    before = migrations.NAMES.index("m011_symptom_weeks")
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:before])
        m.setattr(migrations, "NAMES", migrations.NAMES[:before])
        old = Store(path)
        for name in ("fatigue", "Mood"):
            old.conn.execute(
                "INSERT INTO symptoms (name, created) VALUES (?, '2025-12-01')", [name]
            )
        for k in range(60):
            for symptom in (1, 2):
                if (k * symptom) % 7 != 3:  # some days unrated
                    rate(old.conn, symptom, k, (k + 3 * symptom) % 11, "upsert")
        want = rows(old.conn, ORACLE)
        ratings = rows(old.conn, "SELECT * FROM symptom_ratings ORDER BY 1, 2")
        old.close()
    store = Store(path)
    assert store.backup_path is not None
    assert rows(store.conn, "SELECT * FROM symptom_ratings ORDER BY 1, 2") == ratings
    assert rows(store.conn, KEPT) == want
    first, last = iso_week(FIRST), iso_week(FIRST + timedelta(days=59))
    averages = store.symptom_weekly_averages(first, last)
    assert averages == {
        name: {week: total / count for week, sid, total, count in want if sid == symptom_id}
        for symptom_id, name in ((1, "fatigue"), (2, "Mood"))
    }
    assert store.symptom_weekly_averages("2030-W01", "2030-W52") == {}
    store.close()
