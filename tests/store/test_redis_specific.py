"""Redis details: the compare-and-set script survives a script cache flush; one call for a group."""

from __future__ import annotations

from coach.store.redis import RedisStore


def test_saves_work_after_the_server_forgot_the_script(redis_server):
    store = RedisStore(redis_server.url, 3600)
    store.client.flushdb()
    store.create("a", b"v1")
    store.client.script_flush()  # as after a restart of redis-server
    assert store.save_many([("a", b"v2", 1), ("a", b"v3", 2)]) == [2, 3]
    assert store.load("a") == (b"v3", 3)
    store.close()


def test_a_group_of_saves_is_one_command(redis_server):
    store = RedisStore(redis_server.url, 3600)
    store.client.flushdb()
    for cid in ("a", "b", "c"):
        store.create(cid, b"v1")
    def script_calls() -> int:
        stats = store.client.info("commandstats")
        return sum(stats.get(f"cmdstat_{name}", {}).get("calls", 0) for name in ("eval", "evalsha"))

    before = script_calls()
    assert store.save_many([("a", b"x", 1), ("b", b"y", 1), ("c", b"z", 7)]) == [2, 2, None]
    assert script_calls() - before == 1
    store.close()


def test_conversations_stored_before_the_hash_tag_are_read_and_moved(redis_server):
    """Keys of the earlier format (`coach:conv:<id>`) still load, and move to the new key
    once, TTL kept; a process of the earlier version can no longer save to the old key."""
    store = RedisStore(redis_server.url, 3600)
    store.client.flushdb()
    store.client.hset("coach:conv:ancienne", mapping={"data": b"avant", "version": 4})
    store.client.expire("coach:conv:ancienne", 500)
    assert store.load("ancienne") == (b"avant", 4)
    assert not store.client.exists("coach:conv:ancienne")
    assert store.client.exists("coach:conv:{ancienne}")
    assert 490 <= store.client.ttl("coach:conv:{ancienne}") <= 500
    assert store.save("ancienne", b"apres", 4) == 5
    assert store.load("ancienne") == (b"apres", 5)
    # The earlier version's compare-and-set, on its own key: no second copy is written.
    old_save = store.client.register_script(
        "local c = redis.call('HGET', KEYS[1], 'version')"
        " if not c or tonumber(c) ~= tonumber(ARGV[2]) then return -1 end"
        " redis.call('HSET', KEYS[1], 'data', ARGV[1], 'version', c + 1) return c + 1")
    assert old_save(keys=["coach:conv:ancienne"], args=[b"vieux processus", 4]) == -1
    assert not store.client.exists("coach:conv:ancienne")
    assert store.load("inconnue") is None


def test_delete_erases_a_conversation_under_either_key_format(redis_server):
    store = RedisStore(redis_server.url, 3600)
    store.client.flushdb()
    store.client.hset("coach:conv:ancienne", mapping={"data": b"avant", "version": 1})
    assert store.delete("ancienne") is True
    assert store.load("ancienne") is None
    assert store.client.dbsize() == 0
    store.close()
