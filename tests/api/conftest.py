from __future__ import annotations

import httpx
import pytest

from coach.api.app import create_app
from coach.settings import Settings
from tests.conftest import CONTACT, FIXTURE_DIALOGUES


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(store_url=f"sqlite:///{tmp_path}/coach.db", dialogues_dir=FIXTURE_DIALOGUES,
                    allowed_origins=["https://partenaire.example"], _env_file=None, **CONTACT)


@pytest.fixture
def app(settings):
    return create_app(settings)


@pytest.fixture
async def client(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
