"""« La communauté » (or « la CoP ») is the whole community; « le groupe » is a working group.
In stages 1, 3 and 4 and the draft's animation plan, a text that says « le groupe », « du
groupe », « votre groupe »… names a working group in the same breath; otherwise it says « la
CoP », « la communauté » or « les membres » (standard and easy-to-read). So do the FALC
checker's definitions of the charter, the roadmap and the facilitator (falc.toml)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

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


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("flow_id", ["initier", "animer", "perenniser"])
def test_the_group_is_a_working_group(flow_id):
    found = [f"{where}: {text!r}" for where, text in texts(flow_id)
             if THE_GROUP.search(text) and not WORKING_GROUP.search(text)]
    assert found == []


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_the_draft_animation_plan_says_the_community():
    draft = yaml.safe_load((ROOT / "coach" / "drafts" / "brouillon.yaml").read_text("utf-8"))
    plan = next(doc for doc in draft["documents"] if doc["id"] == "plan-animation")
    found = [text for text in strings(plan) if THE_GROUP.search(text)
             and not WORKING_GROUP.search(text)]
    assert found == []


def test_the_falc_glossary_defines_the_charter_and_roadmap_for_the_community():
    glossary = tomllib.loads((ROOT / "falc.toml").read_text("utf-8"))["glossary"]
    for term in ("charte", "feuille de route", "facilitateur"):
        assert not THE_GROUP.search(glossary[term]), (term, glossary[term])
