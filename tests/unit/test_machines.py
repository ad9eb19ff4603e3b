"""Stepping through the machine's transition table decides exactly what `transitions`'
own `Event.trigger` decides, on every edge of the real dialogues and of the fixture."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest
from transitions import MachineError

from coach.content.loader import load_content
from coach.engine.machines import CompiledFlow, compile_all
from tests.conftest import FIXTURE_DIALOGUES

ROOT = Path(__file__).resolve().parents[2]


def by_event_trigger(compiled: CompiledFlow, state: str, trigger: str,
                     variables: dict) -> tuple[str, str] | None:
    """The reference: put the machine's model in `state` and fire the event."""
    event = compiled.machine.events.get(trigger)
    if event is None:
        return None
    compiled.cursor.state = state
    try:
        moved = event.trigger(compiled.cursor, variables=variables)
    except MachineError:
        return None
    return compiled.node_ref(compiled.cursor.state) if moved else None


def guard_values(compiled: CompiledFlow) -> dict[str, set]:
    """Every variable a guard of this flow reads, with the constants it is compared to,
    their neighbours (for < and >=), and None (unset)."""
    values: dict[str, set] = {}
    for event in compiled.machine.events.values():
        for transition in itertools.chain.from_iterable(event.transitions.values()):
            for condition in transition.conditions:
                guard = condition.func.guard
                constants = {node.value for node in ast.walk(ast.parse(guard.source))
                             if isinstance(node, ast.Constant)}
                numbers = {c + d for c in constants if isinstance(c, int)
                           and not isinstance(c, bool) for d in (-1, 0, 1)}
                for name in guard.names:
                    values.setdefault(name, {None}).update(constants | numbers)
    return values


def variable_sets(values: dict[str, set]) -> list[dict]:
    names = sorted(values)
    if not names:
        return [{}]
    ordered = [sorted(values[n], key=repr) for n in names]
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*ordered)][:5000]


@pytest.mark.parametrize(("dialogues", "at_least"), [(ROOT / "dialogues", 5_000),
                                                    (FIXTURE_DIALOGUES, 50)],
                         ids=["dialogues", "fixture"])
def test_table_stepping_agrees_with_event_trigger_everywhere(dialogues, at_least):
    content = load_content(dialogues)
    checked = guarded = 0
    for compiled in compile_all(content).values():
        sets = variable_sets(guard_values(compiled))
        triggers = [*compiled.machine.events, "inconnu"]
        for state in compiled.machine.states:
            for trigger in triggers:
                event = compiled.machine.events.get(trigger)
                has_guard = event is not None and any(
                    t.conditions for t in event.transitions.get(state, ()))
                for variables in (sets if has_guard else [{}]):
                    assert compiled.fire(state, trigger, variables) == by_event_trigger(
                        compiled, state, trigger, variables), (compiled.flow.id, state, trigger,
                                                                variables)
                    checked += 1
                    guarded += has_guard
    assert checked >= at_least
    assert guarded > 0  # guarded edges were tried with their variables


def test_fire_changes_nothing_in_the_machine():
    flows = compile_all(load_content(FIXTURE_DIALOGUES))
    compiled = next(iter(flows.values()))
    compiled.cursor.state = before = compiled.flow.header.start
    for state in compiled.machine.states:
        for trigger in compiled.machine.events:
            compiled.fire(state, trigger, {})
    assert compiled.cursor.state == before
