"""A parent in easy-to-read, on a phone, asks something the coach does not handle (a job,
then the price of petrol): in real Chromium at 375 × 740 and 320 × 568 with touch, the reply
says in easy-to-read that the question is about another subject, its start is on the screen
and holds the focus (not the text field), « Parler à une personne » is a button, and the
second such question gets the short reminder, never « toujours pas »."""

from __future__ import annotations

import pytest
from navigateur import DEEP_ACTIVE, IDLE, open_client, shot, tap_and_wait, touch_phone
from playwright.sync_api import Page
from test_essai_parent_mobile import CUTS

PHONES = ((375, 740), (320, 568))
OFF_TOPIC = ".msg--coach[data-ref^='coach/hors-sujet']"


def send(page: Page, text: str) -> None:
    field = page.get_by_role("textbox", name="Votre message")
    field.tap()
    field.fill(text)
    tap_and_wait(page, page.get_by_role("button", name="Envoyer le message au coach"))


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_an_off_topic_question_is_answered_plainly_in_easy_to_read_on_a_phone(
        new_context, real_site, width: int, height: int) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site, "?falc=1")
    page.wait_for_function(IDLE)

    send(page, "vous avez des offres d emploi svp")
    reply = page.locator(OFF_TOPIC)
    assert reply.count() == 1
    assert "Votre question parle d’un autre sujet." in reply.inner_text()
    active = page.evaluate(f"() => ({DEEP_ACTIVE})().getAttribute('data-ref') || ''")
    assert active.startswith("coach/hors-sujet"), active
    top = reply.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < height / 2, top
    assert reply.locator(".bulle").first.evaluate(CUTS) == []
    assert page.locator(".choix button", has_text="Parler à une personne").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"hors-sujet-facile-{width}")

    send(page, "et le prix de l essence cette semaine")
    again = page.locator(".msg--coach[data-ref='coach/hors-sujet-encore']")
    assert again.count() == 1
    assert "aussi d’un autre sujet" in again.inner_text()
    assert "toujours pas" not in page.locator(".messages").inner_text().casefold()
