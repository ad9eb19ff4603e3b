"""`Record.copy` (built without `__init__`, on every turn) shares nothing a turn changes."""

from __future__ import annotations

from dataclasses import fields

from coach.engine.engine import ChoiceInput
from coach.engine.record import Record
from coach.engine.transcript import SEAL_AT, LazyList

IMMUTABLE = (str, int, float, bool, type(None))


def long_record(engine, turns: int) -> Record:
    """Saved and loaded at every turn, as the service does (sealed blocks from SEAL_AT)."""
    record = engine.start().record
    for index in range(turns):
        choice = "quiz" if index % 2 == 0 else "menu"
        record = Record.from_bytes(engine.play(record, ChoiceInput(choice)).record.to_bytes())
    return record


def test_every_field_is_copied_or_immutable(engine):
    record = long_record(engine, 6)
    record.calls = [["demo", "accueil", "autre"]]
    record.answers, record.proposal, record.seen = {"x": "y"}, ["x", "y"], {"demo": 3}
    record.pending = ["a"]
    copied = record.copy()
    for field in fields(Record):
        value, other = getattr(record, field.name), getattr(copied, field.name)
        assert value == other, field.name
        if not isinstance(value, IMMUTABLE):
            assert value is not other, f"{field.name} is shared by the copy"
    assert type(copied) is Record


def test_a_turn_on_the_copy_leaves_the_original_as_stored(engine):
    record = long_record(engine, SEAL_AT + 10)  # sealed blocks, an open part
    for value in range(4):  # snapshots whose undo is not empty
        record.vars["compte"] = value
        record.snapshot()
    stored = record.to_bytes()
    copied = record.copy()
    assert len(record.history) >= 2  # the snapshots the copy shares
    copied.snapshot()
    copied.vars["nouveau"] = 1
    copied.snapshot()
    copied.take_snapshot()
    copied.take_snapshot()
    copied.take_snapshot()
    copied.transcript.append(["coach", "aide"])
    copied.turn_times.append([len(copied.transcript), 5])
    list(copied.transcript)  # parses the copy's stored part (and drops its blocks)
    assert record.to_bytes() == stored
    assert Record.from_bytes(copied.to_bytes()).transcript[-1] == ["coach", "aide"]
    assert len(Record.from_bytes(copied.to_bytes()).transcript) == len(record.transcript) + 1


def test_a_decoded_transcript_reads_as_the_encoded_one(engine):
    record = long_record(engine, SEAL_AT + 10)
    loaded = Record.from_bytes(record.to_bytes())
    assert isinstance(loaded.transcript, LazyList)
    assert list(loaded.transcript) == list(record.transcript)
    assert list(loaded.turn_times) == list(record.turn_times)
    assert loaded.transcript.copy() == list(record.transcript)
