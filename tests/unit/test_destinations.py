"""`coach endroits`: the list a writer of examples gets, and nothing of how the coach reads."""

from __future__ import annotations

import pytest

from coach.authoring.destinations import destinations
from coach.cli import main
from coach.content.loader import load_content

CONTENT = load_content()
LINES = destinations(CONTENT)


def test_every_place_the_coach_can_name_is_listed_with_its_name() -> None:
    assert any(line.startswith("familles:debut — Familles : ai-je ma place ? — ")
               for line in LINES)
    assert "glossaire:MDPH" in LINES
    assert "commande:simplifier — Dire plus simplement" in LINES
    assert "reponse:gratuit — Est-ce gratuit ?" in LINES
    assert LINES[-1].startswith("aucun — ")
    for line in LINES:
        place = line.split(" — ")[0]
        flow, _sep, node = place.partition(":")
        if flow in CONTENT.flows:
            assert CONTENT.has_node((flow, node)), place


def test_how_the_coach_reads_is_not_given_away() -> None:
    listed = "\n".join(LINES).casefold()
    node = CONTENT.flows["familles"].nodes["premier-pas"]
    assert node.topics and not any(topic.casefold() in listed for topic in node.topics
                                   if len(topic) > 12)
    assert "on enchaîne" not in listed  # go_on
    # An intention may say a place's name (« le scénario de l'animateur »); nothing else.
    names = " ".join(line.split(" — ")[1] for line in LINES if " — " in line).casefold()
    shown = [phrase for entry in CONTENT.intents for phrase in entry.intention.phrases
             if len(phrase) > 25 and phrase.casefold() in listed
             and phrase.casefold() not in names]
    assert shown == []


def test_the_command_prints_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["endroits"]) == 0
    assert capsys.readouterr().out.splitlines() == LINES
