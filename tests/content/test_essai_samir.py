"""What a try-out as Samir found, on the real dialogues: Samir, 34, has an intellectual
disability, works in an ESAT, reads with difficulty (easy-to-read on) and types short,
misspelled messages; a second tester only tapped, in easy-to-read.

- the persons' journey hid « Trouver une communauté près de chez moi » behind « Par où
  commencer ? » or « J’ai fini »: five taps to a next step, where a parent needs three;
- the advice of whom to ask spoke to a parent whoever read it (« Ou au service d’aide de
  votre proche » to Samir, « l’établissement qui vous accompagne, vous ou votre proche »
  to a professional);
- Samir's own words: « bonjour je mapel samir je travaille en esat » offered the
  professionals first; « je veu entré dans une cop » got a definition; « je peu venir avec
  mon educatrice » was not understood; « je travail en esat moi aussi je peu venir ? » got
  « C’est le sujet de cette étape » and the step again, with no « Oui »;
- with no contact set, « Par où commencer ? » still sent to « quelqu’un de notre équipe »
  through « Parler à une personne », which then said the site has only the chat.
"""

from __future__ import annotations

import re

import pytest

from coach.engine.engine import ChoiceInput, Engine, TextInput
from tests.content.playing import CONTENT, ENGINE, choice_ids, play, refs, texts

NEAR_ME = "Trouver une communauté près de chez moi"


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_a_person_with_a_disability_reaches_the_directory_in_three_taps(falc: bool) -> None:
    """The issue's rule, « a concrete next step in at most 3 turns »: the home menu, « J’ai
    un handicap », « Trouver une communauté près de chez moi », as for a parent."""
    step = ENGINE.start(falc=falc)  # the first tap turned easy-to-read on
    step = play(step, "personne-concernee")
    labels = {c["id"]: c["label"] for c in step.choices}
    assert labels.get("trouver-groupe") == NEAR_ME, labels
    parent = play(ENGINE.start(falc=falc), "famille")
    assert {c["id"]: c["label"] for c in parent.choices}["trouver-groupe"] == NEAR_ME
    step = play(step, "trouver-groupe")
    assert step.record.flow == "trouver", step.record.flow
    said = "\n".join(texts(step))
    assert "MDPH" in said and "association" in said, said
    assert step.record.vars.get("profil") == "personne", step.record.vars
    # The way back leads to the person's step, not the parent's.
    back = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert back.record.node == "personne-concernee", back.record.node
ADVICE = ["annuaire-vide", "annuaire-vide-lieu", "annuaire-aucun", "annuaire-plus-pres",
          "annuaire-aucune-va", "annuaire-qui", "annuaire-encore", "annuaire-vide-distance",
          "annuaire-vide-plus-pres", "annuaire-vide-encore"]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_advice_of_whom_to_ask_fits_every_reader(falc: bool) -> None:
    """Said to Samir, to a parent and to a professional alike: never « votre proche », never
    « qui vous accompagne » (a professional is not the one accompanied)."""
    texts_ = {key: (CONTENT.system[key].falc if falc else CONTENT.system[key].text)
              for key in ADVICE if key in CONTENT.system}
    node = CONTENT.flows["trouver"].nodes
    texts_ |= {f"trouver:{n.id}": (m.falc if falc else m.text)
               for n in node.values() for m in n.messages}
    wrong = {k: t for k, t in texts_.items()
             if "votre proche" in t or "qui vous accompagne" in t}
    assert wrong == {}


def test_samir_at_the_directory_hears_no_parent_s_advice() -> None:
    step = play(ENGINE.start(falc=True), "personne-concernee", "trouver-groupe")
    said = "\n".join(texts(step))
    assert "proche" not in said, said
    assert "Demandez à un service d’aide." in said, said
    assert choice_ids(step)


# -- Samir's own words -----------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["bonjour je mapel samir je travaille en esat",
                                   "je travail dans un esat"])
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_working_in_an_esat_says_a_person_with_a_disability(typed: str, falc: bool) -> None:
    """« bonjour je mapel samir je travaille en esat » was answered « J’ai peut-être mal
    compris » with « Pour les professionnels » first: a worker in an ESAT is not staff."""
    step = ENGINE.play(ENGINE.start(falc=falc).record, TextInput(typed))
    assert (step.record.flow, step.record.node) == ("familles", "personne-concernee"), (
        refs(step))
    assert step.record.vars.get("persona") == "personne", step.record.vars


def test_a_job_in_an_esat_is_still_staff() -> None:
    step = ENGINE.play(ENGINE.start(falc=True).record,
                       TextInput("je suis moniteur d'atelier en esat"))
    assert step.record.flow == "professionnels", refs(step)


@pytest.mark.parametrize("typed, node", [("je veu entré dans une cop", "premier-pas"),
                                         ("je peu venir avec mon educatrice", "accessibilite")])
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_samir_s_questions_at_his_step_are_answered(typed: str, node: str, falc: bool) -> None:
    """At the persons' step, « je veu entré dans une cop » got the definition of a CoP and
    « je peu venir avec mon educatrice » was not understood."""
    step = play(ENGINE.start(falc=falc), "personne-concernee")
    step = ENGINE.play(step.record, TextInput(typed))
    assert (step.record.flow, step.record.node) == ("familles", node), refs(step)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_may_i_come_at_the_persons_step_starts_with_yes(falc: bool) -> None:
    """« je travail en esat moi aussi je peu venir ? » was answered « C’est le sujet de cette
    étape. Je vous le dis encore une fois. » and the step again: the answer, « Oui », first."""
    step = play(ENGINE.start(falc=falc), "personne-concernee")
    step = ENGINE.play(step.record, TextInput("je travail en esat moi aussi je peu venir ?"))
    assert step.record.node == "personne-concernee", refs(step)
    said = texts(step)
    assert said[0].startswith("Oui, vous avez"), said
    assert "C’est le sujet de cette étape" not in said[0], said
    # Asked again at once: the short line, not the step a third time.
    again = ENGINE.play(step.record, TextInput("je travail en esat moi aussi je peu venir ?"))
    assert refs(again) == ["coach/ici-encore"], refs(again)


# -- « Parler à une personne » where there is no one -------------------------------------------
POINTS_TO_A_PERSON = re.compile(r"parler à une personne|de notre équipe|de l’équipe", re.I)
# Describes the buttons at the bottom of the screen (the button is there, and says itself
# that the site gives no contact): not advice to use it.
DESCRIBES_THE_BUTTONS = {"aide"}


def test_every_coach_message_sending_to_a_person_has_a_no_contact_variant() -> None:
    missing = [key for key, message in CONTENT.system.items()
               if not key.endswith("-sans-contact") and key not in DESCRIBES_THE_BUTTONS
               and key != "humain"  # the button's own answer: `humain-sans-contact`
               and (POINTS_TO_A_PERSON.search(message.text)
                    or POINTS_TO_A_PERSON.search(message.falc))
               and f"{key}-sans-contact" not in CONTENT.system]
    assert missing == []
    variants = {key: m for key, m in CONTENT.system.items() if key.endswith("-sans-contact")}
    sending = [key for key, m in variants.items()
               if "« Parler à une personne »" in m.text + m.falc]
    assert sending == []


def test_every_step_message_sending_to_a_person_is_said_only_with_a_contact() -> None:
    unguarded = [(flow.id, node.id, index) for flow in CONTENT.flows.values()
                 for node in flow.nodes.values()
                 for index, message in enumerate(node.messages)
                 if "Parler à une personne" in message.text + (message.falc or "")
                 and "contact" not in (message.when or "")]
    assert unguarded == []


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_where_to_start_sends_to_no_team_without_a_contact(falc: bool) -> None:
    """« Par où commencer ? » said « Vous voulez parler à quelqu’un de notre équipe ?
    Choisissez « Parler à une personne ». », whose answer then was « Pour le moment, ce site
    a seulement le tchat. »"""
    path = ("personne-concernee", "autre-question", "premier-pas")
    step = play(ENGINE.start(falc=falc), *path)
    said = "\n".join(texts(step))
    assert "notre équipe" not in said and "Parler à une personne" not in said, said
    engine = Engine(CONTENT, {"contact_courriel": "equipe@exemple.test"})
    step = engine.start(falc=falc)
    for choice in path:
        step = engine.play(step.record, ChoiceInput(choice))
    assert "« Parler à une personne »" in "\n".join(texts(step))


def test_samir_typing_how_to_go_hears_of_no_team_without_a_contact() -> None:
    step = play(ENGINE.start(falc=True), "personne-concernee")
    step = ENGINE.play(step.record, TextInput("comen je fai pour aller dans une cop"))
    said = "\n".join(texts(step))
    assert "notre équipe" not in said and "Parler à une personne" not in said, said


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_not_understood_three_times_sends_to_no_team_without_a_contact(falc: bool) -> None:
    step = ENGINE.start(falc=falc)
    said = []
    for typed in ("zzz qsdf", "blublu wxc", "pfff mlkj", "hhhh gtgt"):
        step = ENGINE.play(step.record, TextInput(typed))
        said += texts(step)
    assert not any(POINTS_TO_A_PERSON.search(text) for text in said), said


# -- easy-to-read words ------------------------------------------------------------------------
JARGON = re.compile(r"diagnostic|\bARS\b|\bMDPH\b", re.I)


def test_no_easy_to_read_place_name_is_jargon() -> None:
    """« je comprend pa », not understood, offered in easy-to-read « Autodiagnostic » and
    « Avec l’ARS et la MDPH »: the names of places offered are plain words."""
    places = ENGINE.understanding.places
    named = {place: places.label(place, True) for place in places.nodes}
    assert {p: label for p, label in named.items() if label and JARGON.search(label)} == {}


def test_patricia_s_testimony_says_what_it_is() -> None:
    """« Écouter Patricia » on the persons' path introduced nobody, and the step is text to
    read, not sound."""
    flow = CONTENT.flows["familles"]
    labels = [(c.label, c.label_falc) for node in flow.nodes.values() for c in node.choices
              if c.target == "temoignage"]
    assert labels
    for label, falc in labels:
        assert not label.startswith("Écouter") and not falc.startswith("Écouter"), label
        assert "maman" in falc, falc
    places = ENGINE.understanding.places
    assert not (places.label("familles:temoignage", True) or "").startswith("Écouter")


def test_the_directory_s_easy_to_read_advice_says_what_the_mdph_is() -> None:
    """« 59 », typed at the directory, was answered « Demandez à la MDPH de votre
    département » in easy-to-read, MDPH said nowhere."""
    step = play(ENGINE.start(falc=True), "personne-concernee", "trouver-groupe")
    step = ENGINE.play(step.record, TextInput("59"))
    said = "\n".join(texts(step))
    assert "MDPH" in said and "59" in said, said
    assert "La MDPH aide les personnes handicapées" in said, said
    for key, message in CONTENT.system.items():
        if key.startswith("annuaire") and "MDPH" in message.falc:
            assert "La MDPH aide" in message.falc or "La MDPH donne" in message.falc, key
