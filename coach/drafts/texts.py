"""Every FALC text of the downloadable documents (the draft, the six blank tools), with its
place, so that `coach lint` checks them with the same FALC checker as the dialogues.

These texts are read by the same people as the chat: a draft or a tool file in FALC must
be as easy to read as a message. A text read with a standard-French twin (an introduction,
an advice, an answer sentence) is a message; a title, a label or a table cell is like a
choice label (no pair check).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coach.content.yamlsrc import Path_, YamlDocument, read_yaml
from coach.drafts.forms import FORMS_FILE, FormsFile
from coach.drafts.template import TEMPLATE_FILE, Advice, DraftTemplate, Pair

_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class DocumentText:
    """One FALC text of a document: `standard` is None for titles and labels."""

    group: str  # "brouillon" or "outils à remplir": a line of the lint report
    file: str
    where: str
    falc: str
    standard: str | None
    line: int | None


def display_path(path: Path) -> str:
    """A file's name as errors show it: relative to the project when it lies inside."""
    try:
        return str(path.resolve().relative_to(_ROOT))
    except ValueError:
        return str(path)


def _advice_text(falc: str, items: list[str]) -> str:
    """An advice as the document shows it: its sentence, then its list."""
    return "\n".join([falc, *(f"- {item}" for item in items)])


class _Collector:
    def __init__(self, group: str, source: YamlDocument) -> None:
        self.group, self.source = group, source
        self.texts: list[DocumentText] = []

    def label(self, where: str, falc: str, path: Path_) -> None:
        self.texts.append(DocumentText(self.group, self.source.file, where, falc, None,
                                       self.source.line_of(path)))

    def message(self, where: str, pair: Pair, path: Path_) -> None:
        self.texts.append(DocumentText(self.group, self.source.file, where, pair.falc,
                                       pair.text, self.source.line_of(path)))

    def advice(self, where: str, advice: Advice, path: Path_) -> None:
        self.texts.append(DocumentText(
            self.group, self.source.file, where, _advice_text(advice.falc, advice.items_falc),
            _advice_text(advice.text, advice.items), self.source.line_of((*path, "falc"))))


def draft_texts(path: Path = TEMPLATE_FILE) -> list[DocumentText]:
    """The FALC texts of the coordinator's draft (brouillon.yaml), in document order."""
    source = read_yaml(path, display_path(path))
    template = DraftTemplate.model_validate(source.data)
    out = _Collector("brouillon", source)
    out.label("titre", template.title_falc, ("title_falc",))
    out.message("introduction", Pair(text=template.intro, falc=template.intro_falc),
                ("intro_falc",))
    for name in type(template.labels).model_fields:
        out.label(f"libellé « {name} »", getattr(template.labels, name).falc,
                  ("labels", name, "falc"))
    for key, speaker in template.speakers.items():
        out.label(f"auteur « {key} »", speaker.about_falc, ("speakers", key, "about_falc"))
    for d, document in enumerate(template.documents):
        base: Path_ = ("documents", d)
        out.label(f"{document.id} › titre", document.title_falc, (*base, "title_falc"))
        out.message(f"{document.id} › introduction",
                    Pair(text=document.intro, falc=document.intro_falc), (*base, "intro_falc"))
        for s, section in enumerate(document.sections):
            at: Path_ = (*base, "sections", s)
            place = f"{document.id} › {section.id}"
            out.label(f"{place} › titre", section.title_falc, (*at, "title_falc"))
            out.message(f"{place} › question",
                        Pair(text=section.question, falc=section.question_falc),
                        (*at, "question_falc"))
            for a, answer in enumerate(section.answers):
                for value, pair in answer.values.items():
                    out.message(f"{place} › réponse « {answer.variable}={value} »", pair,
                                (*at, "answers", a, "values", value, "falc"))
            for k, advice in enumerate(section.advice, start=1):
                out.advice(f"{place} › conseil {k} ({advice.by})", advice,
                           (*at, "advice", k - 1))
    return out.texts


def _form_texts(path: Path) -> Iterator[DocumentText]:
    source = read_yaml(path, display_path(path))
    forms = FormsFile.model_validate(source.data)
    out = _Collector("outils à remplir", source)
    for t, tool in enumerate(forms.tools):
        base: Path_ = ("tools", t)
        out.label(f"{tool.id} › titre", tool.title.falc, (*base, "title", "falc"))
        out.message(f"{tool.id} › introduction", tool.intro, (*base, "intro", "falc"))
        for p, part in enumerate(tool.parts, start=1):
            at: Path_ = (*base, "parts", p - 1)
            place = f"{tool.id} › partie {p}"
            out.label(f"{place} › titre", part.title.falc, (*at, "title", "falc"))
            for f, field in enumerate(part.fields, start=1):
                out.label(f"{place} › champ {f}", field.label.falc,
                          (*at, "fields", f - 1, "label", "falc"))
            if part.table is not None:
                for c, column in enumerate(part.table.columns, start=1):
                    out.label(f"{place} › colonne {c}", column.falc,
                              (*at, "table", "columns", c - 1, "falc"))
                if not isinstance(part.table.rows, int):
                    for r, row in enumerate(part.table.rows, start=1):
                        out.label(f"{place} › ligne {r}", row.falc,
                                  (*at, "table", "rows", r - 1, "falc"))
    yield from out.texts


def form_texts(path: Path = FORMS_FILE) -> list[DocumentText]:
    """The FALC texts of the six blank tools (outils.yaml), in document order."""
    return list(_form_texts(path))


def document_texts() -> list[DocumentText]:
    """The FALC texts of every downloadable document."""
    return draft_texts() + form_texts()
