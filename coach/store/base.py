"""The session store interface: the engine and the API only ever see this.

A store keeps opaque record bytes under a conversation id with a version number:
`save` is a compare-and-set on that version, so two turns racing on the same
conversation can never silently overwrite each other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

# An anonymous counter: (content version, day "YYYY-MM-DD", name, flow, node, detail).
# None of these ever holds what a person typed: see coach/analytics/events.py.
CounterKey = tuple[str, str, str, str, str, str]
# One compare-and-set: (conversation id, record bytes, expected version).
Save = tuple[str, bytes, int]


class StoreUnavailable(Exception):
    """The store cannot be reached or is busy; the API answers 503 with Retry-After."""


class VersionConflict(Exception):
    """Another turn saved the conversation first."""


class SaveOneOfMany:
    """`save` for a store that implements `save_many`: one compare-and-set, one path."""

    def save_many(self, saves: Sequence[Save]) -> list[int | None]:
        raise NotImplementedError

    def save(self, conversation_id: str, data: bytes, expected_version: int) -> int:
        version = self.save_many([(conversation_id, data, expected_version)])[0]
        if version is None:
            raise VersionConflict(conversation_id)
        return version


class SessionStore(Protocol):
    retention_seconds: float

    def create(self, conversation_id: str, data: bytes) -> None:
        """Store a new conversation at version 1."""

    def load(self, conversation_id: str) -> tuple[bytes, int] | None:
        """The record bytes and their version, or None if unknown or expired."""

    def save(self, conversation_id: str, data: bytes, expected_version: int) -> int:
        """Replace the record if its version is still `expected_version`; return the new one.

        Raises VersionConflict otherwise (including when the conversation was deleted).
        """

    def save_many(self, saves: Sequence[Save]) -> list[int | None]:
        """Several compare-and-sets in one write (one transaction, or one round trip), in
        order: for each, the new version, or None for a conflict. A failure of the store
        raises StoreUnavailable for all of them, with none of them half-written."""

    def delete(self, conversation_id: str) -> bool:
        """Erase at once; True if something was erased."""

    def ping(self) -> None:
        """Raise StoreUnavailable unless the store answers."""

    def purge_expired(self) -> int:
        """Erase expired conversations; return how many."""

    def erase_traces(self) -> bool:
        """After erasures, remove the earlier copies the store still keeps on disk (SQLite's
        write-ahead log, Redis' append-only file and snapshot); False: try again later."""

    def close(self) -> None: ...


class CounterStore(Protocol):
    """Anonymous impact counters, kept in the same store as the conversations."""

    def add_counts(self, counts: Mapping[CounterKey, int]) -> None:
        """Add these increments in one write (one transaction, or one round trip)."""

    def read_counts(self, first_day: str, last_day: str) -> list[tuple[CounterKey, int]]:
        """Every counter of the days from `first_day` to `last_day`, both included."""

    def purge_counts(self, before_day: str) -> int:
        """Erase the counters of the days before `before_day`; return how many rows/days."""
