"""Finding people for real (issue 17, point 4): a parent names a theme of the directory
(« une cop sur l'autisme », « une communauté pour les maladies rares près de Lille ? ») and
gets the communities with that theme first, or is told plainly that none here has it, then
the place's others; once a region's communities are shown, that region is not offered
again. Fictional directory written for the tests: tests/fixtures/annuaire/themes.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from coach.communities import load_communities
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput

DIRECTORY = Path(__file__).parent.parent / "fixtures" / "annuaire" / "themes.yaml"
NEAR_ME = "il y a une cop près de chez moi ?"
AUTISM_59 = "Familles autisme du Nord (fictif)"
RARE = "Réseau maladies rares des Hauts-de-France (fictif)"
PAS_DE_CALAIS = "Parents du Pas-de-Calais (fictif)"
BRETON = "Groupe breton du polyhandicap (fictif)"
VISIO_AUTISM = "Groupe en visio sur l’autisme (fictif)"
VISIO_ALL = "Groupe en visio tous handicaps (fictif)"
FALC = pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])


@cache
def engine() -> Engine:
    return Engine(load_content(None), {}, load_communities(DIRECTORY))


def play(*said: str | ChoiceInput, falc: bool = False) -> Step:
    coach = engine()
    step = coach.start(falc=falc)
    for one in said:
        step = coach.play(step.record, TextInput(one) if isinstance(one, str) else one)
    return step


def bot(step: Step) -> list[tuple[str, str]]:
    return [(m.ref, m.text) for m in step.messages if m.role == "bot"]


def answer(step: Step) -> str:
    """The directory's answer of this step (the last coach message)."""
    return bot(step)[-1][1]


def ids(step: Step) -> list[str]:
    return [c["id"] for c in step.choices]


def order(text: str, *names: str) -> list[int]:
    return [text.index(name) for name in names]


@FALC
def test_a_theme_named_at_the_directory_asks_the_region_for_it(falc: bool) -> None:
    step = play(NEAR_ME, "une cop sur l'autisme", falc=falc)
    ref, text = bot(step)[-1]
    assert ref == "coach/annuaire-theme-question"
    assert "« Autisme »" in text and "région" in text
    # nothing invented, nothing listed yet: the regions of the file are offered
    assert "@" not in text and "http" not in text
    assert ids(step)[:3] == ["lieu-bretagne", "lieu-hauts-de-france", "lieu-occitanie"]


@FALC
def test_the_communities_with_the_theme_come_first(falc: bool) -> None:
    step = play(NEAR_ME, "une cop sur l'autisme", ChoiceInput("lieu-hauts-de-france"),
                falc=falc)
    ref, text = bot(step)[-1]
    assert ref == "coach/annuaire-theme-resultats"
    assert "pour les Hauts-de-France sur le thème « Autisme »" in text
    # the region's community on autism, then its others, then those open to all France,
    # the one on autism first there too
    assert order(text, AUTISM_59, RARE, PAS_DE_CALAIS, VISIO_AUTISM, VISIO_ALL) == sorted(
        order(text, AUTISM_59, RARE, PAS_DE_CALAIS, VISIO_AUTISM, VISIO_ALL))
    assert ("Les autres communautés pour les Hauts-de-France :" if falc else
            "Les autres communautés listées pour les Hauts-de-France :") in text
    # each community says its themes
    assert "Thèmes : Autisme" in text and "Thèmes : maladies rares, polyhandicap" in text


@FALC
def test_no_community_on_the_theme_in_the_region_is_said_and_its_others_shown(
        falc: bool) -> None:
    step = play(NEAR_ME, "autismes", "en Bretagne", falc=falc)
    ref, text = bot(step)[-1]
    assert ref == "coach/annuaire-theme-aucun"
    said = ("Ce site n’a pas de communauté sur le thème « Autisme » pour la Bretagne." if falc
            else "Ce site ne liste pas de communauté sur le thème « Autisme » pour la Bretagne.")
    assert said in text
    assert BRETON in text and AUTISM_59 not in text and RARE not in text
    assert text.index(VISIO_AUTISM) < text.index(VISIO_ALL)


@FALC
def test_a_theme_and_a_town_asked_from_the_menu(falc: bool) -> None:
    """Seen: « il y a une communauté pour les maladies rares près de Lille ? » got « Vous
    voulez parler de… ? », and no theme could be matched at all."""
    step = play("il y a une communauté pour les maladies rares près de Lille ?", falc=falc)
    assert (step.record.flow, step.record.node) == ("trouver", "debut")
    ref, text = bot(step)[-1]
    assert ref == "coach/annuaire-theme-resultats"
    assert "pour le 59 (Hauts-de-France) sur le thème « maladies rares »" in text
    assert text.index(RARE) < text.index(AUTISM_59)
    assert PAS_DE_CALAIS not in text and BRETON not in text


def test_the_theme_named_from_the_menu_holds_for_the_place_typed_next() -> None:
    step = play("une cop sur l'autisme")
    assert bot(step)[-1][0] == "coach/annuaire-theme-question"
    step = play("une cop sur l'autisme", "dans le 59")
    ref, text = bot(step)[-1]
    assert ref == "coach/annuaire-theme-resultats"
    assert text.index(AUTISM_59) < text.index(RARE)


def test_a_theme_named_after_a_place_shows_that_place_again_on_it() -> None:
    step = play(NEAR_ME, "Bretagne", "et pour le polyhandicap ?")
    ref, text = bot(step)[-1]
    assert ref == "coach/annuaire-theme-resultats"
    assert "pour la Bretagne sur le thème « polyhandicap »" in text
    assert BRETON in text


def test_without_a_theme_nothing_changes() -> None:
    step = play(NEAR_ME, ChoiceInput("lieu-hauts-de-france"))
    ref, text = bot(step)[-1]
    assert ref == "coach/annuaire-resultats"
    assert order(text, AUTISM_59, RARE, PAS_DE_CALAIS) == sorted(
        order(text, AUTISM_59, RARE, PAS_DE_CALAIS))
    # a theme the directory does not list is no theme: never an invented match
    step = play(NEAR_ME, "une cop sur la trisomie")
    assert not any(ref.startswith("coach/annuaire-theme") for ref, _text in bot(step))


def test_leaving_the_directory_forgets_the_theme() -> None:
    step = play(NEAR_ME, "autisme", ChoiceInput("revenir-menu"), NEAR_ME,
                ChoiceInput("lieu-hauts-de-france"))
    assert bot(step)[-1][0] == "coach/annuaire-resultats"


@FALC
def test_the_region_just_shown_is_not_offered_again(falc: bool) -> None:
    """Seen: under the Hauts-de-France's communities, « Hauts-de-France » offered again."""
    step = play(NEAR_ME, ChoiceInput("lieu-hauts-de-france"), falc=falc)
    offered = ids(step)
    assert "lieu-hauts-de-france" not in offered
    assert offered[:3] == ["lieu-bretagne", "lieu-occitanie", "humain"]
    text = answer(step)
    assert ("Choisissez une autre région." if falc else "choisissez une autre région") in text
    assert "autre département" in text
    # another region, typed: that one is left out now, the first one is back
    step = play(NEAR_ME, ChoiceInput("lieu-hauts-de-france"), "en Bretagne", falc=falc)
    assert ids(step)[:3] == ["lieu-hauts-de-france", "lieu-occitanie", "humain"]
    # « Parler à une personne » is a way on
    after = engine().play(step.record, ChoiceInput("humain"))
    assert any(ref.startswith("coach/humain") for ref, _text in bot(after))


def test_a_department_keeps_its_region_only_when_the_region_shows_more() -> None:
    # the 59's communities are not all the Hauts-de-France's (the Pas-de-Calais): kept
    assert "lieu-hauts-de-france" in ids(play(NEAR_ME, "59"))
    # the Bretagne's are the same for the 35: the button would show them again
    offered = ids(play(NEAR_ME, "35"))
    assert "lieu-bretagne" not in offered and "lieu-hauts-de-france" in offered


def test_on_arrival_every_region_is_offered() -> None:
    step = play(NEAR_ME, ChoiceInput("lieu-hauts-de-france"), ChoiceInput("revenir-menu"),
                NEAR_ME)
    assert ids(step)[:3] == ["lieu-bretagne", "lieu-hauts-de-france", "lieu-occitanie"]
    assert "humain" not in ids(step)


@FALC
def test_the_word_for_the_person_finds_the_condition_s_theme(falc: bool) -> None:
    """A parent writes the word for their child (« autiste », « polyhandicapée »), not the
    condition's name the directory lists (`autisme`, `polyhandicap`): the theme holds."""
    step = play("mon fils est autiste, y a une cop dans le 59 ?", falc=falc)
    ref, text = bot(step)[-1]
    assert ref == "coach/annuaire-theme-resultats"
    assert "sur le thème « Autisme »" in text
    assert text.index(AUTISM_59) < text.index(RARE)
    step = play(NEAR_ME, "Bretagne", "ma fille est polyhandicapée", falc=falc)
    ref, text = bot(step)[-1]
    assert ref == "coach/annuaire-theme-resultats"
    assert text.index(BRETON) < text.index(VISIO_ALL)
