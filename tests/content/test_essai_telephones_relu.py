"""What the phone try-out typed at the home menu, read again (issue 17 point 5): each
sentence cost a clarification tap or offered another audience's place.

- « je suis educ spé, est-ce que je peux venir ? » asked between the professionals' way in
  and the families' ways of taking part: a professional's « je peux venir » is their way in;
- « je suis pas a l aise en ligne et jai peur de pas avoir ma place » asked with a
  coordinator's stage (the members' obstacles): said of oneself, it is one's own hesitation
  and unease online, the families' places;
- « En tant qu'ARS, nous aimerions impulser la création de CoP » asked between creating a
  community and what « ARS » means: « en tant que » says who one speaks as.
"""

from __future__ import annotations

import pytest

from coach.engine.nlu.candidates import Decision
from tests.content.playing import ENGINE
from tests.places import record_at

FALC = pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])


def _read(text: str, falc: bool) -> Decision:
    """The decision for `text` typed at the home menu by someone not yet known."""
    return ENGINE.understand(record_at(ENGINE, "accueil:menu", falc=falc), text)


@pytest.mark.parametrize(("typed", "place"), [
    ("je suis educ spé, est-ce que je peux venir ?", "professionnels:rejoindre"),
    ("En tant qu'ARS, nous aimerions impulser la création de CoP", "coordinateur:parcours"),
])
@FALC
def test_who_one_is_and_what_one_asks_go_to_one_place(typed: str, place: str,
                                                       falc: bool) -> None:
    decision = _read(typed, falc)
    assert decision.kind == "go", decision
    assert decision.best is not None and decision.best.place == place, decision


@FALC
def test_one_s_own_unease_online_and_place_are_the_families_two_answers(falc: bool) -> None:
    """Both clauses are the person's own: their hesitation, and being uneasy online."""
    decision = _read("je suis pas a l aise en ligne et jai peur de pas avoir ma place", falc)
    assert decision.kind == "go", decision
    places = {c.place for c in (*decision.candidates[:1], *decision.also)}
    assert places == {"familles:hesitation", "familles:numerique"}, decision


@FALC
def test_how_to_take_part_stays_the_families_when_no_one_is_said(falc: bool) -> None:
    """Without who one is, « est-ce que je peux venir » is still the ways of taking part."""
    decision = _read("est-ce que je peux venir", falc)
    assert decision.best is not None and decision.best.place == "familles:niveaux", decision


@FALC
def test_a_term_said_alone_after_en_tant_que_is_still_explained(falc: bool) -> None:
    """« en tant qu'ARS » alone asks nothing else: the term is still what it is about."""
    decision = _read("En tant qu'ARS", falc)
    assert decision.best is not None and decision.best.place == "glossaire:ARS", decision
