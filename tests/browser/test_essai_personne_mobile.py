"""What a try-out as people with a disability found on phones, on the real dialogues: a young
adult with an intellectual disability who reads easy-to-read on a 320 × 568 phone, taps and
types as in a text message; a blind person with a screen reader on a phone (what the ARIA
tree gives); a deaf person who asks about sign language at meetings.

- the proposed answers' group was named by the coach's whole last message: entering the
  answers, a screen reader said again a paragraph it had just read (at the person's first
  step, « Les personnes en situation de handicap qui souhaitent partager leur vécu sont
  membres… spécialisées. »; in easy-to-read, four sentences). The group is named by the
  message's last question (« Comment voulez-vous participer ? »), by the message when it is
  one short sentence, else « Réponses proposées »;
- the deaf person's typed question about sign language led to a step that never said what
  to ask for (tests/content/test_essai_personne.py): the answer shown, on the phone, names
  an interpreter in LSF and subtitles;
- in easy-to-read at 320 px, that answer cut « sous-titres. » after its hyphen (« sous- » at
  a line's end, « titres. » on the next): in easy-to-read a word with a hyphen goes to the
  next line whole, with the punctuation after it.
"""

from __future__ import annotations

import re

import pytest
from navigateur import DEEP_ACTIVE, IDLE, open_client, shot, tap_and_wait, touch_phone
from playwright.sync_api import Page
from test_essai_parent_mobile import CUTS

PHONES = ((375, 740), (320, 568))
# A sentence's end followed by more words: a name made of more than one sentence.
TWO_SENTENCES = re.compile(r"[.!?…][\s\u00a0\u202f»]+\S")


def answers_name(page: Page) -> str:
    return page.locator(".choix").evaluate(
        "g => g.getAttribute('aria-label') || "
        "document.getElementById(g.getAttribute('aria-labelledby')).textContent")


def tap_answer(page: Page, label: str) -> str:
    tap_and_wait(page, page.locator(".choix button", has_text=label).first)
    name = answers_name(page)
    assert not TWO_SENTENCES.search(name.strip()), name
    return name


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_the_answers_are_named_by_the_question_not_by_a_paragraph(new_context, real_site,
                                                                  width: int,
                                                                  height: int) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site)
    page.wait_for_function(IDLE)
    assert tap_answer(page, "personne en situation de handicap") == "Réponses proposées"
    page.locator(".falc-bouton").tap()
    page.wait_for_function("() => document.querySelector('.coach').classList.contains('falc')")
    page.wait_for_function(IDLE)
    assert answers_name(page) == "Réponses proposées"
    assert tap_answer(page, "Une autre question").replace("\u202f", " ") \
        == "Quelle question voulez-vous poser ?"
    assert tap_answer(page, "Comment participer").replace("\u202f", " ") \
        == "Comment voulez-vous participer ?"
    shot(page, f"essai-personne-groupe-{width}")


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_a_deaf_person_typing_about_sign_language_sees_what_to_ask_for(new_context, real_site,
                                                                      width: int,
                                                                      height: int) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site, "?falc=1")
    page.wait_for_function(IDLE)
    field = page.get_by_role("textbox", name="Votre message")
    field.tap()
    field.fill("je suis sourd, il y aura la LSF dans les réunions ?")
    tap_and_wait(page, page.get_by_role("button", name="Envoyer le message au coach"))
    reply = page.locator(".msg--coach[data-ref^='familles/accessibilite/']")
    # What to ask for (sign language, subtitles…), physical access, the question to ask.
    assert reply.count() == 4
    assert reply.filter(has_text="fauteuil").count() == 1
    lsf = reply.filter(has_text="LSF")
    assert lsf.count() == 1
    assert "sous-titres" in lsf.inner_text()
    # Focus on the reply's first message, its start on the screen; no sideways scroll.
    active = page.evaluate(f"() => ({DEEP_ACTIVE})().getAttribute('data-ref')")
    assert active == "familles/accessibilite/0", active
    top = reply.first.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < height / 2, top
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # No word cut anywhere in the answer, « sous-titres. » and « m’aidez-vous » included.
    for bubble in reply.locator(".bulle").all():
        assert bubble.evaluate(CUTS) == [], bubble.inner_text()
    lsf.scroll_into_view_if_needed()
    shot(page, f"essai-personne-lsf-{width}")
