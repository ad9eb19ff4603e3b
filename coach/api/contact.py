"""The site's human contact in a sentence, from the settings that are set (pages without
JavaScript and the privacy notice): never a field left empty, never a sample value."""

from __future__ import annotations

from html import escape

from coach.settings import Settings

# Said when the site gave neither a phone nor an e-mail (as « humain-sans-contact » says).
NO_CONTACT = ("Ce site n’a pas encore indiqué de téléphone ni de courriel. Pour parler à une"
              " personne, contactez l’organisation qui vous a donné l’adresse de ce site, ou"
              " l’établissement qui vous accompagne.")
TEAM = "l’organisation qui vous propose ce coach"


def contact_html(settings: Settings) -> str:
    """« Contactez Camille au 01… (de 9 h à 17 h), ou par courriel à … », with only what is
    set; the words of `NO_CONTACT` without a phone or an e-mail (HTML, escaped)."""
    contact = settings.contact()
    name, phone = contact["contact_nom"], contact["contact_telephone"]
    hours, mail = contact["contact_horaires"], contact["contact_courriel"]
    if not phone and not mail:
        return escape(NO_CONTACT)
    ways = []
    if phone:
        ways.append(f"au {escape(phone)}" + (f" ({escape(hours)})" if hours else ""))
    if mail:
        ways.append(f'par courriel à <a href="mailto:{escape(mail)}">{escape(mail)}</a>')
    return f"Contactez {escape(name or TEAM)} {', ou '.join(ways)}."


def contact_name(settings: Settings) -> str:
    """Whom to write to about one's data: the contact's name, else the organisation."""
    return escape(settings.contact()["contact_nom"] or TEAM)
