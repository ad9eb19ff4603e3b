"""Places typed text can lead to, and how the coach names them in both variants.

A place is a short string, so that a record can keep it:
  « parcours:nœud »      a node people may jump to (it has topics, starts a flow, or an
                          intention or a `title` names it; never a node that shows variables)
  « commande:<id> »      a global command
  « glossaire:<terme> »  an entry of the glossary (« glossaire:A+B »: several, in order)
  « reponse:<id> »       an answer said where the person is (the message `reponse-<id>`)
  « choix:<id> »         a choice of the current node (only while the person is there)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from coach.content.model import Content, FlowData
from coach.content.placeholders import CONTACT_KEYS, fill, placeholders
from coach.content.schema import Node, Scalar
from coach.engine.nlu.french import normal

COMMAND = "commande:"
GLOSSARY = "glossaire:"
CHOICE = "choix:"
REPLY = "reponse:"
# A text about the very step the person is at: « ici:N » says its message N again
# (`Understanding.decide`, the engine's « say it again »).
HERE = "ici:"
TERMS = "+"
# The command said by someone who does not understand: easy-to-read on, never off.
SIMPLIFY = COMMAND + "simplifier"  # joins the terms of « glossaire:A+B »
# A choice label used for this many different targets says nothing about any of them.
GENERIC_TARGETS = 3
# A node whose choices lead to this many places is a listing (a summary, questions).
MENU_LIKE = 3
_CONTINUE = ("continuer :", "continuer:")

# Used only when the content does not define these labels as coach messages.
FALLBACK_GLOSSARY_LABEL = ("Que veut dire « {terme} » ?", "Le sens du mot « {terme} »")
FALLBACK_OTHER_LABEL = ("Autre chose", "Autre chose")


@dataclass(frozen=True)
class Labels:
    text: str
    falc: str

    def get(self, falc: bool) -> str:
        return self.falc if falc else self.text


def node_place(flow_id: str, node_id: str) -> str:
    return f"{flow_id}:{node_id}"


_FLOWS: dict[str, str] = {}


def flow_of(place: str) -> str:
    """The journey of a place (« parcours:nœud » → « parcours », « commande:menu » →
    « commande »), split once per place: the heuristics ask it of every candidate of every
    text. Only places are kept here, names of the content, never what a person typed."""
    flow = _FLOWS.get(place)
    if flow is None:
        flow = _FLOWS[place] = place.split(":", 1)[0]
    return flow


def shows_variables(node: Node) -> bool:
    """A message always said with a {variable} would read wrong when jumped into."""
    names = {n for m in node.messages if not m.when
             for n in placeholders(m.text) | placeholders(m.falc)}
    return bool(names - CONTACT_KEYS)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _strip_continue(label: str) -> str:
    for prefix in _CONTINUE:
        if label.lower().startswith(prefix):
            rest = label[len(prefix):].strip()
            return rest[:1].upper() + rest[1:]
    return label


class PlaceBook:
    """Which nodes are places, what each place is called, and what variables it sets."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.sets: dict[str, dict[str, Scalar]] = {}
        named: dict[str, Labels] = {}
        targets: set[str] = set()
        for entry in content.intents:
            intent = entry.intention
            targets.add(intent.target)
            if intent.set:
                self.sets.setdefault(intent.target, dict(intent.set))
            if intent.label and intent.target not in named:
                named[intent.target] = Labels(intent.label, intent.label_falc or intent.label)
        self.nodes: list[str] = []
        for flow in content.flows.values():
            for node in flow.nodes.values():
                place = node_place(flow.id, node.id)
                wanted = (node.topics or node.title or node.id == flow.header.start
                          or place in targets)
                if wanted and not shows_variables(node):
                    self.nodes.append(place)
        self._labels: dict[str, Labels] = {}
        incoming = self._incoming_labels()
        for place in self.nodes:
            flow_id, node_id = place.split(":", 1)
            self._labels[place] = named.get(place) or self._derive(
                content.flows[flow_id], content.flows[flow_id].nodes[node_id],
                incoming.get(place, []))
        for command in content.commands.values():
            self._labels[COMMAND + command.id] = Labels(command.label, command.label_falc)
        for target, labels in named.items():  # typed commands and answers: their intention
            if target.startswith((COMMAND, REPLY)) and target not in self._labels:
                self._labels[target] = labels
        glossary = content.system.get("libelle-glossaire")
        pattern = Labels(glossary.text, glossary.falc) if glossary else Labels(
            *FALLBACK_GLOSSARY_LABEL)
        for item in content.glossary:
            self._labels[GLOSSARY + item.term] = Labels(fill(pattern.text, {"terme": item.term}),
                                                        fill(pattern.falc, {"terme": item.term}))
        other = content.system.get("libelle-autre")
        self.other = Labels(other.text, other.falc) if other else Labels(*FALLBACK_OTHER_LABEL)

    def label(self, place: str, falc: bool) -> str | None:
        labels = self._labels.get(place)
        return labels.get(falc) if labels else None

    def labels(self, place: str) -> Labels | None:
        return self._labels.get(place)

    def named(self) -> list[str]:
        """Every place the coach can name when it asks: nodes, commands, short answers,
        glossary terms."""
        return list(self._labels)

    def _incoming_labels(self) -> dict[str, list[tuple[str, str, bool]]]:
        """(label, FALC label, from the same flow) of the choices that list places.

        Only choices of nodes that offer several places (a summary, questions) count: the
        label of « Passer » or « Voir un autre piège » does not name where it leads.
        """
        by_label: dict[str, set[str]] = {}
        found: dict[str, list[tuple[str, str, bool]]] = {}
        for flow, node in self.content.iter_nodes():
            refs = [self.content.resolve(flow.id, c.target) for c in node.choices]
            if len(set(refs)) < MENU_LIKE:
                continue
            for choice, ref in zip(node.choices, refs, strict=True):
                place = node_place(*ref)
                by_label.setdefault(normal(choice.label), set()).add(place)
                found.setdefault(place, []).append(
                    (_strip_continue(choice.label), _strip_continue(choice.label_falc),
                     ref[0] == flow.id))
        return {place: [item for item in items
                        if len(by_label.get(normal(item[0]), ())) < GENERIC_TARGETS]
                for place, items in found.items()}

    def _derive(self, flow: FlowData, node: Node, incoming: list[tuple[str, str, bool]]) -> Labels:
        """The node's title; the flow title at its start; else the label of a choice that
        lists it, or its first topic, alone: joined to the flow title, it took 3 or 4 lines
        of a button on a small phone (tests/content/test_place_labels.py)."""
        title = Labels(flow.header.title, flow.header.title_falc)
        if node.title:
            return Labels(node.title, node.title_falc or node.title)
        if node.id == flow.header.start:
            return title
        if incoming:
            same_flow = [item for item in incoming if item[2]] or incoming
            counts = Counter((text, falc) for text, falc, _same in same_flow)
            (text, falc), _count = min(counts.items(), key=lambda kv: (-kv[1], len(kv[0][0])))
            return Labels(_capital(text), _capital(falc))
        if node.topics:
            topic = _capital(node.topics[0])
            return Labels(topic, topic)
        return title
