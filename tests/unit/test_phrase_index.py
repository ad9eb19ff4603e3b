"""The merged phrase index scores each group exactly as that group alone would be scored,
and a node's or the commands' index scores each option as `score_phrases` does."""

from __future__ import annotations

import pytest

from bench.nlu_bench import load_utterances
from coach.content.loader import load_content
from coach.engine.nlu.lexicon import Lexicon, Phrase
from coach.engine.nlu.matching import FUZZY_LIMIT, PhraseSet, score_phrases
from coach.engine.understand import Understanding

UNDERSTANDING = Understanding(load_content())
TEXTS = [u.text for u in load_utterances()]


def test_groups_scored_together_score_as_each_group_alone() -> None:
    merged = UNDERSTANDING.phrases
    groups = [[(k, p) for k, p, g in zip(merged.keys, merged.phrases, merged.group_of,
                                         strict=True) if g == group]
              for group in range(merged.groups)]
    alone = [PhraseSet(UNDERSTANDING.lexicon, [entries]) for entries in groups]
    assert len(groups) == 2 and all(groups)
    found = 0
    for text in TEXTS:
        query = UNDERSTANDING.lexicon.query(text)
        together = merged.scores(query)
        for group, index in enumerate(alone):
            assert together[group] == index.scores(query)[0], text
            found += bool(together[group])
    assert found > len(TEXTS)  # most texts find something in both groups


def test_each_group_keeps_its_own_closest_spellings() -> None:
    """A group full of near spellings does not crowd the other group out of the fuzzy
    pass (each keeps at most FUZZY_LIMIT, as alone)."""
    lexicon = Lexicon(["rejoindre un groupe"])
    lexicon.weigh([frozenset()])
    near = [(f"lieu{i}", Phrase(f"rejoindre un groupe{i}", frozenset())) for i in range(12)]
    other = [("autre", Phrase("rejoindre un groupes", frozenset()))]
    query = lexicon.query("rejoindre un groupe")
    first, second = PhraseSet(lexicon, [near, other]).scores(query)
    assert len(first) == FUZZY_LIMIT
    assert set(second) == {"autre"}
    assert second == PhraseSet(lexicon, [other]).scores(query)[0]


def test_command_index_scores_as_each_command_alone() -> None:
    index = UNDERSTANDING._command_index
    lexicon = UNDERSTANDING.lexicon
    scored = 0
    for text in TEXTS:
        query = lexicon.query(text)
        found = index.scores(query)
        for option in UNDERSTANDING.commands:
            expected = score_phrases(query, option.phrases, lexicon)
            assert found.get(option.key, 0.0) == pytest.approx(expected, abs=1e-9), text
            scored += expected > 0
    assert scored > 0
