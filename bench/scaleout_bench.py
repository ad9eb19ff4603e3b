"""Scale-out load run: 1, 2 and 3 `coach serve` processes sharing a standalone Redis, then a
Redis Cluster of three masters (both started here, on loopback, append-only file off).

For each run: turns per second, p50 and p99 (the worst process), errors (target: zero),
and what a turn costs: Redis commands and network bytes per turn (`INFO commandstats`,
`INFO stats`, summed over every master), Redis processor time per turn, and the coach
processes' processor time per turn (/proc). The limiter is on (an allowance no run
reaches), as in production: its script call is part of the cost.

On a small machine (2 cores here, shared by wrk, the coach processes and Redis), more
processes cannot mean more turns per second: the point is no errors, no loss, and the cost
per turn, from which the sizing paragraph of docs/exploitation.md is computed.
Run: python bench/scaleout_bench.py [--seconds 5] [--conversations 2000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.api_bench import LUA, create_conversations
from bench.gen_content import write_ring_dialogues
from bench.redis_servers import RedisClusterServers, RedisServer
from bench.servers import coach_serve, free_port, wrk

CONNECTIONS = 48
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system processor time of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


class RedisMeter:
    """Commands, network bytes and processor time of a set of Redis servers."""

    def __init__(self, ports: list[int]) -> None:
        self.nodes = [redis.Redis(port=port) for port in ports]

    def reset(self) -> dict[str, float]:
        for node in self.nodes:
            node.config_resetstat()
        return self.totals()

    def totals(self) -> dict[str, float]:
        totals: Counter[str] = Counter()
        for node in self.nodes:
            for name, entry in node.info("commandstats").items():
                totals["cmd:" + name.removeprefix("cmdstat_")] += entry["calls"]
            stats = node.info("stats")
            totals["net_in"] += stats["total_net_input_bytes"]
            totals["net_out"] += stats["total_net_output_bytes"]
            cpu = node.info("cpu")
            totals["cpu"] += cpu["used_cpu_user"] + cpu["used_cpu_sys"]
        return dict(totals)

    def close(self) -> None:
        for node in self.nodes:
            node.close()


def run(processes: int, env: dict[str, str], meter: RedisMeter, tmp_path: Path,
        seconds: int, conversations: int) -> dict[str, float]:
    ports = [free_port() for _ in range(processes)]
    with ExitStack() as stack:
        procs = [stack.enter_context(coach_serve(port, env)) for port in ports]
        ids = create_conversations(f"http://127.0.0.1:{ports[0]}", conversations)
        (tmp_path / "ids.txt").write_text("\n".join(ids) + "\n")
        script = tmp_path / "turns.lua"
        script.write_text(LUA % (tmp_path / "ids.txt"))
        before = meter.reset()
        coach_cpu = sum(cpu_seconds(p.pid) for p in procs)
        with ThreadPoolExecutor(processes) as pool:
            runs = list(pool.map(
                lambda place: wrk(f"http://127.0.0.1:{ports[place]}", script, seconds,
                                  connections=CONNECTIONS // processes, threads=1,
                                  script_args=(str(place),)), range(processes)))
        coach_cpu = sum(cpu_seconds(p.pid) for p in procs) - coach_cpu
        after = meter.totals()
    rps = sum(r["rps"] for r in runs)
    turns = rps * seconds
    spent = {k: after.get(k, 0) - before.get(k, 0) for k in after}
    commands = {k.removeprefix("cmd:"): v / turns for k, v in spent.items()
                if k.startswith("cmd:") and k not in ("cmd:config|resetstat", "cmd:info")}
    return {"rps": rps, "p50_ms": max(r["p50_ms"] for r in runs),
            "p99_ms": max(r["p99_ms"] for r in runs),
            "errors": sum(r["non_2xx"] + r["socket_errors"] for r in runs),
            "commands": sum(commands.values()), "detail": commands,  # type: ignore[dict-item]
            "bytes": (spent["net_in"] + spent["net_out"]) / turns,
            "redis_us": spent["cpu"] / turns * 1e6, "coach_us": coach_cpu / turns * 1e6}


def report(name: str, processes: int, f: dict[str, float]) -> None:
    detail = ", ".join(f"{k} {v:.2f}" for k, v in sorted(
        f["detail"].items(), key=lambda kv: -kv[1]) if v >= 0.01)  # type: ignore[attr-defined]
    print(f"  {name:10} {processes} process(es): {f['rps']:6.0f} turns/s,"
          f" p50 {f['p50_ms']:6.2f} ms, p99 {f['p99_ms']:7.2f} ms, errors {int(f['errors'])};"
          f" per turn: {f['commands']:.2f} Redis commands ({detail}),"
          f" {f['bytes']:.0f} bytes, Redis CPU {f['redis_us']:.0f} µs,"
          f" coach CPU {f['coach_us']:.0f} µs")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--conversations", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        base_env = {"COACH_DIALOGUES_DIR": str(write_ring_dialogues(tmp_path / "d", 10)),
                    "COACH_RATE_LIMIT_PER_MINUTE": "1000000000"}
        (tmp_path / "single").mkdir()
        (tmp_path / "cluster").mkdir()
        single = RedisServer(tmp_path / "single")
        cluster = RedisClusterServers(tmp_path / "cluster", persistent=False)
        print(f"Scale-out, wrk with {CONNECTIONS} connections in all (split over the"
              f" processes), {args.seconds} s per run, {os.cpu_count()} cores shared by"
              " everything")
        try:
            single.start()
            cluster.start()
            for name, url, ports in (("Redis", single.url, [single.port]),
                                     ("Cluster×3", cluster.url, cluster.ports)):
                meter = RedisMeter(ports)
                for processes in (1, 2, 3):
                    for port in ports:
                        redis.Redis(port=port).flushall()
                    figures = run(processes, {**base_env, "COACH_STORE_URL": url}, meter,
                                  tmp_path, args.seconds, args.conversations)
                    report(name, processes, figures)
                meter.close()
        finally:
            single.stop()
            cluster.stop()


if __name__ == "__main__":
    main()
