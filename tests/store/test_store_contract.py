"""The SessionStore contract, run against SQLite and a real redis-server alike."""

from __future__ import annotations

import time

import pytest

from coach.engine.record import new_conversation_id
from coach.store.base import VersionConflict


def test_create_load_save_delete(store):
    cid = new_conversation_id()
    assert store.load(cid) is None
    store.create(cid, b"v1")
    assert store.load(cid) == (b"v1", 1)
    assert store.save(cid, b"v2", 1) == 2
    assert store.load(cid) == (b"v2", 2)
    assert store.delete(cid) is True
    assert store.load(cid) is None
    assert store.delete(cid) is False


def test_save_is_a_compare_and_set(store):
    cid = new_conversation_id()
    store.create(cid, b"v1")
    store.save(cid, b"first writer", 1)
    with pytest.raises(VersionConflict):
        store.save(cid, b"second writer, stale", 1)
    assert store.load(cid) == (b"first writer", 2)


def test_saving_a_deleted_conversation_is_a_conflict_not_a_resurrection(store):
    cid = new_conversation_id()
    store.create(cid, b"v1")
    store.delete(cid)
    with pytest.raises(VersionConflict):
        store.save(cid, b"late turn", 1)
    assert store.load(cid) is None


def test_save_many_is_a_compare_and_set_for_each_in_order(store):
    first, second, deleted = (new_conversation_id() for _ in range(3))
    for cid in (first, second, deleted):
        store.create(cid, b"v1")
    store.delete(deleted)
    versions = store.save_many([(first, b"a", 1), (second, b"stale", 7), (deleted, b"late", 1),
                                (first, b"same turn, raced", 1), (first, b"next turn", 2)])
    assert versions == [2, None, None, None, 3]
    assert store.load(first) == (b"next turn", 3)
    assert store.load(second) == (b"v1", 1)
    assert store.load(deleted) is None
    assert store.save_many([(second, b"b", 1)]) == [2]


def test_binary_data_is_kept_exactly(store):
    cid = new_conversation_id()
    blob = bytes(range(256)) * 4
    store.create(cid, blob)
    assert store.load(cid)[0] == blob


def test_conversations_expire(make_store):
    store = make_store(retention_seconds=1)
    cid = new_conversation_id()
    store.create(cid, b"short-lived")
    assert store.load(cid) is not None
    time.sleep(2.1)
    assert store.load(cid) is None
    with pytest.raises(VersionConflict):  # a late turn does not bring it back
        store.save(cid, b"late turn", 1)
    assert store.load(cid) is None


def test_purge_removes_expired_rows(make_store):
    store = make_store(retention_seconds=1)
    cids = [new_conversation_id() for _ in range(3)]
    for cid in cids:
        store.create(cid, b"x")
    time.sleep(2.1)
    store.purge_expired()  # SQLite deletes rows; Redis has already expired the keys
    assert all(store.load(cid) is None for cid in cids)


def test_a_new_store_instance_sees_the_same_conversations(make_store):
    first = make_store()
    cid = new_conversation_id()
    first.create(cid, b"persisted")
    first.close()
    second = make_store()
    assert second.load(cid) == (b"persisted", 1)


def test_ping_answers(store):
    store.ping()
