import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches real data: every test has its own database, and a fixed 'today'
    (Monday 2026-11-23)."""
    for key in list(os.environ):
        if key.startswith("SMCOACH_"):
            monkeypatch.delenv(key)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    db = tmp_path / "data" / "smcoach.db"
    monkeypatch.setenv("SMCOACH_DB", str(db))
    monkeypatch.setenv("SMCOACH_CACHE", str(tmp_path / "cache"))  # the topic library's index
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-23")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERMINAL_WIDTH", "3000")
    monkeypatch.setenv("_TYPER_FORCE_DISABLE_TERMINAL", "1")
    # English, whatever the machine's locale says (a test of the language chooses its own)
    for key in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return db


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """A command run in-process leaves its language chosen: the next test starts in English."""
    yield
    from smcoach import i18n

    i18n.use("en")


# No network in tests. In this process: socket.socket (and so every helper built on it, such
# as socket.create_connection) raises. In every Python the tests start: tests/nonetwork/ goes
# first on PYTHONPATH, and its sitecustomize.py blocks sockets there from the first line.
NONETWORK = Path(__file__).resolve().parent / "nonetwork"
_pythonpath_before: str | None = None


class _NoSocket(socket.socket):
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise OSError("network disabled in tests")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _NoSocket)


def pytest_configure(config: pytest.Config) -> None:
    global _pythonpath_before
    _pythonpath_before = os.environ.get("PYTHONPATH")
    paths = [str(NONETWORK), *filter(None, [_pythonpath_before])]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _pythonpath_before is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = _pythonpath_before
