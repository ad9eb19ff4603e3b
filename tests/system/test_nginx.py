"""A real nginx (Debian's) in front of three `coach serve` processes on one real Redis,
with the configuration documented for operators (deploy/nginx/coach.conf): round robin,
no sticky sessions. 200 conversations of 20 turns from concurrent clients; one process is
killed in the middle; no turn is lost or doubled. The widget and the pages without
JavaScript work through the proxy, and the coach sees each visitor's own address."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from bench.servers import ROOT, free_port, wait_for_port
from tests.conftest import RedisServer

CONFIG = ROOT / "deploy" / "nginx" / "coach.conf"
CONVERSATIONS = 200
TURNS = 20
PROCESSES = 3
ADMIN_TOKEN = "jeton-du-test-nginx-0123456789abcdef"


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                      else None)
    if found is None:
        pytest.fail("nginx est absent : installez le paquet Debian nginx (scripts/test.sh)")
    return found


def site_config(upstreams: list[int], port: int) -> str:
    """The operators' file, with this test's processes and port: nothing else changes."""
    text = CONFIG.read_text(encoding="utf-8")
    lines = [f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in upstreams]
    text, count = re.subn(r"(?m)^    server coach-\d:8000 [^\n]*\n", "", text)
    assert count >= 2, "the upstream of deploy/nginx/coach.conf lists the coach processes"
    text = text.replace("upstream coach {\n", "upstream coach {\n" + "\n".join(lines) + "\n")
    text, count = re.subn(r"(?m)^    listen 80;$", f"    listen 127.0.0.1:{port};", text)
    assert count == 1
    return text


def start_nginx(directory: Path, upstreams: list[int], port: int) -> subprocess.Popen[bytes]:
    (directory / "coach.conf").write_text(site_config(upstreams, port), encoding="utf-8")
    temp = {name: directory / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    main = (
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1;\npid {directory}/nginx.pid;\n"
        f"error_log {directory}/error.log warn;\ndaemon off;\n"
        "events { worker_connections 512; }\n"
        "http {\n  access_log off;\n"
        f"  client_body_temp_path {temp['body']};\n  proxy_temp_path {temp['proxy']};\n"
        f"  fastcgi_temp_path {temp['fastcgi']};\n  uwsgi_temp_path {temp['uwsgi']};\n"
        f"  scgi_temp_path {temp['scgi']};\n  include {directory}/coach.conf;\n}}\n")
    (directory / "nginx.conf").write_text(main, encoding="utf-8")
    process = subprocess.Popen([nginx_binary(), "-c", str(directory / "nginx.conf"),
                                "-p", str(directory)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port)
    return process


class Deployment:
    def __init__(self, base: str, coaches: list[subprocess.Popen[bytes]]) -> None:
        self.base, self.coaches = base, coaches


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    directory = tmp_path_factory.mktemp("nginx")
    redis = RedisServer(tmp_path_factory.mktemp("redis-nginx"))
    redis.start()
    ports = [free_port() for _ in range(PROCESSES)]
    front = free_port()
    env = {**os.environ, "COACH_STORE_URL": redis.url, "COACH_TRUSTED_PROXIES": "127.0.0.1",
           "COACH_RATE_LIMIT_PER_MINUTE": "100000", "COACH_ALLOWED_ORIGINS": "[]",
           "COACH_CONTACT_COURRIEL": "equipe@coach.example",
           "COACH_ADMIN_TOKEN": ADMIN_TOKEN}
    with ExitStack() as stack:
        coaches = []
        for port in ports:
            log = (directory / f"coach-{port}.log").open("wb")
            coach = subprocess.Popen(
                [sys.executable, "-m", "coach.cli", "serve", "--port", str(port)], cwd=ROOT,
                env=env, stdout=log, stderr=subprocess.STDOUT)
            stack.callback(_stop, coach)
            coaches.append(coach)
        for port in ports:
            wait_for_port(port, timeout=180)
        nginx = start_nginx(directory, ports, front)
        stack.callback(_stop, nginx)
        stack.callback(redis.stop)
        yield Deployment(f"http://127.0.0.1:{front}", coaches)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def post_turn(client: httpx.Client, cid: str, turn: int) -> None:
    """One turn, resent with the same Idempotency-Key while the proxy has no answer (a
    process died under it): the coach plays it once."""
    for _attempt in range(20):
        try:
            answer = client.post(f"/api/v1/conversations/{cid}/turns",
                                 json={"text": f"tour {turn} de {cid[:8]}"},
                                 headers={"Idempotency-Key": f"{cid}-{turn}"})
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        if answer.status_code in (502, 503, 504):
            time.sleep(0.2)
            continue
        assert answer.status_code == 200, answer.text
        return
    raise AssertionError(f"turn {turn} of {cid} never went through")


def test_conversations_through_nginx_survive_a_killed_process(deployment: Deployment) -> None:
    with httpx.Client(base_url=deployment.base, timeout=30) as client:
        ids = [client.post("/api/v1/conversations", json={}).json()["id"]
               for _ in range(CONVERSATIONS)]
    played = [0]
    lock = threading.Lock()

    def talk(cid: str) -> None:
        with httpx.Client(base_url=deployment.base, timeout=30) as client:
            for turn in range(TURNS):
                post_turn(client, cid, turn)
                with lock:
                    played[0] += 1

    def kill_one_midway() -> None:
        while played[0] < CONVERSATIONS * TURNS // 2:
            time.sleep(0.05)
        deployment.coaches[0].send_signal(signal.SIGKILL)

    killer = threading.Thread(target=kill_one_midway)
    killer.start()
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(talk, ids))
    killer.join()
    assert deployment.coaches[0].poll() is not None, "a process was killed during the run"
    with httpx.Client(base_url=deployment.base, timeout=30) as client:
        for cid in ids:
            read = client.get(f"/api/v1/conversations/{cid}?limit=1000").json()
            said = [m["text"] for m in read["messages"] if m["role"] == "user"]
            assert said == [f"tour {turn} de {cid[:8]}" for turn in range(TURNS)], cid


def test_the_widget_and_the_pages_without_javascript_work_through_nginx(deployment) -> None:
    with httpx.Client(base_url=deployment.base, timeout=30) as client:
        assert "coach.js" in client.get("/").text
        widget = client.get("/widget.js")
        assert widget.status_code == 200 and "javascript" in widget.headers["content-type"]
        assert client.get("/coach.js").status_code == 200
        started = client.post("/sans-js", data={})
        assert started.status_code == 303
        page = client.get(started.headers["location"])
        assert page.status_code == 200 and 'class="messages' in page.text
        assert "<script" not in page.text


def test_the_coach_sees_each_visitors_own_address(deployment: Deployment) -> None:
    """The strict login limit counts per visitor: nginx passes the visitor's address and
    the coach trusts it from nginx only (COACH_TRUSTED_PROXIES). One visitor (127.0.0.2)
    who keeps trying wrong tokens, even writing another address in X-Forwarded-For, is
    held back; another visitor (127.0.0.3) is not. Had the coach counted nginx's address,
    both would be held back together."""
    def client_from(address: str) -> httpx.Client:
        return httpx.Client(base_url=deployment.base, timeout=30,
                            transport=httpx.HTTPTransport(local_address=address))

    with client_from("127.0.0.2") as guesser, client_from("127.0.0.3") as other:
        codes = [guesser.post("/admin/connexion", data={"jeton": f"faux-{i}"},
                              headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
                 for i in range(8)]
        assert codes[:5] == [401] * 5 and 429 in codes[5:], codes
        assert other.post("/admin/connexion", data={"jeton": "faux"}).status_code == 401
        assert other.post("/admin/connexion",
                          data={"jeton": ADMIN_TOKEN}).status_code == 303
