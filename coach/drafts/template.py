"""The draft's content file (`brouillon.yaml`): its schema and its loader.

The file lives beside the code, not in `dialogues/`: it is not a flow, and the dialogue
loader refuses files it does not know. A broken file fails loudly at start-up.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

TEMPLATE_FILE = Path(__file__).with_name("brouillon.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pair(_Strict):
    """A text in standard French and in FALC, both written by hand."""

    text: str = Field(min_length=1)
    falc: str = Field(min_length=1)

    def get(self, falc: bool) -> str:
        return self.falc if falc else self.text


class Advice(_Strict):
    by: str
    source: list[str] = []
    text: str = Field(min_length=1)
    falc: str = Field(min_length=1)
    items: list[str] = []
    items_falc: list[str] = []


class Answer(_Strict):
    """One variable of the record, and the sentence to pre-fill for each of its values."""

    variable: str
    values: dict[str, Pair]


class SectionTemplate(_Strict):
    id: str
    title: str
    title_falc: str
    question: str
    question_falc: str
    answers: list[Answer] = []
    advice: list[Advice] = []


class DocumentTemplate(_Strict):
    id: str
    title: str
    title_falc: str
    source: list[str] = []
    intro: str
    intro_falc: str
    sections: list[SectionTemplate]


class SpeakerTemplate(_Strict):
    name: str
    about: str
    about_falc: str


class Labels(_Strict):
    contents: Pair
    answers: Pair
    advice: Pair
    missing: Pair
    question: Pair
    footer: Pair


class DraftTemplate(_Strict):
    title: str
    title_falc: str
    intro: str
    intro_falc: str
    labels: Labels
    speakers: dict[str, SpeakerTemplate]
    documents: list[DocumentTemplate]

    def variables(self) -> dict[str, set[str]]:
        """Every variable the draft reads, with the values it knows."""
        known: dict[str, set[str]] = {}
        for document in self.documents:
            for section in document.sections:
                for answer in section.answers:
                    known.setdefault(answer.variable, set()).update(answer.values)
        return known


@cache
def load_template(path: Path = TEMPLATE_FILE) -> DraftTemplate:
    with path.open(encoding="utf-8") as handle:
        template = DraftTemplate.model_validate(yaml.safe_load(handle))
    unknown = {a.by for d in template.documents for s in d.sections for a in s.advice
               if a.by not in template.speakers}
    if unknown:
        raise ValueError(f"{path.name} : auteur de conseil inconnu : {', '.join(sorted(unknown))}")
    return template
