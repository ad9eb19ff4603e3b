"""Content tests of the `outils` flow: the resource bank, each tool with what to write in
it, the way back to the bank, and the end of the tools."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from coach.engine.engine import ChoiceInput, TextInput
from tests.content.playing import CONTENT, ENGINE, all_texts, journey_texts

FLOW = CONTENT.flows["outils"]

TOOLS = ["charte", "feuille-de-route", "guide-contributeurs", "compte-rendu", "canevas",
         "retroplanning", "matrice", "typologies"]
# tool node → the node that says what to write in it (None: said in the tool node itself)
WHAT_TO_WRITE = {
    "charte": ("questions", "charte-questions"),
    "feuille-de-route": ("modele", "feuille-de-route-modele"),
    "guide-contributeurs": ("plan", "guide-contributeurs-plan"),
    "compte-rendu": ("plan", "compte-rendu-plan"),
    "canevas": ("questions", "canevas-questions"),
}




def at_bank(falc=False):
    step = ENGINE.start("outils", falc=falc)
    assert step.record.node == "banque"
    return step


def open_tool(tool):
    return ENGINE.play(at_bank().record, ChoiceInput(tool))


def test_bank_lists_every_tool_and_a_way_out():
    step = at_bank()
    assert [c["id"] for c in step.choices] == [*TOOLS, "fini"]
    assert "banque de ressources" in journey_texts(step)[0]


def test_fixed_node_ids_exist():
    for node in ("banque", "charte", "feuille-de-route", "guide-contributeurs", "compte-rendu",
                 "retroplanning", "matrice"):
        assert node in FLOW.nodes


@pytest.mark.parametrize("tool", TOOLS)
def test_each_tool_opens_and_leads_back_to_the_bank_or_the_end(tool):
    step = open_tool(tool)
    assert step.record.node == tool
    ids = [c["id"] for c in step.choices]
    assert "autre-outil" in ids and "fini" in ids
    back = ENGINE.play(step.record, ChoiceInput("autre-outil"))
    assert back.record.node == "banque"
    done = ENGINE.play(step.record, ChoiceInput("fini"))
    assert done.record.node == "fin" and done.end


@pytest.mark.parametrize("tool", list(WHAT_TO_WRITE))
def test_each_tool_says_what_to_write_in_it(tool):
    choice, node = WHAT_TO_WRITE[tool]
    step = ENGINE.play(open_tool(tool).record, ChoiceInput(choice))
    assert step.record.node == node
    assert FLOW.nodes[node].authored, "contents not given by the e-learning are marked authored"
    assert any("?" in t or ":" in t for t in all_texts(step))
    assert "autre-outil" in [c["id"] for c in step.choices]


def test_charter_keeps_the_four_points_of_the_module():
    said = " ".join(all_texts(open_tool("charte")))
    for fact in ("cadre de décision partagé", "parcelles", "gestion des conflits", "RGPD",
                 "confidentialité"):
        assert fact in said
    step = ENGINE.play(open_tool("charte").record, ChoiceInput("idees"))
    assert step.record.node == "charte-idees"
    assert all(m.speaker["id"] == "alexandra" for m in step.messages if m.role == "bot")
    assert "guides simplifiés pour les aidants" in " ".join(all_texts(step))


def test_roadmap_example_has_the_3_year_calendar():
    step = ENGINE.play(open_tool("feuille-de-route").record, ChoiceInput("exemple"))
    said = " ".join(all_texts(step))
    for year in ("Année 1", "Année 2", "Année 3"):
        assert year in said
    assert "inclusion scolaire" in said


def test_tools_in_falc():
    step = ENGINE.play(at_bank(falc=True).record, ChoiceInput("canevas"))
    said = "\n".join(all_texts(step))
    case_4 = "Case 4, le retour : ce que les membres ont appris, et ce qui a changé."
    assert case_4 in said.splitlines()


@pytest.mark.parametrize(("typed", "node"), [
    ("la charte", "charte"),
    ("feuille de route", "feuille-de-route"),
    ("qui fait quoi", "guide-contributeurs"),
    ("compte rendu", "compte-rendu"),
    ("canevas", "canevas"),
    ("retroplanning", "retroplanning"),
    ("la matrice", "matrice"),
    ("visio", "typologies"),
    ("c'est bon", "fin"),
])
def test_typed_words_open_the_tools(typed, node):
    step = ENGINE.play(at_bank().record, TextInput(typed))
    assert step.record.node == node


def test_end_of_tools_leads_to_the_shared_conclusion():
    step = ENGINE.play(at_bank().record, ChoiceInput("fini"))
    assert step.end
    assert [c["id"] for c in step.choices] == ["terminer", "autre-outil", "etapes",
                                               "revenir-menu"]
    step = ENGINE.play(step.record, ChoiceInput("terminer"))
    assert (step.record.flow, step.record.node) == ("accueil", "conclusion")


def test_every_node_is_reachable_by_buttons_from_the_bank():
    seen, queue = set(), deque(["banque"])
    while queue:
        node_id = queue.popleft()
        if node_id in seen:
            continue
        seen.add(node_id)
        for choice in FLOW.nodes[node_id].choices:
            if ":" not in choice.target:
                queue.append(choice.target)
    assert seen == set(FLOW.nodes)


def test_the_contribution_guide_is_named_without_gender_and_keeps_its_ids():
    """« Le guide de contribution » wherever it is read (buttons, texts, the tool's file and
    title, places offered); its ids stay, since stored conversations name them."""
    from tests.content.test_stage_names import TEXTS

    gendered = [f"{where}: {text!r}" for where, _easy, text in TEXTS
                if "guide des contributeurs" in text.lower()]
    assert gendered == []
    sections = (Path(__file__).parents[2] / "dialogues" / "sections.yaml").read_text("utf-8")
    assert "guide des contributeurs" not in sections  # the content map, read by authors
    assert CONTENT.has_node(("outils", "guide-contributeurs"))
    assert CONTENT.has_node(("modeliser", "guide-contributeurs"))
    step = ENGINE.play(at_bank().record, ChoiceInput("guide-contributeurs"))
    assert step.record.node == "guide-contributeurs"
    assert "guide-contributeurs" in step.tools
    labels = [c["label"] for c in at_bank(falc=True).choices]
    assert "Le guide de contribution" in labels
    typed = ENGINE.play(at_bank().record, TextInput("le guide des contributeurs"))
    assert typed.record.node == "guide-contributeurs"  # the old words still lead there


def way_back_offered(step):
    """Whether « Revenir où j’en étais » (a choice with `return: true`) is among the buttons."""
    node = CONTENT.node((step.record.flow, step.record.node))
    returns = {c.id for c in node.choices if c.returns}
    return any(c["id"] in returns for c in step.choices)


@pytest.mark.parametrize("start", [
    TextInput("la charte"), TextInput("feuille de route"), TextInput("rétroplanning"),
    TextInput("les outils"), ChoiceInput("outils")])
def test_from_the_welcome_menu_no_tool_offers_to_go_back_where_one_was(start):
    """Typed or tapped at the start, the tools are where the person goes, not a detour:
    nowhere to go back to, so no « Revenir où j’en étais » in the bank nor in any tool
    (the « Menu » command is)."""
    step = ENGINE.play(ENGINE.start().record, start)
    assert (step.record.flow, step.record.node) == ("outils", "banque")
    seen, queue = {"banque"}, deque([step])
    while queue:
        step = queue.popleft()
        assert not way_back_offered(step), step.record.node
        for choice in step.choices:
            after = ENGINE.play(step.record, ChoiceInput(choice["id"]))
            if after.record.flow == "outils" and after.record.node not in seen:
                seen.add(after.record.node)
                queue.append(after)
    assert {"charte", "feuille-de-route", "retroplanning", "matrice"} <= seen


def test_a_tool_opened_from_a_stage_still_offers_to_go_back():
    step = ENGINE.start("coordinateur")
    while "outils" not in [c["id"] for c in step.choices]:
        step = ENGINE.play(step.record, ChoiceInput(step.choices[0]["id"]))
    called_from = (step.record.flow, step.record.node)
    step = ENGINE.play(step.record, ChoiceInput("outils"))
    assert way_back_offered(step)
    back = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert (back.record.flow, back.record.node) == called_from
