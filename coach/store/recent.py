"""The records this process wrote last, so that a turn can skip reading its conversation
back from the store (a Redis round trip, or a SQLite read): the outer layer of the store.

A remembered record is only ever used where the store's compare-and-set checks it: a turn
plays on it and saves it with the version it had. If another process played a turn in
between, or the conversation was deleted or expired, the save fails, the entry is
forgotten and the turn is played again on the record read from the store. Reads that
show a conversation (`load` without `may_remember`) always go to the store.

Memory stays bounded: at most `capacity_bytes` (the stored bytes of each record, a few
KB at most, plus a fixed overhead per entry). An entry is dropped once `max_age` seconds
have passed since it was written (at the latest one sweep later), so a conversation
deleted through another process does not stay in this one's memory. Only the event
loop's thread uses it.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from coach.store.base import ConversationStore, Loaded, VersionConflict

Remembered = tuple[bytes, int]
# Memory is trusted while fewer than this share of remembered records turn out stale: a
# stale one costs a wasted turn (play, failed save) on top of the read it meant to save.
STALE_LIMIT = 0.2
STALE_WEIGHT = 1 / 64  # of each new observation in the running rate
# What an entry costs besides its record's bytes: the tuple and the dict slot (154 bytes,
# measured with tracemalloc), the id string and the bytes object's header (~100 bytes).
ENTRY_OVERHEAD = 256


class RecentRecords:
    """A least-recently-used map: conversation id -> (record bytes, version, written at),
    bounded in bytes: each entry counts its record's bytes plus `ENTRY_OVERHEAD`."""

    def __init__(self, capacity_bytes: int, max_age: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity_bytes, self.max_age, self.clock = capacity_bytes, max_age, clock
        self._entries: OrderedDict[str, tuple[bytes, int, float]] = OrderedDict()
        self.size = 0  # bytes counted, as above

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, conversation_id: str) -> Remembered | None:
        entry = self._entries.get(conversation_id)
        if entry is None:
            return None
        if self.clock() - entry[2] > self.max_age:
            self.forget(conversation_id)
            return None
        self._entries.move_to_end(conversation_id)
        return entry[0], entry[1]

    def version_of(self, conversation_id: str) -> int | None:
        """The remembered version, without counting as a use (or checking its age)."""
        entry = self._entries.get(conversation_id)
        return None if entry is None else entry[1]

    def put(self, conversation_id: str, data: bytes, version: int) -> None:
        cost = len(data) + ENTRY_OVERHEAD
        if cost > self.capacity_bytes:
            self.forget(conversation_id)
            return
        self.forget(conversation_id)
        self._entries[conversation_id] = (data, version, self.clock())
        self.size += cost
        while self.size > self.capacity_bytes:
            _cid, (old, _version, _at) = self._entries.popitem(last=False)
            self.size -= len(old) + ENTRY_OVERHEAD

    def forget(self, conversation_id: str) -> None:
        entry = self._entries.pop(conversation_id, None)
        if entry is not None:
            self.size -= len(entry[0]) + ENTRY_OVERHEAD

    def sweep(self) -> int:
        """Drop every entry older than `max_age` (the app calls this every minute, so an
        idle process forgets too); return how many were dropped."""
        now = self.clock()
        old = [cid for cid, entry in self._entries.items() if now - entry[2] > self.max_age]
        for cid in old:
            self.forget(cid)
        return len(old)


class RememberingStore:
    """A `ConversationStore` layer that remembers the records this process wrote.

    Memory only pays when the next turn of a conversation comes back to this process (one
    process, or sticky sessions). Behind a load balancer that alternates processes, it is
    nearly always stale, and a stale record costs a wasted turn: so the layer keeps a
    running rate of stale records and trusts memory only while that rate stays under
    `STALE_LIMIT`. The rate is measured without tying a load to its save: a save whose
    expected version is the remembered one tells whether memory was right (it succeeds)
    or stale (it conflicts); a read of the store while memory is distrusted tells it too
    when the versions differ (and the stale entry goes).
    """

    def __init__(self, inner: ConversationStore, recent: RecentRecords) -> None:
        self.inner, self.recent = inner, recent
        self.backend = inner.backend
        self.stale_rate = 0.0

    def create(self, conversation_id: str, data: bytes) -> None:
        self.inner.create(conversation_id, data)
        self.recent.put(conversation_id, data, 1)

    def load(self, conversation_id: str, *, may_remember: bool = False) -> Loaded | None:
        """From memory only when `may_remember` and memory is trusted; otherwise from the
        store, so that what is shown is the latest."""
        if not may_remember:
            return self.inner.load(conversation_id)
        remembered = self.recent.get(conversation_id)
        if remembered is not None and self.stale_rate < STALE_LIMIT:
            return Loaded(remembered[0], remembered[1], True)
        loaded = self.inner.load(conversation_id)
        if remembered is not None and (loaded is None or loaded.version != remembered[1]):
            self._observe(stale=True)  # memory would have been wrong
            self.recent.forget(conversation_id)
        return loaded

    async def save(self, conversation_id: str, data: bytes, expected_version: int) -> int:
        checks_memory = self.recent.version_of(conversation_id) == expected_version
        try:
            version = await self.inner.save(conversation_id, data, expected_version)
        except Exception as exc:  # a conflict, or a store that failed mid-way: ask it next
            self.recent.forget(conversation_id)
            if checks_memory and isinstance(exc, VersionConflict):
                self._observe(stale=True)
            raise
        self.recent.put(conversation_id, data, version)
        if checks_memory:
            self._observe(stale=False)
        return version

    def delete(self, conversation_id: str) -> bool:
        self.recent.forget(conversation_id)
        return self.inner.delete(conversation_id)

    def _observe(self, stale: bool) -> None:
        self.stale_rate += STALE_WEIGHT * (float(stale) - self.stale_rate)
