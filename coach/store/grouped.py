"""Group commit, the first layer over a backend: the saves asked for during one round of
the event loop are written together, with one `save_many` (one SQLite transaction, or one
Redis script call).

Under load, many turns reach their save in the same round; each waits for its own result,
so nothing is answered before it is written, and each keeps its own compare-and-set (a
conflict is reported to that turn only). A lone turn is written at the next round, a few
microseconds later. The store call blocks the loop as a single save did: it is a short
local write or one round trip, now shared.

On Redis Cluster a script may only touch one slot: a store with `slot_of` gets one
`save_many` per slot of the round, and a slot whose master is down fails only its own turns.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from coach.store.base import Loaded, Save, SessionStore, StoreUnavailable, VersionConflict


class GroupCommitStore:
    """A `ConversationStore` over a backend: reads go straight to it, saves are grouped."""

    def __init__(self, backend: SessionStore) -> None:
        self.backend = backend
        self._waiting: list[tuple[Save, asyncio.Future[int]]] = []
        self._slot_of: Callable[[str], int] | None = getattr(backend, "slot_of", None)

    def create(self, conversation_id: str, data: bytes) -> None:
        self.backend.create(conversation_id, data)

    def load(self, conversation_id: str, *, may_remember: bool = False) -> Loaded | None:
        found = self.backend.load(conversation_id)
        return None if found is None else Loaded(found[0], found[1])

    def delete(self, conversation_id: str) -> bool:
        return self.backend.delete(conversation_id)

    def save(self, conversation_id: str, data: bytes, expected_version: int) -> Awaitable[int]:
        """Awaited: the new version; raises VersionConflict or StoreUnavailable, as the
        backend's. (The future itself is returned, not a coroutine around it: one frame
        less on every turn.)"""
        loop = asyncio.get_running_loop()
        result: asyncio.Future[int] = loop.create_future()
        if not self._waiting:
            loop.call_soon(self._write)
        self._waiting.append(((conversation_id, data, expected_version), result))
        return result

    def _write(self) -> None:
        waiting, self._waiting = self._waiting, []
        if self._slot_of is None:
            self._write_group(waiting)
            return
        by_slot: dict[int, list[tuple[Save, asyncio.Future[int]]]] = {}
        for entry in waiting:
            by_slot.setdefault(self._slot_of(entry[0][0]), []).append(entry)
        for group in by_slot.values():
            self._write_group(group)

    def _write_group(self, waiting: list[tuple[Save, asyncio.Future[int]]]) -> None:
        try:
            versions = self.backend.save_many([save for save, _result in waiting])
        except StoreUnavailable as exc:
            for _save, result in waiting:
                if not result.done():
                    result.set_exception(StoreUnavailable(str(exc)))
            return
        except Exception as exc:  # a bug: every turn of the group reports it
            for _save, result in waiting:
                if not result.done():
                    result.set_exception(exc)
            return
        for (save, result), version in zip(waiting, versions, strict=True):
            if result.done():
                continue  # its request was cancelled; the write stands, like any save
            if version is None:
                result.set_exception(VersionConflict(save[0]))
            else:
                result.set_result(version)
