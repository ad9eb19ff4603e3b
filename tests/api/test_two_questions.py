"""Two questions typed in one message, through the JSON API on the real content (issue 17,
point 5), in standard French and in easy-to-read: the first is answered, the other is named
after it (« Vous avez aussi demandé : … ») with a button, kept between turns, that goes
there; a second request the coach does not understand is not invented."""

from __future__ import annotations

import pytest

from tests.api.turns import app_on_sqlite, client_of, said, turn

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return app_on_sqlite(tmp_path_factory.mktemp("deux-questions"))


@pytest.fixture
async def client(app):
    async with client_of(app) as http:
        yield http


async def at_menu(client, falc: bool) -> dict:  # type: ignore[no-untyped-def]
    step = (await client.post("/api/v1/conversations", json={"falc": falc})).json()
    step = await turn(client, step["id"], choice="menu")
    assert (step["flow"], step["node"]) == ("accueil", "menu")
    return step


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize(("text", "first", "other", "label", "falc_label"), [
    ("c'est quoi une cop et est-ce que je peux venir avec mon fils",
     ("decouvrir", "debut"), ("familles", "venir-avec"),
     "Venir avec un proche ?", "Venir avec un proche"),
    ("ya des tensions dans le groupe, et on a plus de sous",
     ("difficultes", "tensions"), ("difficultes", "moyens"),
     "Le manque de moyens", "Peu d’argent"),
], ids=["cop-et-fils", "tensions-et-sous"])
async def test_api_the_other_request_is_named_with_a_button(client, text, first, other,
                                                           label, falc_label, falc):
    start = await at_menu(client, falc)
    step = await turn(client, start["id"], text=text)
    assert (step["flow"], step["node"]) == first
    name = (falc_label or label) if falc else label
    last = said(step)[-1]
    if falc:
        assert last == f"Vous avez posé une autre question :\n« {name} »\n" \
                       "Pour avoir la réponse, choisissez ce sujet."
    else:
        assert last == f"Vous avez aussi demandé : « {name} ». " \
                       "Pour cette réponse, choisissez ce sujet."
    # First, its label saying it is the other question (tester, session 11).
    button = f"Autre question : {name}" if falc else f"Aussi : {name}"
    assert step["choices"][0] == {"id": "aussi", "label": button}
    assert len(step["choices"]) > 1  # the step's own choices are still there
    step = await turn(client, start["id"], choice="aussi")
    assert (step["flow"], step["node"]) == other
    assert step["messages"][0] == {**step["messages"][0], "role": "user", "text": name}
    assert all(c["id"] != "aussi" for c in step["choices"])


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_api_a_second_request_not_understood_is_not_invented(client, falc):
    start = await at_menu(client, falc)
    step = await turn(client, start["id"], text="c'est quoi une cop et il fait beau chez vous ?")
    assert (step["flow"], step["node"]) == ("decouvrir", "debut")
    assert not any(m["ref"] == "coach/aussi-demande" for m in step["messages"])
    assert all(c["id"] != "aussi" for c in step["choices"])
    answer = await client.post(f"/api/v1/conversations/{start['id']}/turns",
                               json={"choice": "aussi"})
    assert answer.status_code >= 400
