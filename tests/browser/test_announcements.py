"""What a screen reader is sent: the recorder of docs/accessibilite.md, B (shadow roots too)."""

from __future__ import annotations

import time

from navigateur import RECORDER, open_client, open_widget, press, wait_turn
from playwright.sync_api import Page

PARENT = "Je suis un parent ou un proche aidant"


def announcements(page: Page) -> list[dict[str, object]]:
    return page.evaluate("window.__annonces")


def wait_replies(page: Page, count: int) -> None:
    page.wait_for_function(
        "n => window.__annonces.filter(a => a.text.includes('dit :')).length >= n", arg=count)


def test_one_announcement_per_reply_sender_first_no_replay(page: Page, site) -> None:
    page.add_init_script(RECORDER)
    open_client(page, site)
    page.wait_for_timeout(300)
    assert announcements(page) == []  # loading the page announces nothing

    press(page.get_by_role("button", name=PARENT))  # the keyboard: the field keeps the focus
    wait_replies(page, 1)
    press(page.get_by_role("button", name="Oui, dites-m'en plus"))
    wait_replies(page, 2)
    page.get_by_role("textbox", name="Votre message").fill("Observer d'abord")
    page.keyboard.press("Enter")
    wait_replies(page, 3)
    page.wait_for_timeout(300)
    replies = [a for a in announcements(page) if a["role"] == "status"]
    texts = [str(a["text"]) for a in replies]
    assert len(texts) == 3, texts  # one per reply, nothing else
    assert texts[0].startswith("Patricia dit : Est-ce que nous avons vraiment notre place ?")
    assert "Le coach dit : Voulez-vous savoir" in texts[0]
    assert texts[0].endswith("2 réponses proposées.")
    assert texts[1].startswith("Le coach dit : Votre expérience de parent est un savoir.")
    assert texts[1].endswith("3 réponses proposées.")
    assert texts[2].startswith("Le coach dit : Merci ! Votre place est importante.")
    assert "proposée" not in texts[2]  # the end node offers no choice
    everything = " ".join(texts)
    assert "Bonjour" not in everything  # no replay of the history
    assert everything.count("Voulez-vous savoir") == 1
    assert "Observer d'abord" not in everything and PARENT not in everything  # no echo by default
    assert not any("14 h" in t or "Vous avez" in t for t in texts)


def test_slow_reply_says_the_coach_is_typing_once(page: Page, site) -> None:
    page.add_init_script(RECORDER)
    open_client(page, site)

    def slow(route) -> None:
        time.sleep(2.2)
        route.continue_()

    page.route("**/turns", slow)
    press(page.get_by_role("button", name=PARENT))
    wait_replies(page, 1)
    page.wait_for_timeout(200)
    texts = [a["text"] for a in announcements(page)]
    assert texts.count("Le coach écrit…") == 1
    assert texts[0] == "Le coach écrit…" and texts[1].startswith("Patricia dit :")
    assert len(texts) == 2
    assert page.locator(".ecrit").is_hidden()


def test_identical_replies_are_announced_each_time(page: Page, site) -> None:
    page.add_init_script(RECORDER)
    open_client(page, site)
    for count in (1, 2):
        page.get_by_role("textbox", name="Votre message").fill("blablabla")
        page.keyboard.press("Enter")
        wait_replies(page, count)
        page.wait_for_function("() => !document.querySelector('[aria-busy=true]')")
    texts = [a["text"] for a in announcements(page) if a["role"] == "status"]
    assert len(texts) == 2 and all(t.startswith("Le coach dit : ") for t in texts)


def test_focus_preference_replaces_the_announcement(page: Page, site) -> None:
    page.add_init_script(RECORDER)
    open_client(page, site)
    page.get_by_role("button", name="Plus d’options").click()
    page.get_by_role("checkbox", name="Placer le curseur sur chaque nouvelle réponse").check()
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, "Voulez-vous savoir")
    page.wait_for_timeout(300)
    assert [a for a in announcements(page) if "dit :" in str(a["text"])] == []
    focused = page.evaluate("document.activeElement.id")
    assert focused == page.locator(".msg--coach").nth(2).get_attribute("id")


def test_widget_announces_replies_inside_its_shadow_root(page: Page, site) -> None:
    page.add_init_script(RECORDER)
    open_widget(page, site)
    wait_replies(page, 1)
    press(page.get_by_role("button", name="Oui, dites-m'en plus"))
    wait_replies(page, 2)
    page.wait_for_timeout(300)
    texts = [a["text"] for a in announcements(page) if a["role"] == "status"]
    assert len(texts) == 2, texts
    assert texts[0].startswith("Patricia dit :") and texts[0].endswith("2 réponses proposées.")
    assert texts[1].startswith("Le coach dit : Votre expérience") and "Patricia" not in texts[1]
