"""Anonymous counters in both stores: increments add up, days are read and purged."""

from __future__ import annotations

K1 = ("v1", "2026-03-01", "tour", "demo", "", "falc")
K2 = ("v1", "2026-03-02", "visite", "demo", "menu", "")
K3 = ("v2", "2026-03-03", "avis", "demo", "demo/question/0", "oui")


def test_increments_add_up_and_days_filter(store):
    store.add_counts({K1: 2, K2: 1})
    store.add_counts({K1: 3, K3: 4})
    assert sorted(store.read_counts("2026-03-01", "2026-03-03")) == [(K1, 5), (K2, 1), (K3, 4)]
    assert store.read_counts("2026-03-02", "2026-03-02") == [(K2, 1)]
    assert store.read_counts("2026-04-01", "2026-04-30") == []


def test_an_empty_batch_writes_nothing(store):
    store.add_counts({})
    assert store.read_counts("2000-01-01", "2100-01-01") == []


def test_old_days_are_purged(store):
    store.add_counts({K1: 1, K2: 1, K3: 1})
    assert store.purge_counts("2026-03-02") >= 1
    assert sorted(store.read_counts("2000-01-01", "2100-01-01")) == [(K2, 1), (K3, 1)]


def test_counters_and_conversations_live_side_by_side(store):
    store.create("c1", b'{"a": 1}')
    store.add_counts({K1: 1})
    assert store.load("c1") == (b'{"a": 1}', 1)
    assert store.delete("c1")
    assert store.read_counts("2026-03-01", "2026-03-01") == [(K1, 1)]


def test_several_writers_add_up(make_store):
    first, second = make_store(), make_store()
    for _ in range(5):
        first.add_counts({K1: 1})
        second.add_counts({K1: 2})
    assert first.read_counts("2026-03-01", "2026-03-01") == [(K1, 15)]
