"""What people who tried the coach found (2026-12-04), on the real content: « ok » typed
alone, the way from « C'est quoi une CoP ? » to finding one, where and when meetings take
place, and the words that say how the draft is erased."""

from __future__ import annotations

import pytest

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine
from tests.typed import Typist, bot, said, where

ENGINE = Engine(load_content())  # no contact configured, no communities listed
CONTENT = ENGINE.content
ACKNOWLEDGEMENTS = ["ok", "OK", "Ok !", "oki", "d'accord", "d’accord", "ça marche", "ca marche"]


TYPIST = Typist(ENGINE)
at, typed = TYPIST.at, TYPIST.typed


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("text", ACKNOWLEDGEMENTS)
@pytest.mark.parametrize("place", ["accueil:menu", "familles:questions", "trouver:debut",
                                   "decouvrir:fin"])
def test_ok_alone_is_heard_and_the_step_goes_on(place: str, text: str, falc: bool) -> None:
    """« ok » typed at a step with no « Continuer » got « Je ne comprends pas » (« ça
    marche » went to the professionals' results): now it is heard, like « merci », and the
    same step's choices are given back."""
    record = at(place, falc, persona="famille")
    before = ENGINE.step(record, 0)
    step = typed(record, text)
    assert where(step) == place, text
    assert bot(step)[:2] == ["coach/reponse-ok", "coach/reponse-suite"]
    assert step.choices == before.choices and step.end == before.end
    assert "comprends pas" not in said(step)


@pytest.mark.parametrize("text", ["ok merci", "merci"])
def test_ok_thanks_is_still_thanks(text: str) -> None:
    step = typed(at("accueil:menu"), text)
    assert bot(step)[0] == "coach/reponse-merci" and where(step) == "accueil:menu"


@pytest.mark.parametrize("text", ["ok", "d'accord", "ça marche"])
def test_ok_still_chooses_continue_where_there_is_one(text: str) -> None:
    """Where the step has « Continuer », « ok » is that choice, as before."""
    step = typed(at("decouvrir:debut"), text)
    assert where(step) == "decouvrir:question"


@pytest.mark.parametrize("text", ["ok", "d'accord", "ça marche", "oki"])
def test_ok_never_leads_anywhere_but_this_step(text: str) -> None:
    """At every step, « ok » alone is heard, or a choice or command of this step: never a
    place elsewhere found by one of its everyday words."""
    elsewhere = {}
    for flow in CONTENT.flows.values():
        for node in flow.nodes.values():
            record = at(f"{flow.id}:{node.id}")
            decision = ENGINE.understand(record, text)
            best = decision.best
            if best is None or not (best.key == "reponse:ok"
                                    or best.key.startswith(("choix:", "commande:"))):
                elsewhere[f"{flow.id}:{node.id}"] = (decision.kind, best and best.key)
    assert elsewhere == {}


@pytest.mark.parametrize("text", ["ok je veux trouver un groupe", "ok et je fais quoi maintenant"])
def test_ok_before_a_request_gives_way_to_it(text: str) -> None:
    step = typed(at("accueil:menu"), text)
    assert "coach/reponse-ok" not in bot(step)
    assert where(step) != "accueil:menu"


# -- « C'est quoi une CoP ? » also leads to finding one ------------------------------------


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("place", ["decouvrir:double", "decouvrir:fin"])
def test_discovering_offers_to_find_a_community_and_back(place: str, falc: bool) -> None:
    """The discovery led to « Comment créer une CoP ? » and to the journeys, never to
    finding a community: a parent who only wants to join one had no way there."""
    record = at(place, falc)
    step = ENGINE.step(record, 0)
    found = [c for c in step.choices if c["id"] == "trouver"]
    assert found and "Trouver une communauté" in found[0]["label"]
    step = ENGINE.play(record, ChoiceInput("trouver"))
    assert where(step) == "trouver:debut"
    step = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert where(step) == place


# -- plain words for the fourth trap --------------------------------------------------------


@pytest.mark.parametrize("falc", [False, True])
def test_the_fourth_trap_says_what_it_means(falc: bool) -> None:
    """« L'ennemi est ailleurs » was found obscure or aggressive by readers: the button and
    the card say what it means; typed, it still leads there."""
    pieges = ENGINE.step(at("animer:pieges", falc), 0)
    label = next(c["label"] for c in pieges.choices if c["id"] == "p-ennemi")
    card = ENGINE.play(at("animer:pieges", falc), ChoiceInput("p-ennemi"))
    shown = label + "\n" + said(card)
    assert "ennemi" not in shown.lower()
    assert "faute" in label.lower() or "accuser" in label.lower()
    assert where(typed(at("animer:pieges"), "l'ennemi est ailleurs")) == "animer:piege-ennemi"


# -- where and when the meetings are ---------------------------------------------------------


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("persona", ["famille", "personne", "professionnel", None])
def test_where_is_the_meeting_is_answered_honestly(persona: str | None, falc: bool) -> None:
    """« c ou la reunion » was answered with short videos one can watch, which not every
    community has: now, who decides (each community), who knows the dates, and how to
    find a community."""
    step = typed(at("familles:roles", falc, persona=persona), "c ou la reunion")
    assert bot(step)[0] == "coach/reponse-rencontres"
    text = said(step)
    assert "vidéo" not in text.lower() and "podcast" not in text.lower()
    assert "chaque communauté" in text.lower() and "personne qui" in text
    assert "trouver une communauté" in text
    found = typed(step.record, "trouver une communauté")
    assert where(found) == "trouver:debut"


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("text", ["où sont les réunions", "ou sont les reunions ?",
                                  "c'est quand les rencontres", "les rencontres c'est quand ?"])
@pytest.mark.parametrize("place", ["familles:roles", "accueil:menu"])
def test_a_parent_asking_about_meetings_is_answered_directly(place: str, text: str,
                                                             falc: bool) -> None:
    """A parent was asked « Vous voulez parler de… ? » between the meetings and the
    coordinators' scenario or posture: the parents' answer comes at once."""
    step = typed(at(place, falc, persona="famille"), text)
    assert bot(step)[0] == "coach/reponse-rencontres", bot(step)
    assert "coach/sens-question" not in bot(step)
    assert where(step) == place


# -- erasing the draft, in easy-to-read words -----------------------------------------------


def test_erasing_the_draft_says_what_is_erased_in_easy_to_read() -> None:
    """« Pour effacer le brouillon, effacez tout » did not say what « tout » is."""
    falc = CONTENT.system["brouillon-effacer"].falc
    assert "effacez tout" not in falc
    assert "toute la conversation" in falc and "Supprimer ma conversation" in falc
