"""Hardening of the HTTP doors: caching, framing, errors without tracebacks, body limits,
admin dates, the API documentation's assets."""

from __future__ import annotations

import logging

import httpx
import pytest

from coach.api.app import create_app

pytestmark = pytest.mark.anyio
TOKEN = "jeton-de-test-3f9a-assez-long-pour-la-regle"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def app(settings):
    settings.admin_token = TOKEN
    return create_app(settings)



async def start(client) -> str:
    created = await client.post("/api/v1/conversations", json={})
    assert created.status_code == 201
    return created.json()["id"]


async def test_answers_holding_a_conversation_are_never_stored_by_caches(client):
    cid = await start(client)
    answers = [
        await client.get(f"/api/v1/conversations/{cid}"),
        await client.post(f"/api/v1/conversations/{cid}/turns", json={"text": "menu"}),
        await client.patch(f"/api/v1/conversations/{cid}", json={"falc": True}),
        await client.get("/sans-js"),
    ]
    for answer in answers:
        assert answer.status_code < 400, answer.text
        assert answer.headers["cache-control"] == "no-store", answer.request.url
    created = await client.post("/api/v1/conversations", json={})
    assert created.headers["cache-control"] == "no-store"


async def test_partner_origins_may_frame_the_tchat_only(client):
    def ancestors(answer: httpx.Response) -> str:
        csp = answer.headers["content-security-policy"]
        return csp.split("frame-ancestors", 1)[1].strip()

    assert ancestors(await client.get("/sans-js")) == "'self' https://partenaire.example"
    assert ancestors(await client.get("/")) == "'self' https://partenaire.example"
    for path in ("/admin", "/authoring"):
        answer = await client.get(path, headers={"Accept": "text/html"})
        assert ancestors(answer) == "'none'", path
        assert answer.headers["x-frame-options"] == "DENY"
    for path in ("/docs", "/confidentialite", "/api/v1/flows"):
        assert ancestors(await client.get(path)) == "'self'", path


async def test_a_chunked_body_over_the_limit_gets_413(client):
    async def chunks():
        for _ in range(200):
            yield b"x" * 1024

    for path in ("/api/v1/conversations", "/api/v1/conversations/abc/turns"):
        answer = await client.post(path, content=chunks(),
                                   headers={"content-type": "application/json"})
        assert answer.status_code == 413, (path, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert "trop grande" in answer.json()["title"]


async def test_an_unexpected_error_answers_in_french_and_logs_no_traceback(app, client, caplog):
    secret = "texte tapé par une personne"

    @app.get("/boum-de-test")
    async def boom() -> None:
        raise RuntimeError(secret)

    with caplog.at_level(logging.DEBUG):
        answer = await client.get("/boum-de-test")
    assert answer.status_code == 500
    assert answer.json()["code"] == "erreur-interne"
    assert "inattendue" in answer.json()["detail"]
    logged = "\n".join(r.getMessage() + str(r.exc_info) + str(r.exc_text) for r in caplog.records)
    assert "RuntimeError" in logged
    assert secret not in logged and "Traceback" not in logged
    assert all(r.exc_info is None for r in caplog.records)


@pytest.mark.parametrize("query", ["jusqua=0001-01-01", "depuis=0001-01-01",
                                   "depuis=9999-12-31", "jusqua=2026-02-30",
                                   "depuis=hier", "jusqua=2026-13-01"])
async def test_malformed_admin_dates_get_a_french_422(client, query):
    page = await client.get(f"/admin?{query}", headers=BEARER)
    assert page.status_code == 422, page.text
    assert ("date" in page.text and "AAAA-MM-JJ" in page.text) or "comprise entre" in page.text
    export = await client.get(f"/admin/export.csv?{query}", headers=BEARER)
    assert export.status_code == 422
    assert export.json()["code"] == "dates-invalides"


async def test_admin_dates_within_bounds_still_work(client):
    page = await client.get("/admin?depuis=2026-01-01&jusqua=2026-01-31", headers=BEARER)
    assert page.status_code == 200
    assert "1er janvier 2026" in page.text


async def test_docs_serve_only_the_assets_the_page_needs(client):
    docs = await client.get("/docs")
    assert docs.status_code == 200
    for asset in ("/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"):
        assert asset in docs.text
        answer = await client.get(asset)
        assert answer.status_code == 200 and len(answer.content) > 10_000
    for hidden in ("index.html", "oauth2-redirect.html", "swagger-ui-bundle.js.map",
                   "swagger-ui.css.map", "swagger-initializer.js", "favicon-32x32.png"):
        assert (await client.get(f"/docs-assets/{hidden}")).status_code == 404, hidden


async def test_logout_revokes_the_session_even_if_the_cookie_is_kept(client):
    accepted = await client.post("/admin/connexion", data={"jeton": TOKEN})
    assert accepted.status_code == 303
    session = client.cookies.get("coach_admin")
    assert session and TOKEN not in session
    assert (await client.get("/admin", headers={"Accept": "text/html"})).status_code == 200
    await client.post("/admin/deconnexion")
    # Someone who copied the cookie before the logout replays it: refused.
    client.cookies.clear()
    replay = await client.get("/admin", headers={"Accept": "text/html",
                                                 "Cookie": f"coach_admin={session}"})
    assert replay.status_code == 401


async def test_sessions_are_seen_by_every_process_and_die_with_the_token(settings):
    settings.admin_token = TOKEN
    first, second = create_app(settings), create_app(settings)  # two processes, one store
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=first),
                                 base_url="http://test") as one, \
            httpx.AsyncClient(transport=httpx.ASGITransport(app=second),
                              base_url="http://test") as other:
        await one.post("/admin/connexion", data={"jeton": TOKEN})
        session = one.cookies.get("coach_admin")
        seen = await other.get("/admin", headers={"Cookie": f"coach_admin={session}"})
        assert seen.status_code == 200
        forged = await other.get("/admin", headers={"Cookie": "coach_admin=" + "0" * 32})
        assert forged.status_code == 401
        await one.post("/admin/deconnexion")
        revoked = await other.get("/admin", headers={"Cookie": f"coach_admin={session}"})
        assert revoked.status_code == 401
    settings.admin_token = "un-tout-autre-jeton-de-service-0123456789"
    rotated = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=rotated),
                                 base_url="http://test") as client:
        await client.post("/admin/connexion",
                          data={"jeton": "un-tout-autre-jeton-de-service-0123456789"})
        kept = client.cookies.get("coach_admin")
    settings.admin_token = TOKEN + "-change"
    after_rotation = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=after_rotation),
                                 base_url="http://test") as client:
        answer = await client.get("/admin", headers={"Cookie": f"coach_admin={kept}"})
        assert answer.status_code == 401


@pytest.mark.parametrize("variable", ["COACH_ADMIN_TOKEN", "COACH_METRICS_TOKEN"])
def test_short_tokens_are_refused_at_start_up_in_french(tmp_path, variable):
    import os
    import subprocess
    import sys

    env = {**os.environ, variable: "court-123", "COACH_STORE_URL":
           f"sqlite:///{tmp_path}/c.db"}
    done = subprocess.run([sys.executable, "-m", "coach.cli", "serve", "--port", "9"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert variable in done.stderr and "au moins 24" in done.stderr
    assert "Traceback" not in done.stderr


async def test_an_idempotency_key_reused_for_another_turn_gets_422(client):
    cid = await start(client)
    url = f"/api/v1/conversations/{cid}/turns"
    key = {"Idempotency-Key": "tour-1"}
    first = await client.post(url, json={"choice": "quiz"}, headers=key)
    assert first.status_code == 200
    before = (await client.get(f"/api/v1/conversations/{cid}")).json()
    other = await client.post(url, json={"text": "autre chose"}, headers=key)
    assert other.status_code == 422
    assert other.json()["code"] == "cle-idempotence-reutilisee"
    assert "nouvelle clé" in other.json()["detail"]
    after = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert after["messages"] == before["messages"]  # nothing was played
    again = await client.post(url, json={"choice": "quiz"}, headers=key)
    assert again.status_code == 200 and again.headers["idempotent-replayed"] == "true"


def test_keys_remembered_before_fingerprints_still_replay(engine):
    from coach.engine.engine import ChoiceInput

    step = engine.start()
    played = engine.play(step.record, ChoiceInput("quiz"), "ancienne-cle")
    record = played.record
    older = record.idempotency_steps["ancienne-cle"][:2]  # a key remembered by an older version
    record.idempotency_steps["ancienne-cle"] = older
    replayed = engine.play(record, ChoiceInput("autre"), "ancienne-cle")
    assert replayed.replayed
    assert [m.text for m in replayed.messages] == [m.text for m in played.messages]
