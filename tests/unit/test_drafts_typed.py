"""The person's own typed answers in the draft: written as typed, escaped by every renderer
(hostile text: markup, XML special characters, a spreadsheet formula, 1,000 characters)."""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser

import docx
import pytest
from odf import teletype
from odf import text as odftext
from odf.opendocument import load as load_odt

from coach.drafts.docx import render_docx
from coach.drafts.html import render_html
from coach.drafts.model import build_draft
from coach.drafts.odt import render_odt
from coach.engine.typed_answers import printable

MARKUP = "<script>alert('x')</script><b>gras</b> & &amp; \"guillemets\" 'apostrophes' ]]> <!--"
FORMULA = "=cmd|' /C calc'!A0 +1 -1 @SUM(A1)"
LONG = ("Rompre l’isolement des familles du Cantal " * 40)[:1000]
HOSTILE = [MARKUP, FORMULA, LONG, "é" * 999 + "<", "\x00\x07\x1b nul \ufffe\uffff fin"]


class Texts(HTMLParser):
    """Every text node of the page, and every element met."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.texts.append(data)


@pytest.mark.parametrize("typed", HOSTILE, ids=["balises", "formule", "long", "1000", "controle"])
@pytest.mark.parametrize("falc", [False, True])
def test_typed_answer_is_escaped_in_html_docx_and_odt(typed, falc):
    answer = printable(typed)
    assert len(answer) <= 1000
    draft = build_draft({"objectif": "libre"}, falc, typed={"objectif": answer})
    section = next(s for s in draft.sections if s.id == "objectifs")
    assert section.answers == (answer,)

    page = render_html(draft)
    parsed = Texts()
    parsed.feed(page)
    assert answer in parsed.texts
    assert "script" not in parsed.tags and parsed.tags.count("b") == 0

    word = docx.Document(io.BytesIO(render_docx(draft)))
    assert answer in [p.text for p in word.paragraphs]

    data = render_odt(draft)
    odt = load_odt(io.BytesIO(data))
    assert answer in [teletype.extractText(i) for i in odt.getElementsByType(odftext.ListItem)]
    zipfile.ZipFile(io.BytesIO(data)).testzip()


def test_control_characters_are_dropped_and_the_rest_kept():
    assert printable("\x00\x07\x1b nul \ufffe\uffff fin") == "nul fin"
    assert printable("  deux\n lignes\t") == "deux lignes"
    assert printable(FORMULA) == FORMULA


def test_a_typed_answer_replaces_the_chosen_sentence():
    draft = build_draft({"objectif": "coordination"}, False, typed={"objectif": "Nos mots"})
    section = next(s for s in draft.sections if s.id == "objectifs")
    assert section.answers == ("Nos mots",)


# Stages 3 and 4: the variables their `ask:` nodes record, and the part each one fills.
STAGE_3_4_TYPED = {"espaces": "espaces-animation", "techniques": "techniques-animation",
                   "role_animateur": "role-animateur", "retroplanning": "retroplanning",
                   "indicateurs": "indicateurs", "plan_action": "plan-trois-temps",
                   "evaluation": "evaluation"}


@pytest.mark.parametrize("variable", sorted(STAGE_3_4_TYPED))
@pytest.mark.parametrize("falc", [False, True])
def test_typed_answers_of_stages_3_and_4_are_escaped_everywhere(variable, falc):
    answer = printable(MARKUP + " " + FORMULA)
    draft = build_draft({variable: "libre"}, falc, typed={variable: answer})
    section = next(s for s in draft.sections if s.id == STAGE_3_4_TYPED[variable])
    assert answer in section.answers and not section.missing

    parsed = Texts()
    parsed.feed(render_html(draft))
    assert answer in parsed.texts
    assert "script" not in parsed.tags and parsed.tags.count("b") == 0

    word = docx.Document(io.BytesIO(render_docx(draft)))
    assert answer in [p.text for p in word.paragraphs]

    odt = load_odt(io.BytesIO(render_odt(draft)))
    assert answer in [teletype.extractText(i) for i in odt.getElementsByType(odftext.ListItem)]


def test_the_ask_nodes_of_stages_3_and_4_record_the_variables_the_draft_reads():
    from coach.content.loader import load_content

    asked = {node.ask.variable for _flow, node in load_content().iter_nodes()
             if getattr(node, "ask", None) is not None}
    assert set(STAGE_3_4_TYPED) <= asked
