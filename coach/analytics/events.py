"""What each step of a conversation counts. Pure: records in, counter events out.

An event is (name, flow, node, detail). Every part comes from the content (flow, node and
choice ids, persona values, message references) or is a fixed word: typed text is never
looked at beyond its kind, and a detail that is not a plain identifier is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coach.content.model import Content, NodeRef
from coach.content.placeholders import placeholders
from coach.engine.engine import ChoiceInput, Input
from coach.engine.record import Record, content_values

Event = tuple[str, str, str, str]

# Counter names (stable: stored, exported in CSV, documented in docs/tableau-de-bord.md).
STARTED = "conversation"        # a conversation began (flow = where; detail = falc|standard)
ENTERED = "parcours"            # a conversation entered a flow (detail = persona)
FINISHED = "fin"                # a conversation reached an end node (detail = persona)
PERSONA = "profil"              # the entry persona was chosen (detail = its value)
VISIT = "visite"                # a step arrived at a node
EXIT = "depart"                 # a step left a node for another one
CHOICE = "choix"                # what was answered at a node (detail = choice id, command, "texte")
TURN = "tour"                   # a turn (detail = falc|standard: the FALC share)
SCORE = "score"                 # an exercise score shown (detail = "variable=value")
FEEDBACK = "avis"               # « Ce conseil vous aide-t-il ? » (node = message ref; oui|non)
DOCUMENT = "brouillon"          # a draft was downloaded (detail = format-falc|format-standard)

TEXT = "texte"
NOT_SAID = ""
_SAFE = re.compile(r"^[A-Za-z0-9_.=/-]{1,80}$")
# Variables whose value is shown as a score by a message (« {score_profils} sur 7 »).
SCORE_PREFIX = "score"


def safe(value: object) -> str:
    """An identifier from the content, or « autre »: never free text in a counter."""
    text = str(value)
    return text if _SAFE.match(text) else "autre"


def _variant(record: Record) -> str:
    return "falc" if record.falc else "standard"


class StepEvents:
    """Built once per content: which nodes are ends, which show an exercise score."""

    def __init__(self, content: Content) -> None:
        self.ends = frozenset((f.id, n.id) for f, n in content.iter_nodes() if n.end)
        scores: dict[NodeRef, tuple[str, ...]] = {}
        for flow, node in content.iter_nodes():
            names = sorted({name for m in node.messages for name in placeholders(m.text)
                            if name.startswith(SCORE_PREFIX)})
            if names:
                scores[(flow.id, node.id)] = tuple(names)
        self.score_nodes = scores

    def started(self, record: Record) -> list[Event]:
        persona = safe(record.vars["persona"]) if "persona" in record.vars else NOT_SAID
        events = [(STARTED, record.flow, record.node, _variant(record)),
                  (ENTERED, record.flow, record.node, persona),
                  (VISIT, record.flow, record.node, NOT_SAID)]
        events += self._scores(record, 0)
        return events

    def played(self, before: Record, after: Record, given: Input) -> list[Event]:
        persona = after.vars.get("persona")
        said = safe(persona) if persona is not None else NOT_SAID
        answer = safe(given.id) if isinstance(given, ChoiceInput) else TEXT
        events: list[Event] = [(TURN, after.flow, NOT_SAID, _variant(after)),
                               (CHOICE, before.flow, before.node, answer)]
        if persona is not None and persona != before.vars.get("persona"):
            events.append((PERSONA, after.flow, after.node, said))
        if (after.flow, after.node) != (before.flow, before.node):
            events.append((EXIT, before.flow, before.node, NOT_SAID))
            events.append((VISIT, after.flow, after.node, NOT_SAID))
            if after.flow != before.flow:
                events.append((ENTERED, after.flow, after.node, said))
            if (after.flow, after.node) in self.ends:
                events.append((FINISHED, after.flow, after.node, said))
        events += self._scores(after, len(before.transcript))
        return events

    def _scores(self, record: Record, first: int) -> Iterable[Event]:
        """The scores said by this step's messages, with the value the person saw."""
        seen: set[NodeRef] = set()
        for entry in record.transcript[first:]:
            values = content_values(entry) if entry[0] == "content" else None
            if not values:
                continue
            ref = (entry[1], entry[2])
            names = self.score_nodes.get(ref)
            if not names or ref in seen:
                continue
            seen.add(ref)
            for name in names:
                value = values.get(name)
                if isinstance(value, int) and not isinstance(value, bool):
                    yield (SCORE, ref[0], ref[1], f"{name}={value}")


def feedback_event(ref: str, useful: bool) -> Event:
    flow = ref.split("/", 1)[0]
    return (FEEDBACK, safe(flow), safe(ref), "oui" if useful else "non")


def document_event(flow: str, fmt: str, falc: bool) -> Event:
    return (DOCUMENT, safe(flow), NOT_SAID, f"{safe(fmt)}-{'falc' if falc else 'standard'}")
