"""The words of typed answers are content (commun.yaml: `step_answers`, `typed_answer`,
`directory_wishes`): a phrase an author adds there changes what the coach understands, and a
broken list is refused at load time with a French error at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.communities import Wishes
from coach.content.issues import ContentInvalid
from coach.content.loader import load_content, read_content
from coach.content.schema import DirectoryWish
from coach.engine.engine import ChoiceInput, Engine, TextInput
from tests.conftest import FIXTURE_DIALOGUES
from tests.places import record_at

DETOURS = Path(__file__).parents[1] / "fixtures" / "detours"


def dialogues(tmp_path: Path, old: str = "", new: str = "", *, detours: bool = False) -> Path:
    """A copy of the fixture content, its commun.yaml with `old` replaced by `new`."""
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    if detours:
        for path in DETOURS.glob("*.yaml"):
            shutil.copy(path, directory / path.name)
    common = directory / "commun.yaml"
    text = common.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in commun.yaml"
    common.write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


def line_of(directory: Path, needle: str) -> int:
    lines = (directory / "commun.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def errors(directory: Path) -> list:
    _content, issues = read_content(directory)
    return [issue for issue in issues if issue.severity == "error"]


# -- a phrase added in content changes what is understood ----------------------------------

def test_an_agreement_added_in_content_is_read_as_agreement(tmp_path: Path) -> None:
    """« ouais grave » is no agreement of the fixture: « le quiz ouais grave » is then only
    near the button; added to `agreement`, it is the answer « Faire le quiz », read by its
    form."""
    before = Engine(load_content(FIXTURE_DIALOGUES))
    after = Engine(load_content(dialogues(tmp_path, "agreement: [oui oui,",
                                          "agreement: [ouais grave, oui oui,")))
    for text in ("le quiz ouais grave", "ouais grave, le quiz"):
        old = before.understand(record_at(before, "demo:menu"), text).best
        new = after.understand(record_at(after, "demo:menu"), text).best
        assert old is not None and old.via != "reponse", (text, old)
        assert new is not None and (new.key, new.score, new.via) == ("choix:quiz", 1.0,
                                                                     "reponse"), (text, new)


def test_a_way_to_keep_a_typed_answer_added_in_content_keeps_it(tmp_path: Path) -> None:
    engine = Engine(load_content(dialogues(tmp_path, "  keep: [oui,", "  keep: [ça me va, oui,",
                                           detours=True)))
    step = engine.play(engine.start("etape").record, ChoiceInput("court"))
    step = engine.play(step.record, TextInput("Un premier objectif"))
    assert step.record.proposal
    step = engine.play(step.record, TextInput("Ça me va !"))
    assert step.record.answers["objectif"] == "Un premier objectif"


def test_a_wish_phrase_added_in_content_is_read_and_a_star_ends_a_word() -> None:
    wishes = Wishes([DirectoryWish(id="distance", anywhere=["par téléphone", "visio*"]),
                     DirectoryWish(id="sais-pas", alone=["chépa"])])
    assert wishes.read("Et par téléphone ?") == "distance"
    assert wishes.read("en visioconférence") == "distance"
    assert wishes.read("chépa") == "sais-pas"
    assert wishes.read("chépa du tout, mais en visio") == "distance"  # not alone: not sais-pas
    assert wishes.read("je sais pas mon département") == "sais-pas"  # grammar, in the code
    assert Wishes([]).read("je sais pas") is None


# -- broken lists: French errors at their line ------------------------------------------------

@pytest.mark.parametrize(("old", "new", "rule", "words", "needle"), [
    ("refusal: [non merci, non, nan, bof]", "refusal: []", "schema/too-short",
     ["liste vide", "step_answers.refusal"], "refusal: []"),
    ("agreement: [oui oui,", "agreement: [vas y, oui oui,", "phrases/double",
     ["« vas-y » est deux fois dans « step_answers.agreement »", "« vas y » se lit pareil"],
     "    entendu, carrément, volontiers, allez-y, allez, vas-y"),
    ("tags: [non, nan,", "tags: [non, nan, non,", "phrases/double",
     ["« non » est deux fois dans « step_answers.tags »"], "tags: [non"),
    ("hedges: [je pense que,", 'hedges: ["?!", je pense que,', "phrases/vide",
     ["« ?! » dans « step_answers.hedges » ne garde aucun mot"], "hedges: ["),
    ("  keep: [oui,", "  keep: [oui*,", "phrases/joker",
     ["« oui* » dans « typed_answer.keep »", "directory_wishes"], "  keep: [oui*"),
    ('    first: [oui, ouais, "yes"]', "    first: [oui, ouais, yes]", "schema/string-type",
     ["step_answers.bare_yes.first.2", "doit être un texte", "guillemets"],
     "    first: [oui, ouais, yes]"),
])
def test_a_broken_phrase_list_is_refused_with_a_french_error_at_its_line(
        tmp_path: Path, old: str, new: str, rule: str, words: list[str], needle: str) -> None:
    directory = dialogues(tmp_path, old, new)
    found = [issue for issue in errors(directory) if issue.rule == rule]
    assert len(found) == 1, errors(directory)
    issue = found[0]
    for word in words:
        assert word in f"{issue.message} {issue.fix}", issue.format()
    assert issue.file == "dialogues/commun.yaml" and issue.line == line_of(directory, needle)
    assert issue.fix
    with pytest.raises(ContentInvalid):
        load_content(directory)


def test_a_missing_section_is_named(tmp_path: Path) -> None:
    text = (FIXTURE_DIALOGUES / "commun.yaml").read_text(encoding="utf-8")
    section = text[text.index("typed_answer:"):text.index("\nmessages:")]
    directory = dialogues(tmp_path, section, "")
    (issue,) = [issue for issue in errors(directory) if issue.rule == "schema/missing"]
    assert issue.message == "champ obligatoire absent"
    assert issue.fix == "ajoutez le champ « typed_answer »"


WISHES = """
directory_wishes:
  - id: distance
    anywhere: [en visio]
  - id: distance
    alone: [visio]
  - id: horaires
    anywhere: [à quelle heure]
  - id: plus-pres
"""
ANSWERS = """
  - id: annuaire-distance
    text: Voici les communautés ouvertes à toute la France.
    falc: Ces communautés sont pour toute la France.
  - id: annuaire-plus-pres
    text: Ce site n’en liste pas de plus proche.
    falc: Ce site n’a pas de communauté plus près.
"""


def test_wishes_are_checked_one_by_one(tmp_path: Path) -> None:
    directory = dialogues(tmp_path, "\nmessages:\n", WISHES + "\nmessages:\n" + ANSWERS)
    found = {(issue.rule, issue.line): issue.message for issue in errors(directory)}
    assert found == {
        ("phrases/double", line_of(directory, "  - id: distance") + 2):
            "le souhait « distance » est deux fois dans « directory_wishes »",
        ("message/absent", line_of(directory, "  - id: horaires")):
            "le souhait « horaires » n’a pas de réponse : aucun message « annuaire-horaires »",
        ("phrases/vide", line_of(directory, "  - id: plus-pres")):
            "le souhait « plus-pres » n’a aucune phrase",
    }, found


def test_a_directory_step_without_wishes_is_a_warning(tmp_path: Path) -> None:
    directory = tmp_path / "dialogues"
    shutil.copytree(Path(__file__).parents[2] / "dialogues", directory)
    common = directory / "commun.yaml"
    text = common.read_text(encoding="utf-8")
    start = text.index("directory_wishes:")
    common.write_text(text[:start] + text[text.index("\nmessages:"):], encoding="utf-8")
    _content, issues = read_content(directory)
    assert not [issue for issue in issues if issue.severity == "error"]
    (warning,) = [issue for issue in issues if issue.rule == "annuaire/sans-souhaits"]
    assert warning.node == "debut" and "« je sais pas »" in warning.message
