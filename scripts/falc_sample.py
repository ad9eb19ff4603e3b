"""Draw the review sample of FALC texts: the protocol of the FALC review (docs/falc-revue.md).

Every `falc:` text of `dialogues/*.yaml`, files in sorted order and texts in document order
(labels and titles excluded: `label_falc`, `title_falc`), then `random.seed(SEED)` and
`random.sample(texts, 40)`. Prints each drawn text with its place and its standard text,
so that a reviewer judges it beside what it must say.

    python scripts/falc_sample.py            # seed 7, 40 texts
    python scripts/falc_sample.py --seed 8
    python scripts/falc_sample.py --only outils.yaml --documents --size 15 --seed 15
        # the toolbox flow, plus the texts of the draft and of the blank tools that have a
        # standard twin (coach/drafts/texts.py: introductions, questions, answers, advice)
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def falc_texts(directory: Path = ROOT / "dialogues") -> list[dict[str, Any]]:
    """Every `falc:` value with its file, its node (when there is one) and its `text`."""
    found: list[dict[str, Any]] = []
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found.extend({"file": path.name, **item} for item in _walk(data, node=""))
    return found


def _walk(value: object, node: str) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        node = str(value["id"]) if "messages" in value and "id" in value else node
        if isinstance(value.get("falc"), str):
            yield {"node": node or str(value.get("id", value.get("term", ""))),
                   "text": value.get("text", ""), "falc": value["falc"]}
        for key, child in value.items():
            if key != "falc":
                yield from _walk(child, node)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child, node)


def document_texts() -> list[dict[str, Any]]:
    """The draft's and the blank tools' FALC texts read beside a standard text."""
    import sys

    sys.path.insert(0, str(ROOT))
    from coach.drafts.texts import document_texts as listed

    return [{"file": Path(t.file).name, "node": t.where, "text": t.standard, "falc": t.falc}
            for t in listed() if t.standard is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--only", nargs="*", metavar="FICHIER",
                        help="seulement ces fichiers de dialogues/ (ex. outils.yaml)")
    parser.add_argument("--documents", action="store_true",
                        help="ajouter les textes du brouillon et des outils à remplir")
    args = parser.parse_args()
    texts = falc_texts()
    if args.only is not None:
        texts = [t for t in texts if t["file"] in args.only]
    if args.documents:
        texts += document_texts()
    random.seed(args.seed)
    sample = random.sample(texts, args.size)
    print(f"{len(texts)} textes FALC ; graine {args.seed} ; échantillon de {args.size}\n")
    for number, item in enumerate(sample, 1):
        print(f"## {number}. {item['file']} · {item['node']}")
        print(f"standard : {' '.join(str(item['text']).split())}")
        print("FALC :")
        for line in item["falc"].splitlines():
            print(f"    {line}")
        print()


if __name__ == "__main__":
    main()
