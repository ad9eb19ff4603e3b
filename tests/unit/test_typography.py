import pytest

from coach.content.typography import NBSP, NNBSP, french_spacing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qui êtes-vous ?", f"Qui êtes-vous{NNBSP}?"),
        ("Bravo !", f"Bravo{NNBSP}!"),
        ("Votre score : 5 sur 7.", f"Votre score{NBSP}: 5 sur 7."),
        ("Écrivez « menu ».", f"Écrivez «{NBSP}menu{NBSP}»."),
        ("de 9 h à 17 h", f"de 9{NBSP}h à 17{NBSP}h"),
        ("https://exemple.fr:8000", "https://exemple.fr:8000"),
        ("Sans ponctuation", "Sans ponctuation"),
    ],
)
def test_french_spacing(text, expected):
    assert french_spacing(text) == expected
