"""Group commit: the saves of one event-loop round go to the backend in one `save_many`."""

from __future__ import annotations

import asyncio

import pytest

from coach.store.base import StoreUnavailable, VersionConflict
from coach.store.grouped import GroupCommitStore
from coach.store.sqlite import SQLiteStore


class CountingStore(SQLiteStore):
    """The real SQLite store, recording how the saves were grouped."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.groups: list[int] = []
        self.down = False

    def save_many(self, saves):
        self.groups.append(len(saves))
        if self.down:
            raise StoreUnavailable("arrêté pour le test")
        return super().save_many(saves)


@pytest.fixture
def store(tmp_path):
    store = CountingStore(tmp_path / "c.db", 3600)
    yield store
    store.close()


def test_saves_of_one_round_are_written_together(store):
    ids = [f"conv-{i}" for i in range(12)]
    for cid in ids:
        store.create(cid, b"v1")
    grouped = GroupCommitStore(store)

    async def all_at_once():
        return await asyncio.gather(*(grouped.save(cid, b"v2", 1) for cid in ids))

    assert asyncio.run(all_at_once()) == [2] * 12
    assert store.groups == [12]
    assert all(store.load(cid) == (b"v2", 2) for cid in ids)


def test_each_save_keeps_its_own_compare_and_set(store):
    store.create("a", b"v1")
    store.create("b", b"v1")
    grouped = GroupCommitStore(store)

    async def racing():
        return await asyncio.gather(grouped.save("a", b"first", 1), grouped.save("a", b"second", 1),
                                    grouped.save("b", b"ok", 1), return_exceptions=True)

    first, second, other = asyncio.run(racing())
    assert first == 2 and other == 2
    assert isinstance(second, VersionConflict)
    assert store.load("a") == (b"first", 2)


def test_a_store_failure_reaches_every_save_of_the_group(store):
    store.create("a", b"v1")
    store.create("b", b"v1")
    store.down = True
    grouped = GroupCommitStore(store)

    async def failing():
        return await asyncio.gather(grouped.save("a", b"x", 1), grouped.save("b", b"y", 1),
                                    return_exceptions=True)

    results = asyncio.run(failing())
    assert all(isinstance(r, StoreUnavailable) for r in results)
    assert results[0] is not results[1]
    store.down = False
    assert store.load("a") == (b"v1", 1) and store.load("b") == (b"v1", 1)


def test_rounds_that_follow_each_other_are_separate_groups(store):
    store.create("a", b"v1")
    grouped = GroupCommitStore(store)

    async def one_after_the_other():
        assert await grouped.save("a", b"v2", 1) == 2
        assert await grouped.save("a", b"v3", 2) == 3

    asyncio.run(one_after_the_other())
    assert store.groups == [1, 1]
