"""The coordinator's draft is offered where the content says, never to a parent."""

from __future__ import annotations

import random

from coach.api.conversations import step_body
from coach.drafts.template import load_template
from coach.engine.engine import ChoiceInput
from tests.content.playing import CONTENT, ENGINE, choice_ids, play
from tests.content.test_initier import TO_CARDS

TO_END = (*TO_CARDS, "commencer", "voir-reponse", "temporaire", "voir-reponse", "pratiques",
          "voir-reponse", "savoirs-familles", "voir-reponse", "faible", "voir-reponse",
          "large-mixte", "voir-reponse", "ouverte", "continuer", "passer", "conseils",
          "inclusion-scolaire", "animateur-principal", "continuer", "suite", "continuer",
          "suite", "continuer", "suite", "charte", "continuer", "continuer")


def test_the_journeys_that_say_they_build_the_draft_fill_it():
    draft_variables = set(load_template().variables())
    builders = {flow.id for flow in CONTENT.flows.values()
                if any(name in draft_variables for node in flow.nodes.values()
                       for choice in node.choices for name in (*choice.set, *choice.add))}
    assert {f.id for f in CONTENT.flows.values() if f.header.draft} == builders
    assert builders == {"initier", "modeliser", "animer", "perenniser"}


def test_a_parent_is_never_offered_the_draft():
    coordinator = {"initier", "modeliser", "animer", "perenniser", "coordinateur"}
    checked = 0
    for seed in range(30):
        rng = random.Random(seed)
        step = ENGINE.start("familles")
        for _turn in range(40):
            if step.record.flow in coordinator:
                break
            assert not step.draft_offered and not step.draft_here, (seed, step.record.node)
            checked += 1
            if not step.choices:
                break
            step = play(step, rng.choice(choice_ids(step)))
    assert checked >= 200  # the walks did go through the parents' journeys


def test_the_draft_under_the_summary_and_at_the_end_of_stage_one():
    step = ENGINE.start("initier")
    assert step.draft_offered and not step.draft_here
    step = play(step, *TO_END)
    assert step.end and step.draft_here
    step = play(step, "brouillon")
    assert step.record.node == "brouillon" and step.draft_here  # the summary, all at once
    assert step_body(step)["draft"] == {"offered": True, "here": True}
    step = ENGINE.play(step.record, ChoiceInput("menu"))  # the journey's menu, the hub
    assert (step.record.flow, step.record.node) == ("coordinateur", "parcours")
    step = ENGINE.play(step.record, ChoiceInput("menu"))  # left the journey: it has answers
    assert step.record.flow == "accueil" and step.draft_offered and not step.draft_here
