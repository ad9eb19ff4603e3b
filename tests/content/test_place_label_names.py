"""A coordinator's try-out with the keyboard (stage 1, « montre moi les outils » typed) was
offered « Témoignage de patricia »: a place without a title or an incoming choice is named
after its first topic, and topics were written in lower case. Names (the speakers: Patricia,
Léo…) and the word « CoP » keep their capitals in every place label, in standard French and
in easy-to-read French."""

from __future__ import annotations

import re

from tests.content.playing import ENGINE

PLACES = ENGINE.understanding.places
NAMES = sorted({speaker.name for speaker in ENGINE.content.speakers.values()
                if speaker.name[:1].isupper() and " " not in speaker.name} | {"CoP"})


def test_names_and_cop_keep_their_capitals_in_place_labels():
    assert "Patricia" in NAMES
    lowered = []
    for place in PLACES.nodes:
        labels = PLACES.labels(place)
        assert labels is not None, place
        for label in (labels.text, labels.falc):
            for name in NAMES:
                for found in re.findall(rf"\b{re.escape(name)}\b", label, flags=re.IGNORECASE):
                    if found != name:
                        lowered.append(f"{place}: {label}")
    assert lowered == []
