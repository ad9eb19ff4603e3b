"""French typography of the content: the typographic apostrophe ’ in every text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("apostrophes", ROOT / "scripts" / "apostrophes.py")
assert spec and spec.loader
apostrophes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(apostrophes)


def test_no_straight_apostrophe_in_content_texts():
    offenders = []
    for path in apostrophes.FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.lstrip().startswith("#") and apostrophes.STRAIGHT.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    hint = "Apostrophe droite (lancer python scripts/apostrophes.py) :\n"
    assert not offenders, hint + "\n".join(offenders[:20])


def test_conversion_leaves_conditions_and_ids_alone():
    source = (
        "- id: fin\n  when: \"capse_retour != 'fin'\"\n  text: L'école d'été\n"
        "  # a comment that isn't French text\n"
    )
    converted = apostrophes.convert(source)
    assert "'fin'" in converted and "L’école d’été" in converted and "isn't" in converted
    import yaml

    assert apostrophes.same_but_apostrophes(yaml.safe_load(source), yaml.safe_load(converted))
    assert not apostrophes.same_but_apostrophes({"when": "a'b"}, {"when": "a’c"})


def test_typed_text_with_either_apostrophe_is_understood_the_same():
    from coach.engine.nlu.french import normal, words

    assert normal("J’ai un handicap") == normal("j'ai un handicap")
    assert words("c’est quoi une cop") == words("c'est quoi une cop")
    assert words("aujourd’hui quelqu’un") == words("aujourd'hui quelqu'un")
