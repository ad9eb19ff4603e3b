"""FALC-DUP-001: boilerplate across a corpus of texts."""

from __future__ import annotations

from falc import Config
from falc.corpus import boilerplate


def test_a_sentence_in_more_than_3_texts_is_reported_after_its_first_use(
    default_config: Config,
) -> None:
    line = "Une CoP, c’est une communauté de pratique."
    texts = [f"{line}\nVous venez lundi {i}." for i in range(5)] + ["Vous venez."]
    found = boilerplate(texts, default_config)
    assert sorted(index for index, _ in found) == [1, 2, 3, 4]
    index, finding = found[0]
    assert finding.rule == "FALC-DUP-001" and finding.severity == "warning"
    assert texts[index][finding.start : finding.end] == line


def test_three_repeats_and_short_sentences_are_not_boilerplate(default_config: Config) -> None:
    texts = ["Une CoP, c’est une communauté de pratique."] * 3 + ["Bonjour !"] * 10
    assert boilerplate(texts, default_config) == []


def test_case_spaces_and_apostrophes_do_not_hide_a_repeat(default_config: Config) -> None:
    texts = ["Une CoP, c’est une communauté de pratique.",
             "une CoP, c'est une  communauté de pratique",
             "Une CoP, c'est une communauté de pratique !",
             "Vous lisez.\nUne CoP, c’est une communauté de pratique.",
             "Une CoP, c’est une communauté de pratique."]
    assert len(boilerplate(texts, default_config)) == 4


def test_off_in_the_config_reports_nothing() -> None:
    config = Config.default()
    config.rules["FALC-DUP-001"] = "off"
    assert boilerplate(["Une CoP, c’est une communauté de pratique."] * 6, config) == []
