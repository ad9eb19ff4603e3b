"""The coordinator's draft: the data file matches the dialogues, and each renderer gives a
structured document with the answers (HTML headings and lists, Word and ODT headings)."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections import defaultdict
from html.parser import HTMLParser

import docx
import pytest
from odf import teletype
from odf import text as odftext
from odf.opendocument import load as load_odt

from coach.content.loader import load_content
from coach.drafts.docx import render_docx
from coach.drafts.html import render_html
from coach.drafts.model import build_draft
from coach.drafts.odt import render_odt
from coach.drafts.template import load_template

ANSWERS = {"duree": "durable", "nature": "competences", "objectif": "coordination",
           "theme": "soins-specialises", "gouvernance": "co-animation",
           "roles": "facilitateur", "vouloir": "non", "premier_pas": "reunion"}


@pytest.fixture(scope="module")
def content():
    return load_content()


class Outline(HTMLParser):
    """Headings (level, text), list items' text, and the html lang, from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.headings: list[tuple[int, str]] = []
        self.items: list[str] = []
        self._open: list[tuple[str, list[str]]] = []
        self.styles = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "style" in attrs or tag == "style":
            self.styles += 1
        if tag in ("h1", "h2", "h3", "h4", "li"):
            self._open.append((tag, []))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            name, parts = self._open.pop()
            text = " ".join("".join(parts).split())
            if name == "li":
                self.items.append(text)
            else:
                self.headings.append((int(name[1]), text))
            if self._open:
                self._open[-1][1].append(" " + text + " ")

    def handle_data(self, data):
        if self._open:
            self._open[-1][1].append(data)


def outline(page: str) -> Outline:
    parser = Outline()
    parser.feed(page)
    return parser


def test_draft_values_are_exactly_those_the_dialogues_set(content):
    set_by_dialogues: dict[str, set[str]] = defaultdict(set)
    for _flow, node in content.iter_nodes():
        for choice in node.choices:
            for name, value in choice.set.items():
                set_by_dialogues[name].add(str(value))
    for variable, values in load_template().variables().items():
        assert values == set_by_dialogues[variable], variable


def test_every_coordinator_answer_has_a_place_in_the_draft():
    expected = {"duree", "nature", "objectif", "participation", "composition", "adhesion",
                "theme", "gouvernance", "roles", "univers", "vouloir", "savoir", "pouvoir",
                "premier_pas",
                # stage 3 (Animer) and stage 4 (Pérenniser)
                "espaces", "techniques", "role_animateur", "retroplanning", "indicateurs",
                "plan_action", "evaluation", "age_groupe"}
    assert expected <= set(load_template().variables())


def test_the_draft_covers_the_four_stages_with_advice_in_each_part():
    draft = build_draft({"espaces": "mixte", "age_groupe": "maturite"}, False)
    assert [d.id for d in draft.documents] == [
        "feuille-de-route", "charte", "plan-animation", "plan-action"]
    for document in draft.documents[2:]:
        assert document.sections and all(s.advice for s in document.sections)
    parts = {s.id: s for s in draft.sections}
    assert parts["espaces-animation"].answers == (
        "La CoP alterne rencontres sur place et échanges à distance.",)
    assert "pratiques qui changent" in parts["evaluation"].answers[0]
    assert parts["plan-trois-temps"].missing and parts["plan-trois-temps"].question


def test_advice_sources_are_sections_of_the_content_map(content):
    template = load_template()
    for document in template.documents:
        for section in document.sections:
            assert section.advice, section.id
            for advice in section.advice:
                assert advice.source and set(advice.source) <= set(content.sections)
    authors = {a.by for d in template.documents for s in d.sections for a in s.advice}
    assert {"leo", "jacques"} <= authors


def test_answered_parts_carry_the_sentence_and_the_others_ask_the_question():
    draft = build_draft(ANSWERS, falc=False)
    by_id = {s.id: s for s in draft.sections}
    assert by_id["duree"].answers == ("La CoP est une structure pérenne, pensée pour durer.",)
    assert by_id["themes"].answers == ("Première thématique : l’accès aux soins spécialisés.",)
    assert by_id["roles"].answers[0].startswith("Mon rôle : l’animation d’un groupe thématique.")
    assert by_id["engagement"].answers[0].startswith("Vouloir : à renforcer.")
    assert by_id["adhesion"].missing
    assert by_id["adhesion"].question.startswith("La participation sera-t-elle ouverte")
    assert draft.labels["missing"] == "À compléter"
    assert draft.answered == 9  # theme fills two parts: first themes and working groups


def test_unknown_values_and_unanswered_draft():
    draft = build_draft({"duree": "<script>", "roles": 3}, falc=False)
    assert draft.answered == 0
    assert all(s.missing for s in draft.sections)


def test_falc_variant_uses_the_falc_texts():
    draft = build_draft(ANSWERS, falc=True)
    by_id = {s.id: s for s in draft.sections}
    assert by_id["duree"].answers == ("La CoP est durable.\nElle est faite pour durer longtemps.",)
    assert by_id["duree"].title == "La durée de la CoP"
    leo = by_id["besoins"].advice[0]
    assert (leo.by, leo.about) == ("Léo", "anime une CoP depuis 5 ans")


def test_html_is_a_structured_french_page():
    page = render_html(build_draft(ANSWERS, falc=False), stylesheet="/coach-static/b.css")
    parsed = outline(page)
    assert parsed.lang == "fr"
    assert parsed.styles == 0
    assert [h for h in parsed.headings if h[0] == 1] == [
        (1, "Brouillon de ma CoP : feuille de route et charte de collaboration")]
    assert (2, "Feuille de route") in parsed.headings
    assert (2, "Charte de collaboration") in parsed.headings
    assert (3, "Durée de vie") in parsed.headings
    assert "La CoP est une structure pérenne, pensée pour durer." in parsed.items
    assert any("Léo, animateur d’une CoP lancée il y a 5 ans" in i for i in parsed.items)
    levels = [level for level, _text in parsed.headings]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert '<link rel="stylesheet" href="/coach-static/b.css">' in page


def test_downloaded_html_embeds_its_stylesheet():
    page = render_html(build_draft({}, falc=True), inline_css="body { color: #000; }")
    assert "<style>" in page and "<link" not in page
    assert "Le brouillon de ma CoP" in page


def test_docx_uses_heading_and_list_styles_in_french():
    data = render_docx(build_draft(ANSWERS, falc=False))
    document = docx.Document(io.BytesIO(data))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Heading 1",
                         "Brouillon de ma CoP : feuille de route et charte de collaboration")
    assert ("Heading 2", "Charte de collaboration") in styles
    assert ("Heading 3", "Durée de vie") in styles
    assert ("List Bullet", "La CoP est une structure pérenne, pensée pour durer.") in styles
    assert ("Normal", "À compléter") in styles
    assert document.core_properties.language == "fr-FR"
    styles_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:lang w:val="fr-FR"' in styles_xml


def test_odt_has_outline_headings_lists_and_language():
    data = render_odt(build_draft(ANSWERS, falc=True))
    document = load_odt(io.BytesIO(data))
    headings = [(h.getAttribute("outlinelevel"), teletype.extractText(h))
                for h in document.getElementsByType(odftext.H)]
    assert headings[0] == ("1", "Le brouillon de ma CoP")
    assert ("3", "La durée de la CoP") in headings
    items = [teletype.extractText(i) for i in document.getElementsByType(odftext.ListItem)]
    assert "La CoP est durable." in items
    styles = zipfile.ZipFile(io.BytesIO(data)).read("styles.xml").decode()
    assert 'fo:language="fr"' in styles and 'fo:country="FR"' in styles


def test_every_stage_end_says_what_the_draft_holds_and_where_it_is(content):
    for flow in ("initier", "modeliser", "animer", "perenniser"):
        node = content.flows[flow].nodes["fin"]
        said = [m for m in node.messages if "brouillon" in m.text]
        assert said, flow
        assert "liens sont sous ce message" in said[0].text
        # the easy-to-read text says the draft is easy to read too (in its own words)
        assert "brouillon" in said[0].falc and "facile à lire" in said[0].falc.lower()


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_html_keeps_french_punctuation_with_its_word(falc):
    """On a phone the title « Brouillon de ma CoP : feuille de route… » put « : » alone at
    the start of its second line: no ordinary space before : ? ! ; » nor after «."""
    page = render_html(build_draft(ANSWERS, falc=falc), stylesheet="/coach-static/b.css")
    text = re.sub(r"<[^>]+>", " ", page.split("<body>", 1)[1])
    if not falc:
        assert "<h1>Brouillon de ma CoP\u00a0: feuille" in page
    loose = re.findall(r"\S{0,12}(?: [?!;»]| :(?=\s)|« )\S{0,12}", text)
    assert not loose, loose
