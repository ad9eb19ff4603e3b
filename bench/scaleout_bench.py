"""Scale-out load run: many concurrent conversations against one, then two `coach serve`
processes sharing one Redis (each process gets half of the connections, its own wrk).
Reports turns per second, p50, p99 and errors (target: zero errors).
Run: python bench/scaleout_bench.py --redis redis://127.0.0.1:6379/0 [--seconds 10]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.api_bench import LUA, create_conversations
from bench.gen_content import write_ring_dialogues
from bench.servers import coach_serve, free_port, wrk


def run(processes: int, env: dict[str, str], tmp_path: Path, seconds: int) -> dict[str, float]:
    ports = [free_port() for _ in range(processes)]
    with ExitStack() as stack:
        for port in ports:
            stack.enter_context(coach_serve(port, env))
        ids = create_conversations(f"http://127.0.0.1:{ports[0]}", 2000)
        (tmp_path / "ids.txt").write_text("\n".join(ids) + "\n")
        script = tmp_path / "turns.lua"
        script.write_text(LUA % (tmp_path / "ids.txt"))
        with ThreadPoolExecutor(processes) as pool:
            runs = list(pool.map(
                lambda place: wrk(f"http://127.0.0.1:{ports[place]}", script, seconds,
                                  connections=50 // processes, threads=1,
                                  script_args=(str(place),)), range(processes)))
    return {"rps": sum(r["rps"] for r in runs), "p50_ms": max(r["p50_ms"] for r in runs),
            "p99_ms": max(r["p99_ms"] for r in runs),
            "errors": sum(r["non_2xx"] + r["socket_errors"] for r in runs)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--redis", required=True, help="redis://host:port/db (flushed)")
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    subprocess.run(["redis-cli", "-u", args.redis, "flushdb"], check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        env = {"COACH_DIALOGUES_DIR": str(write_ring_dialogues(tmp_path / "d", 10)),
               "COACH_STORE_URL": args.redis, "COACH_RATE_LIMIT_PER_MINUTE": "0"}
        print(f"Scale-out on Redis, wrk with 50 connections in all, {args.seconds} s")
        for processes in (1, 2):
            figures = run(processes, env, tmp_path, args.seconds)
            print(f"  {processes} process(es): {figures['rps']:7.0f} turns/s,"
                  f" p50 {figures['p50_ms']:6.2f} ms, p99 {figures['p99_ms']:7.2f} ms,"
                  f" errors {int(figures['errors'])}")


if __name__ == "__main__":
    main()
