"""A conversation's transcript, read from the store only when someone looks back at it.

A turn only adds entries and renders the new ones; the stored entries stay as their JSON
bytes until something asks for an old one (the whole conversation, a FALC switch, a look
back for the last coach message). Saving joins the stored bytes and the new entries
without parsing the old ones: a turn costs the same at the 5th turn and at the 100th.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, overload

import orjson

Entry = list[Any]


class Transcript:
    """A list of entries: `stored` (JSON array bytes of the first `stored_count`, not yet
    parsed) followed by `added` (parsed)."""

    __slots__ = ("_added", "_stored", "_stored_count")

    def __init__(self, entries: Iterable[Entry] = (), stored: bytes = b"",
                 stored_count: int = 0) -> None:
        self._stored, self._stored_count = (stored, stored_count) if stored_count else (b"", 0)
        self._added: list[Entry] = list(entries)

    @classmethod
    def from_json(cls, data: bytes, count: int) -> Transcript:
        return cls(stored=data, stored_count=count)

    def to_json(self) -> bytes:
        """The JSON array of every entry; stored ones are copied as bytes, not re-encoded."""
        if not self._stored_count:
            return orjson.dumps(self._added)
        if not self._added:
            return self._stored
        return self._stored[:-1] + b"," + orjson.dumps(self._added)[1:]

    def append(self, entry: Entry) -> None:
        self._added.append(entry)

    def copy(self) -> Transcript:
        return Transcript(self._added, self._stored, self._stored_count)

    def since(self, first: int) -> list[Entry]:
        """Entries from position `first` on (no parsing when they were all added since)."""
        if first >= self._stored_count:
            return self._added[first - self._stored_count:]
        return self._all()[first:]

    def _all(self) -> list[Entry]:
        if self._stored_count:
            self._added[:0] = orjson.loads(self._stored)
            self._stored, self._stored_count = b"", 0
        return self._added

    def __len__(self) -> int:
        return self._stored_count + len(self._added)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, int):
            position = index + len(self) if index < 0 else index
            if self._stored_count <= position < len(self):
                return self._added[position - self._stored_count]
        elif index.step is None and index.stop is None and (index.start or 0) >= 0:
            return self.since(index.start or 0)
        return self._all()[index]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._all())

    def __reversed__(self) -> Iterator[Entry]:
        return reversed(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Transcript):
            return self._all() == other._all()
        if isinstance(other, list):
            return self._all() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"Transcript({self._all()!r})"
