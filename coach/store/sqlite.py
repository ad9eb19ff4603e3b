"""SQLite store: the embedded default. One file, WAL mode, safe with several workers.

Each process opens its own connection per thread. Writes are single statements
(compare-and-set on `version`), so a busy or locked database surfaces as
`StoreUnavailable` after `busy_timeout`, never as a half-written record.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from coach.store.base import CounterKey, Save, SaveOneOfMany, StoreUnavailable

# A rowid table, not WITHOUT ROWID: records of 1 to 4 KB fit in a rowid table's leaf
# page, while a WITHOUT ROWID row over ~1 KB spills to an overflow page, which made each
# turn's write 40 % slower and each read twice as slow (measured, docs/benchmarks.md).
CONVERSATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    version INTEGER NOT NULL,
    expires_at REAL NOT NULL
)"""
SCHEMA = CONVERSATIONS_TABLE + """;
-- No index on expires_at: it would double the cost of every turn's write; `coach purge`
-- scans the table instead, which is rare and fast.
DROP INDEX IF EXISTS conversations_expiry;
-- Anonymous impact counters (coach/analytics): no conversation id, no text, ever.
CREATE TABLE IF NOT EXISTS counters (
    version TEXT NOT NULL,
    day TEXT NOT NULL,
    name TEXT NOT NULL,
    flow TEXT NOT NULL,
    node TEXT NOT NULL,
    detail TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, version, name, flow, node, detail)
) WITHOUT ROWID;
"""
# About 40 MB of WAL: reached only if the background checkpointer cannot keep up.
BACKSTOP_CHECKPOINT_PAGES = 10_000
# Expired conversations are erased by the server itself this often (not only by a cron'd
# `coach purge`), so that expiry erases without an operator.
PURGE_EVERY_SECONDS = 600.0
# Conversations hold what people typed: only the service's own user may read the files.
FILE_MODE = 0o600
DIRECTORY_MODE = 0o700
_ADD_COUNT = (
    "INSERT INTO counters (version, day, name, flow, node, detail, count)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (day, version, name, flow, node, detail)"
    " DO UPDATE SET count = count + excluded.count")


class SQLiteStore(SaveOneOfMany):
    def __init__(self, path: str | Path, retention_seconds: float, busy_timeout_ms: int = 2000):
        self.path = str(path)
        self.retention_seconds = retention_seconds
        self.busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        if self.path != ":memory:":
            _create_private(Path(self.path))
        with self._guard():
            connection = self._connection()
            _migrate_without_rowid(connection)
            connection.executescript(SCHEMA)
        if self.path != ":memory:":
            _restrict(Path(self.path))
        self._checkpointer = (_Checkpointer(self.path, self.purge_expired)
                              if self.path != ":memory:" else None)
        if self._checkpointer is not None:
            self._checkpointer.start()

    @classmethod
    def from_url(cls, url: str, retention_seconds: float) -> SQLiteStore:
        """sqlite:///relative/path.db and sqlite:////absolute/path.db, as SQLAlchemy
        spells them; sqlite:// alone is a database in memory."""
        return cls(url.removeprefix("sqlite://").removeprefix("/") or ":memory:",
                   retention_seconds)

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000,
                                         isolation_level=None, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(f"PRAGMA busy_timeout={int(self.busy_timeout_ms)}")
            # Checkpoints (copying the WAL back into the file, with an fsync) run in a
            # background thread, not in the turn that happens to cross the threshold; this
            # high threshold is only a backstop.
            connection.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_CHECKPOINT_PAGES}")
            # A deleted or rewritten conversation is overwritten with zeros in the file, so
            # that « Supprimer » really erases what the person typed.
            connection.execute("PRAGMA secure_delete=ON")
            self._local.connection = connection
        return connection

    def _guard(self):
        return _Translate()

    def create(self, conversation_id: str, data: bytes) -> None:
        with self._guard():
            self._connection().execute(
                "INSERT INTO conversations (id, data, version, expires_at) VALUES (?, ?, 1, ?)",
                (conversation_id, data, time.time() + self.retention_seconds))

    def load(self, conversation_id: str) -> tuple[bytes, int] | None:
        with self._guard():
            row = self._connection().execute(
                "SELECT data, version FROM conversations WHERE id = ? AND expires_at > ?",
                (conversation_id, time.time())).fetchone()
        return (row[0], row[1]) if row else None

    def save_many(self, saves: Sequence[Save]) -> list[int | None]:
        """One statement, or one transaction for several: its fixed cost (locks, WAL
        header) is paid once for all the turns of an event-loop round."""
        now = time.time()
        rows = [(data, now + self.retention_seconds, cid, expected, now)
                for cid, data, expected in saves]
        with self._guard():
            connection = self._connection()
            if len(rows) == 1:
                return [self._compare_and_set(connection, rows[0])]
            connection.execute("BEGIN IMMEDIATE")
            try:
                versions = [self._compare_and_set(connection, row) for row in rows]
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        return versions

    @staticmethod
    def _compare_and_set(connection: sqlite3.Connection,
                         row: tuple[bytes, float, str, int, float]) -> int | None:
        # An expired conversation is not brought back by a late turn: it is a conflict.
        cursor = connection.execute(
            "UPDATE conversations SET data = ?, version = version + 1, expires_at = ?"
            " WHERE id = ? AND version = ? AND expires_at > ?", row)
        return row[3] + 1 if cursor.rowcount == 1 else None

    def delete(self, conversation_id: str) -> bool:
        with self._guard():
            cursor = self._connection().execute(
                "DELETE FROM conversations WHERE id = ?", (conversation_id,))
        if cursor.rowcount > 0:
            self._erase_wal_soon()
        return cursor.rowcount > 0

    def _erase_wal_soon(self) -> None:
        """secure_delete zeroes the freed space of the database file, but the WAL still
        holds earlier page images, typed text included: the checkpointer truncates it to
        zero bytes at its next round (a truncating checkpoint must wait for readers, so it
        is not done inside the request)."""
        if self._checkpointer is not None:
            self._checkpointer.erase_requested.set()

    def erase_traces(self) -> bool:
        """Copy the WAL into the file and truncate it to zero bytes; False when readers
        kept it from completing (try again later). Used by `coach purge`."""
        if self.path == ":memory:":
            return True
        with self._guard():
            busy, _log, _done = self._connection().execute(
                "PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0

    def ping(self) -> None:
        """Ready means writable: take the write lock for an instant, then let it go."""
        with self._guard():
            connection = self._connection()
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")

    def purge_expired(self) -> int:
        with self._guard():
            cursor = self._connection().execute(
                "DELETE FROM conversations WHERE expires_at <= ?", (time.time(),))
        if cursor.rowcount > 0:
            self._erase_wal_soon()
        return cursor.rowcount

    # -- anonymous counters ---------------------------------------------------------------
    def add_counts(self, counts: Mapping[CounterKey, int]) -> None:
        """All increments in one transaction: one fsync-free WAL write per flush."""
        if not counts:
            return
        rows = [(*key, int(amount)) for key, amount in counts.items()]
        with self._guard():
            connection = self._connection()
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany(_ADD_COUNT, rows)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def read_counts(self, first_day: str, last_day: str) -> list[tuple[CounterKey, int]]:
        with self._guard():
            rows = self._connection().execute(
                "SELECT version, day, name, flow, node, detail, count FROM counters"
                " WHERE day >= ? AND day <= ?", (first_day, last_day)).fetchall()
        return [((r[0], r[1], r[2], r[3], r[4], r[5]), int(r[6])) for r in rows]

    def purge_counts(self, before_day: str) -> int:
        with self._guard():
            cursor = self._connection().execute(
                "DELETE FROM counters WHERE day < ?", (before_day,))
        return cursor.rowcount

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def _migrate_without_rowid(connection: sqlite3.Connection) -> None:
    """Files written before 2026-11-29 keep conversations in a WITHOUT ROWID table: copy
    them into the rowid table, in one transaction (nothing is lost if it stops halfway)."""
    row = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'conversations'"
    ).fetchone()
    if row is None or "WITHOUT ROWID" not in row[0].upper():
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute("ALTER TABLE conversations RENAME TO conversations_old")
        connection.execute(CONVERSATIONS_TABLE)
        connection.execute("INSERT INTO conversations (id, data, version, expires_at)"
                           " SELECT id, data, version, expires_at FROM conversations_old")
        connection.execute("DROP TABLE conversations_old")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _create_private(path: Path) -> None:
    """The directory (when this creates it) is 0700 and the database file 0600, before
    SQLite writes a byte; SQLite gives its -wal and -shm files the database file's mode."""
    path.parent.mkdir(mode=DIRECTORY_MODE, parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))


def _restrict(path: Path) -> None:
    """Files made before this rule (or by another tool) lose the group's and others' read
    bits; files of another owner are left alone (not ours to change)."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if name.stat().st_mode & 0o077 and name.stat().st_uid == os.getuid():
                name.chmod(FILE_MODE)
        except OSError:
            continue


class _Checkpointer(threading.Thread):
    """Copies the WAL back into the database every second, off the request path; after a
    deletion, truncates it (so no earlier copy of erased text stays on disk); erases
    expired conversations every PURGE_EVERY_SECONDS."""

    def __init__(self, path: str, purge: Callable[[], int], interval: float = 1.0,
                 purge_every: float | None = None) -> None:
        super().__init__(name="coach-sqlite-checkpoint", daemon=True)
        self.path, self.interval = path, interval
        self.purge = purge
        self.purge_every = PURGE_EVERY_SECONDS if purge_every is None else purge_every
        self.erase_requested = threading.Event()
        self._stopping = threading.Event()

    def run(self) -> None:
        connection = sqlite3.connect(self.path, timeout=1, isolation_level=None,
                                     check_same_thread=False)
        next_purge = time.monotonic() + self.purge_every
        try:
            while not self._stopping.wait(self.interval):
                try:
                    if time.monotonic() >= next_purge:
                        next_purge = time.monotonic() + self.purge_every
                        self.purge()
                    self._checkpoint(connection)
                except (sqlite3.Error, StoreUnavailable):
                    continue  # busy or locked: the next round will do it
        finally:
            connection.close()

    def _checkpoint(self, connection: sqlite3.Connection) -> None:
        if not self.erase_requested.is_set():
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            return
        self.erase_requested.clear()
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            self.erase_requested.set()  # readers were there: again at the next round

    def stop(self) -> None:
        self._stopping.set()


class _Translate:
    """Turn SQLite's operational errors (locked, busy, unreadable file) into StoreUnavailable."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None and issubclass(exc_type, sqlite3.DatabaseError):
            raise StoreUnavailable(str(exc)) from exc
