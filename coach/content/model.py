"""The loaded content: every flow, node and shared definition, indexed for the engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.content.placeholders import message_fingerprint
from coach.content.schema import (
    Command,
    CommonFile,
    Example,
    FlowHeader,
    GlossaryEntry,
    Intention,
    Node,
    Section,
    Speaker,
    SystemMessage,
)

NodeRef = tuple[str, str]  # (flow id, node id)


@dataclass(frozen=True)
class FlowData:
    header: FlowHeader
    file: str
    nodes: dict[str, Node]
    node_lines: dict[str, int] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.header.id


@dataclass(frozen=True)
class IntentData:
    """One entry of `dialogues/intentions.yaml`, with where it was written (for lint)."""

    intention: Intention
    file: str
    line: int | None = None


@dataclass(frozen=True)
class ExampleData:
    """One example of `dialogues/exemples/*.yaml`, with where it was written (for lint)."""

    example: Example
    file: str
    line: int | None = None


@dataclass(frozen=True)
class Content:
    directory: str
    version: str
    sections: dict[str, Section]
    common: CommonFile
    flows: dict[str, FlowData]
    speakers: dict[str, Speaker]
    commands: dict[str, Command]
    system: dict[str, SystemMessage]
    glossary: tuple[GlossaryEntry, ...]
    aliases: dict[NodeRef, str]
    # Topic and persona intents from `intentions:` files (none is fine).
    intents: tuple[IntentData, ...] = ()
    # Sentences people type and where they lead, from `utterances:` files (none is fine).
    examples: tuple[ExampleData, ...] = ()
    # Each node's message fingerprints, in order, computed once per node (`fingerprints`).
    _fingerprints: dict[NodeRef, tuple[str, ...]] = field(
        default_factory=dict, compare=False, repr=False)

    @property
    def entry(self) -> NodeRef:
        return split_target(self.common.entry, "")

    @property
    def menu(self) -> NodeRef:
        return split_target(self.common.menu, "")

    @property
    def draft_summary(self) -> NodeRef | None:
        summary = self.common.draft_summary
        return split_target(summary, "") if summary else None

    def node(self, ref: NodeRef) -> Node:
        return self.flows[ref[0]].nodes[ref[1]]

    def fingerprints(self, ref: NodeRef) -> tuple[str, ...]:
        """The `message_fingerprint` of each message of a node, in order."""
        found = self._fingerprints.get(ref)
        if found is None:
            found = self._fingerprints[ref] = tuple(
                message_fingerprint(m.text, m.falc) for m in self.node(ref).messages)
        return found

    def has_node(self, ref: NodeRef) -> bool:
        flow = self.flows.get(ref[0])
        return flow is not None and ref[1] in flow.nodes

    def node_or_none(self, ref: NodeRef) -> Node | None:
        """The node, or None where the content has none (a place from an older version)."""
        flow = self.flows.get(ref[0])
        return flow.nodes.get(ref[1]) if flow else None

    def resolve(self, flow_id: str, target: str) -> NodeRef:
        return split_target(target, flow_id)

    def find_moved(self, ref: NodeRef) -> NodeRef | None:
        """Where a node now lives when it was renamed (declared in `aliases`)."""
        if self.has_node(ref):
            return ref
        new_id = self.aliases.get(ref)
        return (ref[0], new_id) if new_id else None

    def iter_nodes(self):
        for flow in self.flows.values():
            for node in flow.nodes.values():
                yield flow, node


def split_target(target: str, current_flow: str) -> NodeRef:
    """`node` stays in the current flow; `flow:node` goes to another flow."""
    if ":" in target:
        flow_id, node_id = target.split(":", 1)
        return flow_id, node_id
    return current_flow, target
