"""Every rule: the examples of docs/falc.md and our own must-fire / must-not-fire cases, the
suggestions an author gets, exact spans, and one finding per token."""

from __future__ import annotations

from pathlib import Path

import pytest

from falc import Checker, Config, Finding, load_config
from falc.rules import RULES

from .cases import FALC_MD_CASES, FALLBACK_CASES, OWN_CASES, Case
from .conftest import of_rule


def _ids(cases: list[Case]) -> list[str]:
    return [f"{rule}:{exp or 'none'}:{text[:40]}" for text, rule, exp in cases]


def _verdict(checker: Checker, text: str, rule: str) -> set[str]:
    return {f.severity for f in of_rule(checker.check(text).findings, rule)}


@pytest.mark.parametrize(("text", "rule", "expected"), FALC_MD_CASES, ids=_ids(FALC_MD_CASES))
def test_falc_md_examples(nlp_checker: Checker, text: str, rule: str, expected: str | None) -> None:
    assert _verdict(nlp_checker, text, rule) == ({expected} if expected else set())


@pytest.mark.parametrize(("text", "rule", "expected"), OWN_CASES, ids=_ids(OWN_CASES))
def test_own_cases(nlp_checker: Checker, text: str, rule: str, expected: str | None) -> None:
    assert _verdict(nlp_checker, text, rule) == ({expected} if expected else set())


@pytest.mark.parametrize(("text", "rule", "expected"), FALLBACK_CASES, ids=_ids(FALLBACK_CASES))
def test_tier1_fallbacks(
    regex_checker: Checker, text: str, rule: str, expected: str | None
) -> None:
    assert _verdict(regex_checker, text, rule) == ({expected} if expected else set())


def test_every_rule_has_cases() -> None:
    covered = {rule for _, rule, _ in FALC_MD_CASES + OWN_CASES}
    checked_elsewhere = {
        "FALC-TERM-001", "FALC-TERM-002", "FALC-ABBR-003", "FALC-READ-001",
        "FALC-READ-002", "FALC-READ-003", "FALC-PAIR-001", "FALC-PAIR-002",
        "FALC-DUP-001",  # corpus-level: tests/falc/test_corpus.py
    }
    assert set(RULES) - checked_elsewhere <= covered
    for rule in covered:
        fire = [c for c in FALC_MD_CASES + OWN_CASES if c[1] == rule and c[2]]
        quiet = [c for c in FALC_MD_CASES + OWN_CASES if c[1] == rule and not c[2]]
        assert fire and quiet, f"{rule} needs must-fire and must-not-fire cases"


# --------------------------------------------------------------------- suggestions


def _one(checker: Checker, text: str, rule: str) -> Finding:
    (finding,) = of_rule(checker.check(text).findings, rule)
    return finding


@pytest.mark.parametrize(
    ("text", "rule", "span", "in_suggestion"),
    [
        ("30 % des aidants sont fatigués.", "FALC-NUM-003", "30 %",
         "presque 1 personne sur 3"),
        ("Trente pour cent des aidants sont fatigués.", "FALC-NUM-003", "Trente pour cent",
         "presque 1 personne sur 3"),
        ("La moitié, soit 50 %, vient.", "FALC-NUM-003", "50 %", "1 personne sur 2"),
        ("Venez afin de rencontrer d'autres parents.", "FALC-LEX-003", "afin de", "« pour »"),
        ("Néanmoins, vous pouvez venir.", "FALC-LEX-003", "Néanmoins", "« mais »"),
        ("Vous pouvez venir avec deux personnes.", "FALC-NUM-001", "deux", "« 2 »"),
        ("Le groupe a vingt-cinq membres.", "FALC-NUM-001", "vingt-cinq", "« 25 »"),
        ("La réunion a lieu le 14/05/2024.", "FALC-NUM-005", "14/05/2024",
         "« mardi 14 mai 2024 »"),
        ("Venez le 14 mai 2024.", "FALC-NUM-006", "14 mai 2024", "« mardi 14 mai 2024 »"),
        ("Venez à 14h30.", "FALC-NUM-006", "14h30", "« 14 heures 30 »"),
        ("Le repas coûte 5 €.", "FALC-NUM-006", "5 €", "« 5 euros »"),
        ("Cette loi date du XIXe siècle.", "FALC-NUM-004", "XIXe", "« 19e »"),
        ("Louis XIV aimait Versailles.", "FALC-NUM-004", "Louis XIV", "« Louis 14 »"),
        ("La communauté compte 12 450 membres.", "FALC-NUM-002", "12 450",
         "environ 12 000"),
        ("Le dossier est validé par la commission.", "FALC-PASS-001",
         "est validé par la commission", "« La commission valide le dossier. »"),
        ("Vous pourriez nous écrire.", "FALC-MOOD-002", "pourriez", "« pouvez »"),
        ("Il faut que vous veniez.", "FALC-MOOD-001", "veniez", "Vous devez venir"),
        ("Il faut remplir le dossier.", "FALC-ADDR-003", "Il faut", "Vous devez"),
        ("Tu peux venir.", "FALC-ADDR-002", "Tu", "« vous »"),
        ("Vos parents & vos amis peuvent venir.", "FALC-CHAR-001", "&", "« et »"),
        ("Les aidant·es sont là.", "FALC-CHAR-001", "·", "aidantes et aidants"),
        ("Voir p. ex. le livret.", "FALC-ABBR-001", "p. ex.", "« par exemple »"),
        ("Prenez RDV avec le médecin.", "FALC-ABBR-001", "RDV", "« rendez-vous »"),
        ("Contactez la MDPH.", "FALC-ABBR-002", "MDPH", "La MDPH, c'est"),
        ("Certains jours, vous avez envie de baisser les bras.", "FALC-LEX-008",
         "baisser les bras", "abandonner"),
        ("Si vous voulez, vous pouvez venir.", "FALC-MOOD-004", "Si vous voulez",
         "« Vous voulez ? Alors vous pouvez venir. »"),
        ("Le répit (un temps de repos pour vous) est utile.", "FALC-LEX-009",
         "répit (un temps de repos pour vous)", "« Répit, c'est un temps de repos pour vous. »"),
        ("TRÈS IMPORTANT : venez demain.", "FALC-FMT-002", "TRÈS IMPORTANT", "Très important"),
        ("N'hésitez pas à nous appeler.", "FALC-NEG-001", "N'hésitez pas", "Vous pouvez"),
        ("Les aidants familiaux qui accompagnent au quotidien une personne en situation de "
         "handicap ont souvent besoin de répit et de soutien.", "FALC-LEN-001",
         "Les aidants familiaux qui accompagnent au quotidien une personne en situation de "
         "handicap ont souvent besoin de répit et de soutien.", "Faites 2 phrases courtes"),
        ("Léo dit que le groupe est utile.", "FALC-STY-001", "dit que",
         "Léo dit : “Le groupe est utile.”"),
    ],
)
def test_span_and_suggestion(
    nlp_checker: Checker, text: str, rule: str, span: str, in_suggestion: str
) -> None:
    finding = _one(nlp_checker, text, rule)
    assert text[finding.start : finding.end] == span
    assert in_suggestion in finding.suggestion


def test_messages_and_suggestions_are_french_and_never_empty(nlp_checker: Checker) -> None:
    texts = [text for text, _, expected in FALC_MD_CASES + OWN_CASES if expected]
    findings = [f for r in nlp_checker.check_many(texts) for f in r.findings]
    assert len({f.rule for f in findings}) >= 40
    for f in findings:
        assert f.message.strip() and f.suggestion.strip()
        assert f.severity in ("error", "warning", "info")
        assert 0 <= f.start <= f.end
    english = ("the ", " is ", "should", "sentence", "word ")
    assert not [f for f in findings if any(e in f.message + f.suggestion for e in english)]


# ---------------------------------------------------------- one finding per token


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("Louis XIV aimait Versailles.", "Louis XIV", "FALC-NUM-004"),
        ("TRÈS IMPORTANT : venez demain.", "TRÈS IMPORTANT", "FALC-FMT-002"),
        ("30 % des aidants viennent.", "30 %", "FALC-NUM-003"),
        ("Trente pour cent des aidants viennent.", "Trente pour cent", "FALC-NUM-003"),
        ("Venez le 14/05/2024.", "14/05/2024", "FALC-NUM-005"),
        ("Prenez RDV avec le médecin.", "RDV", "FALC-ABBR-001"),
        ("Au XIXe siècle, tout change.", "XIXe", "FALC-NUM-004"),
    ],
)
def test_one_finding_per_token(nlp_checker: Checker, text: str, span: str, rule: str) -> None:
    start = text.index(span)
    end = start + len(span)
    overlapping = [
        f for f in nlp_checker.check(text).findings
        if f.start < end and start < f.end and f.end - f.start < len(text) - 1
    ]
    assert [(f.rule, text[f.start : f.end]) for f in overlapping] == [(rule, span)]


def test_capitals_and_acronyms_side_by_side(nlp_checker: Checker) -> None:
    findings = nlp_checker.check("ATTENTION : la MDPH ferme.").findings
    assert {(f.rule, f.severity) for f in findings} >= {
        ("FALC-FMT-002", "warning"), ("FALC-ABBR-002", "error")
    }


# ------------------------------------------------------------------ configuration


def _config(tmp_path: Path, body: str) -> Config:
    path = tmp_path / "falc.toml"
    path.write_text(body, encoding="utf-8")
    return load_config(path)


def test_glossary_acronym_is_not_an_error_but_a_reminder(tmp_path: Path) -> None:
    config = _config(tmp_path, '[glossary]\nMDPH = "la maison départementale des personnes '
                               'handicapées"\n')
    checker = Checker(config, tiers=(1,))
    report = checker.check("Contactez la MDPH.")
    assert not of_rule(report.findings, "FALC-ABBR-002")
    (reminder,) = of_rule(report.findings, "FALC-ABBR-003")
    assert reminder.severity == "info"
    assert "MDPH, c'est la maison départementale" in reminder.suggestion
    explained = checker.check("La MDPH, c'est la maison départementale des personnes "
                              "handicapées.")
    assert not of_rule(explained.findings, "FALC-ABBR-003")


def test_preferred_terms(tmp_path: Path) -> None:
    config = _config(tmp_path, '[terms]\n"communauté de pratique" = ["communauté de pratiques"]\n')
    checker = Checker(config, tiers=(1,))
    (variant,) = of_rule(checker.check("La communauté de pratiques vous aide.").findings,
                         "FALC-TERM-001")
    assert variant.severity == "error"
    assert "« communauté de pratique »" in variant.suggestion
    assert not checker.check("Les communautés de pratique vous aident.").findings or not (
        checker.check("Les communautés de pratique vous aident.").rules()
        & {"FALC-TERM-001", "FALC-TERM-002"}
    )
    mixed = checker.check("La communauté de pratique vous aide.\n"
                          "Une communauté de pratiques, c'est utile.")
    (twice,) = of_rule(mixed.findings, "FALC-TERM-002")
    assert twice.severity == "error"
    assert mixed.text[twice.start : twice.end] == "communauté de pratiques"
    assert not of_rule(mixed.findings, "FALC-TERM-001")


def test_severity_overrides(tmp_path: Path) -> None:
    config = _config(tmp_path, '[rules]\n"FALC-NUM-001" = "off"\n"FALC-NEG-001" = "error"\n')
    report = Checker(config, tiers=(1,)).check("Ne venez pas avec deux amis.")
    assert not of_rule(report.findings, "FALC-NUM-001")
    assert {f.severity for f in of_rule(report.findings, "FALC-NEG-001")} == {"error"}


def test_allow_list_and_proper_nouns(tmp_path: Path) -> None:
    config = _config(tmp_path, '[words]\nallow = ["tchat", "Wenger"]\n')
    checker = Checker(config, tiers=(1, 3))
    report = checker.check("Écrivez dans le tchat.\nWenger parle avec Snyder.")
    assert not report.rules() & {"FALC-LEX-001", "FALC-LEX-002", "FALC-LEX-004"}


def test_address_tu_project(tmp_path: Path) -> None:
    config = _config(tmp_path, 'address = "tu"\n')
    checker = Checker(config, tiers=(1,))
    assert not of_rule(checker.check("Tu peux venir.").findings, "FALC-ADDR-002")
    mixed = checker.check("Tu peux venir.\nVous êtes le bienvenu.")
    assert {mixed.text[f.start : f.end] for f in of_rule(mixed.findings, "FALC-ADDR-002")} == {
        "Vous"
    }


def test_project_glossary_knows_the_domain() -> None:
    config = load_config(Path(__file__).resolve().parents[2] / "falc.toml")
    checker = Checker(config, tiers=(1, 3))
    report = checker.check("Contactez la MDPH ou l'ARS.\nLe RGPD protège vos données.\n"
                           "Le projet CAPSE est à Rennes.")
    assert not of_rule(report.findings, "FALC-ABBR-002")
    assert "communauté de pratique" in config.terms
    assert {"alexandra", "genève", "tchat", "coach"} <= config.allow
