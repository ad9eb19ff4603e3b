"""One limiter for every door: the no-JavaScript pages, feedback, documents and the API count
against one allowance per address; failed logins and Bearer checks back off exponentially;
X-Forwarded-For only counts from a trusted proxy."""

from __future__ import annotations

import httpx
import pytest

from coach.api import ratelimit
from coach.api.app import create_app

pytestmark = pytest.mark.anyio
TOKEN = "jeton-de-test-3f9a-assez-long"
HTML = {"Accept": "text/html"}


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(ratelimit, "wall_clock", fake)
    return fake


def client_for(app, address: str = "203.0.113.7") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def test_400_posts_to_the_pages_without_javascript_get_429s(settings, clock):
    async with client_for(create_app(settings)) as client:
        statuses = []
        for _ in range(400):
            response = await client.post("/sans-js", data={"flux": ""}, headers=HTML)
            statuses.append(response.status_code)
        assert statuses[:300] == [303] * 300, set(statuses[:300])
        assert statuses[300:] == [429] * 100
        assert 60 <= int(response.headers["retry-after"]) <= 61  # the minute, then a slide
        assert response.headers["content-type"].startswith("text/html")
        assert "Attendez" in response.text and "facile à lire" in response.text
        clock.now += 120  # two minutes later the allowance is back
        assert (await client.post("/sans-js", data={"flux": ""}, headers=HTML)).status_code == 303


async def test_feedback_documents_and_api_share_one_allowance(settings, clock):
    limited = settings.model_copy(update={"rate_limit_per_minute": 4})
    async with client_for(create_app(limited)) as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        await client.post(f"/api/v1/conversations/{cid}/avis", json={"message": "m1",
                                                                      "utile": True})
        await client.get(f"/api/v1/conversations/{cid}/document")
        await client.post(f"/sans-js/{cid}", data={"choix": "quiz"}, headers=HTML)
        refused = await client.post(f"/api/v1/conversations/{cid}/avis",
                                    json={"message": "m1", "utile": True})
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["detail_falc"]
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/sans-js", headers=HTML)).status_code == 200  # reading is free
    async with client_for(create_app(limited), "198.51.100.9") as other:
        assert (await other.post("/api/v1/conversations", json={})).status_code == 201


async def test_wrong_admin_tokens_get_429_with_a_growing_retry_after(settings, clock):
    settings.admin_token = TOKEN
    async with client_for(create_app(settings)) as client:
        statuses, waits = [], []
        for _ in range(400):
            response = await client.post("/admin/connexion", data={"jeton": "devine"},
                                         headers=HTML)
            statuses.append(response.status_code)
            if response.status_code == 429:
                waits.append(int(response.headers["retry-after"]))
        assert statuses[:5] == [401] * 5
        assert statuses[5] == 401  # the sixth failure starts the wait (1 s)
        assert set(statuses[6:]) == {429}
        assert waits[:10] == [2, 4, 8, 16, 32, 64, 128, 256, 512, 900]
        assert waits == sorted(waits) and waits[-1] == 900  # at most 15 minutes
        # Even the right token waits: the address is blocked, not the token.
        blocked = await client.post("/admin/connexion", data={"jeton": TOKEN}, headers=HTML)
        assert blocked.status_code == 429 and "essais de connexion" in blocked.text
        clock.now += 901
        accepted = await client.post("/admin/connexion", data={"jeton": TOKEN})
        assert accepted.status_code == 303
        # The success forgets the failures: a new mistake is not blocked at once.
        again = await client.post("/admin/connexion", data={"jeton": "devine"}, headers=HTML)
        assert again.status_code == 401


@pytest.mark.parametrize("path", ["/authoring", "/admin", "/metrics"])
async def test_bearer_guesses_back_off_too(settings, clock, path):
    settings.admin_token = TOKEN
    settings.metrics_token = TOKEN
    async with client_for(create_app(settings)) as client:
        statuses = [(await client.get(path, headers={"Authorization": f"Bearer devine-{i}"}))
                    .status_code for i in range(400)]
        assert statuses[:6] == [401] * 6 and set(statuses[6:]) == {429}
        # Another address is not blocked, and the right token works there.
    async with client_for(create_app(settings), "198.51.100.9") as other:
        ok = await other.get(path, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200


async def test_an_open_session_cookie_is_not_watched(settings, clock):
    """Only requests that present credentials count as attempts."""
    settings.admin_token = TOKEN
    async with client_for(create_app(settings)) as client:
        assert (await client.post("/admin/connexion", data={"jeton": TOKEN})).status_code == 303
        for _ in range(50):
            assert (await client.get("/admin", headers=HTML)).status_code == 200


async def test_x_forwarded_for_is_ignored_unless_from_a_trusted_proxy(settings, clock):
    limited = settings.model_copy(update={"rate_limit_per_minute": 2})
    async with client_for(create_app(limited), "127.0.0.1") as client:
        statuses = [(await client.post("/api/v1/conversations", json={},
                                       headers={"X-Forwarded-For": f"192.0.2.{i}"}))
                    .status_code for i in range(5)]
        assert statuses == [201, 201, 429, 429, 429]
    trusting = limited.model_copy(update={"trusted_proxies": ["127.0.0.0/8", "10.0.0.5"]})
    async with client_for(create_app(trusting), "127.0.0.1") as proxy:
        statuses = [(await proxy.post("/api/v1/conversations", json={},
                                      headers={"X-Forwarded-For": f"192.0.2.{i}"}))
                    .status_code for i in range(5)]
        assert statuses == [201] * 5  # five real clients, one request each
        # A client cannot pick its address by writing the header itself: the proxies
        # append the address they saw, and that one (rightmost untrusted) counts.
        spoofed = [(await proxy.post("/api/v1/conversations", json={},
                                     headers={"X-Forwarded-For": f"1.1.1.{i}, 198.51.100.4,"
                                                                 " 10.0.0.5"}))
                   .status_code for i in range(4)]
        assert spoofed == [201, 201, 429, 429]
    async with client_for(create_app(trusting), "198.51.100.20") as direct:
        statuses = [(await direct.post("/api/v1/conversations", json={},
                                       headers={"X-Forwarded-For": f"192.0.2.{i}"}))
                    .status_code for i in range(3)]
        assert statuses == [201, 201, 429]  # not a trusted proxy: its header is ignored
