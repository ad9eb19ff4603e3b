"""Understand typed text: where does the person want to go, and how sure are we?

Order, as people expect it: the current choices (by number, « la deuxième », label in
either variant, synonyms, typos, no accents), then the global commands, then the topic and
persona intents of the dialogues (node `topics`, `dialogues/intentions.yaml`, the labels of
the choices that lead to a place, the glossary), then a search over all the content.

Every source gives places a score in [0, 1] (see `nlu.matching`); small priors encode the
order and the context (current choice > command; current flow, persona, « c'est quoi »
before a glossary term). Then:
  go    the best score is ≥ GO and ahead of the next place by ≥ MARGIN;
  ask   the places within WINDOW of the best and ≥ ASK_MIN (at most 3): « Vous voulez
        parler de… ? »;
  miss  nothing plausible; the two best weak places (≥ WEAK_MIN) are kept for the
        escalation « Vous voulez dire A ou B ? ».
A place found only by one everyday word of a sentence that also speaks of things the content
never names (« qui a gagné le match ») is a miss, not an ask; a term and the journey that
explains it (found from the content) are one answer; a journey offered as a choice gives way
to a place inside it found about as well; the persona said or known puts another person's
journey after one's own. An exact number, position, choice phrase or command phrase goes at
once; a short greeting or thanks whose other words lead nowhere is one. A message that asks
two things (« c'est gratuit ? et comment je m'inscris », « bonjour, c'est quoi un IME ») and
that the whole text does not settle is read clause by clause: the first request understood
for sure wins, a greeting or thanks gives way to a request, and who one says one is gives
way to what one asks (and counts as the persona for the other clauses). The index is built
once (`Understanding(content)`); a decision reads only the content, the context and the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Literal

from wordfreq import get_frequency_dict

from coach.content.model import Content
from coach.content.schema import TYPED_COMMANDS, Choice
from coach.engine.nlu.french import SUBJECT_WORDS, fold, is_content, ordinal, word_set
from coach.engine.nlu.lexicon import Grams, Lexicon, Phrase, Query
from coach.engine.nlu.matching import OptionIndex, PhraseSet, score_phrases
from coach.engine.nlu.places import (
    CHOICE,
    COMMAND,
    GENERIC_TARGETS,
    GLOSSARY,
    REPLY,
    TERMS,
    PlaceBook,
    node_place,
)
from coach.engine.nlu.search import SearchIndex, attribute

GO = 0.80
MARGIN = 0.05
ASK_MIN = 0.60
WINDOW = 0.15
WEAK_MIN = 0.40
MAX_ASK = 3
OPTION_PRIOR = 0.08
COMMAND_PRIOR = 0.03
# A command is clear or it is not: a word of it lost in a long sentence does not count.
COMMAND_MIN = 0.62
GLOSSARY_CUE_PRIOR = 0.06
GLOSSARY_EXACT_PRIOR = 0.06
# A place whose phrase is typed exactly (« merci ») is surer than one whose phrase only has
# the same words once function words are left out (« non merci, c'est tout »).
INTENT_EXACT_PRIOR = 0.05
EXACT_SCORE = 1.0
# Labels and synonyms of choices elsewhere say less about a place than its own topics.
BORROWED = 0.93
FLOW_PRIOR = 0.05
PERSONA_PRIOR = 0.03
AGREEMENT = 0.04
AGREEMENT_FLOOR = 0.45
SEARCH_BEHIND = 0.01
# A search result this low, even with every prior, is below WEAK_MIN and below the score
# that can confirm a candidate: it changes no decision, so it is not scored further.
SEARCH_FLOOR = WEAK_MIN - FLOW_PRIOR - PERSONA_PRIOR
# « Je suis maman, et je manque de temps » : who one is, then what one asks. The place of a
# person (a `profil` intention) gives way to a topic found in the same sentence.
PROFILE_YIELD = 0.2
TOPIC_MIN = 0.60
# ... and only to a topic at most this far behind it (one that found more than who one is).
TOPIC_BEHIND = 0.12
# One place far ahead of every other goes at once, even below GO (a long, clear request).
# Who one says one is, in the same sentence, points to that person's journey.
SAID_PERSONA = 0.05
CLEAR_MIN = 0.70
CLEAR_MARGIN = 0.10

# A place found by one everyday word only, in a sentence that says more (« quel temps fait-il
# demain », « qui a gagné le match », « un plombier sur Lyon »), is not a request about the
# module: it neither goes nor asks. Everyday: at least this frequent in French (Zipf scale;
# « temps » 6.0, « gagner » 5.0, « région » 5.2; « charte » 4.5, « handicap » 4.1 are words of
# the module). A place typed exactly, or found by two words or by one word of the module, is.
COMMON_ZIPF = 4.3
# ... in a text of at least this many words (« temps » alone may ask).
SUPPORT_TOKENS = 3

# A term named in passing (« je travaille en ESMS et… », « faire valider par l'ARS »), in a
# text that asks nothing about words and says at least this many other things, is not the
# question: its meaning comes after the places that answer the rest.
ASIDE_WORDS = 2
ASIDE = 0.08

# The score of a place named by a word that only its phrases use (enough to ask).
OWN_WORD = 0.62

# The « none of these » answer of « Vous voulez parler de… ? ».
OTHER = "autre"
OTHER_PHRASES = ("autre chose", "autre", "aucun", "aucune", "aucun des deux", "non",
                 "rien de tout ca", "ni l un ni l autre", "pas ca", "pas du tout")
# Words that ask what a term means.
CUES = frozenset({"c est quoi", "veut dire", "qu est ce que", "qu est ce qu", "definition",
                  "signifie", "signification", "explique", "expliquer", "quoi un", "quoi une",
                  "quoi le", "quoi la", "quoi l", "quoi les", "le mot", "sens du mot", "ca veut"})
_CUES_PADDED = Grams.pad(CUES)
# Insults and hostility (folded spelling): answered calmly, never echoed.
HOSTILE = word_set("""
con conne connard connards connasse debile debiles idiot idiote stupide abruti abrutie
cretin cretine merde merdique putain pute salope enfoire encule fdp ntm nique niquer
bouffon bouffonne naze batard tg degage nul nuls
""")
HOSTILE_GRAMS = frozenset({"ta gueule", "ferme la", "va te faire", "casse toi", "sers a rien",
                           "servez a rien", "sert a rien", "servent a rien",
                           "de merde", "t es nul", "tu es nul", "c est nul", "trop nul",
                           "vous etes nuls", "t es con", "nul a chier"})
_HOSTILE_PADDED = tuple(f" {gram} " for gram in HOSTILE_GRAMS if 0 < gram.count(" ") < 4)
# Where one message asks two things: punctuation, or « et », « mais », « puis », « ou »
# followed by the start of a question or of a sentence (« … et comment je m'inscris »;
# « les familles et l'équipe » stays whole).
_CLAUSE_BREAK = re.compile(
    r"[?!.;:,]+|\s+(?:et|mais|puis|ou)\s+(?=(?:est|c|ça|ca|comment|combien|où|ou|qui|quand"
    r"|pourquoi|quel|quelle|quels|quelles|y|il|je|j|on|vous|faut|peut|qu|que|ce|ya)\b)",
    re.IGNORECASE)
# Words of someone who speaks of themself (« je suis maman », « on est parents »).
FIRST_PERSON = word_set("je j moi me m mon ma mes nous notre nos suis sommes on")
FIRST_PERSON_GRAMS = frozenset({"on est", "on a"})
SPOKEN_OF = word_set("un une le la l les des deux trois plusieurs certains certaines"
                     " quelques ce cette ces cet")
# Words of what one wants to do.
WANT = word_set("veux voudrais voulons voudrions souhaite souhaitons souhaiterais aimerais"
                " aimerions envie compte comptons")
# A clause alone is a request only when it is this sure (« il a 8 ans » is not one).
CLAUSE_SURE = 0.85
# Answers that say nothing of what the person wants: they give way to a request.
SOCIAL = frozenset({REPLY + "bonjour", REPLY + "merci"})
# A greeting or thanks typed first, with at most this many other words that count and that
# lead nowhere, is answered as a greeting or thanks.
SOCIAL_REST = 2
_STAGES = {"position": 0, "choix": 1, "commande": 2, "intention": 3, "glossaire": 4,
           "recherche": 5}


@dataclass(frozen=True, slots=True, init=False)
class Candidate:
    """A place the text may lead to. `key` says what to do, `place` where it leads."""

    key: str
    place: str
    score: float
    via: str

    def __init__(self, key: str, place: str, score: float, via: str) -> None:
        # A decision makes dozens: the slots set directly, as a frozen dataclass's own
        # __init__ does through object.__setattr__ at about three times the cost.
        _SET_KEY(self, key)
        _SET_PLACE(self, place)
        _SET_SCORE(self, score)
        _SET_VIA(self, via)


_SET_KEY, _SET_PLACE, _SET_SCORE, _SET_VIA = (
    vars(Candidate)[name].__set__ for name in ("key", "place", "score", "via"))


@dataclass(frozen=True)
class Decision:
    kind: Literal["go", "ask", "miss"]
    candidates: tuple[Candidate, ...] = ()
    hostile: bool = False

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True)
class Context:
    """Where the person types: the node, its available choices, and what the coach offers."""

    flow: str
    node: str
    choices: tuple[Choice, ...] = ()
    pending: tuple[str, ...] = ()
    persona: str | None = None


@dataclass(frozen=True)
class _Option:
    key: str
    place: str
    phrases: tuple[Phrase, ...]
    shown: bool = True


@dataclass
class _Board:
    """Candidates gathered from every source, one per key."""

    redirect: dict[str, str] = field(default_factory=dict)
    found: dict[str, Candidate] = field(default_factory=dict)

    def add(self, key: str, place: str, score: float, via: str) -> None:
        key = self.redirect.get(place, key) if key == place else key
        current = self.found.get(key)
        if current is None:
            self.found[key] = Candidate(key, current_place(key, place), score, via)
        elif score > current.score:
            self.found[key] = Candidate(key, current.place, score, current.via)

    def agree(self, key: str, place: str, score: float) -> None:
        """A search result: it confirms a candidate, or stands as a weak one of its own."""
        key = self.redirect.get(place, key)
        current = self.found.get(key)
        if current is None:
            self.found[key] = Candidate(key, place, score, "recherche")
            return
        bonus = AGREEMENT if min(score, current.score) >= AGREEMENT_FLOOR else 0.0
        self.found[key] = Candidate(key, current.place, max(score, current.score) + bonus,
                                    current.via)

    def ranked(self) -> list[Candidate]:
        return sorted(self.found.values(), key=lambda c: (-c.score, _STAGES[c.via], c.key))


@cache
def common_words() -> frozenset[str]:
    """Everyday French words (folded), built once from wordfreq's list: no typed word is
    ever looked up there (its look-up function caches what it is asked)."""
    least = 10 ** (COMMON_ZIPF - 9)
    return frozenset(fold(word) for word, frequency in get_frequency_dict("fr").items()
                     if frequency >= least)


def current_place(key: str, place: str) -> str:
    return place if key.startswith(CHOICE) else key if key != OTHER else OTHER


class Understanding:
    """The understanding index of one content, built once at start-up."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.places = PlaceBook(content)
        self.lexicon = Lexicon(_all_texts(content), keep=HOSTILE)
        lexicon = self.lexicon
        commands: dict[str, list[Phrase]] = {
            c.id: [lexicon.phrase(t) for t in (c.label, c.label_falc, c.id, *c.synonyms)]
            for c in content.commands.values()}
        for typed in TYPED_COMMANDS:
            commands.setdefault(typed, [])
        intents: list[tuple[str, Phrase]] = []
        node_places = set(self.places.nodes)
        for flow in content.flows.values():
            for node in flow.nodes.values():
                place = node_place(flow.id, node.id)
                if place not in node_places:
                    continue
                texts = [*node.topics, node.title, node.title_falc]
                if node.id == flow.header.start:
                    texts += [flow.header.title, flow.header.title_falc]
                intents += [(place, lexicon.phrase(t)) for t in texts if t]
        for entry in content.intents:
            intent = entry.intention
            if intent.target.startswith(COMMAND):
                commands[intent.target[len(COMMAND):]] += [lexicon.phrase(t)
                                                           for t in intent.phrases]
            else:
                intents += [(intent.target, lexicon.phrase(t)) for t in intent.phrases]
        command_norms = {p.norm for phrases in commands.values() for p in phrases}
        borrowed = [item for item in self._choice_phrases(node_places)
                    if item[1].norm not in command_norms]
        self._terms: dict[str, str] = {}  # a glossary phrase, in the shared spelling → term
        for item in content.glossary:
            intents += [(GLOSSARY + item.term, lexicon.phrase(t))
                        for t in (item.term, *item.synonyms)]
            for text in (item.term, *item.synonyms):
                norm = lexicon.phrase(text).norm
                if norm and norm not in CUES:
                    self._terms.setdefault(norm, item.term)
        # A place whose own phrases ask what a term means (« c'est quoi une cop ») explains
        # the term: the two are one answer (see `_one_answer`).
        term_stems = {lexicon.phrase(t).stems: GLOSSARY + item.term
                      for item in content.glossary for t in (item.term, *item.synonyms)}
        self._explains: dict[str, str] = {}
        for place, phrase in intents:
            term = term_stems.get(phrase.stems)
            if (term is not None and not place.startswith(GLOSSARY)
                    and Grams(phrase.norm).any_padded(_CUES_PADDED)):
                self._explains.setdefault(term, place)
        self._menu_flow = content.menu[0]
        # The one-word greetings and thanks (« bonjour », « merci »), typed first.
        self._social_words = {phrase.norm: intent.target for entry in content.intents
                              if (intent := entry.intention).target in SOCIAL
                              for phrase in map(lexicon.phrase, intent.phrases)
                              if phrase.norm and " " not in phrase.norm}
        self._social_stems = frozenset(lexicon.stem_of(w) for w in self._social_words)
        self._starts = frozenset(node_place(f.id, f.header.start) for f in content.flows.values())
        documents: dict[str, frozenset[str]] = {}
        for place, phrase in [*intents, *borrowed]:
            documents[place] = documents.get(place, frozenset()) | phrase.stems
        lexicon.weigh(documents.values())
        self._common = common_words()
        self._known = frozenset(lexicon.stems.values())
        # The topics and intentions of places, and the labels of choices elsewhere that lead
        # to them (scored apart, in one pass).
        self.phrases = PhraseSet(lexicon, [intents, borrowed])
        self.commands = [_Option(COMMAND + cid, COMMAND + cid, tuple(phrases))
                         for cid, phrases in commands.items() if phrases]
        self._command_exact = {p.norm: option for option in self.commands
                               for p in option.phrases}
        self._command_index = OptionIndex(lexicon, [(o.key, o.phrases) for o in self.commands])
        self.search = SearchIndex(content, [*self.places.nodes, *(
            GLOSSARY + g.term for g in content.glossary)], lexicon)
        # The stems that can speak for each place: its phrases, its texts, a command's words.
        support: dict[str, set[str]] = {place: set(stems) for place, stems in documents.items()}
        for word_stem, postings in self.search.postings.items():
            for place, _score in postings:
                support.setdefault(place, set()).add(word_stem)
        for option in self.commands:
            support.setdefault(option.key, set()).update(
                s for phrase in option.phrases for s in phrase.stems)
        self._support = {place: frozenset(stems) for place, stems in support.items()}
        self._phrase_stems = documents  # the stems of each place's own and borrowed phrases
        # The words that only one place's phrases use (« domine »: the tensions).
        subject = {lexicon.stem_of(w) for w in SUBJECT_WORDS}
        users: dict[str, list[str]] = {}
        for place, stems in documents.items():
            for word_stem in stems:
                users.setdefault(word_stem, []).append(place)
        self._owned = {word_stem: places[0] for word_stem, places in users.items()
                       if len(places) == 1 and word_stem not in subject}
        self._node_options = {
            (flow.id, node.id): {c.id: _Option(
                CHOICE + c.id, node_place(*content.resolve(flow.id, c.target)),
                tuple(lexicon.phrase(t) for t in (c.label, c.label_falc, c.id.replace("-", " "),
                                                  *c.synonyms) if t))
                for c in node.choices}
            for flow, node in content.iter_nodes()}
        self._choice_index = {ref: OptionIndex(lexicon, [(o.key, o.phrases)
                                                         for o in by_id.values()])
                              for ref, by_id in self._node_options.items()}
        self._label_phrases: dict[str, tuple[Phrase, ...]] = {}
        answers = [e.intention.target for e in content.intents
                   if e.intention.target.startswith((REPLY, COMMAND))]
        for place in [*self.places.nodes, *(GLOSSARY + g.term for g in content.glossary),
                      *(COMMAND + c for c in content.commands), *answers]:
            labels = self.places.labels(place)
            if labels:
                self._label_phrases[place] = (lexicon.phrase(labels.text),
                                              lexicon.phrase(labels.falc))
        other = self.places.other
        self._other = _Option(OTHER, OTHER, tuple(lexicon.phrase(t) for t in (
            other.text, other.falc, *OTHER_PHRASES)))
        self._other_index = OptionIndex(lexicon, [(OTHER, self._other.phrases)])
        self._term_stems = {norm: lexicon.phrase(norm).stems for norm in self._terms}
        self._terms_by_word: dict[str, list[tuple[str, str]]] = {}
        for norm, term in self._terms.items():
            self._terms_by_word.setdefault(norm.split(" ", 1)[0], []).append((norm, term))
        self._subject = frozenset(lexicon.stem_of(w) for w in SUBJECT_WORDS)
        self._profiles = frozenset(e.intention.target for e in content.intents
                                   if e.intention.kind == "profil")
        self._persona_flows: dict[str, set[str]] = {}
        for flow in content.flows.values():
            if flow.header.persona:
                self._persona_flows.setdefault(flow.header.persona, set()).add(flow.id)
        self._persona_flows.setdefault("personne", set()).update(
            self._persona_flows.get("famille", set()))
        self._persona_flow_ids = frozenset(f for flows in self._persona_flows.values()
                                           for f in flows)

    def _choice_phrases(self, node_places: set[str]) -> list[tuple[str, Phrase]]:
        """Labels and synonyms of the choices, for the place they lead to, unless generic.

        A choice leading to a node that is not a place (a quiz answer, « juste lire ») speaks
        for the place where it is offered: typed from anywhere, it leads there.
        """
        targets: dict[str, set[str]] = {}
        found: list[tuple[str, Phrase]] = []
        menu = node_place(*self.content.menu)  # the command « menu » goes there
        owner = attribute(self.content, node_places)
        for flow, node in self.content.iter_nodes():
            here = node_place(flow.id, node.id)
            for choice in node.choices:
                place = node_place(*self.content.resolve(flow.id, choice.target))
                if place not in node_places:
                    place = here if here in node_places else owner.get(here, "")
                for text in (choice.label, choice.label_falc, *choice.synonyms):
                    phrase = self.lexicon.phrase(text)
                    targets.setdefault(phrase.norm, set()).add(place)
                    if place in node_places and place != menu:
                        found.append((place, phrase))
        return [(place, phrase) for place, phrase in found
                if len(targets[phrase.norm]) < GENERIC_TARGETS]

    # -- the options shown at this step ---------------------------------------------------
    def options(self, context: Context) -> list[_Option]:
        """The numbered answers on screen first, then (behind an ask) the node's own choices."""
        by_id = self._node_options.get((context.flow, context.node), {})
        choices = [by_id[c.id] for c in context.choices if c.id in by_id]
        if not context.pending:
            return choices
        shown = []
        for place in context.pending:
            if place.startswith(CHOICE):
                option = by_id.get(place[len(CHOICE):])
                if option is not None:
                    shown.append(option)
            else:
                shown.append(_Option(place, place, self._label_phrases.get(place, ())))
        hidden = [_Option(o.key, o.place, o.phrases, shown=False) for o in choices]
        return [*shown, self._other, *hidden]

    # -- the decision ----------------------------------------------------------------------
    def decide(self, text: str, context: Context) -> Decision:
        query = self.lexicon.query(text)
        decision = self._decide(query, context)
        best = decision.best
        if decision.kind == "miss" and not decision.hostile and query.tokens:
            # « bonjour à toute l'équipe », « merci à vous tous »: a short greeting or thanks
            # whose other words lead nowhere is a greeting or thanks.
            social = self._social_words.get(query.tokens[0])
            if social is not None and len(query.stems - self._social_stems) <= SOCIAL_REST:
                return Decision("go", (Candidate(social, social, EXACT_SCORE, "intention"),))
        clauses = [c for c in _CLAUSE_BREAK.split(text) if c and not c.isspace()]
        if len(clauses) < 2:
            return decision
        if (decision.kind == "go" and best is not None and best.place.startswith(GLOSSARY)
                and TERMS in best.place):
            # « je travaille en ESMS, c'est quoi le RGPD ? »: the terms asked about are those
            # of the clause that asks what they mean.
            for clause in clauses:
                query = self.lexicon.query(clause)
                if query.grams.any_padded(_CUES_PADDED):
                    asked = self._decide(query, context, search=False)
                    if asked.kind == "go" and asked.best is not None and (
                            asked.best.place.startswith(GLOSSARY)):
                        return asked
            return decision
        if (decision.kind == "go" and best is not None and best.place not in SOCIAL
                and best.place not in self._profiles):
            # Two requests, the whole text going to the second: the first is answered
            # (« comment s'inscrire et c'est payant ? »), when it alone is sure.
            first = self._first_request(clauses[0], context)
            if first is not None and first.place != best.place:
                return Decision("go", tuple(_distinct([first, *decision.candidates]))[:MAX_ASK])
            return decision
        return self._by_clauses(clauses, context) or decision

    def _first_request(self, clause: str, context: Context) -> Candidate | None:
        query = self.lexicon.query(clause)
        if not query.stems:
            return None
        decision = self._decide(query, context, search=False)
        best = decision.best
        if (decision.kind == "go" and best is not None and best.score >= CLAUSE_SURE
                and best.place not in SOCIAL and best.place not in self._profiles):
            return best
        return None

    def _by_clauses(self, clauses: list[str], context: Context) -> Decision | None:
        """Two requests in one message, each clause read alone.

        A clause understood for sure (CLAUSE_SURE) that asks something wins, the first one
        first. Who one is and greetings or thanks give way: the rest of the message is read
        without them (with the persona said), and they win only when the rest says nothing.
        """
        # A clause alone counts only when it goes somewhere for sure: the search, which
        # never makes the coach go on its own, is left out (a third of a decision's time).
        decided = [(clause, self._decide(query, context, search=False))
                   for clause in clauses if (query := self.lexicon.query(clause)).stems]
        sure = [d.best for _c, d in decided if d.kind == "go" and d.best is not None]
        said = [c for c in sure if c.place in SOCIAL or c.place in self._profiles]
        persona = next((self.places.sets.get(c.place, {}).get("persona") for c in said
                        if c.place in self._profiles), None)
        there = replace(context, persona=str(persona)) if persona is not None else context
        if there is not context:  # the other clauses read as this person's (« je suis
            # orthophoniste, comment on rejoint une cop ? »: the professionals' way in)
            # A clause of one word that counts stays as read alone (see the vague rest below).
            again = []
            for clause, d in decided:
                query = self.lexicon.query(clause)
                if d.best not in said and len(query.stems) > 1:
                    d = self._decide(query, there, search=False)
                again.append((clause, d))
            decided = again
            sure = [d.best for _c, d in decided if d.kind == "go" and d.best is not None]
        asked = [c for c in sure if c.place not in SOCIAL and c.place not in self._profiles
                 and c.score >= CLAUSE_SURE]
        if asked:
            return Decision("go", tuple(_distinct(asked))[:MAX_ASK])
        if not said:
            return None
        rest = " ".join(clause for clause, d in decided
                        if not (d.kind == "go" and d.best is not None and d.best in said))
        query = self.lexicon.query(rest)
        if query.stems:
            decision = self._decide(query, there)
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
        wanted = {id(d.best) for clause, d in decided
                  if WANT.intersection(self.lexicon.query(clause).tokens)}
        said.sort(key=lambda c: (c.place in SOCIAL, id(c) not in wanted))
        return Decision("go", tuple(_distinct(said))[:MAX_ASK])

    def _decide(self, query: Query, context: Context, search: bool = True) -> Decision:
        if not query.tokens:
            return Decision("miss")
        options = self.options(context)
        shown = [o for o in options if o.shown]
        position = ordinal(query.tokens, len(shown))
        if position is not None:
            option = shown[position]
            return Decision("go", (Candidate(option.key, option.place, 1.0, "position"),))
        index = None if context.pending else self._choice_index.get((context.flow, context.node))
        if index is not None:
            said = set(index.exact.get(query.norm, ()))
            exact = [o for o in options if o.key in said]
        else:
            exact = [o for o in options if any(p.norm == query.norm for p in o.phrases)]
        if exact and len({o.place for o in exact}) == 1:
            option = exact[0]
            return Decision("go", (Candidate(option.key, option.place, 1.0, "choix"),))
        command = self._command_exact.get(query.norm)
        if command is not None and not exact:
            return Decision("go", (Candidate(command.key, command.key, 1.0, "commande"),))
        cue = query.grams.any_padded(_CUES_PADDED)
        terms = (self._several_terms(query, cue) or self._one_term(query, cue)
                 if not exact else None)
        if terms is not None:
            return Decision("go", (Candidate(terms, terms, 1.0, "glossaire"),))
        board = _Board()
        targets: dict[str, list[str]] = {}
        for option in options:
            if option.key.startswith(CHOICE):
                targets.setdefault(option.place, []).append(option.key)
        board.redirect = {place: keys[0] for place, keys in targets.items() if len(keys) == 1}
        if index is not None:
            option_scores = index.scores(query)
        else:  # places offered a moment ago, « autre », the node's choices behind them
            option_scores = self._offered_scores(query, context, options)
        for option in options:
            score = option_scores.get(option.key, 0.0)
            if score > 0:
                board.add(option.key, option.place, score + OPTION_PRIOR, "choix")
        command_scores = self._command_index.scores(query)
        for option in self.commands:
            score = command_scores.get(option.key, 0.0)
            if score >= COMMAND_MIN:
                board.add(option.key, option.key, score + COMMAND_PRIOR, "commande")
        own, borrowed = self.phrases.scores(query)
        found = {place: BORROWED * score for place, score in borrowed.items()}
        for place, score in own.items():
            found[place] = max(score, found.get(place, 0.0))
        here = node_place(context.flow, context.node)  # where the person already is
        found.pop(here, None)
        for place, score in found.items():
            prior = self._prior(place, context, cue, score)
            via = "glossaire" if place.startswith(GLOSSARY) else "intention"
            if place in board.redirect:
                prior = max(prior, OPTION_PRIOR)
            board.add(place, place, score + prior, via)
        earlier = max((c.score for c in board.found.values()), default=0.0)
        for place, score in (self.search.scores(query, SEARCH_FLOOR) if search else {}).items():
            if place == here:
                continue
            score += self._prior(place, context, cue, score)
            if earlier >= ASK_MIN and board.redirect.get(place, place) not in board.found:
                score = min(score, earlier - SEARCH_BEHIND)  # search comes last, as in the order
            board.agree(place, place, score)
        self._own_words(board, query, context)
        if not cue:
            self._terms_in_passing(board, query)
        self._one_answer(board, context)
        self._inside_journeys(board)
        self._profile_yields(board, query)
        self._everyday_only(board, query)
        ranked = board.ranked()
        decision = self._verdict(ranked, False)
        best = decision.best
        if (decision.kind == "go" and best is not None and best.score < GO
                and best.via in ("intention", "recherche") and len(query.stems) > 2
                and len(query.stems & self._found_by(best)) < 2):
            # Far ahead but below GO, found by one word of several: not clear enough to go
            # (« mes infos médicales restent privées » is not about « informations »).
            return self._own_first(Decision("ask", tuple(_distinct(
                [c for c in ranked if c.key != OTHER and c.score >= ASK_MIN]))[:MAX_ASK]),
                context)
        if decision.kind == "go" or not self._hostile(query):
            # the hostility check runs only when it can change the answer
            return self._own_first(decision, context)
        return self._verdict(ranked, True)

    def _own_first(self, decision: Decision, context: Context) -> Decision:
        """« Vous voulez parler de… ? » asked of someone whose persona is known: another
        person's journey comes after the others (a parent who « ne sait pas quoi dire en
        réunion » sees the families' places before the coordinators' game)."""
        if decision.kind != "ask" or not context.persona or len(decision.candidates) < 2:
            return decision
        own = self._persona_flows.get(context.persona)
        if not own:
            return decision
        others = self._persona_flow_ids - own

        def elsewhere(candidate: Candidate) -> bool:
            return candidate.place.split(":", 1)[0] in others

        if not elsewhere(decision.candidates[0]):
            return decision
        return replace(decision, candidates=tuple(sorted(decision.candidates, key=elsewhere)))

    def _offered_scores(self, query: Query, context: Context,
                        options: list[_Option]) -> dict[str, float]:
        """The options of « Vous voulez parler de… ? »: the node's choices and « autre »
        through their indexes (built once), the few places offered one by one."""
        node_index = self._choice_index.get((context.flow, context.node))
        if node_index is None:
            return {o.key: score_phrases(query, o.phrases, self.lexicon) for o in options}
        scores = node_index.scores(query)
        scores.update(self._other_index.scores(query))
        for option in options:
            if option.key != OTHER and not option.key.startswith(CHOICE):
                scores[option.key] = score_phrases(query, option.phrases, self.lexicon)
        return scores

    def _profile_yields(self, board: _Board, query: Query) -> None:
        """Who one is gives way to what one asks in the same journey, when both are in the
        text and who one is does not say it all (« je suis maman, c'est confidentiel ? »).
        Someone spoken of (« une maman crie en réunion », « les pros n'écoutent pas les
        parents », « c'est payant pour les personnes handicapées ? ») is not who one is: a
        sentence with no « je », « mon », « nous », « on »… that does not start with who one
        is says more than a person; the places of a person give way to every other place
        (« maman d'un garçon épileptique », « orthophoniste en libéral » are who one is)."""
        if (len(query.stems) > 1
                and not (FIRST_PERSON.intersection(query.tokens)
                         or query.grams.any_of(FIRST_PERSON_GRAMS))):
            # The person spoken of still says whom the question is for (« ça apporte quoi
            # pour un professionnel »): that journey's places come first.
            self._said_persona(board)
            first = next((self.lexicon.stem_of(t) for t in query.tokens if is_content(t)), "")
            for key, candidate in list(board.found.items()):
                if (candidate.place in self._profiles
                        and (query.tokens[0] in SPOKEN_OF
                             or first not in self._phrase_stems.get(candidate.place, ()))):
                    board.found[key] = Candidate(candidate.key, candidate.place,
                                                 candidate.score - PROFILE_YIELD, candidate.via)
            return
        flows: dict[str, float] = {}  # the best topic of each journey
        for c in board.found.values():
            if (c.score >= TOPIC_MIN and c.via in ("intention", "choix")
                    and c.place not in self._profiles):
                flow = c.place.split(":", 1)[0]
                flows[flow] = max(flows.get(flow, 0.0), c.score)
        self._said_persona(board)
        if not flows:
            return
        for key, candidate in list(board.found.items()):
            # A topic weaker than who one is found only the words of who one is (« je suis
            # la maman de… » also finds « juste une maman »): it is not a question.
            if (candidate.place in self._profiles and candidate.via in ("intention", "choix")
                    and candidate.score < GO + OPTION_PRIOR
                    and flows.get(candidate.place.split(":", 1)[0], 0.0)
                    >= candidate.score - TOPIC_BEHIND):
                board.found[key] = Candidate(candidate.key, candidate.place,
                                             candidate.score - PROFILE_YIELD, candidate.via)

    def _inside_journeys(self, board: _Board) -> None:
        """A choice that starts a journey (« Les outils ») is broad: a place inside that
        journey found about as well (« un modèle de charte » : the charter tool) is what was
        asked, and the choice loses its advantage over it."""
        starts = [(key, c) for key, c in board.found.items()
                  if c.place in self._starts and key.startswith(CHOICE)]
        if not starts:
            return
        inside: dict[str, float] = {}  # journey → its best place found (other than its start)
        for candidate in board.found.values():
            if not candidate.key.startswith(CHOICE):
                flow = candidate.place.split(":", 1)[0]
                if candidate.score > inside.get(flow, 0.0):
                    inside[flow] = candidate.score
        for key, candidate in starts:
            flow = candidate.place.split(":", 1)[0]
            if inside.get(flow, 0.0) >= candidate.score - OPTION_PRIOR:
                board.found[key] = replace(candidate, score=candidate.score - OPTION_PRIOR
                                           - SEARCH_BEHIND)

    def _said_persona(self, board: _Board) -> None:
        """« maman » says: the families' places first."""
        said = {c.place.split(":", 1)[0] for c in board.found.values()
                if c.place in self._profiles and c.score >= ASK_MIN}
        for key, candidate in list(board.found.items()):
            if candidate.place not in self._profiles and candidate.place.split(":", 1)[0] in said:
                board.found[key] = replace(candidate, score=candidate.score + SAID_PERSONA)

    def _own_words(self, board: _Board, query: Query, context: Context) -> None:
        """A word that only one place's phrases use points to that place: enough to be
        offered (« un membre domine tout le monde »), never to go on its own."""
        owned = [self._owned[s] for s in query.stems if s in self._owned]
        if not owned:
            return
        # Only a word of the module, not an everyday one (« journée », « équipe »).
        stem_of = self.lexicon.stem_of
        rare = {stem_of(t) for t in query.tokens if t not in self._common and is_content(t)}
        here = node_place(context.flow, context.node)
        for word_stem in query.stems & rare:
            place = self._owned.get(word_stem)
            if place is None or place == here:
                continue
            key = board.redirect.get(place, place)
            current = board.found.get(key)
            if current is None or current.score < OWN_WORD:
                via = "glossaire" if place.startswith(GLOSSARY) else "intention"
                board.found[key] = Candidate(key, current_place(key, place), OWN_WORD,
                                             current.via if current else via)

    def _terms_in_passing(self, board: _Board, query: Query) -> None:
        """A glossary term in a text that says more and does not ask what it means gives way
        to the places found by the rest (it stays, behind them)."""
        for key, candidate in list(board.found.items()):
            if not candidate.place.startswith(GLOSSARY) or candidate.score >= EXACT_SCORE:
                continue
            rest = query.stems - self._phrase_stems.get(candidate.place, frozenset())
            if len(rest - self._subject) >= ASIDE_WORDS:
                board.found[key] = replace(candidate, score=candidate.score - ASIDE)

    def _one_answer(self, board: _Board, context: Context) -> None:
        """A term and the journey that explains it are one answer, not two to choose from:
        the journey from the menu, the term's meaning inside another journey (a definition
        does not take the person away from where they are)."""
        for term, place in self._explains.items():
            if term not in board.found:  # a term's key is its place (never a choice)
                continue
            found = {c.place: key for key, c in board.found.items()}
            if term not in found or place not in found:
                continue
            keep, drop = (place, term) if context.flow == self._menu_flow else (term, place)
            kept, dropped = board.found[found[keep]], board.found.pop(found[drop])
            board.found[found[keep]] = replace(kept, score=max(kept.score, dropped.score))

    def _found_by(self, candidate: Candidate) -> frozenset[str]:
        """The stems that can have found a candidate: its phrases', or for a search
        result, its texts' too."""
        if candidate.via == "recherche":
            return self._support.get(candidate.place, frozenset())
        return self._phrase_stems.get(candidate.place, frozenset())

    def _everyday_only(self, board: _Board, query: Query) -> None:
        """A place found by one everyday word of a sentence that also speaks of things the
        content never names stays below ASK_MIN: a miss, its place kept as a weak guess."""
        if len(query.tokens) < SUPPORT_TOKENS or query.stems <= self._known:
            return
        real, stem_of = self.lexicon.real, self.lexicon.stem_of
        if not any(t in real and is_content(t) and stem_of(t) not in self._known
                   for t in query.tokens):
            return  # words unknown here are typos or names, not another subject
        for key, candidate in list(board.found.items()):
            if (candidate.score < WEAK_MIN or candidate.score >= EXACT_SCORE
                    or key.startswith((CHOICE, COMMAND, REPLY)) or key == OTHER):
                continue  # an answer to the question asked, a command, a reply: as they are
            found = query.stems & self._support.get(candidate.place, frozenset())
            if len(found) != 1:
                continue
            words = [t for t in query.tokens if self.lexicon.stem_of(t) in found]
            if words and all(w in self._common for w in words):
                board.found[key] = replace(candidate, score=min(candidate.score,
                                                                ASK_MIN - 0.01))

    def _several_terms(self, query: Query, cue: bool) -> str | None:
        """« ARS MDPH c'est quoi »: two terms or more asked at once, answered in order.

        Only when the text asks what they mean (or is nothing but the terms): « travailler
        avec l'ARS et la MDPH » is a topic, not a question about words.
        """
        spans: dict[str, tuple[int, int]] = {}
        padded = f" {query.norm} "
        for gram, term in self._typed_terms(query):
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
            covered |= self.lexicon.phrase(padded[spans[term][0]:spans[term][1]]).stems
        if not cue and query.stems - covered:
            return None
        return GLOSSARY + TERMS.join(kept)

    def _typed_terms(self, query: Query) -> list[tuple[str, str]]:
        """The glossary phrases whose first word is typed (few of them: a dict look-up per
        word rather than a search for every phrase)."""
        return [item for word in set(query.tokens) for item in self._terms_by_word.get(word, ())]

    def _one_term(self, query: Query, cue: bool) -> str | None:
        """« c koi un handicap rare »: what a term means, and nothing else, even where a
        place speaks of it. Not the coach's own subject (« c'est quoi une cop » is the
        journey that explains it)."""
        if not cue or not query.stems or query.stems <= self._subject:
            return None
        for gram, term in self._typed_terms(query):
            if self._term_stems[gram] == query.stems and gram in query.grams:
                return GLOSSARY + term
        return None

    def _prior(self, place: str, context: Context, cue: bool, score: float) -> float:
        if place.startswith(GLOSSARY):
            return GLOSSARY_CUE_PRIOR if cue else GLOSSARY_EXACT_PRIOR if score >= 1.0 else 0.0
        flow = place.split(":", 1)[0]
        prior = FLOW_PRIOR if flow == context.flow else 0.0
        if score >= EXACT_SCORE:  # typed exactly as the content says it
            prior += INTENT_EXACT_PRIOR
        if context.persona:
            own = self._persona_flows.get(context.persona, ())
            if flow in own:
                prior += PERSONA_PRIOR
            elif own and flow in self._persona_flow_ids:  # another person's journey
                prior -= PERSONA_PRIOR
        return prior

    @staticmethod
    def _hostile(query: Query) -> bool:
        typed = query.typed
        if HOSTILE.intersection(typed):
            return True
        text = f" {' '.join(typed)} "  # runs of two to four typed words, looked up in place
        return any(gram in text for gram in _HOSTILE_PADDED)

    @staticmethod
    def _verdict(ranked: list[Candidate], hostile: bool) -> Decision:
        if not ranked:
            return Decision("miss", (), hostile)
        top = ranked[0]
        rival = next((c for c in ranked[1:] if c.place != top.place), None)
        if top.score >= GO and (rival is None or top.score - rival.score >= MARGIN):
            return Decision("go", tuple(ranked[:MAX_ASK]))
        if top.score >= CLEAR_MIN and (rival is None or top.score - rival.score >= CLEAR_MARGIN):
            return Decision("go", tuple(ranked[:MAX_ASK]))
        if hostile:
            return Decision("miss", (), True)
        plausible = _distinct([c for c in ranked if c.key != OTHER and c.score >= ASK_MIN
                               and c.score >= top.score - WINDOW])
        if plausible:
            return Decision("ask", tuple(plausible[:MAX_ASK]))
        weak = _distinct([c for c in ranked if c.key != OTHER and c.score >= WEAK_MIN])
        return Decision("miss", tuple(weak[:2]))


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per place (the best), in order."""
    seen: set[str] = set()
    kept = []
    for candidate in candidates:
        if candidate.place not in seen:
            seen.add(candidate.place)
            kept.append(candidate)
    return kept


def _all_texts(content: Content) -> list[str]:
    texts: list[str] = []
    for flow, node in content.iter_nodes():
        texts += [flow.header.title, flow.header.title_falc, *node.topics, node.title,
                  node.title_falc]
        for message in node.messages:
            texts += [message.text, message.falc]
        for choice in node.choices:
            texts += [choice.label, choice.label_falc, *choice.synonyms]
    for command in content.commands.values():
        texts += [command.label, command.label_falc, *command.synonyms]
    for item in content.glossary:
        texts += [item.term, item.text, item.falc, *item.synonyms]
    for entry in content.intents:
        texts += [*entry.intention.phrases, entry.intention.label, entry.intention.label_falc]
    return texts
