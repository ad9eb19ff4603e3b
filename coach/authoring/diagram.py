"""A flow's graph for the authors' page: edges as data, a layered SVG, no third-party code.

The SVG is a picture (`role="img"` with a title and a description); the same graph is
given as a structured list of nodes and edges beside it, which a screen reader can walk.
Layout: columns by distance from the start node (breadth first), rows in discovery order.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from html import escape

from coach.content.model import Content, FlowData, NodeRef

BOX_WIDTH, BOX_HEIGHT = 190, 34
GAP_X, GAP_Y = 70, 18
MARGIN = 20
MAX_LABEL = 24


@dataclass(frozen=True)
class Edge:
    source: str
    target: NodeRef
    kind: str          # "choix" or "suite"
    choice: str        # choice id ("" for an automatic route)
    label: str
    label_falc: str
    when: str | None


def edges(content: Content, flow: FlowData) -> list[Edge]:
    found = []
    for node in flow.nodes.values():
        for choice in node.choices:
            found.append(Edge(node.id, content.resolve(flow.id, choice.target), "choix",
                              choice.id, choice.label, choice.label_falc, choice.when))
        for route in node.next:
            found.append(Edge(node.id, content.resolve(flow.id, route.target), "suite", "",
                              "", "", route.when))
    return found


def _key(flow: FlowData, ref: NodeRef) -> str:
    return ref[1] if ref[0] == flow.id else f"{ref[0]}:{ref[1]}"


def layout(content: Content, flow: FlowData) -> dict[str, tuple[int, int]]:
    """(column, row) of every node of the flow and of every node it leads to elsewhere."""
    outgoing: dict[str, list[str]] = {node_id: [] for node_id in flow.nodes}
    for edge in edges(content, flow):
        outgoing[edge.source].append(_key(flow, edge.target))
    depth: dict[str, int] = {flow.header.start: 0}
    queue = deque([flow.header.start])
    while queue:
        current = queue.popleft()
        for target in outgoing.get(current, []):
            if target not in depth:
                depth[target] = depth[current] + 1
                if target in outgoing:
                    queue.append(target)
    last = max(depth.values(), default=0)
    for node_id in flow.nodes:  # unreachable nodes (lint reports them) go at the end
        depth.setdefault(node_id, last + 1)
    for targets in outgoing.values():
        for target in targets:
            depth.setdefault(target, last + 1)
    rows: dict[int, int] = {}
    placed = {}
    for key, column in depth.items():
        placed[key] = (column, rows.get(column, 0))
        rows[column] = rows.get(column, 0) + 1
    return placed


def _xy(position: tuple[int, int]) -> tuple[int, int]:
    column, row = position
    return MARGIN + column * (BOX_WIDTH + GAP_X), MARGIN + row * (BOX_HEIGHT + GAP_Y)


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "…"


def svg(content: Content, flow: FlowData, title: str, description: str) -> str:
    positions = layout(content, flow)
    width = MARGIN * 2 + (max(c for c, _r in positions.values()) + 1) * (BOX_WIDTH + GAP_X)
    height = MARGIN * 2 + (max(r for _c, r in positions.values()) + 1) * (BOX_HEIGHT + GAP_Y)
    ident = escape(flow.id, quote=True)
    parts = [
        f'<svg class="diagramme" xmlns="http://www.w3.org/2000/svg" role="img"'
        f' width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' aria-labelledby="svg-titre-{ident} svg-desc-{ident}">',
        f'<title id="svg-titre-{ident}">{escape(title)}</title>',
        f'<desc id="svg-desc-{ident}">{escape(description)}</desc>',
        f'<defs><marker id="pointe-{ident}" viewBox="0 0 10 10" refX="10" refY="5"'
        ' markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path class="pointe" d="M0,0 L10,5 L0,10 z"/></marker></defs>',
    ]
    for edge in edges(content, flow):
        sx, sy = _xy(positions[edge.source])
        tx, ty = _xy(positions[_key(flow, edge.target)])
        x1, y1 = sx + BOX_WIDTH, sy + BOX_HEIGHT // 2
        x2, y2 = tx, ty + BOX_HEIGHT // 2
        if x2 > x1:
            bend = (x2 - x1) // 2
            path = f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}"
        else:  # back to an earlier column: loop under the boxes
            low = max(y1, y2) + BOX_HEIGHT
            path = f"M{x1},{y1} C{x1 + 60},{low} {x2 - 60},{low} {x2},{y2}"
        parts.append(f'<path class="lien" d="{path}" marker-end="url(#pointe-{ident})"/>')
    ends = {node.id for node in flow.nodes.values() if node.end}
    for key, position in positions.items():
        x, y = _xy(position)
        css = "noeud"
        if key in ends:
            css += " noeud--fin"
        if key not in flow.nodes:
            css += " noeud--ailleurs"
        parts.append(
            f'<g class="{css}"><rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}"'
            f' rx="8"/><text x="{x + 10}" y="{y + 22}">{escape(_short(key))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
