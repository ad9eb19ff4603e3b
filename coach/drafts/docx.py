"""The draft as a Word file (python-docx): real heading styles, list styles, French language.

Screen readers and Word's navigation pane rely on the built-in « Heading N » and
« List Bullet » styles, and the spell checker and speech on the document language.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from coach.drafts.model import Draft, DraftSection

LANGUAGE = "fr-FR"


def _set_language(document: WordDocument) -> None:
    """fr-FR as the default of every run (docDefaults) and of the Normal style."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    for rpr in (properties, document.styles["Normal"].element.get_or_add_rPr()):
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
        lang.set(qn("w:bidi"), LANGUAGE)


def _lines(document: WordDocument, text: str, style: str | None = None) -> None:
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line, style=style)


def _section(document: WordDocument, draft: Draft, section: DraftSection) -> None:
    labels = draft.labels
    document.add_heading(section.title, level=3)
    document.add_heading(labels["answers"], level=4)
    if section.missing:
        document.add_paragraph().add_run(labels["missing"]).bold = True
        document.add_paragraph(labels["question"])
        _lines(document, section.question)
        document.add_paragraph()
    else:
        for answer in section.answers:
            for line in answer.splitlines():
                document.add_paragraph(line, style="List Bullet")
    if section.advice:
        document.add_heading(labels["advice"], level=4)
    for advice in section.advice:
        document.add_paragraph().add_run(f"{advice.by}, {advice.about} :").bold = True
        _lines(document, advice.text)
        for item in advice.items:
            document.add_paragraph(item, style="List Bullet 2")


def render_docx(draft: Draft) -> bytes:
    document = Document()
    _set_language(document)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(14 if draft.falc else 12)
    properties = document.core_properties
    properties.title = draft.title
    properties.language = LANGUAGE
    properties.author = "Coach CoP"
    properties.subject = "Feuille de route et charte de collaboration"
    document.add_heading(draft.title, level=1)
    _lines(document, draft.intro)
    for item in draft.documents:
        document.add_heading(item.title, level=2)
        _lines(document, item.intro)
        for section in item.sections:
            _section(document, draft, section)
    _lines(document, draft.labels["footer"])
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
