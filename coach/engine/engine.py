"""The turn function: (compiled flows, stored record, input) → (new record, step).

The `Engine` is built once at start-up from the loaded content. It holds no
conversation: every call takes a record and returns a new one.

It keeps navigation: entering nodes and following their automatic routes, choices,
detours (frames) and the stages' places, and rendering a step. What is decided elsewhere
reaches it through a few public methods: what a typed text does (`coach.engine.typed_turns`,
through its `Moves`), the directory's turns (`coach.engine.directory_turns`), the global
commands (`coach.engine.commands`, `coach.engine.skipping`), easy-to-read asked for
(`coach.engine.simplifying`), and which coach message is said (`coach.engine.saying`).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from coach.communities import Communities, Wishes
from coach.content.answer_edits import edits_answers
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
    show_communities,
)
from coach.engine.directory_turns import region_id as region_id  # re-exported
from coach.engine.drafting import DraftJourneys
from coach.engine.errors import KeyReusedForAnotherInput, UnknownChoice, UnknownFlow
from coach.engine.machines import ASKED, NEXT, CompiledFlow, compile_all
from coach.engine.nlu.places import CHOICE, node_place
from coach.engine.presenting import first_line
from coach.engine.progress import ProgressMap, WhereReport
from coach.engine.record import Record, new_conversation_id
from coach.engine.render import NO_CONTACT_SUFFIX, Rendered, Renderer
from coach.engine.saying import Saying
from coach.engine.second_request import ALSO_CHOICE, also_choice
from coach.engine.simplifying import SAID_AGAIN_ALREADY, last_answer, pointed_to_help
from coach.engine.simplifying import simplify as simplify_easy
from coach.engine.typed_answers import KEEP_TYPED, RETYPE, TYPED_QUESTION
from coach.engine.typed_turns import (
    OFF_TOPIC,
    OFF_TOPIC_AGAIN,
    OFF_TOPIC_NO_CONTACT,
    SAID_HERE_AGAIN,
    TypedTurns,
)
from coach.engine.understand import OTHER, Context, Decision, Understanding

# A chain of automatic routes longer than this is a content bug; stop rather than spin.
MAX_AUTOMATIC_HOPS = 50
# Back from a detour, a node of at most this many messages is said again whole (what was
# on screen when the person left); a longer one is named (BACK_NAMED), then its last
# message is said: its question or what to do next, never a wall of text on a phone.
SAID_AGAIN = 3
BACK, BACK_NAMED = "retour-appel", "retour-appel-lieu"
# Coach messages after which the menu and « Parler à une personne » are offered as buttons.
OFFER_MESSAGES = frozenset({"pas-compris-personne", "pas-compris-relance", "autre-chose",
                            "calme", OFF_TOPIC, OFF_TOPIC_NO_CONTACT, OFF_TOPIC_AGAIN,
                            SAID_HERE_AGAIN, SAID_AGAIN_ALREADY,
                            f"{SAID_AGAIN_ALREADY}{NO_CONTACT_SUFFIX}"})
# Choice ids of « Vous voulez parler de… ? »: sens-1, sens-2, sens-3, and « Autre chose ».
SENSE = "sens-"
SENSE_OTHER = "sens-autre"
# Detours nest this deep at most (`coach lint` refuses content that could go deeper).
MAX_CALL_DEPTH = 4
# The way back to the `ask:` step from a place its question led to, when that place has no
# « Revenir où j’en étais » (`return: true`) of its own.
BACK_TO_ASK = "saisie-revenir"


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
        # What may be said instead of a place where the directory asks: the content's
        # phrases (commun.yaml).
        self.wishes = Wishes(content.common.directory_wishes)
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
        self.drafts = DraftJourneys(content)
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
        self.saying = Saying(content, self.renderer.has_contact)
        self.typed = TypedTurns(content, self.understanding, self.directory, self.renderer,
                                self.saying, self)

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
            self.typed.play(record, given.text)
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
            draft_here=self.drafts.here(record, node),
            draft_offered=self.drafts.offered(record),
            tools=tuple(node.tools) if node is not None else (),
        )

    def open_draft(self, record: Record) -> None:
        """The typed « mon brouillon »: the draft's summary as a detour from this step (the
        stage, its part and the progress stay those of this step; « Revenir où j’en
        étais » comes back here); in a journey that builds no draft, say so, and stay."""
        summary = self.content.draft_summary
        if summary is None or not self.content.has_node(summary) or not self.drafts.built_by(
                record):
            self.saying.say(record, (DRAFT_ELSEWHERE,))
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
            DRAFT_ANSWERS_VARIABLE: lambda: self.drafts.answers(record),
            DIRECTORY_VARIABLE: lambda: len(self.communities.entries),
            CONTACT_VARIABLE: self.renderer.has_contact}
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
        also = None
        if record.also:  # the other request of the message typed: it was just named
            label = self._place_label(record, record.also[0])
            if all(item["label"] != label for item in shown):
                also = also_choice(self.content, label, falc)
        if self._asked_from_step(record):
            shown.append({"id": BACK_TO_ASK, "label": self._system_text(BACK_TO_ASK, falc)})
        if self.directory.at_directory(record) and self.communities:
            shown = [*self.directory.places_offered(record, falc), *shown]
        if also is not None:  # first of all, under the message that names it
            shown.insert(0, also)
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
            self.typed.act(record, also[0])
            return
        if record.proposal:
            proposal, record.proposal = record.proposal, []
            if choice_id == TYPED_QUESTION:
                record.transcript.append(["choice", record.flow, record.node, choice_id])
                self.typed.typed_question(record, proposal)
                return
            if choice_id in (KEEP_TYPED, RETYPE):
                record.transcript.append(["choice", record.flow, record.node, choice_id])
                self.typed.settle(record, proposal, choice_id == KEEP_TYPED)
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
            self.run_command(record, choice_id)
        else:
            record.pending = pending
            raise UnknownChoice(choice_id)
        record.misses = 0

    def _play_sense(self, record: Record, pending: list[str], choice_id: str) -> None:
        """A button of « Vous voulez parler de… ? »: go to that place, or « Autre chose »."""
        if choice_id == SENSE_OTHER:
            record.transcript.append(["place", OTHER])
            self.typed.act(record, OTHER)
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
        self.typed.act(record, key)

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

    def _offers_help(self, record: Record) -> bool:
        last = record.transcript[-1] if record.transcript else None
        return bool(last and last[0] == "coach" and (
            last[1] in OFFER_MESSAGES or last[1].removesuffix(NO_CONTACT_SUFFIX) in OFFER_MESSAGES)
        ) or pointed_to_help(record)

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
            self.run_command(record, choice.command)
            return
        at = node or record.node  # typed « passer »: the skip button of an earlier step
        target = self.flows[record.flow].fire(at, choice.id, self._guard_variables(record))
        if target is None:  # no transition for a listed choice: a content bug, say so
            self.saying.say(record, ("pas-compris-choix",))
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
        self.saying.say(record, message_ids)

    def follow(self, record: Record, choice: Choice, node: str) -> None:
        """Take a choice of `node` (of the person's flow) as its button does
        (coach.engine.skipping: typed « passer » takes its part's skip button)."""
        self._follow(record, choice, node)

    def node_at(self, record: Record) -> Node | None:
        return self.content.node_or_none((record.flow, record.node))

    def simplify(self, record: Record) -> None:
        """« Je ne comprends pas »: easy-to-read on, and what the coach said in answer to
        the person's previous message again in it, else the step's messages
        (coach.engine.simplifying says what is said)."""
        answer = last_answer(record)
        if simplify_easy(self.saying, record):
            if answer:
                for entry in answer:
                    record.transcript.append(entry)
                return
            node = self.content.node_or_none((record.flow, record.node))
            if node is not None and node.messages:
                self._enter(record, (record.flow, record.node), follow=False)

    # -- what the typed turns may do (coach.engine.typed_turns.Moves) ----------------------
    def run_command(self, record: Record, command: str) -> None:
        """Run a global command (coach.engine.commands): a typed one, or its button."""
        record.proposal = []
        spec = self.command_specs.get(command)
        if spec is not None:
            spec.run(self, record)

    def jump(self, record: Record, place: str) -> None:
        """Go straight to a place named by an intent (« retour » comes back here): from an
        `ask:` step, a stage, or a journey to the directory, a detour back to the step."""
        ref = self.content.resolve(record.flow, place)
        if not self.content.has_node(ref):  # content changed since the place was offered
            self.saying.say(record, ("pas-compris-choix",))
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

    def go_on_asked(self, record: Record) -> None:
        """The `ask:` step's answer kept: back from the detour that asked it (`returns`),
        else on along its route for an answer."""
        node = self.content.node_or_none((record.flow, record.node))
        if node is not None and node.ask is not None and node.ask.returns:
            self._return(record)
            return
        reached = self.flows[record.flow].fire(record.node, ASKED,
                                               self._guard_variables(record))
        if reached is not None:
            self._enter(record, reached)

    def messages_said(self, record: Record, ref: NodeRef) -> list[int]:
        """The indexes of a node's messages whose conditions hold for this record (none
        for a node the content no longer has)."""
        node = self.content.node_or_none(ref)
        if node is None:
            return []
        variables = self._guard_variables(record)
        return [index for index, message in enumerate(node.messages)
                if not message.when or self._guards[message.when](variables)]

    def content_entry(self, record: Record, ref: NodeRef, index: int) -> list[Any]:
        """The transcript entry of a node's message, with the variables it shows."""
        message = self.content.node(ref).messages[index]
        entry: list[Any] = ["content", ref[0], ref[1], index,
                            self.content.fingerprints(ref)[index]]
        names = self._variables_of(message)
        if names:
            entry.append({name: self._shown_value(record, name) for name in names})
        return entry

    # -- arriving at a node ------------------------------------------------------------
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
            said = self.messages_said(record, ref)
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
            for index in said[-1:] if named else said:
                record.transcript.append(self.content_entry(record, ref, index))
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


