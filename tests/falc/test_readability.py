"""Kandel–Moles, LIX, and the corpus gate FALC-READ-003."""

from __future__ import annotations

import dataclasses

import pytest

from falc import Checker, Config, Report
from falc.readability import corpus_gate, kandel_moles, lix, text_stats

FALC_TEXT = """Vous êtes parent ou proche aidant ?
Vous pouvez venir dans la communauté.
Vous parlez avec d'autres parents.
Vous partagez vos idées.
Le groupe se réunit 1 fois par mois.
La réunion dure 2 heures."""

STANDARD_TEXT = (
    "Les aidants familiaux qui accompagnent au quotidien une personne en situation de "
    "handicap ont souvent besoin de répit et de soutien. La participation à une communauté "
    "de pratique constitue une opportunité de valoriser leurs savoirs expérientiels et "
    "d'enrichir les pratiques professionnelles des intervenants."
)


def test_kandel_moles_and_lix_by_hand() -> None:
    # 11 words, 2 sentences, 15 spoken syllables, 2 words of more than 6 letters
    # (personne, famille): Vous(1) êtes(1) un(1) aidant(2) / Vous(1) aidez(2) une(1)
    # personne(2) de(1) votre(1) famille(2).
    text = "Vous êtes un aidant. Vous aidez une personne de votre famille."
    stats = text_stats(text)
    assert (stats.words, stats.sentences, stats.syllables, stats.long_words) == (11, 2, 15, 2)
    assert kandel_moles(text) == pytest.approx(207 - 1.015 * 11 / 2 - 73.6 * 15 / 11, abs=0.01)
    assert lix(text) == pytest.approx(11 / 2 + 100 * 2 / 11, abs=0.01)


def test_one_word_sentence_is_counted() -> None:
    stats = text_stats("Bonjour.")
    assert (stats.words, stats.sentences, stats.syllables) == (1, 1, 2)
    assert kandel_moles("Bonjour.") == pytest.approx(207 - 1.015 - 73.6 * 2, abs=0.01)


def test_empty_text_scores_zero() -> None:
    assert kandel_moles("") == 0.0
    assert lix("") == 0.0


def test_falc_text_is_easier_than_standard_text() -> None:
    # Calibration (docs/falc.md, « Lisibilité »): FALC-style texts 76–99 (LIX 29–37),
    # standard 32–50 (LIX 57–67).
    assert 76 <= kandel_moles(FALC_TEXT) <= 110
    assert lix(FALC_TEXT) <= 37
    assert kandel_moles(STANDARD_TEXT) <= 50
    assert lix(STANDARD_TEXT) >= 57


def test_verbal_ent_makes_a_difference() -> None:
    # « ils parlent » has 1 syllable in « parlent »; « un moment » keeps 2 in « moment ».
    assert text_stats("Ils parlent.").syllables == 2
    assert text_stats("Un moment.").syllables == 3


def _report(km: float, lix_: float, words: int = 10) -> Report:
    return Report("x", [], {"kandel_moles": km, "lix": lix_, "words": words, "sentences": 1})


def test_corpus_gate_passes_on_an_easy_corpus() -> None:
    assert corpus_gate([_report(80, 30), _report(90, 25), _report(60, 50)]) == []


def test_corpus_gate_fails_on_median_kandel_moles() -> None:
    (finding,) = corpus_gate([_report(70, 30), _report(72, 30), _report(90, 30)])
    assert finding.rule == "FALC-READ-003"
    assert finding.severity == "error"
    assert "Kandel–Moles 72.0" in finding.message
    assert (finding.start, finding.end) == (0, 0)


def test_corpus_gate_fails_on_median_lix() -> None:
    (finding,) = corpus_gate([{"kandel_moles": 90, "lix": 46, "words": 5}] * 3)
    assert "LIX 46.0" in finding.message


def test_corpus_gate_accepts_published_falc_median_lix_38() -> None:
    # Published, validated FALC has a median LIX about 38: the old limit (35) failed it.
    assert corpus_gate([{"kandel_moles": 85, "lix": 38, "words": 5}] * 3) == []


def test_corpus_gate_ignores_empty_texts_and_empty_corpus() -> None:
    assert corpus_gate([]) == []
    assert corpus_gate([_report(0, 0, words=0), _report(80, 30)]) == []


def test_corpus_gate_thresholds_come_from_the_config(default_config: Config) -> None:
    strict = dataclasses.replace(
        default_config, thresholds=dataclasses.replace(default_config.thresholds, km_corpus=95)
    )
    reports = [_report(90, 30)]
    assert corpus_gate(reports, default_config) == []
    assert [f.rule for f in corpus_gate(reports, strict)] == ["FALC-READ-003"]


def test_message_readability_only_from_20_words(regex_checker: Checker) -> None:
    short = regex_checker.check("La participation constitue une opportunité extraordinaire.")
    assert not {"FALC-READ-001", "FALC-READ-002"} & short.rules()
    long_ = regex_checker.check(STANDARD_TEXT)
    assert {"FALC-READ-001", "FALC-READ-002"} <= long_.rules()
    assert all(f.severity == "warning" for f in long_.findings if f.rule.startswith("FALC-READ"))
    easy = regex_checker.check(FALC_TEXT + "\nVous pouvez venir avec vos amis.")
    assert not {"FALC-READ-001", "FALC-READ-002"} & easy.rules()


def test_report_scores_shape(regex_checker: Checker) -> None:
    scores = regex_checker.check(FALC_TEXT).scores
    assert set(scores) == {"kandel_moles", "lix", "words", "sentences"}
    assert isinstance(scores["kandel_moles"], float)
    assert isinstance(scores["lix"], float)
    assert scores["sentences"] == 6
