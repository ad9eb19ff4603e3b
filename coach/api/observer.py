"""What the chat API tells the anonymous counters and the metrics, on the hot path.

Only in-memory work here (a dict update under a lock, a Prometheus increment): the counters
reach the store later, in one write (coach/analytics/buffer.py).
"""

from __future__ import annotations

from coach.analytics.buffer import CounterBuffer
from coach.analytics.events import Event, StepEvents
from coach.api.metrics import CONVERSATIONS, TURNS
from coach.engine.engine import ChoiceInput, Input
from coach.engine.record import Record

_CHOICE_TURNS = TURNS.labels("choix")
_TEXT_TURNS = TURNS.labels("texte")


class Observer:
    def __init__(self, events: StepEvents, counters: CounterBuffer,
                 advice: frozenset[str] = frozenset()) -> None:
        self.events = events
        self.counters = counters
        self.advice = advice

    def started(self, record: Record) -> None:
        CONVERSATIONS.inc()
        self.counters.add(self.events.started(record))

    def played(self, before: Record, after: Record, given: Input) -> None:
        self.count_turn(given, self.turn_events(before, after, given))

    def turn_events(self, before: Record, after: Record, given: Input) -> list[Event]:
        """What a turn will count, computed before it is saved (counted only once it is)."""
        return self.events.played(before, after, given)

    def count_turn(self, given: Input, events: list[Event]) -> None:
        (_CHOICE_TURNS if isinstance(given, ChoiceInput) else _TEXT_TURNS).inc()
        self.counters.add(events)

    def count(self, event: Event) -> None:
        self.counters.add((event,))
