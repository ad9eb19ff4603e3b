"""SQLite details: WAL mode; a locked database is StoreUnavailable; nothing half-written."""

from __future__ import annotations

import sqlite3

import pytest

from coach.store.base import StoreUnavailable
from coach.store.sqlite import SQLiteStore


def test_wal_mode(tmp_path):
    store = SQLiteStore(tmp_path / "c.db", 60)
    mode = store._connection().execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_locked_database_is_unavailable_then_recovers(tmp_path):
    store = SQLiteStore(tmp_path / "c.db", 60, busy_timeout_ms=100)
    store.create("a", b"before")
    blocker = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreUnavailable):
        store.save("a", b"during lock", 1)
    blocker.execute("ROLLBACK")
    blocker.close()
    assert store.load("a") == (b"before", 1)  # nothing half-written
    assert store.save("a", b"after", 1) == 2


def test_unreadable_file_is_unavailable(tmp_path):
    path = tmp_path / "c.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreUnavailable):
        SQLiteStore(path, 60)
