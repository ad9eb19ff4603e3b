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
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Scalar = str | int | bool

# Global commands every node inherits. Choice ids must not reuse them.
COMMAND_IDS = ("menu", "retour", "recommencer", "facile", "aide", "humain", "stop")
CommandId = Literal["menu", "retour", "recommencer", "facile", "aide", "humain", "stop"]


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


class Choice(Strict):
    id: Ident
    label: str = ""
    label_falc: str = ""
    target: NonEmpty
    when: str | None = None
    set: dict[Ident, Scalar] = {}
    add: dict[Ident, int] = {}
    synonyms: list[NonEmpty] = []


class Route(Strict):
    target: NonEmpty
    when: str | None = None


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


class FlowHeader(Strict):
    id: Ident
    title: NonEmpty
    title_falc: NonEmpty
    start: Ident
    # Safe places where a conversation resumes when its node disappeared.
    resume: list[Ident] = []
    persona: str | None = None


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


class CommonFile(Strict):
    speakers: list[Speaker] = Field(min_length=1)
    commands: list[Command] = []
    messages: list[SystemMessage] = []
    glossary: list[GlossaryEntry] = []
    entry: NonEmpty = "accueil:bienvenue"
    menu: NonEmpty = "accueil:menu"


class Section(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z]+(\.[a-z0-9-]+)?$")]
    title: NonEmpty


class SectionsFile(Strict):
    sections: list[Section] = Field(min_length=1)


class Intention(Strict):
    """Phrases that lead straight to one place, from anywhere in the conversation.

    `target` is `flux:nœud`, `commande:<id>` or `glossaire:<terme>`; `label`/`label_falc`
    name the place when the coach asks « Vous voulez parler de… ? »; `set` gives variables
    the way a menu choice does (a persona intent sets `persona`).
    """

    target: NonEmpty
    kind: Literal["sujet", "profil"] = "sujet"
    label: str = ""
    label_falc: str = ""
    set: dict[Ident, Scalar] = {}
    phrases: list[NonEmpty] = Field(min_length=1)


class IntentionsFile(Strict):
    intentions: list[Intention] = Field(min_length=1)
