"""A parent's typed questions found on a phone (4 December), through the JSON API on the
real content, with the findings' settings (no contact, no directory of communities), in
standard French and in easy-to-read: coming with one's child or spouse gets a direct
answer; « c'est quand les réunions » (plural) gets the meetings; « c gratuit et c ou »,
typed where the coach says how to find a community, gets both answers."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from coach.api.app import create_app
from coach.settings import Settings
from tests.api.test_mid_journey import Talk

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("parent-questions")
    return create_app(Settings(store_url=f"sqlite:///{folder}/coach.db", _env_file=None))


@pytest.fixture
async def talk(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield Talk(http)


async def as_parent(talk: Talk, falc: bool) -> None:
    await talk.start(falc=falc)
    await talk.press("famille")
    assert talk.place == ("familles", "debut")


def text(talk: Talk) -> str:
    return "\n".join(words for _ref, words in talk.said())


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("typed", ["je peux venir avec mon fils ?",
                                   "mon fils peut venir aux reunions",
                                   "mon mari peut venir aussi",
                                   "on peut venir a deux avec ma femme"])
async def test_coming_with_someone_close_is_answered(talk, typed, falc):
    await as_parent(talk, falc)
    await talk.type(typed)
    assert talk.place == ("familles", "venir-avec"), talk.said()
    said = text(talk)
    assert "personne qui anime la communauté" in said
    assert "leur place" in said
    assert "Patricia" not in said and "niveaux d’engagement" not in said
    labels = [c["label"] for c in talk.step["choices"]]
    assert "Trouver une communauté près de chez moi" in labels
    # the way to a community, and back to the answer
    await talk.press("trouver-groupe")
    assert talk.place == ("trouver", "debut")
    await talk.press("revenir")
    assert talk.place == ("familles", "venir-avec")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_when_are_the_meetings_in_the_plural_is_answered(talk, falc):
    await as_parent(talk, falc)
    await talk.type("c'est quand les réunions")
    refs = [ref for ref, _words in talk.said()]
    assert refs[0] == "coach/reponse-rencontres", refs
    assert "coach/sens-question" not in refs
    labels = " ".join(c["label"] for c in talk.step["choices"])
    assert "posture" not in labels.lower() and "scénario" not in labels
    assert "personne qui" in text(talk)  # who knows the dates


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_free_and_where_are_both_answered_where_a_community_is_found(talk, falc):
    await as_parent(talk, falc)
    await talk.press("trouver-groupe")
    await talk.type("jhabite a lyon je cherche un groupe de parents")
    assert talk.place == ("trouver", "debut")
    await talk.type("c gratuit et c ou")
    refs = [ref for ref, _words in talk.said()]
    assert refs == ["coach/reponse-gratuit", "coach/annuaire-vide-plus-pres"], refs
    said = text(talk)
    assert "gratuit" in said and "MDPH" in said
