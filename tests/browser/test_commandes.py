"""The command buttons are made from the step: those the server marks `shown`, in its
table's order, labelled in the conversation's language; one the table adds shows without a
change to the client; the keyboard focus on a command survives its turn."""

from __future__ import annotations

import json

from navigateur import IDLE, deep_active, open_client, open_widget, wait_turn
from playwright.sync_api import Page, Route, expect

PARENT = "Je suis un parent ou un proche aidant"
COMMANDS = ".commandes-bas .commande"


def shown(step: dict) -> list[tuple[str, str]]:
    return [(c["id"], c["label"]) for c in step["commands"] if c["shown"]]


def buttons(page: Page, root: str = "") -> list[tuple[str, str]]:
    return page.locator(f"{root} {COMMANDS}".strip()).evaluate_all(
        "bs => bs.map(b => [b.dataset.choix, b.textContent])")


def test_buttons_are_the_steps_shown_commands_in_both_languages(page: Page, site) -> None:
    status, step = site.api("POST", "conversations", {})
    assert status == 201
    expected = shown(step)
    assert [c for c, _ in expected] == ["retour", "menu", "aide", "humain"]
    open_client(page, site)
    assert [tuple(b) for b in buttons(page)] == expected
    # « Lire la dernière réponse » (the client's own) stays last in the row.
    expect(page.locator(".commandes-bas > li").last).to_have_text("Lire la dernière réponse")
    page.get_by_role("button", name="Facile à lire").click()
    expect(page.locator(COMMANDS).first).to_have_text("Retour")  # the FALC label
    status, falc = site.api("PATCH", f"conversations/{step['id']}", {"falc": True})
    assert [tuple(b) for b in buttons(page)] == shown(falc)
    # The widget makes the same buttons from its own steps.
    open_widget(page, site)
    assert [c for c, _ in buttons(page, "#coach-cop-widget")] == [c for c, _ in expected]


def test_a_command_the_table_adds_shows_and_plays(page: Page, site) -> None:
    """The step is the only source: a shown command the client has never heard of (here
    « Où en suis-je ? », which the fixture does not define, added to the answers) becomes
    a button that plays its id."""
    sent: list[dict] = []

    def add_command(route: Route) -> None:
        answer = route.fetch()
        body = answer.json()
        if isinstance(body, dict) and "commands" in body:
            body["commands"].insert(2, {"id": "ou-en-suis-je", "label": "Où en suis-je ?",
                                        "shown": True})
        if route.request.method == "POST" and route.request.post_data:
            sent.append(json.loads(route.request.post_data))
        route.fulfill(response=answer, json=body)

    page.route("**/api/v1/conversations**", add_command)
    open_client(page, site)
    new = page.get_by_role("button", name="Où en suis-je ?")
    expect(new).to_be_visible()
    assert [c for c, _ in buttons(page)] == ["retour", "menu", "ou-en-suis-je", "aide",
                                             "humain"]
    new.click()
    page.wait_for_function(IDLE)
    assert {"choice": "ou-en-suis-je"} in sent


def test_keyboard_focus_stays_on_a_command_through_its_turn(page: Page, site) -> None:
    open_client(page, site)
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, "Voulez-vous savoir")
    help_button = page.get_by_role("button", name="Aide", exact=True)
    marked = help_button.evaluate("b => { b.dataset.marque = '1'; return true; }")
    assert marked
    help_button.focus()
    page.keyboard.press("Enter")
    wait_turn(page, "Vous pouvez cliquer sur une réponse ou écrire votre message")
    active = deep_active(page)
    assert active["tag"] == "BUTTON" and active["text"] == "Aide", active
    # The very same element (not rebuilt), so assistive technologies keep their place.
    assert page.evaluate("document.activeElement.dataset.marque") == "1"
    page.keyboard.press("Tab")
    assert deep_active(page)["text"] == "Parler à une personne"
