"""The summary and its menu of typed answers are derived from the content: an `ask:` added
to a stage is said and offered there with nothing else written; a menu without its way back
is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

from coach.content.loader import DEFAULT_DIRECTORY, read_content
from coach.engine.engine import ChoiceInput, Engine, TextInput

# In perenniser.yaml, a question the draft reads (`retroplanning`, a part of the draft)
# that no `ask:` of stage 4 records today.
ANCHOR = "  - id: plan-3\n"
EXTRA_ASK = """  - id: echeance-ecrite
    ask: {variable: retroplanning, target: plan-3}
    source: perenniser.plan-action
    messages:
      - text: Quelle est votre prochaine échéance ?
        falc: Quelle est votre prochaine date importante ?
    choices:
      - id: continuer
        label: Continuer
        label_falc: Continuer
        target: plan-3

"""


def copy_of_dialogues(tmp_path: Path) -> Path:
    directory = tmp_path / "dialogues"
    shutil.copytree(DEFAULT_DIRECTORY, directory)
    return directory


def test_an_ask_node_is_offered_from_the_summary_without_listing_it(tmp_path):
    directory = copy_of_dialogues(tmp_path)
    animer = directory / "animer.yaml"
    text = animer.read_text(encoding="utf-8")
    # stage 3 no longer asks for its retro-planning: its edit goes with it
    animer.write_text(text.replace("    ask: {variable: retroplanning, target: retex}\n", ""),
                      encoding="utf-8")
    content, issues = read_content(directory)
    assert content is not None, [i.format() for i in issues if i.severity == "error"]
    ids = [c.id for c in content.node(("initier", "modifier-etape-animer")).choices]
    assert "m-retroplanning" not in ids and "m-techniques" in ids
    summary = content.node(("initier", "brouillon")).messages
    assert not any("{texte_retroplanning}" in m.text for m in summary)  # nor said there
    # written into stage 4 instead: offered again, in the journey's order (after stage 3)
    perenniser = directory / "perenniser.yaml"
    text = perenniser.read_text(encoding="utf-8")
    assert ANCHOR in text
    way_in = "        target: plan-3\n"  # the way to plan-3 now passes the new question
    assert way_in in text
    text = text.replace(way_in, "        target: echeance-ecrite\n", 1)
    perenniser.write_text(text.replace(ANCHOR, EXTRA_ASK + ANCHOR, 1), encoding="utf-8")
    content, issues = read_content(directory)
    assert content is not None
    assert [i.format() for i in issues if i.severity == "error"] == []
    ids = [c.id for c in content.node(("initier", "modifier-etape-perenniser")).choices]
    assert ids.index("m-indicateurs") < ids.index("m-retroplanning") < ids.index("m-plan-action")
    summary = [m.text for m in content.node(("initier", "brouillon")).messages]
    order = [next(i for i, t in enumerate(summary) if "{texte_" + v + "}" in t)
             for v in ("techniques", "indicateurs", "plan_action", "retroplanning")]
    assert order == sorted(order)  # the summary follows the draft's order, as its files do
    # and it works: a detour that asks, keeps the words, and comes back to the menu
    engine = Engine(content)
    step = engine.start("initier")
    record = step.record
    record.flow, record.node = "initier", "modifier-reponses"
    step = engine.play(engine.step(record, len(record.transcript)).record,
                       ChoiceInput("m-etape-perenniser"))
    step = engine.play(step.record, ChoiceInput("m-retroplanning"))
    assert step.record.node == "modifier-retroplanning"
    assert any("prochaine" in m.text for m in step.messages if m.role == "bot")
    step = engine.play(step.record, TextInput("La rencontre du 12 mars, salle B"))
    step = engine.play(step.record, ChoiceInput("saisie-garder"))
    assert step.record.node == "modifier-etape-perenniser"
    assert step.record.answers["retroplanning"] == "La rencontre du 12 mars, salle B"
    assert step.record.vars["retroplanning"] == "libre"


def test_a_summary_menu_without_its_way_back_is_an_error(tmp_path):
    directory = copy_of_dialogues(tmp_path)
    initier = directory / "initier.yaml"
    text = initier.read_text(encoding="utf-8")
    start = text.index("  - id: modifier-reponses\n")
    back = text.index("      - id: revenir\n", start)
    initier.write_text(text[:back] + text[back:].replace("        return: true\n",
                                                         "        target: brouillon-suite\n", 1),
                       encoding="utf-8")
    _content, issues = read_content(directory)
    found = [i for i in issues if i.rule == "brouillon/modifier-sans-retour"]
    assert found and found[0].severity == "error" and found[0].node == "modifier-reponses"
