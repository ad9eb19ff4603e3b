"""The read side of a Python list, for the record's lists that keep old entries unparsed.

The transcript, the turn times and the snapshots of « retour » stay as stored bytes until
someone reads an old entry: `stored` (the first `stored_count` entries, not parsed)
followed by `added` (parsed). Each says how its stored bytes parse (`_parse`); keeping
them, parsing them on demand, the length, iteration, equality and repr are here, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Self


class ListView:
    """Stored entries (bytes, parsed on demand by `_parse`) followed by added ones."""

    __slots__ = ("_added", "_stored", "_stored_count")

    def __init__(self, entries: Iterable[Any] = (), stored: bytes = b"",
                 stored_count: int = 0) -> None:
        self._stored, self._stored_count = (stored, stored_count) if stored_count else (b"", 0)
        self._added: list[Any] = list(entries)

    def _parse(self) -> list[Any]:
        """The stored entries, parsed."""
        raise NotImplementedError

    def _unparsed(self) -> int:
        return self._stored_count

    def _drop_stored(self) -> None:
        self._stored, self._stored_count = b"", 0

    def _all(self) -> list[Any]:
        if self._unparsed():
            self._added[:0] = self._parse()
            self._drop_stored()
        return self._added

    def copy(self) -> Self:
        """Shares the stored bytes (never changed in place), copies the added entries' list."""
        return type(self)(self._added, self._stored, self._stored_count)

    def append(self, entry: Any) -> None:
        self._added.append(entry)

    def __len__(self) -> int:
        return self._unparsed() + len(self._added)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())

    def __reversed__(self) -> Iterator[Any]:
        return reversed(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ListView):
            return self._all() == other._all()
        if isinstance(other, list):
            return self._all() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._all()!r})"
