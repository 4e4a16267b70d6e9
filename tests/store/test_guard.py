"""The look before every write: constant time (it never reads the file through), and still
refusing a file cut short or upgraded by a newer smcoach after it was opened."""

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from smcoach.errors import DamagedError, StoreError
from smcoach.store import Store, migrations

DAY = date(2026, 11, 23)


def filled(path: Path, items: int) -> None:
    """A closed database of `items` long agenda items (the -wal checkpointed away)."""
    store = Store(path)
    store.add_agenda_items(
        [f"item {i} " + "a longer text to fill pages " * 8 for i in range(items)], DAY
    )
    store.close()
    assert not Path(f"{path}-wal").exists()


def sizes(path: Path) -> list[tuple[int, int]]:
    """Each file's size and time of change, by stat: reading the file while smcoach has it
    open would drop SQLite's locks on it (see connection.make_private)."""
    found = [os.stat(name) for name in (path, Path(f"{path}-wal")) if name.exists()]
    return [(info.st_size, info.st_mtime_ns) for info in found]


def files(path: Path) -> dict[str, bytes]:
    return {s: Path(f"{path}{s}").read_bytes() for s in ("", "-wal") if Path(f"{path}{s}").exists()}


def read_bytes_so_far() -> int:
    """What this process has read from files, by Linux's count."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


def test_a_write_does_not_read_the_whole_file(tmp_path):
    """quick_check before every write read the whole file (136 ms at 100 years of data); the
    guard runs a few statements that read page 1, whatever the size."""
    path = tmp_path / "big.db"
    filled(path, 8000)
    size = path.stat().st_size
    assert size > 2_000_000
    store = Store(path)  # a fresh connection: SQLite's cache holds next to nothing yet
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    counted = Path("/proc/self/io").exists()
    before = read_bytes_so_far() if counted else 0
    store.add_agenda("one more", DAY)
    read = read_bytes_so_far() - before if counted else 0
    store.conn.set_trace_callback(None)
    store.close()
    checks = [s for s in statements if "quick_check" in s or "integrity_check" in s]
    assert checks == [], statements
    assert read < size // 10, f"a write read {read} bytes of a {size}-byte file"


@pytest.mark.parametrize("wal", [True, False], ids=["wal-holds-frames", "no-wal"])
def test_a_write_into_a_file_cut_short_after_it_was_opened_is_refused(tmp_path, wal):
    """The file passed the look at opening, then was cut short (another program, a full disk
    elsewhere). With no -wal SQLite finds it at BEGIN; with frames in the -wal it does not
    (it takes the size from the -wal), and quick_check read its cached pages and wrote."""
    path = tmp_path / "x.db"
    filled(path, 400)
    store = Store(path)
    if wal:
        store.add_agenda("in the -wal", DAY)
        assert Path(f"{path}-wal").stat().st_size > 0
    os.truncate(path, 2 * 4096)  # by name: opening the file would drop SQLite's locks
    cut = sizes(path)
    with pytest.raises(DamagedError) as refused:
        store.add_agenda("after the cut", DAY)
    assert sizes(path) == cut
    store.close()
    assert str(refused.value).startswith(f"the database at {path} is damaged (")
    assert "nothing was changed" in str(refused.value)
    assert all(b"after the cut" not in data for data in files(path).values())


def test_a_file_upgraded_by_a_newer_smcoach_after_it_was_opened_is_not_written(tmp_path):
    path = tmp_path / "x.db"
    store = Store(path)
    store.add_agenda("before", DAY)
    newer = sqlite3.connect(path)
    newer.execute(f"PRAGMA user_version = {len(migrations.NAMES) + 1}")
    newer.close()
    with pytest.raises(StoreError, match="newer"):
        store.add_agenda("after", DAY)
    assert [i.text for i in store.agenda()] == ["before"]
    store.close()


def test_the_guard_lets_a_file_whose_wal_holds_the_rest_be_written(tmp_path):
    """Main file shorter than its pages, the -wal holding them: what SQLite recovers is
    written to (the pages counted with the -wal's frames)."""
    path = tmp_path / "x.db"
    store = Store(path)
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")  # every page stays in the -wal
    store.add_agenda_items([f"item {i} " * 40 for i in range(300)], DAY)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    assert path.stat().st_size < pages * 4096  # the file itself is behind
    store.add_agenda("and one more", DAY)
    assert len(store.agenda()) == 301
    store.close()
