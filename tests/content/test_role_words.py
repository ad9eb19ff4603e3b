"""Roles read without gender where a wording needs none: « la personne qui anime »,
« l’équipe d’animation », « contribuer de temps en temps » rather than « l’animateur »,
« les animateurs », « contributeur ponctuel », « les coordinateurs » (standard and
easy-to-read). Named people keep theirs (Alexandra, « l’animatrice »), and so do the
module's named roles where they are defined (« les animateurs territoriaux »). The old
words typed still reach the same places."""

from __future__ import annotations

import re

import pytest

from coach.engine.engine import TextInput
from tests.content.playing import CONTENT, ENGINE
from tests.content.test_community_words import texts
from tests.places import record_at

GENDERED_ROLE = re.compile(
    r"\b(?:l’animat(?:eur|rice)|les animateurs|des animateurs|co-animateurs|d’animateurs?"
    r"|futurs animateurs|contributeurs? ponctuels?|observateur|(?:le|les|des) coordinateurs?"
    r"|, coordinateurs)\b", re.IGNORECASE)
# Where a gendered word stays: a named person, or a role of the module defined as a term.
KEPT = {("familles", "temoignage/2"), ("modeliser", "temoignage/2"),
        ("perenniser", "gouvernance-roles/0")}


def test_roles_read_without_gender():
    found = [f"{flow_id} {where}: {text!r}" for flow_id in CONTENT.flows
             for where, text in texts(flow_id)
             if text and GENDERED_ROLE.search(text) and (flow_id, where) not in KEPT]
    assert found == []


@pytest.mark.parametrize(("place", "typed", "reached"), [
    ("animer:sommaire", "le rôle de l’animateur", ("animer", "role")),
    ("animer:sommaire", "le scénario de l’animateur", ("animer", "scenario")),
    ("difficultes:tensions", "les techniques de l’animateur", ("animer", "techniques")),
    ("professionnels:faciliter", "la posture d’animateur", ("professionnels", "posture")),
    ("familles:hesitation", "commencer comme observateur", ("familles", "conseil")),
])
@pytest.mark.parametrize("falc", [False, True])
def test_the_old_role_words_typed_still_reach_the_same_place(place, typed, reached, falc):
    step = ENGINE.play(record_at(ENGINE, place, falc=falc), TextInput(typed))
    assert (step.record.flow, step.record.node) == reached
