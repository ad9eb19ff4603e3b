"""French typography for displayed texts: no-break spaces where French puts them.

Authors type ordinary spaces; a screen then wraps « ? » or « 17 h » onto a line of its own.
A narrow no-break space goes before ? ! ; and a no-break space before : and inside « ».
"""

from __future__ import annotations

import re
from functools import lru_cache

_BEFORE_TALL = re.compile(r"[ \u00a0]([?!;])")
_BEFORE_COLON = re.compile(r"[ \u202f](:)(?=\s|$)")
_AFTER_OPEN_QUOTE = re.compile(r"«[ \u202f]")
_BEFORE_CLOSE_QUOTE = re.compile(r"[ \u202f]»")
_HOURS = re.compile(r"(\d) h\b")

NNBSP = "\u202f"
NBSP = "\u00a0"


@lru_cache(maxsize=8192)
def french_spacing(text: str) -> str:
    text = _BEFORE_TALL.sub(NNBSP + r"\1", text)
    text = _BEFORE_COLON.sub(NBSP + r"\1", text)
    text = _AFTER_OPEN_QUOTE.sub("«" + NBSP, text)
    text = _BEFORE_CLOSE_QUOTE.sub(NBSP + "»", text)
    return _HOURS.sub(r"\1" + NBSP + "h", text)
