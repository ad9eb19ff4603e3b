"""Start and measure real server processes, for the load benchmarks and the system and
browser tests (which import `free_port` and `wait_for_port` from here)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


@contextmanager
def process(args: list[str], port: int, env: dict[str, str] | None = None,
            timeout: float = 20.0, cwd: Path = ROOT):
    proc = subprocess.Popen(args, cwd=cwd, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, timeout)
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def coach_serve(port: int, env: dict[str, str], workers: int = 1, timeout: float = 20.0,
                tree: Path = ROOT):
    """`coach serve`; the real content takes longer to load than the benchmarks' rings.
    `tree`: the source tree to run (another checkout, to compare in the same run)."""
    if tree != ROOT:
        env = {**env, "PYTHONPATH": str(tree)}
    return process([sys.executable, "-m", "coach.cli", "serve", "--port", str(port),
                    "--workers", str(workers)], port, env, timeout, cwd=tree)


def rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def wrk(url: str, script: Path, seconds: int = 10, connections: int = 50,
        threads: int = 2, script_args: tuple[str, ...] = ()) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency", "-s",
         str(script), url, *(["--", *script_args] if script_args else [])],
        capture_output=True, text=True, check=True).stdout

    def millis(label: str) -> float:
        match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": millis("50%"),
        "p99_ms": millis("99%"),
        "non_2xx": float(errors.group(1)) if errors else 0.0,
        "socket_errors": 0.0 if socket_errors is None else 1.0,
    }
