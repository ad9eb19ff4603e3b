"""The reading booklet: a flow's FALC texts in reading order, large type, one message per
block, each with the grid the readers fill in (« je comprends », « je ne comprends pas »,
« mot difficile : … »), and the group and date to write at the top. Printable HTML or
OpenDocument; a blank results sheet (CSV) lists the same references in the same order."""

from __future__ import annotations

import csv
import io
from collections import deque
from dataclasses import dataclass
from html import escape
from io import BytesIO

from odf.opendocument import OpenDocumentText
from odf.style import DefaultStyle, ParagraphProperties, Style, TextProperties
from odf.text import H, P

from coach.content.model import Content
from coach.readings.results import COLUMNS


@dataclass(frozen=True)
class Block:
    ref: str
    speaker: str
    falc: str


def reading_order(content: Content, flow_id: str) -> list[Block]:
    """Nodes as a reader meets them (breadth first from the start, through choices and
    automatic routes), then any node not reached that way, in file order."""
    flow = content.flows[flow_id]
    speakers = {key: speaker.name for key, speaker in content.speakers.items()}
    order: list[str] = []
    queue = deque([flow.header.start])
    while queue:
        node_id = queue.popleft()
        if node_id in order or node_id not in flow.nodes:
            continue
        order.append(node_id)
        node = flow.nodes[node_id]
        targets = [c.target for c in node.choices] + [r.target for r in node.next]
        queue.extend(t for t in targets if t and ":" not in t)
    order += [node_id for node_id in flow.nodes if node_id not in order]
    blocks = []
    for node_id in order:
        for index, message in enumerate(flow.nodes[node_id].messages):
            if message.falc:
                blocks.append(Block(f"{flow_id}/{node_id}/{index}",
                                    str(speakers.get(message.speaker, message.speaker)),
                                    message.falc))
    return blocks


STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 18pt; line-height: 1.5;
       max-width: 40em; margin: 1em auto; color: #000; }
h1 { font-size: 24pt; } .champ { border-bottom: 2px solid #000; display: inline-block;
min-width: 12em; } .bloc { border: 2px solid #000; padding: 0.6em 0.8em; margin: 1em 0;
break-inside: avoid; } .ref { font-size: 11pt; } .case { font-size: 22pt; }
.grille p { margin: 0.3em 0; }
"""


def booklet_html(content: Content, flow_id: str) -> str:
    flow = content.flows[flow_id]
    blocks = reading_order(content, flow_id)
    parts = [
        '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">',
        f"<title>Livret de relecture : {escape(flow.header.title_falc or flow.header.title)}"
        "</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Livret de relecture : {escape(flow.header.title_falc or flow.header.title)}</h1>",
        '<p>Groupe de lecteurs : <span class="champ">&nbsp;</span></p>',
        '<p>Date : <span class="champ">&nbsp;</span></p>',
        f"<p>{len(blocks)} messages. Lisez chaque message. Cochez une case.</p>",
    ]
    for number, block in enumerate(blocks, start=1):
        text = "<br>".join(escape(line) for line in block.falc.splitlines())
        parts.append(
            f'<section class="bloc"><h2>Message {number}</h2>'
            f"<p><strong>{escape(block.speaker)} dit :</strong></p><p>{text}</p>"
            '<div class="grille">'
            '<p><span class="case" aria-hidden="true">☐</span> Je comprends</p>'
            '<p><span class="case" aria-hidden="true">☐</span> Je ne comprends pas</p>'
            '<p>Mot difficile : <span class="champ">&nbsp;</span></p></div>'
            f'<p class="ref">Référence : {escape(block.ref)}</p></section>')
    parts.append("</body></html>\n")
    return "\n".join(parts)


def booklet_odt(content: Content, flow_id: str) -> bytes:
    flow = content.flows[flow_id]
    doc = OpenDocumentText()
    default = DefaultStyle(family="paragraph")
    default.addElement(TextProperties(language="fr", country="FR", fontsize="18pt",
                                      fontfamily="Arial"))
    default.addElement(ParagraphProperties(marginbottom="0.3cm", lineheight="150%"))
    doc.styles.addElement(default)
    headings = {}
    for level, size in ((1, "24pt"), (2, "20pt")):
        style = Style(name=f"Heading_20_{level}", displayname=f"Heading {level}",
                      family="paragraph", defaultoutlinelevel=str(level))
        style.addElement(TextProperties(fontsize=size, fontweight="bold"))
        style.addElement(ParagraphProperties(keepwithnext="always", margintop="0.5cm"))
        doc.styles.addElement(style)
        headings[level] = style
    small = Style(name="Reference", family="paragraph")
    small.addElement(TextProperties(fontsize="11pt"))
    doc.automaticstyles.addElement(small)
    title = flow.header.title_falc or flow.header.title
    doc.text.addElement(H(outlinelevel=1, stylename=headings[1],
                          text=f"Livret de relecture : {title}"))
    doc.text.addElement(P(text="Groupe de lecteurs : ______________________"))
    doc.text.addElement(P(text="Date : ______________________"))
    blocks = reading_order(content, flow_id)
    doc.text.addElement(P(text=f"{len(blocks)} messages. Lisez chaque message."
                               " Cochez une case."))
    for number, block in enumerate(blocks, start=1):
        doc.text.addElement(H(outlinelevel=2, stylename=headings[2], text=f"Message {number}"))
        doc.text.addElement(P(text=f"{block.speaker} dit :"))
        for line in block.falc.splitlines():
            doc.text.addElement(P(text=line))
        for line in ("☐ Je comprends", "☐ Je ne comprends pas",
                     "Mot difficile : ______________________"):
            doc.text.addElement(P(text=line))
        doc.text.addElement(P(stylename=small, text=f"Référence : {block.ref}"))
    out = BytesIO()
    doc.write(out)
    return out.getvalue()


def blank_sheet(content: Content, flow_id: str) -> str:
    """The results sheet to fill in after the reading (one line per message)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(COLUMNS)
    for block in reading_order(content, flow_id):
        writer.writerow([block.ref, "", "", "", ""])
    return out.getvalue()
