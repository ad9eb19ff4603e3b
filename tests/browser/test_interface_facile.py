"""Issue 17 on a phone (375 × 740, touch): with « Facile à lire » on, « Plus d’options », its
confirmation, the note under the tchat and the privacy page are in easy-to-read French, in
the page and in the widget; switched off, the standard words come back. And the answer to
« effacer mon brouillon » has its own « Supprimer ma conversation », which opens the same
confirmation."""

from __future__ import annotations

import re

from navigateur import (
    IDLE,
    assert_axe_clean,
    open_client,
    shot,
    tap_widget_open,
    touch_phone,
)
from playwright.sync_api import Page, expect

FALC_PRIVACY = "Confidentialité : ce que le site garde sur vous"
PRIVACY = "Confidentialité et données personnelles"
EASY = re.compile(r"(^|\s)falc(\s|$)")


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], width


def test_options_note_and_privacy_page_in_easy_to_read_on_a_phone(new_context, site) -> None:
    page = touch_phone(new_context, 375, 740)
    open_client(page, site, "?falc=1")
    page.wait_for_function(IDLE)
    expect(page.locator("[data-coach-client]")).to_have_class(EASY)
    note = page.locator("p.pied")
    expect(note).to_contain_text("Gardez pour vous votre nom et votre adresse.")
    expect(note).not_to_contain_text("N’y écrivez pas")

    page.get_by_role("button", name="Plus d’options").tap()
    options = page.locator("#options")
    expect(options).to_be_visible()
    expect(options.get_by_role("group", name="Taille des lettres :")).to_be_visible()
    expect(options.get_by_role("button", name="Lettres plus grandes")).to_be_visible()
    expect(options.get_by_label("Aller directement à chaque nouvelle réponse")).to_be_attached()
    expect(options.get_by_role("button", name="Garder la conversation sur votre appareil")
           ).to_be_visible()
    expect(options.get_by_role("button", name="Plus grand", exact=True)).to_have_count(0)
    no_sideways_scroll(page)
    assert_axe_clean(page, "téléphone, facile à lire, options ouvertes")
    shot(page, "telephone-facile-options")

    options.get_by_role("button", name="Supprimer ma conversation").tap()
    dialog = page.get_by_role("dialog", name="Effacer toute votre conversation ?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Le coach efface tout de suite tous les messages.")
    shot(page, "telephone-facile-confirmation")
    dialog.get_by_role("button", name="Non, garder ma conversation").tap()
    expect(dialog).to_be_hidden()

    link = page.get_by_role("link", name=FALC_PRIVACY)
    expect(link).to_have_attribute("href", "confidentialite?falc=1")
    link.scroll_into_view_if_needed()
    link.tap()
    page.wait_for_url("**/confidentialite?falc=1")
    expect(page.get_by_role("heading", level=1)).to_have_text(FALC_PRIVACY)
    expect(page.get_by_text("Le site garde ce numéro 2 minutes au plus.")).to_be_visible()
    no_sideways_scroll(page)
    assert_axe_clean(page, "téléphone, page confidentialité en facile à lire")
    shot(page, "telephone-facile-confidentialite", full_page=True)


def test_switching_easy_to_read_off_brings_the_standard_words_back(new_context, site) -> None:
    page = touch_phone(new_context, 375, 740)
    open_client(page, site, "?falc=1")
    page.wait_for_function(IDLE)
    expect(page.get_by_role("link", name=FALC_PRIVACY)).to_be_visible()
    page.locator(".falc-bouton").tap()
    page.wait_for_function(
        "() => !document.querySelector('[data-coach-client]').classList.contains('falc')")
    page.wait_for_function(IDLE)
    link = page.get_by_role("link", name=PRIVACY, exact=True)
    expect(link).to_have_attribute("href", "confidentialite")
    expect(page.locator("p.pied")).to_contain_text("N’y écrivez pas votre nom")
    page.get_by_role("button", name="Plus d’options").tap()
    options = page.locator("#options")
    expect(options.get_by_role("button", name="Plus grand", exact=True)).to_be_visible()


def test_the_widget_s_options_in_easy_to_read_on_a_phone(new_context, site) -> None:
    page = touch_phone(new_context, 375, 740)
    root = tap_widget_open(page, site, falc=True)
    root.get_by_role("button", name="Plus d’options").tap()
    expect(root.get_by_role("button", name="Lettres plus grandes")).to_be_visible()
    expect(root.get_by_role("button", name="Garder la conversation sur votre appareil")
           ).to_be_visible()
    link = root.get_by_role("link", name=f"{FALC_PRIVACY} (nouvelle fenêtre)")
    expect(link).to_have_attribute("href", f"{site.coach}/confidentialite?falc=1")
    root.get_by_role("button", name="Supprimer ma conversation").tap()
    expect(root.get_by_role("dialog", name="Effacer toute votre conversation ?")).to_be_visible()
    shot(page, "widget-telephone-facile-confirmation")


def test_the_answer_to_erase_the_draft_opens_the_confirmation(new_context, site) -> None:
    page = touch_phone(new_context, 375, 740)
    open_client(page, site, "?falc=1")
    page.wait_for_function(IDLE)
    before = page.locator(".msg--coach").count()
    page.locator("#saisie").fill("effacer mon brouillon")
    page.get_by_role("button", name="Envoyer").tap()
    page.wait_for_function("n => document.querySelectorAll('.msg--coach').length > n",
                           arg=before)
    page.wait_for_function(IDLE)
    answer = page.locator(".msg--coach", has_text="Avant, le coach vous demande votre accord.")
    button = answer.get_by_role("button", name="Supprimer ma conversation")
    expect(button).to_be_visible()
    button.tap()
    dialog = page.get_by_role("dialog", name="Effacer toute votre conversation ?")
    expect(dialog).to_be_visible()
    shot(page, "telephone-facile-effacer-brouillon")
    dialog.get_by_role("button", name="Non, garder ma conversation").tap()
    expect(dialog).to_be_hidden()
    assert page.evaluate("() => document.activeElement.classList.contains('supprimer-message')")
    # Nothing erased: the conversation is still there.
    assert page.locator(".msg--coach").count() > before
