"""compose.yaml describes the deployment the system tests run (no Docker engine here to
start it): two coach processes from this Dockerfile on one Redis, behind nginx with the
operators' configuration file, each coach process named in that file's upstream."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def test_two_coaches_one_redis_one_nginx() -> None:
    services = compose()["services"]
    coaches = [name for name, spec in services.items() if spec.get("build") == "."]
    assert len(coaches) == 2
    for name in coaches:
        env = services[name]["environment"]
        assert env["COACH_STORE_URL"].startswith("redis://redis:")
        assert "COACH_TRUSTED_PROXIES" in env
    assert services["redis"]["image"].startswith("redis:")
    assert "--appendonly" in services["redis"]["command"]


def test_nginx_uses_the_operators_file_and_knows_every_coach() -> None:
    services = compose()["services"]
    mounted = [v.split(":")[0] for v in services["nginx"]["volumes"]]
    assert "./deploy/nginx/coach.conf" in mounted
    config = (ROOT / "deploy" / "nginx" / "coach.conf").read_text(encoding="utf-8")
    upstream = set(re.findall(r"^\s+server (\S+?):8000 ", config, re.M))
    coaches = {name for name, spec in services.items() if spec.get("build") == "."}
    assert upstream == coaches
