"""The merged phrase index scores each group exactly as that group alone would be scored,
and a node's or the commands' index scores each option as `score_phrases` does."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from bench.nlu_bench import load_utterances
from coach.content.loader import load_content
from coach.engine.nlu import matching
from coach.engine.nlu.clauses import split_clauses
from coach.engine.nlu.french import singular
from coach.engine.nlu.lexicon import Lexicon, Phrase, Query
from coach.engine.nlu.matching import (
    EXACT,
    FUZZY_CUTOFF,
    FUZZY_LIMIT,
    FUZZY_MAX_LENGTH,
    PARTIAL_BASE,
    PARTIAL_SPAN,
    PhraseSet,
    fuzzy_lengths,
    score_phrases,
)
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


def _near(text: str, rng: random.Random) -> str:
    """`text` with a few letters added, dropped or changed (up to one in ten)."""
    letters = list(text)
    for _edit in range(rng.randint(1, max(1, len(text) // 10))):
        at = rng.randrange(len(letters) + 1)
        kind = rng.choice("adc") if letters else "a"
        if kind == "a":
            letters.insert(at, rng.choice("aeiounrst "))
        elif at < len(letters):
            if kind == "d":
                del letters[at]
            else:
                letters[at] = rng.choice("aeiounrst ")
    return "".join(letters)


def test_the_fuzzy_pass_finds_what_comparing_every_close_spelling_finds() -> None:
    """The fuzzy pass compares a text only with the spellings that hold one of its runs of
    letters: what it finds is what comparing the text with every spelling of a close length
    finds, on the tuned texts, their clauses, spellings and near spellings of the phrases."""
    spellings = UNDERSTANDING.phrases._spellings
    rng = random.Random(17)
    texts = [UNDERSTANDING.lexicon.query(t).norm
             for text in TEXTS for t in [text, *split_clauses(text)]]
    for spelling in rng.sample(spellings.texts, 600):
        texts += [spelling, _near(spelling, rng), _near(_near(spelling, rng), rng)]
    found = 0
    for text in texts:
        if len(text) > FUZZY_MAX_LENGTH:
            continue
        shortest, longest = fuzzy_lengths(len(text))
        every = {number: ratio for number, spelling in enumerate(spellings.texts)
                 if shortest <= len(spelling) <= longest
                 and (ratio := fuzz.ratio(text, spelling, score_cutoff=FUZZY_CUTOFF))}
        assert {number: ratio for ratio, number in spellings.close(text)} == every, text
        found += len(every)
    assert found > 1500  # most near spellings are found, some several times


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


def _scan(index: PhraseSet, query: Query) -> list[dict[str, float]]:
    """Every phrase of every group read one by one, without the fuzzy pass: the scores the
    index must give (what it lists per stem and per pair only saves visits)."""
    lexicon = index.lexicon
    exact = [{k for k, p, g in zip(index.keys, index.phrases, index.group_of, strict=True)
              if g == group and p.norm == query.norm} for group in range(index.groups)]
    for group in range(index.groups):  # a group without the text: the text in the singular
        exact[group] = exact[group] or {
            k for k, p, g in zip(index.keys, index.phrases, index.group_of, strict=True)
            if g == group and singular(p.norm) == singular(query.norm)}
    tallies: list[dict[str, list]] = [{} for _group in range(index.groups)]
    for key, phrase, group in zip(index.keys, index.phrases, index.group_of, strict=True):
        hits = phrase.stems & query.stems
        if key in exact[group] or not hits:
            continue
        tally = tallies[group].setdefault(key, [frozenset(), 0.0, False, 0.0])
        weight = lexicon.phrase_weight(phrase)
        if hits == phrase.stems:
            tally[0] |= hits
            tally[1] = max(tally[1], weight)
            tally[2] = tally[2] or phrase.norm in query.grams
        elif (len(hits) > 1 or len(phrase.stems) == 2) and 2 * lexicon.weight(hits) >= weight:
            found = lexicon.weight(hits)
            tally[3] = max(tally[3], PARTIAL_BASE + PARTIAL_SPAN * (found / weight) * min(
                1.0, found / min(query.weight, matching.LONG_WEIGHT)))
    results: list[dict[str, float]] = []
    for group, by_key in enumerate(tallies):
        scores = dict.fromkeys(exact[group], EXACT)
        for key, (covered, single, in_order, best) in by_key.items():
            if covered:
                best = max(best, matching._cover(lexicon.weight(covered), single, in_order,
                                                 query))
            if best > 0:
                scores[key] = best
        results.append(scores)
    return results


def test_index_scores_as_a_scan_of_every_phrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching, "FUZZY_MAX_LENGTH", -1)  # the scan has no fuzzy pass
    index = UNDERSTANDING.phrases
    lexicon = UNDERSTANDING.lexicon
    scored = partial = 0
    for text in TEXTS:
        query = lexicon.query(text)
        found, expected = index.scores(query), _scan(index, query)
        for group in range(index.groups):
            assert found[group] == pytest.approx(expected[group], abs=1e-9), text
            scored += len(expected[group])
            partial += sum(score < matching.COVER_BASE for score in expected[group].values())
    assert scored > 5 * len(TEXTS) and partial > len(TEXTS)  # covers and partials both
