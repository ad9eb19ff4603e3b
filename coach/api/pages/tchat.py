"""The tchat's markup for the pages without JavaScript: `web/index.html`'s template, filled
on the server.

The web client and the widget build the tchat from the markup between `<!--tchat-->` and
`<!--/tchat-->` in `web/index.html` (coach/api/webfiles.py). The pages without JavaScript
take the same markup for the same parts — the progress, the history, the choices, the text
field and the commands — and fill them here, so that the three share one template. What the
pages need that a script would otherwise do is done once, when the template is read: forms
that post (`method`, `action`, the idempotency key, `name`s), submit buttons, nothing
`hidden` that the page shows, and no control that needs a script (`.js-seul`).

The contract with `web/index.html` (docs/architecture.md, « The tchat template »):

- `.progression` holds `.progression-texte` (the label) and `.progression-barre` (a
  `<progress>`);
- `section[aria-labelledby=titre-conv]` holds `.journal`, which holds `ol.messages`;
- `#choix` holds one `<ul>` (the choices, one button each);
- `form.formulaire` holds `#aide-saisie`, `textarea#saisie` and `#erreur`;
- `ul.commandes-bas` is the list of command buttons (filled from the step's commands);
- an element with the class `js-seul` is left out of these pages.

Reading the template is done once (lxml); a page is then string replacements only.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

from coach.api.webfiles import tchat_markup
from coach.resources import default_path

INDEX = default_path("web") / "index.html"
JS_ONLY = "js-seul"
# What the page says under « Votre message » (Entrée goes to the line without a script).
NO_JS_HELP = "Écrivez votre message, puis choisissez « Envoyer »."
# Tokens the skeletons carry until a page fills them (never in French text, never escaped).
ACTION, KEY, ITEMS, LABEL = "@@action@@", "@@cle@@", "@@items@@", "@@label@@"
PART, PARTS, BEFORE = "@@partie@@", "@@parties@@", "@@avant@@"
DESCRIBED, FOCUS, KEPT, ERROR = "@@decrit@@", "@@focus@@", "@@garde@@", "@@erreur@@"
MAX_CHARS = "@@max@@"


class TemplateContractBroken(ValueError):
    """web/index.html lost a part the pages without JavaScript fill (see the contract)."""


def _with_class(root: HtmlElement, name: str, tag: str = "*") -> HtmlElement:
    found = root.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '),"
                       f" ' {name} ')]")
    if not found:
        raise TemplateContractBroken(f"web/index.html : « {tag}.{name} » absent du tchat")
    return found[0]


def _with_id(root: HtmlElement, ident: str) -> HtmlElement:
    found = root.xpath(f".//*[@id='{ident}']")
    if not found:
        raise TemplateContractBroken(f"web/index.html : « #{ident} » absent du tchat")
    return found[0]


def _drop_js_only(element: HtmlElement) -> None:
    for node in element.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '),"
                              f" ' {JS_ONLY} ')]"):
        node.drop_tree()


def _serialize(element: HtmlElement) -> str:
    return lxml.html.tostring(element, encoding="unicode", method="html").strip()


def _key_field() -> HtmlElement:
    return lxml.html.fragment_fromstring(f'<input type="hidden" name="cle" value="{KEY}">')


def _posting(inner: HtmlElement, extra_class: str = "") -> HtmlElement:
    """`inner` inside a form that posts a turn (with its idempotency key)."""
    form = lxml.html.fragment_fromstring(f'<form method="post" action="{ACTION}"></form>')
    if extra_class:
        form.set("class", extra_class)
    form.append(_key_field())
    form.append(inner)
    return form


@dataclass(frozen=True)
class TchatParts:
    """Skeletons of the parts, with tokens for what each page fills in."""

    progress: str
    history: str
    choices: str
    field: str
    commands: str


def parts_of(markup: str) -> TchatParts:
    """Read the template once: each part made ready for a page without JavaScript."""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    _drop_js_only(root)

    progress = copy.deepcopy(_with_class(root, "progression"))
    progress.attrib.pop("hidden", None)
    _with_class(progress, "progression-texte").text = LABEL
    bar = _with_class(progress, "progression-barre")
    bar.set("max", PARTS)
    bar.set("value", PART)

    section = copy.deepcopy(root.xpath(".//section[@aria-labelledby='titre-conv']")[0]
                            if root.xpath(".//section[@aria-labelledby='titre-conv']")
                            else _with_class(root, "journal").getparent())
    journal = _with_class(section, "journal")
    journal.attrib.pop("tabindex", None)  # the page scrolls, not the history
    journal.set("class", journal.get("class", "") + " journal--page")
    history = _with_class(journal, "messages", "ol")
    history.set("class", history.get("class", "") + " historique-page")
    for child in list(history):
        history.remove(child)
    history.text = ITEMS
    journal.addprevious(lxml.html.fragment_fromstring(f"<span>{BEFORE}</span>"))

    choices = copy.deepcopy(_with_id(root, "choix"))
    choices.attrib.pop("hidden", None)
    choices.attrib.pop("id", None)  # the page's anchors are the messages
    choices.set("aria-labelledby", LABEL)
    listing = choices.find("ul")
    if listing is None:
        raise TemplateContractBroken("web/index.html : « #choix ul » absent du tchat")
    for child in list(listing):
        listing.remove(child)
    listing.text = ITEMS

    form = copy.deepcopy(_with_class(root, "formulaire", "form"))
    form.set("method", "post")
    form.set("action", ACTION)
    form.insert(0, _key_field())
    _with_id(form, "aide-saisie").text = NO_JS_HELP
    field = _with_id(form, "saisie")
    field.set("name", "texte")
    field.set("rows", "3")
    field.set("maxlength", MAX_CHARS)
    field.set("aria-describedby", DESCRIBED)
    field.text = KEPT
    mistake = _with_id(form, "erreur")
    mistake.addprevious(lxml.html.fragment_fromstring(f"<span>{ERROR}</span>"))
    mistake.drop_tree()
    field.set("data-focus", FOCUS)

    commands = copy.deepcopy(_with_class(root, "commandes-bas", "ul"))
    for child in list(commands):
        commands.remove(child)
    commands.text = ITEMS

    return TchatParts(
        progress=_serialize(progress),
        history=_unwrap(_serialize(section)),
        choices=_serialize(_posting(choices)),
        field=_unwrap(_serialize(form)).replace(f' data-focus="{FOCUS}"', FOCUS),
        commands=_serialize(_posting(commands, "commandes")),
    )


def _unwrap(html: str) -> str:
    """The token spans are only there to place text among elements."""
    for token in (BEFORE, ERROR):
        html = html.replace(f"<span>{token}</span>", token)
    return html


@cache
def tchat_parts(index: Path = INDEX) -> TchatParts:
    return parts_of(tchat_markup(index.read_bytes()))
