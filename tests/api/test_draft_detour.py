"""« mon brouillon » typed in the middle of a stage, through the JSON API and the pages
without JavaScript, on the real dialogues: the draft's summary opens as a detour with the
step's progress, « Revenir où j’en étais » comes back to that very step; in a parent's
journey the coach says, in a sentence, that the draft belongs to the coordinators' journey,
and the parent goes on where they were."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.api.turns import app_on_sqlite, client_of, said, turn

pytestmark = pytest.mark.anyio

# A new coordinator's way into stage 3, to its second part (« Étape 3 sur 4 · partie 2 »).
TO_STAGE_3 = ("etape-3", "essentiel", "continuer", "continuer")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return app_on_sqlite(tmp_path_factory.mktemp("brouillon"))


@pytest.fixture
async def client(app):
    async with client_of(app) as http:
        yield http


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("text", ["jveux corriger ma reponse de tout a l'heure",
                                  "ou est ma feuille de route", "mon brouillon svp"])
async def test_api_typed_draft_request_is_a_detour_back_to_the_same_step(client, text, falc):
    step = (await client.post("/api/v1/conversations",
                              json={"flow": "coordinateur", "falc": falc})).json()
    for choice in TO_STAGE_3:
        step = await turn(client, step["id"], choice=choice)
    before = step
    assert (before["flow"], before["node"]) == ("animer", "cycle")
    step = await turn(client, before["id"], text=text)
    assert (step["flow"], step["node"]) == ("initier", "brouillon")
    assert step["progress"] == before["progress"]
    assert said(step)[0].startswith("Votre brouillon est encore vide")
    back_label = "Revenir où j’étais" if falc else "Revenir où j’en étais"
    assert {"id": "revenir", "label": back_label} in step["choices"]
    assert step["draft"]["offered"]
    step = await turn(client, before["id"], choice="revenir")
    assert (step["flow"], step["node"]) == ("animer", "cycle")
    assert step["progress"] == before["progress"]
    assert step["choices"] == before["choices"]
    assert said(step)[0] == ("Vous revenez là où vous étiez." if falc
                             else "Vous revenez où vous en étiez.")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_api_a_parent_is_told_where_the_draft_is_made(client, falc):
    step = (await client.post("/api/v1/conversations",
                              json={"flow": "familles", "falc": falc})).json()
    before = step
    step = await turn(client, step["id"], text="revoir mon brouillon svp")
    assert (step["flow"], step["node"]) == (before["flow"], before["node"])
    assert step["choices"] == before["choices"] and not step["draft"]["offered"]
    expected = ("Le brouillon sert aux personnes qui lancent une communauté."
                if falc else "appartient au parcours des personnes qui coordonnent une CoP")
    assert len(said(step)) == 1 and expected in said(step)[0]
    # and the parent goes on where they were
    step = await turn(client, step["id"], choice=before["choices"][0]["id"])
    assert step["flow"] == "familles"


def page_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ").replace("\u202f", " ")


def progress_label(html: str) -> str:
    return page_text(re.search(r'<p class="progression-texte">(.*?)</p>', html).group(1)).strip()


async def post(client, path: str, **fields: str) -> str:
    page = (await client.get(path)).text
    key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
    response = await client.post(path, data={**fields, "cle": key})
    assert response.status_code == 303
    return (await client.get(path)).text


async def test_without_javascript_typed_text_opens_the_summary_and_comes_back(client):
    start = await client.post("/sans-js", data={"parcours": "coordinateur"})
    path = start.headers["location"].split("#")[0]
    for choice in TO_STAGE_3:
        page = await post(client, path, choix=choice)
    before = progress_label(page)
    assert before.startswith("Étape 3 sur 4 · partie 2 sur")
    page = await post(client, path, texte="jveux voir ce que j'ai ecrit svp")
    assert "Votre brouillon est encore vide" in page_text(page)
    assert progress_label(page) == before
    assert 'value="revenir"' in page
    page = await post(client, path, choix="revenir")
    assert "Vous revenez où vous en étiez." in page_text(page)
    assert progress_label(page) == before
    cid = path.rsplit("/", 1)[-1]
    state = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert (state["flow"], state["node"]) == ("animer", "cycle")


async def test_without_javascript_a_professional_is_told_where_the_draft_is_made(client):
    start = await client.post("/sans-js", data={"parcours": "professionnels", "falc": "1"})
    path = start.headers["location"].split("#")[0]
    cid = path.rsplit("/", 1)[-1]
    before = (await client.get(f"/api/v1/conversations/{cid}")).json()
    page = await post(client, path, texte="ou est mon brouillon")
    assert "Le brouillon sert aux personnes qui lancent une communauté." in page_text(page)
    state = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert (state["flow"], state["node"]) == (before["flow"], before["node"])
    assert state["flow"] == "professionnels" and state["choices"] == before["choices"]
