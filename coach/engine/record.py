"""The stored conversation: a small record of data, never an object with behaviour.

The transcript holds references, not texts, so that switching FALC re-renders it whole:
  ["content", flow, node, index, fingerprint]  a message of the content (+ {vars} when
                                    it has placeholders); the fingerprint (see
                                    `content_fingerprint`) finds it again when authors
                                    added or removed messages in its node
  ["coach", message_id]             a message of the coach itself (help, not understood…)
  ["choice", flow, node, choice_id] the person chose a button
  ["command", command_id]           the person used a global command
  ["text", text]                    the person typed a text
  ["glossary", term]                the coach explained a term of the glossary
  ["offer", message_id, [place…], flow, node]  a coach message naming places (« {a} ou {b} »)
  ["place", place]                  the person chose a place the coach offered
  ["progress", …]                   « Où en suis-je ? » (see `coach.engine.progress`)
  ["passed", flow, mask]            a stage's end: the parts of it the person skipped
  ["directory", value(, theme)]     the communities of a place, or the question (« ? »),
                                    on a theme of the directory when one was named
  ["region", code]                  the person chose a region of the directory
Places are short strings (see `coach.engine.nlu.places`).

Stored form (`FORMAT` 4; format 3 is the same without the fingerprints of content
messages, which then render by position alone, as they did), so that a turn's cost does
not grow with the conversation:
  the head's JSON (the small fields), a newline, the open parts of the turn times and of
  the transcript (JSON arrays of fewer than `SEAL_AT` entries each, LZ4-compressed
  together from 1 KB), then the sealed blocks of the transcript and of the turn times
  (LZ4, compressed once; every length is in the head; see `coach.engine.transcript`), then
  the snapshots for « retour » (at most `MAX_SNAPSHOTS`, each with only the variables its
  step changed), one JSON array per line, oldest first (`coach.engine.snapshots`). A turn
  parses the head and the last snapshot only; the rest is copied as bytes. Records of
  format 2 (the snapshots as a list in the head) and of earlier formats (one JSON object;
  head and transcript; LZ4 or zlib compressed) load too, and are saved in this format.
"""

from __future__ import annotations

import secrets
import time
import zlib
from dataclasses import dataclass, field, fields
from typing import Any

import lz4.block
import lz4.frame
import orjson

from coach.engine.snapshots import Snapshots
from coach.engine.transcript import Transcript

FORMAT = 4
# Formats read as they are (older ones go through `_from_format_1`).
READ_FORMATS = (2, 3, FORMAT)
# « Retour » goes back this many steps at most (docs/dialogues.md); older ones are dropped.
MAX_SNAPSHOTS = 40
MAX_IDEMPOTENCY_KEYS = 8
# The open parts (recent turn times and transcript entries) are LZ4-compressed from this
# size. Records of format 1 from 3 KB were stored LZ4-compressed as a whole (older: zlib).
COMPRESS_OPEN_FROM = 1024
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
    # Snapshots taken before each step, for « retour », oldest first: [flow, node, changed,
    # unset] (+ the detours, when inside one). `changed`/`unset` undo what the step after
    # the snapshot did to the variables; `history_vars` are the variables at the last one.
    # A snapshot is never changed in place (a new list replaces it): copies of the record
    # share them, and a turn does not copy the 40 of a long conversation.
    history: Snapshots = field(default_factory=Snapshots)
    history_vars: dict[str, Any] = field(default_factory=dict)
    misses: int = 0
    # Places offered by « Vous voulez parler de… ? », shown as the choices sens-1, sens-2…
    pending: list[str] = field(default_factory=list)
    # The other request of the last message typed, named after the first one's answer
    # (« Vous avez aussi demandé : … »): its place, shown as the choice `aussi` until the
    # next turn (`coach.engine.second_request`).
    also: list[str] = field(default_factory=list)
    # One [first transcript position, seconds since `created`] per turn: when each was said.
    turn_times: Transcript = field(default_factory=Transcript)
    # Idempotency-Key -> [first, last) transcript positions of the step it produced, and a
    # fingerprint of the input (a key reused with another input is refused).
    idempotency_steps: dict[str, list[int | str]] = field(default_factory=dict)
    # Detours in progress, innermost last: [caller flow, caller node, called flow].
    calls: list[list[str]] = field(default_factory=list)
    # The person's own typed answers (`ask:` nodes), by variable: their data, kept here only.
    answers: dict[str, str] = field(default_factory=dict)
    # A typed answer waiting for confirmation: [variable, text].
    proposal: list[str] = field(default_factory=list)
    # Parts of staged flows seen so far: flow id -> bit mask of part indexes.
    seen: dict[str, int] = field(default_factory=dict)
    # Parts left by a choice that skips them (« Passer les cartes ») and not seen since: flow
    # id -> bit mask (never set with the same part's `seen` bit; absent from records stored
    # before it existed, and when empty).
    skipped: dict[str, int] = field(default_factory=dict)
    # Where the person last stood in each stage, outside detours: flow id -> node id (for
    # « Reprendre l’étape N »; absent from records stored before it existed).
    places: dict[str, str] = field(default_factory=dict)
    version: int = 0
    created: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)

    def __post_init__(self) -> None:
        if not isinstance(self.transcript, Transcript):
            self.transcript = Transcript(self.transcript)
        if not isinstance(self.turn_times, Transcript):
            self.turn_times = Transcript(self.turn_times)
        if not isinstance(self.history, Snapshots):
            self.history = Snapshots(self.history)

    def to_bytes(self) -> bytes:
        head = {name: getattr(self, name) for name in _HEAD_FIELDS}
        for name in _OMITTED_WHEN_EMPTY:  # most conversations never use them: no bytes
            if not head[name]:
                del head[name]
        sizes, blocks, count, entries = self.transcript.encode()
        time_sizes, time_blocks, time_count, times = self.turn_times.encode()
        head["format"] = FORMAT
        head["transcript"] = [count, sizes]
        head["turn_times"] = [time_count, time_sizes]
        # The open parts are small (under SEAL_AT entries each): compressed whole when
        # worth it, a cost that does not grow with the conversation.
        body = times + entries
        packed = lz4.block.compress(body, store_size=False) if len(body) >= COMPRESS_OPEN_FROM \
            else b""
        head["open"] = [len(times), len(entries), len(packed)]
        snapshots = self.history.to_lines()
        if snapshots:
            head["snapshots"] = [len(self.history), len(snapshots)]
        return b"".join((orjson.dumps(head), b"\n", packed or body, blocks, time_blocks,
                         snapshots))

    @classmethod
    def from_bytes(cls, data: bytes) -> Record:
        if data[:1] != b"{":
            raw = (lz4.frame.decompress(data) if data[:4] == LZ4_FRAME_MAGIC
                   else zlib.decompress(data))
            return _from_format_1(raw)
        head_json, _newline, rest = data.partition(b"\n")
        head = orjson.loads(head_json)
        stored_format = head.pop("format", 1)
        if stored_format not in READ_FORMATS:
            return _from_format_1(data)
        times_length, entries_length, packed = head.pop("open")
        length = times_length + entries_length
        if packed:
            body = lz4.block.decompress(rest[:packed], uncompressed_size=length)
            blocks = rest[packed:]
        else:
            body, blocks = rest[:length], rest[length:]
        times, entries = body[:times_length], body[times_length:]
        count, sizes = head["transcript"]
        time_count, time_sizes = head["turn_times"]
        split = sum(size[1] for size in sizes)
        end = split + sum(size[1] for size in time_sizes)
        head["transcript"] = Transcript.decode(sizes, blocks[:split], count, entries)
        head["turn_times"] = Transcript.decode(time_sizes, blocks[split:end], time_count, times)
        if stored_format != 2:  # format 2 kept the snapshots in the head, as a list
            snapshot_count, _length = head.pop("snapshots", (0, 0))
            head["history"] = Snapshots(stored=blocks[end:], stored_count=snapshot_count)
        return cls(**head)

    def snapshot(self) -> None:
        """Where « retour » comes back to: this node, and how to undo what the step about to
        be played does to the variables (only the names it changes are kept)."""
        saved: list[Any] = [self.flow, self.node, {}, []]
        if self.calls:
            saved.append([list(frame) for frame in self.calls])
        if self.history:  # undo, on these variables, what the last step did
            self.history.replace_last(_with_undo(self.history.last(),
                                                 *_undo(self.history_vars, self.vars)))
        self.history.append(saved)
        self.history_vars = dict(self.vars)
        self.history.keep_last(MAX_SNAPSHOTS)

    def take_snapshot(self) -> tuple[str, str, dict[str, Any], list[list[str]]] | None:
        """The last snapshot (flow, node, variables, detours), removed; None when there is
        none."""
        if not self.history:
            return None
        flow, node, _changed, _unset, *calls = self.history.pop()
        variables = self.history_vars
        if self.history:
            _f, _n, changed, unset, *_calls = self.history.last()
            before = {**variables, **changed}
            for name in unset:
                before.pop(name, None)
            self.history_vars = before
            self.history.replace_last(_with_undo(self.history.last(), {}, []))
        else:
            self.history_vars = {}
        return flow, node, dict(variables), [list(frame) for frame in calls[0]] if calls else []

    def forget_history(self) -> None:
        self.history.clear()
        self.history_vars = {}

    def mark_turn(self, first: int, at: float) -> None:
        self.turn_times.append([first, max(0, int(at - self.created))])

    def said_at(self, first: int = 0, last: int | None = None) -> list[float | None]:
        """The time of each transcript entry in [first, last) (None for records stored
        before this field existed). Reads the turns from the last one back to the one
        holding `first`: a step's few new entries cost the same whatever the length of the
        conversation, and the stored turn times are not parsed."""
        last = len(self.transcript) if last is None else last
        times: list[float | None] = [None] * max(0, last - first)
        stop = len(self.transcript)
        for position in range(len(self.turn_times) - 1, -1, -1):
            start, offset = self.turn_times[position]
            low, high = max(start, first), min(stop, last)
            if low < high:
                times[low - first:high - first] = [self.created + offset] * (high - low)
            if start <= first:
                break
            stop = start
        return times

    def copy(self) -> Record:
        """A new record sharing nothing mutable with this one (entries are never mutated).
        Built without `__init__` (a turn copies its record: 20 keyword arguments and the
        checks of `__post_init__` were a fifth of the copy)."""
        copied = object.__new__(Record)
        fields = copied.__dict__
        fields.update(self.__dict__)
        fields["vars"] = dict(self.vars)
        fields["transcript"] = self.transcript.copy()
        fields["history"] = self.history.copy()  # snapshots are replaced, never changed
        fields["history_vars"] = dict(self.history_vars)
        fields["pending"] = list(self.pending)
        fields["also"] = list(self.also)
        fields["turn_times"] = self.turn_times.copy()
        fields["idempotency_steps"] = dict(self.idempotency_steps)
        fields["calls"] = [list(frame) for frame in self.calls]
        fields["answers"] = dict(self.answers)
        fields["proposal"] = list(self.proposal)
        fields["seen"] = dict(self.seen)
        fields["skipped"] = dict(self.skipped)
        fields["places"] = dict(self.places)
        return copied

    def remember_step(self, key: str, first: int, fingerprint: str) -> None:
        self.idempotency_steps[key] = [first, len(self.transcript), fingerprint]
        while len(self.idempotency_steps) > MAX_IDEMPOTENCY_KEYS:
            del self.idempotency_steps[next(iter(self.idempotency_steps))]


def content_fingerprint(entry: list[Any]) -> str | None:
    """The fingerprint stored with a content message (`message_fingerprint` of its text
    when it was said); None for entries stored before format 4."""
    return entry[4] if len(entry) > 4 and isinstance(entry[4], str) else None


def content_values(entry: list[Any]) -> dict[str, Any] | None:
    """The values of the variables a content message showed, as they were then (last item
    of its entry, after the fingerprint; 5th before format 4)."""
    last = entry[-1]
    return last if len(entry) > 4 and isinstance(last, dict) else None


_HEAD_FIELDS = tuple(f.name for f in fields(Record)
                     if f.name not in ("transcript", "turn_times", "history"))
_OMITTED_WHEN_EMPTY = ("calls", "answers", "proposal", "seen", "skipped", "places",
                       "history_vars", "idempotency_steps", "pending", "also")


def _with_undo(snapshot: list[Any], changed: dict[str, Any], unset: list[str]) -> list[Any]:
    """The snapshot with another undo (a new list: snapshots may be shared by copies)."""
    return [snapshot[0], snapshot[1], changed, unset, *snapshot[4:]]


def _undo(before: dict[str, Any], after: dict[str, Any]) -> list[Any]:
    """[changed, unset]: what turns `after` back into `before`."""
    changed = {name: value for name, value in before.items()
               if name not in after or after[name] != value}
    return [changed, [name for name in after if name not in before]]


# The kinds of transcript entries before format 2: one letter each.
FORMAT_1_KINDS = {"b": "content", "s": "coach", "c": "choice", "k": "command", "t": "text",
                  "g": "glossary", "p": "offer", "v": "place", "w": "progress",
                  "d": "directory", "r": "region"}


def _from_format_1(raw: bytes) -> Record:
    """A record stored before format 2: one JSON object, or the head and the transcript;
    one-letter kinds, full variables in each snapshot, `turns`, `idem`."""
    head_json, newline, entries_json = raw.partition(b"\n")
    head = orjson.loads(head_json)
    if newline:  # JSON itself never holds a raw newline
        head.pop("entries")
        head["transcript"] = orjson.loads(entries_json)
    head["transcript"] = [[FORMAT_1_KINDS.get(entry[0], entry[0]), *entry[1:]]
                          for entry in head.get("transcript", [])]
    head["turn_times"] = head.pop("turns", [])
    head["idempotency_steps"] = head.pop("idem", {})
    old_history = head.pop("history", [])
    record = Record(**head)
    for flow, node, variables, _length, *calls in old_history:
        current = record.vars
        record.flow, record.node, record.vars, record.calls = (
            flow, node, variables, [list(frame) for frame in calls[0]] if calls else [])
        record.snapshot()
        record.vars = current
    record.flow, record.node, record.calls = head["flow"], head["node"], head.get("calls", [])
    if record.history:  # the last step's undo, against the variables of the last snapshot
        record.history.replace_last(_with_undo(record.history.last(), {}, []))
    return record
