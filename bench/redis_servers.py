"""Real Redis servers on loopback ports, in a temporary directory, for the tests and the
benchmarks: one standalone server, or a Redis Cluster of three masters.

Each cluster node keeps an append-only file (fsync at every write; off for benchmarks) and
its cluster configuration in its own folder, so that a node stopped and started again comes
back with its data and its slots. `cluster-require-full-coverage no`: while one master is
down, the slots of the other two keep answering (the coach answers 503 for the
conversations of the missing slots only).
"""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis

from bench.servers import free_port, wait_for_port

NODE_TIMEOUT_MS = 1000
BUS_OFFSET = 10_000  # each node also listens on port + 10000 (the cluster bus)


class MissingProgram(RuntimeError):
    """redis-server or redis-cli is not installed (scripts/test.sh installs them)."""


class RedisServer:
    """A real redis-server on a free loopback port, in a temporary directory."""

    def __init__(self, directory: Path, persistent: bool = False) -> None:
        self.directory = directory
        self.persistent = persistent
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise MissingProgram("redis-server est absent : installez le paquet Debian"
                                 " redis-server")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir",
             str(self.directory), "--save", "", "--appendonly",
             "yes" if self.persistent else "no", "--appendfsync", "always"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


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
    def __init__(self, directory: Path, masters: int = 3, persistent: bool = True) -> None:
        self.directory = directory
        self.persistent = persistent
        self.ports = [free_node_port() for _ in range(masters)]
        self.processes: dict[int, subprocess.Popen[bytes]] = {}

    @property
    def url(self) -> str:
        """The store URL the coach reads: every startup node, comma-separated."""
        return "redis+cluster://" + ",".join(f"127.0.0.1:{port}" for port in self.ports)

    def start_node(self, port: int) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise MissingProgram("redis-server est absent : installez le paquet Debian"
                                 " redis-server")
        folder = self.directory / str(port)
        folder.mkdir(exist_ok=True)
        self.processes[port] = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
             "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
             "--cluster-node-timeout", str(NODE_TIMEOUT_MS),
             "--cluster-require-full-coverage", "no", "--save", "",
             "--appendonly", "yes" if self.persistent else "no", "--appendfsync", "always"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(port)

    def start(self) -> None:
        for port in self.ports:
            self.start_node(port)
        cli = shutil.which("redis-cli")
        if cli is None:
            raise MissingProgram("redis-cli est absent : installez le paquet Debian redis-tools")
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
