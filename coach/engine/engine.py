"""The turn function: (compiled flows, stored record, input) → (new record, step).

The `Engine` is built once at start-up from the loaded content. It holds no
conversation: every call takes a record and returns a new one.
"""

from __future__ import annotations

import hashlib
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from coach.communities import Communities, Wishes
from coach.content.answer_edits import draft_parts, edits_answers
from coach.content.guards import Guard, compile_guard
from coach.content.model import Content, NodeRef
from coach.content.placeholders import CONTACT_KEYS, placeholders
from coach.content.schema import (
    CALL_DEPTH_VARIABLE,
    CALL_ORIGIN_VARIABLE,
    CONTACT_VARIABLE,
    DIRECTORY_VARIABLE,
    DRAFT_ANSWERS_VARIABLE,
    STAGES_LEFT_VARIABLE,
    TYPED_PREFIX,
    Choice,
    Message,
    Node,
)
from coach.engine.commands import COMMANDS, DRAFT_ELSEWHERE
from coach.engine.directory_turns import (
    TALK_TO_A_PERSON,
    DirectoryTurns,
    answer_wish,
    show_communities,
)
from coach.engine.directory_turns import region_id as region_id  # re-exported
from coach.engine.errors import KeyReusedForAnotherInput, UnknownChoice, UnknownFlow
from coach.engine.machines import ASKED, NEXT, CompiledFlow, compile_all
from coach.engine.nlu.french import STOPWORDS, normal, word_set, words
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
from coach.engine.presenting import first_line, in_place
from coach.engine.progress import ProgressMap, WhereReport
from coach.engine.record import Record, new_conversation_id
from coach.engine.render import NO_CONTACT_SUFFIX, Rendered, Renderer
from coach.engine.second_request import ALSO_CHOICE, ALSO_MESSAGE, requests
from coach.engine.understand import OTHER, Candidate, Context, Decision, Understanding

# A chain of automatic routes longer than this is a content bug; stop rather than spin.
MAX_AUTOMATIC_HOPS = 50
# Back from a detour, a node of at most this many messages is said again whole (what was
# on screen when the person left); a longer one is named (BACK_NAMED), then its last
# message is said: its question or what to do next, never a wall of text on a phone.
SAID_AGAIN = 3
BACK, BACK_NAMED = "retour-appel", "retour-appel-lieu"
# Easy-to-read asked for: the messages said again (`simplifier-oui` as it turns on,
# `simplifier-deja`, `simplifier-encore` when it was on), then, asked again at once, only
# where they are (`simplifier-plus`).
SAID_AGAIN_EASY = ("simplifier-oui", "simplifier-deja", "simplifier-encore")
SAID_AGAIN_ALREADY = "simplifier-plus"
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
# A coach message's variant for a site with no contact (« Parler à une personne » has no
# one to offer): `<id>-sans-contact` (NO_CONTACT_SUFFIX), said instead when the content has it.
# A text about the very step the person is at (`HERE`): the line that says so before the
# step's message said again, and, asked again at once, the line alone (the message is just
# above): never the same message twice in a row.
SAID_HERE, SAID_HERE_AGAIN = "ici-rappel", "ici-encore"
# Coach messages after which the menu and « Parler à une personne » are offered as buttons.
OFFER_MESSAGES = frozenset({"pas-compris-personne", "pas-compris-relance", "autre-chose",
                            "calme", OFF_TOPIC, OFF_TOPIC_NO_CONTACT, OFF_TOPIC_AGAIN,
                            SAID_HERE_AGAIN, SAID_AGAIN_ALREADY,
                            f"{SAID_AGAIN_ALREADY}{NO_CONTACT_SUFFIX}"})
# Words that say nothing of what a message is about (for « is this a new question? »).
FILLER = word_set("""
je j tu il elle on nous vous ils elles me te se le la les l un une des du de d a au aux et ou
est c ce ca cela qui que qu quoi y en ne n pas plus svp stp merci oui non ok bon alors
""")
# Choice ids of « Vous voulez parler de… ? »: sens-1, sens-2, sens-3, and « Autre chose ».
SENSE = "sens-"
SENSE_OTHER = "sens-autre"
# Detours nest this deep at most (`coach lint` refuses content that could go deeper).
MAX_CALL_DEPTH = 4
# The buttons under a typed answer shown back (`ask:` nodes): keep it, write it again, or
# « C’était une question », understood as a question asked from the step.
KEEP_TYPED = "saisie-garder"
RETYPE = "saisie-reecrire"
TYPED_QUESTION = "saisie-question"
# The way back to the `ask:` step from a place its question led to, when that place has no
# « Revenir où j’en étais » (`return: true`) of its own.
BACK_TO_ASK = "saisie-revenir"
# A typed answer is shown back plainly, or as « une réponse, ou une question ? » when it
# reads as one (it starts so, or ends with « ? ») and the understanding leads it somewhere.
CONFIRM, CONFIRM_QUESTION = "saisie-confirmer", "saisie-confirmer-question"
QUESTION_STARTS = ("comment", "pourquoi", "c est quoi", "qu est ce", "est ce que", "quel",
                   "quelle", "quels", "quelles", "combien", "quand", "ou", "qui", "a quoi",
                   "que veut dire", "ca veut dire")
# At an `ask:` node, a typed text is a choice or a command only when it says one plainly.
ASK_PLAIN_SCORE = 0.97


@dataclass(frozen=True)
class ChoiceInput:
    id: str


@dataclass(frozen=True)
class TextInput:
    text: str


Input = ChoiceInput | TextInput


@dataclass(frozen=True)
class Step:
    """What a turn shows: the new messages and what the person may answer."""

    record: Record
    messages: list[Rendered]
    choices: list[dict[str, str]]
    commands: list[dict[str, str | bool]]
    end: bool
    # The step answers again a turn already played (same Idempotency-Key): nothing to save.
    replayed: bool = False
    # Where the person is in a staged journey (see `coach.engine.progress`), or None.
    progress: dict[str, Any] | None = None
    # The draft is offered under this step's last message (the end of a journey that
    # builds it, or a node that shows it).
    draft_here: bool = False
    # The conversation has a draft to offer (in the options): it is in, or has answered
    # in, a journey that builds one. Never for a parent who did not.
    draft_offered: bool = False
    # The blank tools this place presents (its node's `tools`, ids of the resource bank).
    tools: tuple[str, ...] = ()


def printable(text: str) -> str:
    """The typed text on one line, without control characters (the draft's DOCX and ODT
    are XML, which refuses them); everything else is kept as typed."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs", "Cn")
                   or ch.isspace())
    return " ".join(kept.split())


def input_fingerprint(given: Input) -> str:
    """A short digest of a turn's input, kept with its Idempotency-Key in the record (the
    person's own conversation, never elsewhere) to tell a retry from a different request."""
    raw = ("c:" + given.id) if isinstance(given, ChoiceInput) else ("t:" + given.text)
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=8).hexdigest()


class Engine:
    def __init__(self, content: Content, context: Mapping[str, str] | None = None,
                 communities: Communities | None = None) -> None:
        self.content = content
        self.communities = communities or Communities()
        # What may be said instead of a place where the directory asks, and instead of the
        # buttons under a typed answer shown back: the content's phrases (commun.yaml).
        self.wishes = Wishes(content.common.directory_wishes)
        typed = content.common.typed_answer
        self._said_keep, self._said_retype, self._said_question = (
            frozenset(normal(p) for p in phrases)
            for phrases in (typed.keep, typed.retype, typed.question))
        self.flows: dict[str, CompiledFlow] = compile_all(content)
        self.understanding = Understanding(content)
        self.progress = ProgressMap(content)
        self.where = WhereReport(self.progress)
        self.renderer = Renderer(content, context or {}, self.understanding.places, self.where,
                                 self.communities)
        self._message_variables: dict[int, tuple[str, ...]] = {}
        # The commands this content defines (and those only typed), in the table's order
        # (coach.engine.commands).
        self.command_specs = {spec.id: spec for spec in COMMANDS
                              if spec.typed_only or spec.id in content.commands}
        self._commands: dict[bool, list[dict[str, str | bool]]] = {
            falc: [{"id": spec.id, "label": self._command_label(spec.id, falc),
                    "shown": spec.shown}
                   for spec in self.command_specs.values() if not spec.typed_only]
            for falc in (False, True)
        }
        self._offered_when_lost = {
            falc: [{"id": spec.id, "label": self._command_label(spec.id, falc)}
                   for spec in self.command_specs.values() if spec.offered_when_lost]
            for falc in (False, True)
        }
        draft_flows = [f for f in content.flows.values() if f.header.draft]
        self._draft_flows = frozenset(f.id for f in draft_flows)
        self._draft_variables = frozenset(
            name for flow in draft_flows for node in flow.nodes.values()
            for choice in node.choices for name in (*choice.set, *choice.add))
        # The journeys that build the draft, from the flows' `draft: true`: those flows, the
        # menu their headers name (the coordinator's hub), and the persona they are for.
        self._draft_journeys = self._draft_flows | frozenset(
            self.content.resolve(f.id, f.header.menu)[0] for f in draft_flows if f.header.menu)
        self._draft_personas = frozenset(
            f.header.persona for f in draft_flows if f.header.persona)
        # The variables a part of the draft reads (its answers, chosen or typed).
        self._draft_answers = frozenset(draft_parts()) if draft_flows else frozenset()
        self._guards: dict[str, Guard] = {}
        for _flow, node in content.iter_nodes():
            for item in [*node.choices, *node.messages]:
                if item.when and item.when not in self._guards:
                    self._guards[item.when] = compile_guard(item.when)
        self.directory = DirectoryTurns(
            content, self.communities, self.wishes, self.understanding,
            self.available_choices, self.context,
            {falc: {"id": TALK_TO_A_PERSON, "label": self._command_label(TALK_TO_A_PERSON, falc)}
             for falc in (False, True)} if TALK_TO_A_PERSON in self.command_specs else {})

    # -- public API -------------------------------------------------------------------
    def start(self, flow: str | None = None, falc: bool = False) -> Step:
        if flow is None:
            ref = self.content.entry
        elif flow in self.content.flows:
            ref = (flow, self.content.flows[flow].header.start)
        else:
            raise UnknownFlow(flow)
        record = Record(id=new_conversation_id(), flow=ref[0], node=ref[1], origin=ref[0],
                        content_version=self.content.version, falc=falc)
        greeting = first_line(self.content, ref)  # started in a journey: who the coach is
        if greeting is not None:
            record.transcript.append(["coach", greeting])
        self._enter(record, ref)
        self.progress.remember_place(record)
        record.mark_turn(0, record.created)
        return self.step(record, 0)

    def play(self, stored: Record, given: Input, idempotency_key: str | None = None) -> Step:
        if idempotency_key and idempotency_key in stored.idempotency_steps:
            first, last, *seen = stored.idempotency_steps[idempotency_key]
            # Keys remembered before fingerprints were kept (two numbers) replay as before.
            if seen and seen[0] != input_fingerprint(given):
                raise KeyReusedForAnotherInput(idempotency_key)
            return self.step(stored, int(first), int(last), replayed=True)
        record = stored.copy()
        first = len(record.transcript)
        if self._relocate_if_content_changed(record):
            pass  # the input belonged to a place that no longer exists: show the safe place
        elif isinstance(given, ChoiceInput):
            self._play_choice(record, given.id)
        else:
            self._play_text(record, given.text)
        self.progress.remember_place(record)
        record.updated = time.time()
        record.mark_turn(first, record.updated)
        if idempotency_key:
            record.remember_step(idempotency_key, first, input_fingerprint(given))
        return self.step(record, first)

    def set_falc(self, stored: Record, falc: bool) -> Record:
        record = stored.copy()
        record.falc = falc
        record.updated = time.time()
        return record

    def step(self, record: Record, first: int, last: int | None = None,
             replayed: bool = False) -> Step:
        node = self.content.node_or_none((record.flow, record.node))
        return Step(
            record=record,
            messages=self.renderer.transcript(record, first, last),
            choices=self.shown_choices(record),
            commands=self.commands(record.falc),
            end=bool(node and node.end),
            replayed=replayed,
            progress=self.progress.progress(record),
            draft_here=self._draft_here(record, node),
            draft_offered=self.draft_offered(record),
            tools=tuple(node.tools) if node is not None else (),
        )

    def _draft_here(self, record: Record, node: Node | None) -> bool:
        if node is None:
            return False
        return node.draft or (node.end and record.flow in self._draft_flows)

    def draft_offered(self, record: Record) -> bool:
        """In a journey that builds the draft, or with answers from one."""
        return record.flow in self._draft_flows or not self._draft_variables.isdisjoint(
            record.vars)

    def builds_draft(self, record: Record) -> bool:
        """The person's journey builds the draft: where they are, or where the detour they
        are in started, is a journey that builds it (or its hub), they said they coordinate,
        or they have answers in it."""
        here = {record.flow, *(frame[0] for frame in record.calls)}
        return (not self._draft_journeys.isdisjoint(here)
                or record.vars.get("persona") in self._draft_personas
                or self.draft_offered(record))

    def draft_answers(self, record: Record) -> int:
        """How many of the draft's answers the conversation holds, chosen or typed."""
        return sum(1 for name in self._draft_answers if record.vars.get(name) is not None)

    def open_draft(self, record: Record) -> None:
        """The typed « mon brouillon »: the draft's summary as a detour from this step (the
        stage, its part and the progress stay those of this step; « Revenir où j’en
        étais » comes back here); in a journey that builds no draft, say so, and stay."""
        summary = self.content.draft_summary
        if summary is None or not self.content.has_node(summary) or not self.builds_draft(
                record):
            self._say(record, (DRAFT_ELSEWHERE,))
            return
        offered = next((c for c in self.available_choices(record) if not c.call
                        and self.content.resolve(record.flow, c.target) == summary), None)
        if offered is not None:  # « Revoir mon brouillon » is a button here: that button
            record.transcript.append(["choice", record.flow, record.node, offered.id])
            self._follow(record, offered)
            return
        record.snapshot()
        if (record.flow, record.node) != summary:
            record.calls.append([record.flow, record.node, summary[0]])
            del record.calls[:-MAX_CALL_DEPTH]
        self._enter(record, summary)

    def conversation(self, record: Record, first: int = 0, last: int | None = None) -> Step:
        """The conversation's messages from transcript position `first` to `last`."""
        return self.step(record, first, last)

    def notice(self, message_id: str, falc: bool,
               values: Mapping[str, object] | None = None) -> str:
        """A system message of commun.yaml, filled, in the conversation's language."""
        entry: list[object] = ["coach", message_id] + ([dict(values)] if values else [])
        rendered = self.renderer.entry(0, entry, falc)
        return rendered.text if rendered is not None else ""

    def available_choices(self, record: Record) -> list[Choice]:
        return self.choices_at(record, (record.flow, record.node))

    def choices_at(self, record: Record, ref: NodeRef) -> list[Choice]:
        """The choices of a node whose conditions hold for this record (the step's own are
        `available_choices`; typed « passer » reads its part's other steps too)."""
        node = self.content.node_or_none(ref)
        if node is None:
            return []
        variables = self._guard_variables(record)
        return [c for c in node.choices
                if (not c.when or self._guards[c.when](variables))
                and (record.calls or not c.returns)]

    def _guard_variables(self, record: Record) -> Mapping[str, Any]:
        """The variables guards read: inside a detour, `appel` is its depth and
        `appel_depuis` the place that called it (« parcours:nœud »); in a staged journey,
        `etapes_restantes` the stages not seen in full yet; everywhere, `annuaire` the
        number of communities this site lists (0 without a directory), and `contact`
        whether it gives a phone number or an e-mail address."""
        variables: Mapping[str, Any] = record.vars
        if record.calls:
            caller_flow, caller_node, _called = record.calls[-1]
            variables = {**variables, CALL_DEPTH_VARIABLE: len(record.calls),
                         CALL_ORIGIN_VARIABLE: f"{caller_flow}:{caller_node}"}
        computed: dict[str, Callable[[], Any]] = {
            DRAFT_ANSWERS_VARIABLE: lambda: self.draft_answers(record),
            DIRECTORY_VARIABLE: lambda: len(self.communities.entries),
            CONTACT_VARIABLE: self._has_contact}
        if record.seen:
            computed[STAGES_LEFT_VARIABLE] = lambda: self.progress.stages_left(record)
        return Computed(variables, computed)

    def commands(self, falc: bool) -> list[dict[str, str | bool]]:
        """Every command this content defines; `shown` ones are buttons at every step."""
        return self._commands[falc]

    def _command_label(self, command_id: str, falc: bool) -> str:
        command = self.content.commands[command_id]
        return command.label_falc if falc else command.label

    def shown_choices(self, record: Record) -> list[dict[str, str]]:
        """The buttons of this step: the node's choices, or the places the coach offers."""
        falc = record.falc
        if record.proposal:
            return [{"id": key, "label": self._system_text(key, falc)}
                    for key in (KEEP_TYPED, RETYPE, TYPED_QUESTION)]
        if record.pending:
            shown = [{"id": f"{SENSE}{i}", "label": self._place_label(record, key)}
                     for i, key in enumerate(record.pending, start=1)]
            return [*shown, {"id": SENSE_OTHER,
                             "label": self.understanding.places.other.get(falc)}]
        shown = [{"id": c.id, "label": c.label_falc if falc else c.label}
                 for c in self.available_choices(record)]
        if record.also:  # the other request of the message typed, first: it was just named
            label = self._place_label(record, record.also[0])
            if all(item["label"] != label for item in shown):
                shown.insert(0, {"id": ALSO_CHOICE, "label": label})
        if self._asked_from_step(record):
            shown.append({"id": BACK_TO_ASK, "label": self._system_text(BACK_TO_ASK, falc)})
        if self.directory.at_directory(record) and self.communities:
            shown = [*self.directory.places_offered(record, falc), *shown]
        if self._offers_help(record):
            taken = {item["id"] for item in shown}
            # « Menu » where the step's own « Revenir au menu » already leads: one button,
            # not two that look alike (seen in easy-to-read when finding a community).
            menu = self.journey_menu(record) or self.content.menu
            if any(self.content.resolve(record.flow, c.target) == menu
                   for c in self.available_choices(record) if not c.call):
                taken.add("menu")
            shown += [item for item in self._offered_when_lost[falc] if item["id"] not in taken]
        return shown

    def context(self, record: Record) -> Context:
        """What the understanding needs to know about where the person types."""
        persona = record.vars.get("persona")
        return Context(record.flow, record.node, tuple(self.available_choices(record)),
                       tuple(record.pending), str(persona) if persona is not None else None)

    def understand(self, record: Record, text: str) -> Decision:
        """Where this text leads from this record (pure: the record is not changed)."""
        return self.understanding.decide(text, self.context(record))

    def _system_text(self, key: str, falc: bool) -> str:
        message = self.content.system.get(key)
        if message is None:
            return key
        return message.falc if falc else message.text

    # -- moves ---------------------------------------------------------------------------
    def _variables_of(self, message: Message) -> tuple[str, ...]:
        """The conversation variables a message shows, sorted (computed once per message)."""
        names = self._message_variables.get(id(message))
        if names is None:
            found = (placeholders(message.text) | placeholders(message.falc)) - CONTACT_KEYS
            names = self._message_variables[id(message)] = tuple(sorted(found))
        return names

    def _relocate_if_content_changed(self, record: Record) -> bool:
        if record.content_version == self.content.version:
            return False
        record.content_version = self.content.version
        record.pending = []  # places offered by the old content
        record.also = []
        record.proposal = []
        self._relocate_frames(record)
        moved = self.content.find_moved((record.flow, record.node))
        if moved is not None:
            record.flow, record.node = moved
            return False
        flow = self.content.flows.get(record.flow) or self.content.flows[self.content.entry[0]]
        anchor = flow.header.resume[0] if flow.header.resume else flow.header.start
        record.forget_history()
        record.transcript.append(["coach", "contenu-change"])
        self._enter(record, (flow.id, anchor))
        return True

    def _relocate_frames(self, record: Record) -> None:
        """Detours survive a content update: a renamed caller is followed by its alias, a
        removed one returns to its flow's first safe place; a removed flow ends the detour."""
        frames = []
        for caller_flow, caller_node, called_flow in record.calls:
            flow = self.content.flows.get(caller_flow)
            if flow is None or called_flow not in self.content.flows:
                break
            moved = self.content.find_moved((caller_flow, caller_node))
            if moved is None:
                moved = (flow.id, flow.header.resume[0] if flow.header.resume
                         else flow.header.start)
            frames.append([moved[0], moved[1], called_flow])
        record.calls = frames

    def _play_choice(self, record: Record, choice_id: str) -> None:
        also, record.also = record.also, []
        if choice_id == ALSO_CHOICE and also and not (record.proposal or record.pending):
            # « Vous avez aussi demandé : … »: the other request of the message typed
            record.transcript.append(["place", also[0]])
            record.misses = 0
            self._act(record, also[0])
            return
        if record.proposal:
            proposal, record.proposal = record.proposal, []
            if choice_id == TYPED_QUESTION:
                record.transcript.append(["choice", record.flow, record.node, choice_id])
                self._typed_question(record, proposal)
                return
            if choice_id in (KEEP_TYPED, RETYPE):
                record.transcript.append(["choice", record.flow, record.node, choice_id])
                self._settle_typed(record, proposal, choice_id == KEEP_TYPED)
                record.misses = 0
                return
        pending, record.pending = record.pending, []
        if pending and choice_id.startswith(SENSE):
            self._play_sense(record, pending, choice_id)
            return
        if choice_id == BACK_TO_ASK and self._asked_from_step(record):
            record.transcript.append(["choice", record.flow, record.node, choice_id])
            record.snapshot()
            self._return(record)
            record.misses = 0
            return
        choice = next((c for c in self.available_choices(record) if c.id == choice_id), None)
        place = self.directory.place_of_choice(record, choice_id) if choice is None else None
        if place is not None:  # a region's button: on the theme in force, if any
            show_communities(record, place)
        elif choice is not None:
            record.transcript.append(["choice", record.flow, record.node, choice.id])
            self._follow(record, choice)
        elif choice_id in self.content.commands:
            record.transcript.append(["command", choice_id])
            self._command(record, choice_id)
        else:
            record.pending = pending
            raise UnknownChoice(choice_id)
        record.misses = 0

    def _play_sense(self, record: Record, pending: list[str], choice_id: str) -> None:
        """A button of « Vous voulez parler de… ? »: go to that place, or « Autre chose »."""
        if choice_id == SENSE_OTHER:
            record.transcript.append(["place", OTHER])
            self._act(record, OTHER)
            return
        number = choice_id[len(SENSE):]
        if not number.isdigit() or not 1 <= int(number) <= len(pending):
            record.pending = pending
            raise UnknownChoice(choice_id)
        key = pending[int(number) - 1]
        if key.startswith(CHOICE):
            record.transcript.append(["choice", record.flow, record.node, key[len(CHOICE):]])
        else:
            record.transcript.append(["place", key])
        record.misses = 0
        self._act(record, key)

    def _play_text(self, record: Record, text: str) -> None:
        record.transcript.append(["text", text])
        record.also = []
        here = self.content.node_or_none((record.flow, record.node))
        at_directory = bool(here and here.directory)
        # a place typed there (with or without a directory), a wish, a theme
        if at_directory and self.directory.typed_here(record, text):
            return
        decision = self.understanding.decide(text, self.context(record))
        if at_directory and self.directory.asks_here_again(record, text, decision):
            # « il y a une cop près de chez moi ? » asked again where it is answered: not
            # the same question a second time, but where to write the place (or whom to ask).
            record.pending = []
            record.misses = 0
            answer_wish(record, "ici")
            return
        if self._seek_place(record, text, decision):
            return
        if (len(record.pending) > 1 and decision.kind == "miss"
                and self.understanding.says_yes(text)):
            # « oui » to several places: which one? They stay offered.
            self._say(record, ("sens-lequel", "sens-question"))
            return
        record.pending = []
        node = self.content.node_or_none((record.flow, record.node))
        if node is not None and node.ask is not None and self._typed_answer(
                record, node.ask.variable, text, decision):
            return
        self._answer(record, decision)

    def _answer(self, record: Record, decision: Decision) -> None:
        """What a typed text leads to: go there, « Vous voulez parler de… ? », or a miss."""
        record.proposal = []
        best = decision.best
        if decision.kind == "go" and best is not None:
            record.misses = 0
            self._act_all(record, [best, *decision.also])
        elif decision.kind == "ask":
            self._ask(record, [c.key for c in decision.candidates])
        else:
            self._miss(record, decision)

    def _typed_answer(self, record: Record, variable: str, text: str,
                      decision: Decision) -> bool:
        """At an `ask:` node: the person's own answer, shown back for confirmation. A text
        that plainly names a command or a choice (or says yes/no to the answer shown) is
        not an answer. True when the text was taken as (or settled) a typed answer."""
        if record.proposal:
            said = normal(text)
            if said in self._said_keep or said in self._said_retype:
                proposal, record.proposal = record.proposal, []
                self._settle_typed(record, proposal, said in self._said_keep)
                return True
            if said in self._said_question:
                proposal, record.proposal = record.proposal, []
                self._typed_question(record, proposal)
                return True
        best = decision.best
        if (decision.kind == "go" and best is not None and best.score >= ASK_PLAIN_SCORE
                and best.key.startswith((COMMAND, CHOICE))) or (
                decision.kind == "go" and best is not None and best.key.startswith(GLOSSARY)
        ) or self.understanding.names_command(text, decision):
            # a command said plainly (« afficher mon brouillon »): done, and the step waits
            record.proposal = []
            return False
        answer = printable(text)
        if not answer:
            return False
        record.misses = 0
        record.proposal = [variable, answer]
        asked = (decision.kind in ("go", "ask") and looks_like_question(answer)
                 and CONFIRM_QUESTION in self.content.system)
        record.transcript.append(["coach", CONFIRM_QUESTION if asked else CONFIRM,
                                  {"texte": answer}])
        return True

    def _typed_question(self, record: Record, proposal: list[str]) -> None:
        """« C’était une question »: the text shown back is understood as typed at this
        step, and never kept for the draft; a place it leads to is a detour back to it."""
        text = proposal[1] if len(proposal) == 2 else ""
        decision = self.understanding.decide(text, self.context(record))
        if not self._seek_place(record, text, decision):
            self._answer(record, decision)

    def _asked_from_step(self, record: Record) -> bool:
        """In a detour from an `ask:` step or opened by typed text (`_typed_detour`), at a
        place without a way back of its own: « Revenir où j’en étais » is offered."""
        if not record.calls or record.pending or record.proposal:
            return False
        return self._typed_detour(record) and not any(
            c.returns for c in self.available_choices(record))

    def _typed_detour(self, record: Record) -> bool:
        """Whether the innermost detour was opened from an `ask:` step or by typed text:
        no `call:` choice of its caller leads to the flow it called."""
        caller_flow, caller_node, called = record.calls[-1]
        caller = self.content.node_or_none((caller_flow, caller_node))
        return caller is not None and (caller.ask is not None or not any(
            c.call and self.content.resolve(caller_flow, c.target)[0] == called
            for c in caller.choices))

    def _says_who_again(self, record: Record, place: str, ref: NodeRef) -> bool:
        """« je suis la maman de Léa » typed by a parent already in the families' journey:
        the journey's first step (three messages) is not said again, only that it is
        noted (when the content has `profil-connu`). Typed only: the same place chosen
        among « Vous voulez parler de… ? » is gone to."""
        persona = self.understanding.places.sets.get(place, {}).get("persona")
        typed = bool(record.transcript) and record.transcript[-1][0] == "text"
        return (typed and persona is not None and persona == record.vars.get("persona")
                and ref[0] == record.flow and WHO_KNOWN in self.content.system)

    def _asked_from_stage(self, record: Record, ref: NodeRef) -> bool:
        """A question typed at a step of a stage (« un membre monopolise la parole », « le
        modèle de charte ») that leads to another journey: a detour, so that the stage,
        its part and « Reprendre l’étape » stay where the person was. Going to a stage's
        start or to the journey's menu (« étape 3 », « les 4 étapes ») is no question: it
        leads on."""
        if record.calls or ref[0] == record.flow or (
                (record.flow, record.node) not in self.progress.part_of):
            return False
        header = self.content.flows[ref[0]].header
        return ref != self.journey_menu(record) and not (
            header.stage is not None and ref[1] == header.start)

    def _settle_typed(self, record: Record, proposal: list[str], keep: bool) -> None:
        """Keep the typed answer and go on as the `ask:` says, or invite to write again."""
        node = self.content.node_or_none((record.flow, record.node))
        if not keep or node is None or node.ask is None or len(proposal) != 2:
            record.transcript.append(["coach", "saisie-reecrire-invite"])
            return
        variable, answer = proposal
        record.snapshot()
        record.answers[variable] = answer
        record.vars[variable] = "libre"
        record.transcript.append(["coach", "saisie-gardee"])
        if node.ask.returns:
            self._return(record)
            return
        reached = self.flows[record.flow].fire(record.node, ASKED,
                                               self._guard_variables(record))
        if reached is not None:
            self._enter(record, reached)

    def _act_all(self, record: Record, asked: list[Candidate]) -> None:
        """Two requests in one message (« c'est gratuit ? et ça prend combien de temps »):
        the answers said in place (the cost, a term) first, then the one place to go; of
        two places, the first, and the other named after it with a button
        (`coach.engine.second_request`). Said with « je ne comprends pas » (`SIMPLIFY`
        first), the answers come in easy-to-read."""
        asked = [Candidate(in_place(self.content, c.key), c.place, c.score, c.via)
                 for c in asked]
        if asked[0].key == SIMPLIFY and len(asked) > 1:
            self._easy_to_read_to_answer(record)
            asked = asked[1:]
        found = requests(asked, node_place(record.flow, record.node))
        if found.going is None:
            # Answers said in place only: the way back said once, after the last one.
            self._said_before_going(record, list(found.said[:-1]))
            for key in found.said[-1:]:
                self._act(record, key)
            return
        self._said_before_going(record, list(found.said))
        self._act(record, found.going)
        self._offer_also(record, found.offered)

    def _offer_also(self, record: Record, place: str | None) -> None:
        """« Vous avez aussi demandé : … », with a button to go there (`ALSO_CHOICE`), after
        the first request's place: not when the coach asks something else meanwhile (an
        offer, a typed answer to confirm), nor when the person already stands there."""
        if (place is None or record.pending or record.proposal
                or ALSO_MESSAGE not in self.content.system
                or place == node_place(record.flow, record.node)):
            return
        label = self.renderer.place_label(place, record.falc)
        if label is None:
            return
        record.also = [place]
        record.transcript.append(["offer", ALSO_MESSAGE, [place], record.flow, record.node])

    def _said_before_going(self, record: Record, keys: list[str]) -> None:
        """Answers said in place (the cost, a term) before a place that follows: without
        « reprenons… », since the place comes next."""
        for key in [in_place(self.content, key) for key in keys]:
            if key.startswith(REPLY):
                self._reply(record, key[len(REPLY):], way_back=False)
            elif key.startswith(GLOSSARY):
                self._explain(record, key[len(GLOSSARY):], way_back=False)

    def _act(self, record: Record, key: str) -> None:
        """Do what a place means: follow a choice, run a command, explain a term, or jump."""
        key = in_place(self.content, key)  # « vous êtes qui ? »: answered here
        if key.startswith(CHOICE):
            choice = next((c for c in self.available_choices(record)
                           if c.id == key[len(CHOICE):]), None)
            if choice is not None:
                self._follow(record, choice)
            else:  # the choice went away (a guard changed): show what is possible now
                self._say(record, ("pas-compris-choix",))
        elif key.startswith(COMMAND):
            self._command(record, key[len(COMMAND):])
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
            self._say(record, ("autre-chose", "pas-compris-personne"))
        else:
            self._jump(record, key)

    def _jump(self, record: Record, place: str) -> None:
        """Go straight to a place named by an intent (« retour » comes back here)."""
        ref = self.content.resolve(record.flow, place)
        if not self.content.has_node(ref):  # content changed since the place was offered
            self._say(record, ("pas-compris-choix",))
            return
        if self._says_who_again(record, place, ref):
            self._say(record, (WHO_KNOWN,))
            return
        record.snapshot()
        here = self.content.node_or_none((record.flow, record.node))
        if here is not None and ref != (record.flow, record.node) and (
                here.ask is not None or self.directory.finding_from_journey(record, ref)
                or self._asked_from_stage(record, ref)):
            # Asked from a step of the draft: a detour, the step waits for its answer. A
            # community sought from inside a journey, a question typed in a stage: a detour
            # too, back to the very step.
            record.calls.append([record.flow, record.node, ref[0]])
            del record.calls[:-MAX_CALL_DEPTH]
        elif record.calls and ref[0] != record.calls[-1][2] and self._typed_detour(record):
            # Another question typed inside such a detour: the way back still leads to the
            # step the first one was typed at.
            record.calls[-1][2] = ref[0]
        record.vars.update(self.understanding.places.sets.get(place, {}))
        self._enter(record, ref)

    def _say_again(self, record: Record, wanted: str) -> None:
        """The text is about the step the person is at (« LSF » where the step speaks of it):
        a line says so (`ici-rappel`, or the step's own `ici-rappel-<node>`), then the step's
        message `wanted` (its index, or the first one said when its condition does not
        hold) in the conversation's language; the
        person stays, with the step's choices. Asked again right after, only the short line
        `ici-encore` (the message is just above), with « Menu » and « Parler à une
        personne »."""
        ref = (record.flow, record.node)
        node = self.content.node_or_none(ref)
        variables = self._guard_variables(record)
        said = [index for index, message in enumerate(node.messages if node else ())
                if not message.when or self._guards[message.when](variables)]
        if node is None or not said:
            self._say(record, ("pas-compris-choix",))
            return
        index = int(wanted) if wanted.isdigit() and int(wanted) in said else said[0]
        entry = self._content_entry(record, ref, index)
        # A step's own line, when the content has one (`ici-rappel-<node>`): « je peux
        # venir ? » typed at the persons' step is answered « Oui » before the step again.
        here = self._variant(SAID_HERE, f"-{record.node}", True)
        since = list(islice(record.transcript.from_end(), 1, 3))[::-1]  # before the text
        if since == [["coach", here], entry] and SAID_HERE_AGAIN in self.content.system:
            record.transcript.append(["coach", SAID_HERE_AGAIN])
            return
        if here in self.content.system:
            record.transcript.append(["coach", here])
        record.transcript.append(entry)

    def _content_entry(self, record: Record, ref: NodeRef, index: int) -> list[Any]:
        """The transcript entry of a node's message, with the variables it shows."""
        message = self.content.node(ref).messages[index]
        entry: list[Any] = ["content", ref[0], ref[1], index,
                            self.content.fingerprints(ref)[index]]
        names = self._variables_of(message)
        if names:
            entry.append({name: self._shown_value(record, name) for name in names})
        return entry

    def _explain(self, record: Record, terms: str, way_back: bool = True) -> None:
        """Terms of the glossary (one or several), then the way back: the current choices
        (not when a place follows in the same turn)."""
        for term in terms.split(TERMS):
            record.transcript.append(["glossary", term])
        if way_back and self.available_choices(record):
            self._say(record, ("glossaire-suite",))

    def _reply(self, record: Record, answer: str, way_back: bool = True) -> None:
        """« Merci », « bonjour », the cost: answered where the person is, then go on (the
        way back is not said when a place follows in the same turn). Someone who has said
        who they are gets the message's `-connu` variant, when there is one: « bonjour »
        typed in their journey does not ask them again who they are."""
        message = self._for_contact(self._variant(
            f"{REPLY[:-1]}-{answer}", KNOWN_SUFFIX, bool(record.vars.get("persona"))))
        if message in self.content.system:
            record.transcript.append(["coach", message])
        if (way_back and self.available_choices(record)
                and "reponse-suite" in self.content.system):
            record.transcript.append(["coach", "reponse-suite"])

    def _ask(self, record: Record, keys: list[str]) -> None:
        """« Vous voulez parler de… ? » with the plausible places as buttons; asked again at
        once, « toujours pas » only for the same question (`_new_question`), else the
        closest subjects to this new one (`sens-autre`)."""
        record.pending = keys
        if len(keys) == 1 and "sens-un" in self.content.system:
            record.transcript.append(["offer", "sens-un", keys, record.flow, record.node])
        else:
            again = "sens-autre" if self._new_question(record) else "pas-compris-choix"
            self._say(record, ("sens-question", again))

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
            self._say(record, ("calme", "pas-compris-personne"))
        elif level == 1 and self._new_question(record):  # something else: no « toujours pas »
            self._say(record, ("pas-compris-autre", MISS_MESSAGES[level]))
        elif level < 2:
            self._say(record, (MISS_MESSAGES[level],))
        elif (level == 2 and len(decision.candidates) >= 2
              and "vous-voulez-dire" in self.content.system):
            keys = [c.key for c in decision.candidates[:2]]
            record.pending = keys
            record.transcript.append(["offer", "vous-voulez-dire", keys, record.flow, record.node])
        else:
            self._say(record, LAST_RESORT)

    def _off_topic(self, record: Record) -> bool:
        """« vous recrutez ? »: what the coach talks about and who answers other requests;
        when the coach has just said so (the entry before this turn's text), the shorter
        reminder. False when the content has none of these messages."""
        first = OFF_TOPIC if self._has_contact() else OFF_TOPIC_NO_CONTACT
        before = next(islice(record.transcript.from_end(), 1, 2), None)
        just_said = bool(before and before[0] == "coach"
                         and before[1] in (OFF_TOPIC, OFF_TOPIC_NO_CONTACT))
        said = [m for m in map(self._for_contact,
                               (OFF_TOPIC_AGAIN, first) if just_said else (first,))
                if m in self.content.system]
        if not said:
            return False
        record.transcript.append(["coach", said[0]])
        return True

    @staticmethod
    def _new_question(record: Record) -> bool:
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

    def _say(self, record: Record, choices: tuple[str, ...]) -> None:
        """The first of these coach messages the content defines, never the last one said."""
        last = next((e[1] for e in record.transcript.from_end()
                     if e[0] in ("coach", "offer")), None)
        known = [m for m in map(self._for_contact, choices) if m in self.content.system]
        fresh = [m for m in known if m != last] or known
        if fresh:
            record.transcript.append(["coach", fresh[0]])

    def _offers_help(self, record: Record) -> bool:
        last = record.transcript[-1] if record.transcript else None
        return bool(last and last[0] == "coach" and (
            last[1] in OFFER_MESSAGES or last[1].removesuffix(NO_CONTACT_SUFFIX) in OFFER_MESSAGES))

    def _place_label(self, record: Record, key: str) -> str:
        label = self.renderer.place_label(key, record.falc, record.flow, record.node)
        return label or key

    def _follow(self, record: Record, choice: Choice, node: str | None = None) -> None:
        """Take a choice: its guard is read on the variables as they were when the choice
        was shown, then its `set`/`add` apply (as `transitions` checks conditions before
        running callbacks); automatic routes after it see the new values. A return choice
        goes back from the detour; a call choice starts one."""
        if choice.returns:
            record.snapshot()
            self._return(record)
            return
        if choice.command:  # « Où en suis-je ? » as a button of the step: the person stays
            self._command(record, choice.command)
            return
        at = node or record.node  # typed « passer »: the skip button of an earlier step
        target = self.flows[record.flow].fire(at, choice.id, self._guard_variables(record))
        if target is None:  # no transition for a listed choice: a content bug, say so
            self._say(record, ("pas-compris-choix",))
            return
        record.snapshot()
        if choice.skip and not record.calls:  # « Passer les cartes »: that part is not seen
            self.progress.mark_skipped(record, (record.flow, at))
        for name, value in choice.set.items():
            record.vars[name] = value
        for name, amount in choice.add.items():
            current = record.vars.get(name)
            record.vars[name] = (current if isinstance(current, int) else 0) + amount
        if choice.call:
            record.calls.append([record.flow, record.node, target[0]])
            del record.calls[:-MAX_CALL_DEPTH]
        elif choice.resume_stage:
            target = self._stage_place(record, target)
        self._enter(record, target)

    def _stage_place(self, record: Record, start: NodeRef) -> NodeRef:
        """« Reprendre l’étape N »: where the person stood last in this stage (its node
        followed if renamed); for a conversation stored before places were kept, the start
        of the furthest part seen; the stage's start when it was never begun."""
        flow_id = start[0]
        node_id = record.places.get(flow_id)
        if node_id is not None:
            moved = self.content.find_moved((flow_id, node_id))
            if moved is not None and moved[0] == flow_id:
                return moved
        furthest = self.progress.furthest_part_seen(record, flow_id)
        return furthest if furthest is not None else start

    def _return(self, record: Record) -> None:
        """« Revenir où j'en étais »: back to the node that called, its choices again."""
        if not record.calls:  # lint forbids it; a content update could still bring it here
            record.transcript.append(["coach", "retour-impossible"])
            return
        flow_here = self.content.flows.get(record.flow)
        here = flow_here.nodes.get(record.node) if flow_here else None
        edited = here is not None and edits_answers(here)
        caller_flow, caller_node, _called = record.calls.pop()
        ref = self.content.find_moved((caller_flow, caller_node))
        if ref is None:
            flow = self.content.flows[caller_flow]
            ref = (flow.id, flow.header.resume[0] if flow.header.resume else flow.header.start)
        self._enter(record, ref, follow=False, back=True, edited=edited)

    @staticmethod
    def _shown_value(record: Record, name: str) -> object:
        if name.startswith(TYPED_PREFIX):
            return record.answers.get(name[len(TYPED_PREFIX):], "")
        return record.vars.get(name, "")

    def _command(self, record: Record, command: str) -> None:
        record.proposal = []
        spec = self.command_specs.get(command)
        if spec is not None:
            spec.run(self, record)

    # -- what commands may do (coach.engine.commands) -----------------------------------
    def enter(self, record: Record, ref: NodeRef, follow: bool = True) -> None:
        self._enter(record, ref, follow)

    def journey_menu(self, record: Record) -> NodeRef | None:
        """The menu of the journey the person is in: the `menu` of their flow's header, or,
        in a detour, of the innermost flow that opened it with one; None outside a journey
        or at that menu itself (« Menu » is then the home menu)."""
        refs = [(record.flow, record.node), *((f[0], f[1]) for f in reversed(record.calls))]
        for flow_id, _node in refs:
            flow = self.content.flows.get(flow_id)
            if flow is not None and flow.header.menu:
                menu = self.content.resolve(flow_id, flow.header.menu)
                here = (record.flow, record.node) == menu or not self.content.has_node(menu)
                return None if here else menu
        return None

    def say(self, record: Record, message_id: str) -> None:
        """One coach message of commun.yaml, as it is (no choosing among variants)."""
        record.transcript.append(["coach", message_id])

    def say_first(self, record: Record, message_ids: tuple[str, ...]) -> None:
        """The first of these coach messages the content defines, never the last one said."""
        self._say(record, message_ids)

    def follow(self, record: Record, choice: Choice, node: str) -> None:
        """Take a choice of `node` (of the person's flow) as its button does
        (coach.engine.skipping: typed « passer » takes its part's skip button)."""
        self._follow(record, choice, node)

    def node_at(self, record: Record) -> Node | None:
        return self.content.node_or_none((record.flow, record.node))

    def simplify(self, record: Record) -> None:
        self._simplify(record)

    # -- the deployer's communities (coach.engine.directory_turns) ---------------------------
    def _seek_place(self, record: Record, text: str, decision: Decision) -> bool:
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
            also and best is not None and best.key == sought.key) else None
        self._said_before_going(record, list(requests(also, here).said))
        self._act(record, sought.key)
        self.directory.arrived(record, sought)
        self._offer_also(record, offered)
        return True

    def _has_contact(self) -> bool:
        return self.renderer.has_contact()

    def _for_contact(self, message_id: str) -> str:
        """The message's variant for a site with no contact (`<id>-sans-contact`), when the
        content has one: it never sends to « Parler à une personne », which has no one."""
        return self._variant(message_id, NO_CONTACT_SUFFIX, not self._has_contact())

    def _variant(self, message_id: str, suffix: str, wanted: bool) -> str:
        """`<id><suffix>` when it is `wanted` and the content has it, else the message."""
        variant = f"{message_id}{suffix}"
        return variant if wanted and variant in self.content.system else message_id

    def _easy_to_read_to_answer(self, record: Record) -> None:
        """« je comprends pas ce que c'est une cop »: easy-to-read on (said once), and the
        question answered next, rather than the last messages said again."""
        if not record.falc:
            record.falc = True
            self._say(record, ("simplifier-reponse",))

    def _simplify(self, record: Record) -> None:
        """Someone says they do not understand: easy-to-read on (never off), then the
        current step's messages again, which now read in easy-to-read."""
        already = record.falc
        record.falc = True
        if already and self._just_said_again(record) and (
                self._for_contact(SAID_AGAIN_ALREADY) in self.content.system):
            # A third time the same easy-to-read messages would help no one: they are just
            # above; who can help is said instead.
            self._say(record, (SAID_AGAIN_ALREADY,))
            return
        if already:  # never « maintenant facile à lire »: it was already on
            self._say(record, ("simplifier-deja", "simplifier-encore"))
        else:
            self._say(record, ("simplifier-oui", "facile-oui"))
        node = self.content.node_or_none((record.flow, record.node))
        if node is not None and node.messages:
            self._enter(record, (record.flow, record.node), follow=False)

    @staticmethod
    def _just_said_again(record: Record) -> bool:
        """Whether the coach's answer to the person's previous message said the messages
        again in easy-to-read, or where they are (« je comprends rien », then « c trop
        compliké »)."""
        for entry in islice(record.transcript.from_end(), 1, None):
            if entry[0] in ("text", "choice"):
                return False
            if entry[0] == "coach" and str(entry[1]).startswith(
                    (*SAID_AGAIN_EASY, SAID_AGAIN_ALREADY)):
                return True
        return False

    def _enter(self, record: Record, ref: NodeRef, follow: bool = True,
               back: bool = False, edited: bool = False) -> None:
        """Arrive at a node: say its messages, then follow automatic routes, if any.
        Leaving the flow a detour called, or arriving at the node that called it, ends
        that detour. `back` (from a detour) says « retour-appel » and the node again when
        it is short (its last message alone was half a list: « 4. … 5. … » of the needs
        questionnaire); a longer node is named
        (« … où vous en étiez : « Étape 1 : écrire la charte ». Le début est plus haut… »)
        and only its last message follows: its question or what to do next, with its
        choices (the whole node is above, in the history)."""
        for _hop in range(MAX_AUTOMATIC_HOPS):
            while record.calls and (record.calls[-1][2] != ref[0]
                                    or (record.calls[-1][0], record.calls[-1][1]) == ref):
                record.calls.pop()  # left the called flow, or back at the caller
            record.flow, record.node = ref
            if not record.calls:  # a detour sees no part: the stage left is the place
                self.progress.mark_seen(record, ref)
            node = self.content.node(ref)
            variables = self._guard_variables(record)
            said = [(index, message) for index, message in enumerate(node.messages)
                    if not message.when or self._guards[message.when](variables)]
            # Back from « Écrire ou modifier mes réponses » (`edited`), a summary of typed
            # answers is said again whole: « plus haut » would be the old words.
            named = (back and len(said) > SAID_AGAIN
                     and not (edited and node.draft_answers))
            if back:
                record.transcript.append(self._back_line(ref, named))
            # A stage's end says the parts of it the person skipped, after its first message
            # (« Étape 1 terminée ! »): its last one stays the one the draft's links follow.
            passed = (self.where.passed_entry(record, ref[0])
                      if node.end and not back and not record.calls else None)
            for index, _message in said[-1:] if named else said:
                record.transcript.append(self._content_entry(record, ref, index))
                if passed is not None:
                    record.transcript.append(passed)
                    passed = None
            if node.directory:
                record.transcript.append(self.directory.asked())
            if not follow or not node.next or node.choices:
                return
            reached = self.flows[ref[0]].fire(ref[1], NEXT, self._guard_variables(record))
            if reached is None:
                return
            ref = reached

    def _back_line(self, ref: NodeRef, long: bool) -> list[Any]:
        """What says the person is back from a detour: for a long node, its name (its place's
        label, else its journey's: rendered in the variant in force, as an offer is), when
        the content has the message; else « retour-appel »."""
        if long and BACK_NAMED in self.content.system:
            places = self.renderer.places
            start = self.content.flows[ref[0]].header.start
            named = next((p for p in (node_place(*ref), node_place(ref[0], start))
                          if places.label(p, False) is not None), None)
            if named is not None:
                return ["offer", BACK_NAMED, [named], ref[0], ref[1]]
        return ["coach", BACK]


class Computed(Mapping[str, Any]):
    """Variables for guards, with those the engine gives (`etapes_restantes`,
    `reponses_brouillon`) computed only when a guard reads them: `etapes_restantes` walks
    every stage's parts, and guards are read several times a turn."""

    def __init__(self, variables: Mapping[str, Any],
                 computed: Mapping[str, Callable[[], Any]]) -> None:
        self._variables, self._computed = variables, computed

    def __getitem__(self, name: str) -> Any:
        count = self._computed.get(name)
        if count is not None:
            return count()
        return self._variables[name]

    def __iter__(self) -> Iterator[str]:
        yield from self._variables
        yield from self._computed

    def __len__(self) -> int:
        return len(self._variables) + len(self._computed)

    def get(self, name: str, default: Any = None) -> Any:  # what guards call: no KeyError
        count = self._computed.get(name)
        if count is not None:
            return count()
        return self._variables.get(name, default)


def looks_like_question(text: str) -> bool:
    """« c koi un ambassadeur », « comment on évalue », « … ? »: worded as a question."""
    said = normal(text)
    return text.rstrip().endswith("?") or any(
        said == start or said.startswith(start + " ") for start in QUESTION_STARTS)
