"""The turn service on its own: a real engine and a real SQLite file, no HTTP."""

from __future__ import annotations

import asyncio

import pytest

from coach.engine.engine import ChoiceInput, TextInput
from coach.service import (
    ChoiceNotOffered,
    ConversationNotFound,
    ConversationService,
    TextRejected,
)
from coach.store.layers import conversation_store
from coach.store.recent import RecentRecords
from coach.store.sqlite import SQLiteStore


@pytest.fixture
def backend(tmp_path):
    store = SQLiteStore(tmp_path / "c.db", 3600)
    yield store
    store.close()


@pytest.fixture
def service(engine, backend):
    layered = conversation_store(backend, RecentRecords(100_000, 600))
    return ConversationService(engine, layered, max_text_chars=30)


def play(service, cid, given, key=None):
    return asyncio.run(service.play(cid, given, key, render=lambda step: step.record.node))


def test_a_turn_is_rendered_saved_and_replayed_by_its_key(service, backend):
    cid = service.start("demo", falc=False).record.id
    assert play(service, cid, ChoiceInput("quiz"), "k") == ("question", False)
    assert backend.load(cid)[1] == 2
    assert play(service, cid, ChoiceInput("quiz"), "k") == ("question", True)
    assert backend.load(cid)[1] == 2  # a replay writes nothing


def test_refusals_name_what_is_offered(service):
    cid = service.start("demo", falc=False).record.id
    with pytest.raises(ChoiceNotOffered) as refused:
        play(service, cid, ChoiceInput("vrai"))
    assert refused.value.offered == ["quiz", "ailleurs"] and refused.value.record.node == "menu"
    for text, length in (("   ", 0), ("x" * 31, 31)):
        with pytest.raises(TextRejected) as rejected:
            play(service, cid, TextInput(text))
        assert rejected.value.length == length and rejected.value.limit == 30


def test_ids_no_conversation_can_have_never_reach_the_store(service, backend):
    too_long = "x" * 65
    backend.close()  # a store read would now fail
    with pytest.raises(ConversationNotFound):
        service.read(too_long)
    with pytest.raises(ConversationNotFound):
        play(service, too_long, ChoiceInput("quiz"))
    assert service.delete(too_long) is False


def test_a_stale_memory_is_checked_on_the_store(service, engine, backend):
    """Another process played « quiz »: here memory still holds the menu, where « vrai »
    is not offered; the service must ask the store before refusing."""
    cid = service.start("demo", falc=False).record.id
    other = ConversationService(engine, conversation_store(backend), max_text_chars=30)
    assert play(other, cid, ChoiceInput("quiz")) == ("question", False)
    assert play(service, cid, ChoiceInput("vrai")).answer == "bravo"


def test_a_key_reused_on_a_stale_memory_is_checked_on_the_store(service, engine, backend):
    """Here memory holds key « k » for « quiz »; another process has since played enough
    turns that the stored record no longer knows « k »: the store decides, not memory."""
    cid = service.start("demo", falc=False).record.id
    assert play(service, cid, ChoiceInput("quiz"), "k") == ("question", False)
    other = ConversationService(engine, conversation_store(backend), max_text_chars=30)
    for i in range(8):
        play(other, cid, ChoiceInput("aide"), f"autre-{i}")
    assert play(service, cid, ChoiceInput("vrai"), "k") == ("bravo", False)
