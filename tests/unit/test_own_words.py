"""People in their own words (real content): greetings, thanks, cost, « near me », who one
is, problems between people, several terms at once, long clear requests, a new question
after a miss."""

from __future__ import annotations

import pytest

from coach.content.loader import load_content
from coach.engine.engine import Engine
from tests.typed import Typist, bot, said, where

ENGINE = Engine(load_content())  # no contact configured, no communities listed
CONTENT = ENGINE.content


TYPIST = Typist(ENGINE)
at, typed = TYPIST.at, TYPIST.typed


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("text", ["merci", "merci beaucoup", "ok merci", "super merci !"])
def test_thanks_are_answered_and_the_conversation_goes_on(text: str, falc: bool) -> None:
    for place in ("familles:premier-pas", "familles:questions", "familles:formats"):
        record = at(place, falc)
        before = ENGINE.step(record, 0).choices
        step = typed(record, text)
        assert where(step) == place, (text, place)
        assert bot(step)[0] == "coach/reponse-merci"
        assert step.choices == before and not step.end
        assert "parcours" not in said(step).lower()


def _places_without_a_thanking_choice() -> list[str]:
    """Every node, except those where thanking someone is itself one of the choices (the
    scenario's « Vous la remerciez chaleureusement »)."""
    return [f"{flow.id}:{node.id}" for flow in CONTENT.flows.values()
            for node in flow.nodes.values()
            if not any("remerci" in choice.label.lower() for choice in node.choices)]


@pytest.mark.parametrize("text", ["merci", "merci beaucoup"])
def test_thanks_never_end_a_journey_anywhere(text: str) -> None:
    """« merci » is politeness: a choice « J’ai fini » may take « merci c’est tout », never
    a bare « merci » (it ended the professionals' and the tools' journeys)."""
    moved = {}
    for place in _places_without_a_thanking_choice():
        step = typed(at(place), text)
        if where(step) != place:
            moved[place] = where(step)
    assert moved == {}


@pytest.mark.parametrize("text", ["bonjour", "Bonjour !", "salut", "bonsoir", "coucou"])
def test_greetings_are_answered_where_the_person_is(text: str) -> None:
    step = typed(at("accueil:menu"), text)
    assert bot(step)[0] == "coach/reponse-bonjour"
    assert where(step) == "accueil:menu" and len(step.choices) >= 5


@pytest.mark.parametrize("text", ["c'est gratuit ?", "est-ce que c'est payant ?",
                                  "combien ça coûte", "il faut payer ?", "c combien",
                                  "c'est combien ?", "ca fait combien"])
def test_cost_is_answered(text: str) -> None:
    step = typed(at("familles:debut"), text)
    assert bot(step)[0] == "coach/reponse-gratuit"
    assert where(step) == "familles:debut"


def test_cost_asked_second_is_answered_too() -> None:
    """« est ce confidentiel et c combien »: the cost was dropped (seen on a phone)."""
    step = typed(at("familles:debut"), "est ce confidentiel et c combien")
    assert where(step) == "familles:confidentialite"
    assert "coach/reponse-gratuit" in bot(step)


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize(("text", "answer"), [
    # No contact configured here: the variants that name whom to ask instead.
    ("le coach marche avec un lecteur d'écran ?",
     "coach/reponse-accessible-sans-contact"),
    ("est-ce que ce site est accessible aux personnes aveugles",
     "coach/reponse-accessible-sans-contact"),
    ("on peut utiliser le site sans souris ?",
     "coach/reponse-accessible-sans-contact"),
    ("comment mettre ce coach sur notre site internet ?", "coach/reponse-integrer-sans-contact"),
    ("nous sommes une fédération, comment intégrer le tchat a notre site web",
     "coach/reponse-integrer-sans-contact"),
])
def test_questions_about_the_coach_itself_are_answered_where_one_is(
        text: str, answer: str, falc: bool) -> None:
    """A partner asking how to offer the coach on its site, someone asking whether it works
    with their screen reader: said where they are, then the step goes on (before, one got
    the contact message or the CoP's accessibility advice)."""
    step = typed(at("professionnels:debut", falc), text)
    assert bot(step)[0] == answer
    assert where(step) == "professionnels:debut"
    message = CONTENT.system[answer.removeprefix("coach/")]
    assert said(step).startswith((message.falc if falc else message.text).split("\n")[0])


@pytest.mark.parametrize("text", ["il y a une cop près de chez moi ?",
                                  "une communauté dans ma région",
                                  "un groupe dans mon département"])
def test_near_me_without_a_directory_says_so_and_gives_the_advice(text: str) -> None:
    step = typed(at("accueil:menu"), text)
    assert where(step) == "trouver:debut"
    assert "coach/annuaire-vide" in bot(step)
    text_said = said(step)
    assert "pas encore" in text_said and "MDPH" in text_said
    assert not any(ch.isdigit() for ch in text_said) and "@" not in text_said


def test_a_parent_naming_the_rare_handicap_goes_to_the_families_place_for_it() -> None:
    decision = ENGINE.understand(at("accueil:menu"),
                                 "je suis la maman de Léa, elle a un handicap rare")
    assert decision.kind == "go", decision
    assert decision.candidates[0].place in ("familles:debut", "familles:handicap-rare")


@pytest.mark.parametrize(("text", "place"), [
    ("je suis le papa de Noé", "familles:debut"),
    ("je suis la sœur de Paul qui est polyhandicapé", "familles:debut"),
    ("je suis éducatrice spécialisée", "professionnels:debut"),
    ("je travaille à la MDPH", "professionnels:debut"),
])
def test_who_one_is_goes_straight_to_their_place(text: str, place: str) -> None:
    decision = ENGINE.understand(at("accueil:menu"), text)
    assert decision.kind == "go", decision
    assert decision.candidates[0].place == place


@pytest.mark.parametrize("text", [
    "on se dispute beaucoup entre professionnels et familles",
    "il y a des tensions dans notre groupe",
    "une personne prend toute la place en réunion",
    "conflit entre deux membres",
])
def test_problems_between_people_get_the_module_advice(text: str) -> None:
    step = typed(at("accueil:menu"), text)
    assert where(step) == "difficultes:tensions", bot(step)
    assert "médiation" in said(step) or "recadrage" in said(step)


@pytest.mark.parametrize(("text", "place"), [
    ("personne ne vient à nos réunions", "modeliser:engagement"),
    ("on n'a pas d'argent pour faire vivre le groupe", "difficultes:moyens"),
])
def test_other_problems_get_an_answer(text: str, place: str) -> None:
    decision = ENGINE.understand(at("accueil:menu", persona="coordinateur"), text)
    assert decision.candidates and decision.candidates[0].place == place


def test_two_terms_at_once_are_both_explained() -> None:
    step = typed(at("accueil:menu"), "ARS MDPH c'est quoi")
    assert bot(step)[:2] == ["glossaire/ARS", "glossaire/MDPH"]
    assert where(step) == "accueil:menu"
    step = typed(at("familles:debut"), "c'est quoi l'IME et l'ESMS ?")
    assert bot(step)[:2] == ["glossaire/IME", "glossaire/ESMS"]


def test_a_topic_naming_two_institutions_is_not_a_glossary_question() -> None:
    decision = ENGINE.understand(at("accueil:menu", persona="coordinateur"),
                                 "travailler avec l'ARS et la MDPH")
    assert not decision.candidates[0].place.startswith("glossaire:")


@pytest.mark.parametrize(("text", "place"), [
    ("Bonjour, je suis maman d'un garçon de 12 ans polyhandicapé et je voudrais savoir si je"
     " peux participer à une communauté de pratique même si je n'ai pas beaucoup de temps",
     "familles:formats"),
    ("je suis coordinatrice dans un établissement et je voudrais créer une communauté de"
     " pratique avec les familles et les professionnels du territoire", "coordinateur:parcours"),
    ("Bonjour je suis maman et je voudrais savoir si tout ce que je raconte dans le groupe reste"
     " confidentiel et si mon nom apparaîtra", "familles:confidentialite"),
])
def test_a_long_clear_request_goes_straight_to_its_place(text: str, place: str) -> None:
    decision = ENGINE.understand(at("accueil:menu"), text)
    assert decision.kind == "go", decision
    assert decision.candidates[0].place == place


def test_a_second_miss_on_a_new_question_does_not_say_still() -> None:
    record = typed(at("familles:roles"), "zxqw vbnm").record
    step = typed(record, "quelle heure est-il à Tokyo")
    assert "toujours" not in said(step).lower()
    # The same thing typed again does escalate.
    step = typed(step.record, "quelle heure est-il à Tokyo")
    assert bot(step) != ["coach/pas-compris"]


@pytest.mark.parametrize("falc", [False, True])
def test_talk_to_a_person_without_contact_has_no_sample_values(falc: bool) -> None:
    step = typed(at("familles:roles", falc), "parler à une personne")
    assert bot(step) == ["coach/humain-sans-contact"]
    text = said(step)
    assert not any(ch.isdigit() for ch in text) and "@" not in text and "exemple" not in text
    assert "{" not in text


def test_a_contact_of_spaces_only_is_no_contact() -> None:
    """A phone number set to spaces (a stray value in the deployer's settings) is no way to
    reach someone: the coach says how to reach the team in words, as with none."""
    from coach.content.loader import load_content
    from coach.engine.engine import Engine
    from coach.settings import Settings

    settings = Settings(contact_telephone="   ", contact_courriel="")
    engine = Engine(load_content(), settings.contact())
    step = Typist(engine).typed(Typist(engine).at("familles:roles"), "parler à une personne")
    assert [m.ref for m in step.messages if m.ref.startswith("coach/")] == [
        "coach/humain-sans-contact"]


@pytest.mark.parametrize("falc", [False, True])
def test_who_one_is_said_with_a_word_of_the_menu_is_not_taken_for_that_choice(
        falc: bool) -> None:
    """« je découvre » is a word of the menu's « Je veux juste savoir ce qu’est une CoP »;
    a psychologist who says so is asked first about the professionals' journey."""
    step = typed(at("accueil:menu", falc), "psychologue en MAS, je decouvre tout ca")
    assert where(step) == "accueil:menu"
    assert step.record.pending == ["professionnels:debut", "choix:curieux"]
