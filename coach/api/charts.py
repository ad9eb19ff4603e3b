"""Accessible SVG bar charts: `role="img"` with a title and a description, always drawn
next to a data table (the chart is the picture, the table is the data)."""

from __future__ import annotations

from html import escape

LABEL_WIDTH, BAR_WIDTH, VALUE_WIDTH = 260, 360, 90
ROW, PAD = 30, 10
MAX_LABEL = 34


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "…"


def bar_chart(ident: str, title: str, description: str,
              bars: list[tuple[str, float, str]], css: str = "barre") -> str:
    """Horizontal bars: (label, value, value as text). `ident` must be unique on the page."""
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = PAD * 2 + max(1, len(bars)) * ROW
    top = max((value for _label, value, _text in bars), default=0) or 1
    ident = escape(ident, quote=True)
    parts = [
        f'<svg class="graphique" xmlns="http://www.w3.org/2000/svg" role="img"'
        f' width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' aria-labelledby="{ident}-titre {ident}-desc">',
        f'<title id="{ident}-titre">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
        f'<line class="axe" x1="{LABEL_WIDTH}" y1="{PAD}" x2="{LABEL_WIDTH}"'
        f' y2="{height - PAD}"/>',
    ]
    for row, (label, value, text) in enumerate(bars):
        y = PAD + row * ROW
        length = round(BAR_WIDTH * value / top) if value > 0 else 0
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 20}" text-anchor="end">'
            f"{escape(_short(label))}</text>"
            f'<rect class="{css}" x="{LABEL_WIDTH}" y="{y + 5}" width="{length}"'
            f' height="{ROW - 10}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 20}">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def table(caption: str, headers: list[str], rows: list[list[str]],
          numeric: frozenset[int] = frozenset()) -> str:
    """A data table: caption, column headers with scope, the first cell of a row as its
    header. Cells are escaped here."""
    number = ' class="nombre"'
    head = "".join(f'<th scope="col"{number if i in numeric else ""}>{escape(h)}</th>'
                   for i, h in enumerate(headers))
    body = []
    for row in rows:
        cells = [f'<th scope="row">{escape(row[0])}</th>']
        cells += [f'<td{number if i in numeric else ""}>{escape(cell)}</td>'
                  for i, cell in enumerate(row[1:], start=1)]
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}">Aucune donnée sur cette période.</td></tr>')
    return (f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")
