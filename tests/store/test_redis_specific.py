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
