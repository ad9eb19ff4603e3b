"""Public request and response shapes of the chat API (the contract partners build on)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model


class NewConversation(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    flow: str | None = Field(default=None, max_length=64, description="Flux de départ")
    falc: bool = Field(default=False, description="Textes en facile à lire (FALC)")


class ChoiceTurn(BaseModel):
    """Press a button: a choice of the step, or a global command."""

    model_config = ConfigDict(extra="forbid", strict=True)
    choice: str = Field(min_length=1, max_length=64,
                        description="Identifiant d’un choix ou d’une commande globale")


class TextTurn(BaseModel):
    """Type a message: it is understood against the choices, commands and topics."""

    model_config = ConfigDict(extra="forbid", strict=True)
    # Its maximum length is the setting COACH_MAX_TEXT_CHARS: see `turn_body`.
    text: str = Field(pattern=r"\S", description="Texte tapé par la personne")


TurnRequest = ChoiceTurn | TextTurn


def turn_body(max_text_chars: int) -> TypeAdapter[Any]:
    """The turn's body, with the text's length limit of this deployment (the same
    schema names, so that errors and the OpenAPI document read as before)."""
    shown = f"{max_text_chars:,}".replace(",", "\u202f")
    text_turn = create_model(
        "TextTurn", __base__=TextTurn, __doc__=TextTurn.__doc__,
        text=(str, Field(max_length=max_text_chars, pattern=r"\S",
                         description=f"Texte tapé par la personne ({shown} caractères au plus)")))
    return TypeAdapter(ChoiceTurn | text_turn)


class FalcPatch(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
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
    at: str | None = Field(default=None, description="Moment du message (ISO 8601, UTC)")
    feedback: bool = Field(
        default=False,
        description="true sous un conseil : le client demande « Ce conseil vous aide-t-il ? »"
        " (Oui / Non, réponse par POST /api/v1/conversations/{id}/avis)")
    delete: bool = Field(
        default=False,
        description="true sous un message qui dit comment tout effacer : le client y met le"
        " bouton « Supprimer ma conversation », qui demande de confirmer"
        " (DELETE /api/v1/conversations/{id})")


class ChoiceOut(BaseModel):
    id: str
    label: str


class ProgressOut(BaseModel):
    """Where the person is in a journey by stages (the coordinator's 4 stages)."""

    label: str = Field(description="À afficher tel quel, par exemple"
                                   " « Étape 1 sur 4 · partie 3 sur 8 »")
    stage: int = Field(ge=1, description="Numéro de l’étape")
    stages: int = Field(ge=1, description="Nombre d’étapes")
    part: int = Field(ge=1, description="Numéro de la partie dans l’étape")
    parts: int = Field(ge=1, description="Nombre de parties de l’étape (parcours choisi)")


class CommandOut(BaseModel):
    """A global command, available at every step; `shown` ones are buttons at every step
    (the others are typed, or offered elsewhere)."""

    id: str
    label: str
    shown: bool


class DraftOut(BaseModel):
    """Where the coordinator's draft (`GET …/document`) is offered."""

    offered: bool = Field(description="The conversation has a draft to offer (show it in the"
                          " options): it is in, or answered in, a journey that builds one.")
    here: bool = Field(description="Show the draft's links under this step's last message"
                       " (the end of a journey that builds it, or its summary).")


class ToolOut(BaseModel):
    """A blank tool of the resource bank that this place presents."""

    id: str = Field(description="L’outil, pour GET /api/v1/outils/{id}?format=html|docx|odt"
                                "&falc=true|false")
    title: str = Field(description="Son titre, dans la langue de la conversation")


class StepOut(BaseModel):
    id: str
    falc: bool
    flow: str
    node: str
    end: bool
    messages: list[Message]
    choices: list[ChoiceOut]
    commands: list[CommandOut]
    draft: DraftOut
    content_version: str
    progress: ProgressOut | None = Field(
        default=None,
        description="Où en est la personne dans un parcours par étapes ; null en dehors."
                    " Pendant un détour (la boîte à outils ouverte depuis une étape), la"
                    " place de l’étape quittée.")
    tools: list[ToolOut] = Field(
        default=[],
        description="Les outils à remplir que cette étape présente : proposer leurs fichiers"
                    " (page à imprimer, Word, OpenDocument) dans la langue de la conversation"
                    " (falc). Vide ailleurs.")


class TranscriptPageOut(BaseModel):
    offset: int = Field(description="Position du premier élément montré (0 : le début).")
    limit: int = Field(description="Nombre de positions demandées.")
    total: int = Field(description="Nombre de positions dans toute la conversation.")


class ConversationOut(StepOut):
    transcript: TranscriptPageOut | None = Field(
        default=None,
        description="Quelle partie de la conversation est montrée : une longue conversation"
                    " se lit par pages (paramètres offset et limit).")


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
