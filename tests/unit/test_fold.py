"""`fold` runs each of its steps only where it can change the text: it must give exactly
the text that every step run on all of it gives (the plain definition below)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.engine.nlu.french import fold, words

_ELISION = re.compile(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’`´]", re.IGNORECASE)


def plain_fold(text: str) -> str:
    text = _ELISION.sub(r"\1 ", text.lower())
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = text.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"(?<=[a-z])(?=\d)", " ", text)).strip()


# French letters, accents alone, apostrophes, digits, and characters that decompose or are
# not letters (ligatures, fractions, emoji, other digits, a dotted capital I, a no-break space).
SAMPLED = [*"abcdelmnqstuzéèêëàâîïôöùûüçœæßÉÈÀÇŒÆ’'`´«» -,.?!0123456789",
           "\u0301", "\u0327", "\u0316", "ﬁ", "½", "™", "😀", "١", "３", "İ", "\u00a0"]
FRENCH = st.text(alphabet=st.sampled_from(SAMPLED), max_size=40)


@settings(max_examples=600, deadline=None)
@given(st.one_of(FRENCH, st.text(max_size=30)))
def test_fold_is_the_plain_definition(text: str) -> None:
    assert fold(text) == plain_fold(text)


def test_fold_examples() -> None:
    assert fold("L’été à l'école « super » !") == "l ete a l ecole super"
    assert fold("Œuvre et cœur, 2ème étape2") == "oeuvre et coeur 2eme etape 2"
    assert fold("naïve\u00a0Noël ½ 😀") == "naive noel 1 2"
    assert words("C koi l'ÉCOLE ?") == ["c", "est", "quoi", "l", "ecole"]
