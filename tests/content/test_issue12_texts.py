"""Texts that speak to whoever reads them: card answers that answer, profile buttons that
fit plural profiles, no coordinator instructions for a parent, no gendered address."""

from __future__ import annotations

import re

from tests.content.playing import CONTENT, ENGINE, play, texts

CARDS = ("duree-reponse", "nature-reponse", "objectif-reponse", "participation-reponse",
         "composition-reponse", "adhesion-reponse")
GENDERED = re.compile(r"\b(Restez attentif|Vous vous êtes arrêté|Êtes-vous prêt|par vous seul)\b")


def test_each_card_answer_is_an_answer_not_a_question():
    for node_id in CARDS:
        answer = CONTENT.node(("initier", node_id)).messages[0]
        assert answer.text.startswith("Réponse : "), node_id
        for text in (answer.text, answer.falc):
            assert "?" not in text, (node_id, text)


def test_profile_buttons_fit_plural_profiles():
    for number in range(1, 8):
        node = CONTENT.node(("initier", f"profil-{number}"))
        labels = [c.label for c in node.choices] + [c.label_falc for c in node.choices]
        assert "Oui, il a sa place" not in labels
        assert "Oui, ce profil a sa place" in labels


def test_a_parent_discovering_cops_gets_no_coordinator_instruction():
    step = ENGINE.start("decouvrir", falc=True)  # where « C’est quoi une CoP ? » leads
    seen: list[str] = []
    for _ in range(12):
        seen += texts(step)
        ids = [c["id"] for c in step.choices]
        nxt = next((c for c in ("continuer", "sais-pas", "suite") if c in ids), None)
        if nxt is None:
            break
        step = play(step, nxt)
    assert "Donc, une communauté écoute d’abord chaque membre." in "\n".join(seen)
    assert not any("Posez" in text for text in seen), seen


def test_no_gendered_address_in_any_text():
    for flow, node in CONTENT.iter_nodes():
        for message in node.messages:
            for text in (message.text, message.falc):
                assert not GENDERED.search(text), (flow.id, node.id, text)
        for choice in node.choices:
            assert not GENDERED.search(choice.label + " " + choice.label_falc), (flow.id, node.id)
