"""What an exploratory session in a real browser found (2026-12-03): a coordinator coming
back to a stage, « on en était où ? », and a site with no contact that still sent people to
« Parler à une personne » (real content)."""

from __future__ import annotations

import pytest

from coach.content.loader import load_content
from coach.engine.engine import Engine, Step, TextInput
from tests.places import record_at

CONTENT = load_content()
NO_CONTACT = Engine(CONTENT)
CONTACT = Engine(CONTENT, {"contact_nom": "Camille", "contact_courriel": "camille@exemple.fr"})


def typed(engine: Engine, place: str, text: str, falc: bool = False, **variables: object) -> Step:
    return engine.play(record_at(engine, place, falc, **variables), TextInput(text))


def where(step: Step) -> str:
    return f"{step.record.flow}:{step.record.node}"


def bot(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


def first_said(step: Step) -> str:
    return next(m.text for m in step.messages if m.role == "bot")


@pytest.mark.parametrize(("text", "stage"), [
    ("je reviens à l'étape 1", "initier"), ("je reviens a l etape 1", "initier"),
    ("revenir à l'étape 2", "modeliser"), ("je reviens à l'étape 3", "animer"),
    ("je reviens à l’étape 4", "perenniser"),
])
@pytest.mark.parametrize("place", ["outils:charte", "initier:diagnostic", "animer:debut"])
def test_coming_back_to_a_stage_goes_to_that_stage(text: str, stage: str, place: str) -> None:
    """Typed at a tool opened from a stage, « je reviens à l'étape 1 » showed the tool again
    (« revenir » read as the way back)."""
    step = typed(NO_CONTACT, place, text, persona="coordinateur", etape=1)
    assert step.record.flow == stage, where(step)


@pytest.mark.parametrize("text", ["on en était où ?", "on en etait ou", "où on en était"])
@pytest.mark.parametrize("place", ["initier:debut", "outils:charte", "modeliser:roles"])
def test_where_were_we_offers_to_resume(text: str, place: str) -> None:
    """« on en était où ? » was never understood; « où j'en étais » was: both lead to the
    stages, with « Reprendre à l'étape … » offered."""
    step = typed(NO_CONTACT, place, text, persona="coordinateur", etape=1)
    assert where(step) == "coordinateur:parcours"
    assert any(choice["label"].startswith("Reprendre à l’étape 1") for choice in step.choices)


def test_without_a_contact_difficulty_never_sends_to_a_person() -> None:
    """Already in easy-to-read, « pas compris » said the messages again and « une personne
    de l'équipe peut vous aider : choisissez Parler à une personne », on a site with no one
    to offer: now a close person, then (said again at once) whoever gave the site's
    address."""
    first = typed(NO_CONTACT, "familles:debut", "pas compris", True, persona="famille")
    assert bot(first)[0] == "coach/simplifier-deja-sans-contact"
    again = NO_CONTACT.play(first.record, TextInput("trop long"))
    assert bot(again)[0] == "coach/simplifier-plus-sans-contact"
    said = "\n".join(m.text for m in [*first.messages, *again.messages] if m.role == "bot")
    assert "Parler à une personne" not in said and "équipe" not in said
    with_contact = typed(CONTACT, "familles:debut", "pas compris", True, persona="famille")
    assert bot(with_contact)[0] == "coach/simplifier-deja"
    assert first.record.falc and again.record.falc


@pytest.mark.parametrize("falc", [False, True])
def test_a_partner_asking_to_put_the_coach_on_its_site_is_told_whom_to_ask(falc: bool) -> None:
    text = "comment mettre ce coach sur notre site ?"
    alone = typed(NO_CONTACT, "professionnels:debut", text, falc)
    assert bot(alone)[0] == "coach/reponse-integrer-sans-contact"
    assert "Parler à une personne" not in first_said(alone)
    helped = typed(CONTACT, "professionnels:debut", text, falc)
    assert bot(helped)[0] == "coach/reponse-integrer"
    assert "Parler à une personne" in first_said(helped)
