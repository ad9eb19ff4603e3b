"""Glossary terms in a message: one term asked about, several at once, or one in passing.

« c koi un handicap rare » asks what one term means; « ARS MDPH c'est quoi » asks two, in
order; « je travaille en ESMS et… » names a term without asking about it, so the places
that answer the rest come first. A term and the journey that explains it are one answer.
"""

from __future__ import annotations

from coach.content.model import Content
from coach.engine.nlu.candidates import Board
from coach.engine.nlu.lexicon import Grams, Lexicon, Phrase, Query
from coach.engine.nlu.places import GLOSSARY, TERMS
from coach.engine.nlu.thresholds import EXACT_SCORE

# Words that ask what a term means.
CUES = frozenset({"c est quoi", "veut dire", "qu est ce que", "qu est ce qu", "definition",
                  "signifie", "signification", "explique", "expliquer", "quoi un", "quoi une",
                  "quoi le", "quoi la", "quoi l", "quoi les", "le mot", "sens du mot", "ca veut",
                  "ce que c est", "ce qu est"})
CUES_PADDED = Grams.pad(CUES)
# A term named in passing (« je travaille en ESMS et… », « faire valider par l'ARS »), in a
# text that asks nothing about words and says at least this many other things, is not the
# question: its meaning comes after the places that answer the rest.
ASIDE_WORDS = 2
ASIDE = 0.08
# Words that only name a word (« c quoi ce mot RGPD », « le sigle MDPH veut dire quoi »).
WORD_NAMES = ("mot", "mots", "terme", "termes", "sigle", "sigles", "abreviation", "acronyme",
              "expression")
# Words around the question itself (« que veut dire ARS », « pouvez-vous me rappeler ce que
# signifie RGPD », « pas sûr d'avoir compris ce que c'est une cop »): they ask, they are not
# another subject.
ASKING_WORDS = ("veut", "dire", "signifie", "signification", "definition", "explique",
                "expliquer", "expliquez", "rappeler", "rappelez", "pouvez", "pourriez", "peux",
                "pourrais", "savoir", "sais", "voudrais", "aimerais", "avoir", "compris",
                "comprends", "comprendre", "pas", "sur", "sure", "bien", "exactement", "svp",
                "stp", "merci")
# « c'est quoi l'ARS et la MDPH » asks two terms; « on peut envoyer nos équipes d'IME dans une
# cop, c'est quoi la marche à suivre » or « en quoi une cop handicap rare est différente d'une
# cop classique » name two terms but ask about something else: beyond this many other words,
# the terms are not what is asked.
SEVERAL_OTHER_WORDS = 1


def asks_meaning(grams: Grams) -> bool:
    """« c'est quoi », « ça veut dire »… in the text."""
    return grams.any_padded(CUES_PADDED)


class Terms:
    """The glossary's phrases, indexed by their first word, and the places that explain them."""

    def __init__(self, content: Content, lexicon: Lexicon,
                 intents: list[tuple[str, Phrase]], subject: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.subject = subject  # the coach's own subject: not a term to define
        terms: dict[str, str] = {}  # a glossary phrase, in the shared spelling → term
        for item in content.glossary:
            for text in (item.term, *item.synonyms):
                norm = lexicon.phrase(text).norm
                if norm and norm not in CUES:
                    terms.setdefault(norm, item.term)
        # A place whose own phrases ask what a term means (« c'est quoi une cop ») explains
        # the term: the two are one answer (see `one_answer`).
        term_stems = {lexicon.phrase(t).stems: GLOSSARY + item.term
                      for item in content.glossary for t in (item.term, *item.synonyms)}
        self.explains: dict[str, str] = {}
        for place, phrase in intents:
            term = term_stems.get(phrase.stems)
            if (term is not None and not place.startswith(GLOSSARY)
                    and asks_meaning(Grams(phrase.norm))):
                self.explains.setdefault(term, place)
        self.menu_flow = content.menu[0]
        self.word_names = frozenset(lexicon.stem_of(w) for w in WORD_NAMES)
        self.asking = frozenset(lexicon.stem_of(w) for w in ASKING_WORDS)
        self.cue_stems = frozenset(stem for cue in CUES for stem in lexicon.phrase(cue).stems)
        self.stems = {norm: lexicon.phrase(norm).stems for norm in terms}
        self.by_word: dict[str, list[tuple[str, str]]] = {}
        for norm, term in terms.items():
            self.by_word.setdefault(norm.split(" ", 1)[0], []).append((norm, term))

    def typed(self, query: Query) -> list[tuple[str, str]]:
        """The glossary phrases whose first word is typed (few of them: a dict look-up per
        word rather than a search for every phrase)."""
        return [item for word in set(query.tokens) for item in self.by_word.get(word, ())]

    def several(self, query: Query, cue: bool) -> str | None:
        """« ARS MDPH c'est quoi »: two terms or more asked at once, answered in order.

        Only when the text asks what they mean (or is nothing but the terms): « travailler
        avec l'ARS et la MDPH » is a topic, not a question about words.
        """
        spans: dict[str, tuple[int, int]] = {}
        padded = f" {query.norm} "
        for gram, term in self.typed(query):
            start = query.grams.find(gram)
            if start < 0:
                continue
            span = (start, start + len(gram))
            if term not in spans or span[1] - span[0] > spans[term][1] - spans[term][0]:
                spans[term] = span
        if len(spans) < 2:
            return None
        ordered = sorted(spans, key=lambda t: spans[t][0])
        # A term inside a longer one (« cop » in « communauté de pratique ») is the same one.
        kept = [t for t in ordered if not any(
            o != t and spans[o][0] <= spans[t][0] and spans[t][1] <= spans[o][1]
            and spans[o] != spans[t] for o in ordered)]
        if len(kept) < 2:
            return None
        covered: set[str] = set()
        for term in kept:
            start, end = spans[term]  # `find` gives the space before the gram
            covered |= self.lexicon.phrase(padded[start + 1:end + 1]).stems
        other = query.stems - covered
        if not cue and other:
            return None
        if len(other - self.asking - self.cue_stems - self.word_names) > SEVERAL_OTHER_WORDS:
            return None
        return GLOSSARY + TERMS.join(kept)

    def one(self, query: Query, cue: bool) -> str | None:
        """« c koi un handicap rare »: what a term means, and nothing else, even where a
        place speaks of it. Not the coach's own subject (« c'est quoi une cop » is the
        journey that explains it)."""
        if not cue or not query.stems or query.stems <= self.subject:
            return None
        asked = query.stems - self.word_names
        unsaid = asked - self.asking
        for gram, term in self.typed(query):
            if self.stems[gram] in (asked, unsaid) and gram in query.grams:
                return GLOSSARY + term
        return None

    def in_passing(self, board: Board, query: Query,
                   phrase_stems: dict[str, frozenset[str]]) -> None:
        """A glossary term in a text that says more and does not ask what it means gives way
        to the places found by the rest (it stays, behind them)."""
        for key, candidate in list(board.found.items()):
            if not candidate.place.startswith(GLOSSARY) or candidate.score >= EXACT_SCORE:
                continue
            rest = query.stems - phrase_stems.get(candidate.place, frozenset())
            if len(rest - self.subject) >= ASIDE_WORDS:
                board.found[key] = candidate.rescored(candidate.score - ASIDE)

    def one_answer(self, board: Board, flow: str) -> None:
        """A term and the journey that explains it are one answer, not two to choose from:
        the journey from the menu, the term's meaning inside another journey (a definition
        does not take the person away from where they are)."""
        for term, place in self.explains.items():
            if term not in board.found:  # a term's key is its place (never a choice)
                continue
            found = {c.place: key for key, c in board.found.items()}
            if term not in found or place not in found:
                continue
            keep, drop = (place, term) if flow == self.menu_flow else (term, place)
            kept, dropped = board.found[found[keep]], board.found.pop(found[drop])
            board.found[found[keep]] = kept.rescored(max(kept.score, dropped.score))
