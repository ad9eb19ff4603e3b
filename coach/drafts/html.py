"""The draft as an accessible HTML page: one h1, headings by level, lists, no script.

Served inline, the page links the app's stylesheet (the CSP forbids inline styles). The
downloaded file embeds the same stylesheet instead, so that it prints well once saved.
"""

from __future__ import annotations

from html import escape

from coach.content.typography import french_spacing
from coach.drafts.model import Draft, DraftAdvice, DraftSection


def _e(text: str) -> str:
    """Escaped, with French spacing (no « : » or « ? » alone at a line's start on a phone)."""
    return escape(french_spacing(text), quote=True)


def _paragraphs(text: str, css: str = "") -> str:
    """One paragraph per line: FALC texts put each sentence on its own line."""
    attr = f' class="{css}"' if css else ""
    return "".join(f"<p{attr}>{_e(line)}</p>" for line in text.splitlines() if line.strip())


def _advice(item: DraftAdvice) -> str:
    items = ""
    if item.items:
        items = "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in item.items) + "</ul>"
    return (f"<li><figure><blockquote>{_paragraphs(item.text)}{items}</blockquote>"
            f"<figcaption>{_e(item.by)}, {_e(item.about)}</figcaption></figure></li>")


def _section(draft: Draft, section: DraftSection) -> str:
    labels = draft.labels
    if section.missing:
        answer = (f'<p class="a-completer"><strong>{_e(labels["missing"])}</strong></p>'
                  f'<p class="question">{_e(labels["question"])}</p>'
                  f'{_paragraphs(section.question, "question")}'
                  '<div class="lignes" aria-hidden="true"></div>')
    else:
        answer = ("<ul>" + "".join(f"<li>{_paragraphs(a)}</li>" for a in section.answers)
                  + "</ul>")
    advice = "".join(_advice(a) for a in section.advice)
    return (
        f'<section class="partie{" partie--vide" if section.missing else ""}">'
        f'<h3 id="{_e(section.id)}">{_e(section.title)}</h3>'
        f'<div class="reponse"><h4>{_e(labels["answers"])}</h4>{answer}</div>'
        + (f'<div class="conseil"><h4>{_e(labels["advice"])}</h4>'
           f'<ul class="conseils">{advice}</ul></div>' if advice else "")
        + "</section>")


def _contents(draft: Draft) -> str:
    entries = []
    for document in draft.documents:
        inner = "".join(f'<li><a href="#{_e(s.id)}">{_e(s.title)}</a></li>'
                        for s in document.sections)
        entries.append(f'<li><a href="#{_e(document.id)}">{_e(document.title)}</a>'
                       f"<ol>{inner}</ol></li>")
    return (f'<nav class="sommaire" aria-labelledby="titre-sommaire">'
            f'<h2 id="titre-sommaire">{_e(draft.labels["contents"])}</h2>'
            f'<ol>{"".join(entries)}</ol></nav>')


def _summary(draft: Draft) -> str:
    total = len(draft.sections)
    if draft.falc:
        return f"Vous avez rempli {draft.answered} parties sur {total}."
    if draft.answered == 0:
        return f"Aucune des {total} parties n’est encore remplie avec vos réponses."
    if draft.answered == 1:
        return f"1 partie sur {total} est remplie avec vos réponses."
    return f"{draft.answered} parties sur {total} sont remplies avec vos réponses."


def render_html(draft: Draft, stylesheet: str | None = None, inline_css: str | None = None) -> str:
    """The whole page. `stylesheet` is the URL to link; `inline_css` embeds a stylesheet."""
    head_css = ""
    if stylesheet:
        head_css = f'<link rel="stylesheet" href="{_e(stylesheet)}">\n'
    elif inline_css:
        head_css = f"<style>\n{inline_css}\n</style>\n"
    documents = []
    for document in draft.documents:
        sections = "\n".join(_section(draft, s) for s in document.sections)
        documents.append(
            f'<section class="document">\n<h2 id="{_e(document.id)}">{_e(document.title)}</h2>\n'
            f'<div class="intro">{_paragraphs(document.intro)}</div>\n{sections}\n</section>')
    body = "\n".join(documents)
    return (
        '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(draft.title)} — Coach CoP</title>\n{head_css}</head>\n<body>\n"
        f'<main class="brouillon{" falc" if draft.falc else ""}">\n'
        f"<h1>{_e(draft.title)}</h1>\n"
        f'<div class="intro">{_paragraphs(draft.intro)}</div>\n'
        f'<p class="bilan">{_e(_summary(draft))}</p>\n'
        f"{_contents(draft)}\n{body}\n"
        f'<footer class="pied">{_paragraphs(draft.labels["footer"])}</footer>\n'
        "</main>\n</body>\n</html>\n")
