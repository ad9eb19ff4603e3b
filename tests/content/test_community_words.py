"""« La communauté » (or « la CoP ») is the whole community; « le groupe » is a working group.
In stages 1 and 4, a text that says « le groupe », « du groupe », « votre groupe »… names a
working group in the same breath; otherwise it says « la CoP », « la communauté » or « les
membres » (standard and easy-to-read)."""

from __future__ import annotations

import re

import pytest

from tests.content.playing import CONTENT

THE_GROUP = re.compile(r"\b(?:le|du|au|ce|votre|notre|tout le) groupe\b(?! de travail)",
                       re.IGNORECASE)
WORKING_GROUP = re.compile(r"groupes? (?:de travail|thématiques?)|petits groupes", re.IGNORECASE)


def texts(flow_id: str):
    flow = CONTENT.flows[flow_id]
    for part in flow.header.parts:
        yield f"partie {part.id}", part.title
        yield f"partie {part.id} (FALC)", part.title_falc
    for node in flow.nodes.values():
        for index, message in enumerate(node.messages):
            yield f"{node.id}/{index}", message.text
            yield f"{node.id}/{index} (FALC)", message.falc
        for choice in node.choices:
            yield f"{node.id}:{choice.id}", choice.label
            yield f"{node.id}:{choice.id} (FALC)", choice.label_falc


@pytest.mark.parametrize("flow_id", ["initier", "perenniser"])
def test_the_group_is_a_working_group(flow_id):
    found = [f"{where}: {text!r}" for where, text in texts(flow_id)
             if THE_GROUP.search(text) and not WORKING_GROUP.search(text)]
    assert found == []
