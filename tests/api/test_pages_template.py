"""The pages without JavaScript render the tchat from web/index.html's template (the one the
client and the widget use), filled on the server: the same markup for the progress, the
history, the choices, the text field and the commands; forms that work without a script."""

from __future__ import annotations

import re

import lxml.html
import pytest

from coach.api.pages.tchat import TemplateContractBroken, parts_of, tchat_parts
from coach.api.webfiles import tchat_markup
from coach.resources import default_path
from tests.api.test_pages import form_key, start

MARKUP = tchat_markup((default_path("web") / "index.html").read_bytes())


def template() -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(MARKUP, create_parent="div")


def classes(element: lxml.html.HtmlElement) -> set[str]:
    return set(element.get("class", "").split())


@pytest.mark.anyio
async def test_the_conversation_page_is_the_template_filled(client, settings):
    path = await start(client)
    page = (await client.get(path)).text
    await client.post(path, data={"choix": "quiz", "cle": form_key(page)})
    html = (await client.get(path)).text
    doc = lxml.html.document_fromstring(html)
    model = template()
    assert not doc.xpath("//script") and not doc.xpath("//*[@onclick]")
    # history: the template's section, journal and list, holding the messages
    section = model.xpath(".//section[@aria-labelledby='titre-conv']")[0]
    shown = doc.xpath("//section[@aria-labelledby='titre-conv']")
    assert len(shown) == 1
    journal = shown[0].xpath(".//div[contains(@class, 'journal')]")[0]
    model_journal = section.xpath(".//div[contains(@class, 'journal')]")[0]
    assert classes(model_journal) <= classes(journal)
    assert journal.get("role") == model_journal.get("role")
    listing = journal.xpath("./ol")[0]
    assert classes(model_journal.xpath("./ol")[0]) <= classes(listing)
    assert len(listing.xpath("./li[contains(@class, 'msg')]")) >= 2
    # choices: the template's group, as submit buttons of a form that posts a turn
    group = doc.xpath("//div[contains(@class, 'choix') and @role='group']")[0]
    assert group.get("hidden") is None
    form = group.getparent()
    assert form.tag == "form" and form.get("method") == "post" and form.get("action") == path
    buttons = group.xpath(".//ul/li/button")
    assert buttons and all(b.get("type") == "submit" and b.get("name") == "choix"
                           for b in buttons)
    assert form.xpath("./input[@name='cle']")[0].get("value")
    # the text field: the template's form, posting, with the setting's length
    field = doc.xpath("//form[contains(@class, 'formulaire')]")[0]
    assert field.get("method") == "post" and field.get("action") == path
    area = field.xpath(".//textarea[@id='saisie']")[0]
    assert area.get("name") == "texte"
    assert area.get("maxlength") == str(settings.max_text_chars)
    assert field.xpath(".//label[@for='saisie']")[0].text_content() == "Votre message"
    assert field.xpath(".//button[@type='submit']")
    # nothing that needs a script (« Réessayer », « Lire la dernière réponse »)
    assert not doc.xpath("//*[contains(@class, 'js-seul')]")
    assert not doc.xpath("//button[@type='button']")
    # commands: the template's list, one submit button per command shown at every step
    commands = doc.xpath("//ul[contains(@class, 'commandes-bas')]")[0]
    assert commands.getparent().tag == "form"
    values = [b.get("value") for b in commands.xpath("./li/button[@type='submit']")]
    assert "menu" in values and "humain" in values


def test_a_change_to_the_template_reaches_the_pages():
    changed = MARKUP.replace('<ol class="messages"', '<ol class="messages" data-essai="oui"', 1)
    assert changed != MARKUP
    assert 'data-essai="oui"' in parts_of(changed).history
    assert 'data-essai="oui"' not in tchat_parts().history
    help_text = re.search(r'<p id="aide-saisie"[^>]*>([^<]*)</p>', tchat_parts().field)
    assert help_text and "Envoyer" in help_text.group(1)  # no « Entrée » without a script


@pytest.mark.parametrize("lost", ['class="formulaire"', 'id="choix"',
                                  'class="rangee commandes-bas"', 'class="progression"'])
def test_a_template_that_lost_a_part_is_refused(lost):
    assert lost in MARKUP
    with pytest.raises(TemplateContractBroken):
        parts_of(MARKUP.replace(lost, 'class="autre"'))
