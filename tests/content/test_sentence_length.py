"""Standard French sentences stay readable: none longer than MAX_WORDS words.

The easy-to-read texts have their own, stricter rules (the `falc` checker, `coach lint`);
nothing held the standard ones, and a parent met a 68-word sentence (« on se dispute avec
les pros »). Sentences and words are counted as the `falc` package counts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from falc.tokenize import count_words, split_sentences

ROOT = Path(__file__).resolve().parents[2]
# The dialogues and the draft's and tools' documents (not the examples of dialogues/exemples/).
FILES = [*sorted((ROOT / "dialogues").glob("*.yaml")),
         *sorted((ROOT / "coach" / "drafts").glob("*.yaml"))]
# The keys whose value a person reads in standard French.
STANDARD_KEYS = {"text", "title", "label", "intro", "question", "about"}
MAX_WORDS = 45


def standard_texts(node: object, where: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every standard text of a loaded YAML file."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in STANDARD_KEYS and isinstance(value, str):
                yield f"{where}.{key}", value
            else:
                yield from standard_texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            name = value.get("id", index) if isinstance(value, dict) else index
            yield from standard_texts(value, f"{where}[{name}]")


def long_sentences(limit: int = MAX_WORDS) -> list[str]:
    found = []
    for path in FILES:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in standard_texts(loaded, path.name):
            for sentence in split_sentences(text):
                words = count_words(sentence)
                if words > limit:
                    found.append(f"{where} ({words} mots) : {sentence[:90]}…")
    return found


def test_no_standard_sentence_is_longer_than_the_limit() -> None:
    found = long_sentences()
    assert not found, (f"Phrases de plus de {MAX_WORDS} mots (coupez-les) :\n"
                       + "\n".join(found))


def test_the_walk_sees_the_texts_and_counts_as_falc_does() -> None:
    texts = dict(standard_texts(yaml.safe_load(
        "nodes:\n- id: a\n  messages:\n  - text: Un. Deux trois.\n    falc: Non compté.\n"),
        "f"))
    assert list(texts.values()) == ["Un. Deux trois."]
    assert [count_words(s) for s in split_sentences("Un. Deux trois.")] == [1, 2]
    assert len(list(standard_texts(yaml.safe_load(
        (ROOT / "dialogues" / "accueil.yaml").read_text(encoding="utf-8")), "accueil"))) > 5
