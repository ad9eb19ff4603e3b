"""The records a process wrote last: bounded in number and in age, forgotten on conflict."""

from __future__ import annotations

import asyncio

import pytest

from coach.store.base import Loaded, VersionConflict
from coach.store.grouped import GroupCommitStore
from coach.store.recent import ENTRY_OVERHEAD, STALE_LIMIT, RecentRecords, RememberingStore
from coach.store.sqlite import SQLiteStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_least_recently_used_entries_go_first():
    recent = RecentRecords(capacity_bytes=2 * (1 + ENTRY_OVERHEAD), max_age=60)
    recent.put("a", b"A", 1)
    recent.put("b", b"B", 1)
    assert recent.get("a") == (b"A", 1)  # "a" is now the most recent
    recent.put("c", b"C", 1)
    assert recent.get("b") is None
    assert recent.get("a") == (b"A", 1) and recent.get("c") == (b"C", 1)
    assert len(recent) == 2


def test_entries_are_dropped_after_max_age():
    clock = Clock()
    recent = RecentRecords(capacity_bytes=10_000, max_age=60, clock=clock)
    recent.put("old", b"O", 3)
    clock.now += 30
    recent.put("young", b"Y", 1)
    clock.now += 31
    assert recent.get("old") is None  # 61 s after it was written
    assert recent.get("young") == (b"Y", 1)
    clock.now += 100
    recent.put("new", b"N", 1)
    assert len(recent) == 2  # "young" is too old, but nobody asked for it yet
    assert recent.sweep() == 1
    assert len(recent) == 1 and recent.get("new") == (b"N", 1)


def test_capacity_zero_remembers_nothing():
    recent = RecentRecords(capacity_bytes=0, max_age=60)
    recent.put("a", b"A", 1)
    assert recent.get("a") is None and len(recent) == 0


def test_memory_is_bounded_in_bytes_and_accounted_exactly():
    recent = RecentRecords(capacity_bytes=10 * (1000 + ENTRY_OVERHEAD), max_age=60)
    for i in range(25):
        recent.put(f"c{i}", bytes(1000), 1)
    assert len(recent) == 10 and recent.get("c24") is not None and recent.get("c14") is None
    recent.put("c24", bytes(3000), 2)  # rewritten bigger: older ones make room
    assert recent.size <= recent.capacity_bytes and len(recent) == 8
    for i in range(25):
        recent.forget(f"c{i}")
    assert recent.size == 0 and len(recent) == 0
    recent.put("huge", bytes(20_000), 1)  # larger than the whole budget: not kept
    assert recent.get("huge") is None and recent.size == 0


@pytest.fixture
def backend(tmp_path):
    store = SQLiteStore(tmp_path / "c.db", 3600)
    yield store
    store.close()


def remembering_over(backend) -> RememberingStore:
    return RememberingStore(GroupCommitStore(backend), RecentRecords(100_000, 600))


def test_writes_are_remembered_reads_go_to_the_store(backend):
    remembering = remembering_over(backend)

    async def turns():
        remembering.create("a", b"v1")
        assert remembering.load("a", may_remember=True) == Loaded(b"v1", 1, remembered=True)
        assert await remembering.save("a", b"v2", 1) == 2
        assert remembering.load("a", may_remember=True) == Loaded(b"v2", 2, remembered=True)
        backend.save("a", b"v3 by another process", 2)
        assert remembering.load("a") == Loaded(b"v3 by another process", 3)
        # stale, until a save says so
        assert remembering.load("a", may_remember=True) == Loaded(b"v2", 2, remembered=True)
        with pytest.raises(VersionConflict):
            await remembering.save("a", b"late", 2)
        assert remembering.load("a", may_remember=True) == Loaded(b"v3 by another process", 3)

    asyncio.run(turns())


def test_delete_forgets(backend):
    remembering = remembering_over(backend)
    remembering.create("a", b"v1")
    assert remembering.delete("a")
    assert remembering.load("a", may_remember=True) is None


def test_a_load_and_its_save_share_nothing_hidden(backend):
    """A load from memory that is never saved (a request that ended early) leaves no
    trace: the next save of that conversation is judged on its own version."""
    remembering = remembering_over(backend)
    remembering.create("a", b"v1")
    for _ in range(100):
        assert remembering.load("a", may_remember=True).remembered
    assert asyncio.run(remembering.save("a", b"v2", 1)) == 2
    assert remembering.stale_rate == 0.0


def test_the_app_sweeps_even_when_no_turn_comes():
    from coach.api.app import _sweep_every

    clock = Clock()
    recent = RecentRecords(capacity_bytes=10_000, max_age=60, clock=clock)
    recent.put("deleted elsewhere", b"D", 1)
    clock.now += 61

    async def idle_for_a_while():
        sweeper = asyncio.create_task(_sweep_every(recent, 0.01))
        await asyncio.sleep(0.05)
        sweeper.cancel()

    asyncio.run(idle_for_a_while())
    assert len(recent) == 0


def test_memory_is_no_longer_trusted_when_another_process_keeps_changing_things(tmp_path):
    """Two processes behind a balancer that alternates them: each one's memory is always
    stale, so each stops trusting it; alone again, memory proves right and is trusted."""
    store = SQLiteStore(tmp_path / "c.db", 3600)
    first, second = (remembering_over(store) for _ in range(2))
    cids = [f"c{i}" for i in range(200)]
    for cid in cids:
        first.create(cid, b"v1")

    def turn(process: RememberingStore, cid: str) -> bool:
        for attempt in range(3):
            loaded = process.load(cid, may_remember=attempt == 0)
            try:
                asyncio.run(process.save(cid, b"next", loaded.version))
                return loaded.remembered
            except VersionConflict:
                continue
        raise AssertionError("no turn saved")

    for cid in cids:
        turn(second, cid)  # `first` remembers version 1 of each: all stale now
    served_from_memory = [turn(first, cid) for cid in cids]
    assert first.stale_rate >= STALE_LIMIT
    assert not any(served_from_memory[-50:])  # it stopped using what proved stale
    for _round in range(3):  # `first` alone: what it remembers is right every time
        served_from_memory = [turn(first, cid) for cid in cids]
    assert first.stale_rate < STALE_LIMIT and all(served_from_memory[-50:])
    store.close()
