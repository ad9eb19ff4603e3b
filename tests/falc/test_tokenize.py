"""Sentence splitting and word counting conventions (docs/falc.md, « Conventions de comptage »)."""

from __future__ import annotations

import pytest

from falc.tokenize import count_words, lexical_split, split_sentences, split_units, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bonjour.", ["Bonjour."]),
        ("Bonjour !", ["Bonjour !"]),
        ("Oui.", ["Oui."]),
        ("Voir p. ex. le livret.", ["Voir p. ex. le livret."]),
        ("Voir p. ex. Léo.", ["Voir p. ex. Léo."]),
        ("M. Dupont arrive. Il est là.", ["M. Dupont arrive.", "Il est là."]),
        ("J. Dupont arrive.", ["J. Dupont arrive."]),
        ("Bonjour ! Je suis Léo.", ["Bonjour !", "Je suis Léo."]),
        ("Vous venez ? Oui.", ["Vous venez ?", "Oui."]),
        ("Ils sont sept. Léo arrive.", ["Ils sont sept.", "Léo arrive."]),
        ("Le 3 sept. 2024, venez.", ["Le 3 sept. 2024, venez."]),
        ("Écrivez à contact@exemple.fr. Merci.", ["Écrivez à contact@exemple.fr.", "Merci."]),
        ("Le prix est 3.5 euros.", ["Le prix est 3.5 euros."]),
        ("Apportez des crayons, etc. Puis venez.", ["Apportez des crayons, etc.", "Puis venez."]),
        ("Attendez… Voilà.", ["Attendez…", "Voilà."]),
        ("Vous êtes un aidant. Vous aidez une personne de votre famille.",
         ["Vous êtes un aidant.", "Vous aidez une personne de votre famille."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_each_line_is_a_unit_and_list_items_are_units() -> None:
    text = "Voici la liste :\n- le guide\n- la charte\n\nMerci"
    units = split_units(text)
    assert [u.text for u in units] == ["Voici la liste :", "le guide", "la charte", "Merci"]
    assert [u.line for u in units] == [0, 1, 2, 4]
    assert [u.list_item for u in units] == [False, True, True, False]


def test_unit_offsets_point_into_the_text() -> None:
    text = "**Bonjour.** Je suis Léo.\nÀ bientôt !"
    for unit in split_units(text):
        assert text[unit.start : unit.end] == unit.text
    assert [u.text for u in split_units(text)] == ["Bonjour.", "Je suis Léo.", "À bientôt !"]


def test_empty_and_blank_texts_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []
    assert split_sentences("- \n***") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'école", 1),
        ("aujourd'hui", 1),
        ("rendez-vous", 1),
        ("12 000", 1),
        ("12\u202f000 personnes", 2),
        ("peut-être", 1),
        ("c'est-à-dire", 1),
        ("14h30", 1),
        ("2,5 kilos", 2),
        ("30 %", 1),
        ("25 €", 1),
        ("Bonjour.", 1),
        ("Vous êtes un aidant. Vous aidez une personne de votre famille.", 11),
        ("Appelez le 02 99 12 34 56.", 3),
        ("Allez sur https://exemple.fr/guide_falc.", 3),
        ("Écrivez à contact@exemple.fr.", 3),
        ("- une puce\n- **du gras**", 4),
        ("Votre score : {score} sur 6.", 5),
        ("—", 0),
        ("", 0),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


def test_words_keep_exact_spans() -> None:
    text = "Voir l'école, 12 000 fois."
    for w in words(text):
        assert text[w.start : w.end] == w.text
    assert [w.text for w in words(text)] == ["Voir", "l'école", "12 000", "fois"]
    assert [w.kind for w in words(text)] == ["word", "word", "number", "word"]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("l'école", ["l'", "école"]),
        ("qu'il", ["qu'", "il"]),
        ("jusqu'à", ["jusqu'", "à"]),
        ("d'autres", ["d'", "autres"]),
        ("aujourd'hui", ["aujourd'hui"]),
        ("quelqu'un", ["quelqu'un"]),
        ("rendez-vous", ["rendez-vous"]),
        ("l’école", ["l’", "école"]),
    ],
)
def test_lexical_split(word: str, parts: list[str]) -> None:
    (w,) = words(word)
    split = lexical_split(w)
    assert [p.text for p in split] == parts
    assert all(word[p.start : p.end] == p.text for p in split)


# ---- issue 15: sentences from punctuation and layout together


def test_a_sentence_cut_at_its_pauses_is_one_sentence() -> None:
    text = ("Vous pouvez demander une aide à la MDPH\n"
            "pour payer une personne qui vous aide à la maison.\n"
            "Cette aide s’appelle la PCH.")
    assert [u.text.replace("\n", " ") for u in split_units(text)] == [
        "Vous pouvez demander une aide à la MDPH pour payer une personne qui vous aide à "
        "la maison.",
        "Cette aide s’appelle la PCH.",
    ]
    first = split_units(text)[0]
    assert (first.line, first.end_line) == (0, 1)


def test_a_comma_at_the_end_of_a_line_goes_on() -> None:
    units = split_units("Si vous ne pouvez pas venir,\nvous pouvez nous appeler.")
    assert len(units) == 1


def test_titles_list_items_and_blank_lines_end_a_sentence() -> None:
    text = ("La MDPH\nLa MDPH vous aide.\n\nVous avez besoin :\n- de votre carte,\n"
            "- d’un certificat.")
    units = split_units(text)
    assert [u.text for u in units] == ["La MDPH", "La MDPH vous aide.", "Vous avez besoin :",
                                       "de votre carte,", "d’un certificat."]
    assert [u.paragraph for u in units] == [0, 0, 1, 1, 1]
    assert [u.list_item for u in units] == [False, False, False, True, True]


def test_a_list_item_goes_on_only_on_a_lower_case_line() -> None:
    text = "- le transport vers\n  l’école,\nVous venez."
    assert [u.text.split()[0] for u in split_units(text)] == ["le", "Vous"]
