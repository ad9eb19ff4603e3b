"""A professional's own questions, typed the way an educator in an IME types on a phone
(no accents, SMS spellings): the employer's agreement gets an honest answer, « Comment
rejoindre une CoP ? » says how to join, confidentiality speaks of the people one supports,
a difficulty with a family at work is not a conflict inside a CoP, and the professionals'
texts need no gender."""

from __future__ import annotations

import re

import pytest

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput
from tests.conftest import CONTACT
from tests.places import record_at

ENGINE = Engine(load_content(), CONTACT)
PRO = {"persona": "professionnel"}


def typed(place: str, text: str, falc: bool, **variables: object) -> Step:
    """`text` typed at `place` by a professional (or the persona given)."""
    record = record_at(ENGINE, place, falc=falc, **{**PRO, **variables})
    return ENGINE.play(record, TextInput(text))


def where(step: Step) -> str:
    return f"{step.record.flow}:{step.record.node}"


def said(step: Step) -> str:
    return "\n".join(m.text for m in step.messages if m.role == "bot")


def refs(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


def labels(step: Step) -> list[str]:
    return [str(c.get("label")) for c in step.choices]


# -- 1. the employer's agreement ------------------------------------------------------------

EMPLOYER = ["mon employeur doit donner son accord",
            "il faut l accord de mon directeur pour participer",
            "je dois demander l autorisation a ma direction",
            "ma cheffe va jamais accepter",
            "c sur mon temps de travail",
            "faut que ma direction soit ok pour que j y aille ?"]


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("place", ["professionnels:sujets", "professionnels:rejoindre",
                                   "professionnels:temps-pro"])
@pytest.mark.parametrize("text", EMPLOYER)
def test_the_employers_agreement_gets_its_answer(text, place, falc):
    step = typed(place, text, falc)
    assert where(step) == "professionnels:employeur", (refs(step), labels(step))
    words = said(step)
    assert "direction" in words
    assert "employeur" in words       # what the coach does not know, said
    assert "ici-rappel" not in " ".join(refs(step))


@pytest.mark.parametrize("falc", [False, True])
def test_the_lack_of_time_for_professionals_leads_to_the_employer(falc):
    step = ENGINE.play(record_at(ENGINE, "professionnels:rejoindre", falc=falc, **PRO),
                       ChoiceInput("temps"))
    assert where(step) == "professionnels:temps-pro"
    assert "temps libre" not in said(step)
    assert "direction" in said(step)
    assert "employeur" in [c["id"] for c in step.choices]
    then = ENGINE.play(step.record, ChoiceInput("employeur"))
    assert where(then) == "professionnels:employeur"


# -- 2. how to join ---------------------------------------------------------------------------

@pytest.mark.parametrize("falc", [False, True])
def test_joining_says_how_and_offers_to_find_a_community(falc):
    step = ENGINE.play(record_at(ENGINE, "professionnels:sujets", falc=falc, **PRO),
                       ChoiceInput("rejoindre"))
    assert where(step) == "professionnels:rejoindre"
    first = next(m.text for m in step.messages if m.role == "bot")
    assert "trouve" in first.lower() and "anime" in first
    assert "Trouver une communauté près de chez moi" in labels(step)
    assert "employeur" in [c["id"] for c in step.choices]
    found = ENGINE.play(step.record, ChoiceInput("trouver-groupe"))
    assert where(found) == "trouver:debut"


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("text", ["ya une cop autisme", "comment je rejoins une cop sur l autisme",
                                  "est ce qu il existe une cop sur le polyhandicap"])
def test_a_community_on_a_theme_is_looked_for(text, falc):
    step = typed("professionnels:sujets", text, falc)
    if where(step) == "professionnels:rejoindre":   # the menu's « rejoindre »: how to find one
        assert "Trouver une communauté près de chez moi" in labels(step)
        return
    if where(step) != "trouver:debut":   # asked: finding a community comes first
        assert refs(step) == ["coach/sens-question"], refs(step)
        assert labels(step)[0] == "Trouver une CoP près de chez moi", labels(step)


# -- 3. confidentiality, for a professional -----------------------------------------------------

@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("place, text", [
    ("professionnels:rejoindre", "Est-ce confidentiel ?"),
    ("professionnels:sujets", "c confidentiel ?"),
    ("professionnels:sujets", "et si je parle d un jeune de mon IME avec son prenom"),
    ("familles:confidentialite", "et si je parle d un jeune de mon IME avec son prenom"),
    ("professionnels:employeur", "je peux donner le prenom d un resident ?"),
])
def test_confidentiality_for_a_professional_speaks_of_the_people_supported(place, text, falc):
    step = typed(place, text, falc)
    assert where(step) == "professionnels:confidentialite", (refs(step), labels(step))
    assert "coach/ici-rappel" not in refs(step)
    words = said(step)
    assert "prénom" in words
    assert "votre proche" not in words
    assert "respecte le RGPD" not in words and "La communauté respecte" not in words
    assert not any("familles" in label for label in labels(step))


@pytest.mark.parametrize("falc", [False, True])
def test_confidentiality_for_a_parent_stays_the_families_answer(falc):
    step = typed("familles:questions", "Est-ce confidentiel ?", falc, persona="famille")
    assert where(step) == "familles:confidentialite"
    # what a charter should do, not a fact about every community
    assert "respecte le RGPD" not in said(step)
    assert "La communauté respecte" not in said(step)
    assert "anime" in said(step)


# -- 4. a difficulty with a family at work ------------------------------------------------------

@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("text", ["jai un conflit avec une famille qui conteste tout",
                                  "jai un souci avec les parents d un jeune",
                                  "gros souci avec une famille au boulot"])
def test_a_conflict_with_a_family_at_work_is_not_a_conflict_inside_a_cop(text, falc):
    step = typed("professionnels:sujets", text, falc)
    if refs(step) == ["coach/sens-question"]:    # asked: the difficulty at work comes first
        assert labels(step)[0] == "Un souci avec une famille", labels(step)
        step = ENGINE.play(step.record, ChoiceInput(step.choices[0]["id"]))
    assert where(step) == "professionnels:conflit-famille", (refs(step), labels(step))
    words = said(step)
    assert "Si vous êtes membre" not in words and "Vous êtes membre" not in words
    assert "communauté" in words
    assert "difficultes:tensions" in [
        ENGINE.content.flows["professionnels"].nodes["conflit-famille"].choices[0].target]


# -- 5. wording that needs no gender --------------------------------------------------------------

MASCULINE_ONLY = re.compile(r"\b(éducateurs|assistants sociaux|contributeur|facilitateurs?"
                            r"|évaluateur)\b")


def test_the_professionals_texts_need_no_gender():
    flow = ENGINE.content.flows["professionnels"]
    found = [(node.id, text) for node in flow.nodes.values() for message in node.messages
             for text in (message.text, message.falc) if text and MASCULINE_ONLY.search(text)]
    assert found == []
