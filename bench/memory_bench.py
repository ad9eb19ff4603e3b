"""Memory benchmark: the server's resident memory after 1,000 conversations created and
stored, then after 100,000 (target: within 30 MB). Run: python bench/memory_bench.py"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gen_content import write_ring_dialogues
from bench.servers import coach_serve, free_port, rss_mib

LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = "{}"
"""


def main(total: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        dialogues = write_ring_dialogues(tmp_path / "dialogues", 10)
        env = {"COACH_DIALOGUES_DIR": str(dialogues),
               "COACH_STORE_URL": f"sqlite:///{tmp_path}/coach.db",
               "COACH_RATE_LIMIT_PER_MINUTE": "0"}
        port = free_port()
        with coach_serve(port, env) as server:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
                for _ in range(1000):
                    client.post("/api/v1/conversations", json={}).raise_for_status()
            after_1k = rss_mib(server.pid)
            script = tmp_path / "create.lua"
            script.write_text(LUA)
            database = sqlite3.connect(tmp_path / "coach.db")
            load = subprocess.Popen(["wrk", "-t2", "-c20", "-d600s", "-s", str(script),
                                     f"http://127.0.0.1:{port}/api/v1/conversations"],
                                    stdout=subprocess.DEVNULL)
            stored = 0
            while stored < total and load.poll() is None:  # stop the load at the count
                time.sleep(0.5)
                stored = database.execute("SELECT COUNT(*) FROM conversations").fetchone()[0]
            load.terminate()
            load.wait()
            time.sleep(1)
            stored = database.execute("SELECT COUNT(*) FROM conversations").fetchone()[0]
            after_all = rss_mib(server.pid)
    print("Server resident memory (1 uvicorn worker, SQLite store)")
    print(f"  after  1,000 conversations: {after_1k:7.1f} MiB")
    print(f"  after {stored:,} conversations: {after_all:7.1f} MiB")
    print(f"  difference: {after_all - after_1k:+.1f} MiB  (target ≤ 30 MB)")


if __name__ == "__main__":
    main()
