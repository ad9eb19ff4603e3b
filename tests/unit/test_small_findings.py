"""What people who tried the coach found (2026-12-04), on the real content: « ok » typed
alone, the way from « C'est quoi une CoP ? » to finding one, where and when meetings take
place, and the words that say how the draft is erased."""

from __future__ import annotations

import pytest

from coach.content.loader import load_content
from coach.engine.engine import Engine, Step, TextInput
from coach.engine.record import Record
from tests.places import record_at

ENGINE = Engine(load_content())  # no contact configured, no communities listed
CONTENT = ENGINE.content
ACKNOWLEDGEMENTS = ["ok", "OK", "Ok !", "oki", "d'accord", "d’accord", "ça marche", "ca marche"]


def at(place: str, falc: bool = False, **variables: object) -> Record:
    return record_at(ENGINE, place, falc, **variables)


def typed(record: Record, text: str) -> Step:
    return ENGINE.play(record, TextInput(text))


def where(step: Step) -> str:
    return f"{step.record.flow}:{step.record.node}"


def bot(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


def said(step: Step) -> str:
    return "\n".join(m.text for m in step.messages if m.role == "bot")


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
