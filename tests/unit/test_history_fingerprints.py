"""The history shows what was said, after authors added or removed messages in a node.

A transcript keeps a content message's position in its node and, since format 4, a
fingerprint of its standard text: the history shows the message at that position only
when the fingerprints agree, else the message with that fingerprint in the node, else says
that the message has changed (never a neighbouring message's text). Records stored before
(format 3, no fingerprints) still render by position, as they did.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from coach.analytics.events import feedback_event
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine
from coach.engine.record import Record
from coach.service.feedback import FeedbackCounter
from tests.conftest import CONTACT, FIXTURE_DIALOGUES

RECORDS = Path(__file__).resolve().parents[1] / "fixtures" / "records"
BRAVO = """      - speaker: coach
        when: "reponse == 'vrai'"
        text: Bravo, c'est juste.
        falc: Bravo.
"""
ADDED = """      - speaker: coach
        text: Voici votre résultat.
        falc: Voici votre résultat.
"""
CHANGED = "(Ce message du coach a été modifié depuis. Son ancien texte n’est plus disponible.)"


def played_quiz() -> Record:
    """A person taps « Faire le quiz », then « Oui, des familles »."""
    engine = Engine(load_content(FIXTURE_DIALOGUES), CONTACT)
    step = engine.start()
    for choice in ("quiz", "vrai"):
        step = engine.play(step.record, ChoiceInput(choice))
    return Record.from_bytes(step.record.to_bytes())


def edited(tmp_path: Path, old: str, new: str) -> Engine:
    """The fixture dialogues after an author replaced `old` by `new` in demo.yaml."""
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    flow = directory / "demo.yaml"
    text = flow.read_text(encoding="utf-8")
    assert text.count(old) == 1
    flow.write_text(text.replace(old, new), encoding="utf-8")
    return Engine(load_content(directory), CONTACT)


def bot_texts(engine: Engine, record: Record) -> list[str]:
    return [m.text for m in engine.conversation(record).messages if m.role == "bot"]


def test_a_message_added_before_keeps_the_history_as_said(tmp_path):
    record = played_quiz()
    said = bot_texts(Engine(load_content(FIXTURE_DIALOGUES), CONTACT), record)
    assert said[-3:] == ["Bravo, c'est juste.", "Votre score : 1 sur 1.", "Vous avez tout bon."]
    engine = edited(tmp_path, BRAVO, ADDED + BRAVO)  # a message now opens « resultat »
    assert bot_texts(engine, record) == said
    # Easy-to-read switched on: the same messages, in their easy-to-read text.
    assert bot_texts(engine, engine.set_falc(record, True))[-3:] == [
        "Bravo.", "Votre score : 1 sur 1.", "Vous avez tout bon."]
    # The person goes on with the new content: what was said before stays as said.
    step = engine.play(record, ChoiceInput("bonus"))
    assert bot_texts(engine, step.record)[:len(said)] == said


def test_a_message_removed_is_never_replaced_by_its_neighbour(tmp_path):
    record = played_quiz()
    engine = edited(tmp_path, BRAVO, "")
    texts = bot_texts(engine, record)
    assert "Non, les familles ont toute leur place." not in texts
    assert texts[-3:] == [CHANGED, "Votre score : 1 sur 1.", "Vous avez tout bon."]
    assert bot_texts(engine, engine.set_falc(record, True))[-3] == (
        "Ce message du coach a changé.\nVous ne pouvez plus lire l’ancien message.")


def test_a_message_reworded_in_easy_to_read_only_is_still_found(tmp_path):
    record = played_quiz()
    engine = edited(tmp_path, "falc: Bravo.", "falc: Bravo, c’est juste.")
    assert bot_texts(engine, engine.set_falc(record, True))[-3] == "Bravo, c’est juste."


def test_a_record_stored_before_fingerprints_renders_as_before():
    """Format 3 bytes (tests/fixtures/records/format3-quiz.bin, written by the code before
    fingerprints) load and render by position, message for message as then."""
    record = Record.from_bytes((RECORDS / "format3-quiz.bin").read_bytes())
    wanted = json.loads((RECORDS / "format3-quiz.json").read_text(encoding="utf-8"))
    engine = Engine(load_content(FIXTURE_DIALOGUES), CONTACT)
    assert [[m.ref, m.text] for m in engine.conversation(record).messages] == wanted
    step = engine.play(record, ChoiceInput("bonus"))
    saved = Record.from_bytes(step.record.to_bytes())
    assert [[m.ref, m.text] for m in engine.conversation(saved).messages][:len(wanted)] == wanted


def test_fingerprints_cost_a_few_bytes_a_message():
    record = played_quiz()
    content = [entry for entry in record.transcript if entry[0] == "content"]
    assert all(isinstance(entry[4], str) and len(entry[4]) == 4 for entry in content)


def test_feedback_on_an_advice_moved_in_its_node_counts_for_it(tmp_path):
    """« Ce conseil vous aide-t-il ? » answered on a message shown before a message was
    added above it: counted for that message, at its new place."""
    record = played_quiz()
    engine = edited(tmp_path, BRAVO, ADDED + BRAVO)
    position = next(p for p, m in enumerate(record.transcript) if m[2:4] == ["resultat", 2])
    shown = next(m for m in engine.conversation(record).messages if m.id == f"m{position}")
    assert (shown.ref, shown.text) == ("demo/resultat/3", "Votre score : 1 sur 1.")
    counter = FeedbackCounter(frozenset({"demo/resultat/3"}), engine.renderer.content_message)
    assert counter.events(record, f"m{position}", True) == [feedback_event("demo/resultat/3",
                                                                            True)]


def test_feedback_on_an_advice_removed_since_counts_for_no_other(tmp_path):
    """The message a person answers about was removed by its authors: the message now at
    its stored position is another one, so nothing is counted (feedback is always placed
    where the message is now, never by its stored position alone)."""
    import pytest

    from coach.service.feedback import NotAdvice

    record = played_quiz()
    position = next(p for p, m in enumerate(record.transcript) if m[2:4] == ["resultat", 0])
    engine = edited(tmp_path, BRAVO, "")
    neighbour = {f"demo/resultat/{index}" for index in range(4)}
    counter = FeedbackCounter(frozenset(neighbour), engine.renderer.content_message)
    with pytest.raises(NotAdvice):
        counter.events(record, f"m{position}", True)
