"""A blank tool as an OpenDocument text: outline headings, labelled fields followed by empty
lines, tables with a header row, French language (as the draft)."""

from __future__ import annotations

from io import BytesIO

from odf import dc
from odf.style import Style as OdfStyle
from odf.style import TableCellProperties
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import P

from coach.drafts.forms import Form
from coach.drafts.odt import _Writer

BLANK = "_" * 60


def _cell(text: str, style: OdfStyle) -> TableCell:
    cell = TableCell(valuetype="string", stylename=style)
    cell.addElement(P(text=text))
    return cell


def render_form_odt(form: Form) -> bytes:
    writer = _Writer(form.falc)
    doc = writer.doc
    doc.meta.addElement(dc.Title(text=form.title))
    doc.meta.addElement(dc.Language(text="fr-FR"))
    border = OdfStyle(name="Case", family="table-cell")
    border.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.15cm"))
    doc.automaticstyles.addElement(border)
    writer.heading(1, form.title)
    writer.lines(form.intro)
    for number, part in enumerate(form.parts, start=1):
        writer.heading(2, part.title)
        for label, lines in part.fields:
            writer.bold(label)
            for _ in range(lines):
                doc.text.addElement(P(text=BLANK))
        if part.table is not None:
            columns = part.table.columns
            table = Table(name=f"Tableau{number}")
            table.addElement(TableColumn(numbercolumnsrepeated=len(columns)))
            header = TableHeaderRows()
            row = TableRow()
            for name in columns:
                row.addElement(_cell(name, border))
            header.addElement(row)
            table.addElement(header)
            for name in part.table.rows:
                row = TableRow()
                row.addElement(_cell(name, border))
                for _ in columns[1:]:
                    row.addElement(_cell("", border))
                table.addElement(row)
            doc.text.addElement(table)
    buffer = BytesIO()
    doc.write(buffer)
    return buffer.getvalue()
