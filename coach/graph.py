"""Diagrams of a flow for authors: Mermaid (transitions' own backend) and Graphviz DOT."""

from __future__ import annotations

import re
from typing import Any

from transitions.extensions.diagrams import GraphMachine

from coach.content.model import Content, FlowData

_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def _state(flow: FlowData, flow_id: str, node_id: str) -> str:
    name = node_id if flow_id == flow.id else f"vers_{flow_id}_{node_id}"
    return _UNSAFE.sub("_", name)


def _named(label: str):
    def condition(_event: Any) -> bool:
        return True

    condition.__name__ = label
    return condition


def _edges(content: Content, flow: FlowData):
    for node in flow.nodes.values():
        for choice in node.choices:
            target = content.resolve(flow.id, choice.target)
            yield node.id, target, choice.id, choice.when
        for route in node.next:
            target = content.resolve(flow.id, route.target)
            yield node.id, target, "suite", route.when


def mermaid(content: Content, flow_id: str) -> str:
    flow = content.flows[flow_id]
    states = [_state(flow, flow.id, node_id) for node_id in flow.nodes]
    transitions = []
    for source, target, trigger, when in _edges(content, flow):
        dest = _state(flow, *target)
        if dest not in states:
            states.append(dest)
        transition: dict[str, Any] = {"trigger": trigger, "source": _state(flow, flow.id, source),
                                      "dest": dest}
        if when:
            transition["conditions"] = [_named(when)]
        transitions.append(transition)

    class _Model:
        pass

    model = _Model()
    GraphMachine(model=model, states=states, transitions=transitions,
                 initial=_state(flow, flow.id, flow.header.start), graph_engine="mermaid",
                 auto_transitions=False, show_conditions=True, title=flow.header.title)
    return str(model.get_graph().draw(None))  # type: ignore[attr-defined]


def dot(content: Content, flow_id: str) -> str:
    flow = content.flows[flow_id]

    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"digraph {quote(flow.id)} {{", "  rankdir=LR;",
             f"  label={quote(flow.header.title)};", "  node [shape=box, style=rounded];"]
    for node in flow.nodes.values():
        shape = ", peripheries=2" if node.end else ""
        lines.append(f"  {quote(node.id)} [label={quote(node.id)}{shape}];")
    for source, target, trigger, when in _edges(content, flow):
        dest = target[1] if target[0] == flow.id else f"{target[0]}:{target[1]}"
        label = trigger + (f" [{when}]" if when else "")
        lines.append(f"  {quote(source)} -> {quote(dest)} [label={quote(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
