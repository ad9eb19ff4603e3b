"""Without tier 2 the checker says so once and keeps going with its tier-1 fallbacks."""

from __future__ import annotations

import warnings

import pytest

from falc import Checker, Config, FalcTierWarning
from falc import nlp as falc_nlp


@pytest.fixture
def no_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate a machine without the French model (the real model stays loaded)."""
    monkeypatch.setattr(falc_nlp, "_nlp", None)
    monkeypatch.setattr(falc_nlp, "_tried", False)
    monkeypatch.setattr(falc_nlp, "MODEL", "xx_model_that_does_not_exist")
    monkeypatch.setattr(falc_nlp, "_warned_keys", set())


def test_missing_model_warns_once_and_keeps_checking(
    no_spacy: None, default_config: Config
) -> None:
    with pytest.warns(FalcTierWarning, match="niveau 2 est désactivé") as record:
        checker = Checker(default_config)
        first = checker.check("Vous pouvez venir avec deux personnes.")
        second = Checker(default_config).check_many(["Le dossier est validé par la commission."])
    assert len([w for w in record if issubclass(w.category, FalcTierWarning)]) == 1
    assert not checker.uses_nlp
    (number,) = [f for f in first.findings if f.rule == "FALC-NUM-001"]
    assert number.severity == "warning"  # regex only: not confirmed by spaCy
    assert [f.rule for f in second[0].findings if f.rule == "FALC-PASS-001"] == [
        "FALC-PASS-001"
    ]


def test_asking_for_tier_1_only_does_not_warn(no_spacy: None, default_config: Config) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = Checker(default_config, tiers=(1,)).check("Ne restez pas seul.")
    # « seul » also assumes a man (FALC-ADDR-004, issue 15)
    assert report.rules() == {"FALC-NEG-001", "FALC-ADDR-004"}


def test_tier_3_off_reports_no_frequency_findings(default_config: Config) -> None:
    text = "Le grouppe est pusillanime."
    with_lexicon = Checker(default_config, tiers=(1, 3)).check(text).rules()
    without = Checker(default_config, tiers=(1,)).check(text).rules()
    assert {"FALC-LEX-001", "FALC-LEX-004"} <= with_lexicon
    assert not {"FALC-LEX-001", "FALC-LEX-004", "FALC-LEX-002"} & without


def test_model_is_loaded_once_per_process(nlp_checker: Checker) -> None:
    assert falc_nlp.get_nlp() is falc_nlp.get_nlp()
    assert "ner" not in falc_nlp.get_nlp().pipe_names
    assert {"parser", "morphologizer", "lemmatizer"} <= set(falc_nlp.get_nlp().pipe_names)
