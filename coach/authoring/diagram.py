"""A flow's graph for the authors' page: edges as data, a layered SVG, no third-party code.

The SVG is a picture (`role="img"` with a title and a description); the same graph is
given as a structured list of nodes and edges beside it, which a screen reader can walk.
Layout: columns by distance from the start node (breadth first), rows in discovery order;
a link to another flow is written under the box it leaves from (« → coordinateur:parcours »)
rather than drawn, so that the common « back to the stages » links do not cross the page.
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
LINE, MAX_ELSEWHERE = 15, 3
# For a standalone .svg file (coach graph --format svg); the page uses its stylesheet.
STANDALONE_STYLE = (
    "<style>.noeud rect{fill:#fff;stroke:#1d4e89;stroke-width:2}"
    ".noeud--fin rect{stroke-width:4}.noeud--ailleurs rect{stroke:#5f6b7a;stroke-dasharray:5 3}"
    ".noeud text{fill:#1b1b1b;font:13px Arial,sans-serif}.noeud .ailleurs{font-size:12px}"
    ".lien{stroke:#5f6b7a;stroke-width:1.5;fill:none}.pointe{fill:#5f6b7a}</style>")


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


def layout(content: Content, flow: FlowData) -> dict[str, tuple[int, int]]:
    """(column, row) of every node of the flow; links to other flows are not placed."""
    outgoing: dict[str, list[str]] = {node_id: [] for node_id in flow.nodes}
    for edge in edges(content, flow):
        if edge.target[0] == flow.id and edge.target[1] in flow.nodes:
            outgoing[edge.source].append(edge.target[1])
    depth: dict[str, int] = {flow.header.start: 0}
    queue = deque([flow.header.start])
    while queue:
        current = queue.popleft()
        for target in outgoing.get(current, []):
            if target not in depth:
                depth[target] = depth[current] + 1
                queue.append(target)
    last = max(depth.values(), default=0)
    for node_id in flow.nodes:  # unreachable nodes (lint reports them) go at the end
        depth.setdefault(node_id, last + 1)
    rows: dict[int, int] = {}
    placed = {}
    for key, column in depth.items():
        placed[key] = (column, rows.get(column, 0))
        rows[column] = rows.get(column, 0) + 1
    return placed


def _short(text: str, size: int = MAX_LABEL) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


def svg(content: Content, flow: FlowData, title: str, description: str,
        standalone: bool = False) -> str:
    """The flow as boxes and arrows; a link to another flow is written under its box."""
    positions = layout(content, flow)
    elsewhere: dict[str, list[str]] = {node_id: [] for node_id in flow.nodes}
    inside = []
    for edge in edges(content, flow):
        if edge.target[0] == flow.id and edge.target[1] in flow.nodes:
            inside.append(edge)
        else:
            name = f"{edge.target[0]}:{edge.target[1]}"
            if name not in elsewhere[edge.source]:
                elsewhere[edge.source].append(name)
    lines = min(MAX_ELSEWHERE, max((len(v) for v in elsewhere.values()), default=0))
    pitch_y = BOX_HEIGHT + GAP_Y + lines * LINE

    def xy(node_id: str) -> tuple[int, int]:
        column, row = positions[node_id]
        return MARGIN + column * (BOX_WIDTH + GAP_X), MARGIN + row * pitch_y

    width = MARGIN * 2 + (max(c for c, _r in positions.values()) + 1) * (BOX_WIDTH + GAP_X)
    height = MARGIN * 2 + (max(r for _c, r in positions.values()) + 1) * pitch_y
    ident = escape(flow.id, quote=True)
    parts = [
        f'<svg class="diagramme" xmlns="http://www.w3.org/2000/svg" role="img"'
        f' width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' aria-labelledby="svg-titre-{ident} svg-desc-{ident}">',
        f'<title id="svg-titre-{ident}">{escape(title)}</title>',
        f'<desc id="svg-desc-{ident}">{escape(description)}</desc>',
        STANDALONE_STYLE if standalone else "",
        f'<defs><marker id="pointe-{ident}" viewBox="0 0 10 10" refX="10" refY="5"'
        ' markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path class="pointe" d="M0,0 L10,5 L0,10 z"/></marker></defs>',
    ]
    for edge in inside:
        sx, sy = xy(edge.source)
        tx, ty = xy(edge.target[1])
        x1, y1 = sx + BOX_WIDTH, sy + BOX_HEIGHT // 2
        x2, y2 = tx, ty + BOX_HEIGHT // 2
        if x2 > x1:
            bend = (x2 - x1) // 2
            path = f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}"
        else:  # back to an earlier column: loop under the boxes
            low = max(y1, y2) + BOX_HEIGHT
            path = f"M{x1},{y1} C{x1 + 60},{low} {x2 - 60},{low} {x2},{y2}"
        parts.append(f'<path class="lien" d="{path}" marker-end="url(#pointe-{ident})"/>')
    for node in flow.nodes.values():
        x, y = xy(node.id)
        css = "noeud noeud--fin" if node.end else "noeud"
        notes = elsewhere[node.id]
        shown = notes[:MAX_ELSEWHERE]
        if len(notes) > MAX_ELSEWHERE:
            shown[-1] = f"… et {len(notes) - MAX_ELSEWHERE + 1} autres"
        below = "".join(
            f'<text class="ailleurs" x="{x + 4}" y="{y + BOX_HEIGHT + 14 + i * LINE}">'
            f"→ {escape(_short(name, MAX_LABEL + 4))}</text>" for i, name in enumerate(shown))
        parts.append(
            f'<g class="{css}"><rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}"'
            f' rx="8"/><text x="{x + 10}" y="{y + 22}">{escape(_short(node.id))}</text>'
            f"{below}</g>")
    parts.append("</svg>")
    return "".join(parts)
