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

from coach.store.base import SessionStore
from coach.store.grouped import GroupedSaves

Loaded = tuple[bytes, int]
# What an entry costs besides its record's bytes: the id, the bytes object's header, the
# tuple and the dict slot (about 260 bytes, measured with tracemalloc).
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
    """The conversation operations of a store, remembering what this process wrote."""

    def __init__(self, store: SessionStore, recent: RecentRecords) -> None:
        self.store, self.recent = store, recent
        self.grouped = GroupedSaves(store)

    def create(self, conversation_id: str, data: bytes) -> None:
        self.store.create(conversation_id, data)
        self.recent.put(conversation_id, data, 1)

    def load(self, conversation_id: str) -> Loaded | None:
        """Always from the store: what is shown must be the latest."""
        return self.store.load(conversation_id)

    def load_recent(self, conversation_id: str) -> tuple[Loaded | None, bool]:
        """(the record, whether it came from memory). Use it only before a `save` with
        its version, and read again from the store (`load`) when that save conflicts."""
        remembered = self.recent.get(conversation_id)
        if remembered is not None:
            return remembered, True
        return self.store.load(conversation_id), False

    def save(self, conversation_id: str, data: bytes, expected_version: int) -> int:
        try:
            version = self.store.save(conversation_id, data, expected_version)
        except Exception:  # a conflict, or a store that failed mid-way: ask it next time
            self.recent.forget(conversation_id)
            raise
        self.recent.put(conversation_id, data, version)
        return version

    async def save_with_others(self, conversation_id: str, data: bytes,
                               expected_version: int) -> int:
        """`save`, written together with the other saves of this event-loop round."""
        try:
            version = await self.grouped.save(conversation_id, data, expected_version)
        except Exception:
            self.recent.forget(conversation_id)
            raise
        self.recent.put(conversation_id, data, version)
        return version

    def delete(self, conversation_id: str) -> bool:
        self.recent.forget(conversation_id)
        return self.store.delete(conversation_id)
