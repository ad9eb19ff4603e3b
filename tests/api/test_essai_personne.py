"""What a young adult with an intellectual disability types, in easy-to-read, on the real
content (a try-out as people with a disability, tests/content/test_essai_personne.py): asking
for a person in the middle of the path, as in a text message (« je veux parler a kelkun »),
was asked back « Vous voulez parler de… ? » between « Parler à une personne » and « Mon
expérience compte ? »; the coach gives the team's contact at once, in easy-to-read, and the
person stays where they were.
"""

from __future__ import annotations

import httpx
import pytest

from coach.api.app import create_app
from coach.settings import Settings
from tests.conftest import CONTACT

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    directory = tmp_path_factory.mktemp("personne")
    return create_app(Settings(store_url=f"sqlite:///{directory}/coach.db",
                               rate_limit_per_minute=0, _env_file=None, **CONTACT))


@pytest.fixture
async def client(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


PATHS = {"personne-concernee": ("personne-concernee",),
         "accessibilite": ("personne-concernee", "accessible"),
         "roles": ("personne-concernee", "accessible", "continuer")}


@pytest.mark.parametrize("node", sorted(PATHS))
@pytest.mark.parametrize("typed", ["je veux parler a kelkun", "je veu parler a kelkun",
                                   "je veux parler à quelqu'un", "je veux parler a qqn"])
async def test_asking_for_someone_mid_path_gives_the_contact_at_once(client, typed: str,
                                                                     node: str):
    cid = (await client.post("/api/v1/conversations", json={"falc": True})).json()["id"]
    for choice in PATHS[node]:
        turn = await client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": choice})
        assert turn.status_code == 200
    before = [c["id"] for c in turn.json()["choices"]]
    turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                              json={"text": typed})).json()
    refs = [m["ref"] for m in turn["messages"] if m["role"] == "bot"]
    assert refs == ["coach/humain"], refs
    assert turn["falc"] is True and turn["node"] == node
    assert CONTACT["contact_telephone"] in turn["messages"][-1]["text"]
    assert [c["id"] for c in turn["choices"]] == before
