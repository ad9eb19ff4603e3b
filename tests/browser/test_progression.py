"""« Étape 1 sur 4 · partie 3 sur 8 »: visible text that screen readers reach in the page's
order, updated each turn, said once when the part changes (fixture: initier.yaml, stage 1 of
1 in two parts)."""

from __future__ import annotations

from navigateur import (
    RECORDER,
    assert_axe_clean,
    open_client,
    open_widget,
    press,
    shot,
    wait_turn,
)
from playwright.sync_api import Page, expect

PART_1 = "Étape 1 sur 1 · partie 1 sur 2"
PART_2 = "Étape 1 sur 1 · partie 2 sur 2"


def wait_replies(page: Page, count: int) -> None:
    page.wait_for_function("n => window.__annonces.filter(a => a.role === 'status'"
                           " && a.text.includes('dit :')).length >= n", arg=count)


def replies(page: Page) -> list[str]:
    return [str(a["text"]) for a in page.evaluate("window.__annonces")
            if a["role"] == "status" and "dit :" in str(a["text"])]


def test_progress_is_text_in_the_page_updated_each_turn_and_said_once(page: Page,
                                                                        site) -> None:
    page.add_init_script(RECORDER)
    open_client(page, site, "?parcours=initier")
    text = page.locator(".progression-texte")
    expect(text).to_have_text(PART_1)
    expect(text).to_be_visible()
    # Plain text in the page, before the history: not a live region, not hidden.
    where = text.evaluate("""e => ({live: !!e.closest('[aria-live],[role=status],[role=log]'),
        hidden: !!e.closest('[aria-hidden=true]'),
        beforeLog: !!(e.compareDocumentPosition(document.querySelector('.journal'))
                      & Node.DOCUMENT_POSITION_FOLLOWING)})""")
    assert where == {"live": False, "hidden": False, "beforeLog": True}
    bar = page.locator(".progression-barre")
    assert bar.get_attribute("aria-hidden") == "true"
    assert bar.evaluate("b => [b.max, b.value]") == [2, 1]
    expect(page.get_by_text(PART_1, exact=True)).to_have_count(1)  # reachable as text

    press(page.get_by_role("button", name="Elle doit durer"))  # announced (the keyboard)
    wait_turn(page, "Vos réponses sont dans votre brouillon")
    expect(text).to_have_text(PART_2)
    assert bar.evaluate("b => [b.max, b.value]") == [2, 2]
    wait_replies(page, 1)  # (a person reads before typing: no announcement cut short)
    # A command that stays in the part (« aide » now says where one is, in its own words).
    page.get_by_role("textbox", name="Votre message").fill("stop")
    page.keyboard.press("Enter")
    wait_turn(page, "Merci pour cet échange")
    wait_replies(page, 2)
    page.wait_for_timeout(300)
    said = replies(page)
    assert len(said) == 2, said  # one announcement per reply, nothing more
    assert said[0].count("partie 2 sur 2") == 1  # the new part, once, with the reply
    assert "partie" not in said[1]  # same part: not said again
    expect(text).to_have_text(PART_2)
    assert_axe_clean(page, "progression")
    shot(page, "progression")

    page.reload()
    page.locator(".messages .msg").first.wait_for()
    expect(text).to_have_text(PART_2)
    page.goto(site.coach + "/?parcours=familles")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.locator(".messages .msg").first.wait_for()
    expect(page.locator(".progression")).to_be_hidden()  # not a staged journey


def test_progress_in_the_widget(page: Page, site) -> None:
    open_widget(page, site, "coordination.html")
    text = page.locator("#coach-cop-widget .progression-texte")
    expect(text).to_have_text(PART_1)
    expect(text).to_be_visible()
    page.get_by_role("button", name="Elle a une fin prévue").click()
    wait_turn(page, "Vos réponses sont dans votre brouillon")
    expect(text).to_have_text(PART_2)
