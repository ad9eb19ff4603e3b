"""A real `coach serve` process: hold a conversation, restart the process, find it intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import httpx

from tests.conftest import FIXTURE_DIALOGUES, free_port, wait_for_port


def serve(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "coach.cli", "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for_port(port)
    return process


def stop(process: subprocess.Popen[bytes]) -> str:
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=15)
    return err.decode("utf-8", "replace")


def test_conversation_survives_a_restart(tmp_path):
    port = free_port()
    env = {**os.environ, "COACH_STORE_URL": f"sqlite:///{tmp_path}/coach.db",
           "COACH_DIALOGUES_DIR": str(FIXTURE_DIALOGUES)}
    base = f"http://127.0.0.1:{port}"
    process = serve(port, env)
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            cid = client.post("/api/v1/conversations", json={}).json()["id"]
            client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": "quiz"})
            client.post(f"/api/v1/conversations/{cid}/turns",
                        json={"text": "un message très personnel 7f3a"})
            before = client.get(f"/api/v1/conversations/{cid}").json()
    finally:
        log = stop(process)
    assert "7f3a" not in log  # nothing typed is ever logged
    process = serve(port, env)
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            after = client.get(f"/api/v1/conversations/{cid}").json()
            assert after == before
            turn = client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": "vrai"})
            assert turn.status_code == 200
            assert turn.json()["node"] == "bravo"
    finally:
        log = stop(process)
    assert "7f3a" not in log
