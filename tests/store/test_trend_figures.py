"""The plans' figures that trends add up by week (migration m009_plan_figures): kept up to
date by triggers however plans and check-ins are written, and giving exactly what trends gave
when every reading worked them out from the records (ORACLE below, the query as it was)."""

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smcoach.domain.dates import iso_week
from smcoach.domain.models import CheckIn, PlanDraft
from smcoach.domain.trends import BANDS, PlanWeekFigures, monday_of
from smcoach.store import Store, migrations
from smcoach.store.trends import TrendQueries

# --- the oracle: trends' plan figures as they were worked out before m009 ---------------------

ORACLE_PER_PLAN = """
WITH p AS (
    SELECT id, week, confidence, days, times, start,
           MIN(date(start, '+6 days'), COALESCE(ended, '9999-12-31')) AS last_day
    FROM plans WHERE week BETWEEN :first AND :last
),
c AS (
    SELECT p.id AS plan_id,
           SUM(CASE c.status WHEN 'done' THEN 1.0 WHEN 'partly' THEN 0.5 ELSE 0 END) AS achieved,
           SUM(c.status = 'rest') AS rest
    FROM p JOIN checkins c ON c.plan_id = p.id
    WHERE c.day <= p.last_day AND (p.days IS NULL
       -- the day's weekday (0 = Sunday) from its Julian day number: cheaper than strftime
       OR instr(p.days, substr('sunmontuewedthufrisat',
                               3 * (CAST(julianday(c.day) + 1.5 AS INTEGER) % 7) + 1, 3)) > 0)
    GROUP BY p.id
),
t AS (
    SELECT id, week, confidence, last_day < :today AS ended,
           CASE WHEN days IS NULL THEN times
                WHEN last_day = date(start, '+6 days')  -- a whole week: every named day
                    THEN length(days) - length(replace(days, ',', '')) + 1
                ELSE (  -- ended early: the named weekdays up to its last day
                    SELECT COUNT(*) FROM (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2
                        UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
                        UNION ALL SELECT 6)
                    WHERE date(start, '+' || k || ' days') <= last_day
                      AND instr(days, substr('sunmontuewedthufrisat',
                          3 * (CAST(julianday(start) + k + 1.5 AS INTEGER) % 7) + 1, 3)) > 0
                ) END AS target
    FROM p
),
per_plan AS MATERIALIZED (
    SELECT t.week, t.confidence,
           CASE WHEN t.ended THEN MAX(t.target - COALESCE(c.rest, 0), 0) END AS counted,
           CASE WHEN t.ended THEN MIN(COALESCE(c.achieved, 0),
                                      MAX(t.target - COALESCE(c.rest, 0), 0)) END AS achieved
    FROM t LEFT JOIN c ON c.plan_id = t.id
)
"""

Figures = tuple[dict[str, PlanWeekFigures], dict[str, PlanWeekFigures]]


def oracle(conn: sqlite3.Connection, first: str, last: str, today: date) -> Figures:
    band = " ".join(
        f"WHEN confidence BETWEEN {lo} AND {hi} THEN '{label}'" for lo, hi, label in BANDS
    )
    rows = conn.execute(
        ORACLE_PER_PLAN
        + f"""SELECT 'week', week, COUNT(*), AVG(confidence), SUM(counted), SUM(achieved),
                     COUNT(counted)
              FROM per_plan GROUP BY week
              UNION ALL
              SELECT 'band', CASE {band} END AS band, COUNT(*), AVG(confidence),
                     SUM(counted), SUM(achieved), COUNT(counted)
              FROM per_plan GROUP BY band""",
        {"first": first, "last": last, "today": today.isoformat()},
    )
    by: dict[str, dict[str, PlanWeekFigures]] = {"week": {}, "band": {}}
    for kind, key, *figures in rows:
        by[kind][key] = PlanWeekFigures(*figures)
    return by["week"], by["band"]


def figures(conn: sqlite3.Connection, first: str, last: str, today: date) -> Figures:
    queries = TrendQueries()
    queries.conn = conn
    return queries.plan_figures(first, last, today)


def windows(today: date) -> Iterator[tuple[str, str]]:
    """Windows ending with the week of `today`, as trends asks for them, and a few more."""
    this_week = monday_of(today)
    for weeks in (1, 2, 4, 12, 60):
        yield iso_week(this_week - timedelta(weeks=weeks - 1)), iso_week(this_week)
    yield "0000-W01", "9999-W99"
    yield iso_week(this_week - timedelta(weeks=3)), iso_week(this_week - timedelta(weeks=1))


def assert_same(conn: sqlite3.Connection, today: date) -> None:
    """Trends' figures are exactly the oracle's (repr: an int stays an int, a float a float),
    and the stored figures are what the view works out from the records."""
    stored = [tuple(r) for r in conn.execute("SELECT * FROM plan_figures ORDER BY plan_id")]
    worked_out = [tuple(r) for r in conn.execute("SELECT * FROM plan_figures_now ORDER BY 1")]
    assert repr(stored) == repr(worked_out)
    for first, last in windows(today):
        assert repr(figures(conn, first, last, today)) == repr(oracle(conn, first, last, today))


# --- databases made in every way records are written ---------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """An empty database at the current schema, copied into memory for each example."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def fresh(template: sqlite3.Connection) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    template.backup(conn)
    return conn


WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
STATUSES = ["done", "partly", "not", "rest"]
# Around Mondays and the turn of years (2020 and 2026 have a week 53), so that plans, their
# check-ins and "today" fall on every side of week boundaries.
ANCHORS = [date(2026, 11, 23), date(2026, 12, 30), date(2021, 1, 3), date(2026, 3, 1)]

day_sets = st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True)
named_days = day_sets.map(lambda ds: ",".join(sorted(ds, key=WEEKDAYS.index))) | day_sets.map(
    ",".join  # in the order given: an import may hold them so
)


@st.composite
def plans(draw: st.DrawFn, anchor: date) -> dict[str, Any]:
    start = anchor + timedelta(days=draw(st.integers(-10, 10)))
    days = draw(st.none() | named_days)
    ended = draw(st.none() | st.integers(-2, 9).map(lambda k: start + timedelta(days=k)))
    # the week is the start's, or (an import may hold anything) a week either side
    week = iso_week(start + timedelta(weeks=draw(st.sampled_from([0, 0, 0, 0, 1, -1]))))
    return {
        "days": days,
        "times": draw(st.integers(1, 7)) if days is None else None,
        "confidence": draw(st.integers(0, 10)),
        "start": start.isoformat(),
        "week": week,
        "ended": None if ended is None else ended.isoformat(),
        "checkins": draw(st.dictionaries(st.integers(-2, 8), st.sampled_from(STATUSES))),
    }


changes = st.one_of(
    st.tuples(st.just("check"), st.integers(0, 9), st.integers(-2, 8), st.sampled_from(STATUSES)),
    st.tuples(st.just("uncheck"), st.integers(0, 9), st.integers(-2, 8)),
    st.tuples(st.just("end"), st.integers(0, 9), st.none() | st.integers(-2, 9)),
    st.tuples(st.just("days"), st.integers(0, 9), named_days),
    st.tuples(st.just("confidence"), st.integers(0, 9), st.integers(0, 10)),
    st.tuples(st.just("move"), st.integers(0, 9), st.integers(0, 9), st.integers(-2, 8)),
    st.tuples(st.just("remove"), st.integers(0, 9)),
)


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]], date]:
    anchor = draw(st.sampled_from(ANCHORS))
    made = draw(st.lists(plans(anchor), max_size=8))
    today = anchor + timedelta(days=draw(st.integers(-8, 20)))
    return made, draw(st.lists(changes, max_size=8)), today


def write(conn: sqlite3.Connection, made: list[dict[str, Any]]) -> list[int]:
    """The plans and their check-ins, written as bench.py and an import write them."""
    ids = []
    for n, p in enumerate(made):
        cur = conn.execute(
            """INSERT INTO plans (what, how_much, when_text, days, times, confidence,
               first_confidence, start, week, status, created_at, ended)
               VALUES (?, 'a little', 'morning', ?, ?, ?, ?, ?, ?, ?, 'now', ?)""",
            [f"plan {n}", p["days"], p["times"], p["confidence"], p["confidence"], p["start"],
             p["week"], "active" if p["ended"] is None else "ended", p["ended"]],
        )  # fmt: skip
        ids.append(int(cur.lastrowid or 0))
        start = date.fromisoformat(p["start"])
        conn.executemany(
            "INSERT INTO checkins (plan_id, day, week, status, recorded_at) VALUES (?, ?, ?, ?, ?)",
            [
                (ids[-1], str(day), iso_week(day), status, "now")
                for k, status in p["checkins"].items()
                for day in [start + timedelta(days=k)]
            ],
        )
    return ids


def change(conn: sqlite3.Connection, ids: list[int], step: tuple[Any, ...]) -> None:
    """One later write: a check-in made or changed (as the store makes it), one removed, a
    plan ended, its days or confidence changed, a check-in moved to another plan and day, a
    plan removed (with or without its check-ins)."""
    if not ids:
        return
    what, n, *rest = step
    plan_id = ids[n % len(ids)]
    start_text = conn.execute("SELECT start FROM plans WHERE id = ?", [plan_id]).fetchone()
    if start_text is None:  # removed by an earlier change
        return
    start = date.fromisoformat(start_text[0])

    def day(k: int) -> str:
        return str(start + timedelta(days=k))

    if what == "check":
        k, status = rest
        conn.execute(
            """INSERT INTO checkins (plan_id, day, week, status, recorded_at)
               VALUES (?, ?, ?, ?, 'later')
               ON CONFLICT (plan_id, day) DO UPDATE SET status = excluded.status,
               recorded_at = excluded.recorded_at""",
            [plan_id, day(k), iso_week(start + timedelta(days=k)), status],
        )
    elif what == "uncheck":
        conn.execute("DELETE FROM checkins WHERE plan_id = ? AND day = ?", [plan_id, day(rest[0])])
    elif what == "end":
        ended = None if rest[0] is None else day(rest[0])
        conn.execute("UPDATE plans SET ended = ? WHERE id = ?", [ended, plan_id])
    elif what == "days":
        conn.execute("UPDATE plans SET days = ?, times = NULL WHERE id = ?", [rest[0], plan_id])
    elif what == "confidence":
        conn.execute("UPDATE plans SET confidence = ? WHERE id = ?", [rest[0], plan_id])
    elif what == "move":
        other, k = ids[rest[0] % len(ids)], rest[1]
        conn.execute(
            """UPDATE OR REPLACE checkins SET plan_id = ?, day = ?
               WHERE plan_id = ? AND day = (SELECT MIN(day) FROM checkins WHERE plan_id = ?)""",
            [other, day(k), plan_id, plan_id],
        )
    elif what == "remove":
        if n % 2:
            conn.execute("DELETE FROM checkins WHERE plan_id = ?", [plan_id])
        conn.execute("DELETE FROM plans WHERE id = ?", [plan_id])


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(histories())
def test_figures_are_the_oracles_however_the_records_were_written(template, history):
    made, later, today = history
    conn = fresh(template)
    try:
        ids = write(conn, made)
        assert_same(conn, today)
        for step in later:
            change(conn, ids, step)
        assert_same(conn, today)
        for days in (-7, 1, 7, 400):  # the same records read on other days
            assert_same(conn, today + timedelta(days=days))
    finally:
        conn.close()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(histories())
def test_figures_are_the_oracles_in_one_transaction_and_after_replace(template, history):
    """Written in one transaction (as bench.py builds a file), and with INSERT OR REPLACE,
    which removes the row it replaces without a delete trigger."""
    made, _, today = history
    conn = fresh(template)
    try:
        conn.execute("BEGIN")
        ids = write(conn, made)
        for plan_id in ids[:3]:
            conn.execute(
                """INSERT OR REPLACE INTO plans (id, what, how_much, when_text, days, times,
                   confidence, first_confidence, start, week, created_at)
                   SELECT id, what, how_much, when_text, NULL, 2, 10 - confidence, 0, start,
                          week, created_at FROM plans WHERE id = ?""",
                [plan_id],
            )
            conn.execute(
                """INSERT OR REPLACE INTO checkins (plan_id, day, week, status, recorded_at)
                   SELECT plan_id, day, week, 'rest', recorded_at FROM checkins
                   WHERE plan_id = ?""",
                [plan_id],
            )
        conn.execute("COMMIT")
        assert_same(conn, today)
    finally:
        conn.close()


def test_figures_through_the_store_as_plans_are_made_checked_adjusted_and_ended(tmp_path):
    store = Store(tmp_path / "s.db")
    monday = date(2026, 11, 16)

    def draft(days: tuple[str, ...] | None, start: date, confidence: int) -> PlanDraft:
        return PlanDraft("walk", "10 minutes", "morning", days, None if days else 3, confidence,
                         start)  # fmt: skip

    first = store.add_plan(draft(("mon", "wed", "fri"), monday, 8), 8, False, "t")
    second = store.add_plan(draft(None, monday, 6), 6, False, "t")
    for day, status in [(0, "done"), (2, "partly"), (3, "done"), (4, "rest"), (6, "not")]:
        for plan_id in (first, second):
            store.check_in(CheckIn(plan_id, monday + timedelta(days=day), status, None), "t")
    store.check_in(CheckIn(first, monday, "not", "changed my mind"), "t")  # replaced
    # adjusted part-way: the first ends the day before the new one starts
    third = store.add_plan(draft(("tue", "sat"), monday + timedelta(days=3), 9), 9, False, "t",
                           replaces=first)  # fmt: skip
    store.check_in(CheckIn(third, monday + timedelta(days=5), "done", None), "t")
    store.end_plan(second, monday + timedelta(days=1))
    for today in (monday, monday + timedelta(days=4), monday + timedelta(days=7)):
        assert_same(store.conn, today)
    week = iso_week(monday)
    by_week, _ = figures(store.conn, week, week, monday + timedelta(days=7))
    # first: mon and wed (it ended on the wednesday, the day before the third began): not
    # done, then partly, 0.5 of 2; second: 3 times, ended on the tuesday: done on the monday,
    # 1 of 3; the third (thursday to wednesday) is not over on the 23rd: not counted yet
    assert by_week[week] == PlanWeekFigures(3, 23 / 3, 2 + 3, 0.5 + 1, 2)
    store.close()


# --- the migration ----------------------------------------------------------------------------


def rows_of(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}
    finally:
        conn.close()


def test_m009_upgrades_a_file_keeping_every_record_and_the_trends(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    before_m009 = migrations.NAMES.index("m009_plan_figures")
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:before_m009])
        m.setattr(migrations, "NAMES", migrations.NAMES[:before_m009])
        old = Store(path)
        made = [
            {"days": days, "times": times, "confidence": c, "start": str(start),
             "week": iso_week(start), "ended": ended, "checkins": checkins}
            for n in range(60)
            for start in [date(2025, 12, 1) + timedelta(days=3 * n)]
            for days, times in [(None, 1 + n % 7) if n % 5 == 0
                                else (",".join(WEEKDAYS[n % 3 :: 2]), None)]
            for c in [n % 11]
            for ended in [None if n % 4 else str(start + timedelta(days=n % 9))]
            for checkins in [{k: STATUSES[(n + k) % 4] for k in range(-1, 8) if (n * k) % 3 != 1}]
        ]  # fmt: skip
        write(old.conn, made)
        old.conn.execute("INSERT INTO agenda (text, created) VALUES ('kept', '2026-01-01')")
        days = [date(2025, 12, 20), date(2026, 1, 7), date(2026, 3, 2)]
        expected = {
            (today, first, last): oracle(old.conn, first, last, today)
            for today in days
            for first, last in windows(today)
        }
        old.close()
    records = rows_of(path)
    with monkeypatch.context() as m:  # up to m009 only: later migrations may add columns
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[: before_m009 + 1])
        m.setattr(migrations, "NAMES", migrations.NAMES[: before_m009 + 1])
        store = Store(path)
        assert store.backup_path is not None  # the file as it was, beside it
        applied = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations")]
        assert applied == migrations.NAMES and applied[-1] == "m009_plan_figures"
        store.close()
    after = rows_of(path)
    log = records.pop("_sqlite_migrations")  # the migrations applied: m009 is added to them
    assert set(log) < set(after.pop("_sqlite_migrations"))
    assert {t: rows for t, rows in after.items() if t in records} == records  # every record
    assert len(after["plan_figures"]) == len(records["plans"]) == 60
    store = Store(path)  # and on to the newest schema
    for (today, first, last), want in expected.items():
        assert repr(figures(store.conn, first, last, today)) == repr(want)
    assert_same(store.conn, days[-1])
    store.close()
