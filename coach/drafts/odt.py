"""The draft as an OpenDocument text (odfpy): outline headings, bullet lists, French language.

LibreOffice maps « Heading N » paragraph styles with an outline level to its navigator and
to the PDF export's tags; the default style carries the language.
"""

from __future__ import annotations

from io import BytesIO

from odf import dc
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    ListLevelProperties,
    ParagraphProperties,
    Style,
    TextProperties,
)
from odf.text import H, List, ListItem, ListLevelStyleBullet, ListStyle, P, Span

from coach.drafts.model import Draft, DraftSection

HEADING_SIZES = {1: "20pt", 2: "17pt", 3: "15pt", 4: "13pt"}


class _Writer:
    def __init__(self, falc: bool) -> None:
        self.doc = OpenDocumentText()
        size = "14pt" if falc else "12pt"
        default = DefaultStyle(family="paragraph")
        default.addElement(TextProperties(language="fr", country="FR", fontsize=size,
                                          fontfamily="Arial"))
        default.addElement(ParagraphProperties(margintop="0cm", marginbottom="0.2cm"))
        self.doc.styles.addElement(default)
        self.headings = {}
        for level, heading_size in HEADING_SIZES.items():
            style = Style(name=f"Heading_20_{level}", displayname=f"Heading {level}",
                          family="paragraph", defaultoutlinelevel=str(level))
            style.addElement(TextProperties(fontsize=heading_size, fontweight="bold"))
            style.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm",
                                                 keepwithnext="always"))
            self.doc.styles.addElement(style)
            self.headings[level] = style
        self.strong = Style(name="Fort", family="text")
        self.strong.addElement(TextProperties(fontweight="bold"))
        self.doc.automaticstyles.addElement(self.strong)
        self.bullets = ListStyle(name="Puces")
        for level in (1, 2):
            bullet = ListLevelStyleBullet(level=level, bulletchar="•")
            bullet.addElement(ListLevelProperties(spacebefore=f"{0.6 * level:.1f}cm",
                                                  minlabelwidth="0.6cm"))
            self.bullets.addElement(bullet)
        self.doc.automaticstyles.addElement(self.bullets)

    def heading(self, level: int, text: str) -> None:
        self.doc.text.addElement(H(outlinelevel=level, stylename=self.headings[level], text=text))

    def lines(self, text: str) -> None:
        for line in text.splitlines():
            if line.strip():
                self.doc.text.addElement(P(text=line))

    def bold(self, text: str) -> None:
        paragraph = P()
        paragraph.addElement(Span(stylename=self.strong, text=text))
        self.doc.text.addElement(paragraph)

    def bullet_list(self, items: list[str]) -> None:
        if not items:
            return
        listing = List(stylename=self.bullets)
        for item in items:
            entry = ListItem()
            entry.addElement(P(text=item))
            listing.addElement(entry)
        self.doc.text.addElement(listing)

    def section(self, draft: Draft, section: DraftSection) -> None:
        labels = draft.labels
        self.heading(3, section.title)
        self.heading(4, labels["answers"])
        if section.missing:
            self.bold(labels["missing"])
            self.lines(labels["question"])
            self.lines(section.question)
        else:
            self.bullet_list([line for a in section.answers for line in a.splitlines()])
        if section.advice:
            self.heading(4, labels["advice"])
        for advice in section.advice:
            self.bold(f"{advice.by}, {advice.about} :")
            self.lines(advice.text)
            self.bullet_list(list(advice.items))


def render_odt(draft: Draft) -> bytes:
    writer = _Writer(draft.falc)
    writer.doc.meta.addElement(dc.Title(text=draft.title))
    writer.doc.meta.addElement(dc.Language(text="fr-FR"))
    writer.heading(1, draft.title)
    writer.lines(draft.intro)
    for document in draft.documents:
        writer.heading(2, document.title)
        writer.lines(document.intro)
        for section in document.sections:
            writer.section(draft, section)
    writer.lines(draft.labels["footer"])
    buffer = BytesIO()
    writer.doc.write(buffer)
    return buffer.getvalue()
