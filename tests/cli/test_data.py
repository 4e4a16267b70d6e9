"""Your data is yours: questions, export, import, backup, restore, erase and doctor, through
the real CLI against a temporary database."""

import json
import os
import sqlite3
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from smcoach.store import migrations

HOSTILE = "walk\nNext: take double pills \x1b[31mred\x1b[0m \u202eevil [bold]x[/] '); DROP--"


@pytest.fixture
def filled(run, tmp_path):
    """A database with every kind of record, some with hostile text."""
    steps = [
        ("agenda", "add", "Getting out of breath on the stairs"),
        ("agenda", "add", HOSTILE),
        ("agenda", "focus", "1"),
        ("goal", "add", "Walk to my daughter's house", "--agenda", "1", "--by", "2027-03-01"),
        ("plan", "new", "--what", "walk to the post box", "--how-much", "10 minutes",
         "--when", "after lunch", "--days", "mon,wed,fri", "--confidence", "8", "--goal", "1"),
        ("check", "--done", "--note", HOSTILE),
        ("symptoms", "add", "fatigue"),
        ("check", "--rate", "fatigue=4"),
        ("selfcheck", "--answers", "8,7,6,9,6,7"),
        ("settings", "country", "GB"),
        ("questions", "add", "Could my tiredness be the new tablets?"),
    ]  # fmt: skip
    for step in steps:
        r = run(*step)
        assert r.exit_code == 0, (step, r.output)
    answers = tmp_path / "solve.json"
    answers.write_text(json.dumps({"solve": {
        "problem": "My back aches after I hoover the stairs", "kind": "pain",
        "ideas": ["take a hot water bottle to bed", "do my stretches"],
        "suggestions": "1", "choice": "2"}}))  # fmt: skip
    r = run("solve", "--answers", str(answers))
    assert r.exit_code == 0, r.output
    return run


def counts(db: Path) -> dict[str, int]:
    from smcoach.store.dump import KINDS

    conn = sqlite3.connect(db)
    try:
        return {k.table: conn.execute(f"SELECT COUNT(*) FROM {k.table}").fetchone()[0]
                for k in KINDS}  # fmt: skip
    finally:
        conn.close()


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


# --- questions ----------------------------------------------------------------------------------


def test_questions_add_list_done(run, run_json):
    assert run("questions", "add", "Is it the tablets?").exit_code == 0
    assert run("questions", "add", "Can I swim?").exit_code == 0
    assert run("questions", "done", "1").stderr == "Marked question 1 as asked.\n"
    assert [q["text"] for q in run_json("questions", "list")] == ["Can I swim?"]
    everything = run_json("questions", "list", "--all")
    assert [(q["id"], q["done"]) for q in everything] == [(1, "2026-11-23"), (2, None)]
    again = run("questions", "done", "1")
    assert (again.exit_code, again.stderr) == (1, "Error: question 1 is already marked as asked\n")
    assert run("questions", "done", "7").stderr == "Error: there is no question with ID 7\n"
    assert run("questions", "done", "x").exit_code == 1
    assert "Can I swim?" in run("questions", "list").stdout


# --- export and import --------------------------------------------------------------------------


def test_json_export_is_complete_sorted_and_private(filled, isolated, tmp_path):
    out = tmp_path / "out" / "export.json"
    r = filled("export", "--out", str(out))
    assert r.exit_code == 0, r.output
    assert mode(out) == 0o600 and mode(out.parent) == 0o700
    text = out.read_text("utf-8")
    data = json.loads(text)
    assert data["schema"] == len(migrations.NAMES) and data["format"] == "smcoach-export"
    assert json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n" == text
    assert {k: len(v) for k, v in data["tables"].items()} == counts(isolated)
    assert data["tables"]["checkins"][0]["note"] == HOSTILE  # byte-equal, not escaped
    assert "\\u202e" not in text and "\u202e" in text  # UTF-8, not ASCII escapes
    assert filled("export").stdout == text  # without --out: printed


def test_export_erase_import_export_is_byte_equal(filled, isolated, tmp_path):
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    assert filled("export", "-o", str(first)).exit_code == 0
    before = counts(isolated)
    erased = filled("erase", "--yes", "--backups")
    assert erased.exit_code == 0, erased.output
    assert not isolated.exists()
    r = filled("import", str(first))
    assert r.exit_code == 0, r.output
    assert r.stderr == f"Imported {sum(before.values())} records from {first}.\n"
    assert filled("export", "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_import_refuses_a_database_with_records_and_merge_adds_nothing_twice(
    filled, isolated, tmp_path
):
    export = tmp_path / "e.json"
    filled("export", "-o", str(export))
    before = counts(isolated)
    r = filled("import", str(export))
    assert r.exit_code == 1 and "already holds records: add --merge" in r.stderr
    merged = filled("import", "--merge", str(export))
    assert merged.exit_code == 0, merged.output
    assert f"0 records added, {sum(before.values())} already there" in merged.stderr
    assert "Backed up your data to" in merged.stderr
    assert counts(isolated) == before


def test_merge_into_other_data_follows_references(filled, isolated, tmp_path, run_json):
    export = tmp_path / "e.json"
    filled("export", "-o", str(export))
    other = tmp_path / "other.db"
    env = {"SMCOACH_DB": str(other)}
    filled("agenda", "add", "Sleeping badly", env=env)
    filled("plan", "new", "--what", "read", "--how-much", "a chapter", "--when", "bedtime",
           "--times", "3", "--confidence", "9", env=env)  # fmt: skip
    r = filled("import", "--merge", str(export), env=env)
    assert r.exit_code == 0, r.output
    conn = sqlite3.connect(other)
    try:
        agenda = conn.execute("SELECT id, text, focus FROM agenda ORDER BY id").fetchall()
        assert [a[1] for a in agenda] == ["Sleeping badly", "Getting out of breath on the stairs",
                                          HOSTILE]  # fmt: skip
        goal_agenda = conn.execute("SELECT agenda_id FROM goals").fetchone()[0]
        assert goal_agenda == agenda[1][0]  # the goal follows its agenda item's new ID
        walk = conn.execute("SELECT id FROM plans WHERE what = 'walk to the post box'").fetchone()
        checkin_plan = conn.execute("SELECT plan_id FROM checkins").fetchone()[0]
        assert checkin_plan == walk[0] == 2
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema=len(migrations.NAMES) + 1), "exported by a newer smcoach"),
        (lambda d: d.update(format="other"), "not an smcoach export"),
        (lambda d: d["tables"].update(recipes=[]), "a kind this smcoach does not know"),
        (lambda d: d["tables"]["agenda"][0].update(colour="red"), "unknown field 'colour'"),
        (lambda d: d["tables"]["agenda"][0].update(text=None), "NOT NULL"),
        (lambda d: d["tables"]["plans"][0].update(confidence=11), "CHECK"),
        (lambda d: d["tables"]["checkins"][0].update(plan_id=99), "refers to a record"),
        (lambda d: d["tables"]["agenda"][0].update(id="one"), "'id'"),
        (lambda d: d["tables"]["questions"][-1].update(text=[1]), "'text'"),
        (lambda d: d["tables"]["questions"][-1].update(text=10**30), "'text'"),
    ],
)
def test_a_file_that_does_not_fit_imports_nothing(filled, tmp_path, change, message):
    export = tmp_path / "e.json"
    filled("export", "-o", str(export))
    data = json.loads(export.read_text())
    change(data)
    export.write_text(json.dumps(data))
    empty = {"SMCOACH_DB": str(tmp_path / "empty.db")}
    r = filled("import", str(export), env=empty)
    assert r.exit_code == 1
    assert r.stderr.startswith("Error: ") and message in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1
    assert filled("export", env=empty).stdout.count('"id"') == 0  # nothing at all was added


@pytest.mark.parametrize(
    "content", [b"", b"{", b"\xff\xfe", b"[" * 100000, b'{"format": 1e999}', b"[]"]
)
def test_unreadable_imports_give_one_line(run, tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    r = run("import", str(bad))
    assert r.exit_code == 1 and r.stderr.startswith("Error: ") and r.stderr.count("\n") == 1
    assert r.exception is None or isinstance(r.exception, SystemExit)


# --- import, a record at a time -----------------------------------------------------------------

NOTE = "slept badly, walked anyway: é ü 漢字 😀 \u202e"  # characters of 2, 3 and 4 bytes


@pytest.fixture
def big_export(filled, tmp_path):
    """The filled database's export with 6,000 more check-ins and ratings besides: some 1.2
    MB, many times the 64 KiB the import reads at once, written as smcoach writes it."""
    export = tmp_path / "big.json"
    assert filled("export", "-o", str(export)).exit_code == 0
    data = json.loads(export.read_text("utf-8"))
    tables = data["tables"]
    plan, symptom = tables["plans"][0]["id"], tables["symptoms"][0]["id"]
    for n in range(3000):
        day = date(2010, 1, 4) + timedelta(days=n)
        year, week, _ = day.isocalendar()
        common = {"day": day.isoformat(), "week": f"{year}-W{week:02d}",
                  "recorded_at": f"{day}T20:00:00+00:00"}  # fmt: skip
        tables["checkins"].append(
            {**common, "plan_id": plan, "status": "done", "note": NOTE * (n % 3) or None}
        )
        tables["symptom_ratings"].append({**common, "symptom_id": symptom, "rating": n % 11})
    tables["checkins"].sort(key=lambda c: (c["plan_id"], c["day"]))  # as the export orders them
    tables["symptom_ratings"].sort(key=lambda r: (r["symptom_id"], r["day"]))
    export.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n")
    return export


def reads_of(path: Path, monkeypatch) -> list[int]:
    """The size of every read of `path` made through open() from now on."""
    import builtins
    import io

    reads: list[int] = []
    real_open = builtins.open

    class Counted(io.FileIO):
        def read(self, size=-1):
            data = super().read(size)
            reads.append(len(data))
            return data

    def counting_open(file, mode="r", *args, **kwargs):
        if mode == "rb" and os.fspath(file) == os.fspath(path):
            return Counted(file, "r")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    return reads


def test_a_big_export_round_trips_read_a_piece_at_a_time(
    filled, isolated, big_export, tmp_path, monkeypatch
):
    total = sum(counts(isolated).values()) + 6000
    assert filled("erase", "--yes", "--backups").exit_code == 0
    reads = reads_of(big_export, monkeypatch)
    r = filled("import", str(big_export))
    assert r.exit_code == 0, r.output
    assert r.stderr == f"Imported {total} records from {big_export}.\n"
    size = big_export.stat().st_size
    assert size > 16 * 2**16 and sum(reads) >= size  # read through...
    assert max(reads) <= 2**16  # ...never more than 64 KiB at once
    again = tmp_path / "again.json"
    assert filled("export", "-o", str(again)).exit_code == 0
    assert again.read_bytes() == big_export.read_bytes()


def cut_half_way(text: str) -> str:
    return text[: len(text) // 2]


def broken_half_way(text: str) -> str:
    half = text.index("},\n", len(text) // 2)
    return text[:half] + "};\n" + text[half + 3 :]


@pytest.mark.parametrize(
    ("spoil", "detail"),
    [
        (cut_half_way, "not JSON: "),
        (broken_half_way, "not JSON: Expecting ',' delimiter"),
        # a record that does not fit, before the end: json.loads would not get that far
        (lambda text: cut_half_way(text.replace('"text": ', '"colour": ', 1)), "not JSON: "),
    ],
)
@pytest.mark.parametrize("merge", [False, True])
def test_an_export_spoilt_half_way_changes_nothing(
    filled, isolated, big_export, tmp_path, spoil, detail, merge
):
    bad = tmp_path / "bad.json"
    bad.write_text(spoil(big_export.read_text("utf-8")))
    db = isolated if merge else tmp_path / "empty.db"
    before = counts(db) if merge else {}
    r = filled("import", *(["--merge"] if merge else []), str(bad), env={"SMCOACH_DB": str(db)})
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {bad} is not an smcoach export ({detail}")
    assert r.stderr.count("\n") == 1  # not even the line of a backup: none was made
    after = counts(db)
    assert after == (before if merge else dict.fromkeys(after, 0))


def test_a_broken_byte_half_way_changes_nothing(filled, big_export, tmp_path):
    raw = big_export.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(raw[: len(raw) // 2] + b"\xff" + raw[len(raw) // 2 :])
    db = tmp_path / "empty.db"
    r = filled("import", str(bad), env={"SMCOACH_DB": str(db)})
    assert (r.exit_code, r.stderr.count("\n")) == (1, 1)
    assert "not JSON: UnicodeDecodeError" in r.stderr
    assert sum(counts(db).values()) == 0


def test_merge_a_big_export_adds_what_is_new_once(filled, isolated, big_export):
    before = sum(counts(isolated).values())
    r = filled("import", "--merge", str(big_export))
    assert r.exit_code == 0, r.output
    assert f"Merged {big_export}: 6000 records added, {before} already there.\n" in r.stderr
    assert r.stderr.startswith("Backed up your data to ")
    again = filled("import", "--merge", str(big_export))
    assert f"0 records added, {before + 6000} already there" in again.stderr
    assert sum(counts(isolated).values()) == before + 6000


def test_tables_in_any_order_import_the_same(filled, isolated, tmp_path):
    """The export's tables are alphabetical (check-ins before the plans they refer to); a
    file may also put every record before those it refers to, or the details after them."""
    export = tmp_path / "e.json"
    filled("export", "-o", str(export))
    data = json.loads(export.read_text())
    tables = data.pop("tables")
    from smcoach.store.dump import KINDS

    backwards = {k.table: tables[k.table] for k in reversed(KINDS)}
    reordered = tmp_path / "reordered.json"
    reordered.write_text(json.dumps({"tables": backwards, **data}))
    exports = []
    for name, source in (("a", export), ("b", reordered)):
        env = {"SMCOACH_DB": str(tmp_path / f"{name}.db")}
        filled("agenda", "add", "Sleeping badly", env=env)  # so that every ID is new
        r = filled("import", "--merge", str(source), env=env)
        assert r.exit_code == 0, r.output
        exports.append(filled("export", env=env).stdout)
    assert exports[0] == exports[1]
    assert '"agenda_id": 2' in exports[0]  # the goal follows its agenda item's new ID


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # What json.loads makes of it is checked: the last of a key given twice counts.
        (
            '{"tables": {"agenda": [{"id": 1, "colour": 1}], "agenda": []}, '
            '"format": "smcoach-export", "format_version": 1, "schema": 1}',
            "Imported 0 records",
        ),
        ('{"tables": {"agenda": []}, "format": "other", "schema": 1}', "not an smcoach export"),
        (
            '{"format": "smcoach-export", "format_version": 1, "schema": 1, "tables": {"agenda": '
            '[{"id": 1, "colour": 1}]}} {',
            "not JSON: Extra data",
        ),
        (
            '{"format": "smcoach-export", "format_version": 1, "schema": 1, "tables": {"agenda": '
            '[{"id": 1, "colour": 1}]}}',
            "unknown field 'colour'",
        ),
        ("[1, 2, 3]", "not an smcoach export"),
        ("[1, 2, 3", "not JSON: Expecting ',' delimiter"),
    ],
)
def test_what_the_whole_file_says_comes_first(run, tmp_path, text, message):
    source = tmp_path / "f.json"
    source.write_text(text)
    r = run("import", str(source))
    assert message in r.stderr and r.stderr.count("\n") == 1, r.stderr


def test_an_export_through_a_pipe(filled, isolated, tmp_path):
    import threading

    export = tmp_path / "e.json"
    filled("export", "-o", str(export))
    total = sum(counts(isolated).values())
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_bytes(export.read_bytes()))
    writer.start()
    r = filled("import", str(pipe), env={"SMCOACH_DB": str(tmp_path / "new.db")})
    writer.join()
    assert r.exit_code == 0, r.output
    assert r.stderr == f"Imported {total} records from {pipe}.\n"


def test_csv_export_to_a_folder_and_a_zip(filled, tmp_path):
    folder = tmp_path / "csv"
    assert filled("export", "--format", "csv", "--out", str(folder)).exit_code == 0
    assert mode(folder) == 0o700
    from smcoach.store.dump import KINDS

    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{k.table}.csv" for k in KINDS)
    assert all(mode(p) == 0o600 for p in folder.iterdir())
    import csv

    with open(folder / "checkins.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["note"] == HOSTILE
    zipped = tmp_path / "all.zip"
    assert filled("export", "-f", "csv", "-o", str(zipped)).exit_code == 0
    assert mode(zipped) == 0o600
    with zipfile.ZipFile(zipped) as archive:
        assert archive.read("agenda.csv") == (folder / "agenda.csv").read_bytes()
    r = filled("export", "-f", "csv")
    assert r.exit_code == 1 and "--out FOLDER" in r.stderr


def test_csv_keeps_a_formula_as_text(run, tmp_path):
    run("agenda", "add", '=HYPERLINK("http://example.com")')
    run("export", "-f", "csv", "-o", str(tmp_path / "csv"))
    assert "'=HYPERLINK" in (tmp_path / "csv" / "agenda.csv").read_text()


def test_export_never_overwrites_without_force(run, tmp_path):
    out = tmp_path / "e.json"
    out.write_text("keep me")
    r = run("export", "-o", str(out))
    assert r.exit_code == 1 and "already exists" in r.stderr
    assert out.read_text() == "keep me"
    assert run("export", "-o", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text())["format"] == "smcoach-export"
    assert mode(out) == 0o600
    bad = run("export", "--format", "pdf")
    assert bad.exit_code == 1 and "'pdf' is not an export format" in bad.stderr


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_everything_written_is_private_whatever_the_umask(filled, tmp_path, umask):
    old = os.umask(umask)
    try:
        out = tmp_path / f"u{umask}" / "deeper"
        for args in (["export", "-o", str(out / "e.json")],
                     ["export", "-f", "csv", "-o", str(out / "csv")],
                     ["export", "-f", "csv", "-o", str(out / "e.zip")],
                     ["backup", str(out / "copy.db")], ["backup"]):  # fmt: skip
            r = filled(*args)
            assert r.exit_code == 0, (args, r.output)
    finally:
        os.umask(old)
    for path in [tmp_path / f"u{umask}", *(tmp_path / f"u{umask}").rglob("*")]:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


# --- backup, restore, erase ---------------------------------------------------------------------


def test_backup_to_the_folder_a_file_or_a_folder(run, isolated, tmp_path):
    run("agenda", "add", "kept")
    r = run("backup")
    made = Path(r.stderr.removeprefix("Backed up your data to ").removesuffix(".\n"))
    assert made.parent == isolated.parent / "smcoach-backups" and mode(made) == 0o600
    target = tmp_path / "mine.db"
    assert run("backup", str(target)).exit_code == 0
    again = run("backup", str(target))
    assert again.exit_code == 1 and "already exists" in again.stderr
    into = run("backup", str(tmp_path))
    assert into.exit_code == 0 and str(tmp_path / "smcoach-") in into.stderr
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT text FROM agenda").fetchall() == [("kept",)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_restore_puts_a_backup_back_and_keeps_what_was_there(run, run_json, isolated, tmp_path):
    run("agenda", "add", "before")
    target = tmp_path / "b.db"
    run("backup", str(target))
    run("agenda", "add", "after")
    r = run("restore", str(target))
    assert r.exit_code == 0, r.output
    assert [i["text"] for i in run_json("agenda", "list")] == ["before"]
    kept = Path(r.stderr.splitlines()[-1].split(" in ", 1)[1].rstrip("."))
    with sqlite3.connect(kept) as conn:
        assert [t for (t,) in conn.execute("SELECT text FROM agenda")] == ["before", "after"]
    conn.close()
    assert run("restore", str(kept)).exit_code == 0  # and back again
    assert [i["text"] for i in run_json("agenda", "list")] == ["before", "after"]


def test_restore_refuses_what_is_not_a_good_backup(run, run_json, isolated, tmp_path):
    run("agenda", "add", "mine")
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    for source, message in ((text, "not an SQLite file"), (tmp_path / "none.db", "no backup"),
                            (isolated, "the database itself")):  # fmt: skip
        r = run("restore", str(source))
        assert r.exit_code == 1 and message in r.stderr, r.stderr
    assert [i["text"] for i in run_json("agenda", "list")] == ["mine"]


def test_a_damaged_file_is_recovered_from_the_newest_good_backup(run, run_json, isolated):
    run("agenda", "add", "safe")
    run("backup")
    data = isolated.read_bytes()
    isolated.write_bytes(data[:8192])  # cut short: refused from now on
    assert run("agenda", "list").exit_code == 1
    doctor = run("doctor", "--json")
    assert doctor.exit_code == 1
    report = json.loads(doctor.stdout)
    assert report["whole"] is False and report["newest_good_backup"]
    assert "smcoach restore " + report["newest_good_backup"] in run("doctor").stdout
    r = run("restore", report["newest_good_backup"])
    assert r.exit_code == 0, r.output
    assert "moved aside" in r.stderr
    assert [i["text"] for i in run_json("agenda", "list")] == ["safe"]
    aside = list((isolated.parent / "smcoach-backups").glob("smcoach-damaged-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == data[:8192]


def test_erase_asks_removes_and_keeps_a_backup(run, isolated):
    run("agenda", "add", "x")
    r = run("erase")  # no terminal, no --yes
    assert (r.exit_code, r.stderr) == (
        1, "Error: erasing needs a confirmation: run it in a terminal, or add --yes\n")  # fmt: skip
    assert isolated.exists()
    r = run("erase", "--yes")
    assert r.exit_code == 0 and f"Removed {isolated}\n" in r.stderr
    assert not isolated.exists()
    kept = list((isolated.parent / "smcoach-backups").glob("smcoach-2*.db"))
    assert len(kept) == 1 and "A backup was kept first" in r.stderr
    assert run("restore", str(kept[0])).exit_code == 0
    r = run("erase", "--yes", "--backups")
    assert r.exit_code == 0
    assert not isolated.exists() and not (isolated.parent / "smcoach-backups").exists()
    assert run("erase", "--yes").stderr == f"There is nothing to erase at {isolated}.\n"


def test_erase_refuses_a_file_that_is_not_smcoachs(run, isolated):
    isolated.parent.mkdir(parents=True)
    isolated.write_text("someone's notes")
    r = run("erase", "--yes")
    assert r.exit_code == 1 and "not an smcoach database" in r.stderr
    assert isolated.read_text() == "someone's notes"


# --- doctor -------------------------------------------------------------------------------------


def test_doctor_on_a_healthy_file(run, isolated):
    r = run("doctor")
    assert r.exit_code == 0 and "There is no database at" in r.stdout
    run("agenda", "add", "x")
    r = run("doctor")
    assert r.exit_code == 0, r.output
    assert "whole (integrity_check: ok)" in r.stdout
    assert f"{len(migrations.NAMES)} of {len(migrations.NAMES)}" in r.stdout
    assert "file 0600, folder 0700" in r.stdout
    assert "There is no backup yet. Make one: smcoach backup" in r.stdout
    run("backup")
    assert "There is no backup yet" not in run("doctor").stdout


def test_doctor_says_what_is_wrong_and_changes_nothing(run, isolated):
    run("agenda", "add", "x")
    isolated.chmod(0o644)
    r = run("doctor")
    assert r.exit_code == 1 and f"chmod 600 {isolated}" in r.stdout
    assert mode(isolated) == 0o644  # doctor only looks
    other = isolated.parent / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    r = run("--db", str(other), "doctor", "--json")
    assert r.exit_code == 1
    assert json.loads(r.stdout)["advice"][0]["key"] == "not_ours"


def test_summary_and_calendar_through_the_command(filled, tmp_path):
    md, page = tmp_path / "s.md", tmp_path / "s.html"
    assert filled("export", "--format", "md", "--out", str(md)).exit_code == 0
    assert filled("export", "--format", "html", "--out", str(page)).exit_code == 0
    assert mode(md) == mode(page) == 0o600
    summary = md.read_text("utf-8")
    assert "Could my tiredness be the new tablets?" in summary  # the questions to ask
    assert "walk to the post box" in summary and "fatigue" in summary
    assert "\x1b" not in summary and "\u202e" not in summary
    assert "http:" not in page.read_text("utf-8") and "https:" not in page.read_text("utf-8")
    first, second = filled("export", "-f", "ics"), filled("export", "-f", "ics")
    assert first.exit_code == 0 and first.stdout == second.stdout
    assert first.stdout.count("BEGIN:VEVENT") == 3  # mon, wed, fri


def test_a_calendar_needs_a_plan(run):
    r = run("export", "--format", "ics")
    assert r.exit_code == 1 and r.stderr.startswith("Error: there is no current action plan")
    assert r.stderr.count("\n") == 1
