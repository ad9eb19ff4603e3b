"""Public request and response shapes of the chat API (the contract partners build on)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_TEXT_CHARS = 1000


class NewConversation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    flow: str | None = Field(default=None, max_length=64, description="Flux de départ")
    falc: bool = Field(default=False, description="Textes en facile à lire (FALC)")


class TurnRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    choice: str | None = Field(default=None, min_length=1, max_length=64,
                               description="Identifiant d'un choix ou d'une commande globale")
    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS,
                             description="Texte tapé par la personne")

    @model_validator(mode="after")
    def _exactly_one(self) -> TurnRequest:
        if (self.choice is None) == (self.text is None):
            raise ValueError("Envoyez soit « choice » (un choix), soit « text » (un message).")
        if self.text is not None and not self.text.strip():
            raise ValueError(
                "Le message est vide : écrivez quelques mots ou choisissez une réponse.")
        return self


class FalcPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    falc: bool


class Speaker(BaseModel):
    id: str
    name: str


class Message(BaseModel):
    id: str
    role: str = Field(
        description="« bot » pour le coach et ses personnages, « user » pour la personne")
    speaker: Speaker
    text: str
    ref: str = Field(description="Référence stable du texte dans le contenu")


class ChoiceOut(BaseModel):
    id: str
    label: str


class StepOut(BaseModel):
    id: str
    falc: bool
    flow: str
    node: str
    end: bool
    messages: list[Message]
    choices: list[ChoiceOut]
    commands: list[ChoiceOut]
    content_version: str


class ConversationOut(StepOut):
    pass


class FlowOut(BaseModel):
    id: str
    title: str
    title_falc: str


class ProblemOut(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    code: str
