"""Tried as people, on a 375 × 740 phone with touch, in easy-to-read, typing in their own
words (the real dialogues):

- a new coordinator in stage 2 types « un membre monopolise la parole »: the answer starts
  on screen, the stage shown stays « Étape 2 », and « Revenir où j'étais », tapped, brings
  her back to her step, still in stage 2;
- a parent reading in easy-to-read types « je comprend rien », then « c trop compliké »:
  the second answer is one short message on screen (not the same text a second time), with
  « Parler à une personne » at hand.
"""

from __future__ import annotations

from navigateur import open_client, shot, touch_phone, wait_new
from playwright.sync_api import Page, expect


def send(page: Page, text: str) -> list[dict]:
    """Types `text`, sends it with a tap; the coach's new messages (top, start of text)."""
    before = page.locator(".msg--coach").count()
    page.get_by_role("textbox", name="Votre message").fill(text)
    page.get_by_role("button", name="Envoyer le message au coach").tap()
    return wait_new(page, before)



def assert_in_view(page: Page, new: list[dict]) -> None:
    height = page.evaluate("innerHeight")
    assert new and 0 <= new[0]["top"] <= height - 30, (new, height)


def test_a_coordinator_s_typed_question_is_a_detour_back_to_her_stage(new_context,
                                                                      real_site) -> None:
    page = touch_phone(new_context, 375, 740)
    open_client(page, real_site, "?parcours=modeliser&falc=1")
    progress = page.locator(".progression-texte")
    expect(progress).to_contain_text("2")
    stage = progress.text_content()
    new = send(page, "un membre monopolise la parole")
    assert_in_view(page, new)
    expect(progress).to_have_text(stage or "")
    back = page.locator(".choix button", has_text="Revenir où j’étais")
    expect(back).to_have_count(1)
    shot(page, "essai-detour-tape-question")
    before = page.locator(".msg--coach").count()
    back.tap()
    new = wait_new(page, before)
    assert_in_view(page, new)
    expect(progress).to_have_text(stage or "")
    expect(page.locator(".choix button", has_text="Revenir où j’étais")).to_have_count(0)
    assert page.evaluate("document.activeElement.tagName") != "TEXTAREA"
    shot(page, "essai-detour-tape-retour")


def test_a_parent_who_still_does_not_understand_is_not_given_the_same_text_again(
        new_context, real_site) -> None:
    page = touch_phone(new_context, 375, 740)
    open_client(page, real_site, "?parcours=familles&falc=1")
    first = send(page, "je comprend rien")
    assert len(first) >= 2  # said again once, in easy-to-read
    again = send(page, "c trop compliké")
    assert len(again) == 1, again
    assert_in_view(page, again)
    expect(page.locator(".msg--coach").last).to_contain_text("juste au-dessus")
    expect(page.locator(".choix button", has_text="Parler à une personne")).to_have_count(1)
    expect(page.get_by_role("button", name="Facile à lire")).to_have_attribute(
        "aria-pressed", "true")
    shot(page, "essai-detour-tape-difficulte")
