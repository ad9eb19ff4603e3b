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
The place the person is at is left out (the text leads elsewhere), except that a text not
understood that leads there is « about this step » (`HERE`: its message said again).

This module is the decision and the public names; the readers of one aspect of a message are
in `nlu`: `clauses` (two requests in one message), `persons` (who is speaking), `terms`
(glossary terms), `hostility`; the data they share in `candidates` and `thresholds`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from wordfreq import get_frequency_dict

from coach.content.model import Content
from coach.content.schema import TYPED_COMMANDS, Choice
from coach.engine.commands import FALC_QUESTION, NEXT_STEP, OPEN_DRAFT, SKIP_PART
from coach.engine.nlu.about import asks_what_the_coach_is
from coach.engine.nlu.answers import (
    CONTRAST_CUES,
    READ,
    Answers,
    Forms,
    StepChoice,
    contrasted,
)
from coach.engine.nlu.candidates import (
    OTHER,
    Board,
    Candidate,
    Context,
    Decision,
    current_place,
    distinct,
)
from coach.engine.nlu.clauses import SOCIAL, ClauseReader, split_clauses, typed_exactly
from coach.engine.nlu.difficulty import (
    after_difficulty,
    after_reading_difficulty,
    asks_what_it_means,
    asks_what_was_said,
    only_question_marks,
    without_simply,
)
from coach.engine.nlu.examples import ExampleModel
from coach.engine.nlu.farewell import Farewell
from coach.engine.nlu.french import SUBJECT_WORDS, fold, is_content, ordinal, stem
from coach.engine.nlu.hostility import HOSTILE, is_hostile
from coach.engine.nlu.lexicon import Lexicon, Phrase, Query, reading
from coach.engine.nlu.matching import OptionIndex, PhraseSet, score_phrases
from coach.engine.nlu.persons import FUNDER_YIELD, MONEY_SHARE, Persons, funds
from coach.engine.nlu.places import (
    CHOICE,
    COMMAND,
    GENERIC_TARGETS,
    GLOSSARY,
    HERE,
    REPLY,
    SIMPLIFY,
    PlaceBook,
    flow_of,
    node_place,
)
from coach.engine.nlu.search import SearchIndex, attribute
from coach.engine.nlu.second_opinion import (
    HERE_SURE,
    VIA,
    may_be_overruled,
    ordered,
    overruled,
    settled,
    short_miss,
    two_questions,
    weigh,
)
from coach.engine.nlu.teaching import model_for, phrases_taught
from coach.engine.nlu.terms import CUES_PADDED, Terms
from coach.engine.nlu.thresholds import (
    ASK_MIN,
    CLEAR_MARGIN,
    CLEAR_MIN,
    EXACT_SCORE,
    GO,
    MARGIN,
    MAX_ASK,
    OPTION_PRIOR,
    WEAK_MIN,
    WINDOW,
)
from coach.engine.skipping import skip_button

# The public names of the understanding, wherever they are defined.
__all__ = ["ASK_MIN", "COMMAND_PRIOR", "EXACT_SCORE", "GO", "MARGIN", "OPTION_PRIOR", "OTHER",
           "WEAK_MIN", "Candidate", "Context", "Decision", "Understanding"]

# « ok » typed alone (`dialogues/intentions.yaml`): heard, the conversation goes on.
ACKNOWLEDGE = REPLY + "ok"
STOP = COMMAND + "stop"
COMMAND_PRIOR = 0.03
# A command is clear or it is not: a word of it lost in a long sentence does not count.
COMMAND_MIN = 0.62
GLOSSARY_CUE_PRIOR = 0.06
GLOSSARY_EXACT_PRIOR = 0.06
# A place whose phrase is typed exactly (« merci ») is surer than one whose phrase only has
# the same words once function words are left out (« non merci, c'est tout »).
INTENT_EXACT_PRIOR = 0.05
# Labels and synonyms of choices elsewhere say less about a place than its own topics.
BORROWED = 0.93
FLOW_PRIOR = 0.05
PERSONA_PRIOR = 0.03
SEARCH_BEHIND = 0.01
# A search result this low, even with every prior, is below WEAK_MIN and below the score
# that can confirm a candidate: it changes no decision, so it is not scored further.
SEARCH_FLOOR = WEAK_MIN - FLOW_PRIOR - PERSONA_PRIOR

# A place found by one everyday word only, in a sentence that says more (« quel temps fait-il
# demain », « qui a gagné le match », « un plombier sur Lyon »), is not a request about the
# module: it neither goes nor asks. Everyday: at least this frequent in French (Zipf scale;
# « temps » 6.0, « gagner » 5.0, « région » 5.2; « charte » 4.5, « handicap » 4.1 are words of
# the module). A place typed exactly, or found by two words or by one word of the module, is.
COMMON_ZIPF = 4.3
# ... in a text of at least this many words (« temps » alone may ask).
SUPPORT_TOKENS = 3

# The score of a place named by a word that only its phrases use (enough to ask).
OWN_WORD = 0.62

# Words that only say to whom a greeting or thanks is said.
ADDRESS = frozenset({"coach", "robot", "bot", "chatbot", "monsieur", "madame", "mademoiselle",
                     "equipe", "monde", "bien", "beaucoup", "infiniment", "mille", "fois",
                     "encore", "toi", "vous", "tous", "toutes", "gens", "amis", "ami"})

# Bare answers to a question (« Non », « Vrai », « Ok on y va », « Je pense que non »): as
# the label or synonym of a choice they answer only the question where they are offered.
# Borrowed for the place the choice leads to, « non » typed at the welcome went to a quiz's
# answer on defensive routines, « ok » to two places. A choice phrase is bare when all its
# words that count are among these.
ANSWER_WORDS = ("oui", "non", "nan", "ouais", "ok", "okay", "accord", "vrai", "faux", "bof",
                "si", "merci", "pense", "crois", "sais", "pas", "sur", "exact", "exactement",
                "vraiment", "plutot", "peut", "etre", "tout", "fait", "bien", "jamais",
                "parfois", "souvent", "toujours", "rarement", "trop", "peu", "beaucoup",
                "moyen", "moyennement", "aucune", "idee", "deja", "encore")

# The « none of these » answer of « Vous voulez parler de… ? », besides its label.
OTHER_PHRASES = ("autre chose", "autre", "aucun", "aucune", "aucun des deux", "non",
                 "rien de tout ca", "ni l un ni l autre", "pas ca", "pas du tout")
# « Yes » to « Vous voulez parler de ce sujet ? » when it offers one place (besides « Autre
# chose »): that place; to several places, the coach asks which (normalised forms; « c ça »
# is read « c est sa »).
YES_TO_ONE = frozenset({
    "oui", "ouais", "ouai", "oe", "yes", "ok", "okay", "d accord", "oui oui", "oui merci",
    "oui s il vous plait", "oui s il te plait", "oui c est ca", "oui c est sa", "c est ca",
    "c est sa", "c est ca oui", "voila", "exact", "exactement", "tout a fait", "bien sur",
    "oui c est bien ca", "c est bien ca", "oui exactement", "oui voila", "oui c est ca merci"})
# « No » to « Voulez-vous revenir au texte standard ? »: keep easy-to-read.
NO_TO_QUESTION = frozenset({"non", "nan", "non merci", "non ca va", "non c est bien",
                            "non je garde", "non garder"})
# A greeting or thanks typed first, with at most this many other words that count and that
# lead nowhere, is answered as a greeting or thanks.
SOCIAL_REST = 2
# A command understood with at most this many words that count outside its own phrases
# (« afficher mon brouillon », « mettre en facile à lire ») is said plainly: at a step that
# asks for an answer in one's own words, it is the command, not the answer. More words
# (« que chaque famille ait un brouillon de projet ») make an answer that names it.
COMMAND_EXTRA_WORDS = 1


@dataclass(frozen=True)
class _Option:
    key: str
    place: str
    phrases: tuple[Phrase, ...]
    shown: bool = True


@cache
def common_words() -> frozenset[str]:
    """Everyday French words (folded), built once from wordfreq's list: no typed word is
    ever looked up there (its look-up function caches what it is asked)."""
    least = 10 ** (COMMON_ZIPF - 9)
    return frozenset(fold(word) for word, frequency in get_frequency_dict("fr").items()
                     if frequency >= least)


class Understanding:
    """The understanding index of one content, built once at start-up."""

    def __init__(self, content: Content) -> None:
        self.content = content
        # Where the choices are who one is and what one wants, not an answer to a step.
        self._menus = frozenset({content.menu, content.entry})
        # Words that only answer a question (« non », « aucune idée »): stems.
        self._answer_stems = frozenset(stem(word) for word in ANSWER_WORDS)
        self.places = PlaceBook(content)
        self._place_set = frozenset(self.places.nodes)
        # The stems of each message of a node, read when a text is about that node.
        self._message_stems: dict[tuple[str, str], tuple[frozenset[str], ...]] = {}
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
        # « ok », « d'accord » typed alone: only the whole message says it (`_acknowledged`).
        # Scored as phrases, these everyday words would pull « ok je veux trouver un
        # groupe » towards them.
        self._acknowledgements = frozenset(
            lexicon.phrase(t).norm for entry in content.intents
            if entry.intention.target == ACKNOWLEDGE for t in entry.intention.phrases)
        for entry in content.intents:
            intent = entry.intention
            if intent.target == ACKNOWLEDGE:
                continue
            if intent.target.startswith(COMMAND):
                commands[intent.target[len(COMMAND):]] += [lexicon.phrase(t)
                                                           for t in intent.phrases]
            else:
                intents += [(intent.target, lexicon.phrase(t)) for t in intent.phrases]
        command_norms = {p.norm for phrases in commands.values() for p in phrases}
        borrowed = [item for item in self._choice_phrases(node_places)
                    if item[1].norm not in command_norms]
        for item in content.glossary:
            intents += [(GLOSSARY + item.term, lexicon.phrase(t))
                        for t in (item.term, *item.synonyms)]
        # The one-word greetings and thanks (« bonjour », « merci »), typed first.
        self._social_words = {phrase.norm: intent.target for entry in content.intents
                              if (intent := entry.intention).target in SOCIAL
                              for phrase in map(lexicon.phrase, intent.phrases)
                              if phrase.norm and " " not in phrase.norm}
        self._social_stems = frozenset(lexicon.stem_of(w) for w in self._social_words)
        # Thanks and goodbye together, nothing else (« merci au revoir »): the `stop`.
        self._farewell = Farewell(
            (lexicon.phrase(t).norm for entry in content.intents
             if entry.intention.target in (REPLY + "merci", ACKNOWLEDGE)
             for t in entry.intention.phrases),
            (p.norm for p in commands.get("stop", ())))
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
        # A command that opens a place (« mon brouillon »: the draft's summary) leads there:
        # typed where a choice of the step leads to it too, it is that choice.
        summary = content.draft_summary
        opens = {OPEN_DRAFT: node_place(*summary)} if summary is not None else {}
        self.commands = [_Option(COMMAND + cid, opens.get(cid, COMMAND + cid), tuple(phrases))
                         for cid, phrases in commands.items() if phrases]
        self._command_exact = {p.norm: option for option in self.commands
                               for p in option.phrases}
        # Every way of saying « go on » (`go_on:`), typed as the whole message, is also
        # « suivant » where no « Continuer » button takes it (the menu, a step of several
        # ways): the step's one clear way on, or « choose one » (coach.engine.skipping),
        # never another subject. Whole messages only: inside a sentence « suite » or
        # « après » say nothing of the kind. Those that agree (« ok », « oui vas-y »,
        # « ça marche ») stay what they are: an acknowledgement, the « oui » of a step.
        agreeing = {lexicon.phrase(t).norm.split()[0]
                    for t in content.common.step_answers.agreement}
        ahead = next((o for o in self.commands if o.key == COMMAND + NEXT_STEP), None)
        for phrase in map(lexicon.phrase, content.common.go_on):
            if (ahead is not None and phrase.norm and phrase.norm not in self._acknowledgements
                    and phrase.norm.split()[0] not in agreeing):
                self._command_exact.setdefault(phrase.norm, ahead)
        self._command_index = OptionIndex(lexicon, [(o.key, o.phrases) for o in self.commands])
        self.search = SearchIndex(content, [*self.places.nodes, *(
            GLOSSARY + g.term for g in content.glossary)], lexicon)
        # The stems that can speak for each place: its phrases, its texts, a command's words.
        support: dict[str, set[str]] = {place: set(stems) for place, stems in documents.items()}
        for word_stem, postings in self.search.postings.items():
            for number, _score in postings:
                support.setdefault(self.search.places[number], set()).add(word_stem)
        for option in self.commands:
            support.setdefault(option.key, set()).update(
                s for phrase in option.phrases for s in phrase.stems)
        self._support = {place: frozenset(stems) for place, stems in support.items()}
        self._phrase_stems = documents  # the stems of each place's own and borrowed phrases
        # The words that only one place's phrases use (« domine »: the tensions).
        self._subject = frozenset(lexicon.stem_of(w) for w in SUBJECT_WORDS)
        users: dict[str, list[str]] = {}
        for place, stems in documents.items():
            for word_stem in stems:
                users.setdefault(word_stem, []).append(place)
        self._owned = {word_stem: places[0] for word_stem, places in users.items()
                       if len(places) == 1 and word_stem not in self._subject}
        go_on = tuple(content.common.go_on)
        self._node_options = {
            (flow.id, node.id): {c.id: _Option(
                CHOICE + c.id, node_place(*content.resolve(flow.id, c.target)),
                tuple(lexicon.phrase(t) for t in (c.label, c.label_falc, c.id.replace("-", " "),
                                                  *c.synonyms, *(go_on if c.goes_on else ()))
                      if t))
                for c in node.choices}
            for flow, node in content.iter_nodes()}
        self.answers = Answers(lexicon, {
            (flow.id, node.id): self._step_choices(node.choices, self._node_options[
                flow.id, node.id]) for flow, node in content.iter_nodes()}, self._answer_stems,
            Forms.of(content.common.step_answers))
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
        self.terms = Terms(content, lexicon, intents, self._subject)
        self.persons = Persons(content, lexicon, documents)
        # For each persona, the places saying who one is of the other personas (`_likely`).
        self._profiles = frozenset(self.persons.profiles)
        profile_of = {place: self.places.sets.get(place, {}).get("persona")
                      for place in self._profiles}
        self._other_profiles = {
            str(persona): frozenset(p for p, of in profile_of.items() if of != persona)
            for persona in profile_of.values() if persona is not None}
        # The places about money lacking: most of their phrases say money (« pas d'argent »).
        money = lexicon.stem_of("argent")
        phrases_of = Counter(place for place, _phrase in intents)
        saying_money = Counter(place for place, phrase in intents if money in phrase.stems)
        self._money = frozenset(place for place, count in saying_money.items()
                                if count > MONEY_SHARE * phrases_of[place])
        # For a persona, the place that answers instead of another (an intention's
        # `for_persona`). And, as the examples' model does not know who is typing: for a
        # person of another persona, a persona's own version of a place (a `for_persona`
        # leading into that persona's journey: « rejoindre une communauté » → the
        # professionals' way in) reads as the place itself (the families' first step).
        self._for_persona: dict[str, dict[str, str]] = {}
        self._versions: dict[str, tuple[str, str]] = {}
        # For a persona, the places whose own version the model learned (the reverse of
        # `_versions`): the rules' place reads as that version when the model weighs in.
        self._own_versions: dict[str, dict[str, str]] = {}
        for entry in content.intents:
            for persona, instead in entry.intention.for_persona.items():
                self._for_persona.setdefault(persona, {})[entry.intention.target] = instead
                journey = content.flows.get(flow_of(instead))
                if journey is not None and journey.header.persona == persona:
                    self._versions[instead] = (persona, entry.intention.target)
                    self._own_versions.setdefault(persona, {})[
                        entry.intention.target] = instead
        self._swapped = frozenset(place for by in self._for_persona.values() for place in by)
        self.clauses = ClauseReader(self._decide, lexicon, self.persons.profiles,
                                    self.places.sets, self._offered_places)
        self._phrases_taught = phrases_taught(content, intents)
        self.examples = self.examples_without("")

    def _choice_phrases(self, node_places: set[str]) -> list[tuple[str, Phrase]]:
        """Labels and synonyms of the choices, for the place they lead to, unless generic.

        A choice leading to a node that is not a place (a quiz answer, « juste lire ») speaks
        for the place where it is offered: typed from anywhere, it leads there; unless it
        records an answer (`set`: « Surtout des professionnels », « Une CoP durable »), which
        is what the person chose, not a name of that place.
        """
        targets: dict[str, set[str]] = {}
        found: list[tuple[str, Phrase]] = []
        menu = node_place(*self.content.menu)  # the command « menu » goes there
        owner = attribute(self.content, node_places)
        for flow, node in self.content.iter_nodes():
            here = node_place(flow.id, node.id)
            for choice in node.choices:
                if choice.command:
                    continue  # « Où en suis-je ? » names the command, not this place
                place = node_place(*self.content.resolve(flow.id, choice.target))
                if place not in node_places:
                    if choice.set:
                        continue  # an answer recorded (« Surtout des professionnels »)
                    place = here if here in node_places else owner.get(here, "")
                for text in (choice.label, choice.label_falc, *choice.synonyms):
                    phrase = self.lexicon.phrase(text)
                    if phrase.stems <= self._answer_stems:
                        continue  # « non », « ok on y va »: answers the question here only
                    targets.setdefault(phrase.norm, set()).add(place)
                    if place in node_places and place != menu:
                        found.append((place, phrase))
        return [(place, phrase) for place, phrase in found
                if len(targets[phrase.norm]) < GENERIC_TARGETS]

    def examples_without(self, file: str) -> ExampleModel:
        """The examples' model learned without the examples of `file` (a cross-validation:
        how it does on sentences it never saw); with "", from all of them."""
        return model_for(self.content, self.lexicon, self._phrases_taught, file,
                         lambda place: self.places.labels(place) is not None)

    def _step_choices(self, choices: Sequence[Choice], options: Mapping[str, _Option]
                      ) -> list[StepChoice]:
        """A step's choices as the answers' reader sees them (`coach.engine.nlu.answers`)."""
        return [StepChoice(CHOICE + c.id, options[c.id].place, c.label, options[c.id].phrases,
                           c.goes_on, options[c.id].place in self._starts,
                           c.label.rstrip().endswith("?") or c.label_falc.rstrip().endswith("?"))
                for c in choices]

    def _offered_places(self, context: Context) -> frozenset[str]:
        """The places the choices on screen lead to."""
        return frozenset(o.place for o in self.options(context) if o.shown)

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
    def says_yes(self, text: str) -> bool:
        """Whether this text only says yes (« oui », « ouais », « c’est ça »)."""
        return self.lexicon.query(text).norm in YES_TO_ONE

    def names_command(self, text: str, decision: Decision) -> bool:
        """Whether this text plainly asks for a command: the decision goes to it (or asks
        between commands only: « version facile à lire »), and at most COMMAND_EXTRA_WORDS of
        the text's words that count are not words of that command's phrases (labels,
        synonyms, intentions)."""
        best = decision.best
        if decision.kind == "miss" or best is None or best.score < COMMAND_MIN:
            return False
        named = decision.candidates[:1] if decision.kind == "go" else decision.candidates
        if not all(c.key.startswith(COMMAND) for c in named):
            return False
        own = self._support.get(best.key, frozenset())
        return len(self.lexicon.query(text).stems - own) <= COMMAND_EXTRA_WORDS

    def decide(self, text: str, context: Context) -> Decision:
        """Where `text`, typed in `context`, leads. Each text the decision reads (the
        message, its clauses, a rest) is read once for the call (`reading`): nothing of it
        is kept after."""
        with reading():
            return self._decide_message(text, context)

    def _decide_message(self, text: str, context: Context) -> Decision:
        query = self.lexicon.query(text)
        if self._money and funds(query.tokens):
            context = replace(context, funder=True)
        if not CONTRAST_CUES.isdisjoint(query.tokens):
            said = contrasted(text)
            if said:
                contrast = self.lexicon.query(" ".join(said)).stems
                if contrast:
                    context = replace(context, contrast=contrast)
        decision = self._decide_text(text, query, context)
        acknowledged = self._acknowledged(query, context, decision)
        if acknowledged is not None:
            return acknowledged
        if context.pending or (query.stems <= self._answer_stems and not (
                not query.stems and decision.kind == "miss"
                and len(query.tokens) >= SHORT_WORDS_READ)):
            pass  # an answer to « Vous voulez parler de… ? », a bare answer (« non »)
        elif not settled(decision) and len(query.stems) >= LEARNED_MIN_WORDS:
            # Neither sure nor a bare word: the examples weigh in, before the persona's own
            # places replace others.
            predicted, here = self._likely(query, context)
            said_here = self._said_here(query, context, decision, here)
            if said_here is not None:
                return said_here
            decision = weigh(self._own_version(decision, context), predicted)
        elif len(query.stems) >= LEARNED_MIN_WORDS and may_be_overruled(
                decision, at_menu := (context.flow, context.node) in self._menus):
            # Sure by a phrase typed exactly or, at the menu, by a word of its choices:
            # the examples may still doubt it (`overruled`).
            best = decision.best
            in_journey = not at_menu and best is not None and (
                flow_of(best.place) == context.flow)
            decision = overruled(self._own_version(decision, context),
                                 self._predicted(query, context), at_menu, in_journey)
        elif decision.kind == "ask" and not settled(decision):
            # One word that counts (« gouvernance », « co-animation »): the model orders
            # the rules' places, nothing more (`ordered`).
            decision = ordered(decision, self._predicted(query, context))
        elif decision.also and len(query.stems) >= LEARNED_MIN_WORDS:
            # Two questions read by the rules: the model may know which comes first.
            decision = two_questions(self._own_version(decision, context),
                                     self._predicted(query, context))
        elif decision.kind == "miss" and not decision.hostile:
            # A miss the model does not weigh (one word, a weak current choice among the
            # rules' guesses) is still off-topic when it is sure nothing fits.
            decision = short_miss(decision, self._predicted(query, context))
        decision = self._persona_answers(decision, text, context)
        if decision.kind == "miss" and not decision.hostile and not (
                context.pending or context.here_too):
            decision = self._about_here(text, query, context, decision)
        elif decision.kind == "go" and not (decision.also or context.pending
                                            or context.here_too):
            decision = self._also_here(text, context, decision)
        return decision

    def _acknowledged(self, query: Query, context: Context, decision: Decision
                      ) -> Decision | None:
        """« ok », « d'accord », « ça marche » typed alone, where it answers nothing of the
        step (no « Continuer » or « Oui » it chooses, no « Vous voulez parler de… ? »
        pending): heard, and the conversation stays where it is (`reponse-ok`), never a
        place whose phrase has one of these everyday words (« ça marche vraiment »)."""
        if context.pending or query.norm not in self._acknowledgements:
            return None
        best = decision.best
        if decision.kind == "go" and best is not None and best.key.startswith(
                (CHOICE, COMMAND)):
            return None  # « ok » is this step's « Continuer », or a command's phrase
        return Decision("go", (Candidate(ACKNOWLEDGE, ACKNOWLEDGE, EXACT_SCORE, "intention"),),
                        whole=True)

    def _also_here(self, text: str, context: Context, decision: Decision) -> Decision:
        """« c gratuit et c ou », typed where the coach says where to find a community: the
        first question is answered where the person is (the cost, a term), and the other is
        about the step itself, which the understanding leaves out, so that its clause alone
        led nowhere and was dropped. It is answered too (`also`): the step's message that
        answers it, said again after the first answer (`HERE`)."""
        best = decision.best
        if best is None or decision.whole or not best.key.startswith((REPLY, GLOSSARY)):
            return decision  # one place to go, or one to stay at: nothing is left out
        clauses = split_clauses(text)
        here = node_place(context.flow, context.node)
        if len(clauses) < 2 or here not in self._place_set:
            return decision
        there = replace(context, here_too=True)
        for clause in clauses:
            query = self.lexicon.query(clause)
            if not query.tokens:
                continue
            again = self._read(clause, query, there)
            found = again.best
            if (again.kind == "go" and found is not None and found.place == here
                    and found.score >= GO and (query.stems or typed_exactly(again))):
                message, _rare = self._message_answering(query, context.flow, context.node)
                return replace(decision, also=(
                    Candidate(f"{HERE}{message}", here, found.score, found.via),))
        return decision

    def _about_here(self, text: str, query: Query, context: Context,
                    decision: Decision) -> Decision:
        """A text not understood that leads to the place the person is at (« LSF » where the
        step speaks of it): the understanding leaves that place out, so it is read again with
        it. When it goes there, the decision is to say again the step's message that shares
        the most of its words (`HERE`), never a miss. Only offered there (not sure enough to
        go), that message must share a word that is no everyday word: « mon fils fait du
        judo », typed where the parents' journey starts, stays a miss."""
        here = node_place(context.flow, context.node)
        if here not in self._place_set:
            return decision
        again = self.decide(text, replace(context, here_too=True))
        best = again.best
        if best is None or best.place != here:
            return decision
        message, rare = self._message_answering(query, context.flow, context.node)
        if again.kind != "go" and not (rare and len(again.candidates) == 1):
            return decision
        return Decision("go", (Candidate(f"{HERE}{message}", here, best.score, best.via),))

    def _message_answering(self, query: Query, flow: str, node: str) -> tuple[int, bool]:
        """The node's message (its standard and easy-to-read texts together) that shares the
        rarest words with the text (the first when none shares any): its index, and whether
        one of those words is no everyday word (« LSF », « interprète »; not « enfant »)."""
        stems = self._message_stems.get((flow, node))
        if stems is None:
            phrase = self.lexicon.phrase
            stems = self._message_stems[flow, node] = tuple(
                phrase(m.text).stems | phrase(m.falc).stems
                for m in self.content.node((flow, node)).messages)
        idf = self.search.idf
        scores = [sum(idf.get(s, 0.0) for s in query.stems & said) for said in stems]
        best = max(range(len(scores)), key=lambda i: (scores[i], -i), default=0)
        if not scores or scores[best] <= 0:
            return 0, False
        stem_of = self.lexicon.stem_of
        rare = {stem_of(t) for t in query.tokens if t not in self._common and is_content(t)}
        return best, not rare.isdisjoint(stems[best])

    def _predicted(self, query: Query, context: Context) -> list[tuple[str, float]]:
        return self._likely(query, context)[0]

    def _likely(self, query: Query, context: Context) -> tuple[list[tuple[str, float]], float]:
        """The examples' places for this text, but where the person already is (the rules
        never offer it either) and, for a funder, the lack of money (the rules yield it too:
        the examples learned « le financement s'arrête » from those who lack it); another
        persona's own version of a place reads as the place (`_versions`), and once the
        person has said who they are, a place is read as their own version of it
        (`_own_versions`, as `_own_version` reads the rules'), and the model's « who one is »
        of another profile is no guess (« je veux aider d'autres parents », typed by a
        parent, is no « Je vis avec un handicap »: the words, not the person, point there).
        And how likely the place the person is at is (0 when it is offered with the others)."""
        here = node_place(context.flow, context.node)
        left_out = set() if context.here_too else {here}
        if context.funder:
            left_out |= self._money
        if context.persona:
            left_out |= self._other_profiles.get(context.persona, self._profiles)
        own = self._own_versions.get(context.persona or "", {})
        # A term and the journey that explains it are one answer, the journey's at the
        # menu (`Terms.one_answer`): « c'est quoi au juste une CoP » is no doubt there.
        explained = self.terms.explains if context.flow == self.terms.menu_flow else {}
        likely: dict[str, float] = {}
        for place, probability in self.examples.predict(query):
            persona, general = self._versions.get(place, (context.persona, place))
            if context.persona and persona != context.persona:
                place = general
            place = explained.get(place, place)
            place = own.get(place, place)
            likely[place] = likely.get(place, 0.0) + probability
        at_here = likely.get(here, 0.0) if here in left_out else 0.0
        kept = [(place, p) for place, p in likely.items() if place not in left_out]
        return sorted(kept, key=lambda item: -item[1]), at_here

    def _said_here(self, query: Query, context: Context, decision: Decision,
                   likely: float) -> Decision | None:
        """When the examples are certain (`HERE_SURE`) the text is about the place the person
        is at (« y a-t-il une communauté dans ma région ? » typed where the coach just said
        where to find one): its message that answers it, said again (`HERE`), rather than a
        place that only shares a word (« région » in a region's account of its results).
        Only when the rules led elsewhere: a text they did not understand at all is said
        again only on a rarer word (`_about_here`: « mon fils fait du judo », typed where the
        parents' journey starts, stays a miss). Never at a step that asks for the person's
        own answer."""
        here = node_place(context.flow, context.node)
        if decision.kind == "miss" or likely < HERE_SURE or here not in self._place_set or (
                self.content.node((context.flow, context.node)).ask is not None):
            return None
        message, _ = self._message_answering(query, context.flow, context.node)
        return Decision("go", (Candidate(f"{HERE}{message}", here, likely, VIA),))

    def _read(self, text: str, query: Query, context: Context) -> Decision:
        """`decide`, for a text already read into its query, without the examples."""
        return self._persona_answers(self._decide_text(text, query, context), text, context)

    def _own_version(self, decision: Decision, context: Context) -> Decision:
        """The rules' places as the model reads them for the person's persona: a place whose
        persona version the model learned is that version (« on est tous débordés » typed by
        a professional: the model's professionals' time, the rules' time lacking, one answer)."""
        own = self._own_versions.get(context.persona or "")
        if not own or not any(c.place in own for c in decision.candidates):
            return decision
        candidates = [replace(c, key=own[c.place], place=own[c.place]) if c.place in own else c
                      for c in decision.candidates]
        return replace(decision, candidates=tuple(distinct(candidates)))

    def _persona_answers(self, decision: Decision, text: str, context: Context) -> Decision:
        """The places that answer instead for the person's persona (`for_persona`)."""
        found = (*decision.candidates, *decision.also)
        if not any(c.place in self._swapped for c in found):
            return decision
        instead = self._for_persona.get(context.persona or self._persona_said(text, context)
                                        or "")
        if not instead or not any(c.place in instead for c in found):
            return decision
        # « on n'a pas d'argent » typed by a parent: the cost, not the group's means.
        def swapped(candidates: tuple[Candidate, ...]) -> list[Candidate]:
            return [replace(c, key=instead[c.place], place=instead[c.place])
                    if c.place in instead else c for c in candidates]

        candidates = tuple(distinct(swapped(decision.candidates)))
        going = candidates[0].place if candidates else ""
        if decision.kind == "ask" and len(candidates) == 1 < len(decision.candidates):
            # « je suis kiné, j'ai zéro minute » between the families' time and the
            # professionals': for a professional both are theirs, nothing left to ask.
            decision = replace(decision, kind="go")
        return replace(decision, candidates=candidates,
                       also=tuple(c for c in swapped(decision.also) if c.place != going))

    def _persona_said(self, text: str, context: Context) -> str | None:
        """Who one says one is in a clause of the message (« éduc spé en MAS, je m'inscris
        comment ? »): read only when the answer may depend on it (an intention's
        `for_persona`)."""
        clauses = split_clauses(text)
        if len(clauses) < 2:
            return None
        for clause in clauses:
            said = self._decide(self.lexicon.query(clause), context, False)
            best = said.best
            if said.kind == "go" and best is not None and best.place in self.persons.profiles:
                persona = self.places.sets.get(best.place, {}).get("persona")
                return None if persona is None else str(persona)
        return None

    def _decide_text(self, text: str, query: Query, context: Context) -> Decision:
        if asks_what_the_coach_is(query.tokens):  # « vous etes qui, un robot ? »: the welcome
            welcome = node_place(*self.content.entry)
            return Decision("go", (Candidate(welcome, welcome, EXACT_SCORE, "intention"),),
                            whole=True)
        asked = self._asked_in_difficulty(text, query, context)
        if asked is not None:
            return asked
        decision = self._decide(query, context)
        best = decision.best
        if self._farewell.says(query.tokens) and not (  # a button's own words win
                decision.kind == "go" and best is not None and best.score >= EXACT_SCORE
                and best.key.startswith(CHOICE)):
            return Decision("go", (Candidate(STOP, STOP, EXACT_SCORE, "commande"),), whole=True)
        social = self._social_words.get(query.tokens[0]) if query.tokens else None
        if social is not None and not decision.hostile:
            greeted = self._greeting_or_thanks(query, decision, social, context)
            if greeted is not None:
                return greeted
        parent = self.persons.parent_with_condition(query)
        if parent is not None and not decision.hostile:
            # « je suis la maman de Léa, elle a un handicap rare »: who one is wins; the
            # child's condition is the context (the rare disability's place comes next).
            said = Candidate(parent, parent, EXACT_SCORE, "intention")
            return Decision("go", (said, *[c for c in decision.candidates
                                           if c.place != parent])[:MAX_ASK])
        clauses = split_clauses(text)
        if len(clauses) > 1 and not _answered(decision):
            decision = self.clauses.decide(clauses, decision, context)
        frame = self.persons.work_frame(query)
        best = decision.best
        if frame is None and (decision.kind != "go" or (
                best is not None and best.place.startswith(GLOSSARY)
                and not query.grams.any_padded(CUES_PADDED))):
            # « université, on fait de la recherche… »: an organisation named first, when the
            # message did not settle it otherwise, or settled it on a term of the glossary
            # it did not ask about (« institut médico-éducatif, on aimerait… » is no « IME ? »).
            frame = self.persons.organisation_first(clauses)
        if frame is not None:
            return self._at_work(*frame, decision, context)
        return decision

    def _greeting_or_thanks(self, query: Query, decision: Decision, social: str,
                            context: Context) -> Decision | None:
        """A message that starts with a greeting or thanks (`social`), when that is what it
        says: « coucou le coach », « merci bien monsieur le robot » (said to someone),
        « bonjour à toute l'équipe » (the other words lead nowhere). Unless the rest is a
        phrase of a place typed exactly (« bonjour c'est où ? »): that is answered."""
        exact = decision.kind == "go" and decision.best is not None and (
            decision.best.score >= EXACT_SCORE)
        stem_of = self.lexicon.stem_of  # a name (« merci Sylvie ») has no stem in the query
        addressed = not exact and ADDRESS.issuperset(
            t for t in query.tokens[1:] if is_content(t) and stem_of(t) in query.stems)
        short = decision.kind == "miss" and (
            len(query.stems - self._social_stems) <= SOCIAL_REST)
        if not addressed and not short:
            return None
        rest = self.lexicon.query(" ".join(query.tokens[1:]))
        if rest.tokens:
            asked = self._decide(rest, context, False)
            if typed_exactly(asked) and asked.best is not None and (
                    asked.best.place not in SOCIAL):
                return asked
        return Decision("go", (Candidate(social, social, EXACT_SCORE, "intention"),),
                        whole=True)

    def _asked_in_difficulty(self, text: str, query: Query, context: Context
                             ) -> Decision | None:
        """« je comprends pas ce que c'est une cop »: easy-to-read on, and the question
        answered, when what follows « je ne comprends pas » goes somewhere for sure (a place,
        a term, an answer, a choice of this step; not a command, which the whole text
        settles). « ça veut dire quoi ? » alone says the last message was not understood; so
        does « quoi ? », « hein ? » or « ? » typed after a step (at the menu, « c'est quoi ? »
        asks what this is about)."""
        tokens = query.tokens
        simplify = Candidate(SIMPLIFY, SIMPLIFY, EXACT_SCORE, "commande")
        if asks_what_it_means(tokens):  # « ça veut dire quoi ? », nothing else
            return Decision("go", (simplify,))
        if (context.flow, context.node) not in self._menus and (
                asks_what_was_said(tokens) or (not tokens and only_question_marks(text))):
            if tokens:  # a choice of this step named so (« c'est quoi » → the definition)
                named = self._decide(query, context, False)
                if named.kind == "go" and named.best is not None and (
                        named.best.key.startswith(CHOICE)) and named.best.score >= EXACT_SCORE:
                    return None
            return Decision("go", (simplify,))
        rest = after_difficulty(tokens)
        if rest is None:  # « je lis mal, c'est accessible ? »
            rest = after_reading_difficulty(tokens)
        if rest is None:  # « c'est quoi une cop en simple »
            rest = without_simply(tokens)
        if rest is None:
            return None
        if not rest:  # « je comprends rien à ce que vous dites »
            return Decision("go", (simplify,))
        said = " ".join(rest)
        asked = self._decide_text(said, self.lexicon.query(said), context)
        best = asked.best
        if (asked.kind != "go" or best is None or asked.hostile
                or best.key.startswith(COMMAND) or best.place in SOCIAL):
            return None
        return Decision("go", (simplify,), also=(best, *asked.also))

    def _at_work(self, profile: str, rest: str, decision: Decision,
                 context: Context) -> Decision:
        """« je travaille à la MDPH au service évaluation »: where one works is who one is (the
        place of a person), and what follows is read as what this person asks; when it asks
        nothing precise, the person's place answers."""
        persona = self.places.sets.get(profile, {}).get("persona")
        there = replace(context, persona=str(persona)) if persona is not None else context
        query = self.lexicon.query(rest)
        stems = query.stems
        best = decision.best
        if (decision.kind != "miss" and best is not None and best.place != profile
                and flow_of(best.place) in self.persons.flows.get(str(persona), ())
                and not stems.isdisjoint(self._phrase_stems.get(best.place, ()))):
            # The whole text found a place of this person's journey by what follows too
            # (« je travaille en IME et je manque de temps » : the professionals' time).
            return decision
        if stems:
            # A rest of one word that counts asks whether there is a place for this person,
            # unless typed as a phrase (« c'est quoi le RGPD »), as in a clause.
            asked = self._read(rest, query, there)
            if profile != self.persons.person:  # staff: a condition named is their work's
                asked = self.persons.subject_of_work(asked, query, self._common)
            if asked.hostile:
                return asked
            sure = asked.best is not None and asked.best.score >= EXACT_SCORE
            if (asked.kind == "go" and (len(stems) > 1 or sure)) or (
                    asked.kind == "ask" and len(stems) > 1):
                return asked
        said = Candidate(profile, profile, EXACT_SCORE, "intention")
        return Decision("go", (said, *[c for c in decision.candidates
                                       if c.place != profile])[:MAX_ASK])

    def _decide(self, query: Query, context: Context, search: bool = True) -> Decision:
        if not query.tokens:
            return Decision("miss")
        options = self.options(context)
        shown = [o for o in options if o.shown]
        position = ordinal(query.tokens, len(shown))
        if position is not None:
            option = shown[position]
            return Decision("go", (Candidate(option.key, option.place, 1.0, "position"),))
        yes_no = context.pending == FALC_QUESTION  # « revenir au texte standard ? »
        if (len(context.pending) == 1 or yes_no) and query.norm in YES_TO_ONE and (
                shown[0] is not self._other):
            option = shown[0]  # « oui » to the one place offered, or to the question
            return Decision("go", (Candidate(option.key, option.place, 1.0, "position"),))
        if yes_no and query.norm in NO_TO_QUESTION and shown[1] is not self._other:
            option = shown[1]
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
            same = next((o for o in options if o.key.startswith(CHOICE)
                         and (o.place == command.place
                              or o.key == _skip_button(command.key, context))), None)
            if same is not None:  # « mon brouillon » where « Revoir mon brouillon » is offered
                return Decision("go", (Candidate(same.key, same.place, 1.0, "choix"),))
            return Decision("go", (Candidate(command.key, command.key, 1.0, "commande"),))
        refused: frozenset[str] = frozenset()
        if index is not None:
            # The answer's own form (« en scène je pense », « pas d'exercice, on continue »).
            answer = self.answers.read(query, (context.flow, context.node),
                                       [o.key for o in shown], context.contrast)
            if answer.key:
                option = next(o for o in options if o.key == answer.key)
                command = (self._command_said_whole(query, option) if answer.how == READ
                           else None)
                if command is not None:  # « je veux voir mon brouillon » at a stage's end
                    return Decision("go", (Candidate(command.key, command.key, 1.0,
                                                     "commande"),))
                return Decision("go", (Candidate(option.key, option.place, 1.0, answer.how),))
            refused = answer.refused
        cue = query.grams.any_padded(CUES_PADDED)
        terms = (self.terms.several(query, cue) or self.terms.one(query, cue)
                 if not exact else None)
        if terms is not None:
            return Decision("go", (Candidate(terms, terms, 1.0, "glossaire"),))
        board = Board()
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
            if score > 0 and option.key not in refused:
                board.add(option.key, option.place, score + OPTION_PRIOR, "choix")
        command_scores, (own, borrowed) = self._scored(query)
        for option in self.commands:
            score = command_scores.get(option.key, 0.0)
            if score >= COMMAND_MIN:
                towards = (board.redirect.get(option.place) if option.place != option.key
                           else _skip_button(option.key, context))
                if towards is not None:  # a choice of the step leads where the command does
                    place = next((o.place for o in options if o.key == towards), option.place)
                    board.add(towards, place, score + OPTION_PRIOR, "choix")
                else:
                    board.add(option.key, option.key, score + COMMAND_PRIOR, "commande")
        found = {place: BORROWED * score for place, score in borrowed.items()}
        for place, score in own.items():
            found[place] = max(score, found.get(place, 0.0))
        # where the person already is: the text leads elsewhere (unless asked `here_too`)
        here = "" if context.here_too else node_place(context.flow, context.node)
        found.pop(here, None)
        for place, score in found.items():
            prior = self._prior(place, context, cue, score)
            via = "glossaire" if place.startswith(GLOSSARY) else "intention"
            if place in board.redirect:
                prior = max(prior, OPTION_PRIOR)
            board.add(place, place, score + prior, via)
        earlier = max((c.score for c in board.found.values()), default=0.0)
        # A bare answer (« plutôt oui ») is searched nowhere: any text may say « oui ».
        searched = search and not query.stems <= self._answer_stems
        for place, score in (self.search.scores(query, SEARCH_FLOOR) if searched
                             else {}).items():
            if place == here:
                continue
            score += self._prior(place, context, cue, score)
            if earlier >= ASK_MIN and board.redirect.get(place, place) not in board.found:
                score = min(score, earlier - SEARCH_BEHIND)  # search comes last, as in the order
            board.agree(place, place, score)
        self._own_words(board, query, context)
        if not cue:
            self.terms.in_passing(board, query, self._phrase_stems)
        self.terms.one_answer(board, context.flow)
        self._inside_journeys(board)
        self.persons.others_named(board, query)
        if self.persons.child_stem not in context.contrast:  # « …, pas mon fils »
            self.persons.child_s_condition(board, query)
        self.persons.yields(board, query)
        if context.funder:  # « on finance une cop… »: its money is not lacking
            for key, candidate in list(board.found.items()):
                if candidate.place in self._money:
                    board.found[key] = candidate.rescored(candidate.score - FUNDER_YIELD)
        self._everyday_only(board, query)
        ranked = board.ranked()
        decision = self._verdict(ranked, False)
        best = decision.best
        if (decision.kind == "go" and best is not None and best.score < GO
                and best.via in ("intention", "recherche") and len(query.stems) > 2
                and len(query.stems & self._found_by(best)) < 2):
            # Far ahead but below GO, found by one word of several: not clear enough to go
            # (« mes infos médicales restent privées » is not about « informations »).
            return self.persons.own_first(Decision("ask", tuple(distinct(
                [c for c in ranked if c.key != OTHER and c.score >= ASK_MIN]))[:MAX_ASK]),
                context.persona)
        if decision.kind == "go" or not is_hostile(query):
            # the hostility check runs only when it can change the answer
            if decision.kind == "ask" and context.persona:
                # The person's own journey first among all the plausible places, then the
                # first three offered (not only among the first three).
                decision = Decision("ask", tuple(distinct(
                    [c for c in ranked if c.key != OTHER and c.score >= ASK_MIN
                     and c.score >= ranked[0].score - WINDOW])))
            decision = self.persons.topics_first(decision, query)
            decision = self.persons.own_first(decision, context.persona)
            if decision.kind == "ask" and len(decision.candidates) > MAX_ASK:
                decision = replace(decision, candidates=decision.candidates[:MAX_ASK])
            return decision
        return self._verdict(ranked, True)

    def _command_said_whole(self, query: Query, option: _Option) -> _Option | None:
        """A command that opens a place (« mon brouillon »: the draft's summary), one of whose
        phrases the text says whole (« voir mon brouillon »), where
        the answer's reader named a choice of the step by a word of its label only (« Écrire
        ou modifier mes réponses du brouillon »: « brouillon »): the command is what is
        asked (of several, the one whose phrase says the most). A choice one of whose own
        phrases is said whole (« changer ma réponse ») stays the answer, and so does a
        command that leads where the choice does."""
        stems = query.stems
        if any(p.stems and p.stems <= stems for p in option.phrases):
            return None
        # Said whole: its words, in its order, in the text (« où j’en suis dans le parcours »
        # is not said by « le parcours complet »).
        said = sorted(((max(len(p.norm.split()) for p in command.phrases
                            if p.stems and p.norm in query.grams), command)
                       for command in self.commands
                       if command.place not in (command.key, option.place)
                       and any(p.stems and p.norm in query.grams for p in command.phrases)),
                      key=lambda item: -item[0])
        if not said or (len(said) > 1 and said[1][0] == said[0][0]):
            return None  # no command said whole, or two as well: the answer stays
        return said[0][1]

    def _scored(self, query: Query) -> tuple[dict[str, float], list[dict[str, float]]]:
        """The scores of a text wherever it is typed (the commands', the phrases' of places:
        their own and borrowed), once per reading of it (see `Query.scored`)."""
        found: tuple[dict[str, float], list[dict[str, float]]] | None = query.scored.get(
            "commands, phrases")
        if found is None:
            found = query.scored["commands, phrases"] = (self._command_index.scores(query),
                                                         self.phrases.scores(query))
        return found

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

    def _inside_journeys(self, board: Board) -> None:
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
                flow = flow_of(candidate.place)
                if candidate.score > inside.get(flow, 0.0):
                    inside[flow] = candidate.score
        for key, candidate in starts:
            flow = flow_of(candidate.place)
            if inside.get(flow, 0.0) >= candidate.score - OPTION_PRIOR:
                board.found[key] = candidate.rescored(candidate.score - OPTION_PRIOR
                                                       - SEARCH_BEHIND)

    def _own_words(self, board: Board, query: Query, context: Context) -> None:
        """A word that only one place's phrases use points to that place: enough to be
        offered (« un membre domine tout le monde »), never to go on its own."""
        if self._owned.keys().isdisjoint(query.stems):
            return
        # Only a word of the module, not an everyday one (« journée », « équipe »).
        stem_of = self.lexicon.stem_of
        rare = {stem_of(t) for t in query.tokens if t not in self._common and is_content(t)}
        here = "" if context.here_too else node_place(context.flow, context.node)
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

    def _found_by(self, candidate: Candidate) -> frozenset[str]:
        """The stems that can have found a candidate: its phrases', or for a search
        result, its texts' too."""
        if candidate.via == "recherche":
            return self._support.get(candidate.place, frozenset())
        return self._phrase_stems.get(candidate.place, frozenset())

    def _everyday_only(self, board: Board, query: Query) -> None:
        """A place found by one everyday word of a sentence that also speaks of things the
        content never names stays below ASK_MIN: a miss, its place kept as a weak guess."""
        if len(query.tokens) < SUPPORT_TOKENS or query.stems <= self._known:
            return
        real, stem_of = self.lexicon.real, self.lexicon.stem_of
        if not any(t in real and is_content(t) and stem_of(t) not in self._known
                   for t in query.tokens):
            return  # words unknown here are typos or names, not another subject
        stems: list[str] = []  # each token's stem, once, when a candidate needs them
        for key, candidate in list(board.found.items()):
            if (candidate.score < WEAK_MIN or candidate.score >= EXACT_SCORE
                    or key.startswith((CHOICE, COMMAND, REPLY)) or key == OTHER):
                continue  # an answer to the question asked, a command, a reply: as they are
            found = query.stems & self._support.get(candidate.place, frozenset())
            if len(found) != 1:
                continue
            stems = stems or [stem_of(t) for t in query.tokens]
            words = [t for t, word_stem in zip(query.tokens, stems, strict=True)
                     if word_stem in found]
            if words and all(w in self._common for w in words):
                board.found[key] = candidate.rescored(min(candidate.score, ASK_MIN - 0.01))

    def _prior(self, place: str, context: Context, cue: bool, score: float) -> float:
        if place.startswith(GLOSSARY):
            return GLOSSARY_CUE_PRIOR if cue else GLOSSARY_EXACT_PRIOR if score >= 1.0 else 0.0
        flow = flow_of(place)
        prior = FLOW_PRIOR if flow == context.flow else 0.0
        if score >= EXACT_SCORE:  # typed exactly as the content says it
            prior += INTENT_EXACT_PRIOR
        if context.persona:
            own = self.persons.flows.get(context.persona, ())
            if flow in own:
                prior += PERSONA_PRIOR
            elif own and flow in self.persons.flow_ids:  # another person's journey
                prior -= PERSONA_PRIOR
        return prior

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
        plausible = distinct([c for c in ranked if c.key != OTHER and c.score >= ASK_MIN
                               and c.score >= top.score - WINDOW])
        if plausible:
            return Decision("ask", tuple(plausible[:MAX_ASK]))
        weak = distinct([c for c in ranked if c.key != OTHER and c.score >= WEAK_MIN])
        return Decision("miss", tuple(weak[:2]))


def _skip_button(command: str, context: Context) -> str | None:
    """Typed « passer » (`commande:passer-partie`) where the step shows its « Passer… »
    button (« je saute les 6 questions » at the cards): that button, as a choice of the
    step; None elsewhere (the command finds the part's button: coach.engine.skipping)."""
    if command != COMMAND + SKIP_PART or context.pending:
        return None
    button = skip_button(context.choices)
    return CHOICE + button.id if button is not None else None


def _answered(decision: Decision) -> bool:
    """The message is an answer to the step, read whole (« pas d'exercice, on continue »):
    its clauses are not read apart (« pas d'exercice » alone is no request)."""
    best = decision.best
    return decision.kind == "go" and best is not None and best.via in (READ, "position")


# The examples weigh in on texts of at least this many content words, not all of them words
# of an answer: a bare word or answer (« savoir », « aucune idée ») is the rules' to read.
LEARNED_MIN_WORDS = 2
# A text of little words only (« je sais plus où j'en étais ») is read by the model from
# this many words: fewer are a bare answer (« non merci », « ok d'accord »).
SHORT_WORDS_READ = 4


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
