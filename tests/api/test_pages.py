"""The pages without JavaScript over HTTP (httpx against the ASGI app, real SQLite files
and a real redis-server): each route, and its 404, 409, 413, 422 and 503 answers.
tests/browser/test_nojs.py walks the same pages in Chromium."""

from __future__ import annotations

import re
import sqlite3
from html import escape

import httpx
import pytest

from coach.api.app import create_app
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine
from coach.engine.record import Record
from coach.store.redis import RedisStore
from coach.store.sqlite import SQLiteStore
from tests.conftest import CONTACT, FIXTURE_DIALOGUES, RedisServer

pytestmark = pytest.mark.anyio


def client_for(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def start(client, **fields) -> str:
    """A new conversation; its page's path."""
    response = await client.post("/sans-js", data={"parcours": "demo", **fields})
    assert response.status_code == 303
    path, fragment = response.headers["location"].split("#")
    assert re.fullmatch(r"/sans-js/[\w-]{22}", path)
    assert fragment == "dernier"  # at the coach's first message, not at the page's tools
    return path


def form_key(page: str) -> str:
    return re.search(r'name="cle" value="([^"]+)"', page).group(1)


async def test_the_start_page_offers_every_flow(client):
    response = await client.get("/sans-js")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert 'value="demo" checked' in response.text
    # « autre » is offered as the home menu's choice that leads to it (same place, same
    # values set as the button).
    assert 'value="menu:ailleurs"' in response.text
    assert "<script" not in response.text


async def test_the_start_page_starts_first_then_lists_the_journeys(client):
    """A parent with little time starts at the top (standard or easy to read), before the
    list of journeys; each button has its own name and no id is used twice."""
    page = (await client.get("/sans-js")).text
    top, journeys = re.findall(r"<form\b.*?</form>", page, re.S)
    assert 'name="parcours"' not in top
    assert '<button type="submit" class="principal">Commencer la conversation</button>' in top
    assert '<button type="submit" name="falc" value="1">Commencer en facile à lire</button>' in top
    assert 'type="radio"' in journeys and ">Commencer ce parcours</button>" in journeys
    names = re.findall(r"<button\b[^>]*>([^<]*)</button>", page)
    assert len(names) == len(set(names)) == 3
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    # The top's easy-to-read button: the welcome, in easy to read.
    response = await client.post("/sans-js", data={"falc": "1"})
    assert response.status_code == 303
    started = (await client.get(response.headers["location"])).text
    assert 'class="page coach falc"' in started and 'aria-pressed="true"' in started
    # Its words too: « sans JavaScript » means nothing to many readers of easy to read.
    assert "Chaque réponse ouvre la page de nouveau." in started
    assert "Version sans JavaScript" not in started


async def test_a_choice_is_played_then_shown(client):
    path = await start(client)
    page = (await client.get(path)).text
    assert "Que voulez-vous faire" in page and 'value="quiz"' in page
    response = await client.post(path, data={"choix": "quiz", "cle": form_key(page)})
    assert response.status_code == 303 and response.headers["location"] == path + "#dernier"
    page = (await client.get(path)).text
    assert "Vous avez choisi : " in page and "Une CoP réunit-elle des familles" in page
    assert 'value="vrai"' in page


async def test_a_double_submit_plays_once(client):
    path = await start(client)
    key = form_key((await client.get(path)).text)
    for _ in range(3):
        assert (await client.post(path, data={"choix": "quiz", "cle": key})).status_code == 303
    text = (await client.get(path + "/transcription.txt")).text
    assert text.count("Faire le quiz") == 1


async def test_typed_text_falc_and_transcripts(client):
    path = await start(client)
    assert (await client.post(path, data={"texte": "je veux jouer"})).status_code == 303
    assert (await client.post(path + "/falc", data={"falc": "1"})).status_code == 303
    page = (await client.get(path)).text
    assert 'aria-pressed="true"' in page and 'class="page coach falc"' in page
    assert "Vous avez écrit : " in page
    printable = await client.get(path + "/transcription")
    assert printable.status_code == 200 and "je veux jouer" in printable.text
    download = await client.get(path + "/transcription.txt")
    assert download.headers["content-disposition"].startswith("attachment")
    assert download.text.startswith("\ufeffConversation avec le coach CoP")
    assert "Vous :\r\nje veux jouer" in download.text


async def test_restart_and_delete_ask_first(client):
    path = await start(client)
    restart = await client.get(path + "/recommencer")
    assert restart.status_code == 200 and 'name="choix" value="recommencer"' in restart.text
    confirm = await client.get(path + "/supprimer")
    assert confirm.status_code == 200 and "Oui, tout supprimer" in confirm.text
    deleted = await client.post(path + "/supprimer")
    assert deleted.status_code == 303 and deleted.headers["location"] == "/sans-js?supprimee=1"
    assert "Votre conversation est supprimée" in (await client.get("/sans-js?supprimee=1")).text
    assert (await client.get(path)).status_code == 404


@pytest.mark.parametrize("method, suffix", [
    ("GET", ""), ("POST", ""), ("POST", "/falc"), ("GET", "/transcription"),
    ("GET", "/transcription.txt"), ("GET", "/recommencer"), ("GET", "/supprimer")])
@pytest.mark.parametrize("cid", ["inconnue", "x" * 65])
async def test_an_unknown_conversation_is_a_french_404_page(client, method, suffix, cid):
    response = await client.request(method, f"/sans-js/{cid}{suffix}",
                                     data={"choix": "quiz"} if method == "POST" else None)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Conversation introuvable" in response.text
    assert 'href="/sans-js">Commencer une nouvelle conversation' in response.text


@pytest.mark.parametrize("fields, words", [
    ({"texte": "   "}, "Le message est vide"),
    ({"texte": "mot " * 300}, "1000 caractères au plus (il en a 1200)"),
    ({"choix": "vrai"}, "Ce choix n’est plus proposé à cette étape"),
])
async def test_what_cannot_be_played_is_a_422_page_that_keeps_the_text(client, fields, words):
    path = await start(client)
    response = await client.post(path, data=fields)
    assert response.status_code == 422
    assert re.search(r'<p id="erreur" class="erreur" role="alert">[^<]*' + re.escape(escape(words)),
                     response.text)
    assert response.text.count("<title>Erreur : Conversation") == 1
    if "texte" in fields and fields["texte"].strip():
        assert fields["texte"] + "</textarea>" in response.text  # nothing typed is lost
    assert "Faire le quiz" not in (await client.get(path + "/transcription.txt")).text


async def test_an_oversized_form_is_refused_with_413(client):
    path = await start(client)
    response = await client.post(path, data={"texte": "a" * 20_000})
    assert response.status_code == 413
    assert "dépasse" in response.json()["detail"]


class RacingStore:
    """A real SQLite store where, before each save, another process really plays « aide »
    on the same conversation first (so this turn's compare-and-set always fails)."""

    def __init__(self, inner: SQLiteStore, engine: Engine) -> None:
        self.inner, self.engine = inner, engine
        self.retention_seconds = inner.retention_seconds
        self.racing = False

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def save_many(self, saves):
        for cid, _data, _version in saves if self.racing else ():
            stored, version = self.inner.load(cid)
            competing = self.engine.play(Record.from_bytes(stored), ChoiceInput("aide"))
            self.inner.save(cid, competing.record.to_bytes(), version)
        return self.inner.save_many(saves)


async def test_a_turn_that_keeps_losing_the_race_is_a_409_page(settings, tmp_path):
    backend = SQLiteStore(tmp_path / "race.db", 3600)
    store = RacingStore(backend, Engine(load_content(FIXTURE_DIALOGUES), CONTACT))
    async with client_for(create_app(settings, store=store)) as client:
        path = await start(client)
        store.racing = True
        response = await client.post(path, data={"choix": "quiz"})
        assert response.status_code == 409
        assert "Conversation modifiée en même temps" in response.text
        assert f'href="{path}">Revenir à la conversation' in response.text
        assert (await client.post(path + "/falc", data={"falc": "1"})).status_code == 409
        store.racing = False
        text = (await client.get(path + "/transcription.txt")).text
        assert "Faire le quiz" not in text  # never half-played
        assert (await client.post(path, data={"choix": "quiz"})).status_code == 303
    backend.close()


async def test_a_locked_store_is_a_503_page_that_keeps_the_form(settings, tmp_path):
    db = tmp_path / "locked.db"
    backend = SQLiteStore(db, 3600, busy_timeout_ms=50)
    async with client_for(create_app(settings, store=backend)) as client:
        path = await start(client)
        blocker = sqlite3.connect(db, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            for method, suffix, data in [("POST", "", {"texte": "je veux jouer", "cle": "k1"}),
                                         ("POST", "/falc", {"falc": "1"}),
                                         ("POST", "/supprimer", {})]:
                response = await client.request(method, path + suffix, data=data)
                assert response.status_code == 503, (method, suffix)
                assert response.headers["retry-after"] == "5"
                assert "Rien n’est perdu" in response.text
            typed = await client.post(path, data={"texte": "je veux jouer", "cle": "k1"})
            assert f'<form method="post" action="{path}">' in typed.text
            assert '<input type="hidden" name="texte" value="je veux jouer">' in typed.text
            assert (await client.post("/sans-js", data={"parcours": "demo"})).status_code == 503
            assert (await client.get(path)).status_code == 200  # WAL: reading still works
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        # « Réessayer » sends the same fields: played once, nothing lost.
        assert (await client.post(path, data={"texte": "je veux jouer", "cle": "k1"})
                ).status_code == 303
        text = (await client.get(path + "/transcription.txt")).text
        assert text.count("je veux jouer") == 1
    backend.close()


async def test_a_stopped_redis_server_is_a_503_page_then_nothing_is_lost(settings, tmp_path):
    server = RedisServer(tmp_path / "redis", persistent=True)
    (tmp_path / "redis").mkdir()
    server.start()
    backend = RedisStore(server.url, 3600, timeout=0.5)
    try:
        async with client_for(create_app(settings, store=backend)) as client:
            path = await start(client)
            server.stop()
            shown = await client.get(path)
            assert shown.status_code == 503 and shown.headers["retry-after"] == "5"
            typed = await client.post(path, data={"texte": "je veux jouer", "cle": "k2"})
            assert typed.status_code == 503
            assert '<input type="hidden" name="texte" value="je veux jouer">' in typed.text
            server.start()  # the same port, its append-only file read back
            retried = await client.post(path, data={"texte": "je veux jouer", "cle": "k2"})
            assert retried.status_code == 303
            text = (await client.get(path + "/transcription.txt")).text
            assert text.count("je veux jouer") == 1
    finally:
        backend.close()
        server.stop()


BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.mark.parametrize("path", ["/inexistant", "/sans-js/x/y/z", "/coach-static/absent.css"])
async def test_a_wrong_address_opened_in_a_browser_is_a_french_page(client, path):
    """A mistyped link showed the API's problem as raw JSON to a person."""
    response = await client.get(path, headers=BROWSER)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="fr">' in response.text and "<h1>Page introuvable</h1>" in response.text
    assert 'href="/">Aller à l’accueil du coach</a>' in response.text


async def test_a_wrong_address_asked_by_a_program_stays_a_problem_in_json(client):
    response = await client.get("/inexistant", headers={"accept": "application/json"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "introuvable"


async def test_the_missing_page_under_the_static_files_links_the_app_s_own_stylesheet(client):
    response = await client.get("/coach-static/absent.css", headers=BROWSER)
    assert 'href="/coach-static/outils.css"' in response.text


async def test_easy_to_read_is_also_under_the_answers(client):
    """The page opens at the last messages: after a few steps the only « Facile à lire »
    was screens above. It is also under the answers, and both switch the same way."""
    path = await start(client)
    page = (await client.get(path)).text
    switches = [m.start() for m in re.finditer(r'action="[^"]*/falc"', page)]
    assert len(switches) == 2
    assert switches[-1] > page.index('name="texte"')  # below the text field
    assert (await client.post(path + "/falc", data={"falc": "1"})).status_code == 303
    page = (await client.get(path)).text
    assert page.count('aria-pressed="true"') == 2


async def test_easy_to_read_says_in_words_that_it_is_on(client):
    """The tchat with JavaScript shows « Facile à lire : activé »; the pages without it
    said nothing but `aria-pressed` (tried on a phone: nothing on screen told it was on).
    Both switches say it when on, neither when off."""
    path = await start(client)
    buttons = re.findall(r'<button type="submit" aria-pressed="(\w+)">(.*?)</button>',
                         (await client.get(path)).text)
    assert [(pressed, re.sub("<[^>]+>", "", label)) for pressed, label in buttons] == [
        ("false", "Facile à lire")] * 2
    await client.post(path + "/falc", data={"falc": "1"})
    buttons = re.findall(r'<button type="submit" aria-pressed="(\w+)">(.*?)</button>',
                         (await client.get(path)).text)
    assert [(pressed, re.sub("<[^>]+>", "", label)) for pressed, label in buttons] == [
        ("true", "Facile à lire : activé")] * 2
