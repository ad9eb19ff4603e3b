"""What a typed text does where the person is: go, answer in place, ask, or say it missed.

The understanding says where a text leads (`Decision`); this module says what the coach
does with it at the record's step: a place of the directory sought, an answer of one's
own words at an `ask:` step (`coach.engine.typed_answers`), the places gone to or the
answers said in place (a short answer, a term, the step's own message again), two
requests of one message (`coach.engine.second_request`), « Vous voulez parler de… ? », a
request the content does not handle, and the misses that escalate. It also says what
the buttons of « Vous voulez parler de… ? » and « Vous avez aussi demandé » lead to (a
place found, acted on here). The engine keeps navigation (entering nodes, following
choices, detours, stages' places, rendering steps); this module reaches it only through
`Moves`, so that the turn function stays about where the person goes.
"""

from __future__ import annotations

from itertools import islice
from typing import Any, Protocol

from coach.content.model import Content, NodeRef
from coach.content.schema import Choice
from coach.engine.directory_turns import DirectoryTurns, answer_wish
from coach.engine.nlu.french import STOPWORDS, word_set, words
from coach.engine.nlu.places import (
    CHOICE,
    COMMAND,
    GLOSSARY,
    HERE,
    REPLY,
    SIMPLIFY,
    TERMS,
    node_place,
)
from coach.engine.presenting import in_place
from coach.engine.record import Record
from coach.engine.render import Renderer
from coach.engine.saying import Saying
from coach.engine.second_request import ALSO_MESSAGE, doubtful_other, requests
from coach.engine.simplifying import easy_to_read_to_answer
from coach.engine.typed_answers import KEEP_TYPED, TYPED_QUESTION, TypedAnswers
from coach.engine.understand import OTHER, Candidate, Context, Decision, Understanding

# Said to someone who says again who they are, in their own journey.
WHO_KNOWN = "profil-connu"
# The variant of an answer for someone who has said who they are (`reponse-bonjour-connu`).
KNOWN_SUFFIX = "-connu"
MISS_MESSAGES = ("pas-compris", "pas-compris-choix", "pas-compris-personne")
# After the third miss the coach alternates these (the first one the content defines).
LAST_RESORT = ("pas-compris-personne", "pas-compris-relance", "pas-compris-choix")
# A request the content does not handle (`Decision.off_topic`): what the coach talks about
# and who answers other requests (the site's contact when it has one), then, asked again
# at once, a shorter reminder. Without these messages, the content's misses are said.
OFF_TOPIC, OFF_TOPIC_NO_CONTACT, OFF_TOPIC_AGAIN = (
    "hors-sujet", "hors-sujet-sans-contact", "hors-sujet-encore")
# A text about the very step the person is at (`HERE`): the line that says so before the
# step's message said again, and, asked again at once, the line alone (the message is just
# above): never the same message twice in a row.
SAID_HERE, SAID_HERE_AGAIN = "ici-rappel", "ici-encore"
# Words that say nothing of what a message is about (for « is this a new question? »).
FILLER = word_set("""
je j tu il elle on nous vous ils elles me te se le la les l un une des du de d a au aux et ou
est c ce ca cela qui que qu quoi y en ne n pas plus svp stp merci oui non ok bon alors
""")


class Moves(Protocol):
    """What the typed turns ask of the engine: where the person is, and the moves."""

    def available_choices(self, record: Record) -> list[Choice]:
        """The step's choices whose conditions hold."""

    def context(self, record: Record) -> Context:
        """What the understanding needs to know about where the person types."""

    def follow(self, record: Record, choice: Choice, node: str) -> None:
        """Take a choice of `node` as its button does."""

    def run_command(self, record: Record, command: str) -> None:
        """Run a global command (coach.engine.commands)."""

    def simplify(self, record: Record) -> None:
        """« je comprends pas »: easy-to-read on, what was just said again in it."""

    def jump(self, record: Record, place: str) -> None:
        """Go straight to a place named by an intent (a detour where one is due)."""

    def go_on_asked(self, record: Record) -> None:
        """The `ask:` step answered: on as it says."""

    def messages_said(self, record: Record, ref: NodeRef) -> list[int]:
        """The indexes of a node's messages whose conditions hold."""

    def content_entry(self, record: Record, ref: NodeRef, index: int) -> list[Any]:
        """The transcript entry of a node's message."""


def new_question(record: Record) -> bool:
    """Whether the text just typed asks something new: it shares no word of substance
    with the one before, or, when either has none (« c pour moi ? » after « vous
    recrutez ? »), its words differ. Only the same words again (« bla bla » then « bla
    bla bla », « c'est quoi une cop » then « une cop c'est quoi ») are the same question."""
    typed = [str(e[1]) for e in islice(
        (e for e in record.transcript.from_end() if e[0] == "text"), 2)]
    if len(typed) < 2:
        return False
    said = [{w for w in words(text) if w not in FILLER} for text in typed]
    now, before = ({w for w in kept if w not in STOPWORDS} for kept in said)
    if now and before:
        return not now & before
    return said[0] != said[1]


class TypedTurns:
    """The typed turns. It holds what it needs from the engine (content, the
    understanding, the directory's turns, the renderer's labels, the coach's messages)
    and the engine's `Moves`, never a conversation: every call takes the record."""

    def __init__(self, content: Content, understanding: Understanding,
                 directory: DirectoryTurns, renderer: Renderer, saying: Saying,
                 moves: Moves) -> None:
        self.content = content
        self.understanding = understanding
        self.directory = directory
        self.renderer = renderer
        self.saying = saying
        self.moves = moves
        self.answers = TypedAnswers(content, understanding)

    # -- a typed text ------------------------------------------------------------------
    def play(self, record: Record, text: str) -> None:
        """The person typed `text` at the record's step."""
        record.transcript.append(["text", text])
        also, record.also = record.also, []
        here = self.content.node_or_none((record.flow, record.node))
        at_directory = bool(here and here.directory)
        # a place typed there (with or without a directory), a wish, a theme
        if at_directory and self.directory.typed_here(record, text):
            return
        decision = self.understanding.decide(text, self.moves.context(record))
        if at_directory and self.directory.asks_here_again(record, text, decision):
            # « il y a une cop près de chez moi ? » asked again where it is answered: not
            # the same question a second time, but where to write the place (or whom to ask).
            record.pending = []
            record.misses = 0
            answer_wish(record, "ici")
            return
        other = self._doubtful_other(record, text, decision)
        if self._seek_place(record, text, decision, other):
            return
        if (len(record.pending) > 1 and decision.kind == "miss"
                and self.understanding.says_yes(text)):
            # « oui » to several places: which one? They stay offered.
            self.saying.say(record, ("sens-lequel", "sens-question"))
            return
        if self._simplify_only(decision):
            # « je comprends pas »: what was just said, again in easy-to-read, with the
            # buttons that were on screen (« Vous voulez parler de… ? »'s, « Vous avez
            # aussi demandé »'s, a typed answer's to confirm)
            record.misses = 0
            record.also = also
            self.moves.simplify(record)
            return
        record.pending = []
        node = self.content.node_or_none((record.flow, record.node))
        if node is not None and node.ask is not None and self._typed_answer(
                record, node.ask.variable, text, decision):
            return
        self._answer(record, decision, other)

    @staticmethod
    def _simplify_only(decision: Decision) -> bool:
        """« je comprends pas » alone: no question with it (that one is answered)."""
        best = decision.best
        return (decision.kind == "go" and best is not None and best.key == SIMPLIFY
                and not decision.also)

    def _doubtful_other(self, record: Record, text: str, decision: Decision) -> str | None:
        """Another request of the message the understanding was not sure of, to offer
        (`coach.engine.second_request.doubtful_other`)."""
        context = self.moves.context(record)
        return doubtful_other(
            text, decision, lambda clause: self.understanding.decide(clause, context),
            self.understanding.persons.profiles, node_place(record.flow, record.node))

    def _answer(self, record: Record, decision: Decision, other: str | None = None) -> None:
        """What a typed text leads to: go there, « Vous voulez parler de… ? », or a miss;
        `other`, a request of the message not understood for sure, offered after."""
        record.proposal = []
        best = decision.best
        if decision.kind == "go" and best is not None:
            record.misses = 0
            self._act_all(record, [best, *decision.also], other)
        elif decision.kind == "ask":
            self._ask(record, [c.key for c in decision.candidates])
        else:
            self._miss(record, decision)

    def _seek_place(self, record: Record, text: str, decision: Decision,
                    other: str | None = None) -> bool:
        """« ya un groupe dans le nord ? » (understood as the directory) shows the
        communities of the place named; « 59 » or « dans le Nord » alone does too at the
        menu and where a choice leads to the directory. True when done."""
        sought = self.directory.sought(record, text, decision)
        if sought is None:
            return False
        record.pending = []
        record.misses = 0
        record.proposal = []
        here = node_place(record.flow, record.node)
        best = decision.best
        also = decision.also if decision.kind == "go" else ()
        # « un groupe vers Rennes ? et c'est gratuit ? »: both; another place, named after
        offered = requests([best, *also], here).offered if (
            also and best is not None and best.key == sought.key) else other
        self._said_before_going(record, list(requests(also, here).said))
        self.act(record, sought.key)
        self.directory.arrived(record, sought)
        self._offer_also(record, offered)
        return True

    # -- an answer of one's own words (`ask:` steps) -------------------------------------
    def _typed_answer(self, record: Record, variable: str, text: str,
                      decision: Decision) -> bool:
        """At an `ask:` node: the person's own answer, shown back for confirmation, or
        what a text says instead of its buttons. True when the text was taken as (or
        settled) a typed answer."""
        said = self.answers.said_instead(record, text)
        if said is not None:
            proposal, record.proposal = record.proposal, []
            if said == TYPED_QUESTION:
                self.typed_question(record, proposal)
            else:
                self.settle(record, proposal, said == KEEP_TYPED)
            return True
        return self.answers.show_back(record, variable, text, decision)

    def typed_question(self, record: Record, proposal: list[str]) -> None:
        """« C’était une question »: the text shown back is understood as typed at this
        step, and never kept for the draft; a place it leads to is a detour back to it."""
        text = proposal[1] if len(proposal) == 2 else ""
        decision = self.understanding.decide(text, self.moves.context(record))
        other = self._doubtful_other(record, text, decision)
        if not self._seek_place(record, text, decision, other):
            self._answer(record, decision, other)

    def settle(self, record: Record, proposal: list[str], keep: bool) -> None:
        """Keep the typed answer and go on as the `ask:` says, or invite to write again."""
        if self.answers.settle(record, proposal, keep):
            self.moves.go_on_asked(record)

    # -- places and answers ------------------------------------------------------------
    def _act_all(self, record: Record, asked: list[Candidate],
                 other: str | None = None) -> None:
        """Two requests in one message (« c'est gratuit ? et ça prend combien de temps »):
        the answers said in place (the cost, a term) first, then the one place to go; of
        two places, the first, and the other named after it with a button
        (`coach.engine.second_request`). Said with « je ne comprends pas » (`SIMPLIFY`
        first), the answers come in easy-to-read. `other`, a request not understood for
        sure, is offered when no other place is."""
        asked = [Candidate(in_place(self.content, c.key), c.place, c.score, c.via)
                 for c in asked]
        if asked[0].key == SIMPLIFY and len(asked) > 1:
            easy_to_read_to_answer(self.saying, record)
            asked = asked[1:]
        found = requests(asked, node_place(record.flow, record.node))
        if found.going is None:
            if other is not None and self._can_offer(record, other):
                # « c gratuit et comment on participe »: the answer, then the other
                # request named with its button (no way back between them).
                self._said_before_going(record, list(found.said))
                self._offer_also(record, other)
                return
            # Answers said in place only: the way back said once, after the last one.
            self._said_before_going(record, list(found.said[:-1]))
            for key in found.said[-1:]:
                self.act(record, key)
            return
        self._said_before_going(record, list(found.said))
        self.act(record, found.going)
        self._offer_also(record, found.offered or other)

    def _offer_also(self, record: Record, place: str | None) -> None:
        """« Vous avez aussi demandé : … », with a button to go there (`ALSO_CHOICE`), after
        the first request's place: not when the coach asks something else meanwhile (an
        offer, a typed answer to confirm), nor when the person already stands there."""
        if place is None or not self._can_offer(record, place):
            return
        record.also = [place]
        record.transcript.append(["offer", ALSO_MESSAGE, [place], record.flow, record.node])

    def _can_offer(self, record: Record, place: str) -> bool:
        """Whether « Vous avez aussi demandé » can name `place` here (see `_offer_also`)."""
        return not (record.pending or record.proposal
                    or ALSO_MESSAGE not in self.content.system
                    or place == node_place(record.flow, record.node)
                    or self.renderer.place_label(place, record.falc) is None)

    def _said_before_going(self, record: Record, keys: list[str]) -> None:
        """Answers said in place (the cost, a term) before a place that follows: without
        « reprenons… », since the place comes next."""
        for key in [in_place(self.content, key) for key in keys]:
            if key.startswith(REPLY):
                self._reply(record, key[len(REPLY):], way_back=False)
            elif key.startswith(GLOSSARY):
                self._explain(record, key[len(GLOSSARY):], way_back=False)

    def act(self, record: Record, key: str) -> None:
        """Do what a place means: follow a choice, run a command, explain a term, or jump
        (a place typed, or chosen among those the coach offered)."""
        key = in_place(self.content, key)  # « vous êtes qui ? »: answered here
        if key.startswith(CHOICE):
            choice = next((c for c in self.moves.available_choices(record)
                           if c.id == key[len(CHOICE):]), None)
            if choice is not None:
                self.moves.follow(record, choice, record.node)
            else:  # the choice went away (a guard changed): show what is possible now
                self.saying.say(record, ("pas-compris-choix",))
        elif key.startswith(COMMAND):
            self.moves.run_command(record, key[len(COMMAND):])
        elif key.startswith(GLOSSARY):
            self._explain(record, key[len(GLOSSARY):])
        elif key.startswith(REPLY):
            self._reply(record, key[len(REPLY):])
        elif key.startswith(HERE) and self.directory.at_directory(record):
            # where the coach asks where one lives, its answer is whom to ask (« c ou »)
            answer_wish(record, "ici")
        elif key.startswith(HERE):
            self._say_again(record, key[len(HERE):])
        elif key == OTHER:
            self.saying.say(record, ("autre-chose", "pas-compris-personne"))
        elif self._says_who_again(record, key):
            self.saying.say(record, (WHO_KNOWN,))
        else:
            self.moves.jump(record, key)

    def _says_who_again(self, record: Record, place: str) -> bool:
        """« je suis la maman de Léa » typed by a parent already in the families' journey:
        the journey's first step (three messages) is not said again, only that it is
        noted (when the content has `profil-connu`). Typed only: the same place chosen
        among « Vous voulez parler de… ? » is gone to."""
        ref = self.content.resolve(record.flow, place)
        if not self.content.has_node(ref):  # content changed: the jump says so
            return False
        persona = self.understanding.places.sets.get(place, {}).get("persona")
        typed = bool(record.transcript) and record.transcript[-1][0] == "text"
        return (typed and persona is not None and persona == record.vars.get("persona")
                and ref[0] == record.flow and WHO_KNOWN in self.content.system)

    def _say_again(self, record: Record, wanted: str) -> None:
        """The text is about the step the person is at (« LSF » where the step speaks of it):
        a line says so (`ici-rappel`, or the step's own `ici-rappel-<node>`), then the step's
        message `wanted` (its index, or the first one said when its condition does not
        hold) in the conversation's language; the
        person stays, with the step's choices. Asked again right after, only the short line
        `ici-encore` (the message is just above), with « Menu » and « Parler à une
        personne »."""
        ref = (record.flow, record.node)
        said = self.moves.messages_said(record, ref)
        if not said:
            self.saying.say(record, ("pas-compris-choix",))
            return
        index = int(wanted) if wanted.isdigit() and int(wanted) in said else said[0]
        entry = self.moves.content_entry(record, ref, index)
        # A step's own line, when the content has one (`ici-rappel-<node>`): « je peux
        # venir ? » typed at the persons' step is answered « Oui » before the step again.
        here = self.saying.variant(SAID_HERE, f"-{record.node}", True)
        since = list(islice(record.transcript.from_end(), 1, 3))[::-1]  # before the text
        if since == [["coach", here], entry] and SAID_HERE_AGAIN in self.content.system:
            record.transcript.append(["coach", SAID_HERE_AGAIN])
            return
        if here in self.content.system:
            record.transcript.append(["coach", here])
        record.transcript.append(entry)

    def _explain(self, record: Record, terms: str, way_back: bool = True) -> None:
        """Terms of the glossary (one or several), then the way back: the current choices
        (not when a place follows in the same turn)."""
        for term in terms.split(TERMS):
            record.transcript.append(["glossary", term])
        if way_back and self.moves.available_choices(record):
            self.saying.say(record, ("glossaire-suite",))

    def _reply(self, record: Record, answer: str, way_back: bool = True) -> None:
        """« Merci », « bonjour », the cost: answered where the person is, then go on (the
        way back is not said when a place follows in the same turn). Someone who has said
        who they are gets the message's `-connu` variant, when there is one: « bonjour »
        typed in their journey does not ask them again who they are."""
        message = self.saying.for_contact(self.saying.variant(
            f"{REPLY[:-1]}-{answer}", KNOWN_SUFFIX, bool(record.vars.get("persona"))))
        if message in self.content.system:
            record.transcript.append(["coach", message])
        if (way_back and self.moves.available_choices(record)
                and "reponse-suite" in self.content.system):
            record.transcript.append(["coach", "reponse-suite"])

    # -- asking, and missing -----------------------------------------------------------
    def _ask(self, record: Record, keys: list[str]) -> None:
        """« Vous voulez parler de… ? » with the plausible places as buttons; asked again at
        once, « toujours pas » only for the same question (`new_question`), else the
        closest subjects to this new one (`sens-autre`)."""
        record.pending = keys
        if len(keys) == 1 and "sens-un" in self.content.system:
            record.transcript.append(["offer", "sens-un", keys, record.flow, record.node])
        else:
            again = "sens-autre" if new_question(record) else "pas-compris-choix"
            self.saying.say(record, ("sens-question", again))

    def _miss(self, record: Record, decision: Decision) -> None:
        """No-match escalates: re-ask, show the buttons, « A ou B ? », then offer a person.
        A request understood as off-topic is answered as such, and is no miss: the next
        text that is not understood starts the escalation again (never « toujours pas »)."""
        if decision.off_topic and self._off_topic(record):
            record.misses = 0
            return
        level = record.misses
        record.misses += 1
        if decision.hostile:
            self.saying.say(record, ("calme", "pas-compris-personne"))
        elif level == 1 and new_question(record):  # something else: no « toujours pas »
            self.saying.say(record, ("pas-compris-autre", MISS_MESSAGES[level]))
        elif level < 2:
            self.saying.say(record, (MISS_MESSAGES[level],))
        elif (level == 2 and len(decision.candidates) >= 2
              and "vous-voulez-dire" in self.content.system):
            keys = [c.key for c in decision.candidates[:2]]
            record.pending = keys
            record.transcript.append(["offer", "vous-voulez-dire", keys, record.flow, record.node])
        else:
            self.saying.say(record, LAST_RESORT)

    def _off_topic(self, record: Record) -> bool:
        """« vous recrutez ? »: what the coach talks about and who answers other requests;
        when the coach has just said so (the entry before this turn's text), the shorter
        reminder. False when the content has none of these messages."""
        first = OFF_TOPIC if self.saying.has_contact() else OFF_TOPIC_NO_CONTACT
        before = next(islice(record.transcript.from_end(), 1, 2), None)
        just_said = bool(before and before[0] == "coach"
                         and before[1] in (OFF_TOPIC, OFF_TOPIC_NO_CONTACT))
        said = [m for m in map(self.saying.for_contact,
                               (OFF_TOPIC_AGAIN, first) if just_said else (first,))
                if m in self.content.system]
        if not said:
            return False
        record.transcript.append(["coach", said[0]])
        return True
