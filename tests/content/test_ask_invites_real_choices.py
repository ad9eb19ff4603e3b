"""A coordinator's try-out on a phone (stage 4, in easy-to-read French) met « Quels chiffres
voulez-vous suivre ? … Vous pouvez aussi choisir une réponse sous ce message. » under which
the buttons were « Voir le questionnaire » and « Voir les résultats »: none of them is an
answer, none goes into the draft. A question of the draft (`ask:`) invites to choose an
answer only when one of its choices gives the draft that answer (sets its variable); else it
says what the buttons do (continue, see something)."""

from __future__ import annotations

import re

from tests.content.playing import ENGINE

CHOOSE = re.compile(r"\bchoisissez\b|\bchoisir une réponse\b|\bou choisir\b", re.IGNORECASE)


def test_a_draft_question_invites_to_choose_only_when_a_choice_is_an_answer():
    misleading = []
    for flow in ENGINE.content.flows.values():
        for node in flow.nodes.values():
            if not node.ask or not node.messages:
                continue
            answers = [c for c in node.choices if node.ask.variable in (c.set or {})]
            if answers:
                continue
            last = node.messages[-1]
            for mode, text in (("standard", last.text), ("facile", last.falc or "")):
                if CHOOSE.search(text):
                    misleading.append(f"{flow.id}:{node.id} ({mode}): {text[-90:]}")
    assert misleading == []
