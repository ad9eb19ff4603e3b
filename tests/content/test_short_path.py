"""Each stage offers the essentials (told as such, with the time it takes) and the full path
with the exercises; on the short path the progress counts only the parts it goes through."""

from __future__ import annotations

import re

import pytest

from tests.content.playing import CONTENT, ENGINE, choice_ids, play, texts

STAGES = ("initier", "modeliser", "animer", "perenniser")


@pytest.mark.parametrize("flow", STAGES)
def test_the_stage_start_offers_both_paths_with_their_time(flow):
    step = ENGINE.start(flow)
    labels = {c["id"]: c["label"] for c in step.choices}
    assert "essentiel" in labels
    full = next(c for c in CONTENT.node((flow, "debut")).choices
                if c.set.get("chemin") == "complet")
    assert re.search(r"environ \d+ min", labels["essentiel"])
    assert re.search(r"environ \d+ min", labels[full.id]) and "exercices" in labels[full.id]
    said = " ".join(texts(step))
    assert "l’essentiel, environ" in said and "le parcours complet, environ" in said
    short = play(step, "essentiel")
    whole = play(ENGINE.start(flow), full.id)
    assert short.progress["parts"] < whole.progress["parts"]
    assert short.progress["parts"] == len([p for p in CONTENT.flows[flow].header.parts
                                           if not p.exercise])


def test_the_short_path_of_stage_1_goes_round_the_exercise():
    step = play(ENGINE.start("initier"), "essentiel")
    record = step.record
    record.flow, record.node = "initier", "bilan-cartes"
    step = ENGINE.step(record, len(record.transcript))
    assert choice_ids(step)[:2] == ["continuer-court", "exercice"]
    step = play(step, "continuer-court")
    assert step.record.node == "enjeux-secteur"
    assert step.progress["label"] == "Étape 1 sur 4 · partie 5 sur 7"


def test_where_am_i_lists_the_parts_seen_and_left_even_in_a_detour():
    from coach.engine.engine import ChoiceInput, TextInput

    step = play(ENGINE.start("coordinateur"), "etape-1", "continuer")
    step = play(step, choice_ids(step)[0])  # a first step of the need: part 2
    step = play(step, "?où en suis-je ?")
    said = texts(step)[-1].splitlines()
    assert said[0] == ("Vous êtes dans « Étape 1 : Initier » (étape 1 sur 4), partie 2 sur 8 :"
                       " Les besoins.")
    assert said[1] == "Déjà vu dans cette étape : Le point de départ."
    assert said[2].startswith("Reste à voir dans cette étape : La première rencontre, ")
    assert said[3:] == [f"« {t} » : pas encore commencée." for t in
                        ("Étape 2 : Modéliser", "Étape 3 : Animer", "Étape 4 : Pérenniser")]
    # inside the toolbox, the place of the stage; in FALC, the FALC titles
    record = step.record
    record.falc = True
    record.flow, record.node = "initier", "formulaire"
    step = ENGINE.play(record, ChoiceInput(next(c.id for c in CONTENT.node(
        ("initier", "formulaire")).choices if c.call)))
    assert step.record.flow == "outils"
    step = ENGINE.play(step.record, ChoiceInput("ou-en-suis-je"))
    assert "Vous êtes dans « Étape 1 : Commencer »." in texts(step)[-1]
    outside = ENGINE.play(ENGINE.start("familles").record, TextInput("où en suis-je"))
    assert texts(outside)[-1].startswith("Vous êtes sur le sujet « Familles : ai-je ma place ? »")
    assert "pas encore commencée" not in texts(outside)[-1]


@pytest.mark.parametrize(("flow", "node", "short_next", "exercise"), [
    ("animer", "tech-approfondissement", "planning", "scenario"),
    ("perenniser", "evaluer", "freins", "routines"),
])
def test_a_typed_answer_on_the_short_path_goes_round_the_exercise(flow, node, short_next,
                                                                  exercise):
    """The answer is kept either way; only the full path goes on into the exercise."""
    parts = {p.first: p for p in CONTENT.flows[flow].header.parts}
    assert parts[exercise].exercise and not parts[short_next].exercise
    for path_choice, expected in (("essentiel", short_next), (None, exercise)):
        step = ENGINE.start(flow)
        full = next(c.id for c in CONTENT.node((flow, "debut")).choices
                    if c.set.get("chemin") == "complet")
        step = play(step, path_choice or full)
        record = step.record
        record.flow, record.node = flow, node
        step = ENGINE.step(record, len(record.transcript))
        step = play(step, "?Un récit de chaque membre à la fin de l’année", "saisie-garder")
        assert step.record.node == expected, (path_choice, step.record.node)
        assert step.record.answers[CONTENT.node((flow, node)).ask.variable] == (
            "Un récit de chaque membre à la fin de l’année")
        if path_choice == "essentiel":  # the progress never counts the exercise it skipped
            assert step.progress["parts"] == len(
                [p for p in CONTENT.flows[flow].header.parts if not p.exercise])


@pytest.mark.parametrize("flow", STAGES)
def test_the_short_path_reaches_the_end_without_entering_an_exercise_unasked(flow):
    """Every place the short path reaches by its buttons (except a button that opens an
    exercise: asked for) and by a typed answer kept at each question: none is in an
    exercise part, each counts the short path's parts, and the stage's end is reached."""
    from collections import deque

    from coach.engine.engine import ChoiceInput, TextInput

    header = CONTENT.flows[flow].header
    exercise_starts = {p.first for p in header.parts if p.exercise}
    exercise_nodes: set[str] = set()
    current = False
    for node_id in CONTENT.flows[flow].nodes:
        if node_id in {p.first for p in header.parts}:
            current = node_id in exercise_starts
        if current:
            exercise_nodes.add(node_id)
    short_parts = len([p for p in header.parts if not p.exercise])
    start = play(ENGINE.start(flow), "essentiel")
    seen = {start.record.node}
    queue = deque([start])
    while queue:
        step = queue.popleft()
        node = CONTENT.node((flow, step.record.node))
        moves = []
        for choice in step.choices:
            spec = next((c for c in node.choices if c.id == choice["id"]), None)
            if spec is None or spec.call or spec.returns:
                continue
            target = CONTENT.resolve(flow, spec.target)
            if target[0] == flow and target[1] in exercise_nodes:
                continue  # « Faire quand même l’exercice »: the person asks for it
            moves.append(ChoiceInput(choice["id"]))
        for move in moves:
            reached = ENGINE.play(step.record.copy(), move)
            if reached.record.flow == flow:
                assert reached.progress["parts"] == short_parts, (node.id, move)
            if reached.record.flow == flow and reached.record.node not in seen:
                seen.add(reached.record.node)
                queue.append(reached)
        if node.ask is not None:
            typed = ENGINE.play(step.record.copy(), TextInput("Notre réponse écrite, à garder"))
            kept = ENGINE.play(typed.record, ChoiceInput("saisie-garder"))
            assert kept.record.node not in exercise_nodes, (node.id, kept.record.node)
            if kept.record.flow == flow and kept.record.node not in seen:
                seen.add(kept.record.node)
                queue.append(kept)
    assert "fin" in seen
    assert not seen & exercise_nodes, seen & exercise_nodes
    assert short_parts < len(header.parts)


def walk_to_end(flow: str, path_choice: str,
                through_exercise: bool | None) -> list[tuple[str, dict]]:
    """The progress of every step of a shortest walk from the stage's start, down
    the path chosen to its end (through an exercise part or not, or either way when
    None): buttons pressed as offered, a typed answer kept at each question."""
    from collections import deque

    from coach.engine.engine import ChoiceInput, TextInput

    header = CONTENT.flows[flow].header
    exercise_nodes = {ref[1] for ref, (_stage, part) in ENGINE.progress.part_of.items()
                      if ref[0] == flow and part.exercise}
    debut = play(ENGINE.start("coordinateur"), f"etape-{header.stage}")
    start = play(debut, path_choice)
    queue = deque([(start, False, [("debut", debut.progress),
                                   (start.record.node, start.progress)])])
    visited = {(start.record.node, False)}
    while queue:
        step, entered, shown = queue.popleft()
        if step.record.node == "fin" and through_exercise in (None, entered):
            return shown
        node = CONTENT.node((flow, step.record.node))
        moves: list = [ChoiceInput(c["id"]) for c in step.choices
                       if (spec := next((c2 for c2 in node.choices if c2.id == c["id"]),
                                        None)) is not None and not spec.call
                       and not spec.returns]
        reached_steps = [ENGINE.play(step.record.copy(), move) for move in moves]
        if node.ask is not None:
            typed = ENGINE.play(step.record.copy(), TextInput("Notre réponse, à garder"))
            if "saisie-garder" in choice_ids(typed):
                reached_steps.append(ENGINE.play(typed.record, ChoiceInput("saisie-garder")))
        for reached in reached_steps:
            if reached.record.flow != flow:
                continue
            now = entered or reached.record.node in exercise_nodes
            if now and through_exercise is False:
                continue
            key = (reached.record.node, now)
            if key not in visited:
                visited.add(key)
                queue.append((reached, now, [*shown, (reached.record.node, reached.progress)]))
    raise AssertionError(f"no walk to the end of {flow}")


@pytest.mark.parametrize("flow", STAGES)
@pytest.mark.parametrize(("path_choice", "through_exercise"), [
    ("essentiel", False), ("essentiel", True), (None, None)])
def test_the_count_of_parts_never_goes_down_in_a_stage(flow, path_choice, through_exercise):
    """« partie 1 sur 8 » then « partie 2 sur 7 » reads as a journey that shrinks under the
    person's feet: from the stage's start, where the path is chosen, to its end, the total
    of parts never goes down (the part's number may: a stage's list of themes is in its
    first part). The short path counts its own parts; an exercise the person asks for is
    counted once entered, and stays counted."""
    full = next(c.id for c in CONTENT.node((flow, "debut")).choices
                if c.set.get("chemin") == "complet")
    shown = walk_to_end(flow, path_choice or full, through_exercise)
    totals = [p["parts"] for _node, p in shown]
    numbers = [p["part"] for _node, p in shown]
    assert totals == sorted(totals), totals
    assert numbers[-1] == totals[-1], shown[-1]  # the end is the last part
    header = CONTENT.flows[flow].header
    short = len([p for p in header.parts if not p.exercise])
    if path_choice is None:
        assert set(totals[1:]) == {len(header.parts)}
    elif through_exercise:
        assert set(totals) == {short, short + 1}
    else:
        assert set(totals) == {short}
