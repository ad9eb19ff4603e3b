"""The conversation page: its messages, the choices, the text field, the commands (the tchat
template of web/index.html, filled: coach/api/pages/tchat.py), and the links to the
coordinator's draft; the printable transcript and the plain-text one."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi.responses import HTMLResponse

from coach.api.interface import say
from coach.api.pages.layout import Site, document, e
from coach.api.pages.tchat import (
    ACTION,
    BEFORE,
    DESCRIBED,
    ERROR,
    FOCUS,
    ITEMS,
    KEPT,
    KEY,
    LABEL,
    MAX_CHARS,
    PART,
    PARTS,
    tchat_parts,
)
from coach.content.typography import french_spacing
from coach.engine.commands import OFFERS_DELETION
from coach.engine.engine import Step
from coach.service import TranscriptPage

DISPLAY_ZONE = ZoneInfo("Europe/Paris")
DRAFT_TITLE = "Mon brouillon de feuille de route et de charte"
DRAFT_LINKS = (("html", "Voir (nouvelle fenêtre)"), ("docx", "Télécharger en Word (.docx)"),
               ("odt", "Télécharger en OpenDocument (.odt)"))


def _says(name: str, role: str, ref: str) -> str:
    if role != "bot":
        return "Vous avez écrit : " if ref == "texte" else "Vous avez choisi : "
    return f"{name} dit : "


def _title(name: str, role: str) -> str:
    if role != "bot":
        return "Votre message"
    if name.startswith("Le "):
        return "Message du " + name[3:]
    if name.startswith("La "):
        return "Message de la " + name[3:]
    return ("Message d’" if name[:1].lower() in "aeiouyéèêàâîôûh" else "Message de ") + name


def _time(at: str | None) -> str:
    """The message's time as « 14 h 32 » in French time (no script to know the reader's)."""
    if not at:
        return ""
    moment = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(DISPLAY_ZONE)
    return f'<time class="heure" datetime="{e(at)}">{moment.hour}\u00a0h\u00a0{moment:%M}</time>'


def link_group(ident: str, level: int, title: str, links: list[tuple[str, str, str]]) -> str:
    """A group of download links named by its heading (the draft's, a tool's): each link is
    (href, format, visible name); the printable page opens in a new window."""
    items = "".join(
        f'<li><a class="bouton-lien" href="{e(href)}"'
        + (' target="_blank" rel="noopener"' if fmt == "html" else "")
        + f">{name}</a></li>" for href, fmt, name in links)
    return (f'<div class="brouillon-liens" role="group" aria-labelledby="{ident}">'
            f'<h{level} id="{ident}" class="brouillon-titre">{e(title)}</h{level}>'
            f'<ul class="rangee">{items}</ul></div>')


def draft_links(site: Site, cid: str, ident: str, level: int) -> str:
    """The three links to the draft."""
    url = f"{site.base}/api/v1/conversations/{quote(cid, safe='')}/document?format="
    return link_group(ident, level, DRAFT_TITLE,
                      [(url + fmt, fmt, e(label)) for fmt, label in DRAFT_LINKS])


TOOL_LINKS = (("html", "Voir pour imprimer (nouvelle fenêtre)"), ("docx", "Word (.docx)"),
              ("odt", "OpenDocument (.odt)"))


def tool_links(site: Site, tool: str, falc: bool, ident: str, level: int) -> str:
    """The three links to a blank tool to fill in, in the conversation's reading level.
    Each link's name starts with the tool's title (hidden on screen, as in the client): a
    place that presents two tools would otherwise read « Word (.docx) » twice."""
    from coach.drafts.forms import load_forms

    title = load_forms()[tool].title.get(falc)
    url = f"{site.base}/api/v1/outils/{quote(tool, safe='')}?falc={'true' if falc else 'false'}"
    hidden = f'<span class="visually-hidden">{e(title)} : </span>'
    return link_group(ident, level, "L’outil à remplir : " + title,
                      [(f"{url}&format={fmt}", fmt, hidden + e(label))
                       for fmt, label in TOOL_LINKS])


def progress_text(step: Step) -> str:
    """Where the person is in the coordinator's stages, as text (empty elsewhere): the
    template's `.progression`, filled."""
    if step.progress is None:
        return ""
    return (tchat_parts().progress.replace(LABEL, e(step.progress["label"]))
            .replace(PARTS, str(int(step.progress["parts"])))
            .replace(PART, str(int(step.progress["part"]))))


# What a person can tap in the coach's words: a web address, an e-mail, a French phone
# number (the deployer's contacts and communities). The same patterns as web/coach.js
# (JOIGNABLE), checked against one table: tests/data/links.yaml. A phone number's digits are
# ASCII ([0-9], as JavaScript's \d; Python's \d would take any script's digits).
REACHABLE = re.compile(
    r"(?P<web>https?://[^\s<>«»\"]+[^\s<>«»\".,;:!?)])"
    r"|(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<phone>(?<![0-9+])(?:\+33[\s.]?|0)[1-9](?:[\s.\u00a0]?[0-9]{2}){4}(?![0-9]))")


# The punctuation that stays with a link rather than start a line alone (as in coach.js).
AFTER_LINK = re.compile(r"[.,;:!?…)»\u00a0\u202f]+")


def linked(text: str) -> str:
    """The text, escaped, with its web addresses, e-mails and phone numbers as links, each
    a 44 px target that starts a line rather than being cut, with the punctuation after it
    (`.joignable`, web/coach.css); a long address breaks only after its « @ » or a « / »."""
    parts, last = [], 0
    for found in REACHABLE.finditer(text):
        parts.append(e(text[last:found.start()]))
        value = found.group(0)
        if found.group("web"):
            href = value
            shown = "<wbr>".join(e(p) for p in re.findall(r"[^/]*/+|[^/]+$", value))
        elif found.group("mail"):
            href = "mailto:" + value
            at = value.index("@") + 1
            shown = f"{e(value[:at])}<wbr>{e(value[at:])}"
        else:
            href = "tel:" + re.sub(r"[\s.\u00a0]", "", value)
            shown = e(value)
        last = found.end()
        sign = AFTER_LINK.match(text, last)
        after = e(sign.group(0)) if sign else ""
        last = sign.end() if sign else last
        kind = "joignable site" if found.group("web") else "joignable"
        parts.append(f'<span class="{kind}"><a href="{e(href)}">{shown}</a>{after}</span>')
    parts.append(e(text[last:]))
    return "".join(parts)


def message_items(messages: Iterable[dict[str, Any]], anchor: str | None,
                  after: dict[str, str] | None = None) -> str:
    """`after`: HTML to put at the end of some messages' items, by message id."""
    items = []
    after = after or {}
    for m in messages:
        bot = m["role"] == "bot"
        name = m["speaker"]["name"] if bot else "Vous"
        mark = ' id="dernier" tabindex="-1"' if m["id"] == anchor else ""
        items.append(
            f'<li class="msg {"msg--coach" if bot else "msg--moi"}"{mark}>'
            f'<h3 class="visually-hidden">{e(_title(name, m["role"]))}</h3>'
            f'<p class="auteur" aria-hidden="true">{e(name)}</p>'
            '<p class="bulle"><span class="visually-hidden">'
            f'{e(_says(name, m["role"], m["ref"]))}</span>'
            f'<span class="texte" id="texte-{e(m["id"])}">'
            f'{linked(french_spacing(m["text"])) if bot else e(m["text"])}</span></p>'
            f'{_time(m.get("at"))}{after.get(m["id"], "")}</li>'
        )
    return "\n".join(items)


def earlier_link(site: Site, cid: str, page: TranscriptPage | None, path: str = "") -> str:
    """« Voir les messages précédents » when the page does not start at the beginning."""
    if page is None or page.offset == 0:
        return ""
    before = max(0, page.offset - page.limit)
    return (f'<p class="pages"><a href="{site.conversation_url(cid)}{path}?depuis={before}">'
            f"Voir les messages précédents ({page.offset} plus anciens)</a></p>")


INTRO = ("Version sans JavaScript\u00a0: chaque réponse recharge la page. Pour reprendre plus"
         " tard, gardez l’adresse de cette page dans vos favoris.")
INTRO_FALC = ("Chaque réponse ouvre la page de nouveau. Pour revenir plus tard,"
              " gardez l’adresse de cette page.")


def conversation_page(site: Site, step: Step, error: str | None = None, kept: str = "",
                      status: int = 200, page: TranscriptPage | None = None) -> HTMLResponse:
    """The conversation (its last page when it is long) and the ways to answer; `error`
    (with the text `kept`) is said above the text field."""
    record = step.record
    action = site.conversation_url(record.id)
    form_key = secrets.token_urlsafe(12)
    messages = [m.to_dict() for m in step.messages]
    users = [m for m in messages if m["role"] == "user"]
    anchor = users[-1]["id"] if users else (messages[0]["id"] if messages else None)
    bots = [m for m in messages if m["role"] == "bot"]
    after = {}
    if bots and step.draft_here:  # under the step's own last message (not « aide »'s)
        own = [m for m in bots if m["ref"].startswith(f"{record.flow}/{record.node}/")]
        after[(own or bots)[-1]["id"]] = draft_links(site, record.id, "titre-brouillon-fil", 4)
    for m in bots:  # « effacer mon brouillon » answered: the way to the confirmation, there
        if m["ref"] in OFFERS_DELETION:
            after[m["id"]] = after.get(m["id"], "") + (
                f'<p><a class="bouton-lien" href="{action}/supprimer">'
                f"{e(say('supprimer', record.falc))}</a></p>")
    if bots and step.tools:  # the blank tools this place presents (its node's `tools`)
        own = [m for m in bots if m["ref"].startswith(f"{record.flow}/{record.node}/")]
        last = (own or bots)[-1]["id"]
        after[last] = after.get(last, "") + "".join(
            tool_links(site, tool, record.falc, f"titre-outil-{tool}", 4)
            for tool in step.tools)

    parts = tchat_parts()
    body = [
        "<h1>Votre coach CoP</h1>",
        f'<p class="intro">{INTRO_FALC if record.falc else INTRO}</p>',
        '<div class="outils rangee">',
        easy_to_read_form(action, record.falc),
        f'<a class="bouton-lien" href="{action}/transcription.txt">'
        f"{e(say('telecharger', record.falc))}</a>",
        f'<a class="bouton-lien" href="{action}/transcription">'
        f"{e(say('imprimer', record.falc))}</a>",
        f'<a class="bouton-lien" href="{action}/recommencer">'
        f"{e(say('recommencer', record.falc))}</a>",
        f'<a class="bouton-lien" href="{action}/supprimer">'
        f"{e(say('supprimer', record.falc))}</a>",
        "</div>",
        progress_text(step),
        parts.history.replace(BEFORE, earlier_link(site, record.id, page))
        .replace(ITEMS, "\n" + message_items(messages, anchor, after) + "\n"),
    ]
    if step.choices:
        label = (f'aria-labelledby="texte-{e(bots[-1]["id"])}"' if bots
                 else 'aria-label="Réponses proposées"')
        buttons = "\n".join(
            f'<li><button type="submit" name="choix" value="{e(c["id"])}">'
            f'<span class="num" aria-hidden="true">{i}.</span>{e(c["label"])}</button></li>'
            for i, c in enumerate(step.choices, start=1))
        body.append(parts.choices.replace(f'aria-labelledby="{LABEL}"', label)
                    .replace(ACTION, action).replace(KEY, form_key)
                    .replace(ITEMS, f"\n{buttons}\n"))
    described = "aide-saisie erreur" if error else "aide-saisie"
    mistake = f'<p id="erreur" class="erreur" role="alert">{e(error)}</p>' if error else ""
    body.append(parts.field.replace(ACTION, action).replace(KEY, form_key)
                .replace(MAX_CHARS, str(int(site.settings.max_text_chars)))
                .replace(DESCRIBED, described).replace(FOCUS, " autofocus" if error else "")
                .replace(ERROR, mistake).replace(KEPT, e(kept)))
    commands = "\n".join(
        f'<li><button type="submit" name="choix" value="{e(c["id"])}">{e(c["label"])}'
        "</button></li>"
        for c in step.commands if c["shown"])
    body.append(parts.commands.replace(ACTION, action).replace(KEY, form_key)
                .replace(ITEMS, f"\n{commands}\n"))
    # Again under the answers: after a few steps the page opens far below the first one.
    body.append(f'<div class="outils rangee">{easy_to_read_form(action, record.falc)}</div>')
    if step.draft_offered:
        body.append(draft_links(site, record.id, "titre-brouillon", 2))
    title = ("Erreur : " if error else "") + "Conversation"
    return document(site, title, "\n".join(body), status=status, falc=record.falc,
                    skip="saisie")


def easy_to_read_form(action: str, falc: bool) -> str:
    """The « Facile à lire » switch: a form, as everything on these pages. On, it says so
    in its words (« Facile à lire : activé », as the tchat with JavaScript does): the state
    is not only in `aria-pressed`, which only screen readers say."""
    state = '<span class="etat-falc" aria-hidden="true"> : activé</span>' if falc else ""
    return (f'<form method="post" action="{action}/falc">'
            f'<input type="hidden" name="falc" value="{"0" if falc else "1"}">'
            f'<button type="submit" aria-pressed="{"true" if falc else "false"}">'
            f"Facile à lire{state}</button></form>")


def transcript_page(site: Site, step: Step, page: TranscriptPage | None = None
                    ) -> HTMLResponse:
    """The messages (by pages when the conversation is long), to print."""
    body = (
        "<h1>Conversation avec le coach CoP</h1>\n"
        '<p class="intro pied">Pour imprimer, utilisez la commande Imprimer de votre'
        " navigateur (Ctrl + P, ou Cmd + P sur Mac).</p>\n"
        '<section aria-labelledby="titre-conv" class="transcription">\n'
        '<h2 id="titre-conv">Messages</h2>\n'
        f'{earlier_link(site, step.record.id, page, "/transcription")}\n'
        '<ol class="messages">\n'
        f"{message_items((m.to_dict() for m in step.messages), None)}\n</ol>\n</section>\n"
        f'<p class="pied"><a href="{site.conversation_url(step.record.id, "#dernier")}">'
        "Revenir à la conversation</a></p>")
    return document(site, "Transcription", body, falc=step.record.falc)


def transcript_text(step: Step) -> str:
    """Every message as plain text, to download (Windows line ends, a BOM for Notepad)."""
    lines = ["Conversation avec le coach CoP", ""]
    for m in step.messages:
        name = m.speaker["name"] if m.role == "bot" else "Vous"
        lines += [f"{name} :", m.text, ""]
    return "\ufeff" + "\r\n".join(lines)
