"""The stored conversation: a small record of data, never an object with behaviour.

The transcript holds references, not texts, so that switching FALC re-renders it whole:
  ["b", flow, node, index]          a message of the content (+ {vars} when it has placeholders)
  ["s", message_id]                 a message of the coach itself (help, not understood…)
  ["c", flow, node, choice_id]      the person chose a button
  ["k", command_id]                 the person used a global command
  ["t", text]                       the person typed a text
  ["g", term]                       the coach explained a term of the glossary
  ["p", message_id, [place…], flow, node]   a coach message naming places (« {a} ou {b} »)
  ["v", place]                      the person chose a place the coach offered
Places are short strings (see `coach.engine.nlu.places`).

Stored form: the JSON of the other fields (with `entries`, the transcript's length), a
newline, then the transcript's JSON array, which a turn does not parse (see
`coach.engine.transcript`). Records stored as one JSON object by earlier versions load too.
"""

from __future__ import annotations

import secrets
import time
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from typing import Any

import lz4.frame
import orjson

from coach.engine.transcript import Transcript

# Enough snapshots to go back through a whole track; older ones are dropped.
MAX_SNAPSHOTS = 40
MAX_IDEMPOTENCY_KEYS = 8
# Records from this size (bytes of JSON) are stored compressed with LZ4: a long
# conversation shrinks about 4 times, for 3 µs a turn (zlib took 18 µs; records stored by
# earlier versions in zlib are still read).
COMPRESS_FROM = 3072
LZ4_FRAME_MAGIC = b"\x04\x22\x4d\x18"


def new_conversation_id() -> str:
    """128 random bits, URL-safe, unguessable."""
    return secrets.token_urlsafe(16)


@dataclass
class Record:
    """`transcript` may be given as a list; it is kept as a `Transcript`."""

    id: str
    flow: str
    node: str
    origin: str
    content_version: str
    falc: bool = False
    vars: dict[str, Any] = field(default_factory=dict)
    transcript: Transcript = field(default_factory=Transcript)
    # Snapshots taken before each step, for "retour": [flow, node, vars, transcript length].
    history: list[list[Any]] = field(default_factory=list)
    misses: int = 0
    # Places offered by « Vous voulez parler de… ? », shown as the choices sens-1, sens-2…
    pending: list[str] = field(default_factory=list)
    # One [first transcript position, seconds since `created`] per turn: when each was said.
    turns: list[list[int]] = field(default_factory=list)
    # Idempotency-Key -> [first, last) transcript positions of the step it produced.
    # Idempotency-Key -> [first message, end, input fingerprint] of the step it produced.
    idem: dict[str, list[int | str]] = field(default_factory=dict)
    # Detours in progress, innermost last: [caller flow, caller node, called flow].
    calls: list[list[str]] = field(default_factory=list)
    # The person's own typed answers (`ask:` nodes), by variable: their data, kept here only.
    answers: dict[str, str] = field(default_factory=dict)
    # A typed answer waiting for confirmation: [variable, text].
    proposal: list[str] = field(default_factory=list)
    # Parts of staged flows seen so far: flow id -> bit mask of part indexes.
    seen: dict[str, int] = field(default_factory=dict)
    version: int = 0
    created: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)

    def __post_init__(self) -> None:
        if not isinstance(self.transcript, Transcript):
            self.transcript = Transcript(self.transcript)

    def to_bytes(self) -> bytes:
        head = {name: getattr(self, name) for name in _HEAD_FIELDS}
        for name in _OMITTED_WHEN_EMPTY:  # most conversations never use them: no bytes
            if not head[name]:
                del head[name]
        head["entries"] = len(self.transcript)
        raw = orjson.dumps(head) + b"\n" + self.transcript.to_json()
        # Short records are cheaper to keep as JSON; long ones shrink about 4 times.
        return raw if len(raw) < COMPRESS_FROM else lz4.frame.compress(raw)

    @classmethod
    def from_bytes(cls, data: bytes) -> Record:
        if data[:1] == b"{":
            raw = data
        elif data[:4] == LZ4_FRAME_MAGIC:
            raw = lz4.frame.decompress(data)
        else:
            raw = zlib.decompress(data)
        head_json, newline, entries_json = raw.partition(b"\n")
        head = orjson.loads(head_json)
        if newline:  # JSON itself never holds a raw newline
            head["transcript"] = Transcript.from_json(entries_json, head.pop("entries"))
        return cls(**head)

    def snapshot(self) -> None:
        """[flow, node, vars, transcript length] (+ the detours, when inside one)."""
        saved: list[Any] = [self.flow, self.node, dict(self.vars), len(self.transcript)]
        if self.calls:
            saved.append([list(frame) for frame in self.calls])
        self.history.append(saved)
        del self.history[:-MAX_SNAPSHOTS]

    def take_snapshot(self) -> tuple[str, str, dict[str, Any], list[list[str]]] | None:
        """The last snapshot (flow, node, variables, detours), removed; None when there is
        none."""
        if not self.history:
            return None
        flow, node, variables, _length, *calls = self.history.pop()
        return flow, node, variables, [list(frame) for frame in calls[0]] if calls else []

    def mark_turn(self, first: int, at: float) -> None:
        self.turns.append([first, max(0, int(at - self.created))])

    def said_at(self, first: int = 0, last: int | None = None) -> list[float | None]:
        """The time of each transcript entry in [first, last) (None for records stored
        before this field existed). Starts at the turn holding `first`: a step's few new
        entries cost the same whatever the length of the conversation."""
        last = len(self.transcript) if last is None else last
        times: list[float | None] = [None] * max(0, last - first)
        turns = self.turns
        holding_first = max(0, bisect_right(turns, first, key=_turn_start) - 1)
        for position in range(holding_first, len(turns)):
            start, offset = turns[position]
            if start >= last:
                break
            stop = turns[position + 1][0] if position + 1 < len(turns) else len(self.transcript)
            low, high = max(start, first), min(stop, last)
            if low < high:
                times[low - first:high - first] = [self.created + offset] * (high - low)
        return times

    def copy(self) -> Record:
        """A new record sharing nothing mutable with this one (entries are never mutated)."""
        return Record(
            id=self.id, flow=self.flow, node=self.node, origin=self.origin,
            content_version=self.content_version, falc=self.falc, vars=dict(self.vars),
            transcript=self.transcript.copy(), history=list(self.history), misses=self.misses,
            pending=list(self.pending), turns=list(self.turns), idem=dict(self.idem),
            calls=[list(frame) for frame in self.calls], answers=dict(self.answers),
            proposal=list(self.proposal), seen=dict(self.seen),
            version=self.version, created=self.created, updated=self.updated)

    def remember_step(self, key: str, first: int, fingerprint: str) -> None:
        self.idem[key] = [first, len(self.transcript), fingerprint]
        while len(self.idem) > MAX_IDEMPOTENCY_KEYS:
            del self.idem[next(iter(self.idem))]


_HEAD_FIELDS = tuple(f.name for f in fields(Record) if f.name != "transcript")
_OMITTED_WHEN_EMPTY = ("calls", "answers", "proposal", "seen")


def _turn_start(turn: list[int]) -> int:
    return turn[0]
