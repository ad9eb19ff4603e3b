"""The records this process wrote last, so that a turn can skip reading its conversation
back from the store (a Redis round trip, or a SQLite read).

A remembered record is only ever used where the store's compare-and-set checks it: a turn
plays on it and saves it with the version it had. If another process played a turn in
between, or the conversation was deleted or expired, the save fails, the entry is
forgotten and the turn is played again on the record read from the store. Reads that
show a conversation (`load`) always go to the store.

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

from coach.store.base import SessionStore, VersionConflict
from coach.store.grouped import GroupedSaves

Loaded = tuple[bytes, int]
# Memory is trusted while fewer than this share of remembered records turn out stale: a
# stale one costs a wasted turn (play, failed save) on top of the read it meant to save.
STALE_LIMIT = 0.2
STALE_WEIGHT = 1 / 64  # of each new observation in the running rate
MAX_SERVED = 10_000
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

    def get(self, conversation_id: str) -> Loaded | None:
        entry = self._entries.get(conversation_id)
        if entry is None:
            return None
        if self.clock() - entry[2] > self.max_age:
            self.forget(conversation_id)
            return None
        self._entries.move_to_end(conversation_id)
        return entry[0], entry[1]

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
    """The conversation operations of a store, remembering what this process wrote.

    Memory only pays when the next turn of a conversation comes back to this process (one
    process, or sticky sessions). Behind a load balancer that alternates processes, it is
    nearly always stale, and a stale record costs a wasted turn: so the store keeps a
    running rate of stale records (measured on every save of a remembered record, and on
    every read from the store while memory is not trusted) and trusts memory only while
    that rate stays under `STALE_LIMIT`.
    """

    def __init__(self, store: SessionStore, recent: RecentRecords) -> None:
        self.store, self.recent = store, recent
        self.grouped = GroupedSaves(store)
        self.stale_rate = 0.0
        self._served: set[str] = set()  # ids whose last read came from memory

    def create(self, conversation_id: str, data: bytes) -> None:
        self.store.create(conversation_id, data)
        self.recent.put(conversation_id, data, 1)

    def load(self, conversation_id: str) -> Loaded | None:
        """Always from the store: what is shown must be the latest."""
        self._served.discard(conversation_id)
        return self.store.load(conversation_id)

    def load_recent(self, conversation_id: str) -> tuple[Loaded | None, bool]:
        """(the record, whether it came from memory). Use it only before a `save` with
        its version, and read again from the store (`load`) when that save conflicts."""
        remembered = self.recent.get(conversation_id)
        if remembered is not None and self.stale_rate < STALE_LIMIT:
            if len(self._served) > MAX_SERVED:
                self._served.clear()  # ids of requests that ended without a save
            self._served.add(conversation_id)
            return remembered, True
        loaded = self.load(conversation_id)
        if remembered is not None:  # would memory have been right?
            self._observe(stale=loaded is None or loaded[1] != remembered[1])
        return loaded, False

    def save(self, conversation_id: str, data: bytes, expected_version: int) -> int:
        from_memory = self._take_served(conversation_id)
        try:
            version = self.store.save(conversation_id, data, expected_version)
        except Exception as exc:  # a conflict, or a store that failed mid-way: ask it next
            self._failed(conversation_id, exc, from_memory)
            raise
        self._saved(conversation_id, data, version, from_memory)
        return version

    async def save_with_others(self, conversation_id: str, data: bytes,
                               expected_version: int) -> int:
        """`save`, written together with the other saves of this event-loop round."""
        from_memory = self._take_served(conversation_id)
        try:
            version = await self.grouped.save(conversation_id, data, expected_version)
        except Exception as exc:
            self._failed(conversation_id, exc, from_memory)
            raise
        self._saved(conversation_id, data, version, from_memory)
        return version

    def delete(self, conversation_id: str) -> bool:
        self.recent.forget(conversation_id)
        self._served.discard(conversation_id)
        return self.store.delete(conversation_id)

    def _take_served(self, conversation_id: str) -> bool:
        served = conversation_id in self._served
        self._served.discard(conversation_id)
        return served

    def _failed(self, conversation_id: str, exc: Exception, from_memory: bool) -> None:
        self.recent.forget(conversation_id)
        if from_memory and isinstance(exc, VersionConflict):
            self._observe(stale=True)

    def _saved(self, conversation_id: str, data: bytes, version: int,
               from_memory: bool) -> None:
        self.recent.put(conversation_id, data, version)
        if from_memory:
            self._observe(stale=False)

    def _observe(self, stale: bool) -> None:
        self.stale_rate += STALE_WEIGHT * (float(stale) - self.stale_rate)
