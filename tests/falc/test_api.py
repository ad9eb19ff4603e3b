"""The Python API the content linter calls: keep it stable."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

import falc
from falc import Checker, Config, Finding, Report, load_config
from falc import nlp as falc_nlp
from falc.readability import corpus_gate, kandel_moles, lix
from falc.rules import RULES
from falc.syllables import count_syllables
from falc.tokenize import count_words, split_sentences

RULE_IDS = [
    "FALC-LEN-001",
    "FALC-LEN-002",
    "FALC-LEN-003",
    "FALC-IDEA-001",
    "FALC-IDEA-002",
    "FALC-IDEA-003",
    "FALC-IDEA-004",
    "FALC-NEG-001",
    "FALC-PASS-001",
    "FALC-MOOD-001",
    "FALC-MOOD-002",
    "FALC-MOOD-003",
    "FALC-MOOD-004",
    "FALC-ADDR-001",
    "FALC-ADDR-002",
    "FALC-ADDR-003",
    "FALC-NUM-001",
    "FALC-NUM-002",
    "FALC-NUM-003",
    "FALC-NUM-004",
    "FALC-NUM-005",
    "FALC-NUM-006",
    "FALC-CHAR-001",
    "FALC-CHAR-002",
    "FALC-ABBR-001",
    "FALC-ABBR-002",
    "FALC-ABBR-003",
    "FALC-LEX-001",
    "FALC-LEX-002",
    "FALC-LEX-003",
    "FALC-LEX-004",
    "FALC-LEX-005",
    "FALC-LEX-006",
    "FALC-LEX-007",
    "FALC-LEX-008",
    "FALC-LEX-009",
    "FALC-LEX-010",
    "FALC-LEX-011",
    "FALC-LEX-012",
    "FALC-TERM-001",
    "FALC-TERM-002",
    "FALC-JARG-001",
    "FALC-SENT-001",
    "FALC-SENT-002",
    "FALC-CONN-001",
    "FALC-ENUM-001",
    "FALC-ADDR-004",
    "FALC-ABBR-004",
    "FALC-DUP-001",
    "FALC-STY-001",
    "FALC-STY-002",
    "FALC-STY-003",
    "FALC-FMT-001",
    "FALC-FMT-002",
    "FALC-FMT-003",
    "FALC-READ-001",
    "FALC-READ-002",
    "FALC-READ-003",
    "FALC-PAIR-001",
    "FALC-PAIR-002",
]


def test_rule_catalogue_matches_falc_md() -> None:
    assert list(RULES) == RULE_IDS
    for severity, description in RULES.values():
        assert severity in ("error", "warning", "info") and description


def test_public_names() -> None:
    for name in ("Checker", "Config", "Finding", "Report", "load_config", "RULES"):
        assert hasattr(falc, name)
    assert callable(kandel_moles) and callable(lix) and callable(corpus_gate)
    assert count_syllables("école") == 2
    assert split_sentences("Bonjour. Merci.") == ["Bonjour.", "Merci."]
    assert count_words("l'école") == 1


def test_finding_is_frozen_and_serialisable() -> None:
    f = Finding("FALC-NUM-003", "error", "Pourcentage.", "1 sur 3", 0, 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.rule = "x"  # type: ignore[misc]
    assert f.to_dict() == {
        "rule": "FALC-NUM-003",
        "severity": "error",
        "message": "Pourcentage.",
        "suggestion": "1 sur 3",
        "start": 0,
        "end": 4,
    }


def test_report_without_and_counts(default_config: Config) -> None:
    report = Checker(default_config, tiers=(1,)).check("Ne venez pas avec deux amis & voisins.")
    assert report.has_error
    assert {"FALC-NEG-001", "FALC-NUM-001", "FALC-CHAR-001"} <= report.rules()
    trimmed = report.without(["FALC-CHAR-001", "FALC-NUM-001"])
    assert trimmed.rules() == report.rules() - {"FALC-CHAR-001", "FALC-NUM-001"}
    assert not trimmed.has_error
    assert report.rules() >= {"FALC-CHAR-001"}  # the original is untouched
    assert report.to_dict()["scores"] == report.scores
    assert isinstance(report, Report)


def test_findings_are_sorted_and_inside_the_text(nlp_checker: Checker) -> None:
    text = "Vous ne devez pas partir sans prévenir.\n30 % des aidants & amis viennent."
    findings = nlp_checker.check(text).findings
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))
    assert all(0 <= f.start < f.end <= len(text) for f in findings)


def test_check_many_equals_check_and_parses_once(
    nlp_checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [
        "Ne restez pas seul.",
        "Le dossier est validé par la commission.",
        "Vous pouvez venir avec deux personnes.",
        "",
        "Bonjour.\nMerci.",
    ]
    one_by_one = [nlp_checker.check(t) for t in texts]
    calls = []
    real_parse = falc_nlp.parse

    def counting_parse(batch: list[str]) -> list[object]:
        calls.append(len(batch))
        return real_parse(batch)

    monkeypatch.setattr(falc_nlp, "parse", counting_parse)
    together = nlp_checker.check_many(texts)
    assert len(calls) == 1
    assert [r.findings for r in together] == [r.findings for r in one_by_one]
    assert [r.scores for r in together] == [r.scores for r in one_by_one]


def test_empty_text(nlp_checker: Checker) -> None:
    report = nlp_checker.check("")
    assert report.findings == [] and report.scores["words"] == 0


def test_load_config_signature(tmp_path: object) -> None:
    assert isinstance(load_config(None, None), Config)


def test_falc_does_not_import_coach() -> None:
    code = (
        "import sys, falc, falc.cli, falc.checker, falc.sarif, falc.pair\n"
        "from falc import Checker, Config\n"
        "Checker(Config.default(), tiers=(1,)).check('Bonjour.')\n"
        "assert not [m for m in sys.modules if m == 'coach' or m.startswith('coach.')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_never_presented_as_certification() -> None:
    from falc.cli import NOT_A_CERTIFICATE

    assert "ne certifie pas" in NOT_A_CERTIFICATE
    assert "never certifies" in (falc.__doc__ or "")
