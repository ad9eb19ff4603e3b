"""Pages without JavaScript: starting a journey through the home menu's choice (« Je suis
un parent… », `menu:<choice>`) stores the conversation once, already at that journey;
with the real SQLite store, its writes counted."""

from __future__ import annotations

import httpx
import pytest

from coach.api.app import create_app
from coach.content.loader import DEFAULT_DIRECTORY
from coach.settings import Settings
from coach.store.sqlite import SQLiteStore
from tests.conftest import CONTACT

pytestmark = pytest.mark.anyio


class CountingStore(SQLiteStore):
    """The real store, counting what it writes."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.writes: list[str] = []

    def create(self, conversation_id: str, data: bytes) -> None:
        self.writes.append("create")
        super().create(conversation_id, data)

    def save_many(self, saves):
        self.writes.extend("save" for _save in saves)
        return super().save_many(saves)


@pytest.fixture
async def counted(tmp_path):
    settings = Settings(store_url=f"sqlite:///{tmp_path / 'coach.db'}",
                        dialogues_dir=DEFAULT_DIRECTORY, rate_limit_per_minute=0,
                        _env_file=None, **CONTACT)
    store = CountingStore(tmp_path / "coach.db", 86400.0)
    transport = httpx.ASGITransport(app=create_app(settings, store=store))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client, store


async def test_a_journey_from_the_menu_s_choice_is_stored_once(counted):
    client, store = counted
    response = await client.post("/sans-js", data={"parcours": "menu:famille"})
    assert response.status_code == 303
    assert response.headers["location"].endswith("#dernier")
    assert store.writes == ["create"]
    cid = response.headers["location"].split("/")[-1].split("#")[0]
    stored = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert stored["flow"] == "familles"  # already at the journey the choice opens
    said = [m["ref"] for m in stored["messages"]]
    assert "choix/famille" in said  # the choice, as the home menu's button would say it
    assert said[0].startswith("accueil/")  # after the welcome


async def test_a_choice_the_menu_does_not_offer_starts_at_the_welcome(counted):
    client, store = counted
    response = await client.post("/sans-js", data={"parcours": "menu:nulle-part"})
    assert response.status_code == 303
    assert store.writes == ["create"]
    cid = response.headers["location"].split("/")[-1].split("#")[0]
    stored = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert stored["flow"] == "accueil"
