"""From stored counters to the dashboard's figures (pure: rows in, figures out).

Drop-offs are computed, not counted: for a node, arrivals minus departures over the period
is the number of conversations whose last step seen was that node (some may still resume).
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from coach.analytics import events as ev
from coach.content.model import Content
from coach.store.base import CounterKey

# The highest score of each exercise (the messages say « sur 7 », « sur 6 »).
SCORE_MAX = {"score_profils": 7, "score_scenario": 6}
NOT_SAID = "non précisé"
CSV_HEADER = ("version_contenu", "jour", "compteur", "parcours", "noeud", "detail", "nombre")


@dataclass(frozen=True)
class FlowFigures:
    id: str
    title: str
    entered: int
    finished: int


@dataclass(frozen=True)
class PersonaFigures:
    persona: str
    chosen: int
    finished: int


@dataclass(frozen=True)
class NodeFigures:
    flow: str
    node: str
    visits: int
    exits: int
    end: bool

    @property
    def dropoffs(self) -> int:
        return 0 if self.end else max(0, self.visits - self.exits)


@dataclass(frozen=True)
class FeedbackFigures:
    ref: str
    text: str
    useful: int
    not_useful: int


@dataclass
class Figures:
    first_day: str
    last_day: str
    started: int = 0
    finished: int = 0
    turns: int = 0
    falc_turns: int = 0
    flows: list[FlowFigures] = field(default_factory=list)
    personas: list[PersonaFigures] = field(default_factory=list)
    nodes: list[NodeFigures] = field(default_factory=list)
    scores: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    feedback: list[FeedbackFigures] = field(default_factory=list)
    documents: list[tuple[str, int]] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)

    @property
    def falc_share(self) -> float | None:
        return self.falc_turns / self.turns if self.turns else None


def _message_text(content: Content, ref: str) -> str:
    parts = ref.split("/")
    if len(parts) == 3 and parts[2].isdigit():
        flow = content.flows.get(parts[0])
        node = flow.nodes.get(parts[1]) if flow else None
        if node is not None and int(parts[2]) < len(node.messages):
            return node.messages[int(parts[2])].text
    return "(message qui n’existe plus dans le contenu)"


def _scores(found: Counter[tuple[str, int]]) -> dict[str, list[tuple[int, int]]]:
    names = sorted({name for name, _value in found} | set(SCORE_MAX))
    result = {}
    for name in names:
        top = max([SCORE_MAX.get(name, 0), *(v for n, v in found if n == name)])
        result[name] = [(value, found[(name, value)]) for value in range(top + 1)]
    return result


def figures(rows: Iterable[tuple[CounterKey, int]], content: Content, first_day: str,
            last_day: str, version: str | None = None) -> Figures:
    """Sum the counters of the period (of one content version, or all)."""
    result = Figures(first_day, last_day)
    by_name: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    versions: set[str] = set()
    for (row_version, _day, name, flow, node, detail), count in rows:
        versions.add(row_version)
        if version and row_version != version:
            continue
        by_name[name][(flow, node, detail)] += count
    result.versions = sorted(versions)
    result.started = sum(by_name[ev.STARTED].values())
    result.finished = sum(by_name[ev.FINISHED].values())
    for (_f, _n, detail), count in by_name[ev.TURN].items():
        result.turns += count
        if detail == "falc":
            result.falc_turns += count

    entered: Counter[str] = Counter()
    finished: Counter[str] = Counter()
    for (flow, _n, _d), count in by_name[ev.ENTERED].items():
        entered[flow] += count
    for (flow, _n, _d), count in by_name[ev.FINISHED].items():
        finished[flow] += count
    for flow_id in sorted(set(content.flows) | set(entered) | set(finished)):
        found = content.flows.get(flow_id)
        result.flows.append(FlowFigures(flow_id, found.header.title if found else flow_id,
                                        entered[flow_id], finished[flow_id]))

    chosen: Counter[str] = Counter()
    ended: Counter[str] = Counter()
    for (_f, _n, detail), count in by_name[ev.PERSONA].items():
        chosen[detail or NOT_SAID] += count
    for (_f, _n, detail), count in by_name[ev.FINISHED].items():
        ended[detail or NOT_SAID] += count
    for persona in sorted(set(chosen) | set(ended)):
        result.personas.append(PersonaFigures(persona, chosen[persona], ended[persona]))

    visits: Counter[tuple[str, str]] = Counter()
    exits: Counter[tuple[str, str]] = Counter()
    for (flow, node, _d), count in by_name[ev.VISIT].items():
        visits[(flow, node)] += count
    for (flow, node, _d), count in by_name[ev.EXIT].items():
        exits[(flow, node)] += count
    for flow, node in sorted(set(visits) | set(exits)):
        known = content.flows.get(flow)
        end = bool(known and node in known.nodes and known.nodes[node].end)
        result.nodes.append(NodeFigures(flow, node, visits[(flow, node)], exits[(flow, node)],
                                        end))

    scores: Counter[tuple[str, int]] = Counter()
    for (_f, _n, detail), count in by_name[ev.SCORE].items():
        name, _sep, value = detail.partition("=")
        if value.lstrip("-").isdigit():
            scores[(name, int(value))] += count
    result.scores = _scores(scores)

    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for (_f, ref, detail), count in by_name[ev.FEEDBACK].items():
        votes[ref][detail] += count
    for ref in sorted(votes):
        result.feedback.append(FeedbackFigures(ref, _message_text(content, ref),
                                               votes[ref]["oui"], votes[ref]["non"]))

    downloads: Counter[str] = Counter()
    for (_f, _n, detail), count in by_name[ev.DOCUMENT].items():
        downloads[detail] += count
    result.documents = sorted(downloads.items())
    return result


def _cell(value: str) -> str:
    """No cell a spreadsheet would run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def to_csv(rows: Iterable[tuple[CounterKey, int]]) -> str:
    """Every counter of the period, one per line, sorted: for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for key, count in sorted(rows):
        writer.writerow([_cell(part) for part in key] + [count])
    return out.getvalue()
