"""A blank tool as a printable HTML page: one h1, a heading per part, labelled empty fields
(room to write once printed, hidden from screen readers) and real tables with column headers."""

from __future__ import annotations

from html import escape

from coach.content.typography import french_spacing
from coach.drafts.forms import Form, FormPart


def _e(text: str) -> str:
    """Escaped, with French spacing (no « : » or « ? » alone at a line's start on a phone)."""
    return escape(french_spacing(text), quote=True)


def _part(part: FormPart, number: int) -> str:
    html = [f'<section class="partie"><h2 id="partie-{number}">{_e(part.title)}</h2>']
    for index, (label, lines) in enumerate(part.fields, start=1):
        ident = f"champ-{number}-{index}"
        # Room to write on paper, not an edit field: hidden from screen readers.
        html.append(f'<div class="champ"><p class="etiquette" id="{ident}">{_e(label)}</p>'
                    f'<div class="a-remplir{" a-remplir--long" if lines > 1 else ""}"'
                    f' aria-hidden="true" data-lignes="{lines}"></div></div>')
    if part.table is not None:
        head = "".join(f'<th scope="col">{_e(c)}</th>' for c in part.table.columns)
        rows = []
        for name in part.table.rows:
            first = f'<th scope="row">{_e(name)}</th>' if name else "<td></td>"
            rows.append("<tr>" + first + "<td></td>" * (len(part.table.columns) - 1) + "</tr>")
        html.append(f'<table class="a-remplir"><caption>{_e(part.title)}</caption>'
                    f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    html.append("</section>")
    return "".join(html)


def render_form_html(form: Form, stylesheet: str | None = None,
                     inline_css: str | None = None) -> str:
    head_css = ""
    if stylesheet:
        head_css = f'<link rel="stylesheet" href="{_e(stylesheet)}">\n'
    elif inline_css:
        head_css = f"<style>\n{inline_css}\n</style>\n"
    intro = "".join(f"<p>{_e(line)}</p>" for line in form.intro.splitlines() if line.strip())
    parts = "\n".join(_part(p, n) for n, p in enumerate(form.parts, start=1))
    return (
        '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(form.title)} — Coach CoP</title>\n{head_css}</head>\n<body>\n"
        f'<main class="brouillon outil{" falc" if form.falc else ""}">\n'
        f"<h1>{_e(form.title)}</h1>\n<div class=\"intro\">{intro}</div>\n{parts}\n"
        '<footer class="pied"><p>Document à remplir, préparé par le coach CoP. Pour imprimer,'
        " utilisez la commande Imprimer de votre navigateur.</p></footer>\n"
        "</main>\n</body>\n</html>\n")
