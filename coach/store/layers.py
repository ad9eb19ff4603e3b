"""The store as the turn service sees it: a backend wrapped in its layers, innermost
first — group commit (coach/store/grouped.py), then the memory of the records this
process wrote (coach/store/recent.py). Each layer is a `ConversationStore`."""

from __future__ import annotations

from coach.store.base import ConversationStore, SessionStore
from coach.store.grouped import GroupCommitStore
from coach.store.recent import RecentRecords, RememberingStore


def conversation_store(backend: SessionStore,
                       recent: RecentRecords | None = None) -> ConversationStore:
    """`recent` None: no memory (every turn reads its record from the backend)."""
    grouped = GroupCommitStore(backend)
    return grouped if recent is None else RememberingStore(grouped, recent)
