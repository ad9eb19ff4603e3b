"""Hand-written word lists of the grammar rules, from ``falc/data/grammar.toml``."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

__all__ = ["GRAMMAR", "WORDS"]

GRAMMAR: dict[str, Any] = tomllib.loads(
    resources.files("falc").joinpath("data/grammar.toml").read_text(encoding="utf-8")
)
WORDS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in GRAMMAR["words"].items()}
