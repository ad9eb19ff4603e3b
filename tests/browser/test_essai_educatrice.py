"""Tried as an educator in an IME, on a 320 × 568 phone with touch (the real dialogues):
she types « ma cheffe va jamais accepter » and gets the answer on her employer's agreement
(what to ask her direction), on screen; from there « Comment rejoindre une CoP ? » says how
to join and offers « Trouver une communauté près de chez moi », which she taps."""

from __future__ import annotations

from navigateur import open_client, shot, touch_phone, wait_new
from playwright.sync_api import expect


def test_an_educator_asks_about_her_employer_then_how_to_join(new_context, real_site) -> None:
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site, "?parcours=professionnels")
    before = page.locator(".msg--coach").count()
    page.get_by_role("textbox", name="Votre message").fill("ma cheffe va jamais accepter")
    page.get_by_role("button", name="Envoyer le message au coach").tap()
    new = wait_new(page, before)
    assert new and 0 <= new[0]["top"] <= page.evaluate("innerHeight") - 30, new
    assert "employeur" in new[0]["text"] and "direction" in new[0]["text"], new
    shot(page, "essai-educatrice-employeur")
    before = page.locator(".msg--coach").count()
    page.locator(".choix button", has_text="Comment rejoindre une CoP ?").tap()
    new = wait_new(page, before)
    assert "trouvez" in new[0]["text"], new
    find = page.locator(".choix button", has_text="Trouver une communauté près de chez moi")
    expect(find).to_have_count(1)
    box = find.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] <= 320
    shot(page, "essai-educatrice-rejoindre")
    before = page.locator(".msg--coach").count()
    find.tap()
    new = wait_new(page, before)
    assert any("trouver une communauté" in m["text"] for m in new), new
