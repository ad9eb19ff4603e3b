"""A clear request the coach does not handle, typed through the JSON API and the pages
without JavaScript (the real content): the off-topic answer with its choices (« Menu »,
« Parler à une personne »), in easy-to-read when the conversation is; the site's contact
when it has one, words only when it has none."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import httpx
import pytest

from coach.api.app import create_app
from coach.settings import Settings
from tests.conftest import CONTACT

pytestmark = pytest.mark.anyio

ASKED = "vous avez des offres demploi ?"


def app_for(tmp_path: Path, contact: dict[str, str]):
    return create_app(Settings(store_url=f"sqlite:///{tmp_path}/coach.db", _env_file=None,
                               **contact))


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory):
    return {"contact": app_for(tmp_path_factory.mktemp("contact"), CONTACT),
            "sans": app_for(tmp_path_factory.mktemp("sans-contact"), {})}


def client_for(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def page_text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_api_answers_off_topic_with_the_contact_and_its_choices(apps, falc):
    app = apps["contact"]
    system = app.state.engine.content.system["hors-sujet"]
    async with client_for(app) as client:
        cid = (await client.post("/api/v1/conversations", json={"falc": falc})).json()["id"]
        turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                                  json={"text": ASKED})).json()
    bot = [m for m in turn["messages"] if m["role"] == "bot"]
    assert [m["ref"] for m in bot] == ["coach/hors-sujet"]
    said = bot[0]["text"]
    first_line = (system.falc if falc else system.text).split("\n")[0]
    assert said.startswith(first_line)
    assert CONTACT["contact_telephone"] in said and CONTACT["contact_courriel"] in said
    ids = [c["id"] for c in turn["choices"]]
    assert ids[-2:] == ["menu", "humain"]
    assert turn["falc"] is falc


async def test_without_a_contact_the_api_says_where_to_ask_in_words(apps):
    async with client_for(apps["sans"]) as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                                  json={"text": "vs recrutez en ce moment"})).json()
    bot = [m for m in turn["messages"] if m["role"] == "bot"]
    assert [m["ref"] for m in bot] == ["coach/hors-sujet-sans-contact"]
    assert not re.search(r"\d", bot[0]["text"]) and "@" not in bot[0]["text"]
    assert [c["id"] for c in turn["choices"]][-2:] == ["menu", "humain"]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_without_javascript_the_off_topic_answer_shows_with_its_buttons(apps, falc):
    app = apps["contact"]
    system = app.state.engine.content.system["hors-sujet"]
    async with client_for(app) as client:
        fields = {"parcours": "accueil", **({"falc": "1"} if falc else {})}
        path = (await client.post("/sans-js", data=fields)).headers["location"].split("#")[0]
        page = (await client.get(path)).text
        key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
        answer = await client.post(path, data={"texte": ASKED, "cle": key})
        assert answer.status_code == 303
        page = (await client.get(path)).text
    text = page_text(page)
    first_line = (system.falc if falc else system.text).split("\n")[0]
    assert " ".join(first_line.split()) in text.replace("\u00a0", " ").replace("\u202f", " ")
    assert CONTACT["contact_telephone"] in text
    assert "écrire autrement" not in text and "Je n’ai pas bien compris" not in text
    # The step's numbered answers (not the command bar at the bottom of every page) end
    # with « Menu » and « Parler à une personne ».
    answers = re.findall(r'name="choix" value="([^"]+)"><span class="num"', page)
    assert answers[-2:] == ["menu", "humain"], answers
