"""`coach serve --workers 2` on one SQLite file: two processes take turns concurrently, on
different conversations and on the same one; nothing is lost or doubled (WAL, busy timeout,
one writer at a time, a compare-and-set on every save)."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import httpx

from bench.servers import coach_serve, free_port
from tests.conftest import FIXTURE_DIALOGUES

CONVERSATIONS = 16
TURNS = 12


def user_texts(base: str, cid: str) -> list[str]:
    read = httpx.get(f"{base}/api/v1/conversations/{cid}?limit=1000", timeout=30).json()
    return [m["text"] for m in read["messages"] if m["role"] == "user"]


def test_two_workers_share_one_sqlite_file_without_losing_a_turn(tmp_path):
    port = free_port()
    env = {"COACH_STORE_URL": f"sqlite:///{tmp_path}/coach.db",
           "COACH_DIALOGUES_DIR": str(FIXTURE_DIALOGUES), "COACH_RATE_LIMIT_PER_MINUTE": "0"}
    base = f"http://127.0.0.1:{port}"
    with coach_serve(port, env, workers=2) as server:
        children = [p for p in os.listdir("/proc") if p.isdigit()
                    and _parent_of(int(p)) == server.pid]
        assert len(children) >= 2, "uvicorn started two worker processes"
        with httpx.Client(base_url=base, timeout=30) as client:
            ids = [client.post("/api/v1/conversations", json={}).json()["id"]
                   for _ in range(CONVERSATIONS)]

        def talk(cid: str) -> int:
            with httpx.Client(base_url=base, timeout=30) as client:
                for turn in range(TURNS):
                    answer = client.post(f"/api/v1/conversations/{cid}/turns",
                                         json={"text": f"tour {turn} de {cid[:6]}"},
                                         headers={"Idempotency-Key": f"{cid}-{turn}"})
                    assert answer.status_code == 200, answer.text
            return TURNS

        with ThreadPoolExecutor(8) as pool:
            assert sum(pool.map(talk, ids)) == CONVERSATIONS * TURNS
        for cid in ids:
            said = user_texts(base, cid)
            assert said == [f"tour {turn} de {cid[:6]}" for turn in range(TURNS)]

        # Two clients on the same conversation at once: each turn is played once or refused.
        shared = httpx.post(base + "/api/v1/conversations", json={}, timeout=30).json()["id"]

        def race(turn: int) -> int:
            answer = httpx.post(f"{base}/api/v1/conversations/{shared}/turns",
                                json={"text": f"course {turn}"}, timeout=30)
            assert answer.status_code in (200, 409), answer.text
            return answer.status_code

        with ThreadPoolExecutor(6) as pool:
            codes = list(pool.map(race, range(30)))
        said = user_texts(base, shared)
        assert len(said) == codes.count(200) and len(set(said)) == len(said)


def _parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None
