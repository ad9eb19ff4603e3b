"""Typographic apostrophes in the French texts of the content files.

French typography writes « l’école », not « l'école ». Authors type the straight one; this
script turns every apostrophe between two letters into ’ in the YAML content files, leaving
comments alone. Conditions (`when:`) compare quoted values (`'fin'`), never letter'letter,
so they are untouched; the script checks it: each file is loaded before and after, and
every value must be identical except for those apostrophes.

    python scripts/apostrophes.py            # rewrite the files
    python scripts/apostrophes.py --check    # list the files that still need it (exit 1)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = [*sorted((ROOT / "dialogues").glob("*.yaml")), ROOT / "coach" / "drafts" / "brouillon.yaml"]
STRAIGHT = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")


def typographic(text: str) -> str:
    return STRAIGHT.sub("’", text)


def convert(source: str) -> str:
    """The file's text with typographic apostrophes outside comment lines."""
    return "".join(
        line if line.lstrip().startswith("#") else typographic(line)
        for line in source.splitlines(keepends=True)
    )


def same_but_apostrophes(before: object, after: object) -> bool:
    """True when *after* is *before* with only letter'letter apostrophes changed."""
    if isinstance(before, dict):
        return (isinstance(after, dict) and list(before) == list(after)
                and all(same_but_apostrophes(before[k], after[k]) for k in before))
    if isinstance(before, list):
        return (isinstance(after, list) and len(before) == len(after)
                and all(same_but_apostrophes(a, b) for a, b in zip(before, after, strict=True)))
    if isinstance(before, str):
        return after == typographic(before)
    return before == after


def main(argv: list[str]) -> int:
    check = "--check" in argv
    todo = []
    for path in FILES:
        before = path.read_text(encoding="utf-8")
        after = convert(before)
        if after == before:
            continue
        todo.append(path)
        if check:
            continue
        if not same_but_apostrophes(yaml.safe_load(before), yaml.safe_load(after)):
            print(f"{path}: une valeur non textuelle changerait, fichier laissé tel quel")
            return 2
        path.write_text(after, encoding="utf-8")
    for path in todo:
        print(f"{path.relative_to(ROOT)} : {'à corriger' if check else 'corrigé'}")
    return 1 if check and todo else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
