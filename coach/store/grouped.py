"""Group commit: the saves asked for during one round of the event loop are written
together, with one `save_many` (one SQLite transaction, or one pipelined Redis round trip).

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
from collections.abc import Callable

from coach.store.base import Save, SessionStore, StoreUnavailable, VersionConflict


class GroupedSaves:
    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self._waiting: list[tuple[Save, asyncio.Future[int]]] = []
        self._slot_of: Callable[[str], int] | None = getattr(store, "slot_of", None)

    async def save(self, conversation_id: str, data: bytes, expected_version: int) -> int:
        """The new version; raises VersionConflict or StoreUnavailable, as `store.save`."""
        loop = asyncio.get_running_loop()
        result: asyncio.Future[int] = loop.create_future()
        if not self._waiting:
            loop.call_soon(self._write)
        self._waiting.append(((conversation_id, data, expected_version), result))
        return await result

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
            versions = self.store.save_many([save for save, _result in waiting])
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
