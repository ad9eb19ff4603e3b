"""Erasure leaves no byte behind: after a deletion, an expiry or `coach purge`, the typed text
is in no file of the store's directory (SQLite's WAL included, Redis' append-only file after a
rewrite); store files are private to the service's user."""

from __future__ import annotations

import os
import stat
import time
import uuid
from pathlib import Path

import pytest

from coach.store.redis import RedisStore
from coach.store.sqlite import SQLiteStore
from tests.conftest import RedisServer


def files_holding(directory: Path, marker: bytes) -> list[str]:
    return sorted(str(path.relative_to(directory)) for path in directory.rglob("*")
                  if path.is_file() and marker in path.read_bytes())


def typed_record(marker: bytes, turn: int) -> bytes:
    # What a record of someone typing long answers looks like to the file: their words,
    # turn after turn (each save rewrites the record; the WAL keeps the earlier images).
    return b'{"said": "' + marker + b" " + str(turn).encode() + b" " + b"x" * 1000 + b'"}'


def wait_until_absent(directory: Path, marker: bytes, seconds: float = 10.0) -> list[str]:
    deadline = time.monotonic() + seconds
    found = files_holding(directory, marker)
    while found and time.monotonic() < deadline:
        time.sleep(0.2)
        found = files_holding(directory, marker)
    return found


def test_sqlite_deletion_leaves_no_copy_in_any_file_wal_included(tmp_path):
    directory = tmp_path / "store"
    store = SQLiteStore(directory / "coach.db", 3600)
    marker = uuid.uuid4().hex.encode()
    store.create("gone", typed_record(marker, 0))
    store.create("kept", b'{"said": "someone else"}')
    for turn in range(1, 60):
        store.save("gone", typed_record(marker, turn), turn)
    assert files_holding(directory, marker), "the test must see the text before erasure"
    assert store.delete("gone")
    store.save("kept", b'{"said": "a turn after the deletion"}', 1)  # life goes on
    try:
        assert wait_until_absent(directory, marker) == []
        assert store.load("kept") == (b'{"said": "a turn after the deletion"}', 2)
    finally:
        store.close()


def test_sqlite_expiry_then_purge_leaves_no_copy(tmp_path):
    directory = tmp_path / "store"
    store = SQLiteStore(directory / "coach.db", 0.5)
    marker = uuid.uuid4().hex.encode()
    store.create("old", typed_record(marker, 0))
    for turn in range(1, 20):
        store.save("old", typed_record(marker, turn), turn)
    time.sleep(0.6)
    assert store.purge_expired() == 1
    assert store.erase_traces()
    store.close()
    assert files_holding(directory, marker) == []


def test_sqlite_server_erases_expired_conversations_by_itself(tmp_path, monkeypatch):
    monkeypatch.setattr("coach.store.sqlite.PURGE_EVERY_SECONDS", 0.5)
    directory = tmp_path / "store"
    store = SQLiteStore(directory / "coach.db", 0.5)
    marker = uuid.uuid4().hex.encode()
    store.create("old", typed_record(marker, 0))
    try:
        assert wait_until_absent(directory, marker) == []
    finally:
        store.close()


def test_sqlite_files_are_private(tmp_path):
    directory = tmp_path / "nouveau" / "dossier"
    store = SQLiteStore(directory / "coach.db", 3600)
    store.create("a", b"text")
    try:
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
        for name in ("coach.db", "coach.db-wal", "coach.db-shm"):
            path = directory / name
            assert path.exists(), name
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
    finally:
        store.close()


def test_sqlite_older_readable_files_are_made_private(tmp_path):
    path = tmp_path / "coach.db"
    SQLiteStore(path, 3600).close()
    os.chmod(path, 0o644)
    SQLiteStore(path, 3600).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.fixture
def persistent_redis(tmp_path):
    server = RedisServer(tmp_path / "redis-data", persistent=True)
    server.directory.mkdir()
    server.start()
    yield server
    server.stop()


def test_redis_deletion_then_rewrite_leaves_no_copy_in_its_files(persistent_redis):
    store = RedisStore(persistent_redis.url, 3600)
    marker = uuid.uuid4().hex.encode()
    store.create("gone", typed_record(marker, 0))
    for turn in range(1, 20):
        store.save("gone", typed_record(marker, turn), turn)
    directory = persistent_redis.directory
    assert files_holding(directory, marker), "the append-only file holds the text"
    assert store.delete("gone")
    assert files_holding(directory, marker), "a deletion alone leaves it there"
    try:
        assert store.erase_traces()
        assert wait_until_absent(directory, marker) == []
    finally:
        store.close()
