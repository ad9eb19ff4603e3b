"""The chat API as the README's table and docs/api.md say, through httpx against the ASGI app."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.anyio

PROBLEM = "application/problem+json"


async def start(client, **body):
    response = await client.post("/api/v1/conversations", json=body)
    assert response.status_code == 201
    return response.json()


async def test_create_returns_a_step(client):
    response = await client.post("/api/v1/conversations", json={})
    assert response.status_code == 201
    step = response.json()
    assert set(step) >= {"id", "falc", "messages", "choices"}
    assert step["falc"] is False
    assert response.headers["location"] == f"/api/v1/conversations/{step['id']}"
    message = step["messages"][0]
    assert set(message) >= {"id", "speaker", "text"}
    assert message["speaker"] == {"id": "coach", "name": "Le coach"}
    assert step["choices"] == [{"id": "quiz", "label": "Faire le quiz"},
                               {"id": "ailleurs", "label": "Aller dans l'autre parcours"}]
    assert step["draft"] == {"offered": False, "here": False}  # no journey builds one here


async def test_create_without_body_and_in_falc(client):
    assert (await client.post("/api/v1/conversations")).status_code == 201
    step = await start(client, flow="demo", falc=True)
    assert step["falc"] is True and step["messages"][0]["text"] == "Bonjour."


async def test_turn_returns_only_new_messages(client):
    step = await start(client)
    response = await client.post(f"/api/v1/conversations/{step['id']}/turns",
                                 json={"choice": "quiz"})
    assert response.status_code == 200
    turn = response.json()
    assert [m["role"] for m in turn["messages"]] == ["user", "bot"]
    assert turn["messages"][0]["text"] == "Faire le quiz"
    assert turn["messages"][1]["speaker"]["name"] == "Léo"
    assert [c["id"] for c in turn["choices"]] == ["vrai", "faux"]


async def test_typed_text_that_matches_nothing_gets_a_reply_not_an_error(client):
    step = await start(client)
    response = await client.post(f"/api/v1/conversations/{step['id']}/turns",
                                 json={"text": "blablabla xyz"})
    assert response.status_code == 200
    turn = response.json()
    assert turn["messages"][-1]["ref"] == "coach/pas-compris"
    assert [c["id"] for c in turn["choices"]] == ["quiz", "ailleurs"]


async def test_get_returns_the_whole_transcript(client):
    step = await start(client)
    cid = step["id"]
    await client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": "quiz"})
    await client.post(f"/api/v1/conversations/{cid}/turns", json={"text": "vrai"})
    conversation = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert conversation["id"] == cid
    roles = [m["role"] for m in conversation["messages"]]
    assert roles.count("user") == 2
    assert conversation["messages"][0]["text"] == "Bonjour, je suis le coach de démonstration."
    assert len({m["id"] for m in conversation["messages"]}) == len(conversation["messages"])


async def test_patch_rerenders_in_falc(client):
    step = await start(client)
    cid = step["id"]
    await client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": "quiz"})
    response = await client.patch(f"/api/v1/conversations/{cid}", json={"falc": True})
    assert response.status_code == 200
    body = response.json()
    assert body["falc"] is True
    assert body["messages"][0]["text"] == "Bonjour."
    assert body["messages"][-1]["text"] == "Une CoP réunit des familles. Vrai ou faux ?"
    again = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert again["falc"] is True


async def test_delete_then_404(client):
    cid = (await start(client))["id"]
    assert (await client.delete(f"/api/v1/conversations/{cid}")).status_code == 204
    for response in [await client.get(f"/api/v1/conversations/{cid}"),
                     await client.delete(f"/api/v1/conversations/{cid}"),
                     await client.post(f"/api/v1/conversations/{cid}/turns", json={"text": "x"})]:
        assert response.status_code == 404
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["code"] == "conversation-inconnue"


async def test_flows(client):
    flows = (await client.get("/api/v1/flows")).json()
    assert {"id": "demo", "title": "Démonstration", "title_falc": "Démonstration"} in flows


@pytest.mark.parametrize(
    ("body", "status", "code", "words"),
    [
        ({"choice": "inexistant"}, 422, "choix-inconnu", "n’est pas proposé"),
        ({"text": "x" * 1001}, 422, "requete-invalide", "1000 caractères"),
        ({"text": "   "}, 422, "requete-invalide", "vide"),
        ({}, 422, "requete-invalide", "soit « choice »"),
        ({"choice": "quiz", "text": "quiz"}, 422, "requete-invalide", "soit « choice »"),
        ({"choice": 3}, 422, "requete-invalide", "bon type"),
        ({"texte": "bonjour"}, 422, "requete-invalide", "soit « choice »"),
        ({"choice": "quiz", "falc": True}, 422, "requete-invalide", "pas attendu"),
    ],
)
async def test_bad_turns_get_a_french_problem(client, body, status, code, words):
    cid = (await start(client))["id"]
    response = await client.post(f"/api/v1/conversations/{cid}/turns", json=body)
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["code"] == code and problem["status"] == status
    assert problem["type"].endswith(code)
    assert words in problem["detail"]
    if code == "choix-inconnu":  # the possible answers, the commands from their table
        assert "quiz, ailleurs" in problem["detail"]
        assert "retour, menu, aide, humain, recommencer, facile, stop" in problem["detail"]
    # nothing was lost: the conversation did not move
    conversation = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert conversation["node"] == "menu"


async def test_malformed_json_and_oversized_body(client):
    cid = (await start(client))["id"]
    url = f"/api/v1/conversations/{cid}/turns"
    response = await client.post(url, content=b"{pas du json",
                                 headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "JSON valide" in response.json()["detail"]
    response = await client.post(url, content=b'{"text": "' + b"a" * 20000 + b'"}',
                                 headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert "16 Ko" in response.json()["detail"]


@pytest.mark.parametrize(
    ("content", "headers", "words"),
    [
        (b'{"choice": "quiz"}', {}, "Content-Type: application/json"),
        (b'{"choice": "quiz"}', {"content-type": "text/plain"}, "Content-Type: application/json"),
        (b"", {"content-type": "application/json"}, "corps de la requête est vide"),
        (b'{"text": "\xff\xfe"}', {"content-type": "application/json"}, "JSON valide"),
        (b"[1, 2]", {"content-type": "application/json"}, "soit « choice »"),
    ],
    ids=["no-content-type", "text-plain", "empty", "not-utf8", "not-an-object"],
)
async def test_turn_bodies_that_are_not_a_json_object(client, content, headers, words):
    cid = (await start(client))["id"]
    response = await client.post(f"/api/v1/conversations/{cid}/turns", content=content,
                                 headers=headers)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert words in response.json()["detail"]
    assert (await client.get(f"/api/v1/conversations/{cid}")).json()["node"] == "menu"


async def test_json_media_types_with_parameters_or_suffix_are_accepted(client):
    cid = (await start(client))["id"]
    for content_type in ("application/json; charset=utf-8", "application/vnd.coach+json"):
        response = await client.post(f"/api/v1/conversations/{cid}/turns",
                                     content=b'{"choice": "retour"}',
                                     headers={"content-type": content_type})
        assert response.status_code == 200, response.text


async def test_a_body_without_content_length_is_limited_while_it_arrives(client):
    cid = (await start(client))["id"]
    url = f"/api/v1/conversations/{cid}/turns"

    async def chunks(parts):
        for part in parts:
            yield part

    big = [b'{"text": "'] + [b"a" * 1024] * 20 + [b'"}']
    response = await client.post(url, content=chunks(big),
                                 headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "16 Ko" in response.json()["detail"]
    response = await client.post(url, content=chunks([b'{"choice":', b' "quiz"}']),
                                 headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert response.json()["node"] == "question"


async def test_unknown_flow_is_a_french_422(client):
    response = await client.post("/api/v1/conversations", json={"flow": "nulle-part"})
    assert response.status_code == 422
    assert "nulle-part" in response.json()["detail"]


async def test_commands_are_accepted_as_choices(client):
    cid = (await start(client))["id"]
    turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                              json={"choice": "humain"})).json()
    assert "Camille" in turn["messages"][-1]["text"]
    turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                              json={"choice": "facile"})).json()
    assert turn["falc"] is True


async def test_idempotency_key_header(client):
    cid = (await start(client))["id"]
    url = f"/api/v1/conversations/{cid}/turns"
    headers = {"Idempotency-Key": "essai-1"}
    first = await client.post(url, json={"choice": "quiz"}, headers=headers)
    second = await client.post(url, json={"choice": "quiz"}, headers=headers)
    assert first.status_code == second.status_code == 200
    assert first.json()["messages"] == second.json()["messages"]
    assert second.headers.get("idempotent-replayed") == "true"
    conversation = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert [m["text"] for m in conversation["messages"]].count("Faire le quiz") == 1


async def test_health_ready_docs_and_headers(client):
    assert (await client.get("/healthz")).status_code == 200
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    docs = await client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text
    assert (await client.get("/docs-assets/swagger-ui-bundle.js")).status_code == 200
    csp = docs.headers["content-security-policy"]
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'self'" in csp and "partenaire.example" not in csp
    assert docs.headers["x-content-type-options"] == "nosniff"
    assert docs.headers["referrer-policy"] == "no-referrer"


async def test_openapi_documents_the_contract(client):
    spec = (await client.get("/openapi.json")).json()
    paths = spec["paths"]
    assert set(paths["/api/v1/conversations"]) == {"post"}
    assert set(paths["/api/v1/conversations/{conversation_id}"]) == {"get", "patch", "delete"}
    assert set(paths["/api/v1/conversations/{conversation_id}/turns"]) == {"post"}
    assert "get" in paths["/api/v1/flows"]
    step = spec["components"]["schemas"]["StepOut"]["properties"]
    assert {"id", "falc", "messages", "choices"} <= set(step)


async def test_cors_only_for_allowed_origins(client):
    allowed = await client.options("/api/v1/conversations", headers={
        "Origin": "https://partenaire.example", "Access-Control-Request-Method": "POST"})
    assert allowed.headers.get("access-control-allow-origin") == "https://partenaire.example"
    refused = await client.options("/api/v1/conversations", headers={
        "Origin": "https://intrus.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in refused.headers


async def test_unknown_path_is_a_french_problem(client):
    response = await client.get("/api/v1/rien")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM


async def test_privacy_notice_uses_the_settings(client):
    response = await client.get("/confidentialite")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
    assert "30 jours" in response.text and "Camille" in response.text
    assert "camille@exemple.fr" in response.text


async def test_oversized_idempotency_key_is_a_french_422(client):
    cid = (await start(client))["id"]
    response = await client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": "quiz"},
                                 headers={"Idempotency-Key": "k" * 129})
    assert response.status_code == 422
    assert "Idempotency-Key" in response.json()["detail"]
    spec = (await client.get("/openapi.json")).json()
    parameters = spec["paths"]["/api/v1/conversations/{conversation_id}/turns"]["post"][
        "parameters"]
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in parameters)
