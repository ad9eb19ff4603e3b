"""How a typed answer is read against the choices of the step where it is typed.

People answer a step in their own words, not with a button's label: « en scène je pense »,
« plutôt la première », « celui sur l'ennemi », « pas d'exercice, on continue », « ouais
vas y », « bof non », « c'est moi qui suis handicapée, pas mon fils ». Such an answer has a
form that says nothing of the subject, around the words that name a choice:

- hedges, wherever they are (« je pense », « je dirais », « plutôt », « pour moi c'est »,
  « moi ce sera… forcément », « celui sur », « quand même »), and agreement said first or
  last (« oui », « ouais », « ok », « ça marche », « allez »), a tag said last (« …, non ? »);
- a contrast (« pas X, Y », « non pas X », « Y, pas X », « plutôt que X », « au lieu de X »):
  X is what the person does not choose;
- a bare yes or no (« ouais vas y », « bof non ») where the step has no « Oui » or « Non »:
  no to an offer is the way forward (« Continuer… », « Passer… »), yes to an offer that can
  be skipped (« Passer l'exercice ») is the offer.

What is left names a choice when every word that counts in it belongs to that choice's
label, easy-to-read label, synonyms (and the shared ways of saying « go on » for a
« Continuer… » button), and to no other choice of the step: the choice then wins over a
place elsewhere in the content (« en scène » at the posture's quiz is the answer « En
scène », not the page about the posture). A choice named only in the contrast is refused.
A question (« c'est quoi l'internalisation ? ») is never read as an answer.

This module reads forms only; `coach.engine.understand` gives it each step's choices and
the words of those forms, which are content (`step_answers` of commun.yaml, read as `Forms`):
an author adds « ouais grave » there. What stays here is grammar: how a contrast is said,
where its span ends, which words ask a question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from coach.engine.nlu.french import is_content, ordinal, words
from coach.engine.nlu.lexicon import Lexicon, Phrase, Query
from coach.engine.nlu.neighbours import word_set


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Phrases in the shared spelling, longest first (so that « je pense que » goes before
    « je pense »); one that keeps no word is left out."""
    found = {said for said in (tuple(words(item)) for item in items) if said}
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


class BarePhrases(Protocol):
    """A bare yes or no as the content writes it (commun.yaml, `step_answers.bare_yes`…)."""

    @property
    def words(self) -> Sequence[str]: ...
    @property
    def around(self) -> Sequence[str]: ...
    @property
    def first(self) -> Sequence[str]: ...


class FormPhrases(Protocol):
    """The forms of an answer as the content writes them (commun.yaml, `step_answers`)."""

    @property
    def hedges(self) -> Sequence[str]: ...
    @property
    def agreement(self) -> Sequence[str]: ...
    @property
    def refusal(self) -> Sequence[str]: ...
    @property
    def tags(self) -> Sequence[str]: ...
    @property
    def bare_yes(self) -> BarePhrases: ...
    @property
    def bare_no(self) -> BarePhrases: ...


@dataclass(frozen=True)
class Bare:
    """A bare yes or no: every word said is one of `words` and one of `core` is said (« ouais
    vas y », « bof non merci »); `first`: said first, then a reason (« non, c'est normal… »)."""

    words: frozenset[str]
    core: frozenset[str]
    first: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, phrases: BarePhrases) -> Bare:
        """Each word that counts of `words` says it (« d'accord »: « accord »); the others and
        the words of `around` may come with it."""
        said = [tuple(words(p)) for p in phrases.words]
        return cls(frozenset(w for p in [*said, *map(words, phrases.around)] for w in p),
                   frozenset(w for p in said for w in p if is_content(w)),
                   _phrases(phrases.first))


@dataclass(frozen=True)
class Forms:
    """The words of an answer's form (the content's `step_answers`, in the shared spelling):
    hedges said anywhere, agreement said first or last, a refusal said first where no choice
    is « Non », a tag said last, a bare yes and a bare no."""

    hedges: tuple[tuple[str, ...], ...]
    agreement: tuple[tuple[str, ...], ...]
    refusal: tuple[tuple[str, ...], ...]
    tags: tuple[tuple[str, ...], ...]
    yes: Bare
    no: Bare

    @classmethod
    def of(cls, phrases: FormPhrases) -> Forms:
        return cls(_phrases(phrases.hedges), _phrases(phrases.agreement),
                   _phrases(phrases.refusal), _phrases(phrases.tags),
                   Bare.of(phrases.bare_yes), Bare.of(phrases.bare_no))


# The bare answers a step's « Oui » / « Non » choices are named by.
YES = "oui"
NO = "non"
# Words that ask something: a question is not an answer to the step (« c'est quoi
# l'internalisation ? » at the quiz on the cycle).
QUESTION_WORDS = frozenset({"quoi", "comment", "combien", "pourquoi", "signifie",
                            "explique", "expliquer", "expliquez", "difference"})
QUESTION_GRAMS = (" est ce ", " veut dire ", " ca veut ", " qu est ")
# A step's way forward (« Continuer… » is `goes_on`) and its way round an offer.
SKIP_LABELS = ("passer",)
BACK_LABELS = ("revenir", "retour")

# « pas » that contrasts (« pas mon fils », « dans l'ombre, pas devant le groupe »), not a
# verb's negation (« je n'ai pas le temps », « jai pas le temps », « on vient pas »): the
# word before is not a verb said with its subject, nor after « ne ».
_VERB_BEFORE = word_set("""
ai a as avons avez ont suis es est sommes etes sont etait sais sait savons savez veux veut
voulons voulez peux peut pouvons pouvez vais va allons allez fais fait faisons faites faut
vois voit voyons comprends comprend connais connait dois doit devons y en me te se le la
les lui leur ca cela ce c
""")
_SUBJECTS = word_set("je j tu il elle on nous vous ils elles ca c")
_NE = frozenset({"ne", "n"})
# Where a contrasted span ends, besides punctuation: a new subject, « mais », « et »…
_SPAN_END = word_set("""
on je j tu il elle nous vous ils elles mais et ou plutot donc alors c ca moi oui non car
parce puis
""")
_CONTRAST_AFTER = (("plutot", "que"), ("plutot", "qu"), ("au", "lieu", "de"),
                   ("au", "lieu", "d"), ("au", "lieu", "du"), ("au", "lieu", "des"))
# A word every contrast holds: a text without one has none (`contrasted` is not read).
CONTRAST_CUES = frozenset({"pas", "plutot", "lieu"})
_PIECES = re.compile(r"[,;:.!?()\n]+|\s+mais\s+", re.IGNORECASE)


def contrasted(text: str) -> list[str]:
    """The words a contrast says are not chosen (« pas X », « non pas X », « plutôt que X »,
    « au lieu de X »), each span up to punctuation or a new subject or « mais »."""
    found: list[str] = []
    for piece in _PIECES.split(text):
        tokens = words(piece)
        index = 0
        while index < len(tokens):
            start = _span_start(tokens, index)
            if start is None:
                index += 1
                continue
            end = start
            while end < len(tokens) and tokens[end] not in _SPAN_END:
                end += 1
            found += tokens[start:end]
            index = max(end, index + 1)
    return found


def _span_start(tokens: Sequence[str], index: int) -> int | None:
    """Where a contrasted span starts when a contrast is said at `index`, else None."""
    token = tokens[index]
    if token == "pas":
        before = tokens[max(0, index - 4):index]
        if not _NE.isdisjoint(before):
            return None
        if index and tokens[index - 1] in _VERB_BEFORE:
            return None
        if index >= 2 and tokens[index - 2] in _SUBJECTS:
            return None  # « on vient pas », « je pense pas »
        return index + 1
    for marker in _CONTRAST_AFTER:
        if tuple(tokens[index:index + len(marker)]) == marker:
            return index + len(marker)
    return None


def _by_first(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by their first word, longest first (one look-up per typed word)."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        found.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in found.items()}


def _strip(tokens: Sequence[str], hedges: dict[str, tuple[tuple[str, ...], ...]]) -> list[str]:
    """The tokens without the hedges (by their first word), wherever they are (the longest
    hedge at each word)."""
    out: list[str] = []
    index, count = 0, len(tokens)
    while index < count:
        for phrase in hedges.get(tokens[index], ()):
            size = len(phrase)
            if tuple(tokens[index:index + size]) == phrase:
                index += size
                break
        else:
            out.append(tokens[index])
            index += 1
    return out


def _strip_ends(tokens: list[str], first: Iterable[tuple[str, ...]],
                last: Iterable[tuple[str, ...]], starts: frozenset[str],
                ends: frozenset[str]) -> list[str]:
    """The tokens without these phrases said first (`first`) or last (`last`), repeatedly,
    as long as something is left; `starts`, `ends`: the words any of them starts or ends
    with (a text that has neither is left as it is)."""
    if len(tokens) < 2 or (tokens[0] not in starts and tokens[-1] not in ends):
        return tokens
    first, last = tuple(first), tuple(last)
    changed = True
    while changed and tokens:
        changed = False
        for phrase in first:
            size = len(phrase)
            if len(tokens) > size and tuple(tokens[:size]) == phrase:
                tokens = tokens[size:]
                changed = True
        for phrase in last:
            size = len(phrase)
            if len(tokens) > size and tuple(tokens[-size:]) == phrase:
                tokens = tokens[:-size]
                changed = True
    return tokens


@dataclass(frozen=True)
class StepChoice:
    """A choice of a step as the answers' reader sees it."""

    key: str
    place: str
    label: str
    phrases: tuple[Phrase, ...]
    forward: bool  # « Continuer… »
    opens: bool = False  # leads to a journey's start
    asks: bool = False  # its label is a question (« Quelles sont les réponses ? »)


@dataclass(frozen=True)
class _Step:
    keys: tuple[str, ...]
    places: dict[str, str]
    stems: dict[str, frozenset[str]]  # every stem of each choice's phrases
    every: frozenset[str]  # every stem of every choice's phrases
    phrases: dict[str, tuple[frozenset[str], ...]]  # the stems of each of its phrases
    negative: dict[str, frozenset[str]]  # the stems of its phrases said with « pas »
    norms: dict[str, frozenset[str]]  # each choice's phrases, as typed exactly
    exact: dict[str, tuple[str, ...]]  # each phrase typed exactly → the choices saying it
    forward: frozenset[str]  # « Continuer… » and « Passer… »
    skip: frozenset[str]  # « Passer… »
    back: frozenset[str]  # « Revenir… », « Retour… »
    # Choices that open a journey (« Les outils », « Revenir aux étapes »): broad, a place
    # inside it may be what is named; named by their words only against a choice refused
    # (« pas continuer, revenir aux étapes »).
    opens: frozenset[str]
    asks: frozenset[str]  # labelled as a question


# How a choice named by the form of an answer is found (`Candidate.via`).
READ = "reponse"


@dataclass(frozen=True)
class Answer:
    """What the form of an answer says at a step: a choice it names (`key`, or ""), how
    (`how`: "position" for an ordinal, READ otherwise), and the choices it refuses
    (`refused`)."""

    key: str = ""
    how: str = ""
    refused: frozenset[str] = frozenset()


NOTHING = Answer()


class Answers:
    """The choices of every step, read once, and the reading of an answer at one of them."""

    def __init__(self, lexicon: Lexicon,
                 steps: dict[tuple[str, str], Sequence[StepChoice]],
                 bare: frozenset[str], forms: Forms) -> None:
        self.lexicon = lexicon
        # The words of an answer's form, from the content (`step_answers` of commun.yaml).
        self._forms = forms
        self._hedges = _by_first(forms.hedges)
        self._starts = frozenset(p[0] for p in (*forms.agreement, *forms.refusal))
        self._ends = frozenset(p[-1] for p in (*forms.agreement, *forms.tags))
        # Said first, then a reason (« non, c'est normal… »), the longest first: True for yes.
        self._first = sorted([*((p, True) for p in forms.yes.first),
                              *((p, False) for p in forms.no.first)], key=lambda f: -len(f[0]))
        # Stems that only answer a question (« merci », « oui », « pense »): a text of these
        # alone names a choice only typed as one of its phrases (« merci » is thanks, not
        # « merci, c'est tout »).
        self._bare_stems = bare
        not_stem = lexicon.stem_of("pas")
        self._pas = not_stem
        self._steps: dict[tuple[str, str], _Step] = {}
        for ref, choices in steps.items():
            if not choices:
                continue
            stems: dict[str, frozenset[str]] = {}
            each: dict[str, tuple[frozenset[str], ...]] = {}
            negative: dict[str, frozenset[str]] = {}
            norms: dict[str, frozenset[str]] = {}
            for choice in choices:
                stems[choice.key] = frozenset(
                    s for p in choice.phrases for s in p.stems if s != not_stem)
                each[choice.key] = tuple(
                    p.stems - {not_stem} for p in choice.phrases if p.stems - {not_stem})
                negative[choice.key] = frozenset(
                    s for p in choice.phrases if not_stem in p.stems for s in p.stems)
                norms[choice.key] = frozenset(p.norm for p in choice.phrases)
            exact: dict[str, list[str]] = {}
            for choice in choices:
                for norm in norms[choice.key]:
                    exact.setdefault(norm, []).append(choice.key)
            label = {c.key: " ".join(words(c.label)) for c in choices}
            self._steps[ref] = _Step(
                tuple(c.key for c in choices), {c.key: c.place for c in choices}, stems,
                frozenset().union(*stems.values()), each, negative, norms,
                {norm: tuple(keys) for norm, keys in exact.items()},
                frozenset(c.key for c in choices
                          if c.forward or label[c.key].startswith(SKIP_LABELS)),
                frozenset(c.key for c in choices if label[c.key].startswith(SKIP_LABELS)),
                frozenset(c.key for c in choices if label[c.key].startswith(BACK_LABELS)),
                opens=frozenset(c.key for c in choices if c.opens),
                asks=frozenset(c.key for c in choices if c.asks))

    def read(self, query: Query, ref: tuple[str, str], shown: Sequence[str],
             contrast: frozenset[str]) -> Answer:
        """The answer typed at step `ref`, whose choices on screen are `shown` (keys, in
        order); `contrast`: the stems a contrast says are not chosen (`contrasted`)."""
        step = self._steps.get(ref)
        if step is None or not query.tokens:
            return NOTHING
        keys = [key for key in shown if key in step.places]
        if not keys:
            return NOTHING
        text = f" {query.norm} "
        asking = not QUESTION_WORDS.isdisjoint(query.tokens) or any(
            g in text for g in QUESTION_GRAMS)
        if asking:
            # A question answers only a choice that is itself a question (« qu'est-ce
            # qu'ils ont répondu » : « Quelles sont les réponses ? »), by its words.
            keys = [key for key in keys if key in step.asks]
            if not keys:
                return NOTHING
            contrast = frozenset()
        tokens = _strip(query.tokens, self._hedges)
        if not tokens:
            return NOTHING
        on_screen = set(keys)

        def answer(norm: str) -> str | None:
            """The choice on screen with this phrase (the first of several)."""
            return next((k for k in step.exact.get(norm, ()) if k in on_screen), None)

        yes, no = answer(YES), answer(NO)
        # « non, c'est normal de changer de sujet » at a yes-or-no question: the « Non ».
        opening = next(((len(phrase), says_yes) for phrase, says_yes in self._first
                        if tuple(tokens[:len(phrase)]) == phrase), None)
        said = None if opening is None else yes if opening[1] else no
        if said and opening is not None and len(tokens) > opening[0]:
            rest = " ".join(tokens[opening[0]:])
            other = answer(rest)
            if other is None or other == said:
                return Answer(said, READ)
        forms = self._forms
        tokens = _strip_ends(tokens, forms.agreement + (() if no else forms.refusal),
                             forms.agreement + forms.tags, self._starts, self._ends)
        position = None if asking else ordinal(tokens, len(keys))
        if position is not None and tokens != list(query.tokens):
            return Answer(keys[position], "position")
        norm = " ".join(tokens)
        named = answer(norm)
        if named is not None and norm != query.norm:
            return Answer(named, READ)
        refused = frozenset(key for key in keys if contrast and self._refused(
            step, key, keys, contrast, query))
        if len(tokens) == len(query.tokens):
            left = set(query.stems)  # nothing left out
        else:
            stem_of = self.lexicon.stem_of
            left = {stem_of(t) for t in tokens if is_content(t)} & query.stems
        if refused or contrast:
            left -= contrast
            left.discard(self._pas)
        choosable = [key for key in keys if key not in refused]
        if left and left <= step.every and not left <= self._bare_stems:
            # Named: every word left is in one phrase of this choice, and in no other
            # choice's phrases.
            named_by = [key for key in choosable
                        if (refused or key not in step.opens)
                        and any(left <= stems for stems in step.phrases[key])]
            if len({step.places[key] for key in named_by}) == 1 and not any(
                    left <= step.stems[key] for key in keys
                    if step.places[key] != step.places[named_by[0]]):
                return Answer(named_by[0], READ, refused)
        bare = self._bare(tokens, step, keys, yes, no)
        if bare:
            return Answer(bare, READ, refused)
        if refused and len(left) <= 2 and not any(
                left and left <= step.stems[key] for key in refused):
            # « pas devant le groupe », « non pas en scène » between two answers: the other.
            places = {step.places[key] for key in choosable if key not in step.back}
            if len(places) == 1 and len({step.places[k] for k in keys}) == 2:
                place = places.pop()
                return Answer(next(k for k in choosable if step.places[k] == place), READ,
                              refused)
        return Answer(refused=refused) if refused else NOTHING

    def _refused(self, step: _Step, key: str, keys: Sequence[str], contrast: frozenset[str],
                 query: Query) -> bool:
        """A choice named in the contrast by a word of its own (« pas d'exercice » refuses
        « Faire un petit exercice », not « Passer l'exercice »), unless by one of its own
        phrases said with « pas » (« pas le temps »)."""
        named = step.stems[key] & contrast
        for other in keys:
            if not named:
                return False
            if step.places[other] != step.places[key]:
                named = named - step.stems[other]
        if not named:
            return False
        return not (named <= step.negative[key] and step.negative[key] <= query.stems)

    def _bare(self, tokens: list[str], step: _Step, keys: Sequence[str], yes: str | None,
              no: str | None) -> str:
        """A bare no where no choice is « Non »: the way forward; a bare yes where no choice
        is « Oui », at an offer that can be skipped (« Passer l'exercice »): the offer."""
        said = set(tokens)
        bare_yes, bare_no = self._forms.yes, self._forms.no
        if no is None and said <= bare_no.words and not bare_no.core.isdisjoint(said):
            forward = [key for key in keys if key in step.forward]
            if len({step.places[key] for key in forward}) == 1:
                return forward[0]
        if (yes is None and said <= bare_yes.words and not bare_yes.core.isdisjoint(said)
                and any(key in step.skip for key in keys) and not any(
                    key in step.forward and key not in step.skip for key in keys)):
            offers = [key for key in keys if key not in step.forward and key not in step.back]
            if len({step.places[key] for key in offers}) == 1:
                return offers[0]
        return ""
