"""« Menu » inside the coordinator's journey (its hub, its four stages, a detour from them)
leads to the journey's menu, the hub, which then says how to reach the home menu: « Menu »
again. Outside a journey, and at the hub itself, « Menu » is the home menu as before.
Through the JSON API and the pages without JavaScript, on the real dialogues."""

from __future__ import annotations

import pytest

from coach.content.loader import DEFAULT_DIRECTORY
from coach.settings import Settings
from tests.api.pages import press
from tests.api.test_coordinator_journey import CONTENT, callers, path
from tests.conftest import CONTACT

pytestmark = pytest.mark.anyio

HUB = ("coordinateur", "parcours")
HOME = ("accueil", "menu")


@pytest.fixture
def settings(tmp_path) -> Settings:
    """The real dialogues (the conftest's app and client use these settings)."""
    return Settings(store_url=f"sqlite:///{tmp_path / 'coach.db'}", dialogues_dir=DEFAULT_DIRECTORY,
                    rate_limit_per_minute=0, _env_file=None, **CONTACT)


class Conversation:
    def __init__(self, client) -> None:
        self.client = client
        self.step: dict = {}

    async def start(self, flow: str) -> Conversation:
        answer = await self.client.post("/api/v1/conversations", json={"flow": flow})
        assert answer.status_code == 201
        self.step = answer.json()
        return self

    async def turn(self, body: dict) -> dict:
        if "choice" in body:
            offered = [c["id"] for c in self.step["choices"] + self.step["commands"]]
            assert body["choice"] in offered, (self.place, body, offered)
        answer = await self.client.post(f"/api/v1/conversations/{self.step['id']}/turns",
                                        json=body)
        assert answer.status_code == 200, answer.text
        self.step = answer.json()
        return self.step

    @property
    def place(self) -> tuple[str, str]:
        return self.step["flow"], self.step["node"]

    @property
    def refs(self) -> list[str]:
        return [m["ref"] for m in self.step["messages"]]


@pytest.mark.parametrize("stage", ["etape-1", "etape-2", "etape-3", "etape-4"])
@pytest.mark.parametrize("how", [{"text": "menu"}, {"choice": "menu"}])
async def test_menu_in_a_stage_leads_to_the_hub_then_home(client, stage, how):
    talk = await Conversation(client).start("coordinateur")
    await talk.turn({"choice": stage})
    await talk.turn({"choice": talk.step["choices"][0]["id"]})  # one step into the stage
    inside = talk.place
    assert inside[0] != "coordinateur"
    await talk.turn(how)
    assert talk.place == HUB
    assert talk.refs[:2] == [
        "texte" if "text" in how else "commande/menu", "coach/menu-parcours"]
    said = " ".join(m["text"] for m in talk.step["messages"])
    assert "Pour revenir à l’accueil, choisissez encore « Menu »." in said
    number = stage[-1]
    assert f"Vous en étiez à l’étape {number} sur 4." in said  # the journey is kept
    assert f"reprendre-{number}" in [c["id"] for c in talk.step["choices"]]
    await talk.turn({"choice": f"reprendre-{number}"})
    assert talk.place == inside
    await talk.turn({"choice": "menu"})
    await talk.turn(how)  # at the hub, « Menu » is the home menu
    assert talk.place == HOME
    assert "coach/menu-parcours" not in talk.refs
    await talk.turn({"choice": "retour"})
    assert talk.place == HUB


async def test_menu_in_the_hub_s_other_nodes_and_in_a_detour_leads_to_the_hub(client):
    talk = await Conversation(client).start("coordinateur")
    await talk.turn({"choice": "objectifs"})
    await talk.turn({"text": "menu"})
    assert talk.place == HUB
    await talk.turn({"choice": "outils"})  # the hub's toolbox, a detour
    assert talk.step["flow"] == "outils"
    await talk.turn({"choice": "menu"})
    assert talk.place == HUB
    # a detour into the toolbox from inside a stage: the journey is the stage's
    await talk.turn({"choice": "etape-2"})
    caller, call = callers(CONTENT, "modeliser")[0]
    for _ref, choice in path(CONTENT, talk.place, ("modeliser", caller)):
        await talk.turn({"choice": choice})
    await talk.turn({"choice": call})
    assert talk.step["flow"] == "outils"
    await talk.turn({"text": "menu"})
    assert talk.place == HUB
    await talk.turn({"choice": "retour"})  # « Retour » undoes it, detour included
    assert talk.step["flow"] == "outils"
    assert "revenir" in [c["id"] for c in talk.step["choices"]]


async def test_menu_outside_a_journey_and_at_the_hub_is_the_home_menu(client):
    for flow in ("familles", "decouvrir", "coordinateur"):
        talk = await Conversation(client).start(flow)
        await talk.turn({"text": "menu"})
        assert talk.place == HOME, flow
        assert "coach/menu-parcours" not in talk.refs




async def test_the_menu_button_without_javascript(client):
    response = await client.post("/sans-js", data={"parcours": "coordinateur"})
    path = response.headers["location"].split("#")[0]
    await press(client, path, "etape-3")
    page = await press(client, path, "menu")
    assert "Pour revenir à l’accueil, choisissez encore « Menu »." in page
    assert "Vous en étiez à l’étape 3 sur 4." in page
    assert 'value="reprendre-3"' in page
    await press(client, path, "menu")
    conversation = (await client.get("/api/v1/conversations/" + path.rsplit("/", 1)[-1]))
    assert (conversation.json()["flow"], conversation.json()["node"]) == HOME
