"""Who is speaking: the person one says one is, or someone one speaks of.

« je suis maman, c'est confidentiel ? » says who one is, then what one asks: the place of a
person (a `profil` intention) gives way to the question, and points to that person's
journey. « une maman crie en réunion » speaks of someone else: not who one is. A persona
said or known puts another person's journey after one's own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from coach.content.model import Content
from coach.engine.nlu.candidates import Board, Candidate, Decision
from coach.engine.nlu.french import is_content, word_set
from coach.engine.nlu.lexicon import Lexicon, Query
from coach.engine.nlu.places import COMMAND, GLOSSARY, REPLY, flow_of
from coach.engine.nlu.thresholds import ASK_MIN, GO, OPTION_PRIOR

# « Je suis maman, et je manque de temps » : who one is, then what one asks. The place of a
# person gives way to a topic found in the same sentence.
PROFILE_YIELD = 0.2
TOPIC_MIN = 0.60
# ... and only to a topic at most this far behind it (one that found more than who one is).
TOPIC_BEHIND = 0.12
# A topic offered this close to a person's place comes before it.
TOPIC_CLOSE = 0.05
# Who one says one is, in the same sentence, points to that person's journey.
SAID_PERSONA = 0.05
# Words of someone who speaks of themself (« je suis maman », « on est parents »).
FIRST_PERSON = word_set("je j moi me m mon ma mes nous notre nos suis sommes on")
FIRST_PERSON_GRAMS = frozenset({"on est", "on a"})
SPOKEN_OF = word_set("un une le la l les des deux trois plusieurs certains certaines"
                     " quelques ce cette ces cet")
# Words of what one wants to do (« on veut », « notre asso voudrait » too).
WANT = word_set("veux voudrais voulons voudrions souhaite souhaitons souhaiterais aimerais"
                " aimerions envie compte comptons veut veulent voudrait voudraient"
                " souhaitent souhaiterait souhaiteraient aimerait aimeraient")


# « je travaille à la MDPH », « je bosse au rectorat », « chargée de mission à l'ARS », « je
# représente une association »: where one works says who one is, not what one asks. The
# folded text starts with it (after a greeting); the word after the preposition is the place
# of work (« je bosse à plein temps », « en équipe » are not places).
WORK_FRAME = re.compile(
    r"^(?:(?:bonjour|bonsoir|salut|coucou|hello|moi|alors|oui)\s+)*"
    # « je m'appelle Samir », « je mapel samir »: one's name first.
    r"(?:(?:je\s+)?m\s*a+p+e+l+e?s?\s+[a-z]+\s+)?(?:(?:je|j)\s+)?"
    r"(?:(?:suis\s+)?(?:travaill?e?s?|bosse|interviens|exerce|chargee?\s+de\s+mission)"
    r"\s+(?:a|au|aux|dans|en|chez|pour)|represente)"
    r"\s+(?:(?:la|le|l|les|un|une|des|d|du|mon|ma|notre)\s+)?"
    r"(?!(?:plein|mi|temps|partiel|equipe|libre|liberal)\b)[a-z0-9]+")
# Where people with a disability work (« je travaille en ESAT », « je bosse à l'ESAT »): said
# by someone with no job named before it, it says a person with a disability, not staff
# (« je suis moniteur d'atelier en ESAT » names a job: staff).
SHELTERED_WORK = word_set("esat esats")
# ... and the service or team there (« au service évaluation », « pôle inclusion scolaire »).
WORK_UNIT = re.compile(
    r"^\s+(?:(?:au|a\s+la|a\s+l|dans\s+le|dans\s+la|dans\s+l|en)\s+)?"
    r"(?:service|pole|direction|unite|cellule|secteur|departement|mission)"
    r"(?:\s+(?:de\s+la|de\s+l|du|des|de|d))?\s+[a-z0-9]+")
# ... and what that place of work is (« une association gestionnaire de 12 établissements »,
# « un IME de 40 places », « une fondation médico-sociale »): still where one works.
WORK_KIND = re.compile(
    r"^(?:\s+(?:gestionnaire|gestionnaires|medico\s+sociale?|sanitaire"
    r"|(?:de|d)\s+(?:\d+|plusieurs|nombreux|nombreuses)\s+[a-z]+))+")
# Persons named with these before them are others (« les parents », « des pros », « avec les
# familles », « aux éducs »), unless « nous » or « on » says they are the writer's own
# (« nous les parents »).
OTHERS_BEFORE = word_set("les des aux ces autres leurs plusieurs certains certaines quelques")
WE = word_set("nous on")
# The words of persons (their stems are compared).
PERSON_WORDS = word_set("parent famille enfant professionnel aidant handicape frere conjoint"
                        " proche")

# Words before a job (« je suis », « bonjour, moi »), after it (« à », « en »), and what a job
# is said « en » or « à » without being a place of work (« à temps partiel », « en libéral »).
# Jobs that lead or coordinate, said before where they are done (« cadre dans un SESSAD »).
WORK_ROLES = word_set("cadre chef cheffe directeur directrice responsable coordinateur"
                      " coordinatrice conseiller conseillere chercheur chercheuse stagiaire"
                      " referent referente evaluateur evaluatrice agent agente inspecteur"
                      " inspectrice formateur formatrice principal principale proviseur"
                      " proviseure elu elue delegue deleguee gestionnaire president"
                      " presidente doctorant doctorante benevole secretaire juriste")
_LEAD = word_set("bonjour bonsoir salut coucou hello moi je j suis alors oui")
_AT = word_set("a au aux dans en chez")
_DETERMINERS = word_set("la le l les un une des d du mon ma notre")
_NOT_A_PLACE = word_set("plein mi temps partiel equipe libre liberal retraite formation")
WORK_WHAT = re.compile(r"^\s+(?:qui|dont)\b")

# « on finance une cop », « nous sommes financeurs » (« on finance » is read « on financeur »,
# coach.engine.nlu.neighbours): the writer funds. Its money is what it gives: the places
# about money lacking (MONEY_SHARE of their phrases say money) give way (FUNDER_YIELD).
FUNDERS = word_set("financeur financeurs")
_FUNDER_BEFORE = word_set("on nous sommes suis")
_FUNDER_ARTICLE = word_set("un une des le la")
MONEY_SHARE = 0.5
FUNDER_YIELD = 0.2


def funds(tokens: tuple[str, ...]) -> bool:
    """Whether the writer says it funds (« on finance… », « nous sommes un financeur »), not
    that others do (« des chiffres pour les financeurs »)."""
    for index, token in enumerate(tokens):
        if token in FUNDERS and index:
            before = tokens[index - 1]
            if before in _FUNDER_BEFORE or (
                    before in _FUNDER_ARTICLE and index > 1
                    and tokens[index - 2] in _FUNDER_BEFORE):
                return True
    return False


# « université, on fait de la recherche… », « service départemental, on voudrait créer une
# cop », « mdph du finistère. les guides… nos dispositifs »: an organisation named first,
# alone in its clause (no person, no verb), then « on » or « nous » speaking for it, is where
# the writer works: who one is, as « je travaille à… » (the rest is what this person asks).
ORGANISATIONS = word_set("""
universite universites fac faculte labo laboratoire service conseil fondation association
asso federation collectivite mairie commune agence caisse caf cpam mdph ars chu hopital
clinique centre institut ecole college lycee rectorat etablissement ime sessad mas fam esat
foyer ehpad camsp cmpp plateforme dispositif equipe pole direction reseau structure
entreprise mutuelle unite maison dac pcpe creai cnsa
""")
_ORGANISATION_LEAD = word_set("bonjour bonsoir salut hello ici nous sommes on est c")
# A clause with one of these words says more than a name: a person, a verb.
_NOT_A_NAME_CLAUSE = FIRST_PERSON | WANT | word_set("""
est sont ont peut peuvent fait font cherche cherchent voudrait voudraient aimerait
aimeraient veut veulent il elle ils elles vous tu
""")
# ... and the organisation speaks after it: « on », « nous », « notre », « nos ».
_OUR = word_set("on nous notre nos")
# The longest clause read as an organisation's name (« labo de sciences de l'éducation à
# l'université »).
ORGANISATION_WORDS = 10


# « je suis la maman de Léa, elle a un handicap rare », « on est parents d'un enfant avec une
# maladie génétique rare »: who one is, then only whose parent one is and the child's
# condition. The condition is the context, not a question: the person's place answers.
_FAMILY_LEAD = word_set("bonjour bonsoir salut coucou hello bjr slt moi alors oui ben")
_I_AM = (("je", "suis"), ("j", "suis"), ("on", "est"), ("nous", "sommes"))
# A condition said after these is the writer's own (« j'ai un handicap », « je suis autiste »).
_I_HAVE = (("j", "ai"), ("je", "suis"), ("j", "suis"), ("je", "vis"))
_FAMILY_DETERMINERS = word_set("la le l les une un")
# « mon fils est autiste », « notre fille est polyhandicapée »: one's own child is said (a
# possessive before a word for a child), and the condition said is the child's.
_MY = word_set("mon ma mes notre nos")
_FAMILY_OF = word_set("de d")
_NOT_A_NAME = word_set("un une mon ma mes la le l les notre nos deux trois")
CONDITION = word_set("handicap handicape handicapee rare rares tres grave graves severe"
                     " lourd lourde profond profonde leger legere genetique orpheline"
                     " atteint atteinte diagnostique diagnostiquee ne nee autiste epilepsie"
                     " epileptique enfant parent")


class Persons:
    """The places of persons (`profil` intentions) and the journeys of each persona."""

    def __init__(self, content: Content, lexicon: Lexicon,
                 phrase_stems: dict[str, frozenset[str]]) -> None:
        self.lexicon = lexicon
        self.phrase_stems = phrase_stems  # the stems of each place's own and borrowed phrases
        self.profiles = frozenset(e.intention.target for e in content.intents
                                  if e.intention.kind == "profil")
        self.flows: dict[str, set[str]] = {}  # persona → its journeys
        for flow in content.flows.values():
            if flow.header.persona:
                self.flows.setdefault(flow.header.persona, set()).add(flow.id)
        self.flows.setdefault("personne", set()).update(self.flows.get("famille", set()))
        self.flow_ids = frozenset(f for flows in self.flows.values() for f in flows)
        # The person one is by saying where one works: the profile whose phrases say it most
        # often (« je travaille dans un foyer »).
        at_work: dict[str, int] = {}
        for entry in content.intents:
            intent = entry.intention
            if intent.target in self.profiles:
                for text in intent.phrases:
                    if WORK_FRAME.match(lexicon.phrase(text).norm):
                        at_work[intent.target] = at_work.get(intent.target, 0) + 1
        self.at_work = max(at_work, key=lambda place: at_work[place], default=None)
        persona = next((e.intention.set.get("persona") for e in content.intents
                        if e.intention.target == self.at_work and e.intention.set), None)
        self.persona_at_work = None if persona is None else str(persona)
        # The place of a parent: the profile whose intention gives the families' persona.
        self.parent = next((e.intention.target for e in content.intents
                            if e.intention.target in self.profiles
                            and (e.intention.set or {}).get("persona") == "famille"), None)
        # The place of a person with a disability (who works in an ESAT, for one).
        self.person = next((e.intention.target for e in content.intents
                            if e.intention.target in self.profiles
                            and (e.intention.set or {}).get("persona") == "personne"), None)
        self._parent_stems = frozenset(lexicon.stem_of(w) for w in ("parent", "aidant"))
        self._condition = frozenset(lexicon.stem_of(w) for w in CONDITION)
        self._child = lexicon.stem_of("enfant")
        self.child_stem = self._child
        self._professional = lexicon.stem_of("professionnel")
        self._person_stems = frozenset(lexicon.stem_of(w) for w in PERSON_WORDS)
        # The words of persons in each person's place's phrases (`others_named`), once.
        self._person_words = {place: stems & self._person_stems
                              for place, stems in phrase_stems.items() if place in self.profiles}
        self._any_person_word = frozenset().union(*self._person_words.values())

    def work_frame(self, query: Query) -> tuple[str, str] | None:
        """(the profile of those who work, the rest of the text) when the text starts with
        where one works; the profile of a person with a disability when that place is an
        ESAT."""
        if self.at_work is None:
            return None
        found = WORK_FRAME.match(query.norm)
        if (found is not None and self.person is not None
                and found.group().split()[-1] in SHELTERED_WORK):
            return self.person, query.norm[found.end():]
        rest = query.norm[found.end():] if found is not None else self._job_at(query)
        if rest is None:
            return None
        unit = WORK_UNIT.match(rest)
        rest = rest[unit.end():] if unit else rest
        kind = WORK_KIND.match(rest)
        rest = rest[kind.end():] if kind else rest
        # « … pour une fondation qui finance des projets »: what the place of work does.
        return self.at_work, "" if WORK_WHAT.match(rest) else rest

    def organisation_first(self, clauses: list[str]) -> tuple[str, str] | None:
        """(the profile of those who work, the rest of the text) when the first clause only
        names an organisation (« service départemental, on voudrait créer une cop »)."""
        if self.at_work is None or len(clauses) < 2:
            return None
        tokens = self.lexicon.query(clauses[0]).tokens
        start = _skip(tokens, _ORGANISATION_LEAD)
        if start < len(tokens) and tokens[start] in _DETERMINERS:
            start += 1
        if (start >= len(tokens) or tokens[start] not in ORGANISATIONS
                or len(tokens) > ORGANISATION_WORDS
                or not _NOT_A_NAME_CLAUSE.isdisjoint(tokens[start:])):
            return None
        rest = " ".join(clauses[1:])
        if _OUR.isdisjoint(self.lexicon.query(rest).tokens):
            return None  # « mdph : comment faire une demande » asks about it, « on » speaks
        return self.at_work, rest

    def subject_of_work(self, decision: Decision, query: Query,
                        everyday: frozenset[str]) -> Decision:
        """Someone at work who names a condition (« université, on fait de la recherche sur
        l'épilepsie ») speaks of what the work is about, not of who one is: the places of
        other persons (their profiles, their journeys) that no word but such a condition
        found (`everyday` words, « travailler », aside) give way."""
        tokens = query.tokens
        if any(tokens[i:i + 2] in _I_HAVE and not self._condition.isdisjoint(
                map(self.lexicon.stem_of, tokens[i + 2:i + 5])) for i in range(len(tokens))):
            return decision  # « … et j'ai un handicap »: the condition is the writer's own
        own = self.flows.get(self.persona_at_work or "", set())
        words = frozenset(word_stem for t in query.tokens if is_content(t)
                          for word_stem in (self.lexicon.stem_of(t),)
                          if t not in everyday or word_stem in self._condition)
        kept = []
        for candidate in decision.candidates:
            flow = flow_of(candidate.place)
            other = (candidate.place in self.profiles and candidate.place != self.at_work) or (
                flow in self.flow_ids and flow not in own)
            found = words & self.phrase_stems.get(candidate.place, frozenset())
            if other and found and found <= self._condition:
                continue
            kept.append(candidate)
        if len(kept) == len(decision.candidates):
            return decision
        if kept and kept[0] == decision.candidates[0]:
            return replace(decision, candidates=tuple(kept))
        return replace(decision, kind="ask" if kept else "miss", candidates=tuple(kept))

    def parent_with_condition(self, query: Query) -> str | None:
        """The place of a parent when the text says who one is (« je suis la maman de Léa »,
        « on est parents ») and then only the child's condition (« elle a un handicap
        rare », « il est sourd profond »): nothing else is asked."""
        if self.parent is None:
            return None
        tokens = query.tokens
        start = _skip(tokens, _FAMILY_LEAD)
        if tuple(tokens[start:start + 2]) not in _I_AM:
            return None
        start += 2
        if start < len(tokens) and tokens[start] in _FAMILY_DETERMINERS:
            start += 1
        if start >= len(tokens) or self.lexicon.stem_of(tokens[start]) not in self._parent_stems:
            return None
        start += 1
        if (start + 1 < len(tokens) and tokens[start] in _FAMILY_OF
                and tokens[start + 1] not in _NOT_A_NAME):
            start += 2  # whose parent: a first name
        rest = self.lexicon.query(" ".join(tokens[start:]))
        if not rest.stems and rest.tokens:
            return None  # « je suis maman, c'est où ? »: a question without a word that counts
        return self.parent if rest.stems <= self._condition else None

    def _job_at(self, query: Query) -> str | None:
        """« moniteur éducateur en IME depuis 3 ans », « je suis infirmière au CHU »: a job
        (a word that means a professional), then where: the rest of the text after the place
        of work, or None."""
        tokens = query.tokens
        start = _skip(tokens, _LEAD)
        # Where first (a look-up per word), then the job (a stem, dearer), on few texts.
        at = next((index for index in range(start + 1, min(start + 4, len(tokens) - 1))
                   if tokens[index] in _AT), None)
        if at is None or (tokens[start] not in WORK_ROLES
                          and self.lexicon.stem_of(tokens[start]) != self._professional):
            return None
        after = at + 1
        if tokens[after] in _DETERMINERS and after + 1 < len(tokens):
            after += 1
        if tokens[after] in _NOT_A_PLACE:
            return None
        return " " + " ".join(tokens[after + 1:])

    def others_named(self, board: Board, query: Query) -> None:
        """« on se prend la tête avec les éducs », « ça intéresse des professionnels ? »: persons
        named as others are not who one is, even in a sentence about oneself: the place of
        that person gives way, when every word of that person in the text is said so."""
        if self._any_person_word.isdisjoint(query.stems):
            return  # no word of a person typed (most texts): no person's place gives way
        tokens = query.tokens
        stems: list[str | None] = []  # each token's stem (a content word's), once, if needed
        for key, candidate in list(board.found.items()):
            if candidate.place not in self.profiles:
                continue
            words = self._person_words.get(candidate.place, frozenset())
            if words.isdisjoint(query.stems):
                continue
            stems = stems or [self.lexicon.stem_of(token) if is_content(token) else None
                              for token in tokens]
            said = [index for index, item in enumerate(stems) if item in words]
            if said and all(index > 0 and tokens[index - 1] in OTHERS_BEFORE
                            and (index < 2 or tokens[index - 2] not in WE) for index in said):
                board.found[key] = candidate.rescored(candidate.score - PROFILE_YIELD)

    def child_s_condition(self, board: Board, query: Query) -> None:
        """« mon fils est autiste », « ma fille est polyhandicapée »: the condition is the
        child's, not the writer's: the place of a person said by a condition alone (« je vis
        avec un handicap ») gives way, unless the writer says it of oneself too (« j'ai un
        handicap et mon fils aussi »)."""
        tokens = query.tokens
        stem_of = self.lexicon.stem_of
        if not any(tokens[i] in _MY and stem_of(tokens[i + 1]) == self._child
                   for i in range(len(tokens) - 1)):
            return
        if any(tokens[i:i + 2] in _I_HAVE and not self._condition.isdisjoint(
                map(stem_of, tokens[i + 2:i + 5])) for i in range(len(tokens))):
            return
        for key, candidate in list(board.found.items()):
            words = self._person_words.get(candidate.place)
            if words and words <= self._condition:
                board.found[key] = candidate.rescored(candidate.score - PROFILE_YIELD)

    def yields(self, board: Board, query: Query) -> None:
        """Who one is gives way to what one asks in the same journey, when both are in the
        text and who one is does not say it all (« je suis maman, c'est confidentiel ? »).
        Someone spoken of (« une maman crie en réunion », « les pros n'écoutent pas les
        parents », « c'est payant pour les personnes handicapées ? ») is not who one is: a
        sentence with no « je », « mon », « nous », « on »… that does not start with who one
        is says more than a person; the places of a person give way to every other place
        (« maman d'un garçon épileptique », « orthophoniste en libéral » are who one is)."""
        profiles = self.profiles
        if (len(query.stems) > 1
                and not (FIRST_PERSON.intersection(query.tokens)
                         or query.grams.any_of(FIRST_PERSON_GRAMS))):
            # The person spoken of still says whom the question is for (« ça apporte quoi
            # pour un professionnel »): that journey's places come first.
            self.said(board)
            first = next((self.lexicon.stem_of(t) for t in query.tokens if is_content(t)), "")
            for key, candidate in list(board.found.items()):
                if (candidate.place in profiles
                        and (query.tokens[0] in SPOKEN_OF
                             or first not in self.phrase_stems.get(candidate.place, ()))):
                    board.found[key] = candidate.rescored(candidate.score - PROFILE_YIELD)
            return
        flows: dict[str, float] = {}  # the best topic of each journey
        for c in board.found.values():
            if (c.score >= TOPIC_MIN and c.via in ("intention", "choix")
                    and c.place not in profiles):
                flow = flow_of(c.place)
                flows[flow] = max(flows.get(flow, 0.0), c.score)
        self.said(board)
        if not flows:
            return
        for key, candidate in list(board.found.items()):
            # A topic weaker than who one is found only the words of who one is (« je suis
            # la maman de… » also finds « juste une maman »): it is not a question.
            if (candidate.place in profiles and candidate.via in ("intention", "choix")
                    and candidate.score < GO + OPTION_PRIOR
                    and flows.get(flow_of(candidate.place), 0.0)
                    >= candidate.score - TOPIC_BEHIND):
                board.found[key] = candidate.rescored(candidate.score - PROFILE_YIELD)

    def said(self, board: Board) -> None:
        """« maman » says: the families' places first."""
        said = {flow_of(c.place) for c in board.found.values()
                if c.place in self.profiles and c.score >= ASK_MIN}
        if not said:  # most texts: no person said
            return
        for key, candidate in list(board.found.items()):
            if candidate.place not in self.profiles and flow_of(candidate.place) in said:
                board.found[key] = candidate.rescored(candidate.score + SAID_PERSONA)

    def topics_first(self, decision: Decision, query: Query) -> Decision:
        """« Vous voulez parler de… ? » offering a person's place and a topic found about as
        well (« mes collègues s'engueulent avec les parents » : the families' journey and
        the tensions): the topic says what is asked, the person's place only who asks; the
        topic comes first."""
        if decision.kind != "ask" or len(decision.candidates) < 2:
            return decision
        first = decision.candidates[0]
        if first.place not in self.profiles:
            return decision
        # A topic that says more than who one is: a typed word of its phrases that the
        # person's phrases do not have (a term of the glossary is rather where one works).
        person = self.phrase_stems.get(first.place, frozenset())
        close = [c for c in decision.candidates[1:] if c.place not in self.profiles
                 and c.score >= first.score - TOPIC_CLOSE and (c.place.startswith(COMMAND) or (
                     not c.place.startswith(GLOSSARY) and not query.stems & self.phrase_stems.get(
                         c.place, frozenset()) <= person))]
        if not close:
            return decision
        rest = [c for c in decision.candidates if c not in close]
        return replace(decision, candidates=(*close, *rest))

    def own_first(self, decision: Decision, persona: str | None) -> Decision:
        """« Vous voulez parler de… ? » asked of someone whose persona is known: another
        person's journey comes after the others (a parent who « ne sait pas quoi dire en
        réunion » sees the families' places before the coordinators' game)."""
        if decision.kind != "ask" or not persona or len(decision.candidates) < 2:
            return decision
        own = self.flows.get(persona)
        if not own:
            return decision
        others = self.flow_ids - own

        def elsewhere(candidate: Candidate) -> bool:
            return flow_of(candidate.place) in others

        def theirs(candidate: Candidate) -> bool:
            return flow_of(candidate.place) in own or candidate.place.startswith(REPLY)

        ordered = tuple(sorted(decision.candidates, key=elsewhere))
        first, *rest = decision.candidates
        if theirs(first) and all(map(elsewhere, rest)):
            # The best place is theirs (their journey, an answer said in place), the
            # others are in another person's journey: « où sont les réunions » typed by a
            # parent is the meetings' answer, not the coordinators' scenario or posture.
            return replace(decision, kind="go", candidates=ordered)
        if not elsewhere(decision.candidates[0]):
            return decision
        return replace(decision, candidates=ordered)


def _skip(tokens: tuple[str, ...], leading: frozenset[str]) -> int:
    """The index of the first token that is not one of these leading words (a greeting,
    « moi », « alors »…)."""
    start = 0
    while start < len(tokens) and tokens[start] in leading:
        start += 1
    return start
