"""COACH_MAX_TEXT_CHARS is one setting, honoured by the JSON API, its OpenAPI document and
the pages without JavaScript alike."""

from __future__ import annotations

import httpx
import pytest

from coach.api.app import create_app

pytestmark = pytest.mark.anyio


@pytest.fixture
async def short(settings):
    app = create_app(settings.model_copy(update={"max_text_chars": 20}))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        yield client


async def test_the_json_api_refuses_a_text_over_the_setting(short):
    cid = (await short.post("/api/v1/conversations", json={})).json()["id"]
    turns = f"/api/v1/conversations/{cid}/turns"
    response = await short.post(turns, json={"text": "x" * 21})
    assert response.status_code == 422
    assert "20 caractères au plus" in response.json()["detail"]
    assert (await short.post(turns, json={"text": "quiz " * 4})).status_code == 200


async def test_the_openapi_document_states_the_setting(short):
    schemas = (await short.get("/openapi.json")).json()["components"]["schemas"]
    assert schemas["TextTurn"]["properties"]["text"]["maxLength"] == 20


async def test_the_pages_refuse_a_text_over_the_setting_and_keep_it(short):
    created = await short.post("/sans-js", data={"parcours": "demo"})
    page = created.headers["location"].split("#")[0]
    response = await short.post(page, data={"texte": "y" * 21, "cle": "k"})
    assert response.status_code == 422
    assert "20 caractères au plus (il en a 21)" in response.text
    assert "y" * 21 in response.text  # nothing typed is lost
    assert 'maxlength="20"' in response.text


async def test_the_default_is_1000(client):
    cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
    response = await client.post(f"/api/v1/conversations/{cid}/turns", json={"text": "é" * 1001})
    assert response.status_code == 422 and "1000 caractères" in response.json()["detail"]
