import pytest

from coach.engine.normalize import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'école", "l ecole"),
        ("Aujourd’hui, c'est PÉRENNISER !", "aujourd hui c est perenniser"),
        ("  Cœur   ", "coeur"),
        ("J'ai pas le temps...", "j ai pas le temps"),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected
