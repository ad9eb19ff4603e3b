"""A parent reaches a concrete next step in at most 3 turns from « Je suis un parent ou un
proche aidant », in standard French and in FALC, through the JSON API and the pages without
JavaScript; with the deployer's directory of communities (COACH_ANNUAIRE) and without it.
The start page without JavaScript groups the journeys by audience, as the home menu does."""

from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

import httpx
import pytest

from coach.api.app import create_app
from coach.settings import Settings

pytestmark = pytest.mark.anyio

ANNUAIRE = """
communities:
  - name: Groupe des familles d’Ille-et-Vilaine
    departments: ["35"]
    audience: [familles]
    join: Écrivez à l’animatrice, elle vous envoie le guide de participation.
    join_falc: Écrivez à l’animatrice. Elle vous envoie le guide.
    email: animation@groupe-35.test
    phone: "02 99 00 00 00"
  - name: Réseau des aidants d’Occitanie
    regions: [Occitanie]
    join: Inscription sur le site.
    website: https://aidants-occitanie.test/inscription
"""


def app_for(tmp_path: Path, directory: bool):
    path = tmp_path / "annuaire.yaml"
    if directory:
        path.write_text(ANNUAIRE, encoding="utf-8")
    return create_app(Settings(store_url=f"sqlite:///{tmp_path}/coach.db", _env_file=None,
                               annuaire=path if directory else None))


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory):
    return {flag: app_for(tmp_path_factory.mktemp(f"annuaire-{flag}"), flag)
            for flag in (False, True)}


def client_for(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def said(turn: dict) -> str:
    return "\n".join(m["text"] for m in turn["messages"] if m["role"] == "bot")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_without_a_directory_the_next_step_comes_at_the_second_turn(apps, falc):
    async with client_for(apps[False]) as client:
        cid = (await client.post("/api/v1/conversations", json={"falc": falc})).json()["id"]
        url = f"/api/v1/conversations/{cid}/turns"
        first = (await client.post(url, json={"choice": "famille"})).json()
        assert "trouver-groupe" in [c["id"] for c in first["choices"]]
        second = (await client.post(url, json={"choice": "trouver-groupe"})).json()
        text = said(second)
        # Said plainly, then who to ask and what to ask; nothing invented.
        assert "pas encore" in text
        assert "MDPH" in text and "association" in text and "guide" in text
        assert not any(ch.isdigit() for ch in text) and "@" not in text
        # The advice is said: « Que demander, et à qui ? » would say it again (and its
        # « Chercher une communauté » came back here); what comes next is offered instead,
        # and, as it is a detour from the parent's step, the way back to it.
        assert [c["id"] for c in second["choices"]] == ["ensuite", "revenir", "revenir-menu"]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_with_a_directory_the_parent_gets_real_contacts_at_the_third_turn(apps, falc):
    async with client_for(apps[True]) as client:
        cid = (await client.post("/api/v1/conversations", json={"falc": falc})).json()["id"]
        url = f"/api/v1/conversations/{cid}/turns"
        await client.post(url, json={"choice": "famille"})
        second = (await client.post(url, json={"choice": "trouver-groupe"})).json()
        ids = [c["id"] for c in second["choices"]]
        assert ids[:2] == ["lieu-bretagne", "lieu-occitanie"]  # regions listed, in order
        assert "région" in said(second)
        third = (await client.post(url, json={"choice": "lieu-bretagne"})).json()
        text = said(third)
        assert "Groupe des familles d’Ille-et-Vilaine" in text
        assert "animation@groupe-35.test" in text and "02 99 00 00 00" in text
        assert ("Elle vous envoie le guide." in text) is falc
        # FALC says joining as the reviews do (« faire partie »), never « venir ».
        assert ("Pour faire partie de cette communauté :" if falc else "Pour rejoindre :") in text
        assert "venir" not in text
        assert "Occitanie" not in text
        assert third["messages"][0]["role"] == "user" and third["messages"][0]["text"] == "Bretagne"


async def test_near_me_typed_then_a_department_number(apps):
    async with client_for(apps[True]) as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        url = f"/api/v1/conversations/{cid}/turns"
        first = (await client.post(url, json={"text": "il y a une cop près de chez moi ?"})).json()
        assert first["flow"] == "trouver"
        second = (await client.post(url, json={"text": "j'habite dans le 35"})).json()
        assert "Groupe des familles d’Ille-et-Vilaine" in said(second)
        third = (await client.post(url, json={"text": "et dans le 31 ?"})).json()
        assert "Réseau des aidants d’Occitanie" in said(third)
        assert "Ille-et-Vilaine" not in said(third)
        fourth = (await client.post(url, json={"text": "dans le 75"})).json()
        assert "ne liste pas encore de communauté pour le 75" in said(fourth)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_without_a_directory_a_department_typed_gets_a_plain_answer(apps, falc):
    """Seen on a phone: « dans le 59 », typed where the coach had just said it lists no
    community yet, answered « Je ne comprends pas votre message »."""
    async with client_for(apps[False]) as client:
        cid = (await client.post("/api/v1/conversations", json={"falc": falc})).json()["id"]
        url = f"/api/v1/conversations/{cid}/turns"
        await client.post(url, json={"choice": "famille"})
        await client.post(url, json={"choice": "trouver-groupe"})
        turn = (await client.post(url, json={"text": "dans le 59"})).json()
    refs = [m["ref"] for m in turn["messages"] if m["role"] == "bot"]
    assert refs == ["coach/annuaire-vide-lieu"], refs
    text = said(turn)
    assert "59" in text and "MDPH" in text
    assert "autre région" not in text and "comprends pas" not in text


async def test_the_longer_path_stays_available(apps):
    async with client_for(apps[False]) as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        url = f"/api/v1/conversations/{cid}/turns"
        await client.post(url, json={"choice": "famille"})
        roles = (await client.post(url, json={"choice": "voir-roles"})).json()
        assert roles["node"] == "roles"


# -- without JavaScript ------------------------------------------------------------------------
def page_text(html: str) -> str:
    # <wbr> (where a long address may break) is no space between words.
    return unescape(re.sub(r"<[^>]+>", " ", html.replace("<wbr>", "")))


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("directory", [False, True], ids=["sans-annuaire", "annuaire"])
async def test_without_javascript_the_same_next_step(apps, falc, directory):
    async with client_for(apps[directory]) as client:
        fields = {"parcours": "familles", **({"falc": "1"} if falc else {})}
        started = await client.post("/sans-js", data=fields)  # « parent »
        path = started.headers["location"].split("#")[0]
        page = (await client.get(path)).text
        assert 'value="trouver-groupe"' in page
        assert (await client.post(path, data={"choix": "trouver-groupe"})).status_code == 303
        page = (await client.get(path)).text
        if not directory:
            assert "MDPH" in page_text(page) and "pas encore" in page_text(page)
            return
        assert 'value="lieu-bretagne"' in page
        assert (await client.post(path, data={"choix": "lieu-bretagne"})).status_code == 303
        text = page_text((await client.get(path)).text)
        assert "animation@groupe-35.test" in text and "02 99 00 00 00" in text


async def test_the_start_page_groups_journeys_by_audience_as_on_the_home_menu(apps):
    async with client_for(apps[False]) as client:
        html = (await client.get("/sans-js")).text
    legends = [unescape(x) for x in re.findall(r"<legend[^>]*>(.*?)</legend>", html)]
    content = apps[False].state.engine.content
    menu = content.node(content.menu)
    assert legends == ["Pour commencer", *(c.label for c in menu.choices), "Autres sujets"]
    coordinator = next(c.label for c in menu.choices if c.id == "coordinateur")
    coordinators = html.split(escape(coordinator, quote=False))[1].split("</fieldset>")[0]
    values = re.findall(r'value="([^"]+)"', coordinators)
    assert values == ["menu:coordinateur", "initier", "modeliser", "animer", "perenniser"]
    assert 'value="accueil" checked' in html
    # Nothing on the page needs JavaScript: no script, no link back to the scripted client.
    assert "<script" not in html and "avec JavaScript" not in html
    assert not re.search(r'href="/"', html)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_without_javascript_each_audience_starts_where_the_home_menu_sends_it(apps, falc):
    """Seen on a phone without JavaScript: under « Je suis une personne en situation de
    handicap », the only journey was « Familles et proches aidants : ai-je ma place ? », and
    it started with « Vous êtes parent ou proche aidant ? ». Each audience's first journey is
    the home menu's choice: same place, same profile as the scripted client's button."""
    app = apps[False]
    content = app.state.engine.content
    menu = content.node(content.menu)
    async with client_for(app) as client:
        html = (await client.get("/sans-js")).text
        person = next(c for c in menu.choices if c.id == "personne-concernee")
        group = html.split(escape(person.label, quote=False))[1].split("</fieldset>")[0]
        assert re.findall(r'value="([^"]+)"', group) == ["menu:personne-concernee"]
        assert "Familles et proches aidants" not in unescape(group)
        fields = {"parcours": "menu:personne-concernee", **({"falc": "1"} if falc else {})}
        answer = await client.post("/sans-js", data=fields)
        assert answer.status_code == 303 and answer.headers["location"].endswith("#dernier")
        cid = answer.headers["location"].split("/")[-1].split("#")[0]
        turn = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert turn["falc"] is falc and turn["flow"] == "familles"
    assert turn["node"] == "personne-concernee" or any(
        m["ref"].startswith("familles/personne-concernee/") for m in turn["messages"])
    label = person.label_falc if falc else person.label
    assert any(m["role"] == "user" and label in m["text"] for m in turn["messages"]), turn
    assert "parent ou proche aidant ?" not in said(turn)
