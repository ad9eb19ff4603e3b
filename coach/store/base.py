"""The store interfaces: a backend (`SessionStore`) and the layers over it
(`ConversationStore`), which the turn service (coach/service) uses.

A backend keeps opaque record bytes under a conversation id with a version number:
`save` is a compare-and-set on that version, so two turns racing on the same
conversation can never silently overwrite each other. A new backend is one module with a
class that implements `SessionStore` (and `from_url`), plus one line in
`coach/store/factory.py`'s `BACKENDS`; tests/store/ then runs the contract on it.

The layers (group commit, then the memory of recent records) wrap a backend and each
other with one interface, `ConversationStore`, as HTTP clients wrap transports: a load
says whether its record came from memory (`Loaded.remembered`), and nothing is kept
between a load and the save that follows it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping, Sequence
from typing import NamedTuple, Protocol

# An anonymous counter: (content version, day "YYYY-MM-DD", name, flow, node, detail).
# None of these ever holds what a person typed: see coach/analytics/events.py.
CounterKey = tuple[str, str, str, str, str, str]
# One compare-and-set: (conversation id, record bytes, expected version).
Save = tuple[str, bytes, int]


class StoreUnavailable(Exception):
    """The store cannot be reached or is busy; the API answers 503 with Retry-After."""


class VersionConflict(Exception):
    """Another turn saved the conversation first."""


class Loaded(NamedTuple):
    """A record as a layer loaded it."""

    data: bytes
    version: int
    # True: this process's memory of the record it wrote last, not a read of the store. It
    # may be stale (another process may have played since): trust it only where a
    # compare-and-set save checks it, and read the store again before refusing anything.
    remembered: bool = False


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
    """A backend: SQLite, Redis… Synchronous calls, each one short (a local write or one
    round trip). Built from `COACH_STORE_URL` by `from_url(url, retention_seconds)`."""

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


class ConversationStore(Protocol):
    """What the turn service sees: a backend with its layers (coach/store/grouped.py,
    coach/store/recent.py). Each layer implements this and wraps another."""

    backend: SessionStore  # the innermost store (counters, purge, readiness)

    def create(self, conversation_id: str, data: bytes) -> None:
        """Store a new conversation at version 1."""

    def load(self, conversation_id: str, *, may_remember: bool = False) -> Loaded | None:
        """The record, or None if unknown or expired. `may_remember`: the caller will only
        use it for a compare-and-set `save` (or read the store again before refusing
        anything), so a layer may answer from memory (`Loaded.remembered`)."""

    def save(self, conversation_id: str, data: bytes, expected_version: int) -> Awaitable[int]:
        """Awaited: as `SessionStore.save`; may wait for the other saves of this event-loop
        round (a coroutine or a future)."""

    def delete(self, conversation_id: str) -> bool:
        """Erase at once; True if something was erased."""


class CounterStore(Protocol):
    """Anonymous impact counters, kept in the same store as the conversations."""

    def add_counts(self, counts: Mapping[CounterKey, int]) -> None:
        """Add these increments in one write (one transaction, or one round trip)."""

    def read_counts(self, first_day: str, last_day: str) -> list[tuple[CounterKey, int]]:
        """Every counter of the days from `first_day` to `last_day`, both included."""

    def purge_counts(self, before_day: str) -> int:
        """Erase the counters of the days before `before_day`; return how many rows/days."""
