"""The read side of a Python list, for the record's lists that keep old entries unparsed.

The transcript, the turn times and the snapshots of « retour » stay as stored bytes until
someone reads an old entry. Each gives `_all()` (every entry, parsed on demand); iteration,
equality and repr follow from it here, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class ListView:
    """Iteration, equality with lists and other views, and repr, from `_all()`."""

    __slots__ = ()

    def _all(self) -> list[Any]:
        raise NotImplementedError

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
