"""One `transitions` machine per flow, compiled at start-up and shared by every conversation.

States are the flow's nodes (plus one pseudo-state per node of another flow that it
leads to); triggers are choice ids, `_next` for automatic routes and `_ask` for the routes
taken after a typed answer; conditions are the compiled guards. A turn steps the machine
through its own transition table: for the stored state and the trigger, the first
transition whose conditions hold gives the next state. That is what `Event.trigger`
decides, without the per-call event object, lock and logging it needs to drive a model (a
third of the engine's time, measured); the machine holds no per-conversation state, and no
machine or model is ever created per conversation. `tests/unit/test_machines.py` checks
that both agree on every edge of the real content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from transitions import EventData, Machine

from coach.content.guards import Guard, compile_guard
from coach.content.model import Content, FlowData, NodeRef

NEXT = "_next"
ASKED = "_ask"  # after a typed answer is kept at an `ask:` node: its routes
EXTERNAL = "@"  # prefix of pseudo-states standing for a node of another flow


class _Cursor:
    """The single model object of a flow's machine; only its `state` changes."""

    state: str


def _condition(guard: Guard):
    """A `transitions` condition that also carries its guard, for stepping without events."""

    def check(event: EventData) -> bool:
        return guard(event.kwargs.get("variables", {}))

    check.guard = guard  # type: ignore[attr-defined]
    return check


def _state_name(flow_id: str, target: NodeRef) -> str:
    return target[1] if target[0] == flow_id else f"{EXTERNAL}{target[0]}:{target[1]}"


@dataclass
class CompiledFlow:
    flow: FlowData
    machine: Machine
    cursor: _Cursor  # the machine's model; turns never move it

    def fire(self, state: str, trigger: str, variables: Mapping[str, Any]) -> NodeRef | None:
        """Where `trigger` leads from `state` in the shared machine; None when no
        transition applies. Pure: reads the machine's tables, changes nothing."""
        event = self.machine.events.get(trigger)
        if event is None:
            return None
        for transition in event.transitions.get(state, ()):
            # Every condition is a `_condition`, which carries its guard.
            if all(cast(Any, condition.func).guard(variables) == condition.target
                   for condition in transition.conditions):
                return self.node_ref(str(transition.dest))
        return None

    def node_ref(self, state: str) -> NodeRef:
        if state.startswith(EXTERNAL):
            flow_id, node_id = state[1:].split(":", 1)
            return flow_id, node_id
        return self.flow.id, state


def compile_flow(content: Content, flow: FlowData) -> CompiledFlow:
    states = list(flow.nodes)
    transitions: list[dict[str, Any]] = []
    for node in flow.nodes.values():
        for choice in node.choices:
            target = _state_name(flow.id, content.resolve(flow.id, choice.target))
            transition: dict[str, Any] = {"trigger": choice.id, "source": node.id, "dest": target}
            if choice.when:
                transition["conditions"] = [_condition(compile_guard(choice.when))]
            transitions.append(transition)
        routes = [(NEXT, route) for route in node.next]
        if node.ask is not None:
            routes += [(ASKED, route) for route in node.ask.next]
        for trigger, route in routes:
            target = _state_name(flow.id, content.resolve(flow.id, route.target))
            transition = {"trigger": trigger, "source": node.id, "dest": target}
            if route.when:
                transition["conditions"] = [_condition(compile_guard(route.when))]
            transitions.append(transition)
    for transition in transitions:
        if transition["dest"].startswith(EXTERNAL) and transition["dest"] not in states:
            states.append(transition["dest"])
    cursor = _Cursor()
    machine = Machine(
        model=cursor,
        states=states,
        transitions=transitions,
        initial=flow.header.start,
        send_event=True,
        auto_transitions=False,
        ignore_invalid_triggers=False,
        name=flow.id,
    )
    return CompiledFlow(flow, machine, cursor)


def compile_all(content: Content) -> dict[str, CompiledFlow]:
    return {flow_id: compile_flow(content, flow) for flow_id, flow in content.flows.items()}
