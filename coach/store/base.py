"""The session store interface: the engine and the API only ever see this.

A store keeps opaque record bytes under a conversation id with a version number:
`save` is a compare-and-set on that version, so two turns racing on the same
conversation can never silently overwrite each other.
"""

from __future__ import annotations

from typing import Protocol


class StoreUnavailable(Exception):
    """The store cannot be reached or is busy; the API answers 503 with Retry-After."""


class VersionConflict(Exception):
    """Another turn saved the conversation first."""


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

    def delete(self, conversation_id: str) -> bool:
        """Erase at once; True if something was erased."""

    def ping(self) -> None:
        """Raise StoreUnavailable unless the store answers."""

    def purge_expired(self) -> int:
        """Erase expired conversations; return how many."""

    def close(self) -> None: ...
