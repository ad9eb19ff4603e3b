"""A message that asks two things, read clause by clause.

« c'est gratuit ? et comment je m'inscris », « bonjour, c'est quoi un IME », « je suis
orthophoniste, comment on rejoint une cop ? »: when the whole text does not settle it, the
first request understood for sure wins, a greeting or thanks gives way to a request, and who
one says one is gives way to what one asks (and counts as the persona for the other clauses).
Each clause is read by the same decision as a whole text (passed in, so this stays apart
from how a text is scored).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from coach.content.schema import Scalar
from coach.engine.nlu.candidates import POSITION, Candidate, Context, Decision, distinct
from coach.engine.nlu.french import enumerates
from coach.engine.nlu.lexicon import Lexicon, Query
from coach.engine.nlu.persons import WANT
from coach.engine.nlu.places import GLOSSARY, REPLY, TERMS
from coach.engine.nlu.terms import CUES_PADDED
from coach.engine.nlu.thresholds import EXACT_SCORE, GO, MAX_ASK

# Where one message asks two things: punctuation, or « et », « mais », « puis », « ou »
# followed by the start of a question or of a sentence (« … et comment je m'inscris »;
# « les familles et l'équipe » stays whole).
_CLAUSE_BREAK = re.compile(
    r"[?!.;:,]+|\s+(?:et|mais|puis|ou)\s+(?=(?:est|c|ça|ca|comment|combien|où|ou|qui|quand"
    r"|pourquoi|quel|quelle|quels|quelles|y|il|je|j|jai|on|vous|faut|peut|qu|que|ce|ya|cest)\b)",
    re.IGNORECASE)
# A clause alone is a request only when it is this sure (« il a 8 ans » is not one).
CLAUSE_SURE = 0.85
# Answers that say nothing of what the person wants: they give way to a request.
SOCIAL = frozenset({REPLY + "bonjour", REPLY + "merci"})
# A first clause that only says one heard (« ok et je fais quoi maintenant ») is not the
# answer « ok » (continue): what follows is the request.
ACKNOWLEDGED = frozenset({"ok", "okay", "oki", "d accord", "dac", "bon", "ben", "bah", "alors",
                          "ah", "ah ok", "ok ok", "bon ben", "bon ok", "oui ok", "ouais"})

# « en tant que … »: the clause says who one speaks as.
SPEAKING_AS = ("en", "tant")

Read = Callable[[Query, Context, bool], Decision]
MISS = Decision("miss", ())


def typed_exactly(decision: Decision) -> bool:
    """A text typed exactly as a phrase of a place (« c'est où »)."""
    best = decision.best
    return (decision.kind == "go" and best is not None and best.score >= EXACT_SCORE
            and best.via == "intention")


def split_clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_BREAK.split(text) if c and not c.isspace()]


class _Alone:
    """The clauses of one message, each read into a query and decided alone (without the
    search) at most once: kept for the call that reads the message only."""

    def __init__(self, lexicon: Lexicon, read: Read, context: Context) -> None:
        self._lexicon = lexicon
        self._read = read
        self._context = context
        self._queries: dict[str, Query] = {}
        self._decisions: dict[str, Decision] = {}

    def query(self, clause: str) -> Query:
        found = self._queries.get(clause)
        if found is None:
            found = self._queries[clause] = self._lexicon.query(clause)
        return found

    def __call__(self, clause: str) -> tuple[Query, Decision]:
        """The clause's query and its decision alone. A clause without a word that counts
        is read only as a phrase typed exactly (« c'est où »), else it is a miss."""
        query = self.query(clause)
        found = self._decisions.get(clause)
        if found is None:
            found = self._read(query, self._context, False) if query.tokens else MISS
            if not query.stems and not typed_exactly(found):
                found = MISS
            elif query.tokens[:2] == SPEAKING_AS and found.best is not None and (
                    found.best.place.startswith(GLOSSARY)):
                # « en tant qu'ARS, nous aimerions… »: who one speaks as, not a question
                # about the term; the other clauses say what is asked.
                found = MISS
            self._decisions[clause] = found
        return query, found


class ClauseReader:
    """Reads the clauses of a message with `read` (the decision, for one query)."""

    def __init__(self, read: Read, lexicon: Lexicon, profiles: frozenset[str],
                 sets: Mapping[str, Mapping[str, Scalar]],
                 offered: Callable[[Context], frozenset[str]] = lambda _c: frozenset()) -> None:
        self.read = read
        self.offered = offered  # the places the step's choices lead to
        self.lexicon = lexicon
        self.profiles = profiles  # the places of persons (who one is)
        self.sets = sets  # the variables each place sets (a person's persona)
        self._coming = frozenset(lexicon.stem_of(w) for w in ("venir", "participer"))

    def decide(self, clauses: list[str], decision: Decision, context: Context) -> Decision:
        """The decision for a message of several clauses, `decision` that of the whole, with
        another request of another clause understood for sure (`also`)."""
        alone = _Alone(self.lexicon, self.read, context)
        decided = self._decide(clauses, decision, context, alone)
        best = decided.best
        if decided.kind != "go" or best is None:
            return decided
        for clause in clauses:
            query, read = alone(clause)
            if not query.stems and not typed_exactly(read):
                continue
            other = read.best
            if self._gives_way(other, best.place, context):
                continue  # the position that gave way to the choice named (above)
            if (read.kind == "go" and other is not None and other.score >= GO
                    and other.place != best.place and other.place not in SOCIAL
                    and other.place not in self.profiles):
                return replace(decided, also=(other,))
        return decided

    def _gives_way(self, position: Candidate | None, named: str, context: Context) -> bool:
        """« la dernière, pour que ça dure »: the words name `named`, a choice on screen; a
        `position` counted otherwise (the stages, not the buttons) gives way to them."""
        return (position is not None and position.via == POSITION
                and named in self.offered(context))

    def _decide(self, clauses: list[str], decision: Decision, context: Context,
                alone: _Alone) -> Decision:
        if alone.query(clauses[0]).norm in ACKNOWLEDGED:
            asked = self.read(self.lexicon.query(" ".join(clauses[1:])), context, True)
            if asked.kind != "miss":
                return asked
        best = decision.best
        if (decision.kind == "go" and best is not None and best.place.startswith(GLOSSARY)
                and TERMS in best.place):
            # « je travaille en ESMS, c'est quoi le RGPD ? »: the terms asked about are those
            # of the clause that asks what they mean.
            for clause in clauses:
                if not alone.query(clause).grams.any_padded(CUES_PADDED):
                    continue
                asked = alone(clause)[1]
                if asked.kind == "go" and asked.best is not None and (
                        asked.best.place.startswith(GLOSSARY)):
                    return asked
            return decision
        if (decision.kind == "go" and best is not None and best.place not in SOCIAL
                and best.place not in self.profiles):
            # Two requests, the whole text going to the second: the first is answered
            # (« comment s'inscrire et c'est payant ? »), when it alone is sure.
            first = self._first_request(clauses[0], context, alone)
            if self._gives_way(first, best.place, context):
                return decision
            if first is not None and first.place != best.place:
                return Decision("go", tuple(distinct([first, *decision.candidates]))[:MAX_ASK])
            return decision
        return self._by_clauses(clauses, context, alone) or decision

    def _first_request(self, clause: str, context: Context,
                       alone: _Alone) -> Candidate | None:
        query, decision = alone(clause)
        if not query.stems and not typed_exactly(decision):
            return None
        best = decision.best
        if (decision.kind == "go" and best is not None and best.score >= CLAUSE_SURE
                and best.place not in SOCIAL and best.place not in self.profiles):
            return best
        return None

    def _by_clauses(self, clauses: list[str], context: Context,
                    alone: _Alone) -> Decision | None:
        """Two requests in one message, each clause read alone.

        A clause understood for sure (CLAUSE_SURE) that asks something wins, the first one
        first. Who one is and greetings or thanks give way: the rest of the message is read
        without them (with the persona said), and they win only when the rest says nothing.
        """
        # A clause alone counts only when it goes somewhere for sure: the search, which
        # never makes the coach go on its own, is left out (a third of a decision's time).
        # Each clause is read once into a query (its words, its stems), then decided.
        decided = [(clause, *alone(clause)) for clause in clauses]
        decided = [(clause, query, d) for clause, query, d in decided
                   if query.stems or typed_exactly(d)]
        if enumerates(t for _c, query, _d in decided for t in query.tokens):
            # « la première année, la deuxième, la troisième »: a list of its own, no
            # button picked by its place on screen.
            decided = [(clause, query, d) for clause, query, d in decided
                       if d.best is None or d.best.via != POSITION]
        sure = [d.best for _c, _q, d in decided if d.kind == "go" and d.best is not None]
        said = [c for c in sure if c.place in SOCIAL or c.place in self.profiles]
        persona = next((self.sets.get(c.place, {}).get("persona") for c in said
                        if c.place in self.profiles), None)
        there = replace(context, persona=str(persona)) if persona is not None else context
        if there is not context:  # the other clauses read as this person's (« je suis
            # orthophoniste, comment on rejoint une cop ? »: the professionals' way in)
            # A clause of one word that counts stays as read alone (see the vague rest below).
            decided = [(clause, query, self.read(query, there, False)
                        if d.best not in said and len(query.stems) > 1 else d)
                       for clause, query, d in decided]
            sure = [d.best for _c, _q, d in decided if d.kind == "go" and d.best is not None]
        # « je suis la tata de Noé, je peux venir moi aussi ? »: after who one is, coming
        # alone asks whether there is a place for this person (their place answers).
        coming = ({id(d.best) for _c, query, d in decided
                   if query.stems and query.stems <= self._coming}
                  if any(c.place in self.profiles for c in said) else set())
        asked = [c for c in sure if c.place not in SOCIAL and c.place not in self.profiles
                 and c.score >= CLAUSE_SURE and id(c) not in coming]
        position = next((c for c in asked if c.via == POSITION), None)
        named = [c for c in asked if c.via != POSITION]
        if any(self._gives_way(position, c.place, context) for c in named):
            asked = named
        if asked:
            return Decision("go", tuple(distinct(asked))[:MAX_ASK])
        if not said:
            return None
        rest = " ".join(clause for clause, _q, d in decided
                        if not (d.kind == "go" and d.best is not None and d.best in said))
        query = alone.query(rest)  # the clause's own query when one clause is left
        if query.stems:
            decision = self.read(query, there, True)
            # « je suis aveugle, je peux participer ? »: a vague rest (one word that counts)
            # asks whether there is a place for this person: their place answers it.
            # A vague rest goes elsewhere only when typed as a phrase of that place.
            vague = len(query.stems) < 2
            best = decision.best
            if (decision.kind == "go" and (not vague or best is None
                                           or best.score >= EXACT_SCORE)) or (
                    decision.kind == "ask" and not vague):
                return decision
        # Who one is before a greeting; of two persons said, the one said with what one
        # wants to do (« je suis directrice d'un foyer et je veux monter une cop »).
        wanted = {id(d.best) for _c, query, d in decided if WANT.intersection(query.tokens)}
        said.sort(key=lambda c: (c.place in SOCIAL, id(c) not in wanted))
        return Decision("go", tuple(distinct(said))[:MAX_ASK])
