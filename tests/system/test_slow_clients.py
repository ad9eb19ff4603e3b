"""A real `coach serve`: clients that send their request slowly do not hold a connection."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from bench.servers import coach_serve, free_port
from tests.conftest import FIXTURE_DIALOGUES

DEADLINE = 1.0


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    chosen = free_port()
    directory = tmp_path_factory.mktemp("lent")
    env = {"COACH_STORE_URL": f"sqlite:///{directory}/coach.db",
           "COACH_DIALOGUES_DIR": str(FIXTURE_DIALOGUES),
           "COACH_HEADER_TIMEOUT_SECONDS": str(DEADLINE),
           "COACH_BODY_TIMEOUT_SECONDS": str(DEADLINE)}
    with coach_serve(chosen, env):
        yield chosen


def closed_within(sock: socket.socket, seconds: float, drip: bytes = b"") -> tuple[bool, bytes]:
    """Sends `drip` a byte every 0.2 s (if any) and reads: (closed by the server, received)."""
    sock.settimeout(0.2)
    received = b""
    deadline = time.monotonic() + seconds
    position = 0
    while time.monotonic() < deadline:
        if position < len(drip):
            try:
                sock.sendall(drip[position:position + 1])
            except OSError:
                return True, received
            position += 1
        try:
            chunk = sock.recv(4096)
        except TimeoutError:
            continue
        except OSError:
            return True, received
        if not chunk:
            return True, received
        received += chunk
    return False, received


def test_a_connection_that_sends_nothing_is_closed(port):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        closed, _ = closed_within(sock, DEADLINE + 3)
    assert closed


def test_headers_sent_a_byte_at_a_time_are_cut_off(port):
    slow = b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"X-Lent: " + b"a" * 200 + b"\r\n\r\n"
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        closed, received = closed_within(sock, DEADLINE + 3, drip=slow)
    assert closed and b"200 OK" not in received
    assert time.monotonic() - started < DEADLINE + 2.5


def test_a_body_that_stops_arriving_gets_408(port):
    head = (b"POST /api/v1/conversations HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"falc\":")
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(head)
        _closed, received = closed_within(sock, DEADLINE + 3)
    assert received.startswith(b"HTTP/1.1 408"), received[:200]
    assert b"trop lentement" in received


def test_a_normal_request_is_not_affected(port):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        _closed, received = closed_within(sock, 3)
    assert received.startswith(b"HTTP/1.1 200")
