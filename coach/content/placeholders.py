"""Whole-sentence placeholders (`{score}`) in texts, and the staleness hash of FALC texts."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
# Values the service provides from its settings (the organisation's human contact).
CONTACT_KEYS = frozenset(
    {"contact_nom", "contact_telephone", "contact_horaires", "contact_courriel"})


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def fill(text: str, values: Mapping[str, object]) -> str:
    """The text with its placeholders filled. A line that gives a contact setting the site
    left empty (« Horaires : {contact_horaires}. ») is left out, never shown half empty,
    as long as a line remains."""
    if "{" not in text:  # most texts: no placeholder, no regular expression to run
        return text
    if "{contact_" in text and "\n" in text:
        kept = [line for line in text.split("\n")
                if not any(key in CONTACT_KEYS and not str(values.get(key) or "").strip()
                           for key in PLACEHOLDER.findall(line))]
        if kept:
            text = "\n".join(kept)
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), text)


def text_hash(text: str) -> str:
    """Short hash of a standard text, stored with its FALC text as `falc_of`."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:8]


# A transcript keeps this many characters of a message's fingerprint (base64url: 24 bits;
# two messages of one node sharing one by chance is about one in 16 million).
FINGERPRINT_LENGTH = 4


def message_fingerprint(text: str, falc: str = "") -> str:
    """What a transcript stores with a content message's position, to find the same message
    again once authors added or removed others in its node: a hash of the standard text,
    whitespace normalised as in `text_hash` (of the FALC text for a message without one).
    Rewording the FALC text keeps it; changing the standard text gives another."""
    normalised = " ".join((text or falc).split())
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    # base64 spells 3 bytes in 4 characters: enough bytes for FINGERPRINT_LENGTH of them.
    return base64.urlsafe_b64encode(digest[:-(-FINGERPRINT_LENGTH * 3 // 4)]).decode(
        "ascii")[:FINGERPRINT_LENGTH]
