"""The stored record: format 2 keeps a turn's cost flat, and records stored by earlier
versions (bytes written by the format-1 code, kept in tests/fixtures/records) still load,
render, go back and replay as they did."""

from __future__ import annotations

import json
from pathlib import Path

import lz4.block
import orjson
import pytest

from coach.engine.engine import ChoiceInput, TextInput
from coach.engine.record import FORMAT, MAX_SNAPSHOTS, Record

RECORDS = Path(__file__).parents[1] / "fixtures" / "records"
OLD = [("format1-court.bin", "format1-court.json"),
       ("format1-long-lz4.bin", "format1-long-lz4.json"),
       ("format1-objet-zlib.bin", "format1-long-lz4.json")]


def given(text: str) -> ChoiceInput | TextInput:
    return TextInput(text[1:]) if text.startswith("?") else ChoiceInput(text)


def check_as_before(engine, record: Record, expected: dict) -> None:
    assert record.node == expected["node"] and record.vars == expected["vars"]
    assert [[m.id, m.role, m.text, m.ref, m.at] for m in engine.conversation(record).messages
            ] == expected["messages"]
    back = engine.play(record, ChoiceInput("retour"))
    assert [back.record.node, back.record.vars] == expected["after_back"]
    back = engine.play(back.record, ChoiceInput("retour"))
    assert [back.record.node, back.record.vars] == expected["after_back_twice"]
    again = engine.play(record, given(expected["last_input"]), expected["last_key"])
    assert again.replayed and [m.text for m in again.messages] == expected["replayed"]


@pytest.mark.parametrize(("stored", "expected"), OLD)
def test_records_of_format_1_load_and_are_saved_in_format_2(engine, stored, expected):
    data = (RECORDS / stored).read_bytes()
    assert not data.startswith(b'{"format"')  # really older bytes
    wanted = json.loads((RECORDS / expected).read_text(encoding="utf-8"))
    record = Record.from_bytes(data)
    check_as_before(engine, record, wanted)
    saved = record.to_bytes()
    assert orjson.loads(saved.partition(b"\n")[0])["format"] == FORMAT
    check_as_before(engine, Record.from_bytes(saved), wanted)


def test_retour_goes_back_as_far_as_promised(engine):
    step = engine.start()
    path = ["quiz", "vrai", "bonus", "rejouer"] * 15  # 60 steps, each with a snapshot
    nodes, variables = [], []
    for choice in path:
        nodes.append(step.record.node)
        variables.append(dict(step.record.vars))
        step = engine.play(Record.from_bytes(step.record.to_bytes()), ChoiceInput(choice))
    record = step.record
    for back in range(1, MAX_SNAPSHOTS + 1):
        record = engine.play(Record.from_bytes(record.to_bytes()), ChoiceInput("retour")).record
        if nodes[-back] == "bravo":  # « retour » is refused where the author said so
            break
        assert (record.node, record.vars) == (nodes[-back], variables[-back]), back
    assert len(step.record.history) == MAX_SNAPSHOTS


def test_a_turn_reads_neither_the_sealed_blocks_nor_the_old_turn_times(engine, monkeypatch):
    step = engine.start()
    for choice in ["quiz", "vrai", "bonus", "rejouer"] * 80:  # saved and loaded each turn
        step = engine.play(Record.from_bytes(step.record.to_bytes()), ChoiceInput(choice))
    stored = Record.from_bytes(step.record.to_bytes())
    head = orjson.loads(step.record.to_bytes().partition(b"\n")[0])
    assert len(head["transcript"][1]) >= 5  # sealed blocks

    def refuse(*_args, **_kwargs):
        raise AssertionError("a sealed block was decompressed")

    monkeypatch.setattr(lz4.block, "decompress", refuse)
    monkeypatch.setattr(orjson, "loads", refuse)  # nothing but the head was parsed before
    after = engine.play(stored, ChoiceInput("quiz"))
    data = after.record.to_bytes()
    monkeypatch.undo()
    assert after.messages[0].text == "Faire le quiz"
    assert all(m.at for m in after.messages)
    assert Record.from_bytes(data).transcript == [*step.record.transcript,
                                                  *after.record.transcript[len(stored.transcript):]]


def test_the_record_of_a_500_turn_conversation_stays_small(engine):
    step = engine.start()
    for choice in ["quiz", "vrai", "bonus", "rejouer"] * 125:  # saved and loaded each turn
        step = engine.play(Record.from_bytes(step.record.to_bytes()), ChoiceInput(choice))
    data = step.record.to_bytes()
    messages = len(step.record.transcript)
    assert messages > 1000
    # docs/benchmarks.md: 5.6 KB measured for 500 turns of this flow (bound 12 KB); on the
    # real content, 19 KB (bound 24 KB).
    assert len(data) < 12 * 1024, len(data)
    assert Record.from_bytes(data).transcript == step.record.transcript
