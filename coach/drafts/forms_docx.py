"""A blank tool as a Word file: heading styles, labelled fields followed by empty lines,
real tables with a repeated header row, French language (as the draft)."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from coach.drafts.docx import LANGUAGE, _set_language
from coach.drafts.forms import Form

BLANK = "_" * 60


def _header_row(row: object) -> None:
    """Mark the first row as a header (repeated on each page, read as such)."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def render_form_docx(form: Form) -> bytes:
    document = Document()
    _set_language(document)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(14 if form.falc else 12)
    properties = document.core_properties
    properties.title = form.title
    properties.language = LANGUAGE
    properties.author = "Coach CoP"
    document.add_heading(form.title, level=1)
    for line in form.intro.splitlines():
        if line.strip():
            document.add_paragraph(line)
    for part in form.parts:
        document.add_heading(part.title, level=2)
        for label, lines in part.fields:
            document.add_paragraph().add_run(label).bold = True
            for _ in range(lines):
                document.add_paragraph(BLANK)
        if part.table is not None:
            columns = part.table.columns
            table = document.add_table(rows=1 + len(part.table.rows), cols=len(columns))
            table.style = "Table Grid"
            for cell, name in zip(table.rows[0].cells, columns, strict=True):
                cell.text = name
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            _header_row(table.rows[0])
            for row, name in zip(table.rows[1:], part.table.rows, strict=True):
                row.cells[0].text = name
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
