"""The package installs like one: the wheel built from this checkout, installed in a fresh
virtual environment, runs `coach lint` and `coach serve` from another folder with the
default dialogues and the web client it carries; `COACH_DIALOGUES_DIR` still wins.

The environment sees the system's site-packages for the dependencies (installing spaCy and
the rest again would take minutes and the network), but the coach itself comes from the
wheel: the test checks where `coach` is imported from."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import pytest

from bench.servers import free_port, wait_for_port
from coach.content.loader import load_content
from coach.resources import default_path
from tests.conftest import FIXTURE_DIALOGUES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True, timeout=300)
    (built,) = out.glob("coach_cop-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(home)],
                   check=True, timeout=120)
    subprocess.run([str(home / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps",
                    "--ignore-installed",
                    "--disable-pip-version-check", str(wheel)], check=True, timeout=300)
    return home


def flows_linted(report: str) -> int:
    """« Contenu : 12 parcours, … » → 12."""
    found = re.search(r"Contenu : (\d+) ", report)
    assert found, report
    return int(found.group(1))


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("COACH_") and k != "PYTHONPATH"}
    return {**env, **extra}


def test_the_wheel_carries_the_content_and_the_client(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("coach/_bundled/dialogues/accueil.yaml", "coach/_bundled/dialogues/commun.yaml",
                   "coach/_bundled/dialogues/sections.yaml", "coach/_bundled/web/index.html",
                   "coach/_bundled/web/coach.js", "coach/_bundled/web/widget.js",
                   "coach/_bundled/falc.toml", "coach/drafts/brouillon.yaml",
                   "coach/api/static/brouillon.css", "coach/api/interface.yaml", "falc/data/"):
        assert any(name.startswith(needed) for name in names), needed


def test_lint_and_serve_work_from_any_folder(venv: Path, tmp_path: Path) -> None:
    python, coach = venv / "bin" / "python", venv / "bin" / "coach"
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    found = subprocess.run([str(python), "-c", "import coach; print(coach.__file__)"],
                           cwd=elsewhere, env=clean_env(), capture_output=True, text=True,
                           check=True).stdout
    assert found.startswith(str(venv)), found
    lint = subprocess.run([str(coach), "lint", "--no-falc"], cwd=elsewhere, env=clean_env(),
                          capture_output=True, text=True, timeout=300)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "0 erreur" in lint.stdout
    assert flows_linted(lint.stdout) == len(load_content(default_path("dialogues")).flows)
    port = free_port()
    env = clean_env(COACH_STORE_URL=f"sqlite:///{tmp_path}/coach.db")
    server = subprocess.Popen([str(coach), "serve", "--port", str(port)], cwd=elsewhere,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, timeout=60)
        base = f"http://127.0.0.1:{port}"
        flows = httpx.get(base + "/api/v1/flows", timeout=10).json()
        assert {"accueil", "familles", "initier"} <= {flow["id"] for flow in flows}
        page = httpx.get(base + "/", timeout=10)
        assert page.status_code == 200 and "coach.js" in page.text
        assert httpx.get(base + "/widget.js", timeout=10).status_code == 200
        started = httpx.post(base + "/api/v1/conversations", json={}, timeout=10)
        assert started.status_code == 201
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_dialogues_dir_points_to_a_deployers_own_content(venv: Path, tmp_path: Path) -> None:
    lint = subprocess.run([str(venv / "bin" / "coach"), "lint", "--no-falc"], cwd=tmp_path,
                          env=clean_env(COACH_DIALOGUES_DIR=str(FIXTURE_DIALOGUES)),
                          capture_output=True, text=True, timeout=300)
    assert flows_linted(lint.stdout) == len(load_content(FIXTURE_DIALOGUES).flows), lint.stdout
