"""Finding a community, as a parent on a phone does it (session of 2026-12-03): without a
directory, the coach never loops back to the same question and always offers a way on;
with one, places typed as people type them are understood, nothing nearby offers the
nearest and those open to all France; « c ou la reunion » is about a meeting, not the
region. Fictional directory, example.org addresses only."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from coach.communities import Communities, Place, load_communities
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput

DIRECTORY = """
communities:
  - name: Familles d’Ille-et-Vilaine (fictive)
    departments: ["35"]
    join: Écrivez à l’animatrice.
    email: familles35@example.org
  - name: Réseau breton (fictif)
    regions: [Bretagne]
    join: Inscription sur le site.
    website: https://bretagne.example.org/rejoindre
  - name: Parents de La Réunion (fictif)
    departments: ["974"]
    join: Appelez le lundi.
    phone: "01 99 00 00 02"
  - name: Groupe en visio (fictif)
    everywhere: true
    join: Une rencontre en visio par mois.
    website: https://visio.example.org/inscription
"""
NEAR_ME = "il y a une cop près de chez moi ?"


@cache
def engine(with_directory: bool) -> Engine:
    communities = Communities()
    if with_directory:
        path = Path(__file__).parent / "_annuaire_trouver.yaml"
        path.write_text(DIRECTORY, encoding="utf-8")
        try:
            communities = load_communities(path)
        finally:
            path.unlink()
    return Engine(load_content(None), {}, communities)


def at_directory(with_directory: bool, falc: bool = False) -> Step:
    coach = engine(with_directory)
    step = coach.play(coach.start(falc=falc).record, TextInput(NEAR_ME))
    assert (step.record.flow, step.record.node) == ("trouver", "debut")
    return step


def said(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


def text(step: Step) -> str:
    return "\n".join(m.text for m in step.messages if m.role == "bot")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_without_a_directory_no_button_leads_back_to_the_same_advice(falc: bool) -> None:
    """Seen: « Que demander, et à qui ? » said the advice just given again, and its
    « Chercher une communauté près de chez moi » came back to « Ce site n’a pas encore
    listé… », and so on. Now every button goes on, and nothing comes back to the start."""
    coach = engine(False)
    start = at_directory(False, falc)
    assert [c["id"] for c in start.choices] == ["ensuite", "revenir-menu"]
    seen = {("trouver", "debut")}
    todo = [start]
    while todo:
        step = todo.pop()
        for choice in step.choices:
            following = coach.play(step.record.copy(), ChoiceInput(choice["id"]))
            where = (following.record.flow, following.record.node)
            if where[0] == "trouver":
                assert where not in seen, f"{choice['id']} leads back to {where}"
                seen.add(where)
                todo.append(following)
            assert following.choices, f"no way on after {choice['id']}"


def test_a_parent_gets_back_to_the_parents_questions() -> None:
    coach = engine(False)
    step = coach.play(coach.start().record, ChoiceInput("famille"))
    step = coach.play(step.record, ChoiceInput("trouver-groupe"))
    step = coach.play(step.record, ChoiceInput("ensuite"))
    assert "questions-parents" in [c["id"] for c in step.choices]


@pytest.mark.parametrize("with_directory", [False, True], ids=["sans-annuaire", "annuaire"])
@pytest.mark.parametrize("typed", ["je sais pas", "aucune ne me va", "y en a pas plus pres ?",
                                   "et en visio ?", NEAR_ME, "je demande a qui ?",
                                   "y a t il une communauté dans ma région ?",
                                   "ya une cop a cote de chez moi ?"])
def test_what_people_answer_instead_of_a_place_gets_an_answer(with_directory: bool,
                                                               typed: str) -> None:
    """Seen: « je sais pas » and « aucune ne me va » got « Je n’ai pas bien compris »,
    « y en a pas plus pres ? » « Si je manque de temps ? », « et en visio ? » the
    definition of a webinar, « il y a une cop près de chez moi ? » the same question,
    « y a t il une communauté dans ma région ? » a region's account of its results."""
    step = engine(with_directory).play(at_directory(with_directory).record, TextInput(typed))
    refs = said(step)
    assert len(refs) == 1 and refs[0].startswith("coach/annuaire-"), refs
    assert (step.record.flow, step.record.node) == ("trouver", "debut")
    assert "annuaire-question" not in refs[0]
    # Whom to ask is the same advice either way; the rest says when nothing is listed.
    assert refs[0] == "coach/annuaire-qui" or ("annuaire-vide" in refs[0]) is not with_directory


@pytest.mark.parametrize("with_directory", [False, True], ids=["sans-annuaire", "annuaire"])
def test_the_same_thing_said_twice_is_not_answered_the_same_twice(with_directory: bool) -> None:
    coach = engine(with_directory)
    first = coach.play(at_directory(with_directory).record, TextInput("je sais pas"))
    second = coach.play(first.record, TextInput("jsp"))
    assert said(first) != said(second)
    assert text(first) != text(second)


@pytest.mark.parametrize("with_directory", [False, True], ids=["sans-annuaire", "annuaire"])
@pytest.mark.parametrize("typed", ["c ou la reunion", "c'est quand la réunion",
                                   "c'est où la réunion ?"])
def test_where_or_when_the_meeting_is_is_not_the_region(with_directory: bool,
                                                        typed: str) -> None:
    """Seen: « c ou la reunion » at « Trouver une communauté » listed La Réunion's groups."""
    step = engine(with_directory).play(at_directory(with_directory).record, TextInput(typed))
    assert said(step)[0] == "coach/reponse-rencontres", said(step)
    assert "Réunion" not in text(step)


@pytest.mark.parametrize("typed", ["la reunion", "à la Réunion", "974", "j'habite a la reunion"])
def test_la_reunion_plainly_named_is_the_region(typed: str) -> None:
    step = engine(True).play(at_directory(True).record, TextInput(typed))
    assert "Parents de La Réunion (fictif)" in text(step)


def test_at_the_menu_the_meeting_is_answered_too() -> None:
    coach = engine(True)
    step = coach.play(coach.start().record, TextInput("c'est quand la réunion"))
    assert said(step)[0] == "coach/reponse-rencontres"


@pytest.mark.parametrize(("typed", "place"), [
    ("bretagne", "la Bretagne"), ("occitanie", "l’Occitanie"),
    ("hauts de france", "les Hauts-de-France"), ("dans le 35", "le 35 (Bretagne)"),
    ("la reunion", "La Réunion"),
])
def test_a_region_is_said_with_its_article(typed: str, place: str) -> None:
    """Seen: « pour Bretagne comme ailleurs », « pour Occitanie »."""
    for with_directory in (False, True):
        step = engine(with_directory).play(at_directory(with_directory).record,
                                           TextInput(typed))
        assert f"pour {place}" in text(step), text(step)


def test_nothing_in_the_region_offers_the_nearest_and_those_open_to_all() -> None:
    """Seen: « Voici les communautés listées par ce site pour Normandie : » then only the
    group open to all France, as if it were in Normandy."""
    step = engine(True).play(at_directory(True).record, TextInput("normandie"))
    said_text = text(step)
    assert said(step) == ["coach/annuaire-aucun-ici"]
    assert said_text.startswith("Ce site ne liste pas encore de communauté pour la Normandie")
    assert "Les plus proches que ce site liste (Bretagne) :" in said_text
    assert said_text.index("Réseau breton") < said_text.index("Groupe en visio")
    assert "toute la France" in said_text
    step = engine(True).play(at_directory(True).record, TextInput("occitanie"))
    assert "plus proches" not in text(step) and "Groupe en visio (fictif)" in text(step)


def test_visio_lists_the_communities_open_to_all_france() -> None:
    step = engine(True).play(at_directory(True).record, TextInput("et en visio ?"))
    assert said(step) == ["coach/annuaire-distance"]
    assert "Groupe en visio (fictif)" in text(step) and "Réseau breton" not in text(step)


def test_local_results_come_before_those_open_to_all_with_their_heading() -> None:
    said_text = text(engine(True).play(at_directory(True).record, TextInput("j'habite a rennes")))
    assert said_text.index("Familles d’Ille-et-Vilaine") < said_text.index(
        "Et ouvertes à toute la France :") < said_text.index("Groupe en visio")


@pytest.mark.parametrize(("typed", "wish"), [
    ("je sais pas", "sais-pas"), ("jsp", "sais-pas"),
    ("je connais pas mon département", "sais-pas"), ("aucune ne me va", "aucune-va"),
    ("rien ne me convient", "aucune-va"), ("y en a pas plus pres ?", "plus-pres"),
    ("c'est trop loin", "plus-pres"), ("et en visio ?", "distance"), ("en ligne", "distance"),
    ("je sais pas quoi demander", "qui"), ("je demande a qui ?", "qui"), ("bretagne", None),
])
def test_wishes(typed: str, wish: str | None) -> None:
    assert engine(False).wishes.read(typed) == wish


@pytest.mark.parametrize(("typed", "place"), [
    ("c ou la reunion", None), ("c'est quand la réunion", None), ("la prochaine réunion", None),
    ("la réunion ?", Place("La Réunion")), ("l'île de la Réunion", Place("La Réunion")),
    ("y a une cop a la reunion", Place("La Réunion")),
])
def test_la_reunion_read_only_when_named_as_a_place(typed: str, place: Place | None) -> None:
    assert Communities.read(typed) == place
