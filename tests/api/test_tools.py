"""The authors' pages, the dashboard and /metrics: refused without the token, useful with it."""

from __future__ import annotations

from html.parser import HTMLParser

import httpx
import pytest

from coach.api.app import create_app
from coach.content.issues import Issue

pytestmark = pytest.mark.anyio
TOKEN = "jeton-de-test-3f9a-0123456789abcdef"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
HTML = {"Accept": "text/html"}


@pytest.fixture
def app(settings):
    settings.admin_token = TOKEN
    built = create_app(settings)
    findings = built.state.falc_findings

    def fake_gate(_content):
        return [Issue("FALC-LEN-001", "warning", "dialogues/demo.yaml",
                      "message 1 (FALC) « Une CoP réunit des familles. » : Phrase longue.",
                      "Coupez la phrase.", node="question", line=37)], {}

    findings.compute = fake_gate
    return built


@pytest.fixture
async def client(app):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as http:
        yield http


class Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.lang = None
        self.inline = 0
        self.th_without_scope = 0
        self.tables_without_caption = 0
        self._table_has_caption: list[bool] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag in ("style", "script") or "style" in attrs or any(
                a.startswith("on") for a in attrs):
            self.inline += 1
        if tag == "th" and "scope" not in attrs:
            self.th_without_scope += 1
        if tag == "table":
            self._table_has_caption.append(False)
        if tag == "caption" and self._table_has_caption:
            self._table_has_caption[-1] = True

    def handle_endtag(self, tag):
        if tag == "table" and not self._table_has_caption.pop():
            self.tables_without_caption += 1


def check_page(text: str) -> Structure:
    page = Structure()
    page.feed(text)
    assert page.lang == "fr"
    assert page.tags.count("h1") == 1
    assert page.tags.count("main") == 1
    assert page.inline == 0
    assert page.th_without_scope == 0 and page.tables_without_caption == 0
    return page


@pytest.mark.parametrize("path", ["/admin", "/admin/export.csv", "/authoring",
                                  "/authoring/parcours/demo", "/authoring/diagramme/demo/dot"])
async def test_tool_pages_refuse_without_the_token(client, path):
    response = await client.get(path)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "jeton-requis"
    assert response.headers["www-authenticate"].startswith("Bearer")
    wrong = await client.get(path, headers={"Authorization": "Bearer mauvais"})
    assert wrong.status_code == 401


async def test_a_browser_gets_a_login_form_then_a_cookie(client):
    response = await client.get("/admin", headers=HTML)
    assert response.status_code == 401
    page = check_page(response.text)
    assert "input" in page.tags and 'for="jeton"' in response.text
    refused = await client.post("/admin/connexion", data={"jeton": "non"}, headers=HTML)
    assert refused.status_code == 401 and 'role="alert"' in refused.text
    accepted = await client.post("/admin/connexion", data={"jeton": TOKEN})
    assert accepted.status_code == 303
    cookie = accepted.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/admin" in cookie
    assert TOKEN not in cookie
    assert (await client.get("/admin", headers=HTML)).status_code == 200
    # the cookie is for /admin only
    assert (await client.get("/authoring", headers=HTML)).status_code == 401
    await client.post("/admin/deconnexion")
    assert (await client.get("/admin", headers=HTML)).status_code == 401


async def test_without_a_configured_token_the_tools_do_not_exist(settings):
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        response = await client.get("/admin", headers=BEARER)
        assert response.status_code == 404
        assert "COACH_ADMIN_TOKEN" in response.json()["detail"]
        page = await client.get("/authoring", headers=HTML)
        assert page.status_code == 404 and "COACH_ADMIN_TOKEN" in page.text


async def test_dashboard_shows_figures_as_charts_and_tables(client):
    cid = (await client.post("/api/v1/conversations", json={"falc": True})).json()["id"]
    for choice in ("quiz", "vrai", "terminer"):
        await client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": choice})
    response = await client.get("/admin", headers=BEARER)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    page = check_page(response.text)
    assert page.tags.count("svg") >= 4
    assert 'role="img"' in response.text and "<title id=" in response.text
    assert "<desc id=" in response.text
    assert "<strong>100 %</strong> Part des tours en facile à lire" in response.text
    assert '<th scope="row">demo : fin</th><td class="nombre">1</td>' in response.text
    assert "<caption>Visites, départs et abandons par étape</caption>" in response.text
    csv = await client.get("/admin/export.csv", headers=BEARER)
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    lines = csv.text.lstrip("\ufeff").splitlines()
    assert lines[0] == "version_contenu,jour,compteur,parcours,noeud,detail,nombre"
    assert any(",fin,demo,fin,," in line for line in lines)
    assert any(",score,demo,resultat,score=1,1" in line for line in lines)


async def test_authoring_index_lists_flows_coverage_and_problems(app, client):
    app.state.falc_findings.wait(10)
    response = await client.get("/authoring", headers=BEARER)
    assert response.status_code == 200
    check_page(response.text)
    assert '<a href="/authoring/parcours/demo">demo</a>' in response.text
    assert "Couverture de la carte du contenu" in response.text
    assert 'href="/authoring/parcours/demo#noeud-question"' in response.text  # the FALC finding


async def test_authoring_flow_page_outline_diagram_and_messages(app, client):
    app.state.falc_findings.wait(10)
    response = await client.get("/authoring/parcours/demo", headers=BEARER)
    assert response.status_code == 200
    page = check_page(response.text)
    assert 'id="noeud-menu"' in response.text
    assert 'Choix « Faire le quiz » (quiz) vers <a href="#noeud-question">' in response.text
    assert '<a href="/authoring/parcours/autre#noeud-debut">' in response.text
    assert page.tags.count("svg") == 1 and 'role="img"' in response.text
    assert "Une CoP réunit des familles. Vrai ou faux ?" in response.text  # FALC column
    assert "[FALC-LEN-001]" in response.text
    assert "Non relu" in response.text
    dot = await client.get("/authoring/diagramme/demo/dot", headers=BEARER)
    assert dot.text.startswith('digraph "demo"')
    assert (await client.get("/authoring/parcours/inconnu", headers=BEARER)).status_code == 404
    former = await client.get("/authoring/flux/demo", headers=BEARER)  # before « parcours »
    assert former.status_code == 308 and former.headers["location"] == "/authoring/parcours/demo"


async def test_metrics_expose_the_expected_names(client):
    cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
    await client.post(f"/api/v1/conversations/{cid}/turns", json={"text": "le quiz"})
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    for name in ("coach_http_requests_total", "coach_http_request_duration_seconds_bucket",
                 "coach_turns_total", "coach_conversations_started_total",
                 "coach_store_errors_total"):
        assert name in text, name
    assert 'route="/api/v1/conversations/{conversation_id}/turns"' in text
    assert cid not in text


async def test_metrics_count_each_request_once_and_keep_methods_few(client):
    def served(text: str, method: str, status: str) -> float:
        line = next((row for row in text.splitlines()
                     if row.startswith("coach_http_requests_total{")
                     and f'method="{method}"' in row and 'route="/api/v1/flows"' in row
                     and f'status="{status}"' in row), None)
        return float(line.rsplit(" ", 1)[1]) if line else 0.0

    before = (await client.get("/metrics")).text
    for _ in range(3):
        await client.get("/api/v1/flows")
    await client.request("BREW", "/api/v1/flows")
    after = (await client.get("/metrics")).text
    assert served(after, "GET", "200") - served(before, "GET", "200") == 3
    assert served(after, "AUTRE", "405") - served(before, "AUTRE", "405") == 1
    assert 'method="BREW"' not in after


async def test_metrics_token(settings):
    settings.metrics_token = "m3tr1cs-jeton-de-mesure-0123456789"
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        assert (await client.get("/metrics")).status_code == 401
        ok = await client.get("/metrics", headers={
            "Authorization": "Bearer m3tr1cs-jeton-de-mesure-0123456789"})
        assert ok.status_code == 200
