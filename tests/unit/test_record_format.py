"""The stored record: format 3 keeps a turn's cost flat, and records stored by earlier
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

    parsed = orjson.loads
    snapshots_read: list[bytes] = []

    def one_snapshot_only(data: bytes) -> object:
        """The last snapshot of « retour » (one line) may be read; no list of entries."""
        if not data.startswith(b'["') or b"\n" in data:
            refuse()
        snapshots_read.append(data)
        return parsed(data)

    monkeypatch.setattr(lz4.block, "decompress", refuse)
    monkeypatch.setattr(orjson, "loads", one_snapshot_only)  # the head was parsed before
    after = engine.play(stored, ChoiceInput("quiz"))
    data = after.record.to_bytes()
    monkeypatch.undo()
    assert after.messages[0].text == "Faire le quiz"
    assert all(m.at for m in after.messages)
    assert len(snapshots_read) <= 1
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


def test_records_of_format_2_load_and_go_back_as_they_did(engine):
    """Format 2 kept the snapshots in the head (tests/fixtures/records/format2-retour.bin,
    bytes written by the format-2 code, with the record it loaded into then)."""
    data = (RECORDS / "format2-retour.bin").read_bytes()
    head = orjson.loads(data.partition(b"\n")[0])
    assert head["format"] == 2 and len(head["history"]) == MAX_SNAPSHOTS
    wanted = json.loads((RECORDS / "format2-retour.json").read_text(encoding="utf-8"))
    for record in (Record.from_bytes(data), Record.from_bytes(Record.from_bytes(data).to_bytes())):
        assert list(record.history) == wanted["history"]
        assert record.history_vars == wanted["history_vars"] and record.vars == wanted["vars"]
        assert list(record.transcript) == wanted["transcript"]
        assert list(record.turn_times) == wanted["turn_times"]
        assert record.node == wanted["node"]
        back = engine.play(record, ChoiceInput("retour")).record
        assert back.vars == {**wanted["history_vars"]}  # the variables at the last snapshot
        assert back.node == wanted["history"][-1][1]
    saved = orjson.loads(Record.from_bytes(data).to_bytes().partition(b"\n")[0])
    assert saved["format"] == FORMAT and "history" not in saved
    assert saved["snapshots"][0] == MAX_SNAPSHOTS


def test_a_turn_parses_only_the_snapshots_it_touches(engine):
    step = engine.start()
    for choice in ["quiz", "vrai", "bonus", "rejouer"] * 15:
        step = engine.play(Record.from_bytes(step.record.to_bytes()), ChoiceInput(choice))
    loaded = Record.from_bytes(step.record.to_bytes())
    assert len(loaded.history) == MAX_SNAPSHOTS
    after = engine.play(loaded, ChoiceInput(engine.available_choices(loaded)[0].id)).record
    assert len(after.history._added) <= 2  # the last one, replaced, and the new one
    assert len(after.history) == MAX_SNAPSHOTS
    reloaded = Record.from_bytes(after.to_bytes())
    assert list(reloaded.history) == list(after.history)
    assert list(reloaded.history)[:-2] == list(step.record.history)[1:-1]
