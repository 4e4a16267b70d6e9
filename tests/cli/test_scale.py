"""smcoach at any size: no statement takes a parameter per record; the long listings and the
JSON export are written as they are read, byte for byte what they were when built whole; and
the constant-time look before a write still refuses a file cut short after it was opened."""

import io
import json
import os
import sqlite3
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from smcoach.cli import app
from smcoach.domain.dates import iso_week
from smcoach.render import views
from smcoach.store import Store, connection

DAY = date(2026, 11, 23)  # the tests' today (conftest), a Monday
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
STATUSES = ("done", "done", "partly", "not", "rest")
PLAN_COLUMNS = (
    "id, what, how_much, when_text, days, times, confidence, first_confidence, "
    "kept_low_confidence, barrier, goal_id, start, week, status, created_at, ended, feedback, "
    "feedback_on, agreed_with_professional, feedback_barrier, replaces"
)


def seed(path: Path, plans: int, active: int, problems: int = 0) -> None:
    """`plans` plans, five a week back from this week, the newest `active` of them current,
    each with a check-in for every day of its week so far (some with notes), plus `problems`
    open problems with ideas and an idea being tried, and two symptoms rated for 8 weeks.
    Written in bulk: building it through the commands would take minutes."""
    store = Store(path)
    c = store.conn
    c.execute("BEGIN")
    c.execute("INSERT INTO goals (text, created) VALUES ('walk to the shops', ?)", [str(DAY)])
    plan_rows, checkin_rows = [], []
    for n in range(plans):
        plan_id = n + 1
        current = n >= plans - active
        start = DAY if current else DAY - timedelta(weeks=(plans - active - n + 4) // 5)
        by_days = n % 3 != 0
        days = ",".join(WEEKDAYS[(n + k) % 7] for k in (0, 2, 4)) if by_days else None
        plan_rows.append((
            plan_id, f'walk "{n}" round the park — café ☕', f"{10 + n % 20} minutes",
            "after lunch\tor tea", days, None if by_days else 1 + n % 7, 7 + n % 4, 6 + n % 5,
            n % 2, "rain" if n % 5 == 0 else None, 1 if n % 4 == 0 else None, str(start),
            iso_week(start), "active" if current else "ended", f"{start}T09:00:00+00:00",
            None if current else str(start + timedelta(days=7)),
            "it went well\nmostly" if n % 6 == 0 and not current else None,
            str(start + timedelta(days=7)) if n % 6 == 0 and not current else None,
            n % 7 == 0, "tired" if n % 6 == 0 and not current else None,
            plan_id - 5 if n % 11 == 0 and n >= 5 else None,
        ))  # fmt: skip
        for d in range(7):
            day = start + timedelta(days=d)
            if day > DAY:
                break
            note = f'with my neighbour, day {d} ✓ "fine"' if (n + d) % 4 == 0 else None
            checkin_rows.append((plan_id, str(day), iso_week(day), STATUSES[(n + d) % 5], note,
                                 f"{day}T20:00:00+00:00"))  # fmt: skip
    c.executemany(f"INSERT INTO plans ({PLAN_COLUMNS}) VALUES ({', '.join('?' * 21)})", plan_rows)
    c.executemany("INSERT INTO checkins VALUES (?, ?, ?, ?, ?, ?)", checkin_rows)
    for n in range(problems):
        problem_id = c.execute(
            "INSERT INTO problems (text, status, created, updated, created_at) "
            "VALUES (?, 'trying', ?, ?, ?)",
            [f"problem {n}", str(DAY), str(DAY), f"{DAY}T09:00:00+00:00"],
        ).lastrowid
        ideas = [
            c.execute(
                "INSERT INTO problem_ideas (problem_id, text, source) VALUES (?, ?, 'own')",
                [problem_id, f"idea {k} for {n}"],
            ).lastrowid
            for k in range(3)
        ]
        c.execute(
            "INSERT INTO problem_attempts (problem_id, idea_id, started) VALUES (?, ?, ?)",
            [problem_id, ideas[0], str(DAY)],
        )
    for symptom_id, name in enumerate(("fatigue", "pain"), 1):
        c.execute("INSERT INTO symptoms (name, created) VALUES (?, ?)", [name, str(DAY)])
        for d in range(56):
            day = DAY - timedelta(days=d)
            c.execute(
                "INSERT INTO symptom_ratings VALUES (?, ?, ?, ?, ?)",
                [symptom_id, str(day), iso_week(day), (d * symptom_id) % 11, f"{day}T21:00"],
            )
    c.execute("COMMIT")
    store.close()


def invoke_measured(*args: str) -> tuple[bytes, int]:
    """Run a command; its output and the most memory Python held at once while it ran (the
    output, which CliRunner keeps in memory, included)."""
    runner = CliRunner()
    tracemalloc.start()
    try:
        result = runner.invoke(app, list(args))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout_bytes, peak


def test_plan_list_all_json_is_streamed_and_the_same_as_built_whole(isolated):
    seed(isolated, plans=3000, active=5)
    store = Store(isolated)  # the list as it was built before: whole, in memory
    plans = store.plans(include_ended=True)
    checkins = store.checkins([p.id for p in plans])
    expected = json.dumps(
        [views.plan_json(p, checkins[p.id]) for p in plans], ensure_ascii=False, indent=2
    )
    store.close()
    out, peak = invoke_measured("plan", "list", "--all", "--json")
    assert out == (expected + "\n").encode("utf-8")
    listed = json.loads(out)
    assert len(listed) == 3000 and sum(len(p["checkins"]) for p in listed) > 20_000
    assert listed[0]["start"] < listed[-1]["start"] and listed[-1]["status"] == "active"
    # Built whole, the list took over 10 times the size of its text at once; written as it
    # is read, about twice (CliRunner's copy of the output and the copy it hands back).
    assert peak < 4 * len(out), f"peak {peak} bytes for {len(out)} bytes of output"


def test_plan_list_all_as_a_table_is_streamed_and_the_same_as_built_whole(isolated):
    from smcoach.render import Table, write

    seed(isolated, plans=3000, active=5)
    store = Store(isolated)  # the table as it was built before: every row at once
    listed = list(store.plans_with_checkins(include_ended=True))
    table = views.plans_blocks(lambda: listed, any_plan=True)[0]
    assert isinstance(table, Table)
    whole = Table(table.columns, title="Action plans")
    whole.rows = list(table.each_row())
    store.close()
    buffer = io.StringIO()
    write([whole], buffer)
    out, peak = invoke_measured("plan", "list", "--all")
    assert out == buffer.getvalue().encode("utf-8")
    assert out.count(b"\n") == 3002  # title, headings and a line a plan
    # Read twice and laid out line by line: no more than CliRunner's copies of the output.
    assert peak < 4 * len(out), f"peak {peak} bytes for {len(out)} bytes of output"


def test_the_json_export_is_streamed_and_the_same_as_built_whole(run, isolated, tmp_path):
    seed(isolated, plans=3000, active=5, problems=20)
    store = Store(isolated)
    expected = json.dumps(store.dump(), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    store.close()
    out, peak = invoke_measured("export", "--format", "json")
    assert out == expected.encode("utf-8")
    assert peak < 4 * len(out), f"peak {peak} bytes for {len(out)} bytes of output"
    saved = tmp_path / "out" / "export.json"
    r = run("export", "--out", str(saved))
    assert r.exit_code == 0, r.output
    assert saved.read_bytes() == out
    assert saved.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in saved.parent.iterdir()] == ["export.json"]  # no temporary left


def test_an_export_refused_midway_leaves_no_file(run, isolated, tmp_path, monkeypatch):
    """Pieces are written to a private temporary file, placed only when all are written."""
    seed(isolated, plans=50, active=5)
    from smcoach.render import jsonstream

    def failing(value, sort_keys=False):
        yield "{"
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(jsonstream, "chunks", failing)
    out = tmp_path / "out"
    out.mkdir()
    r = run("export", "--out", str(out / "export.json"))
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: the database at {isolated} is damaged")
    assert list(out.iterdir()) == []


def test_no_statement_takes_a_parameter_per_record(run, isolated, monkeypatch):
    """With more plans, problems and check-ins than SQLite's limit on parameters, every read
    still works: each statement has a fixed number of parameters (here: at most 10, where
    SQLite builds allow 999 or 32,766), whatever the number of records."""
    seed(isolated, plans=120, active=40, problems=30)
    opened = connection._open

    def limited(path):
        conn = opened(path)
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 10)
        return conn

    monkeypatch.setattr(connection, "_open", limited)
    commands = [
        ("plan", "list", "--all", "--json"),
        ("plan", "list", "--all"),
        ("plan", "list"),
        ("plan", "show", "120", "--json"),
        ("today",),
        ("today", "--json"),
        ("trends",),
        ("trends", "--weeks", "520", "--json"),
        ("solve", "list"),
        ("solve", "list", "--json"),
        ("export", "--format", "json"),
        ("export", "--format", "md"),
        ("export", "--format", "ics"),
        ("check", "120", "--done"),
    ]
    for args in commands:
        r = run(*args)
        assert r.exit_code == 0, (args, r.stderr, repr(r.exception))
    assert len(json.loads(run("plan", "list", "--json").stdout)) == 40
    assert len(json.loads(run("solve", "list", "--json").stdout)) == 30


@pytest.mark.parametrize("wal", [True, False], ids=["wal-holds-frames", "no-wal"])
def test_a_write_into_a_file_cut_short_after_it_was_opened_is_one_damaged_line(
    run, isolated, monkeypatch, wal
):
    store = Store(isolated)
    store.add_agenda_items(
        [f"item {i} " + "long enough to fill pages " * 8 for i in range(400)], DAY
    )
    store.close()
    kept = isolated.read_bytes()[: 2 * 4096]
    opened_store = Store.__init__

    def cut_short_once_open(self, path):
        opened_store(self, path)
        if wal:  # frames in the -wal: SQLite then takes the file's size from it
            self.add_agenda("written before the cut", DAY)
        os.truncate(path, 2 * 4096)  # by name: opening the file would drop SQLite's locks

    monkeypatch.setattr(Store, "__init__", cut_short_once_open)
    r = run("agenda", "add", "after the cut")
    assert r.exit_code == 1
    assert len(r.stderr.splitlines()) == 1, r.stderr
    assert r.stderr.startswith(f"Error: the database at {isolated} is damaged ("), r.stderr
    assert "Traceback" not in r.output
    for name in (isolated, Path(f"{isolated}-wal")):
        assert not name.exists() or b"after the cut" not in name.read_bytes()
    if not wal:
        assert isolated.read_bytes() == kept


def test_the_csv_export_is_streamed_and_the_same_as_built_whole(run, isolated, tmp_path):
    import csv
    import io
    import zipfile

    from smcoach.cli.data import _cell
    from smcoach.store.dump import KINDS, columns

    seed(isolated, plans=3000, active=5, problems=20)
    store = Store(isolated)  # each table's CSV as it was built before: whole, in memory
    tables = store.dump()["tables"]
    expected = {}
    for kind in KINDS:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(columns(store.conn, kind.table))
        writer.writerows([_cell(v) for v in record.values()] for record in tables[kind.table])
        expected[f"{kind.table}.csv"] = buffer.getvalue().encode("utf-8")
    store.close()
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in expected.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o600 << 16
            archive.writestr(info, data, zipfile.ZIP_DEFLATED)
    total = sum(map(len, expected.values()))
    assert total > 1_500_000
    for out in (tmp_path / "folder", tmp_path / "export.zip"):
        run("export", "--format", "csv", "--out", str(out.with_name(f"first-{out.name}")))
        _, peak = invoke_measured("export", "--format", "csv", "--out", str(out))  # imported
        # Built whole, over 8 times the size of the CSV at once; written as read, about half.
        assert peak < total, f"peak {peak} bytes for {total} bytes of CSV"
    written = {p.name: p.read_bytes() for p in (tmp_path / "folder").iterdir()}
    assert written == expected
    assert (tmp_path / "export.zip").read_bytes() == packed.getvalue()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(value=JSON_VALUES, sort_keys=st.booleans())
def test_the_streaming_writer_gives_what_json_dumps_gives(value, sort_keys):
    from smcoach.render.jsonstream import chunks

    whole = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys)
    assert "".join(chunks(value, sort_keys=sort_keys)) == whole
    if isinstance(value, list):  # a generator of the same items: written as the same array
        assert "".join(chunks(iter(value), sort_keys=sort_keys)) == whole
    keyed = {7: value, 2.5: [], False: {}, None: "x"}  # keys json turns into strings
    assert "".join(chunks(keyed)) == json.dumps(keyed, ensure_ascii=False, indent=2)
