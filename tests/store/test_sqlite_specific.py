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


def test_a_file_with_the_former_without_rowid_table_is_migrated(tmp_path):
    path = tmp_path / "c.db"
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("CREATE TABLE conversations (id TEXT PRIMARY KEY, data BLOB NOT NULL,"
                " version INTEGER NOT NULL, expires_at REAL NOT NULL) WITHOUT ROWID")
    old.execute("INSERT INTO conversations VALUES ('a', x'00ff', 7, 1e12)")
    old.close()
    store = SQLiteStore(path, 60)
    assert store.load("a") == (b"\x00\xff", 7)
    assert store.save("a", b"next", 7) == 8
    table = store._connection().execute(
        "SELECT sql FROM sqlite_master WHERE name = 'conversations'").fetchone()[0]
    assert "WITHOUT ROWID" not in table.upper()
    store.close()
    assert SQLiteStore(path, 60).load("a") == (b"next", 8)  # opening again changes nothing
