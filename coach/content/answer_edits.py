"""The draft's summary shows every answer of the draft, and lets the person write again every
typed one.

A node with `draft_answers: true` (the summary `brouillon`) gets, at load time, one message
per answer the draft can show, in the draft's order (coach/drafts/brouillon.yaml: its
documents, their parts, each variable once, where it first appears), said only when it
holds:
- a chosen answer (`<variable> == '<value>'`): the very sentence the draft writes for that
  value, in standard French and in FALC, so that the summary and the draft (HTML, DOCX,
  ODT) cannot say different things;
- a typed answer (`<variable> == 'libre'`): the part's title and the words (coach message
  `reponse-ecrite`, with `{titre}` and `{texte}`), for every variable an `ask:` of the
  journey fills.
They come right after the node's first message (its introduction, « Voici votre
brouillon »), before its other messages; an answer the node already shows by hand
(`{texte_<variable>}` in one of its messages, or a message with the same condition) is left
to it.

A node with `edit_answers: true` (the summary's « Écrire ou modifier mes réponses ») gets,
at load time, one choice per stage that has such answers, before its own choices: each
leads to a generated menu of that stage (`modifier-etape-<flow>`, message `modifier-etape`)
with one detour (`call:`) per answer into a generated `ask: {variable: …, return: true}`
node that asks for the answer again and returns, then « Choisir une autre étape »
(`modifier-autre-etape`) and the menu's own way back. Short on a phone: 4 buttons, then at
most a handful. The answers are derived from the content, never listed by hand: every `ask:` node
of a journey that builds the draft (`draft: true`) whose variable a part of the draft reads,
in the order of the stages and of their files. So an `ask:` added to stage 3 is editable
from the summary with nothing else to write.

Texts, each in standard French and FALC, all written by hand elsewhere:
- the choice's label is the title of the draft's part (coach/drafts/brouillon.yaml);
- the generated node says the answer kept so far (coach message `modifier-actuelle`, with
  `{texte}`), how to change it (`modifier-ecrire`) and the part's question (brouillon.yaml);
- its way back is the menu's own `return: true` choice;
- a stage's button is the title of its flow (`title`, `title_falc`).

Once expanded, these are ordinary nodes: lint, the engine, the graph and the progress see
nothing special (a generated node lives in the menu's flow, after its last node). A node
written by hand with a generated node's id (`modifier-objectif`) is kept instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

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
from coach.drafts.template import DraftTemplate, Pair, load_template

CURRENT = "modifier-actuelle"
WRITE = "modifier-ecrire"
STAGE = "modifier-etape"
OTHER_STAGE = "modifier-autre-etape"
MESSAGES = (CURRENT, WRITE, STAGE, OTHER_STAGE)
SUMMARY = "reponse-ecrite"
NODE_PREFIX = "modifier-"
STAGE_PREFIX = "etape-"
CHOICE_PREFIX = "m-"
# The same coach message in every generated node is one text, not a repetition to fix.
SHARED = [Suppression(rule="FALC-DUP-001",
                      reason="message du coach commun à chaque réponse à modifier (commun.yaml)")]
# A stage's menu names the stage by its FALC title, which need not repeat the standard one.
STAGE_TITLE = [*SHARED, Suppression(rule="FALC-PAIR-002",
                                    reason="l’étape est nommée par son titre FALC")]
# A part's title may announce a list (« Le plan en 3 parties ») that the person's own words give.
TYPED_LINE = [Suppression(rule="FALC-ENUM-001",
                          reason="titre d’une partie du brouillon, suivi des mots de la personne")]
# What a typed answer sets its variable to (`ask:`, coach.engine.engine).
TYPED_VALUE = "libre"


@dataclass(frozen=True)
class DraftPart:
    """What the draft calls the part a variable fills: its title, its question, and the
    sentence it writes for each chosen value."""

    title: str
    title_falc: str
    question: str
    question_falc: str
    values: Mapping[str, Pair] = field(default_factory=dict)


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
                    section.title, section.title_falc, section.question, section.question_falc,
                    dict(answer.values)))
    return parts


def _slug(variable: str) -> str:
    return variable.replace("_", "-")


def edit_node_id(variable: str) -> str:
    return NODE_PREFIX + _slug(variable)


def edit_choice_id(variable: str) -> str:
    return CHOICE_PREFIX + _slug(variable)


def stage_node_id(flow: str) -> str:
    return NODE_PREFIX + STAGE_PREFIX + flow


def stage_choice_id(flow: str) -> str:
    return CHOICE_PREFIX + STAGE_PREFIX + flow


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


def edits_answers(node: Node) -> bool:
    """The menu « Écrire ou modifier mes réponses » (`edit_answers`) or a node made for it
    (`modifier-…`): no stage's part, and back from it a summary is said again whole."""
    return node.edit_answers or node.id.startswith(NODE_PREFIX)


def menus(flows: dict[str, FlowData]) -> Iterator[tuple[FlowData, Node]]:
    for flow in flows.values():
        for node in flow.nodes.values():
            if node.edit_answers:
                yield flow, node


def summaries(flows: dict[str, FlowData]) -> Iterator[tuple[FlowData, Node]]:
    for flow in flows.values():
        for node in flow.nodes.values():
            if node.draft_answers:
                yield flow, node


def chosen_condition(variable: str, value: str) -> str:
    """The condition of the summary's line of a chosen answer."""
    return f"{variable} == '{value}'"


def typed_condition(variable: str) -> str:
    """The condition of the summary's line of a typed answer."""
    return f"{variable} == '{TYPED_VALUE}'"


def _with_draft_answers(node: Node, parts: dict[str, DraftPart], typed: set[str],
                        line: SystemMessage | None) -> Node:
    """The summary with a line per answer of the draft it does not already show by hand:
    the draft's own sentence for a chosen value, the part's title and the words for a
    typed answer (`typed`: the variables an `ask:` fills; none without `line`)."""
    written = " ".join(m.text + " " + m.falc for m in node.messages)
    conditions = {m.when for m in node.messages if m.when}
    lines = []
    for variable, part in parts.items():
        for value, sentence in part.values.items():
            when = chosen_condition(variable, value)
            if when not in conditions:
                lines.append(Message(when=when, text=sentence.text, falc=sentence.falc))
        name = "{" + TYPED_PREFIX + variable + "}"
        if line is None or variable not in typed or name in written:
            continue
        lines.append(Message(
            when=typed_condition(variable),
            text=line.text.replace("{titre}", part.title).replace("{texte}", name),
            falc=line.falc.replace("{titre}", part.title_falc).replace("{texte}", name),
            suppress=TYPED_LINE))
    messages = [*node.messages[:1], *lines, *node.messages[1:]]
    return node.model_copy(update={"messages": messages})


def _stage_node(flow: FlowData, answers: list[Asked], parts: dict[str, DraftPart],
                menu: Node, back: Choice, system: dict[str, SystemMessage]) -> Node:
    """One stage's typed answers, a detour each, then another stage or the way back."""
    ask, other = system[STAGE], system[OTHER_STAGE]
    header = flow.header
    return Node(
        id=stage_node_id(flow.id),
        source=menu.source,
        authored=True,
        messages=[Message(text=ask.text.replace("{etape}", header.title),
                          falc=ask.falc.replace("{etape}", header.title_falc),
                          suppress=STAGE_TITLE)],
        choices=[
            *(Choice(id=edit_choice_id(a.variable), label=parts[a.variable].title,
                     label_falc=parts[a.variable].title_falc,
                     target=edit_node_id(a.variable), call=True) for a in answers),
            Choice(id=CHOICE_PREFIX + "autre-etape", label=other.text, label_falc=other.falc,
                   target=menu.id),
            back,
        ],
    )


def _by_stage(answers: list[Asked]) -> dict[str, list[Asked]]:
    grouped: dict[str, list[Asked]] = {}
    for asked in answers:
        grouped.setdefault(asked.flow, []).append(asked)
    return grouped


def expand(flows: dict[str, FlowData], parts: dict[str, DraftPart],
           system: dict[str, SystemMessage]) -> dict[str, FlowData]:
    """The flows with every summary and `edit_answers` menu filled in, edit nodes added.

    A menu without a `return: true` choice, or missing coach messages, is left as written:
    lint reports it (`brouillon/modifier-sans-retour`, `message/absent`)."""

    answers = draft_answers(flows, parts)
    typed = {asked.variable for asked in answers}
    expanded = dict(flows)
    for flow, node in list(summaries(flows)):
        current = expanded[flow.id]
        nodes = dict(current.nodes)
        nodes[node.id] = _with_draft_answers(node, parts, typed, system.get(SUMMARY))
        expanded[flow.id] = replace(current, nodes=nodes)
    found = list(menus(expanded))
    if not found or any(m not in system for m in MESSAGES):
        return expanded
    stages = _by_stage(answers)
    for flow, menu in found:
        back = _back_choice(menu)
        if back is None:
            continue
        current = expanded[flow.id]
        nodes = dict(current.nodes)
        lines = dict(current.node_lines)
        menu_line = current.node_lines.get(menu.id, 0)
        generated = [
            Choice(id=stage_choice_id(stage), label=flows[stage].header.title,
                   label_falc=flows[stage].header.title_falc, target=stage_node_id(stage))
            for stage in stages]
        nodes[menu.id] = menu.model_copy(update={"choices": [*generated, *menu.choices]})
        for stage, asked_here in stages.items():
            node_id = stage_node_id(stage)
            if node_id not in nodes:  # written by hand: kept (lint says id/double)
                nodes[node_id] = _stage_node(flows[stage], asked_here, parts, menu, back,
                                             system)
                lines[node_id] = menu_line
        for asked in answers:
            node_id = edit_node_id(asked.variable)
            if node_id in nodes:  # written by hand: lint says so (id/double)
                continue
            nodes[node_id] = _edit_node(asked, parts[asked.variable], back, system)
            lines[node_id] = menu_line
        expanded[flow.id] = replace(current, nodes=nodes, node_lines=lines)
    return expanded
