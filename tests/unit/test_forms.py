"""The six tools as blank files: every tool, every format, both variants, opened with the
libraries an office suite would use, and checked for headings, tables and empty fields."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

import docx
import pytest
from odf import table as odftable
from odf import teletype
from odf import text as odftext
from odf.opendocument import load as load_odt

from coach.drafts.forms import build_form, load_forms
from coach.drafts.forms_docx import render_form_docx
from coach.drafts.forms_html import render_form_html
from coach.drafts.forms_odt import render_form_odt

TOOLS = ["charte", "feuille-de-route", "guide-contributeurs", "support-restitution",
         "retroplanning", "matrice"]


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.textboxes = 0
        self.headings: dict[str, list[str]] = {}
        self._in: str | None = None
        self.html_lang = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang") or ""
        if "a-remplir" in (attributes.get("class") or "").split() and tag == "div":
            assert attributes.get("aria-hidden") == "true"
            self.textboxes += 1
        if tag in ("h1", "h2"):
            self._in = tag
            self.headings.setdefault(tag, []).append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.headings[self._in][-1] += data


def test_the_six_tools_of_the_resource_bank_are_there():
    assert list(load_forms()) == TOOLS


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("tool", TOOLS)
def test_html_has_one_title_a_heading_per_part_fields_and_tables(tool, falc):
    form = build_form(tool, falc)
    page = Page()
    page.feed(render_form_html(form))
    assert page.html_lang == "fr" and "script" not in page.tags
    assert page.headings["h1"] == [form.title]
    assert page.headings["h2"] == [p.title for p in form.parts]
    assert page.textboxes == sum(len(p.fields) for p in form.parts)
    tables = [p.table for p in form.parts if p.table is not None]
    assert page.tags.count("table") == len(tables)
    assert page.tags.count("tr") == sum(1 + len(t.rows) for t in tables)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("tool", TOOLS)
def test_docx_has_headings_bold_labels_blank_lines_and_tables(tool, falc):
    form = build_form(tool, falc)
    word = docx.Document(io.BytesIO(render_form_docx(form)))
    headings = [(p.style.name, p.text) for p in word.paragraphs
                if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", form.title)] + [("Heading 2", p.title) for p in form.parts]
    texts = [p.text for p in word.paragraphs]
    for part in form.parts:
        for label, lines in part.fields:
            at = texts.index(label)
            assert all(set(t) == {"_"} for t in texts[at + 1:at + 1 + lines])
    tables = [p.table for p in form.parts if p.table is not None]
    assert len(word.tables) == len(tables)
    for expected, found in zip(tables, word.tables, strict=True):
        assert [c.text for c in found.rows[0].cells] == list(expected.columns)
        assert len(found.rows) == 1 + len(expected.rows)
        for row, name in zip(found.rows[1:], expected.rows, strict=True):
            assert row.cells[0].text == name
            assert all(c.text == "" for c in row.cells[1:])  # to fill in
    assert word.core_properties.language == "fr-FR"


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("tool", TOOLS)
def test_odt_has_outline_headings_blank_lines_and_tables(tool, falc):
    form = build_form(tool, falc)
    data = render_form_odt(form)
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    odt = load_odt(io.BytesIO(data))
    headings = [(h.getAttribute("outlinelevel"), teletype.extractText(h))
                for h in odt.getElementsByType(odftext.H)]
    assert headings == [("1", form.title)] + [("2", p.title) for p in form.parts]
    blanks = [p for p in odt.getElementsByType(odftext.P)
              if set(teletype.extractText(p)) == {"_"}]
    assert len(blanks) == sum(lines for p in form.parts for _label, lines in p.fields)
    tables = [p.table for p in form.parts if p.table is not None]
    found = odt.getElementsByType(odftable.Table)
    assert len(found) == len(tables)
    for expected, table in zip(tables, found, strict=True):
        header = table.getElementsByType(odftable.TableHeaderRows)[0]
        assert [teletype.extractText(c) for c in header.getElementsByType(odftable.TableCell)] \
            == list(expected.columns)
        rows = table.getElementsByType(odftable.TableRow)
        assert len(rows) == 1 + len(expected.rows)
        for row, name in zip(rows[1:], expected.rows, strict=True):
            cells = [teletype.extractText(c) for c in row.getElementsByType(odftable.TableCell)]
            assert cells == [name] + [""] * (len(expected.columns) - 1)


def test_the_retroplanning_and_the_matrix_are_tables_to_fill():
    for tool in ("retroplanning", "matrice"):
        form = build_form(tool, False)
        assert any(p.table is not None for p in form.parts)
    months = build_form("matrice", False).parts[0].table
    assert months is not None and months.columns[1] == "Janvier"


def test_each_tool_has_its_own_easy_to_read_texts():
    for tool in TOOLS:
        standard, falc = build_form(tool, False), build_form(tool, True)
        assert standard.intro != falc.intro and not standard.falc and falc.falc


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("tool", TOOLS)
def test_html_keeps_french_punctuation_with_its_word(tool, falc):
    """No ordinary space before : ? ! ; » nor after « in the printable page (a phone wraps
    there and puts the sign alone at a line's start)."""
    page = render_form_html(build_form(tool, falc))
    text = re.sub(r"<[^>]+>", " ", page.split("<body>", 1)[1])
    loose = re.findall(r"\S{0,12}(?: [?!;»]| :(?=\s)|« )\S{0,12}", text)
    assert not loose, loose
