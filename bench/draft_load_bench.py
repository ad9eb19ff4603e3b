"""`/healthz` while clients download drafts: rendering on the event loop (the former way,
`COACH_DRAFT_RENDERINGS=0`) against worker processes (the default), in the same run.

Each round starts a real `coach serve` on the real dialogues, opens a coordinator's
conversation, then 8 client threads download its DOCX draft in a loop while one more
thread asks `/healthz` every 20 ms. Prints the median and p99 of `/healthz` with no load
(baseline), and under load for each way, and the ratio of each p99 to the baseline's.
Run: python bench/draft_load_bench.py [--seconds 8] [--clients 8]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.servers import coach_serve, free_port


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def health_latencies(base: str, seconds: float, stop: threading.Event | None = None
                     ) -> list[float]:
    found: list[float] = []
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=30) as client:
        while time.monotonic() < deadline and not (stop and stop.is_set()):
            started = time.perf_counter()
            client.get("/healthz").raise_for_status()
            found.append((time.perf_counter() - started) * 1000)
            time.sleep(0.02)
    return found


def download_loop(base: str, path: str, stop: threading.Event, counts: list[int]) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        while not stop.is_set():
            client.get(path).raise_for_status()
            counts.append(1)


def one_round(renderings: int, seconds: float, clients: int) -> dict[str, float]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as directory:
        env = {"COACH_STORE_URL": f"sqlite:///{directory}/coach.db",
               "COACH_DRAFT_RENDERINGS": str(renderings), "COACH_RATE_LIMIT_PER_MINUTE": "0"}
        with coach_serve(port, env):
            created = httpx.post(base + "/api/v1/conversations", json={"flow": "initier"},
                                 timeout=30).json()
            path = f"/api/v1/conversations/{created['id']}/document?format=docx"
            idle = health_latencies(base, 2.0)
            stop, counts = threading.Event(), []
            workers = [threading.Thread(target=download_loop, args=(base, path, stop, counts))
                       for _ in range(clients)]
            for worker in workers:
                worker.start()
            time.sleep(0.5)
            loaded = health_latencies(base, seconds)
            stop.set()
            for worker in workers:
                worker.join()
    return {"idle_p50": statistics.median(idle), "idle_p99": percentile(idle, 0.99),
            "p50": statistics.median(loaded), "p99": percentile(loaded, 0.99),
            "max": max(loaded), "drafts_per_s": len(counts) / (seconds + 0.5)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    print(f"{args.clients} clients download DOCX drafts for {args.seconds:g} s;"
          " /healthz every 20 ms (ms)")
    print(f"{'rendering':<24}{'idle p50':>9}{'idle p99':>9}{'p50':>8}{'p99':>8}{'max':>8}"
          f"{'drafts/s':>10}{'p99/idle':>10}")
    for label, renderings in (("on the event loop", 0), ("worker processes (2)", 2)):
        r = one_round(renderings, args.seconds, args.clients)
        print(f"{label:<24}{r['idle_p50']:>9.1f}{r['idle_p99']:>9.1f}{r['p50']:>8.1f}"
              f"{r['p99']:>8.1f}{r['max']:>8.1f}{r['drafts_per_s']:>10.1f}"
              f"{r['p99'] / r['idle_p99']:>10.1f}")


if __name__ == "__main__":
    main()
