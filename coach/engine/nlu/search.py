"""Search over all the content (standard and FALC texts, labels, topics, glossary), built once.

Each place is a document: its own messages, plus the messages of the nodes that follow it
in its flow before the next place (at half weight), so that « l'astuce de la maman » finds
the scenario that tells it. Ranking is BM25 over Snowball stems; the confidence of a result
is how much of the typed text (weighted by rarity) the document covers. Search alone is
never sure enough to go: at best it makes the coach ask.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable

from coach.content.model import Content
from coach.engine.nlu.french import is_content, words
from coach.engine.nlu.lexicon import Lexicon, Query
from coach.engine.nlu.places import GLOSSARY, node_place

K1, B = 1.2, 0.6
FOLLOWER_WEIGHT = 0.5
SEARCH_BASE, SEARCH_SPAN = 0.30, 0.42
MIN_COVER = 0.34
# Matched rarity (sum of idf) that counts as full evidence: one common word is not enough.
EVIDENCE = 8.0


def attribute(content: Content, places: set[str]) -> dict[str, str]:
    """Each node that is not a place belongs to the nearest place before it in its flow."""
    owner: dict[str, str] = {}
    for flow in content.flows.values():
        queue = deque(node_place(flow.id, n) for n in flow.nodes
                      if node_place(flow.id, n) in places)
        seen = set(queue)
        while queue:
            place = queue.popleft()
            node = flow.nodes[place.split(":", 1)[1]]
            origin = owner.get(place, place)
            targets = [c.target for c in node.choices] + [r.target for r in node.next]
            for target in targets:
                ref = content.resolve(flow.id, target)
                follower = node_place(*ref)
                if ref[0] != flow.id or follower in seen:
                    continue
                seen.add(follower)
                owner[follower] = origin
                queue.append(follower)
    return owner


class SearchIndex:
    def __init__(self, content: Content, places: Iterable[str], lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        chosen = set(places)
        owner = attribute(content, chosen)
        bags: dict[str, dict[str, float]] = {place: {} for place in chosen}

        def add(place: str, text: str, weight: float) -> None:
            bag = bags[place]
            for word in words(text):
                if is_content(word):
                    item = lexicon.stem_of(word)
                    bag[item] = bag.get(item, 0.0) + weight

        for flow in content.flows.values():
            for node in flow.nodes.values():
                place = node_place(flow.id, node.id)
                target = place if place in chosen else owner.get(place)
                if target is None:
                    continue
                weight = 1.0 if target == place else FOLLOWER_WEIGHT
                for message in node.messages:
                    add(target, message.text, weight)
                    add(target, message.falc, weight)
                for phrase in [*node.topics, node.title, node.title_falc]:
                    add(target, phrase, weight)
        for item in content.glossary:
            place = GLOSSARY + item.term
            if place in bags:
                for text in [item.term, item.text, item.falc, *item.synonyms]:
                    add(place, text, 1.0)
        count = len(bags) or 1
        lengths = {place: sum(bag.values()) for place, bag in bags.items()}
        average = sum(lengths.values()) / count or 1.0
        frequency: dict[str, int] = {}
        for bag in bags.values():
            for stem in bag:
                frequency[stem] = frequency.get(stem, 0) + 1
        self.idf = {s: math.log(1 + (count - n + 0.5) / (n + 0.5)) for s, n in frequency.items()}
        weights = sorted(self.idf.values())
        # A typed word the content never uses: it counts like a middling word.
        self._unknown = weights[len(weights) // 2] if weights else 1.0
        # Places by number, so that a text's sums are two lists indexed by place rather
        # than a dict of small lists: per stem, the places that use it and their BM25 part.
        self.places = list(bags)
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for number, (place, bag) in enumerate(bags.items()):
            norm = K1 * (1 - B + B * lengths[place] / average)
            for stem, tf in bag.items():
                self.postings.setdefault(stem, []).append(
                    (number, self.idf[stem] * tf * (K1 + 1) / (tf + norm)))

    def scores(self, query: Query, floor: float = 0.0) -> dict[str, float]:
        """Confidence per place, from SEARCH_BASE up to SEARCH_BASE + SEARCH_SPAN; places
        below `floor` are left out (they cannot change a decision)."""
        if not query.stems:
            return {}
        idf = self.idf
        total = sum(idf.get(s, self._unknown) for s in query.stems)
        count = len(self.places)
        bm25 = [0.0] * count  # per place: its BM25 score, the rarity of the stems it has
        covered = [0.0] * count
        found_in: list[int] = []  # the places found, in the order first found
        for item in query.stems:
            weight = idf.get(item)
            if weight is None:
                continue
            for place, score in self.postings[item]:
                if not covered[place]:  # a weight is never 0: not found before
                    found_in.append(place)
                bm25[place] += score
                covered[place] += weight
        if not found_in:
            return {}
        best = max(bm25[place] for place in found_in)
        results = {}
        places = self.places
        for place in found_in:
            share = covered[place] / total
            if share >= MIN_COVER:
                evidence = min(1.0, covered[place] / EVIDENCE)
                found = SEARCH_BASE + SEARCH_SPAN * share * evidence * math.sqrt(
                    bm25[place] / best)
                if found >= floor:
                    results[places[place]] = found
        return results
