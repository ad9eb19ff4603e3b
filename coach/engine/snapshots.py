"""The snapshots of « retour », kept as stored JSON lines until someone reads an old one.

A turn reads and replaces only the last snapshot, adds one and drops the oldest beyond
`MAX_SNAPSHOTS` (coach/engine/record.py); « retour » reads the last two. Parsing the 40
snapshots of a long conversation at every turn cost about 5 µs, as much as the rest of
the record's head: so they are stored one JSON array per line (JSON never holds a raw
newline), oldest first, and only the lines a turn touches are parsed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from coach.engine.listview import ListView

Snapshot = list[Any]


class Snapshots(ListView):
    """A list of snapshots: `stored` (JSON lines of the first `stored_count`, not parsed)
    followed by `parsed`. Snapshots are replaced, never changed in place, so copies of a
    record may share them."""

    __slots__ = ("_parsed", "_stored", "_stored_count")

    def __init__(self, snapshots: Iterable[Snapshot] = (), stored: bytes = b"",
                 stored_count: int = 0) -> None:
        self._stored, self._stored_count = (stored, stored_count) if stored_count else (b"", 0)
        self._parsed: list[Snapshot] = list(snapshots)

    def to_lines(self) -> bytes:
        """What a record stores: one JSON array per line, the stored ones as bytes."""
        parsed = b"\n".join(orjson.dumps(snapshot) for snapshot in self._parsed)
        if not self._stored_count:
            return parsed
        return self._stored + b"\n" + parsed if parsed else self._stored

    def copy(self) -> Snapshots:
        copied = Snapshots.__new__(Snapshots)
        copied._stored, copied._stored_count = self._stored, self._stored_count
        copied._parsed = list(self._parsed)
        return copied

    def _parse_last(self) -> None:
        """Move the newest stored snapshot to the parsed ones."""
        before, _newline, last = self._stored.rpartition(b"\n")
        self._parsed.insert(0, orjson.loads(last))
        self._stored_count -= 1
        self._stored = before if self._stored_count else b""

    def _all(self) -> list[Snapshot]:
        if self._stored_count:
            self._parsed[:0] = [orjson.loads(line) for line in self._stored.split(b"\n")]
            self._stored, self._stored_count = b"", 0
        return self._parsed

    def __len__(self) -> int:
        return self._stored_count + len(self._parsed)

    def __bool__(self) -> bool:
        return bool(self._stored_count or self._parsed)

    def last(self) -> Snapshot:
        if not self._parsed:
            self._parse_last()
        return self._parsed[-1]

    def replace_last(self, snapshot: Snapshot) -> None:
        if not self._parsed:
            self._parse_last()
        self._parsed[-1] = snapshot

    def append(self, snapshot: Snapshot) -> None:
        self._parsed.append(snapshot)

    def pop(self) -> Snapshot:
        if not self._parsed:
            self._parse_last()
        return self._parsed.pop()

    def keep_last(self, count: int) -> None:
        """Drop the oldest snapshots beyond `count` (stored ones without parsing them)."""
        excess = len(self) - count
        if excess <= 0:
            return
        dropped = min(excess, self._stored_count)
        if dropped:
            self._stored_count -= dropped
            self._stored = (self._stored.split(b"\n", dropped)[-1] if self._stored_count
                            else b"")
        del self._parsed[:excess - dropped]

    def clear(self) -> None:
        self._stored, self._stored_count, self._parsed = b"", 0, []

    def __getitem__(self, index: int) -> Snapshot:
        return self._all()[index]

