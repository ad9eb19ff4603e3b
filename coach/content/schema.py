"""Pydantic schema of the dialogue files in `dialogues/`.

Four kinds of file live there, told apart by their top-level key:
- `sections:`    the content map's section ids (copied from the e-learning's content map);
- `speakers:`    (with `commands:`, `messages:`, `glossary:`) the shared definitions;
- `flow:`        one conversation flow and its `nodes:`;
- `intentions:`  phrases people type, each list leading to a place (topic and persona intents).

Field names are English (they are code); every text is French. `docs/dialogues.md`
documents the format for authors.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from coach.engine.commands import COMMAND_IDS, TYPED_COMMANDS  # noqa: F401 (re-exported)

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Scalar = str | int | bool

# The global commands every node inherits come from one table (coach.engine.commands);
# TYPED_COMMANDS are reached only by typing (an intention), never shown as buttons.
if TYPE_CHECKING:
    CommandId = str
else:
    CommandId = Literal[COMMAND_IDS]
# Answers said where the person is, without moving on (« bonjour », « merci », the cost):
# the intention's target is `reponse:<id>`, the text is the coach message `reponse-<id>`.
REPLY = "reponse"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Speaker(Strict):
    id: Ident
    name: NonEmpty
    role: NonEmpty


class Review(Strict):
    """A human review of a FALC text (the checker never certifies FALC by itself)."""

    by: NonEmpty
    on: dt.date
    status: Literal["validé", "à revoir"]
    note: str = ""


class Suppression(Strict):
    rule: Annotated[str, StringConstraints(pattern=r"^FALC-[A-Z]+-\d{3}$")]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10)]


class Message(Strict):
    speaker: Ident = "coach"
    text: str = ""
    falc: str = ""
    # Short hash of the standard text the FALC text was written from (staleness check).
    falc_of: str | None = None
    # True when this message is written for the coach, inside a node that follows the module
    # (e.g. a variant for another reader); `Node.authored` marks a whole node.
    authored: bool = False
    when: str | None = None
    review: Review | None = None
    suppress: list[Suppression] = []


# A variable the engine gives to guards: the depth of the current detour (unset outside one).
CALL_DEPTH_VARIABLE = "appel"
# Inside a detour, the place that called it (« parcours:nœud »), for guards.
CALL_ORIGIN_VARIABLE = "appel_depuis"
# In a staged journey (the coordinator's 4 stages), how many stages still have a part of
# their path not seen: the end of the journey says « all done » only when it is 0.
STAGES_LEFT_VARIABLE = "etapes_restantes"
# How many of the draft's answers the conversation holds (variables a part of the draft
# reads, chosen or typed): the draft's summary says plainly when there is none yet.
DRAFT_ANSWERS_VARIABLE = "reponses_brouillon"
# How many communities this site lists in its directory (COACH_ANNUAIRE; 0 without one): a
# choice that would only look the place up again is hidden when there is nothing to look up.
DIRECTORY_VARIABLE = "annuaire"
# Whether this site gives a contact (a phone number or an e-mail address): a message that
# sends to « Parler à une personne » is said only then, as that button has no one without.
CONTACT_VARIABLE = "contact"
# Every variable the engine gives to guards: content must not set them.
ENGINE_VARIABLES = (CALL_DEPTH_VARIABLE, CALL_ORIGIN_VARIABLE, STAGES_LEFT_VARIABLE,
                    DRAFT_ANSWERS_VARIABLE, DIRECTORY_VARIABLE, CONTACT_VARIABLE)
# Typed answers of `ask:` are shown by `{texte_<variable>}` placeholders.
TYPED_PREFIX = "texte_"


class Choice(Strict):
    """A button. `target` goes somewhere; `call: parcours:nœud` goes there as a detour that
    « Revenir où j'en étais » (a choice with `return: true`) brings back from.

    In the model a call is `target` + `call=True`, and a return choice targets its own node
    (so that every graph tool sees an ordinary edge); the engine treats both apart.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: Ident
    label: str = ""
    label_falc: str = ""
    target: NonEmpty
    call: bool = False
    returns: bool = Field(default=False, alias="return")
    # « Reprendre l’étape N »: `target` is a stage's start; the person goes back to the
    # place they had reached in that stage (outside detours), the start only when the stage
    # was never begun.
    resume_stage: bool = False
    # « Passer les cartes »: the stage's part this choice leaves is skipped, not seen; the
    # progress says so (« Où en suis-je ? », the stage's end) until the person sees it.
    skip: bool = False
    # « Où en suis-je ? » as a button of this step: the global command runs, the person
    # stays here (in the model the choice targets its own node, as a return choice does).
    command: CommandId | None = None
    when: str | None = None
    set: dict[Ident, Scalar] = {}
    add: dict[Ident, int] = {}
    synonyms: list[NonEmpty] = []

    @model_validator(mode="before")
    @classmethod
    def _call_shorthand(cls, data: object) -> object:
        if not isinstance(data, dict) or "call" not in data:
            return data
        called = data["call"]
        if isinstance(called, bool) and "target" in data:  # already in the model's form
            return data
        if not isinstance(called, str):
            raise ValueError("« call » attend une cible « parcours:nœud » (ou un nœud du parcours)")
        if "target" in data:
            raise ValueError("un choix a soit « target », soit « call », pas les deux")
        return {**data, "target": called, "call": True}

    @property
    def goes_on(self) -> bool:
        """A « Continuer… » button: the shared ways of saying « go on » (`go_on:`) lead to it."""
        return self.label.casefold().startswith("continuer")


class Route(Strict):
    target: NonEmpty
    when: str | None = None


class Ask(Strict):
    """Free-text capture: at this node, a typed text that is neither a command nor a choice
    becomes the person's own answer for `variable` (shown back for confirmation, kept in
    the conversation only). Once confirmed, `variable` is set to « libre » and the
    conversation goes to `target`, or down the first of the guarded routes `next` whose
    condition holds (read after the answer is kept; e.g. the short path goes round an
    exercise), or returns from the detour with `return: true`.

    In the model `target: x` is the one route `next: [{target: x}]`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    variable: Ident
    next: list[Route] = []
    returns: bool = Field(default=False, alias="return")

    @model_validator(mode="before")
    @classmethod
    def _target_shorthand(cls, data: object) -> object:
        if not isinstance(data, dict) or "target" not in data:
            return data
        if "next" in data:
            raise ValueError("« ask » a soit « target », soit « next », pas les deux")
        target = data["target"]
        rest = {k: v for k, v in data.items() if k != "target"}
        return {**rest, "next": [{"target": target}]} if target else rest

    @model_validator(mode="after")
    def _one_way_on(self) -> Ask:
        if bool(self.next) == self.returns:
            raise ValueError("« ask » a soit « target » (ou « next »), soit « return: true »")
        return self


class Node(Strict):
    id: Ident
    source: list[str] = []
    authored: bool = False
    messages: list[Message] = []
    choices: list[Choice] = []
    next: list[Route] = []
    end: bool = False
    no_back: bool = False
    aliases: list[Ident] = []
    # Phrases people type to come straight here from anywhere (topic intents).
    topics: list[NonEmpty] = []
    # How « Vous voulez parler de… ? » names this place (derived from the flow when empty).
    title: str = ""
    title_falc: str = ""
    # The deployer's communities are offered here (by region), or, without any, the advice
    # of the coach message `annuaire-vide` (docs/annuaire.md).
    directory: bool = False
    ask: Ask | None = None
    # The draft's summary: every typed answer that reaches the draft is offered here, one
    # detour each to write it again (coach/content/answer_edits.py fills the choices in).
    edit_answers: bool = False
    # The draft's summary: every answer the draft shows, chosen or typed, is said here with
    # the draft's own words (coach/content/answer_edits.py adds the messages).
    draft_answers: bool = False

    @model_validator(mode="before")
    @classmethod
    def _return_targets_itself(cls, data: object) -> object:
        """A return choice, or one that runs a command, has no target of its own: it points
        at its node for the graph."""
        if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
            return data
        choices = [
            {**c, "target": data.get("id", "")}
            if isinstance(c, dict) and (c.get("return") is True or c.get("command"))
            and "target" not in c else c
            for c in data["choices"]]
        return {**data, "choices": choices}
    # The coordinator's draft is offered under this node's messages (besides the ends of
    # a `draft: true` journey).
    draft: bool = False
    # Blank tools of the resource bank this place presents (ids of coach/drafts/outils.yaml):
    # their files (`GET /api/v1/outils/{id}`) are offered under its messages.
    tools: list[Ident] = []

    @field_validator("source", mode="before")
    @classmethod
    def _one_or_many_sources(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("next", mode="before")
    @classmethod
    def _next_shorthand(cls, value: object) -> object:
        if isinstance(value, str):
            return [{"target": value}]
        return value


class Part(Strict):
    """A part of a stage: from node `from` to the next part's first node, in file order."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: Ident
    first: Ident = Field(alias="from")
    title: NonEmpty
    title_falc: NonEmpty
    # Exercises are left out of the short path (`chemin == 'court'`).
    exercise: bool = False


class FlowHeader(Strict):
    id: Ident
    title: NonEmpty
    title_falc: NonEmpty
    start: Ident
    # Safe places where a conversation resumes when its node disappeared.
    resume: list[Ident] = []
    persona: str | None = None
    # The menu of the journey this flow belongs to (`nœud` or `parcours:nœud`): the « Menu »
    # command leads there from this flow (and from a detour it opened); at that node
    # itself, « Menu » is the home menu.
    menu: NonEmpty | None = None
    # A stage of a staged journey (1, 2…) and its parts, for the progress shown at each step.
    stage: Annotated[int, Field(ge=1, le=20)] | None = None
    parts: list[Part] = []
    # This journey builds the coordinator's draft (its answers go into it): the draft is
    # offered at its ends, and from then on in the conversation's options.
    draft: bool = False


class FlowFile(Strict):
    flow: FlowHeader
    nodes: list[Node] = Field(min_length=1)


class Command(Strict):
    id: CommandId
    label: NonEmpty
    label_falc: NonEmpty
    synonyms: list[NonEmpty] = []


class SystemMessage(Strict):
    id: Ident
    text: NonEmpty
    falc: NonEmpty


class GlossaryEntry(Strict):
    term: NonEmpty
    text: NonEmpty
    falc: NonEmpty
    synonyms: list[NonEmpty] = []


# A list of phrases an author writes (« ouais vas-y », « chai pas »): at least one.
Phrases = Annotated[list[NonEmpty], Field(min_length=1)]


class BareAnswer(Strict):
    """« Oui » or « non » said alone, where the step has no such button (`step_answers`'s
    `bare_yes`, `bare_no`)."""

    # Each word that counts in these phrases says it (« ouais », « d’accord » → « accord »).
    words: Phrases
    # Words that may come with them and change nothing (« merci », « c’est parti »).
    around: list[NonEmpty] = []
    # Said first, then a reason, where the step has this button (« non, c’est normal… »).
    first: Phrases


class StepAnswers(Strict):
    """How the form of an answer typed at a step is read (coach.engine.nlu.answers)."""

    hedges: Phrases  # anywhere, never a choice (« je pense », « plutôt »)
    agreement: Phrases  # said first or last (« ouais », « ça marche »)
    refusal: Phrases  # said first, where no choice is « Non » (« bof », « non merci »)
    tags: Phrases  # said last (« …, non ? », « hein »)
    # (not `yes:`/`no:`: YAML reads those keys as true and false)
    bare_yes: BareAnswer
    bare_no: BareAnswer


class TypedAnswer(Strict):
    """What may be typed instead of the buttons under a typed answer shown back (`ask:`)."""

    keep: Phrases  # « Oui, je garde ma réponse »
    retype: Phrases  # « Non, je la réécris »
    question: Phrases  # « C’était une question »


class DirectoryWish(Strict):
    """What a person may answer instead of a place where the directory asks; answered by the
    coach message `annuaire-<id>` (`annuaire-vide-<id>` without a directory)."""

    id: Ident
    # Phrases found anywhere in the answer; a word ending in « * » is any word that starts
    # so (« visio* »: « visio », « visioconférence »).
    anywhere: list[NonEmpty] = []
    # Phrases that are the whole answer (« aucune », « pas sûr »).
    alone: list[NonEmpty] = []


class CommonFile(Strict):
    speakers: list[Speaker] = Field(min_length=1)
    commands: list[Command] = []
    messages: list[SystemMessage] = []
    glossary: list[GlossaryEntry] = []
    # Ways of saying « go on », typed anywhere a choice labelled « Continuer… » is offered:
    # written once here rather than in every such choice's synonyms.
    go_on: list[NonEmpty] = []
    # How an answer typed at a step is read in the person's own words (hedges, agreement,
    # refusal, a bare yes or no), what may be typed under a typed answer shown back, and
    # what may be said instead of a place where the directory asks (coach/content/phrases.py
    # checks them; docs/dialogues.md, « Les mots des réponses »).
    step_answers: StepAnswers
    typed_answer: TypedAnswer
    directory_wishes: list[DirectoryWish] = []
    entry: NonEmpty = "accueil:bienvenue"
    menu: NonEmpty = "accueil:menu"
    # The draft's summary (`parcours:nœud`), which the typed command `brouillon` (« mon
    # brouillon », « modifier mes réponses ») opens as a detour; none: the command only says
    # where the draft is made.
    draft_summary: NonEmpty | None = None


class Section(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z]+(\.[a-z0-9-]+)?$")]
    title: NonEmpty


class SectionsFile(Strict):
    sections: list[Section] = Field(min_length=1)


class Intention(Strict):
    """Phrases that lead straight to one place, from anywhere in the conversation.

    `target` is `parcours:nœud`, `commande:<id>`, `glossaire:<terme>` or `reponse:<id>` (the
    coach message `reponse-<id>`, said without moving on); `label`/`label_falc`
    name the place when the coach asks « Vous voulez parler de… ? »; `set` gives variables
    the way a menu choice does (a persona intent sets `persona`); `for_persona` gives, for a
    persona, the place that answers instead (« on n'a pas d'argent » is the group's means for
    a coordinator, the cost for a parent).
    """

    target: NonEmpty
    kind: Literal["sujet", "profil"] = "sujet"
    label: str = ""
    label_falc: str = ""
    set: dict[Ident, Scalar] = {}
    for_persona: dict[Ident, NonEmpty] = {}
    phrases: list[NonEmpty] = Field(min_length=1)


class IntentionsFile(Strict):
    intentions: list[Intention] = Field(min_length=1)


# The `expect` of an example where nothing fits: the coach should say so.
NOTHING = "aucun"


class Example(Strict):
    """A sentence as a person types it, and where it should lead (`docs/dialogues.md`, « Les
    exemples »): what the examples' model learns from.

    `expect` is a target as for an intention, several terms of the glossary joined by « + »,
    or « aucun » (nothing fits); `at` is the node where it is typed (none: the menu) and `vars` the
    conversation's variables then (only examples typed at the menu with no variables are
    learned from: elsewhere the current choices decide); `group` says who typed it.
    """

    text: NonEmpty
    expect: NonEmpty
    at: str = ""
    vars: dict[Ident, Scalar] = {}
    group: str = ""
    held_out: bool = False


class ExamplesFile(Strict):
    utterances: list[Example] = Field(min_length=1)
