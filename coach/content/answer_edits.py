"""The draft's summary lets the person write again every typed answer that reaches the draft.

A node with `edit_answers: true` (the summary's « Écrire ou modifier mes réponses ») gets,
at load time, one choice per such answer, before its own choices: a detour (`call:`) into a
generated `ask: {variable: …, return: true}` node that asks for the answer again and
returns. The answers are derived from the content, never listed by hand: every `ask:` node
of a journey that builds the draft (`draft: true`) whose variable a part of the draft reads,
in the order of the stages and of their files. So an `ask:` added to stage 3 is editable
from the summary with nothing else to write.

Texts, each in standard French and FALC, all written by hand elsewhere:
- the choice's label is the title of the draft's part (coach/drafts/brouillon.yaml);
- the generated node says the answer kept so far (coach message `modifier-actuelle`, with
  `{texte}`), how to change it (`modifier-ecrire`) and the part's question (brouillon.yaml);
- its way back is the menu's own `return: true` choice.

Once expanded, these are ordinary nodes: lint, the engine, the graph and the progress see
nothing special (a generated node lives in the menu's flow, after its last node). A node
written by hand with a generated node's id (`modifier-objectif`) is kept instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from coach.content.model import FlowData
from coach.content.schema import (
    TYPED_PREFIX,
    Ask,
    Choice,
    Message,
    Node,
    Suppression,
    SystemMessage,
)
from coach.drafts.template import DraftTemplate, load_template

CURRENT = "modifier-actuelle"
WRITE = "modifier-ecrire"
MESSAGES = (CURRENT, WRITE)
NODE_PREFIX = "modifier-"
CHOICE_PREFIX = "m-"
# The same coach message in every generated node is one text, not a repetition to fix.
SHARED = [Suppression(rule="FALC-DUP-001",
                      reason="message du coach commun à chaque réponse à modifier (commun.yaml)")]


@dataclass(frozen=True)
class DraftPart:
    """What the draft calls the part a variable fills: its title and its question."""

    title: str
    title_falc: str
    question: str
    question_falc: str


@dataclass(frozen=True)
class Asked:
    variable: str
    flow: str
    node: Node


def draft_parts(template: DraftTemplate | None = None) -> dict[str, DraftPart]:
    """For every variable the draft reads, the first part that shows it."""
    template = template or load_template()
    parts: dict[str, DraftPart] = {}
    for document in template.documents:
        for section in document.sections:
            for answer in section.answers:
                parts.setdefault(answer.variable, DraftPart(
                    section.title, section.title_falc, section.question, section.question_falc))
    return parts


def _slug(variable: str) -> str:
    return variable.replace("_", "-")


def edit_node_id(variable: str) -> str:
    return NODE_PREFIX + _slug(variable)


def edit_choice_id(variable: str) -> str:
    return CHOICE_PREFIX + _slug(variable)


def draft_answers(flows: dict[str, FlowData], parts: dict[str, DraftPart]) -> list[Asked]:
    """Every typed answer that reaches the draft, once, in the journey's order."""
    ordered = sorted((f for f in flows.values() if f.header.draft),
                     key=lambda f: (f.header.stage is None, f.header.stage or 0, f.id))
    found: dict[str, Asked] = {}
    for flow in ordered:
        for node in flow.nodes.values():
            ask = node.ask
            if ask is None or ask.returns or ask.variable not in parts:
                continue
            found.setdefault(ask.variable, Asked(ask.variable, flow.id, node))
    return list(found.values())


def _filled(message: SystemMessage, variable: str) -> tuple[str, str]:
    name = "{" + TYPED_PREFIX + variable + "}"
    return message.text.replace("{texte}", name), message.falc.replace("{texte}", name)


def _edit_node(asked: Asked, part: DraftPart, back: Choice,
               system: dict[str, SystemMessage]) -> Node:
    current_text, current_falc = _filled(system[CURRENT], asked.variable)
    write = system[WRITE]
    return Node(
        id=edit_node_id(asked.variable),
        source=asked.node.source,
        authored=True,
        ask=Ask.model_validate({"variable": asked.variable, "return": True}),
        messages=[
            Message(when=f"{asked.variable} == 'libre'", text=current_text, falc=current_falc,
                    suppress=SHARED),
            Message(text=write.text, falc=write.falc, suppress=SHARED),
            Message(text=part.question, falc=part.question_falc),
        ],
        choices=[back],
    )


def _back_choice(menu: Node) -> Choice | None:
    return next((c for c in menu.choices if c.returns), None)


def menus(flows: dict[str, FlowData]) -> Iterator[tuple[FlowData, Node]]:
    for flow in flows.values():
        for node in flow.nodes.values():
            if node.edit_answers:
                yield flow, node


def expand(flows: dict[str, FlowData], parts: dict[str, DraftPart],
           system: dict[str, SystemMessage]) -> dict[str, FlowData]:
    """The flows with every `edit_answers` menu filled in and its edit nodes added.

    A menu without a `return: true` choice, or missing coach messages, is left as written:
    lint reports it (`brouillon/modifier-sans-retour`, `message/absent`)."""

    found = list(menus(flows))
    if not found or any(m not in system for m in MESSAGES):
        return flows
    answers = draft_answers(flows, parts)
    expanded = dict(flows)
    for flow, menu in found:
        back = _back_choice(menu)
        if back is None:
            continue
        current = expanded[flow.id]
        nodes = dict(current.nodes)
        lines = dict(current.node_lines)
        generated = [
            Choice(id=edit_choice_id(a.variable), label=parts[a.variable].title,
                   label_falc=parts[a.variable].title_falc,
                   target=edit_node_id(a.variable), call=True)
            for a in answers]
        nodes[menu.id] = menu.model_copy(update={"choices": [*generated, *menu.choices]})
        for asked in answers:
            node_id = edit_node_id(asked.variable)
            if node_id in nodes:  # written by hand: lint says so (id/double)
                continue
            nodes[node_id] = _edit_node(asked, parts[asked.variable], back, system)
            lines[node_id] = current.node_lines.get(menu.id, 0)
        expanded[flow.id] = replace(current, nodes=nodes, node_lines=lines)
    return expanded
