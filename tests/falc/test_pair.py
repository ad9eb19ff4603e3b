"""FALC-PAIR-002: the FALC text keeps the facts of the standard text."""

from __future__ import annotations

from pathlib import Path

import pytest

from falc import Checker, Config
from falc.numbers import parse_number_words, percent_in_words, roman_to_int
from falc.rules import RULES

STANDARD = (
    "La réunion a lieu le 14/05/2024 à 14h30 à Rennes avec Alexandra. Appelez le "
    "02 99 12 34 56 ou écrivez à contact@exemple.fr. Trois cents personnes sont attendues. "
    "Le programme est sur https://exemple.fr/agenda."
)


def _missing(checker: Checker, standard: str, falc: str) -> list[str]:
    findings = checker.check_pair(standard, falc)
    assert all(f.rule == "FALC-PAIR-002" and f.severity == "warning" for f in findings)
    return [standard[f.start : f.end] for f in findings]


@pytest.mark.parametrize("tiers", [(1,), (1, 2, 3)])
def test_faithful_falc_text_loses_nothing(
    default_config: Config, nlp_checker: Checker, tiers: tuple[int, ...]
) -> None:
    checker = Checker(default_config, tiers=tiers)
    falc = (
        "La réunion a lieu le mardi 14 mai 2024.\n"
        "Elle commence à 14 heures 30.\n"
        "Alexandra vous accueille à Rennes.\n"
        "Appelez le 02.99.12.34.56.\n"
        "Ou écrivez à contact@exemple.fr.\n"
        "300 personnes viennent.\n"
        "Le programme est sur www.exemple.fr/agenda."
    )
    assert _missing(checker, STANDARD, falc) == []


def test_each_lost_fact_is_reported_where_the_standard_text_has_it(
    default_config: Config,
) -> None:
    checker = Checker(default_config, tiers=(1,))
    falc = "La réunion a lieu le mardi 15 mai 2024.\nElle commence à 10 heures.\n"
    assert _missing(checker, STANDARD, falc) == [
        "14/05/2024", "14h30", "Rennes", "Alexandra", "02 99 12 34 56",
        "contact@exemple.fr", "Trois cents", "https://exemple.fr/agenda",
    ]


def test_spelled_numbers_are_compared_as_numbers(default_config: Config) -> None:
    checker = Checker(default_config, tiers=(1,))
    assert _missing(checker, "Le groupe a vingt-cinq membres.", "Le groupe a 25 membres.") == []
    assert _missing(checker, "Le groupe a 25 membres.", "Le groupe a vingt-cinq membres.") == []
    assert _missing(checker, "Le groupe a 25 membres.", "Le groupe a 24 membres.") == ["25"]
    assert _missing(checker, "Il y a 12 000 membres.", "Il y a 12000 membres.") == []


def test_articles_and_percentages_are_not_facts_to_copy(default_config: Config) -> None:
    checker = Checker(default_config, tiers=(1,))
    # « un » is an article; a percentage is rewritten on purpose (FALC-NUM-003).
    assert _missing(checker, "Un aidant sur trois, soit 30 % des aidants, est fatigué.",
                    "Presque 1 aidant sur 3 est fatigué.") == []


def test_pair_001_is_defined_for_the_caller() -> None:
    assert RULES["FALC-PAIR-001"][0] == "error"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("deux", 2), ("vingt et un", 21), ("vingt-et-un", 21), ("quatre-vingt-dix-sept", 97),
        ("soixante-dix", 70), ("quatre-vingts", 80), ("cent", 100), ("trois cents", 300),
        ("mille", 1000), ("deux mille vingt-quatre", 2024), ("deux millions", 2_000_000),
        ("mille deux cent trente-quatre", 1234), ("zéro", 0), ("dix-neuf", 19),
    ],
)
def test_french_number_parser(words: str, value: int) -> None:
    assert parse_number_words(words.replace("-", " ").split()) == value


def test_parser_refuses_other_words() -> None:
    assert parse_number_words(["deux", "roues"]) is None
    assert parse_number_words([]) is None


@pytest.mark.parametrize(
    ("percent", "words"),
    [(30, "presque 1 personne sur 3"), (50, "1 personne sur 2"), (25, "1 personne sur 4"),
     (75, "3 personnes sur 4"), (10, "1 personne sur 10"), (100, "tout le monde"),
     (98, "presque tout le monde"), (45, "presque 1 personne sur 2")],
)
def test_percent_in_words(percent: int, words: str) -> None:
    assert percent_in_words(percent) == words


@pytest.mark.parametrize(
    ("numeral", "value"), [("XIV", 14), ("XIX", 19), ("XXI", 21), ("IV", 4), ("MCMXC", 1990),
                           ("IIII", None), ("LE", None), ("", None)],
)
def test_roman_numerals(numeral: str, value: int | None) -> None:
    assert roman_to_int(numeral) == value


# ------------------------------------------------- reported by content writers


@pytest.mark.parametrize("tiers", [(1,), (1, 2, 3)])
@pytest.mark.parametrize(
    "standard",
    [
        "Identifiez les acteurs du territoire.",
        "Étape 1 : Identifiez les acteurs.",
        "- Identifiez les acteurs.\n- Analysez les besoins.",
        "Étape 1 → Identifiez les acteurs.",
        "**Identifiez** les acteurs.",
        "« Identifiez les acteurs », dit Léo.",
    ],
)
def test_capitalised_verbs_at_a_sentence_start_are_not_names(
    default_config: Config, nlp_checker: Checker, standard: str, tiers: tuple[int, ...]
) -> None:
    checker = Checker(default_config, tiers=tiers)
    kept = "Étape 1 : trouvez les acteurs et les besoins. Léo le dit."
    assert _missing(checker, standard, kept) == []


@pytest.mark.parametrize("tiers", [(1,), (1, 2, 3)])
def test_ampersand_and_et_are_the_same_name(
    default_config: Config, nlp_checker: Checker, tiers: tuple[int, ...]
) -> None:
    checker = Checker(default_config, tiers=tiers)
    amp = "Lisez le guide de la CoP Épilepsies & Handicap."
    et = "Lisez le guide de la CoP Épilepsies et Handicap."
    assert _missing(checker, amp, et) == []
    assert _missing(checker, et, amp) == []
    (lost,) = _missing(checker, amp, "Lisez le guide de la CoP Épilepsies.")
    assert lost.endswith("Épilepsies & Handicap")  # one name (« CoP » too, without spaCy)


def test_an_acronym_spelled_out_in_the_falc_text_is_kept(default_config: Config) -> None:
    checker = Checker(default_config, tiers=(1,))
    standard = "Le FALC aide les lecteurs."
    assert _missing(checker, standard, "FALC, c'est facile à lire et à comprendre.") == []
    assert _missing(checker, standard, "Le facile à lire et à comprendre aide.") == []
    assert _missing(checker, standard, "Le texte simple aide les lecteurs.") == ["FALC"]


def test_an_acronym_explained_as_the_glossary_says_is_kept() -> None:
    from falc import load_config

    config = load_config(Path(__file__).parents[2] / "falc.toml")
    checker = Checker(config, tiers=(1,))
    standard = "Contactez la MDPH de votre département."
    assert _missing(checker, standard, "Appelez la maison départementale des personnes "
                                       "handicapées de votre département.") == []
    assert _missing(checker, standard, "Appelez la maison de votre département.") == ["MDPH"]


def test_check_pairs_gives_the_findings_of_check_pair(nlp_checker: Checker) -> None:
    pairs = [
        (STANDARD, "La réunion a lieu le mardi 15 mai 2024."),
        ("Alexandra et Patricia animent la CoP.", "Patricia anime la CoP."),
        ("Bonjour.", "Bonjour."),
    ]
    batch = nlp_checker.check_pairs(pairs)
    assert batch == [nlp_checker.check_pair(s, f) for s, f in pairs]
    assert [len(findings) for findings in batch][1:] == [1, 0]
    assert nlp_checker.check_pairs([]) == []
