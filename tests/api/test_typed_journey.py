"""A coordinator walks stage 3 (« Animer ») through the JSON API by typing only, in their own
words: hedges, agreement, SMS, a contrast, an ordinal said with a hedge; never a button. In
standard French and in easy-to-read (the typed words are the same, the labels differ)."""

from __future__ import annotations

import httpx
import pytest

from coach.api.app import create_app
from coach.settings import Settings

pytestmark = pytest.mark.anyio

# (what the person types, the step it leads to)
WALK = [
    ("le parcours complet je pense", "savoirs-tacites"),
    ("ok la suite", "exterioriser"),
    ("on continue", "cycle"),
    ("ça marche, la suite", "internalisation"),
    ("oui un petit exo", "cycle-quiz"),
    ("je dirais internaliser", "cycle-quiz-non"),
    ("ouais vas y", "role"),
    ("on continue", "role-leviers"),
    ("on continue", "emerger"),
    ("montre moi les pièges", "pieges"),
    ("celui sur l'ennemi", "piege-ennemi"),
    ("pas un autre piège, on continue", "posture"),
    ("tester je pense", "posture-quiz"),
    ("en scene je pense", "posture-non"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("typed")
    return create_app(Settings(store_url=f"sqlite:///{folder}/coach.db", _env_file=None))


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_stage_3_walked_by_typed_answers_only(app, falc: bool) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        started = await client.post("/api/v1/conversations", json={"flow": "animer", "falc": falc})
        assert started.status_code == 201
        step = started.json()
        assert step["node"] == "debut"
        url = f"/api/v1/conversations/{step['id']}/turns"
        for text, node in WALK:
            answer = await client.post(url, json={"text": text})
            assert answer.status_code == 200, text
            step = answer.json()
            assert (step["flow"], step["node"]) == ("animer", node), text
            assert step["falc"] is falc
        # The quiz's answer « En scène » was recorded as the person's answer: the coach says
        # why it is rather « en coulisses ».
        said = " ".join(m["text"] for m in step["messages"] if m["role"] == "bot").lower()
        assert "coulisse" in said or "réunion" in said
