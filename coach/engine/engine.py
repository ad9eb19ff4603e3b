"""The turn function: (compiled flows, stored record, input) → (new record, step).

The `Engine` is built once at start-up from the loaded content. It holds no
conversation: every call takes a record and returns a new one.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from coach.content.guards import compile_guard
from coach.content.model import Content, NodeRef
from coach.content.placeholders import CONTACT_KEYS, placeholders
from coach.content.schema import Choice, Node
from coach.engine.errors import UnknownChoice, UnknownFlow
from coach.engine.machines import NEXT, CompiledFlow, compile_all
from coach.engine.record import Record, new_conversation_id
from coach.engine.render import Rendered, Renderer
from coach.engine.understand import understand

# A chain of automatic routes longer than this is a content bug; stop rather than spin.
MAX_AUTOMATIC_HOPS = 50
MISS_MESSAGES = ("pas-compris", "pas-compris-choix", "pas-compris-personne")


@dataclass(frozen=True)
class ChoiceInput:
    id: str


@dataclass(frozen=True)
class TextInput:
    text: str


Input = ChoiceInput | TextInput


@dataclass(frozen=True)
class Step:
    """What a turn shows: the new messages and what the person may answer."""

    record: Record
    messages: list[Rendered]
    choices: list[dict[str, str]]
    commands: list[dict[str, str]]
    end: bool
    meta: dict[str, Any] = field(default_factory=dict)


def _copy(record: Record) -> Record:
    """A new record sharing nothing mutable with the stored one (entries are never mutated)."""
    return replace(record, vars=dict(record.vars), transcript=list(record.transcript),
                   history=list(record.history), idem=dict(record.idem))


class Engine:
    def __init__(self, content: Content, context: Mapping[str, str] | None = None) -> None:
        self.content = content
        self.flows: dict[str, CompiledFlow] = compile_all(content)
        self.renderer = Renderer(content, context or {})
        self._commands = {
            falc: [{"id": c.id, "label": c.label_falc if falc else c.label}
                   for c in content.commands.values()]
            for falc in (False, True)
        }
        self._guards = {}
        for _flow, node in content.iter_nodes():
            for item in [*node.choices, *node.messages]:
                if item.when and item.when not in self._guards:
                    self._guards[item.when] = compile_guard(item.when)

    # -- public API -------------------------------------------------------------------
    def start(self, flow: str | None = None, falc: bool = False) -> Step:
        if flow is None:
            ref = self.content.entry
        elif flow in self.content.flows:
            ref = (flow, self.content.flows[flow].header.start)
        else:
            raise UnknownFlow(flow)
        record = Record(id=new_conversation_id(), flow=ref[0], node=ref[1], origin=ref[0],
                        content_version=self.content.version, falc=falc)
        self._enter(record, ref)
        return self.step(record, 0)

    def play(self, stored: Record, given: Input, idempotency_key: str | None = None) -> Step:
        if idempotency_key and idempotency_key in stored.idem:
            first, last = stored.idem[idempotency_key]
            return self.step(stored, first, last, replayed=True)
        record = _copy(stored)
        first = len(record.transcript)
        if self._relocate_if_content_changed(record):
            pass  # the input belonged to a place that no longer exists: show the safe place
        elif isinstance(given, ChoiceInput):
            self._play_choice(record, given.id)
        else:
            self._play_text(record, given.text)
        record.updated = time.time()
        if idempotency_key:
            record.remember_step(idempotency_key, first)
        return self.step(record, first)

    def set_falc(self, stored: Record, falc: bool) -> Record:
        record = _copy(stored)
        record.falc = falc
        record.updated = time.time()
        return record

    def step(self, record: Record, first: int, last: int | None = None,
             replayed: bool = False) -> Step:
        node = self._node_or_none((record.flow, record.node))
        return Step(
            record=record,
            messages=self.renderer.transcript(record, first, last),
            choices=[{"id": c.id, "label": c.label_falc if record.falc else c.label}
                     for c in self.available_choices(record)],
            commands=self.commands(record.falc),
            end=bool(node and node.end),
            meta={"replayed": replayed},
        )

    def conversation(self, record: Record) -> Step:
        return self.step(record, 0)

    def available_choices(self, record: Record) -> list[Choice]:
        node = self._node_or_none((record.flow, record.node))
        if node is None:
            return []
        return [c for c in node.choices if not c.when or self._guards[c.when](record.vars)]

    def commands(self, falc: bool) -> list[dict[str, str]]:
        return self._commands[falc]

    # -- moves ---------------------------------------------------------------------------
    def _node_or_none(self, ref: NodeRef) -> Node | None:
        flow = self.content.flows.get(ref[0])
        return flow.nodes.get(ref[1]) if flow else None

    def _relocate_if_content_changed(self, record: Record) -> bool:
        if record.content_version == self.content.version:
            return False
        record.content_version = self.content.version
        moved = self.content.find_moved((record.flow, record.node))
        if moved is not None:
            record.flow, record.node = moved
            return False
        flow = self.content.flows.get(record.flow) or self.content.flows[self.content.entry[0]]
        anchor = flow.header.resume[0] if flow.header.resume else flow.header.start
        record.history.clear()
        record.transcript.append(["s", "contenu-change"])
        self._enter(record, (flow.id, anchor))
        return True

    def _play_choice(self, record: Record, choice_id: str) -> None:
        choice = next((c for c in self.available_choices(record) if c.id == choice_id), None)
        if choice is not None:
            record.transcript.append(["c", record.flow, record.node, choice.id])
            self._follow(record, choice)
        elif choice_id in self.content.commands:
            record.transcript.append(["k", choice_id])
            self._command(record, choice_id)
        else:
            raise UnknownChoice(choice_id)
        record.misses = 0

    def _play_text(self, record: Record, text: str) -> None:
        record.transcript.append(["t", text])
        match = understand(text, self.available_choices(record),
                           list(self.content.commands.values()))
        if match is None:
            record.transcript.append(["s", MISS_MESSAGES[min(record.misses, 2)]])
            record.misses += 1
            return
        record.misses = 0
        if match.kind == "choice":
            choice = next(c for c in self.available_choices(record) if c.id == match.id)
            self._follow(record, choice)
        else:
            self._command(record, match.id)

    def _follow(self, record: Record, choice: Choice) -> None:
        record.snapshot()
        for name, value in choice.set.items():
            record.vars[name] = value
        for name, amount in choice.add.items():
            current = record.vars.get(name)
            record.vars[name] = (current if isinstance(current, int) else 0) + amount
        target = self.flows[record.flow].fire(record.node, choice.id, record.vars)
        if target is None:  # guard turned false between listing and choosing: stay put
            record.history.pop()
            return
        self._enter(record, target)

    def _command(self, record: Record, command: str) -> None:
        if command == "menu":
            record.snapshot()
            self._enter(record, self.content.menu)
        elif command == "retour":
            node = self._node_or_none((record.flow, record.node))
            if not record.history or (node is not None and node.no_back):
                record.transcript.append(["s", "retour-impossible"])
                return
            flow, node_id, variables, _length = record.history.pop()
            record.vars = dict(variables)
            self._enter(record, (flow, node_id), follow=False)
        elif command == "recommencer":
            record.vars.clear()
            record.history.clear()
            origin = self.content.flows.get(record.origin) or self.content.flows[
                self.content.entry[0]]
            self._enter(record, (origin.id, origin.header.start))
        elif command == "facile":
            record.falc = not record.falc
            record.transcript.append(["s", "facile-oui" if record.falc else "facile-non"])
        elif command in ("aide", "humain", "stop"):
            record.transcript.append(["s", command])

    def _enter(self, record: Record, ref: NodeRef, follow: bool = True) -> None:
        """Arrive at a node: say its messages, then follow automatic routes, if any."""
        for _hop in range(MAX_AUTOMATIC_HOPS):
            record.flow, record.node = ref
            node = self.content.node(ref)
            for index, message in enumerate(node.messages):
                if message.when and not self._guards[message.when](record.vars):
                    continue
                entry: list[Any] = ["b", ref[0], ref[1], index]
                names = (placeholders(message.text) | placeholders(message.falc)) - CONTACT_KEYS
                if names:
                    entry.append({name: record.vars.get(name, "") for name in sorted(names)})
                record.transcript.append(entry)
            if not follow or not node.next or node.choices:
                return
            reached = self.flows[ref[0]].fire(ref[1], NEXT, record.vars)
            if reached is None:
                return
            ref = reached
