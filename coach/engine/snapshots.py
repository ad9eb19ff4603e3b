"""The snapshots of « retour », kept as stored JSON lines until someone reads an old one.

A turn reads and replaces only the last snapshot, adds one and drops the oldest beyond
`MAX_SNAPSHOTS` (coach/engine/record.py); « retour » reads the last two. Parsing the 40
snapshots of a long conversation at every turn cost about 5 µs, as much as the rest of
the record's head: so they are stored one JSON array per line (JSON never holds a raw
newline), oldest first, and only the lines a turn touches are parsed.
"""

from __future__ import annotations

from typing import Any

import orjson

from coach.engine.listview import ListView

Snapshot = list[Any]


class Snapshots(ListView):
    """A list of snapshots: `stored` (JSON lines of the first `stored_count`, not parsed)
    followed by the parsed ones. Snapshots are replaced, never changed in place, so copies
    of a record may share them."""

    __slots__ = ()

    def to_lines(self) -> bytes:
        """What a record stores: one JSON array per line, the stored ones as bytes."""
        parsed = b"\n".join(orjson.dumps(snapshot) for snapshot in self._added)
        if not self._stored_count:
            return parsed
        return self._stored + b"\n" + parsed if parsed else self._stored

    def _parse_last(self) -> None:
        """Move the newest stored snapshot to the parsed ones."""
        before, _newline, last = self._stored.rpartition(b"\n")
        self._added.insert(0, orjson.loads(last))
        self._stored_count -= 1
        self._stored = before if self._stored_count else b""

    def _parse(self) -> list[Snapshot]:
        return [orjson.loads(line) for line in self._stored.split(b"\n")]

    def last(self) -> Snapshot:
        if not self._added:
            self._parse_last()
        return self._added[-1]

    def replace_last(self, snapshot: Snapshot) -> None:
        if not self._added:
            self._parse_last()
        self._added[-1] = snapshot

    def pop(self) -> Snapshot:
        if not self._added:
            self._parse_last()
        return self._added.pop()

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
        del self._added[:excess - dropped]

    def clear(self) -> None:
        self._stored, self._stored_count, self._added = b"", 0, []
