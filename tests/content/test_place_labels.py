"""The places the coach offers when it did not understand (« Vous voulez parler de… ? », « A
ou B ? ») are named shortly: each label fits in two lines of a choice button on a 320 px
phone, in standard French and in the larger easy-to-read text. Measured in Chromium with the
client's style sheet, two lines hold about 36 characters of standard text and 28 of
easy-to-read text; labels are no longer joined to their journey's title (« Lancer une CoP,
étape par étape — Les objectifs des étapes »)."""

from __future__ import annotations

import pytest

from coach.engine.engine import TextInput
from tests.content.playing import ENGINE

STANDARD_MAX, EASY_MAX = 36, 28
PLACES = ENGINE.understanding.places


def test_every_place_label_fits_two_lines_on_a_small_phone():
    too_long = []
    for place in PLACES.nodes:
        labels = PLACES.labels(place)
        assert labels is not None, place
        if len(labels.text) > STANDARD_MAX or " — " in labels.text:
            too_long.append(f"{place}: {labels.text}")
        if len(labels.falc) > EASY_MAX or " — " in labels.falc:
            too_long.append(f"{place} (FALC): {labels.falc}")
    assert too_long == []


@pytest.mark.parametrize("falc", [False, True])
def test_the_places_offered_after_a_vague_question_are_short(falc):
    step = ENGINE.start(falc=falc)
    step = ENGINE.play(step.record, TextInput("les reunions"))
    assert step.record.pending, "the coach asks which place is meant"
    labels = [c["label"] for c in step.choices]
    assert len(labels) >= 3
    limit = EASY_MAX if falc else STANDARD_MAX
    assert all(len(label) <= limit and " — " not in label for label in labels), labels


def test_the_hub_objectives_are_named_shortly():
    labels = PLACES.labels("coordinateur:objectifs")
    assert labels is not None
    assert (labels.text, labels.falc) == ("Les objectifs des 4 étapes", "Les objectifs des étapes")


@pytest.mark.parametrize("falc", [False, True])
def test_no_two_places_share_a_label(falc):
    """Two buttons named alike in « Vous voulez parler de… ? » cannot be told apart (the
    tester got « Handicap rare » twice, for the discovery and for stage 1)."""
    by_label: dict[str, list[str]] = {}
    for place in PLACES.nodes:
        labels = PLACES.labels(place)
        assert labels is not None
        by_label.setdefault((labels.falc if falc else labels.text).casefold(), []).append(place)
    assert {label: places for label, places in by_label.items() if len(places) > 1} == {}
