"""Any text, however odd, gives findings inside the text and never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from falc import Checker, Config
from falc.tokenize import count_words, split_units, words

ALPHABET = (
    "abcdeéèêàçôùïœ ABCDEÉÈ XIVLCDM 0123456789 .,;:!?…'’-–—()[]{}«»\"*_#%&/@+=<>|·€\n\t"
)
TEXTS = st.text(alphabet=ALPHABET, max_size=120) | st.lists(
    st.sampled_from([
        "Vous", "ne", "pas", "deux", "XIXe", "Louis", "XIV", "MDPH", "TRÈS", "IMPORTANT",
        "p.", "ex.", "30", "%", "14/05/2024", "**", "- ", "\n", "afin", "de", "si", "que",
        "est", "validé", "par", "la", "commission", "l'école", "12 000", "https://a.fr/x_y",
        "a@b.fr", "{score}", ",", ".", "personne", "plus", "neuf", "sept.", "(", ")", "…",
    ]),
    max_size=40,
).map(" ".join)

CHECKER = Checker(Config.default(), tiers=(1, 3))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_findings_stay_inside_the_text(text: str) -> None:
    report = CHECKER.check(text)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.message and f.suggestion
    assert report.scores["words"] == count_words(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_units_and_words_have_exact_offsets(text: str) -> None:
    for unit in split_units(text):
        assert text[unit.start : unit.end] == unit.text
        assert unit.text == unit.text.strip()
    for w in words(text):
        assert text[w.start : w.end] == w.text
