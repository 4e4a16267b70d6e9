import os
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
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-23")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERMINAL_WIDTH", "3000")
    monkeypatch.setenv("_TYPER_FORCE_DISABLE_TERMINAL", "1")
    return db
