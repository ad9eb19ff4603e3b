"""HTML forms: reading them (bounded), keys that make a double submit harmless, and the
« Réessayer » form that sends the same fields again."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs

from fastapi import Request

from coach.api.pages.layout import Site, e

MAX_FORM_BYTES = 8 * 1024


async def read_form(request: Request) -> dict[str, str]:
    """The form's fields (the first value of each); what is past MAX_FORM_BYTES is ignored
    (the body limit of the whole application refuses far larger bodies with 413)."""
    raw = (await request.body())[:MAX_FORM_BYTES]
    fields = parse_qs(raw.decode("utf-8", errors="replace"), keep_blank_values=True)
    return {k: v[0] for k, v in fields.items() if v}


def idempotency_key(form_key: str, value: str) -> str | None:
    """One key per (rendered page, input): a double submit never plays twice."""
    if not form_key:
        return None
    return form_key[:24] + ":" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


def retry_form(site: Site, path: str, fields: dict[str, str]) -> str:
    hidden = "".join(f'<input type="hidden" name="{e(k)}" value="{e(v)}">'
                     for k, v in fields.items())
    return (f'<form method="post" action="{site.base}{e(path)}">{hidden}'
            '<button type="submit" class="principal">Réessayer</button></form>\n')
