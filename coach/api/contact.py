"""The site's human contact in a sentence, from the settings that are set (pages without
JavaScript and the privacy notice): never a field left empty, never a sample value."""

from __future__ import annotations

from html import escape

from coach.content.model import Content
from coach.settings import Settings

# The coach's message when the site gave neither a phone nor an e-mail (commun.yaml): the
# pages say the same words.
NO_CONTACT_MESSAGE = "humain-sans-contact"
TEAM = "l’organisation qui vous propose ce coach"


def no_contact_text(content: Content, falc: bool = False) -> str:
    """What to say without a phone or an e-mail: the coach's own message (in standard
    French, or in easy-to-read French with `falc`), or, for content without it, whom to turn
    to."""
    message = content.system.get(NO_CONTACT_MESSAGE)
    if message is None:
        return f"Pour parler à une personne, contactez {TEAM}."
    return message.falc if falc else message.text


def contact_html(settings: Settings, without: str) -> str:
    """« Contactez Camille au 01… (de 9 h à 17 h), ou par courriel à … », with only what is
    set; `without` (see `no_contact_text`) when there is no phone and no e-mail (HTML,
    escaped)."""
    contact = settings.contact()
    name, phone = contact["contact_nom"], contact["contact_telephone"]
    hours, mail = contact["contact_horaires"], contact["contact_courriel"]
    if not phone and not mail:
        return escape(without)
    ways = []
    if phone:
        ways.append(f"au {escape(phone)}" + (f" ({escape(hours)})" if hours else ""))
    if mail:
        ways.append(f'par courriel à <a href="mailto:{escape(mail)}">{escape(mail)}</a>')
    return f"Contactez {escape(name or TEAM)} {', ou '.join(ways)}."


def contact_name(settings: Settings) -> str:
    """Whom to write to about one's data: the contact's name, else the organisation."""
    return escape(settings.contact()["contact_nom"] or TEAM)
