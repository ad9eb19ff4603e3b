"""« La communauté » (or « la CoP ») is the whole community; « le groupe » is a working group.
In stages 1, 3 and 4 and the draft's animation plan, a text that says « le groupe », « du
groupe », « votre groupe »… names a working group in the same breath; otherwise it says « la
CoP », « la communauté » or « les membres » (standard and easy-to-read). So do the FALC
checker's definitions of the charter, the roadmap and the facilitator (falc.toml).
The tools, difficulties, discovery, professionals', families', welcome and finding flows
go further: « le groupe », « du groupe », « ces groupes »… is a working group only where
listed below, even in a text that names a working group elsewhere; the welcome, the
coordinator's hub, the difficulties and the search for a community near home (and the
buttons that lead there) never say « groupe » at all: they speak of the whole community."""

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
    yield "titre", flow.header.title
    yield "titre (FALC)", flow.header.title_falc
    for part in flow.header.parts:
        yield f"partie {part.id}", part.title
        yield f"partie {part.id} (FALC)", part.title_falc
    for node in flow.nodes.values():
        yield f"{node.id} (titre)", node.title
        yield f"{node.id} (titre, FALC)", node.title_falc
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


# Any « le/du/au/ce/ces/votre… groupe » not followed by « de travail » or « thématique ».
A_GROUP = re.compile(r"\b(?:le|du|au|aux|ce|ces|cette|votre|vos|notre|nos|tout le|tous les) "
                     r"groupes?\b(?! de travail| thématiques?)", re.IGNORECASE)

# The texts where such a « groupe » is a working group or any group, and why.
WORKING_GROUP_TEXTS = {
    # a working group's report: the group writes what it wants to do; its plan: its name,
    # what it keeps, its choices
    ("outils", "compte-rendu/0 (FALC)"),
    ("outils", "compte-rendu-plan/0"), ("outils", "compte-rendu-plan/0 (FALC)"),
    ("outils", "compte-rendu-plan/1"), ("outils", "compte-rendu-plan/1 (FALC)"),
    # the reflection technique, said to the people of the group being facilitated
    ("professionnels", "techniques/2 (FALC)"),
    # « un groupe le lit. Ce groupe valide le guide » : the editorial committee
    ("professionnels", "institutions/1 (FALC)"),
}


@pytest.mark.parametrize("flow_id", ["outils", "difficultes", "decouvrir", "professionnels",
                                     "trouver", "accueil", "familles"])
def test_the_group_is_a_working_group_only_where_listed(flow_id):
    found = [f"{where}: {text!r}" for where, text in texts(flow_id)
             if A_GROUP.search(text) and (flow_id, where) not in WORKING_GROUP_TEXTS]
    assert found == []


def test_the_listed_working_groups_are_still_there():
    for flow_id, where in WORKING_GROUP_TEXTS:
        assert A_GROUP.search(dict(texts(flow_id))[where]), (flow_id, where)


@pytest.mark.parametrize("flow_id", ["accueil", "coordinateur", "difficultes", "trouver"])
def test_the_whole_community_is_never_a_group(flow_id):
    found = [f"{where}: {text!r}" for where, text in texts(flow_id)
             if re.search(r"\bgroupes?\b", text, re.IGNORECASE)]
    assert found == []


def test_the_way_to_a_community_near_home_says_community():
    labels = [(f"{flow_id}:{node.id}:{choice.id}", label)
              for flow_id, flow in CONTENT.flows.items() for node in flow.nodes.values()
              for choice in node.choices if (choice.target or "").startswith("trouver:")
              for label in (choice.label, choice.label_falc)]
    assert len(labels) >= 4
    assert [label for label in labels if "groupe" in label[1].lower()] == []
    assert all(re.search(r"communauté|CoP", label) for _, label in labels), labels


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


def test_the_directory_and_the_answers_speak_of_communities():
    """The directory's answers (question, advice, results, nothing listed) and the answers
    said in place (« c'est gratuit ? »…) are about communities, in both texts: never
    « groupe »."""
    found = [f"{key}: {text!r}" for key, message in CONTENT.system.items()
             if key.startswith(("annuaire", "reponse")) for text in (message.text, message.falc)
             if re.search(r"\bgroupes?\b", text, re.IGNORECASE)]
    assert found == []
