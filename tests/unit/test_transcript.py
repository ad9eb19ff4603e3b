"""The transcript behaves as a plain list, whether its entries are stored bytes or parsed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coach.engine.transcript import Transcript

entries = st.lists(st.one_of(st.text(max_size=5), st.integers(-1000, 10**6), st.booleans(),
                             st.dictionaries(st.text(max_size=3), st.integers(0, 99), max_size=2)),
                   min_size=1, max_size=4)
# Operations: add entries, then save and load again (the stored part grows).
steps = st.lists(st.tuples(st.lists(entries, max_size=4), st.booleans()), max_size=8)


def replay(ops) -> tuple[Transcript, list]:
    transcript, model = Transcript(), []
    for added, reload in ops:
        for entry in added:
            transcript.append(entry)
            model.append(entry)
        if reload:
            transcript = Transcript.from_json(transcript.to_json(), len(transcript))
    return transcript, model


@given(steps, st.integers(-12, 12))
def test_reading_agrees_with_a_list(ops, position):
    transcript, model = replay(ops)
    assert len(transcript) == len(model)
    assert transcript.to_json() == Transcript(model).to_json()
    if -len(model) <= position < len(model):
        assert transcript[position] == model[position]
    first = abs(position)
    assert transcript.since(first) == model[first:]
    assert transcript[first:] == model[first:]
    assert list(reversed(transcript)) == list(reversed(model))
    assert transcript == model


@given(steps)
def test_a_copy_is_independent(ops):
    transcript, model = replay(ops)
    copy = transcript.copy()
    copy.append(["s", "nouveau"])
    assert transcript == model
    assert copy == [*model, ["s", "nouveau"]]


def test_new_entries_are_read_without_parsing_the_stored_ones():
    stored = Transcript([["s", "a"], ["s", "b"]]).to_json()
    transcript = Transcript.from_json(stored + b"not parsed", 2)  # would fail to parse
    transcript.append(["s", "c"])
    assert transcript[2] == ["s", "c"] and transcript[-1] == ["s", "c"]
    assert transcript.since(2) == [["s", "c"]] and transcript[2:] == [["s", "c"]]
    assert len(transcript) == 3
