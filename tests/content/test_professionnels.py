"""Content tests for the flow `professionnels` (professionals and partners)."""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput, Step
from tests.content.playing import ENGINE, choice_ids, play, texts

FLOW = "professionnels"


def joined(step: Step) -> str:
    return " ".join(texts(step))








def test_debut_introduces_then_offers_the_topics() -> None:
    step = ENGINE.start(FLOW)
    assert step.record.node == "sujets"  # debut follows on to the small menu
    said = joined(step)
    assert "communauté de pratique" in said
    assert {"apports", "rejoindre", "faciliter", "ancrage", "lancer"} <= set(choice_ids(step))


def test_what_a_cop_brings() -> None:
    step = play(ENGINE.start(FLOW), "apports")
    said = joined(step)
    assert "brise l’isolement" in said
    assert "capitalise les savoirs" in said
    assert "cloisonnements" in said
    step = play(step, "continuer")
    assert step.record.node == "laboratoire"
    assert "véritable laboratoire" in joined(step)


def test_joining_gives_roles_and_levels() -> None:
    step = play(ENGINE.start(FLOW), "rejoindre")
    said = joined(step)
    # the roles said by what one does there (no masculine-only job names)
    for word in ("partager des ressources", "animer un groupe de travail",
                 "mesurer l’impact", "observer", "contribuer de temps en temps",
                 "participer activement"):
        assert word in said


def test_facilitating_a_group_covers_co_animation_posture_and_techniques() -> None:
    step = play(ENGINE.start(FLOW), "faciliter")
    said = joined(step)
    assert "inclusion scolaire" in said
    assert "binômes ou des trinômes" in said and "tous les 2 mois" in said
    step = play(step, "continuer")
    assert step.record.node == "posture"
    assert "« faire émerger »" in joined(step)
    step = play(step, "continuer")
    assert step.record.node == "techniques"
    said = joined(step)
    for word in ("questions ouvertes", "écoute active", "reformulation", "synthèse"):
        assert word in said


def test_territorial_anchoring_and_official_schemes() -> None:
    step = play(ENGINE.start(FLOW), "ancrage")
    said = joined(step)
    assert "Grand Est" in said and "ARS" in said and "MDPH" in said
    assert "logique de réseau" in said
    step = play(step, "continuer")
    assert step.record.node == "institutions"
    assert "guides validés par l’ARS ou la MDPH" in joined(step)


def test_results_cite_the_epilepsy_cop_field_report() -> None:
    step = play(ENGINE.start(FLOW), "resultats")
    said = joined(step)
    assert "Épilepsies et Handicap" in said
    assert "5 étapes" in said


@pytest.mark.parametrize(("typed", "node"), [
    ("ça sert à quoi ?", "apports"),
    ("comment rejoindre", "rejoindre"),
    ("je voudrais animer un groupe", "faciliter"),
    ("et la MDPH ?", "ancrage"),
    ("concrètement ça change quoi", "resultats"),
])
def test_typed_topics_route(typed: str, node: str) -> None:
    step = play(ENGINE.start(FLOW), "?" + typed)
    assert step.record.node == node


def test_lack_of_time_typed_while_joining() -> None:
    step = play(ENGINE.start(FLOW), "rejoindre", "?on manque de temps")
    assert step.record.node == "temps-pro"
    assert "5 minutes" in joined(step)


def test_launching_one_goes_to_the_coordinator_track() -> None:
    step = play(ENGINE.start(FLOW), "?je veux lancer une cop")
    assert (step.record.flow, step.record.node) == ("coordinateur", "parcours")


def test_playing_the_track_reaches_the_end_with_what_next() -> None:
    step = ENGINE.start(FLOW)
    seen = [step.record.node]
    for _ in range(30):
        if step.end:
            break
        step = play(step, choice_ids(step)[0])
        seen.append(step.record.node)
    assert step.end and step.record.node == "fin", seen
    for node in ("apports", "laboratoire", "resultats", "rejoindre", "faciliter", "posture",
                 "techniques", "ancrage", "institutions"):
        assert node in seen
    targets = {c.target for c in ENGINE.content.node((FLOW, "fin")).choices}
    assert {"coordinateur:parcours", "outils:banque", "accueil:menu"} <= targets


def test_every_node_is_reached_by_buttons_and_none_is_a_dead_end() -> None:
    flow = ENGINE.content.flows[FLOW]
    start = ENGINE.start(FLOW)
    queue, seen = [start], {start.record.node, "debut"}
    while queue:
        step = queue.pop()
        assert step.end or step.choices, step.record.node
        for cid in choice_ids(step):
            nxt = ENGINE.play(step.record, ChoiceInput(cid))
            if nxt.record.flow == FLOW and nxt.record.node not in seen:
                seen.add(nxt.record.node)
                queue.append(nxt)
    assert seen == set(flow.nodes)
