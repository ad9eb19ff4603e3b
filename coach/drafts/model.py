"""Build the draft from a record's variables: pure data, one variant (standard or FALC).

Unanswered parts stay in the draft, marked « À compléter » with the question to ask: a
draft with holes is still a useful page to take to the first meeting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from coach.drafts.template import DraftTemplate, SectionTemplate, load_template


@dataclass(frozen=True)
class DraftAdvice:
    by: str
    about: str
    text: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class DraftSection:
    id: str
    title: str
    answers: tuple[str, ...]
    question: str
    advice: tuple[DraftAdvice, ...]

    @property
    def missing(self) -> bool:
        return not self.answers


@dataclass(frozen=True)
class DraftDocument:
    id: str
    title: str
    intro: str
    sections: tuple[DraftSection, ...]


@dataclass(frozen=True)
class Draft:
    title: str
    intro: str
    falc: bool
    documents: tuple[DraftDocument, ...]
    labels: Mapping[str, str]

    @property
    def sections(self) -> tuple[DraftSection, ...]:
        return tuple(s for d in self.documents for s in d.sections)

    @property
    def answered(self) -> int:
        return sum(1 for s in self.sections if not s.missing)


def _section(template: DraftTemplate, section: SectionTemplate,
             variables: Mapping[str, object], falc: bool,
             typed: Mapping[str, str]) -> DraftSection:
    answers = []
    for answer in section.answers:
        if answer.variable in typed:  # the person's own words, as written
            answers.append(typed[answer.variable])
            continue
        value = variables.get(answer.variable)
        sentence = answer.values.get(str(value)) if value is not None else None
        if sentence is not None:
            answers.append(sentence.get(falc))
    advice = []
    for item in section.advice:
        speaker = template.speakers[item.by]
        advice.append(DraftAdvice(
            by=speaker.name,
            about=speaker.about_falc if falc else speaker.about,
            text=item.falc if falc else item.text,
            items=tuple(item.items_falc if falc else item.items)))
    return DraftSection(
        id=section.id,
        title=section.title_falc if falc else section.title,
        answers=tuple(answers),
        question=section.question_falc if falc else section.question,
        advice=tuple(advice))


def build_draft(variables: Mapping[str, object], falc: bool,
                template: DraftTemplate | None = None,
                typed: Mapping[str, str] | None = None) -> Draft:
    """The draft for these answers. Values the template does not know are left out;
    `typed` (the person's own answers, by variable) is written as typed, in both variants:
    the renderers escape it like every text."""
    typed = typed or {}
    template = template or load_template()
    documents = tuple(
        DraftDocument(
            id=document.id,
            title=document.title_falc if falc else document.title,
            intro=document.intro_falc if falc else document.intro,
            sections=tuple(_section(template, s, variables, falc, typed)
                           for s in document.sections))
        for document in template.documents)
    labels = {name: getattr(template.labels, name).get(falc)
              for name in type(template.labels).model_fields}
    return Draft(title=template.title_falc if falc else template.title,
                 intro=template.intro_falc if falc else template.intro,
                 falc=falc, documents=documents, labels=labels)
