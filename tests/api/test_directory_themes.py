"""Through the JSON API, with a directory whose communities have themes
(tests/fixtures/annuaire/themes.yaml, fictional): a theme named is matched, in standard
French and in FALC, and the region just shown is not offered again."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from coach.api.app import create_app
from coach.settings import Settings

pytestmark = pytest.mark.anyio

DIRECTORY = Path(__file__).parent.parent / "fixtures" / "annuaire" / "themes.yaml"
FALC = pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("annuaire-themes")
    return create_app(Settings(store_url=f"sqlite:///{folder}/coach.db", _env_file=None,
                               annuaire=DIRECTORY))


def said(turn: dict) -> str:
    return "\n".join(m["text"] for m in turn["messages"] if m["role"] == "bot")


def refs(turn: dict) -> list[str]:
    return [m["ref"] for m in turn["messages"] if m["role"] == "bot"]


async def turns(app, falc: bool, *inputs: dict) -> list[dict]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        cid = (await client.post("/api/v1/conversations", json={"falc": falc})).json()["id"]
        url = f"/api/v1/conversations/{cid}/turns"
        return [(await client.post(url, json=given)).json() for given in inputs]


@FALC
async def test_a_parent_asking_for_a_theme_near_a_town_gets_it_first(app, falc: bool) -> None:
    [turn] = await turns(app, falc, {
        "text": "il y a une communauté pour les maladies rares près de Lille ?"})
    assert turn["flow"] == "trouver"
    assert refs(turn)[-1] == "coach/annuaire-theme-resultats"
    text = said(turn)
    assert "sur le thème « maladies rares »" in text
    assert text.index("Réseau maladies rares") < text.index("Familles autisme du Nord")
    assert "Thèmes : maladies rares, polyhandicap" in text


@FALC
async def test_a_theme_then_a_region_without_it(app, falc: bool) -> None:
    first, second = await turns(app, falc, {"text": "une cop sur l'autisme"},
                                {"choice": "lieu-bretagne"})
    assert refs(first)[-1] == "coach/annuaire-theme-question"
    assert refs(second)[-1] == "coach/annuaire-theme-aucun"
    text = said(second)
    assert "sur le thème « Autisme » pour la Bretagne" in text
    assert "Groupe breton du polyhandicap" in text and "Familles autisme du Nord" not in text


@FALC
async def test_the_region_just_shown_is_not_offered_again(app, falc: bool) -> None:
    first, second = await turns(app, falc, {"text": "il y a une cop près de chez moi ?"},
                                {"choice": "lieu-occitanie"})
    assert "lieu-occitanie" in [c["id"] for c in first["choices"]]
    offered = [c["id"] for c in second["choices"]]
    assert "lieu-occitanie" not in offered
    assert offered[:3] == ["lieu-bretagne", "lieu-hauts-de-france", "humain"]
    assert "Familles d’Occitanie" in said(second)
