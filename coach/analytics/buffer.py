"""Counter increments kept in memory and written in one go every few seconds.

A turn only adds to a dict under a lock (a few microseconds). A background thread, started
with the app (its lifespan), writes the batch to the store (one SQLite transaction or one
Redis pipeline) every `interval` seconds, and `close()` writes the rest at shutdown. If the
store is down, the batch is kept and retried; beyond `max_keys` pending counters, a failed
batch is dropped rather than growing without end. Each process has its own buffer; the
stores add up what every process writes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable

from coach.analytics.events import Event
from coach.store.base import CounterKey, CounterStore

log = logging.getLogger("coach.analytics")
DAY = 86400


def day_of(timestamp: float) -> str:
    """The UTC day, as stored: "YYYY-MM-DD"."""
    return time.strftime("%Y-%m-%d", time.gmtime(timestamp))


class CounterBuffer:
    def __init__(self, store: CounterStore | None, version: str, interval: float = 5.0,
                 retention_days: int = 400, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.time,
                 on_error: Callable[[], None] | None = None) -> None:
        self.store = store
        self.version = version
        self.interval = interval
        self.retention_days = retention_days
        self.max_keys = max_keys
        self.clock = clock
        self.on_error = on_error
        self.dropped = 0
        self._pending: dict[CounterKey, int] = {}
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._day_number = -1
        self._day = ""
        self._purged_day = ""

    @property
    def enabled(self) -> bool:
        return self.store is not None

    def _today(self) -> str:
        now = self.clock()
        number = int(now // DAY)
        if number != self._day_number:
            self._day, self._day_number = day_of(now), number
        return self._day

    def add(self, events: Iterable[Event]) -> None:
        """Count these events (the hot path: no I/O here)."""
        if self.store is None:
            return
        day = self._today()
        version = self.version
        with self._lock:
            pending = self._pending
            for name, flow, node, detail in events:
                key = (version, day, name, flow, node, detail)
                pending[key] = pending.get(key, 0) + 1

    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def start(self) -> None:
        """Write the buffer every `interval` seconds from a background thread."""
        if self.store is None:
            return
        with self._lock:
            if self._thread is not None or self._stop.is_set():
                return
            self._thread = threading.Thread(target=self._run, name="coach-compteurs",
                                            daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.flush()

    def flush(self) -> int:
        """Write what is pending in one store call; return how many counters were written."""
        if self.store is None:
            return 0
        with self._flush_lock:
            with self._lock:
                batch, self._pending = self._pending, {}
            if batch:
                try:
                    self.store.add_counts(batch)
                except Exception as exc:  # the store is down: keep the batch for next time
                    log.warning("counters not written: %s", type(exc).__name__)
                    if self.on_error is not None:
                        self.on_error()
                    self._keep(batch)
                    return 0
            self._purge_old_days()
            return len(batch)

    def _keep(self, batch: dict[CounterKey, int]) -> None:
        with self._lock:
            if len(self._pending) + len(batch) > self.max_keys:
                self.dropped += len(batch)
                return
            for key, amount in batch.items():
                self._pending[key] = self._pending.get(key, 0) + amount

    def _purge_old_days(self) -> None:
        """Once a day, erase the counters older than the retention."""
        today = self._today()
        if self._purged_day == today or self.store is None:
            return
        self._purged_day = today
        try:
            self.store.purge_counts(day_of(self.clock() - self.retention_days * DAY))
        except Exception as exc:
            log.warning("old counters not erased: %s", type(exc).__name__)

    def close(self) -> None:
        """Stop the thread and write what is left (called at shutdown)."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=self.interval + 5)
        self.flush()
