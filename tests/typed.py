"""Typing at a place of the real content, as the understanding's journey tests do: put a
person somewhere, type, then read where they stand and what the coach said."""

from __future__ import annotations

from dataclasses import dataclass

from coach.engine.engine import Engine, Step, TextInput
from coach.engine.record import Record
from tests.places import record_at


@dataclass(frozen=True)
class Typist:
    engine: Engine

    def at(self, place: str, falc: bool = False, **variables: object) -> Record:
        return record_at(self.engine, place, falc, **variables)

    def typed(self, record: Record, text: str) -> Step:
        return self.engine.play(record, TextInput(text))


def where(step: Step) -> str:
    return f"{step.record.flow}:{step.record.node}"


def bot(step: Step) -> list[str]:
    """The refs of the coach's messages of a turn."""
    return [m.ref for m in step.messages if m.role == "bot"]


def said(step: Step) -> str:
    return "\n".join(m.text for m in step.messages if m.role == "bot")
