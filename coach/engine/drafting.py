"""Which journeys build the coordinator's draft, and whether a conversation has one.

The draft (feuille de route, charte) is offered only to someone it concerns: in a journey
that builds it (its flows' `draft: true`), or with answers from one; never to a parent who
did not go there. Its typed commands (« mon brouillon », « effacer mon brouillon ») ask
whether the person's journey builds it, and guards read how many of its answers the
conversation holds (`reponses_brouillon`). Read once from the content's flows; every call
takes the record, and none changes it.
"""

from __future__ import annotations

from coach.content.answer_edits import draft_parts
from coach.content.model import Content
from coach.content.schema import Node
from coach.engine.record import Record


class DraftJourneys:
    """The journeys that build the draft, and what a record holds of it."""

    def __init__(self, content: Content) -> None:
        draft_flows = [f for f in content.flows.values() if f.header.draft]
        self._flows = frozenset(f.id for f in draft_flows)
        self._variables = frozenset(
            name for flow in draft_flows for node in flow.nodes.values()
            for choice in node.choices for name in (*choice.set, *choice.add))
        # The journeys that build the draft, from the flows' `draft: true`: those flows, the
        # menu their headers name (the coordinator's hub), and the persona they are for.
        self._journeys = self._flows | frozenset(
            content.resolve(f.id, f.header.menu)[0] for f in draft_flows if f.header.menu)
        self._personas = frozenset(
            f.header.persona for f in draft_flows if f.header.persona)
        # The variables a part of the draft reads (its answers, chosen or typed).
        self._answers = frozenset(draft_parts()) if draft_flows else frozenset()

    def here(self, record: Record, node: Node | None) -> bool:
        """The draft is offered under this step's last message: a node that shows it, or
        the end of a journey that builds it."""
        if node is None:
            return False
        return node.draft or (node.end and record.flow in self._flows)

    def offered(self, record: Record) -> bool:
        """In a journey that builds the draft, or with answers from one."""
        return record.flow in self._flows or not self._variables.isdisjoint(record.vars)

    def built_by(self, record: Record) -> bool:
        """The person's journey builds the draft: where they are, or where the detour they
        are in started, is a journey that builds it (or its hub), they said they coordinate,
        or they have answers in it."""
        here = {record.flow, *(frame[0] for frame in record.calls)}
        return (not self._journeys.isdisjoint(here)
                or record.vars.get("persona") in self._personas
                or self.offered(record))

    def answers(self, record: Record) -> int:
        """How many of the draft's answers the conversation holds, chosen or typed."""
        return sum(1 for name in self._answers if record.vars.get(name) is not None)
