"""The draft's summary in the tchat (« Revoir mon brouillon », or « mon brouillon » typed)
first showed only « Voici votre brouillon. Une ligne manque si vous avez passé la
question. »: « Voir la suite du brouillon » was needed before any answer; and it left out
answers the draft (HTML, DOCX, ODT) shows, such as the first step chosen (« Premier pas
choisi : un diagnostic des besoins ») — 4 December tryout. The summary is one node whose
lines come from the draft's own file (coach/drafts/brouillon.yaml, `draft_answers: true`):
its answers at once, every answer of the draft, in its words and its order.
On the real dialogues, in standard French and in easy-to-read."""

from __future__ import annotations

import random

import pytest

from coach.content.answer_edits import draft_parts
from coach.drafts.model import build_draft
from coach.drafts.template import load_template
from coach.engine.engine import ChoiceInput, Step, TextInput
from coach.engine.record import Record
from tests.content.playing import CONTENT, ENGINE, choice_ids, play, texts
from tests.content.test_initier import TO_CARDS

SUMMARY = ("initier", "brouillon")
PARTS = draft_parts()
# The variables an `ask:` of the journey fills with the person's own words.
TYPED = sorted({node.ask.variable for flow, node in CONTENT.iter_nodes()
                if flow.header.draft and node.ask is not None and not node.ask.returns
                and node.ask.variable in PARTS})
NEEDS = {False: "Premier pas choisi : un diagnostic des besoins.",
         True: "Premier pas : chercher de quoi les personnes ont besoin."}


def answers_of(step: Step) -> list[str]:
    """The summary's lines: what it says between its introduction and its closing advice."""
    said = texts(step)
    assert said[0].startswith(("Voici votre brouillon :", "Voici les réponses de votre"))
    assert said[-1].startswith(("Vous pouvez recopier", "Recopiez ces réponses"))
    return said[1:-1]


def summary_for(variables: dict[str, str], typed: dict[str, str], falc: bool) -> Step:
    """The summary opened by « mon brouillon » typed in stage 2, with these answers."""
    step = play(ENGINE.start("coordinateur", falc=falc), "etape-2")
    step.record.vars.update(variables)
    for name, words in typed.items():
        step.record.vars[name] = "libre"
        step.record.answers[name] = words
    step = ENGINE.play(step.record, TextInput("mon brouillon"))
    assert (step.record.flow, step.record.node) == SUMMARY
    return step


def expected_lines(variables: dict[str, str], typed: dict[str, str], falc: bool) -> list[str]:
    """What the draft shows, part by part, each answer once (a variable that two parts read,
    the first step's theme, is said where it first appears): the chosen answers in the
    draft's sentences, the typed ones with their part's title."""
    line = CONTENT.system["reponse-ecrite"]
    draft = build_draft(variables | {n: "libre" for n in typed}, falc, typed=typed)
    sections = {s.id: s for s in draft.sections}
    said: list[str] = []
    shown: set[str] = set()
    for document in load_template().documents:
        for section in document.sections:
            fresh = [a.variable for a in section.answers if a.variable not in shown]
            shown.update(fresh)
            for name in fresh:
                if name in typed:
                    part = PARTS[name]
                    said.append((line.falc if falc else line.text)
                                .replace("{titre}", part.title_falc if falc else part.title)
                                .replace("{texte}", typed[name]))
                elif name in variables:
                    sentence = next(a for a in sections[section.id].answers
                                    if a == PARTS[name].values[variables[name]].get(falc))
                    said.append(sentence)
    return said


def stage_1_as_in_the_tryout(falc: bool) -> Step:
    """The tryout's stage 1: a diagnostic first, the cards passed, a theme and a governance
    chosen; at the end of the stage."""
    step = play(ENGINE.start("coordinateur", falc=falc), "etape-1", *TO_CARDS, "passer",
                "passer", "conseils", "inclusion-scolaire", "animateur-principal",
                "continuer", "suite", "continuer", "suite", "continuer", "suite", "charte",
                "continuer", "continuer")
    assert step.record.node == "fin"
    assert step.record.vars["premier_pas"] == "diagnostic"
    return step


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
@pytest.mark.parametrize("how", ["button", "typed"])
def test_the_summary_starts_with_the_answers_and_has_the_needs(falc, how):
    end = stage_1_as_in_the_tryout(falc)
    # « Revoir mon brouillon », or typed in the next stage
    step = (play(end, "brouillon") if how == "button"
            else play(end, "etape-2", "?mon brouillon"))
    assert (step.record.flow, step.record.node) == SUMMARY
    lines = answers_of(step)
    assert lines[0] == NEEDS[falc]  # the first answer, right after the introduction
    assert lines == expected_lines(
        {k: step.record.vars[k] for k in ("premier_pas", "theme", "gouvernance")}, {}, falc)
    assert "suite" not in choice_ids(step)  # nothing to press before the content
    assert step.draft_here  # the draft's files are offered under it


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_every_chosen_answer_of_the_draft_is_in_the_summary(falc):
    """Each value of each variable the draft reads, alone: the summary says the draft's
    very sentence for it (one line), as the documents do."""
    checked = 0
    for name, part in PARTS.items():
        for value in part.values:
            step = summary_for({name: value}, {}, falc)
            assert answers_of(step) == [part.values[value].get(falc)], (name, value)
            assert answers_of(step) == expected_lines({name: value}, {}, falc)
            checked += 1
    assert checked >= 40


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_every_typed_answer_of_the_draft_is_in_the_summary(falc):
    for name in TYPED:
        words = f"Mes mots pour {name}"
        step = summary_for({}, {name: words}, falc)
        assert answers_of(step) == expected_lines({}, {name: words}, falc), name
        assert words in answers_of(step)[0]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_a_whole_draft_is_the_summary_in_the_drafts_order(falc, seed):
    """Random answers, chosen and typed, all four stages: the summary says every answer the
    draft shows, once each, in the draft's order."""
    rng = random.Random(seed)
    variables = {name: rng.choice(list(part.values)) for name, part in PARTS.items()
                 if part.values and rng.random() < 0.8}
    typed = {name: f"réponse écrite {index}" for index, name in enumerate(TYPED)
             if rng.random() < 0.5}
    for name in typed:
        variables.pop(name, None)
    step = summary_for(variables, typed, falc)
    lines = answers_of(step)
    assert lines == expected_lines(variables, typed, falc)
    assert len(lines) == len(variables) + len(typed)
    # and nothing of the draft's answers is missing from it (the documents say them too)
    draft = build_draft(variables | {n: "libre" for n in typed}, falc, typed=typed)
    said = "\n".join(lines)
    repeated = {"groupes"}  # the theme again, as the first working group: said once
    for section in draft.sections:
        if section.id not in repeated:
            for answer in section.answers:
                assert answer in said, (section.id, answer)


def test_a_conversation_stored_at_the_summarys_second_half_finds_the_summary():
    """Before, the summary was cut in two (`brouillon`, then `brouillon-suite`): a stored
    conversation left there comes back to the one summary, with its buttons."""
    record = Record(id="t", flow="initier", node="brouillon-suite", origin="coordinateur",
                    content_version="une version d’avant", vars={"duree": "durable"})
    step = ENGINE.play(record, ChoiceInput("etapes"))
    assert (step.record.flow, step.record.node) == ("coordinateur", "parcours")
