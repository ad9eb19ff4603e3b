"""The FALC texts of the downloadable documents — the coordinator's draft
(coach/drafts/brouillon.yaml) and the six blank tools (coach/drafts/outils.yaml) — go
through the same FALC gate as the dialogues (`coach lint`), and a bad text fails there with
its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from coach.content.falc_gate import check_documents
from coach.drafts.texts import document_texts, draft_texts, form_texts
from tests.content.playing import CONTENT

pytest.importorskip("falc")

DRAFTS = Path(__file__).resolve().parents[2] / "coach" / "drafts"

# Meaning rules: a single jargon word is only a warning for the checker; in the documents,
# rewritten at the level of meaning (issue 15), any such finding is a failure.
MEANING_RULES = {"FALC-LEX-008", "FALC-JARG-001"}

BAD = ("Le coordinateur doit impérativement mettre en œuvre une gouvernance partagée avec"
       " l’ensemble des acteurs du territoire afin de pérenniser la dynamique sur le terrain.")


def test_every_document_text_is_listed():
    texts = document_texts()
    draft = [t for t in texts if t.file.endswith("brouillon.yaml")]
    forms = [t for t in texts if t.file.endswith("outils.yaml")]
    assert len(draft) > 150 and len(forms) > 100
    assert all(t.falc.strip() and t.line for t in texts)
    # an advice is judged with its list, as the document shows it
    assert any(t.falc.startswith("Il existe 3 types d’outils.\n- ") for t in draft)


def test_draft_and_tool_texts_have_no_falc_error_and_no_meaning_finding():
    issues, figures = check_documents(CONTENT, document_texts())
    bad = [i.format() for i in issues if i.severity == "error" or i.rule in MEANING_RULES]
    assert not bad, "\n".join(bad)
    assert set(figures) == {"brouillon", "outils à remplir"}


def _replace_first(data: object, key: str, new: str) -> bool:
    """Put *new* in the first value of *key* met in document order."""
    if isinstance(data, dict):
        for k, value in data.items():
            if k == key and isinstance(value, str):
                data[k] = new
                return True
            if _replace_first(value, key, new):
                return True
    elif isinstance(data, list):
        return any(_replace_first(item, key, new) for item in data)
    return False


@pytest.mark.parametrize(("source", "key", "collect"), [
    ("brouillon.yaml", "intro_falc", draft_texts),
    ("outils.yaml", "falc", form_texts),
])
def test_a_bad_text_fails_the_gate_with_its_place(tmp_path: Path, source, key, collect):
    original = Path(__file__).resolve().parents[2] / "coach" / "drafts" / source
    data = yaml.safe_load(original.read_text(encoding="utf-8"))
    assert _replace_first(data, key, BAD)
    broken = tmp_path / source
    broken.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    texts = collect(broken)
    issues, _ = check_documents(CONTENT, texts)
    errors = [i for i in issues if i.severity == "error"]
    assert errors, [i.format() for i in issues]
    line = next(t.line for t in texts if t.falc == BAD)
    assert {(i.file, i.line) for i in errors} == {(str(broken), line)}
    assert BAD.split()[0] in broken.read_text(encoding="utf-8").splitlines()[line - 1]


def test_an_enumeration_announced_in_a_document_text_is_given_in_that_text(tmp_path: Path):
    """The texts after it in the document do not count as its list (in the dialogues, the
    next bubbles of the same node do)."""
    original = Path(__file__).resolve().parents[2] / "coach" / "drafts" / "brouillon.yaml"
    data = yaml.safe_load(original.read_text(encoding="utf-8"))
    assert _replace_first(data, "intro_falc", "Vous faites 3 choses :\n- lire\n- écrire")
    broken = tmp_path / "brouillon.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    issues, _ = check_documents(CONTENT, draft_texts(broken))
    enum = [i for i in issues if i.rule == "FALC-ENUM-001"]
    assert [(i.severity, i.node) for i in enum] == [("error", None)], [i.format() for i in issues]


# Role names said by a masculine noun (« Observateur », « Contributeur ponctuel »,
# « les animateurs », « un nouveau membre »): the documents name the action or the person
# (« Observation », « Contribution ponctuelle », « l’équipe d’animation », « une personne qui
# arrive »), in standard French as in FALC.
MASCULINE_ROLES = re.compile(
    r"\b(?:co-)?(?:observateur|contributeur|animateur|facilitateur|évaluateur|participant"
    r"|invité|expert)s?\b|\bnouveaux?\b", re.IGNORECASE)
# Not read as text: identifiers, sources, conditions; the speakers are named people.
NOT_TEXT = {"id", "file", "source", "variable", "by", "when", "speakers"}


def _texts(node: object, where: str = "") -> list[tuple[str, str]]:
    if isinstance(node, str):
        return [(where, node)]
    if isinstance(node, list):
        return [t for i, item in enumerate(node) for t in _texts(item, f"{where}[{i}]")]
    if isinstance(node, dict):
        return [t for key, value in node.items() if key not in NOT_TEXT
                for t in _texts(value, f"{where}.{key}")]
    return []


@pytest.mark.parametrize("name", ["brouillon.yaml", "outils.yaml"])
def test_document_texts_need_no_gender_for_roles(name):
    data = yaml.safe_load((DRAFTS / name).read_text(encoding="utf-8"))
    texts = _texts(data)
    assert len(texts) > 200  # the walk reads the texts, not only the structure
    found = [f"{where}: {m.group(0)}" for where, text in texts
             for m in MASCULINE_ROLES.finditer(text)]
    assert not found, "\n".join(found)


def test_the_guide_names_each_way_to_take_part_by_its_action():
    from coach.drafts.forms import build_form

    for falc, rows in ((False, ["Observation", "Contribution ponctuelle",
                                "Participation active"]),
                       (True, ["Observer", "Aider de temps en temps", "Participer souvent"])):
        form = build_form("guide-contributeurs", falc)
        tables = [p.table for p in form.parts if p.table is not None]
        assert [r for t in tables for r in t.rows if r] == rows
