"""Content tests of the welcome flow (`accueil`): the welcome, the menu that asks who is
there and routes each person (by button or typed words) to their track, and the shared
closing node `accueil:conclusion`."""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput, TextInput
from tests.content.matching import understand
from tests.content.playing import CONTENT, ENGINE, all_texts

MENU_ROUTES = {
    # choice id: (target flow, target node, persona)
    "famille": ("familles", "debut", "famille"),
    "personne-concernee": ("familles", "personne-concernee", "personne"),
    "coordinateur": ("coordinateur", "parcours", "coordinateur"),
    "professionnel": ("professionnels", "debut", "professionnel"),
    "curieux": ("decouvrir", "debut", "curieux"),
    "outils": ("outils", "banque", None),
}




def at_menu():
    return ENGINE.start()


def reached(step, flow, node):
    """The turn arrived at (flow, node): it stays there, or said its messages on the way
    (the other tracks may follow an automatic `next` from their entry node)."""
    record = step.record
    if (record.flow, record.node) == (flow, node):
        return True
    return any(e[0] == "content" and (e[1], e[2]) == (flow, node) for e in record.transcript)


def test_start_welcomes_then_asks_who_is_there():
    step = at_menu()
    assert step.record.flow == "accueil" and step.record.node == "menu"
    said = all_texts(step)
    assert said[0].startswith("Bonjour ! Je suis le coach CoP.")
    # Short enough for a small phone's first screen: the greeting, then the question.
    assert len(said) == 2 and "qui vous êtes" in said[-1]
    assert [c["id"] for c in step.choices] == list(MENU_ROUTES)


def test_alexandra_is_introduced_where_the_coordinator_journey_starts():
    step = ENGINE.play(at_menu().record, ChoiceInput("coordinateur"))
    said = all_texts(step)
    first = [t for t in said if "Nous suivrons Alexandra" in t]
    assert first and said.index(first[0]) < next(
        i for i, t in enumerate(said) if t.startswith("Comme Alexandra"))


def test_start_in_falc_says_the_easy_to_read_texts():
    step = ENGINE.start(falc=True)
    said = all_texts(step)
    assert said[0].splitlines()[0] == "Bonjour."
    assert said[-1].splitlines()[0] == "Qui êtes-vous ?"
    assert {c["label"] for c in step.choices} >= {"Je suis parent ou aidant", "J’ai un handicap",
                                                  "Je cherche les outils"}


@pytest.mark.parametrize("choice", list(MENU_ROUTES))
def test_each_menu_button_routes_and_sets_the_persona(choice):
    flow, node, persona = MENU_ROUTES[choice]
    step = ENGINE.play(at_menu().record, ChoiceInput(choice))
    assert reached(step, flow, node)
    assert step.record.vars.get("persona") == persona
    assert step.messages, "the next track says something"


@pytest.mark.parametrize(("typed", "choice"), [
    ("je suis maman", "famille"),
    ("Je suis papa", "famille"),
    ("mon fils est handicapé", "famille"),
    ("ma fille est handicapee", "famille"),
    ("je suis aidante", "famille"),
    ("Je suis en fauteuil", "personne-concernee"),
    ("je suis handicapé", "personne-concernee"),
    ("j'ai un handicap", "personne-concernee"),
    ("J’ai un handicap", "personne-concernee"),  # typographic apostrophe, as phones type it
    ("je coordonne", "coordinateur"),
    ("je veux créer une cop", "coordinateur"),
    ("comment on commence", "coordinateur"),
    ("je suis éducatrice", "professionnel"),
    ("je travaille dans un ESMS", "professionnel"),
    ("partenaire", "professionnel"),
    ("c'est quoi une cop", "curieux"),
    ("c’est quoi une cop", "curieux"),
    ("c koi", "curieux"),
    ("jsp", "curieux"),
    ("les outils", "outils"),
    ("la charte", "outils"),
    ("feuille de route", "outils"),
])
def test_typed_words_route_like_the_button(typed, choice):
    flow, node, persona = MENU_ROUTES[choice]
    step = ENGINE.play(at_menu().record, TextInput(typed))
    assert reached(step, flow, node)
    assert step.record.vars.get("persona") == persona


def test_talking_to_a_person_is_not_mistaken_for_the_disabled_person_choice():
    step = ENGINE.play(at_menu().record, TextInput("parler à une personne"))
    assert step.record.node == "menu"
    assert step.record.transcript[-1][:2] in (["coach", "humain"], ["coach", "humain-sans-contact"])


def test_every_synonym_of_my_nodes_reaches_its_own_choice():
    commands = list(CONTENT.commands.values())
    for node in CONTENT.flows["accueil"].nodes.values():
        for choice in node.choices:
            for phrase in [choice.label, choice.label_falc, *choice.synonyms]:
                match = understand(phrase, node.choices, commands)
                assert match is not None and (match.kind, match.id) == ("choice", choice.id), (
                    f"{node.id}: « {phrase} » should reach {choice.id}, got {match}")


def test_conclusion_thanks_and_offers_what_next():
    step = at_menu()
    step = ENGINE.play(step.record, ChoiceInput("curieux"))
    for _ in range(6):  # debut → question → laboratoire → pourquoi → singularite → double → etapes
        choice = "laboratoire" if step.record.node == "question" else "continuer"
        step = ENGINE.play(step.record, ChoiceInput(choice))
    assert step.record.node == "etapes"
    step = ENGINE.play(step.record, ChoiceInput("suite"))
    step = ENGINE.play(step.record, ChoiceInput("terminer"))
    assert (step.record.flow, step.record.node) == ("accueil", "conclusion")
    assert step.end
    said = " ".join(all_texts(step))
    assert "Merci" in said and "transformation" in said
    assert [c["id"] for c in step.choices] == ["revenir-menu", "outils", "etapes"]
    step = ENGINE.play(step.record, ChoiceInput("revenir-menu"))
    assert step.record.node == "menu"


def test_menu_command_from_anywhere_comes_back_to_the_menu():
    step = ENGINE.play(at_menu().record, ChoiceInput("outils"))
    step = ENGINE.play(step.record, TextInput("menu"))
    assert (step.record.flow, step.record.node) == ("accueil", "menu")
