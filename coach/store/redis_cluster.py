"""Redis Cluster store: `redis+cluster://host:port[,host:port…]`, through redis-py's
RedisCluster.

The records, scripts and counters are those of the standalone store (coach/store/redis.py).
What differs: a Lua script may only touch keys of one slot, so a group of saves (group commit,
coach/store/grouped.py) becomes one script call per slot, each an atomic compare-and-set for
its conversations. A master that is down makes only the conversations of its slots
unavailable (503 for them): `slot_of` lets the group commit report a failure to the turns of
that slot alone. There are no keys of the older format to read on a cluster.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast
from urllib.parse import urlsplit

import redis
from redis.backoff import NoBackoff
from redis.cluster import ClusterNode, RedisCluster
from redis.retry import Retry

from coach.store.base import Save
from coach.store.redis import RedisStore, conversation_key, erase_server_traces

SCHEME = "redis+cluster"


def startup_nodes(url: str) -> list[ClusterNode]:
    """`redis+cluster://h1:p1,h2:p2` → the nodes to discover the cluster from."""
    netloc = urlsplit(url).netloc
    nodes = []
    for part in filter(None, (piece.strip() for piece in netloc.split(","))):
        host, _colon, port = part.rpartition(":")
        if not host or not port.isdigit():
            raise ValueError(f"nœud Redis Cluster « {part} » : écrivez hôte:port")
        nodes.append(ClusterNode(host.strip("[]"), int(port)))
    if not nodes:
        raise ValueError("COACH_STORE_URL redis+cluster:// sans aucun nœud hôte:port")
    return nodes


class RedisClusterStore(RedisStore):
    reads_legacy_keys = False

    def _connect(self, url: str, timeout: float) -> redis.Redis:
        # One retry, no back-off: a turn on a missing master answers 503 at once (the
        # client re-reads the slot map on the next command) rather than after seconds.
        client = RedisCluster(startup_nodes=startup_nodes(url), socket_timeout=timeout,
                              socket_connect_timeout=timeout, require_full_coverage=False,
                              retry=Retry(NoBackoff(), 1))
        return client  # type: ignore[return-value]

    def erase_traces(self, wait_seconds: float = 60.0) -> bool:
        """Every node rewrites its own files (replicas keep copies too)."""
        nodes = cast(RedisCluster, self.client).get_nodes()
        return all(erase_server_traces(node.redis_connection, wait_seconds)
                   for node in nodes if node.redis_connection is not None)

    def slot_of(self, conversation_id: str) -> int:
        """The cluster slot of a conversation's keys: saves of one slot may go together."""
        return int(cast(RedisCluster, self.client).keyslot(conversation_key(conversation_id)))

    def save_many(self, saves: Sequence[Save]) -> list[int | None]:
        """One script call per slot, in the order of `saves` within each slot."""
        by_slot: dict[int, list[int]] = {}
        for index, (cid, _data, _expected) in enumerate(saves):
            by_slot.setdefault(self.slot_of(cid), []).append(index)
        versions: list[int | None] = [None] * len(saves)
        for indexes in by_slot.values():
            found = self._save_group([saves[i] for i in indexes])
            for index, version in zip(indexes, found, strict=True):
                versions[index] = version
        return versions
