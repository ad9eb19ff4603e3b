"""Stored size of a conversation after 20 turns, in both stores (target: under 4 KB).

Plays 200 conversations of 20 random button turns through the real dialogues (the
coordinator track and the welcome menu), saves them in a SQLite file and in Redis, and
prints the median and the largest stored size.
Run: python bench/record_size.py --redis redis://127.0.0.1:6379/0
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine
from coach.store.redis import RedisStore, conversation_key
from coach.store.sqlite import SQLiteStore


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--redis", required=True)
    args = parser.parse_args()
    engine = Engine(load_content())
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = SQLiteStore(Path(tmp) / "size.db", 3600)
        redis = RedisStore(args.redis, 3600)
        sizes: dict[str, list[int]] = {"SQLite": [], "Redis": []}
        for index in range(200):
            step = engine.start("initier" if index % 2 else None)
            for _turn in range(20):
                offered = engine.available_choices(step.record)
                if not offered:
                    break
                step = engine.play(step.record, ChoiceInput(rng.choice(offered).id))
            data = step.record.to_bytes()
            sqlite.create(step.record.id, data)
            redis.create(step.record.id, data)
            row = sqlite._connection().execute(
                "SELECT length(data) FROM conversations WHERE id = ?", (step.record.id,))
            sizes["SQLite"].append(row.fetchone()[0])
            used = redis.client.memory_usage(conversation_key(step.record.id))
            if used is None:  # the key is not where the store writes it: a bug, not 0 B
                raise SystemExit(f"no Redis key for conversation {step.record.id}")
            sizes["Redis"].append(int(used))
            redis.delete(step.record.id)
        sqlite.close()
        redis.close()
    print("Stored size of a conversation after 20 turns (200 conversations)")
    for name, values in sizes.items():
        what = "record bytes" if name == "SQLite" else "key memory (MEMORY USAGE)"
        print(f"  {name:6} {what}: median {statistics.median(values):5.0f} B,"
              f" max {max(values):5d} B  (target < 4096 B)")


if __name__ == "__main__":
    main()
