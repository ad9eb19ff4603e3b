"""Schemathesis against the served OpenAPI document: no server error, no answer outside it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from coach.api.app import create_app
from coach.settings import Settings
from tests.conftest import CONTACT, FIXTURE_DIALOGUES

_DB = Path(tempfile.mkdtemp()) / "schemathesis.db"
APP = create_app(Settings(store_url=f"sqlite:///{_DB}", dialogues_dir=FIXTURE_DIALOGUES,
                          rate_limit_per_minute=0, _env_file=None, **CONTACT))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_conforms_to_its_schema(case):
    case.call_and_validate()
