"""Failures met in the middle of a journey, through the JSON API on the real content."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from coach.api.app import create_app
from coach.content.loader import load_content
from coach.settings import Settings
from tests.api.test_coordinator_journey import path
from tests.conftest import CONTACT

CONTENT = load_content()

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("mid-journey")
    return create_app(Settings(store_url=f"sqlite:///{folder}/coach.db", _env_file=None,
                               **CONTACT))


class Talk:
    """One conversation through the API: each turn's answer."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.step: dict = {}

    async def start(self, flow: str | None = None, falc: bool = False) -> dict:
        body: dict[str, object] = {"falc": falc}
        if flow is not None:
            body["flow"] = flow
        answer = await self.http.post("/api/v1/conversations", json=body)
        assert answer.status_code == 201, answer.text
        self.step = answer.json()
        return self.step

    async def send(self, **body: str) -> dict:
        answer = await self.http.post(f"/api/v1/conversations/{self.step['id']}/turns",
                                      json=body)
        assert answer.status_code == 200, answer.text
        self.step = answer.json()
        return self.step

    async def type(self, text: str) -> dict:
        return await self.send(text=text)

    async def press(self, choice: str) -> dict:
        offered = [c["id"] for c in self.step["choices"] + self.step["commands"]]
        assert choice in offered, (self.step["flow"], self.step["node"], choice, offered)
        return await self.send(choice=choice)

    @property
    def place(self) -> tuple[str, str]:
        return self.step["flow"], self.step["node"]

    def said(self) -> list[tuple[str, str]]:
        return [(m["ref"], m["text"]) for m in self.step["messages"] if m["role"] == "bot"]


@pytest.fixture
async def talk(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield Talk(http)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_a_new_question_of_small_words_is_no_still_not_found(app, talk, falc):
    """At the menu, « gloubi boulga ? » then « c pour moi ? »: the second is a new question."""
    await talk.start(falc=falc)
    await talk.type("gloubi boulga ?")
    await talk.type("c pour moi ?")
    system = app.state.engine.content.system["pas-compris-autre"]
    assert talk.said() == [("coach/pas-compris-autre", system.falc if falc else system.text)]
    await talk.start(falc=falc)  # the same words again: « toujours pas »
    await talk.type("c pour moi ?")
    await talk.type("c pour moi")
    assert [ref for ref, _text in talk.said()] == ["coach/pas-compris-choix"]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_summary_opened_from_stage_3_never_names_stage_1(talk, falc):
    """Answers given in stage 1, then « mon brouillon » typed in stage 3: the summary speaks
    of the draft, its answers at once, and the progress stays stage 3."""
    await talk.start("coordinateur", falc=falc)
    await talk.press("etape-1")
    for ref, choice in path(CONTENT, talk.place, ("initier", "carte-participation")):
        assert talk.place == ref
        await talk.press(choice)
    await talk.press("menu")
    assert talk.place == ("coordinateur", "parcours")
    await talk.press("etape-3")
    progress = talk.step["progress"]
    assert progress["stage"] == 3
    await talk.type("mon brouillon")
    assert talk.place == ("initier", "brouillon")
    said = [text for _ref, text in talk.said()]
    assert said[1].startswith("Premier pas"), said  # the answers are there, at once
    assert "suite" not in [c["id"] for c in talk.step["choices"]]
    for text in said:
        assert not re.search(r"étape\s*1\b", text, re.IGNORECASE), text
    assert talk.step["progress"] == progress


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_draft_asked_at_an_ask_step_comes_back_to_the_question(talk, falc):
    """Where the objective is asked in one's own words, « afficher mon brouillon » was kept as
    the objective. It opens the summary; « Revenir où j’en étais » comes back to the
    question, which still takes an answer that names the draft among other words."""
    step = ("initier", "objectif-reponse")
    await talk.start("coordinateur", falc=falc)
    await talk.press("etape-1")
    for ref, choice in path(CONTENT, talk.place, step):
        assert talk.place == ref
        await talk.press(choice)
    progress = talk.step["progress"]
    await talk.type("afficher mon brouillon")
    assert talk.place == ("initier", "brouillon")
    assert "saisie-garder" not in [c["id"] for c in talk.step["choices"]]
    assert talk.step["progress"] == progress
    await talk.press("revenir")
    assert talk.place == step and talk.step["progress"] == progress
    answer = "notre objectif : que chaque famille ait un brouillon de projet"
    await talk.type(answer)
    assert [c["id"] for c in talk.step["choices"]] == ["saisie-garder", "saisie-reecrire",
                                                       "saisie-question"]
    await talk.press("saisie-garder")
    draft = await talk.http.get(f"/api/v1/conversations/{talk.step['id']}/document")
    assert draft.status_code == 200 and "que chaque famille ait un brouillon" in draft.text


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_parents_find_a_community_and_come_back_to_their_step(app, talk, falc):
    """« Trouver une communauté près de chez moi » from the families' first step was a jump:
    the parent lost their place. It is a detour, with « Revenir où j’en étais » to that step;
    from the menu, finding a community stays a jump."""
    content = app.state.engine.content
    back = {"id": "revenir", "label": "Revenir où j’étais" if falc else "Revenir où j’en étais"}
    await talk.start(falc=falc)
    await talk.press("famille")
    assert talk.place == ("familles", "debut")
    choices = talk.step["choices"]
    await talk.press("trouver-groupe")
    assert talk.place == ("trouver", "debut") and back in talk.step["choices"]
    await talk.press("revenir")
    assert talk.place == ("familles", "debut") and talk.step["choices"] == choices
    node = content.node(("familles", "debut"))
    said = talk.said()
    assert said[0][0] in ("coach/retour-appel", "coach/retour-appel-lieu")
    last = node.messages[-1]
    assert said[-1] == ("familles/debut/" + str(len(node.messages) - 1),
                        last.falc if falc else last.text)
    await talk.press("menu")
    await talk.type("une cop près de chez moi")
    assert talk.place == ("trouver", "debut")
    assert "revenir" not in [c["id"] for c in talk.step["choices"]]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_a_text_about_the_step_is_said_again_never_not_understood(app, talk, falc):
    """A person with a disability at « Est-ce accessible pour moi ? » types « LSF », then
    « et pour la lsf ? »: « Je n’ai pas bien compris », then « Je ne trouve toujours pas ».
    Now: this step's subject, its message on sign language said again, the step's choices
    kept; at once again, the short line, never the same message twice."""
    system = app.state.engine.content.system
    node = app.state.engine.content.node(("familles", "accessibilite"))
    await talk.start(falc=falc)
    await talk.press("personne-concernee")
    await talk.press("accessible")
    assert talk.place == ("familles", "accessibilite")
    choices = talk.step["choices"]
    await talk.type("LSF")
    said = talk.said()
    assert [ref for ref, _text in said] == ["coach/ici-rappel", "familles/accessibilite/1"]
    assert said[0][1] == (system["ici-rappel"].falc if falc else system["ici-rappel"].text)
    assert "LSF" in said[1][1] and "langue des signes" in said[1][1]
    assert said[1][1].startswith((node.messages[1].falc if falc
                                  else node.messages[1].text).split("\n")[0][:20])
    assert talk.place == ("familles", "accessibilite") and talk.step["choices"] == choices
    await talk.type("et pour la lsf ?")
    assert talk.said() == [("coach/ici-encore", system["ici-encore"].falc if falc
                            else system["ici-encore"].text)]
    assert all("compris" not in text for _ref, text in talk.said())
