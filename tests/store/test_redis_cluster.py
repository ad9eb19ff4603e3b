"""Redis Cluster details, on a real three-master cluster: a conversation's keys in one slot,
a group of saves as one script call per slot, counters across masters."""

from __future__ import annotations

import asyncio

import pytest
import redis

from coach.engine.record import new_conversation_id
from coach.store.factory import open_store
from coach.store.grouped import GroupCommitStore
from coach.store.redis import conversation_key
from coach.store.redis_cluster import RedisClusterStore, startup_nodes


@pytest.fixture
def cluster_store(redis_cluster):
    redis_cluster.flush()
    store = RedisClusterStore(redis_cluster.url, 3600)
    yield store
    store.close()


def script_calls(ports: list[int]) -> int:
    """Script calls that ran, summed over every master of the cluster (a first EVALSHA
    that the node answers NOSCRIPT is a failed call, followed by the same one that runs)."""
    total = 0
    for port in ports:
        node = redis.Redis(port=port)
        stats = node.info("commandstats")
        for name in ("eval", "evalsha"):
            entry = stats.get(f"cmdstat_{name}", {})
            total += entry.get("calls", 0) - entry.get("failed_calls", 0)
        node.close()
    return total


def test_the_url_lists_startup_nodes_and_opens_a_cluster_store(redis_cluster):
    assert [(n.host, n.port) for n in startup_nodes("redis+cluster://a:1, b:2,[::1]:3")] == \
        [("a", 1), ("b", 2), ("::1", 3)]
    with pytest.raises(ValueError, match="hôte:port"):
        startup_nodes("redis+cluster://sans-port")
    store = open_store(redis_cluster.url, 1)
    assert isinstance(store, RedisClusterStore)
    store.ping()
    store.close()


def test_a_conversation_key_carries_a_hash_tag(cluster_store):
    cid = new_conversation_id()
    assert conversation_key(cid) == "coach:conv:{" + cid + "}"
    # Any key named with the same tag lands in the same slot.
    assert cluster_store.client.keyslot(f"autre:{{{cid}}}:x") == cluster_store.slot_of(cid)


def test_a_group_of_saves_is_one_script_call_per_slot(cluster_store, redis_cluster):
    ids = [new_conversation_id() for _ in range(30)]
    for cid in ids:
        cluster_store.create(cid, b"v1")
    slots = {cluster_store.slot_of(cid) for cid in ids}
    assert len(slots) > 3  # the conversations are spread over the masters
    saves = [(cid, b"v2", 1) for cid in ids] + [(ids[0], b"v3", 2), (ids[1], b"stale", 1)]
    before = script_calls(redis_cluster.ports)
    versions = cluster_store.save_many(saves)
    assert script_calls(redis_cluster.ports) - before == len(slots)
    assert versions == [2] * 30 + [3, None]
    assert cluster_store.load(ids[0]) == (b"v3", 3)
    assert cluster_store.load(ids[1]) == (b"v2", 2)


def test_group_commit_writes_one_round_with_one_call_per_slot(cluster_store, redis_cluster):
    ids = [new_conversation_id() for _ in range(20)]
    for cid in ids:
        cluster_store.create(cid, b"v1")
    grouped = GroupCommitStore(cluster_store)

    async def one_round():
        return await asyncio.gather(*(grouped.save(cid, b"v2", 1) for cid in ids))

    before = script_calls(redis_cluster.ports)
    assert asyncio.run(one_round()) == [2] * 20
    assert script_calls(redis_cluster.ports) - before == len(
        {cluster_store.slot_of(cid) for cid in ids})
    assert all(cluster_store.load(cid) == (b"v2", 2) for cid in ids)


def test_counters_add_up_across_masters(cluster_store):
    days = [f"2026-01-{d:02d}" for d in range(1, 11)]  # ten day keys, several slots
    cluster_store.add_counts({("v1", day, "tour", "quiz", "debut", ""): 2 for day in days})
    cluster_store.add_counts({("v1", day, "tour", "quiz", "debut", ""): 1 for day in days})
    rows = cluster_store.read_counts("2026-01-01", "2026-01-31")
    assert sorted(rows) == [(("v1", day, "tour", "quiz", "debut", ""), 3) for day in days]
    assert cluster_store.purge_counts("2026-01-06") == 5
    assert [key[1] for key, _n in sorted(cluster_store.read_counts("2026-01-01", "2026-01-31"))] \
        == days[5:]


def test_erasure_rewrites_the_files_of_every_master(cluster_store, redis_cluster):
    from tests.store.test_erasure import files_holding, typed_record, wait_until_absent

    marker = new_conversation_id().encode()
    ids = [new_conversation_id() for _ in range(40)]  # on every master (but 1 in 10^6)
    for cid in ids:
        cluster_store.create(cid, typed_record(marker, 0))
    holding = files_holding(redis_cluster.directory, marker)
    assert len({path.split("/")[0] for path in holding}) == 3  # every master's files
    for cid in ids:
        assert cluster_store.delete(cid)
    assert cluster_store.erase_traces()
    assert wait_until_absent(redis_cluster.directory, marker) == []
