"""« Continuer » in people's words: the shared `go_on:` phrases of commun.yaml lead to every
« Continuer… » button, so that « après », « next » or « on enchaîne » typed at a step go on,
without each button listing them (they once were copied into 81 buttons' synonyms)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.content.loader import load_content, read_content
from coach.engine.engine import Engine
from tests.conftest import CONTACT
from tests.places import record_at

ENGINE = Engine(load_content(), CONTACT)
DIALOGUES = Path(__file__).resolve().parents[2] / "dialogues"


@pytest.mark.parametrize("text", ["après", "apres", "next", "on enchaine", "continuons",
                                  "et maintenant ?", "oui vas y", "on avance", "la suite"])
def test_go_on_in_own_words_takes_the_continue_button(text: str) -> None:
    record = record_at(ENGINE, "familles:confidentialite", persona="famille")
    decision = ENGINE.understand(record, text)
    assert decision.kind == "go" and decision.candidates[0].place == "familles:enjeux", decision


def test_go_on_takes_the_continue_button_shown_to_this_person() -> None:
    """Two « Continuer » buttons, one per profile: the one on screen is taken."""
    record = record_at(ENGINE, "familles:roles", persona="personne", profil="personne")
    decision = ENGINE.understand(record, "et ensuite ?")
    assert decision.kind == "go" and decision.candidates[0].place == "familles:niveaux", decision


def test_go_on_phrases_are_not_a_question_where_nothing_goes_on() -> None:
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), "on enchaine")
    assert not any(c.key.startswith("choix:") for c in decision.candidates), decision


def test_a_continue_button_repeating_a_shared_phrase_is_a_lint_warning(tmp_path: Path) -> None:
    _content, issues = read_content(DIALOGUES)
    assert not [i for i in issues if i.rule == "choix/synonyme-commun"]
    directory = tmp_path / "dialogues"
    shutil.copytree(DIALOGUES, directory)
    familles = directory / "familles.yaml"
    text = familles.read_text(encoding="utf-8")
    assert "synonyms: [quels roles]" in text
    repeated = text.replace("synonyms: [quels roles]", "synonyms: [quels roles, La suite]")
    familles.write_text(repeated, encoding="utf-8")
    _content, issues = read_content(directory)
    found = [i for i in issues if i.rule == "choix/synonyme-commun"]
    assert len(found) == 1 and found[0].severity == "warning", found
    assert "La suite" in found[0].message and "go_on" in found[0].message


def test_go_on_typed_in_easy_to_read_goes_on_in_easy_to_read() -> None:
    """A parent reading in FALC types « apres » on a phone: the next step, still in FALC."""
    from coach.engine.engine import TextInput

    record = record_at(ENGINE, "familles:confidentialite", falc=True, persona="famille")
    step = ENGINE.play(record, TextInput("apres"))
    assert (step.record.flow, step.record.node) == ("familles", "enjeux")
    assert step.record.falc
    first = ENGINE.content.node(("familles", "enjeux")).messages[0]
    assert first.falc in [m.text for m in step.messages]
