"""`coach lint` on detours, typed answers and stages: one broken fixture per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.content.loader import read_content
from tests.unit.test_detours import detour_directory

CASES = [
    # (file, old, new, rule, node)
    ("etape.yaml", "call: boite:entree\n\n  - id: exercice",
     "call: boite:entre\n\n  - id: exercice",
     "graphe/cible-inconnue", "debut"),
    ("etape.yaml", "ask: {variable: objectif, target: fin}",
     "ask: {variable: objectif, target: fni}", "graphe/cible-inconnue", "objectif"),
    # the toolbox is no longer called from anywhere: its returns return nowhere
    ("etape.yaml", "        call: boite:entree\n", "        target: boite:entree\n",
     "appel/retour-sans-appel", "entree"),
    ("etape.yaml", "        call: modifier-objectif", "        target: modifier-objectif",
     "appel/retour-sans-appel", "modifier-objectif"),
    # the toolbox calls the stage back, which calls the toolbox: a cycle
    ("boite.yaml", "        target: outil\n", "        call: etape:debut\n",
     "appel/cycle", "entree"),
    ("etape.yaml", "        set: {chemin: complet}", "        set: {chemin: complet, appel: 1}",
     "appel/variable-reservee", "debut"),
    ("etape.yaml", "        set: {chemin: complet}",
     "        set: {chemin: complet, appel_depuis: etape}", "appel/variable-reservee", "debut"),
    ("etape.yaml", "  stage: 1\n", "  stage: 2\n", "etape/numero", None),
    ("etape.yaml", "from: objectif,", "from: objectiff,", "etape/partie-inconnue", None),
    ("etape.yaml", "from: exercice,", "from: fin,", "etape/partie-ordre", None),
    ("etape.yaml", "{id: accueil, from: debut,", "{id: accueil, from: exercice,",
     "etape/partie-ordre", None),
    ("etape.yaml", "  parts:\n    - {id: accueil, from: debut,",
     "  parts:\n    - {id: accueil, from: objectif,", "etape/partie-debut", None),
    ("etape.yaml", "  stage: 1\n", "", "etape/parties-sans-etape", None),
    # « Reprendre l’étape » that leads outside any stage
    ("etape.yaml", "        target: objectif\n        set: {chemin: court}",
     "        target: boite:entree\n        resume_stage: true\n        set: {chemin: court}",
     "etape/reprise-hors-etape", "debut"),
    # ... or inside a stage, but not at its start
    ("etape.yaml", "        target: objectif\n        set: {chemin: court}",
     "        target: objectif\n        resume_stage: true\n        set: {chemin: court}",
     "etape/reprise-hors-etape", "debut"),
    # a typed answer on the way of the short path leads into the exercise
    ("etape.yaml", "ask: {variable: objectif, target: fin}",
     "ask: {variable: objectif, target: exercice}", "etape/court-vers-exercice", "objectif"),
    ("etape.yaml", "ask: {variable: objectif, target: fin}",
     "ask: {variable: objectif, next: [{target: exercice, when: \"chemin == 'court'\"},"
     " {target: fin}]}", "etape/court-vers-exercice", "objectif"),
    ("etape.yaml", "ask: {variable: objectif, target: fin}",
     "ask: {variable: objectif, next: [{target: fin, when: \"chemin == 'court'\"}]}",
     "graphe/sans-defaut", "objectif"),
    ("commun.yaml", "  - id: retour-appel\n", "  - id: retour-appel-x\n", "message/absent", None),
]


def broken(tmp_path: Path, filename: str, old: str, new: str) -> Path:
    directory = detour_directory(tmp_path)
    path = directory / filename
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {filename}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return directory


@pytest.mark.parametrize(("filename", "old", "new", "rule", "node"), CASES,
                         ids=[f"{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_lint_finds_and_locates(tmp_path, filename, old, new, rule, node):
    _content, issues = read_content(broken(tmp_path, filename, old, new))
    matching = [i for i in issues if i.rule == rule]
    assert matching, [i.format() for i in issues]
    assert matching[0].severity == "error"
    assert matching[0].node == node
    assert matching[0].fix and matching[0].message


def test_a_typed_answer_may_lead_into_the_exercise_off_the_short_path(tmp_path):
    """The short path goes round the exercise first; the full path may go into it."""
    directory = broken(tmp_path, "etape.yaml", "ask: {variable: objectif, target: fin}",
                       "ask: {variable: objectif, next: [{target: fin, when: \"chemin =="
                       " 'court'\"}, {target: exercice}]}")
    _content, issues = read_content(directory)
    assert [i.format() for i in issues if i.severity == "error"] == []


def test_the_fixture_itself_is_clean(tmp_path):
    _content, issues = read_content(detour_directory(tmp_path))
    assert [i.format() for i in issues if i.severity == "error"] == []


def test_nesting_deeper_than_the_engine_keeps_is_refused(tmp_path):
    directory = detour_directory(tmp_path)
    for n in range(1, 8):
        node = f"""
  - id: niveau-{n}
    source: conclusion
    messages:
      - text: Niveau {n}.
        falc: Niveau {n}.
    choices:
      - id: plus-loin
        label: Plus loin
        label_falc: Plus loin
        call: profond{n + 1}:niveau-{n + 1}
      - id: revenir
        label: Revenir où j’en étais
        label_falc: Revenir où j’étais
        return: true
""" if n < 7 else """
  - id: niveau-7
    source: conclusion
    messages:
      - text: Le fond.
        falc: Le fond.
    choices:
      - id: revenir
        label: Revenir où j’en étais
        label_falc: Revenir où j’étais
        return: true
"""
        (directory / f"profond{n}.yaml").write_text(
            f"flow:\n  id: profond{n}\n  title: Profond {n}\n  title_falc: Profond {n}\n"
            f"  start: niveau-{n}\nnodes:{node}", encoding="utf-8")
    start = directory / "boite.yaml"
    start.write_text(start.read_text().replace("        target: outil\n",
                                               "        call: profond1:niveau-1\n", 1))
    _content, issues = read_content(directory)
    deep = [i for i in issues if i.rule == "appel/trop-profond"]
    assert deep and deep[0].severity == "error", [i.format() for i in issues]
    assert not [i for i in issues if i.rule == "appel/cycle"]
