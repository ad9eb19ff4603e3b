"""Typing a button's label, its FALC label or one of its synonyms chooses that button, in
every flow (among the buttons that can be shown with it: guarded alternatives, such as
« reprendre à l'étape 1 » or « 2 », are never shown together)."""

from __future__ import annotations

import pytest

from tests.content.matching import understand
from tests.content.playing import CONTENT

COMMANDS = list(CONTENT.commands.values())


@pytest.mark.parametrize("flow_id", sorted(CONTENT.flows))
def test_every_synonym_reaches_its_own_choice(flow_id):
    for node in CONTENT.flows[flow_id].nodes.values():
        for choice in node.choices:
            shown_with = [c for c in node.choices if c is choice or not c.when]
            for phrase in [choice.label, choice.label_falc, *choice.synonyms]:
                match = understand(phrase, shown_with, COMMANDS)
                assert match is not None and (match.kind, match.id) == ("choice", choice.id), (
                    f"{node.id}: « {phrase} » should reach {choice.id}, got {match}")
