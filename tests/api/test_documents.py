"""The coordinator's draft through the API: play the coordinator track choosing answers,
then download the draft as HTML, Word and OpenDocument and find those answers in it."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import docx
import httpx
import pytest
from odf import teletype
from odf import text as odftext
from odf.opendocument import load as load_odt

from coach.api.app import create_app
from coach.api.documents import MEDIA_TYPES
from coach.content.loader import DEFAULT_DIRECTORY
from coach.drafts.template import load_template
from coach.settings import Settings
from tests.conftest import CONTACT

pytestmark = pytest.mark.anyio

# accueil → coordinator hub → stage 1, the six key-question cards, Léo's advice, the end of
# stage 1 (an end node), then stage 2 up to « quel rôle allez-vous prendre ? ».
TRACK = [
    "coordinateur", "etape-1", "continuer", "reunion", "deja", "retours", "continuer",
    "commencer",
    "voir-reponse", "durable", "voir-reponse", "competences", "voir-reponse", "coordination",
    "voir-reponse", "forte", "voir-reponse", "petit-mixte", "voir-reponse", "restreinte",
    "continuer", "passer", "conseils", "soins-specialises", "co-animation",
    "continuer", "suite", "continuer", "suite", "continuer", "suite", "charte", "continuer",
    "continuer", "etape-2",
    "modeles", "niveaux", "silos", "suite", "continuer", "oui", "roles", "suite", "mon-role",
    "facilitateur",
]
STANDARD = [
    "La CoP est une structure pérenne, pensée pour durer.",
    "La CoP est centrée sur le développement de nouvelles compétences.",
    "Objectif : améliorer la coordination entre les professionnels et les établissements"
    " médico-sociaux.",
    "Participation : active et fréquente.",
    "Composition : un petit groupe aux profils variés.",
    "Adhésion : restreinte à certains membres.",
    "Première thématique : l’accès aux soins spécialisés.",
    "Gouvernance : une co-animation à plusieurs, en binôme ou en trinôme.",
    "Mon rôle : l’animation d’un groupe thématique. J’anime un groupe de travail sur un sujet"
    " précis.",
]
FALC = ["La CoP est durable.", "La CoP sert à apprendre de nouvelles choses.",
        "Plusieurs personnes animent la CoP ensemble.",
        "Mon rôle : animer un groupe de travail."]


@pytest.fixture(scope="module")
def real_app(tmp_path_factory):
    path = tmp_path_factory.mktemp("documents") / "coach.db"
    return create_app(Settings(store_url=f"sqlite:///{path}", dialogues_dir=DEFAULT_DIRECTORY,
                               rate_limit_per_minute=0, _env_file=None, **CONTACT))


@pytest.fixture
async def client(real_app):
    transport = httpx.ASGITransport(app=real_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


async def play_track(client, falc: bool = False) -> str:
    step = (await client.post("/api/v1/conversations", json={"falc": falc})).json()
    for choice in TRACK:
        offered = [c["id"] for c in step["choices"]]
        assert choice in offered, (step["flow"], step["node"], choice, offered)
        response = await client.post(f"/api/v1/conversations/{step['id']}/turns",
                                     json={"choice": choice})
        assert response.status_code == 200
        step = response.json()
    assert (step["flow"], step["node"]) == ("modeliser", "mon-role-retour")
    return step["id"]


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang, self.h1, self.stack = None, 0, []
        self.headings: list[str] = []
        self.items: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        self.h1 += tag == "h1"
        if tag in ("h2", "h3", "li"):
            self.stack.append((tag, []))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            name, parts = self.stack.pop()
            text = " ".join("".join(parts).split())
            (self.items if name == "li" else self.headings).append(text)
            if self.stack:
                self.stack[-1][1].append(text)

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][1].append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    return parser


async def test_html_draft_contains_the_answers_inline(client):
    cid = await play_track(client)
    response = await client.get(f"/api/v1/conversations/{cid}/document?format=html")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "content-disposition" not in response.headers
    assert response.headers["cache-control"] == "no-store"
    page = parse(response.text)
    assert page.lang == "fr" and page.h1 == 1
    assert {"Feuille de route", "Charte de collaboration", "Durée de vie", "Les rôles"} <= set(
        page.headings)
    for sentence in STANDARD:
        assert sentence in page.items, sentence
    assert "À compléter" in response.text  # the calendar and the rules are left to write
    css = response.text.split('<link rel="stylesheet" href="')[1].split('"')[0]
    assert (await client.get(css)).status_code == 200


async def test_falc_follows_the_conversation_unless_asked(client):
    cid = await play_track(client, falc=True)
    falc = parse((await client.get(f"/api/v1/conversations/{cid}/document")).text)
    for sentence in FALC:
        assert sentence in " ".join(falc.items), sentence
    assert "Le brouillon de ma CoP" in (
        await client.get(f"/api/v1/conversations/{cid}/document")).text
    standard = parse((await client.get(
        f"/api/v1/conversations/{cid}/document?format=html&falc=false")).text)
    assert STANDARD[0] in standard.items and "La CoP est durable." not in " ".join(
        standard.items)


async def test_html_download_is_a_self_contained_attachment(client):
    cid = await play_track(client)
    response = await client.get(f"/api/v1/conversations/{cid}/document?download=true")
    assert response.headers["content-disposition"] == (
        'attachment; filename="feuille-de-route-charte.html"')
    assert "<style>" in response.text and "@media print" in response.text


async def test_docx_draft_has_headings_and_the_answers(client):
    cid = await play_track(client)
    response = await client.get(f"/api/v1/conversations/{cid}/document?format=docx")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        'attachment; filename="feuille-de-route-charte.docx"')
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 2", "Feuille de route") in paragraphs
    assert ("Heading 3", "Composition") in paragraphs
    texts = [text for _style, text in paragraphs]
    for sentence in STANDARD:
        assert sentence in texts, sentence
    assert ("List Bullet", STANDARD[0]) in paragraphs


async def test_odt_draft_has_headings_and_the_answers(client):
    cid = await play_track(client, falc=True)
    response = await client.get(f"/api/v1/conversations/{cid}/document?format=odt")
    assert response.headers["content-type"] == "application/vnd.oasis.opendocument.text"
    document = load_odt(io.BytesIO(response.content))
    headings = [teletype.extractText(h) for h in document.getElementsByType(odftext.H)]
    assert "La charte de collaboration" in headings
    items = [teletype.extractText(i) for i in document.getElementsByType(odftext.ListItem)]
    for sentence in FALC:
        assert sentence in items, sentence


async def test_errors_are_problems(client):
    response = await client.get("/api/v1/conversations/inconnue/document?format=docx")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
    response = await client.get(f"/api/v1/conversations/{cid}/document?format=pdf")
    assert response.status_code == 422
    assert response.json()["code"] == "format-inconnu"
    assert "html, odt, docx" in response.json()["detail"]


async def test_an_empty_draft_still_helps(client):
    cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
    page = parse((await client.get(f"/api/v1/conversations/{cid}/document")).text)
    assert page.h1 == 1
    parts = sum(len(d.sections) for d in load_template().documents)
    assert parts == 23  # the four stages
    assert f"Aucune des {parts} parties n" in (
        await client.get(f"/api/v1/conversations/{cid}/document")).text


async def test_advice_messages_are_flagged_and_take_feedback(client):
    step = (await client.post("/api/v1/conversations", json={"flow": "initier"})).json()
    cid = step["id"]
    for choice in ("continuer", "diagnostic"):
        step = (await client.post(f"/api/v1/conversations/{cid}/turns",
                                  json={"choice": choice})).json()
    flagged = [m for m in step["messages"] if m["feedback"]]
    assert [m["ref"] for m in flagged] == ["initier/diagnostic/2"]  # Léo's advice
    assert not any(m["feedback"] for m in step["messages"] if m["role"] == "user")
    response = await client.post(f"/api/v1/conversations/{cid}/avis",
                                 json={"message": flagged[0]["id"], "utile": True})
    assert response.status_code == 204
    other = next(m for m in step["messages"] if not m["feedback"])
    response = await client.post(f"/api/v1/conversations/{cid}/avis",
                                 json={"message": other["id"], "utile": False})
    assert response.status_code == 422 and response.json()["code"] == "message-sans-avis"
    response = await client.post("/api/v1/conversations/nope/avis",
                                 json={"message": "m1", "utile": True})
    assert response.status_code == 404
    response = await client.post(f"/api/v1/conversations/{cid}/avis",
                                 json={"message": "12", "utile": "oui"})
    assert response.status_code == 422


@pytest.mark.parametrize("outil", ["charte", "feuille-de-route", "guide-contributeurs",
                                   "support-restitution", "retroplanning", "matrice"])
async def test_every_tool_downloads_as_word_opendocument_and_a_printable_page(client, outil):
    for falc in ("false", "true"):
        word = await client.get(f"/api/v1/outils/{outil}?format=docx&falc={falc}")
        assert word.status_code == 200
        assert word.headers["content-type"] == MEDIA_TYPES["docx"]
        assert "public" in word.headers["cache-control"]
        assert word.headers["content-disposition"].endswith(".docx\"")
        assert docx.Document(io.BytesIO(word.content)).paragraphs[0].style.name == "Heading 1"
        opendoc = await client.get(f"/api/v1/outils/{outil}?format=odt&falc={falc}")
        assert opendoc.status_code == 200
        headings = load_odt(io.BytesIO(opendoc.content)).getElementsByType(odftext.H)
        assert teletype.extractText(headings[0])
    page = await client.get(f"/api/v1/outils/{outil}")
    assert page.status_code == 200 and "content-disposition" not in page.headers
    assert parse(page.text).h1 == 1


async def test_an_unknown_tool_or_format_is_a_french_problem(client):
    response = await client.get("/api/v1/outils/inconnu?format=docx")
    assert response.status_code == 404
    assert response.json()["code"] == "outil-inconnu"
    assert "retroplanning" in response.json()["detail"]
    response = await client.get("/api/v1/outils/charte?format=pdf")
    assert response.status_code == 422 and response.json()["code"] == "format-inconnu"
