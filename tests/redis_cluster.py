"""A real Redis Cluster of three masters on loopback ports, in a temporary directory.

Each node keeps an append-only file (fsync at every write) and its cluster configuration in
its own folder, so that a node stopped and started again comes back with its data and its
slots. `cluster-require-full-coverage no`: while one master is down, the slots of the other
two keep answering (the coach answers 503 for the conversations of the missing slots only).
"""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis

from bench.servers import wait_for_port

NODE_TIMEOUT_MS = 1000
BUS_OFFSET = 10_000  # each node also listens on port + 10000 (the cluster bus)


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_node_port() -> int:
    """A port that is free, and whose cluster bus port (port + 10000) is free too."""
    while True:
        port = random.randint(20_000, 50_000)
        if _free(port) and _free(port + BUS_OFFSET):
            return port


class RedisClusterServers:
    def __init__(self, directory: Path, masters: int = 3) -> None:
        self.directory = directory
        self.ports = [free_node_port() for _ in range(masters)]
        self.processes: dict[int, subprocess.Popen[bytes]] = {}

    @property
    def url(self) -> str:
        """The store URL the coach reads: every startup node, comma-separated."""
        return "redis+cluster://" + ",".join(f"127.0.0.1:{port}" for port in self.ports)

    def start_node(self, port: int) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server est absent : installez le paquet Debian redis-server")
        folder = self.directory / str(port)
        folder.mkdir(exist_ok=True)
        self.processes[port] = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
             "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
             "--cluster-node-timeout", str(NODE_TIMEOUT_MS),
             "--cluster-require-full-coverage", "no", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(port)

    def start(self) -> None:
        for port in self.ports:
            self.start_node(port)
        cli = shutil.which("redis-cli")
        if cli is None:
            pytest.fail("redis-cli est absent : installez le paquet Debian redis-tools")
        subprocess.run([cli, "--cluster", "create",
                        *(f"127.0.0.1:{port}" for port in self.ports),
                        "--cluster-replicas", "0", "--cluster-yes"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wait_until_ok()

    def wait_until_ok(self, timeout: float = 20.0) -> None:
        """Until every running node says `cluster_state:ok` and sees all the slots."""
        deadline = time.monotonic() + timeout
        for port in self.processes:
            node = redis.Redis(port=port, socket_timeout=1)
            try:
                while True:
                    info = node.cluster("info")
                    if info.get("cluster_state") == "ok" and \
                            int(info.get("cluster_slots_ok", 0)) == 16384:
                        break
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"cluster pas prêt sur le port {port} : {info}")
                    time.sleep(0.05)
            finally:
                node.close()

    def kill(self, port: int) -> None:
        """A crash: SIGKILL, no goodbye to the other nodes."""
        process = self.processes.pop(port)
        process.kill()
        process.wait(timeout=10)

    def restart(self, port: int) -> None:
        self.start_node(port)
        self.wait_until_ok()

    def flush(self) -> None:
        for port in self.processes:
            node = redis.Redis(port=port, socket_timeout=1)
            node.flushall()
            node.close()

    def stop(self) -> None:
        for port in list(self.processes):
            process = self.processes.pop(port)
            process.terminate()
            process.wait(timeout=10)
