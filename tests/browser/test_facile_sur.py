"""Easy-to-read is safe, on a phone in Chromium: typing that one does not understand keeps
« Facile à lire » on (and turns it on), it never switches it off."""

from __future__ import annotations

from navigateur import IDLE, open_client, wait_turn
from playwright.sync_api import expect

PARENT = "Je suis un parent ou un proche aidant"
# The coach's first message after the person's last one: where it is, what is over its first
# line, whether it has the focus.
REPLY = """() => { const items = [...document.querySelectorAll('.msg')]; let li = null;
    for (let i = items.length - 1; i >= 0 && items[i].classList.contains('msg--coach'); i--)
        li = items[i];
    const r = li.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 6);
    return {top: r.top, height: innerHeight, hit: !!hit && li.contains(hit),
            focused: document.activeElement === li,
            switch: document.querySelector('.falc-bouton').getBoundingClientRect().bottom}; }"""


def test_saying_one_does_not_understand_never_turns_easy_to_read_off(new_context, site):
    page = new_context(viewport={"width": 375, "height": 740}, has_touch=True,
                       is_mobile=True).new_page()
    open_client(page, site)
    page.get_by_role("button", name=PARENT).tap()
    wait_turn(page, "Voulez-vous savoir")
    falc = page.get_by_role("button", name="Facile à lire")
    field = page.get_by_role("textbox", name="Votre message")
    for phrase in ("je comprends pas", "plus simple svp", "c’est trop compliqué",
                   "plus simple svp", "ca veu dire koi"):
        before = page.locator(".msg").count()
        field.fill(phrase)
        page.get_by_role("button", name="Envoyer").tap()
        page.wait_for_function("n => document.querySelectorAll('.msg').length > n", arg=before + 1)
        page.wait_for_function(IDLE)
        expect(falc).to_have_attribute("aria-pressed", "true")  # on, and it stays on
        expect(page.locator(".msg").last).not_to_contain_text("désactivé")
        # The whole history is shown again in easy-to-read: the start of the reply is on
        # screen under the switch (which stays at the top), nothing over it, the focus on it
        # (a tap on « Envoyer »: never the field, whose keyboard would cover the reply).
        page.wait_for_timeout(150)
        seen = page.evaluate(REPLY)
        assert seen["switch"] <= seen["top"] and seen["top"] + 30 <= seen["height"], seen
        assert seen["hit"] and seen["focused"], seen
    # The step was said again in easy-to-read.
    expect(page.locator(".messages .texte").last).not_to_have_text("")


def test_not_understanding_what_a_cop_is_answers_it_in_easy_to_read(new_context, real_site):
    """Typed on a phone in SMS style: easy-to-read goes on and the question is answered (it
    used to say the last messages again, and the question was lost)."""
    page = new_context(viewport={"width": 375, "height": 740}, has_touch=True,
                       is_mobile=True).new_page()
    open_client(page, real_site)  # the real content and its coach messages
    page.get_by_role("button", name="Je suis parent ou proche aidant").tap()
    page.wait_for_function(IDLE)
    before = page.locator(".msg").count()
    page.get_by_role("textbox", name="Votre message").fill("jcomprend pas ce que cest une cop")
    page.get_by_role("button", name="Envoyer").tap()
    page.wait_for_function("n => document.querySelectorAll('.msg').length > n", arg=before + 1)
    page.wait_for_function(IDLE)
    expect(page.get_by_role("button", name="Facile à lire")).to_have_attribute(
        "aria-pressed", "true")
    # What follows the typed message (the history is shown again in easy-to-read).
    said = " ".join(page.locator(".msg").all_inner_texts()).rsplit("une cop", 1)[-1]
    assert "Je vous réponds en facile à lire" in said, said
    assert "groupe de personnes" in said, said  # what a CoP is, in easy-to-read
    page.wait_for_timeout(150)
    seen = page.evaluate(REPLY)
    assert seen["switch"] <= seen["top"] and seen["top"] + 30 <= seen["height"], seen
