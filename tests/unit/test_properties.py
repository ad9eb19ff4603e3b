"""Property-based: any sequence of choices, texts, commands and FALC switches keeps a
conversation valid (on the fixture flow and on the real dialogues)."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, TextInput
from coach.engine.record import Record
from coach.engine.transcript import DIRECTORY_ASK, DIRECTORY_EMPTY
from tests.conftest import CONTACT, FIXTURE_DIALOGUES

ON_ARRIVAL = (DIRECTORY_ASK, DIRECTORY_EMPTY)
COMMANDS = ["menu", "retour", "recommencer", "facile", "aide", "humain", "stop"]

actions = st.lists(
    st.one_of(
        st.tuples(st.just("choice"), st.integers(min_value=0, max_value=20)),
        st.tuples(st.just("command"), st.sampled_from(COMMANDS)),
        st.tuples(st.just("text"), st.text(min_size=1, max_size=60).filter(str.strip)),
        st.tuples(st.just("falc"), st.booleans()),
    ),
    max_size=30,
)


@functools.cache
def engine_for(content: str) -> Engine:
    return Engine(load_content(FIXTURE_DIALOGUES if content == "fixture" else None), CONTACT)


def assert_valid(engine: Engine, record: Record) -> None:
    assert engine.content.has_node((record.flow, record.node))
    assert Record.from_bytes(record.to_bytes()) == record
    whole = engine.conversation(record)
    # Every entry renders, except the directory's question or advice said on arrival when
    # the same turn already named the place (« dans le 48 »): only the place's answer shows.
    answered_at_once = sum(
        1 for entry, following in zip(record.transcript[:-1], record.transcript[1:], strict=True)
        if entry[0] == following[0] == "directory" and entry[1] in ON_ARRIVAL
        and following[1] not in ON_ARRIVAL)
    assert len(whole.messages) == len(record.transcript) - answered_at_once
    assert all(m.text.strip() for m in whole.messages)
    node = engine.content.node((record.flow, record.node))
    assert whole.choices or node.end or not node.choices or all(c.when for c in node.choices)


@pytest.mark.parametrize("content", ["fixture", "dialogues"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=actions)
def test_any_sequence_keeps_the_conversation_valid(content, steps):
    engine = engine_for(content)
    step = engine.start()
    record = step.record
    for kind, value in steps:
        before = len(record.transcript)
        if kind == "choice":
            offered = engine.available_choices(record)
            if not offered:
                continue
            step = engine.play(record, ChoiceInput(offered[value % len(offered)].id))
        elif kind == "command":
            step = engine.play(record, ChoiceInput(value))
        elif kind == "text":
            step = engine.play(record, TextInput(value))
        else:
            record = engine.set_falc(record, value)
            assert record.falc is value
            assert_valid(engine, record)
            continue
        record = step.record
        assert len(record.transcript) > before  # a turn always leaves a trace, never erases
        assert step.messages  # and always answers something
        assert_valid(engine, record)


@pytest.mark.parametrize("text", ["LOZERE", "dans le 48", "ya un groupe dans le nord ?"])
def test_a_place_named_at_the_menu_keeps_the_conversation_valid(text):
    """Found by the property above: a department typed at the menu records the directory's
    arrival entry and the place's answer in one turn; only the answer shows."""
    engine = engine_for("dialogues")
    step = engine.play(engine.start().record, TextInput(text))
    assert_valid(engine, step.record)
    kinds = [entry[0] for entry in step.record.transcript]
    assert kinds.count("directory") == 2
