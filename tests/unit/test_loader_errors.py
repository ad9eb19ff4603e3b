"""One broken file per error kind: loading refuses it and names the file, node, line and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.content.issues import ContentInvalid
from coach.content.loader import load_content, read_content
from tests.conftest import FIXTURE_DIALOGUES


def broken(tmp_path: Path, filename: str, old: str, new: str) -> Path:
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    path = directory / filename
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {filename}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


def line_of(directory: Path, filename: str, needle: str) -> int:
    for number, line in enumerate((directory / filename).read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


EXTRA_NODE = """
  - id: orphelin
    source: conclusion
    end: true
    messages:
      - speaker: coach
        text: Personne ne vient ici.
        falc: Personne ne vient ici.
"""

CASES = [
    # (file, old, new, rule, node, line marker)
    ("demo.yaml", "target: resultat\n        add", "target: resultatt\n        add",
     "graphe/cible-inconnue", "question", "- id: question"),
    ("demo.yaml", "        target: autre:debut", "        target: ailleurs:debut",
     "graphe/cible-inconnue", "menu", "- id: menu"),
    ("autre.yaml", "        target: demo:menu\n", "        target: demo:menu\n" + EXTRA_NODE,
     "graphe/inaccessible", "orphelin", "- id: orphelin"),
    ("autre.yaml", "    choices:\n      - id: retour-demo\n"
     "        label: Revenir à la démonstration\n        label_falc: Revenir\n"
     "        target: demo:menu\n", "",
     "graphe/impasse", "debut", "- id: debut"),
    ("demo.yaml", "falc: Bonjour.", "falc: ''", "FALC-PAIR-001", "bienvenue", "- id: bienvenue"),
    ("demo.yaml", "        label_falc: Vrai\n", "\n", "FALC-PAIR-001", "question",
     "- id: question"),
    ("demo.yaml", "speaker: leo", "speaker: leon", "texte/locuteur-inconnu", "question",
     "- id: question"),
    ("autre.yaml", "source: conclusion", "source: conclusionn", "source/inconnue", "debut",
     "- id: debut"),
    ("demo.yaml", "  - id: bravo", "  - id: fin", "id/double", "fin", None),
    ("demo.yaml", "      - id: terminer", "      - id: menu", "id/reserve", "bravo", "- id: bravo"),
    ("demo.yaml", "        when: \"score >= 1\"\n      - target: fin",
     "        when: \"score >= 1\"\n      - target: fin\n        when: \"score < 1\"",
     "graphe/sans-defaut", "resultat", "- id: resultat"),
    ("demo.yaml", "when: \"reponse == 'vrai'\"", "when: \"reponse === 'vrai'\"",
     "condition/syntaxe", "resultat", "- id: resultat"),
    ("demo.yaml", "falc: \"Votre score : {score} sur 1.\"", "falc: \"Votre score sur 1.\"",
     "texte/variables-differentes", "resultat", "- id: resultat"),
    ("demo.yaml", "  start: bienvenue", "  start: accueil", "graphe/depart-absent", None, None),
    ("autre.yaml", "  start: debut", "  start: debut\n  menu: demo:menuu", "graphe/menu-inconnu",
     None, None),
]


@pytest.mark.parametrize(("filename", "old", "new", "rule", "node", "marker"), CASES,
                         ids=[f"{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_loader_refuses_and_locates(tmp_path, filename, old, new, rule, node, marker):
    directory = broken(tmp_path, filename, old, new)
    with pytest.raises(ContentInvalid) as raised:
        load_content(directory)
    matching = [i for i in raised.value.issues if i.rule == rule]
    assert matching, [i.format() for i in raised.value.issues]
    issue = matching[0]
    assert issue.severity == "error"
    assert issue.file == f"dialogues/{filename}" or (rule == "id/double")
    assert issue.node == node
    if marker:
        assert issue.line == line_of(directory, filename, marker)
    assert issue.fix and issue.message
    assert filename in str(raised.value)  # the exception message names the file too


def test_yaml_syntax_error_gives_the_line(tmp_path):
    directory = broken(tmp_path, "demo.yaml", "  title: Démonstration",
                       "  title: Démonstration\n   bad: indentation: here")
    with pytest.raises(ContentInvalid) as raised:
        load_content(directory)
    issue = raised.value.issues[0]
    assert issue.rule == "fichier/yaml"
    assert issue.file == "dialogues/demo.yaml"
    assert issue.line == line_of(directory, "demo.yaml", "bad: indentation")


def test_schema_error_names_field_node_and_line(tmp_path):
    directory = broken(tmp_path, "demo.yaml", "        target: fin\n        when",
                       "        cible: fin\n        when")
    _content, issues = read_content(directory)
    kinds = {i.rule: i for i in issues}
    assert "schema/extra-forbidden" in kinds
    assert "schema/missing" in kinds
    extra = kinds["schema/extra-forbidden"]
    assert extra.node == "bravo"
    assert "cible" in extra.message
    assert extra.line == line_of(directory, "demo.yaml", "cible: fin")


def test_suppression_needs_a_written_reason(tmp_path):
    directory = broken(tmp_path, "demo.yaml", "        falc: Bonjour.",
                       "        falc: Bonjour.\n"
                       "        suppress: [{rule: FALC-NEG-001, reason: ''}]")
    _content, issues = read_content(directory)
    assert any(i.rule == "schema/string-too-short" and i.node == "bienvenue" for i in issues)


def test_stale_falc_is_a_warning_with_the_new_hash(tmp_path):
    directory = broken(tmp_path, "demo.yaml", "        falc: Bonjour.",
                       "        falc: Bonjour.\n        falc_of: deadbeef")
    content, issues = read_content(directory)
    stale = [i for i in issues if i.rule == "texte/falc-perime"]
    assert content is not None and len(stale) == 1
    assert stale[0].severity == "warning"
    from coach.content.placeholders import text_hash
    assert text_hash("Bonjour, je suis le coach de démonstration.") in stale[0].fix


def test_valid_fixture_has_no_issue():
    content, issues = read_content(FIXTURE_DIALOGUES)
    assert content is not None
    assert issues == []


INTENTIONS = """intentions:
  - target: demo:menu
    for_persona: {famille: commande:humain, pro: glossaire:CoP, curieux: demo:question}
    phrases: [une question de test]
  - target: demo:question
    for_persona: {famille: commande:nulle-part, pro: glossaire:Inconnu, curieux: demo:absent,
                  autre: reponse:rien, seul: incomplet}
    phrases: [une autre question de test]
"""


def test_for_persona_targets_are_checked_as_any_target(tmp_path):
    """A `commande:` or `glossaire:` place for a persona is as valid as for everyone (it was
    flagged as unknown); a missing one is named, with what it should be."""
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    (directory / "intentions.yaml").write_text(INTENTIONS, encoding="utf-8")
    _content, issues = read_content(directory)
    said = [i.message for i in issues if i.file == "dialogues/intentions.yaml"]
    wrongs = ("nulle-part", "Inconnu", "demo:absent", "reponse:rien", "incomplet")
    # the valid places (commande:humain, glossaire:CoP, demo:question) are not flagged
    assert len(said) == len(wrongs), said
    for wrong in wrongs:
        found = [m for m in said if wrong in m]
        assert len(found) == 1, (wrong, said)
        assert found[0].startswith("« for_persona » de « demo:question »"), found
