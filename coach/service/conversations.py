"""The turn service: the rules of a conversation, the same for every adapter (the JSON
API, the pages without JavaScript, the documents, the feedback).

It owns the id check, loading (from the store, or the record this process remembers),
playing through the `Engine`, the retry when another turn won the race, idempotent
replays (confirmed on the store when the record was remembered), counting, and saving
through the store's layers (group commit). Adapters parse, call it, and render.

A turn is prepared whole before its save is awaited: the adapter's `render` runs on the
step first, so that while the write is awaited only bytes wait, not records (many turns
wait at once under load, and small waiting turns keep the processor's caches warm).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, NamedTuple, Protocol, TypeVar

from coach.analytics.events import Event, document_event
from coach.drafts.model import Draft, build_draft
from coach.engine.engine import ChoiceInput, Engine, Input, Step, TextInput
from coach.engine.errors import KeyReusedForAnotherInput, UnknownChoice
from coach.engine.record import Record
from coach.service.errors import (
    ChoiceNotOffered,
    ConversationFull,
    ConversationNotFound,
    TextRejected,
    TurnConflict,
)
from coach.service.feedback import FeedbackCounter
from coach.store.base import ConversationStore, Loaded, VersionConflict

# A turn that raced another on the same conversation is played again on the fresh record.
MAX_ATTEMPTS = 3
# Ids are 22 characters (coach.engine.record.new_conversation_id); anything much longer
# is no conversation's, and is not worth a store read.
MAX_ID_CHARS = 64
# A conversation stops growing here (docs/api.md): its record is rewritten at each turn,
# and read whole by its GET and its page.
DEFAULT_MAX_TURNS = 1000
DEFAULT_MAX_RECORD_BYTES = 1024 * 1024

A = TypeVar("A")


class TurnObserver(Protocol):
    """Counts what happens (coach/api/observer.py): never what a person typed."""

    def started(self, record: Record) -> None: ...

    def turn_events(self, before: Record, after: Record, given: Input) -> list[Event]: ...

    def count_turn(self, given: Input, events: list[Event]) -> None: ...

    def count(self, event: Event) -> None: ...


class Answered(NamedTuple, Generic[A]):
    """A turn's answer, rendered by the adapter. `replayed`: the same Idempotency-Key was
    seen before, and this is the step it produced then (nothing was played or saved)."""

    answer: A
    replayed: bool = False


# What one attempt at a turn ends with (tuples: a turn makes one, on the hot path).
class Prepared(NamedTuple, Generic[A]):
    """A turn played and answered, waiting to be written."""

    data: bytes
    expected_version: int
    answer: A
    events: list[Event]


class Replayed(NamedTuple, Generic[A]):
    """The step this Idempotency-Key produced before, confirmed on the stored record."""

    answer: A


class AskTheStore(NamedTuple):
    """The remembered record refused the turn or saw a replay: another process may have
    moved on, so the store's record must decide."""


ASK_THE_STORE = AskTheStore()


class ConversationService:
    def __init__(self, engine: Engine, store: ConversationStore,
                 observer: TurnObserver | None = None, *, max_text_chars: int,
                 advice: frozenset[str] = frozenset(),
                 max_turns: int = DEFAULT_MAX_TURNS,
                 max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES) -> None:
        """`max_text_chars`: the setting COACH_MAX_TEXT_CHARS. `advice`: the content
        references of the messages that ask « Ce conseil vous aide-t-il ? »
        (coach/analytics/conseils.yaml)."""
        self.engine, self.store, self.observer = engine, store, observer
        self.max_text_chars = max_text_chars
        self.max_turns, self.max_record_bytes = max_turns, max_record_bytes
        self.advice = advice
        self._feedback = FeedbackCounter(advice, engine.renderer.content_message)

    # -- reading ---------------------------------------------------------------------------
    def read(self, conversation_id: str) -> Record:
        """The stored record (never a remembered one: what is shown is the latest)."""
        loaded = self._load(conversation_id, may_remember=False)
        if loaded is None:
            raise ConversationNotFound(conversation_id)
        return _record(loaded)

    def conversation(self, conversation_id: str) -> Step:
        """The whole conversation, as a step showing every message."""
        return self.engine.conversation(self.read(conversation_id))

    def conversation_page(self, conversation_id: str, offset: int | None = None,
                          limit: int | None = None) -> tuple[Step, TranscriptPage]:
        """The conversation as a step showing the page of `limit` transcript positions
        from `offset` (by default, the last page; no limit: all of them)."""
        record = self.read(conversation_id)
        page = TranscriptPage.of(len(record.transcript), offset, limit)
        return self.engine.conversation(record, page.offset, page.end), page

    # -- changing --------------------------------------------------------------------------
    def start(self, flow: str | None, falc: bool) -> Step:
        """A new conversation, stored. Raises UnknownFlow."""
        step = self.engine.start(flow, falc)
        self.store.create(step.record.id, step.record.to_bytes())
        if self.observer is not None:
            self.observer.started(step.record)
        return step

    def start_with_choice(self, falc: bool, choice: str) -> tuple[Step, bool]:
        """A new conversation at the welcome with this choice pressed at once, as the home
        menu's button (the pages' « Je suis un parent… »), stored once, after the choice;
        (step, False) as started when the choice is not offered there."""
        step = self.engine.start(None, falc)
        given = ChoiceInput(choice)
        try:
            chosen: Step | None = self.engine.play(step.record, given)
        except UnknownChoice:
            chosen = None
        last = chosen or step
        self.store.create(last.record.id, last.record.to_bytes())
        if self.observer is not None:
            self.observer.started(step.record)
            if chosen is not None:
                self.observer.count_turn(given, self.observer.turn_events(
                    step.record, chosen.record, given))
        return last, chosen is not None

    def check_text(self, text: str) -> None:
        """Raise TextRejected for a blank text or one over the length limit."""
        if len(text) > self.max_text_chars or not text.strip():
            raise TextRejected(0 if not text.strip() else len(text), self.max_text_chars)

    async def play(self, conversation_id: str, given: Input, idempotency_key: str | None,
                   render: Callable[[Step], A]) -> Answered[A]:
        """Play one turn and save it; `render` makes the answer from the step, before the
        save is awaited. Raises ConversationNotFound, ChoiceNotOffered, TextRejected,
        KeyReusedForAnotherInput, ConversationFull, TurnConflict, or StoreUnavailable."""
        if isinstance(given, TextInput):
            self.check_text(given.text)
        may_remember = True
        for _attempt in range(MAX_ATTEMPTS):
            prepared = self._prepare(conversation_id, given, idempotency_key, render,
                                     may_remember)
            may_remember = False
            if isinstance(prepared, AskTheStore):
                continue
            if isinstance(prepared, Replayed):
                return Answered(prepared.answer, replayed=True)
            try:
                await self.store.save(conversation_id, prepared.data, prepared.expected_version)
            except VersionConflict:
                continue
            if self.observer is not None:
                self.observer.count_turn(given, prepared.events)
            return Answered(prepared.answer)
        self.read(conversation_id)  # deleted meanwhile: ConversationNotFound
        raise TurnConflict(conversation_id)

    async def set_falc(self, conversation_id: str, falc: bool) -> Step:
        """Switch easy-to-read on or off; the whole conversation, re-rendered."""
        may_remember = True
        for _attempt in range(MAX_ATTEMPTS):
            loaded = self._load(conversation_id, may_remember)
            may_remember = False
            if loaded is None:
                raise ConversationNotFound(conversation_id)
            updated = self.engine.set_falc(_record(loaded), falc)
            try:
                await self.store.save(conversation_id, updated.to_bytes(), loaded.version)
            except VersionConflict:
                continue
            return self.engine.conversation(updated)
        self.read(conversation_id)
        raise TurnConflict(conversation_id)

    def delete(self, conversation_id: str) -> bool:
        """Erase at once; False when there was nothing to erase."""
        if not _plausible_id(conversation_id):
            return False
        return self.store.delete(conversation_id)

    # -- around the conversation -----------------------------------------------------------
    def draft(self, conversation_id: str, fmt: str, falc: bool | None) -> Draft:
        """The coordinator's draft from the conversation's answers (`falc` None: the
        conversation's own setting), counted as a download in format `fmt`."""
        record = self.read(conversation_id)
        variant = record.falc if falc is None else falc
        self._count([document_event(record.flow, fmt, variant)])
        return build_draft(record.vars, variant, typed=record.answers)

    def give_feedback(self, conversation_id: str, message_id: str, useful: bool) -> None:
        """Count « this advice helps » (or not) once per message. Raises NotAdvice."""
        record = self.read(conversation_id)
        self._count(self._feedback.events(record, message_id, useful))

    def _count(self, events: Sequence[Event]) -> None:
        if self.observer is not None:
            for event in events:
                self.observer.count(event)

    # -- one attempt -----------------------------------------------------------------------
    def _load(self, conversation_id: str, may_remember: bool) -> Loaded | None:
        if not _plausible_id(conversation_id):
            return None
        return self.store.load(conversation_id, may_remember=may_remember)

    def _prepare(self, conversation_id: str, given: Input, idempotency_key: str | None,
                 render: Callable[[Step], A],
                 may_remember: bool) -> Prepared[A] | Replayed[A] | AskTheStore:
        loaded = self._load(conversation_id, may_remember)
        if loaded is None:
            raise ConversationNotFound(conversation_id)
        record = _record(loaded)
        self._check_room(record, len(loaded.data))
        try:
            step = self.engine.play(record, given, idempotency_key)
        except UnknownChoice as exc:
            if loaded.remembered:
                return ASK_THE_STORE
            offered = [c.id for c in self.engine.available_choices(record)]
            raise ChoiceNotOffered(exc.choice, record, offered) from exc
        except KeyReusedForAnotherInput:
            if loaded.remembered:
                return ASK_THE_STORE  # refuse only on what the store holds
            raise
        if step.replayed:
            if loaded.remembered:
                return ASK_THE_STORE  # a replay is not saved: confirm it on the stored record
            return Replayed(render(step))
        events = self.observer.turn_events(record, step.record, given) if self.observer else []
        return Prepared(step.record.to_bytes(), loaded.version, render(step), events)


    def _check_room(self, record: Record, stored_bytes: int) -> None:
        played = len(record.turn_times) - 1  # the first mark is the conversation's start
        if played >= self.max_turns or stored_bytes > self.max_record_bytes:
            raise ConversationFull(self.engine.notice("conversation-complete", record.falc,
                                                      {"tours": played}))


class TranscriptPage(NamedTuple):
    """Which transcript positions a reading shows: [offset, offset + limit) of `total`."""

    offset: int
    limit: int
    total: int

    @property
    def end(self) -> int:
        return min(self.total, self.offset + self.limit)

    @classmethod
    def of(cls, total: int, offset: int | None, limit: int | None) -> TranscriptPage:
        size = total if limit is None else max(1, limit)
        start = max(0, total - size) if offset is None else max(0, min(offset, total))
        return cls(start, size, total)


def _plausible_id(conversation_id: str) -> bool:
    return len(conversation_id) <= MAX_ID_CHARS


def _record(loaded: Loaded) -> Record:
    record = Record.from_bytes(loaded.data)
    record.version = loaded.version
    return record
