"""A try-out of « Vous voulez parler de… ? » as people type, on the real dialogues:

- Patricia, a parent on a 320 × 568 phone (touch), standard and easy-to-read, types « on se
  dispute avec l’équipe de l’ime »: the coach asks about one place. Her « oui » typed back
  got « je n’ai pas compris » and the question was gone; « Autre chose » did not say that
  she could write it otherwise.
- Alexandra, a new coordinator on a 375 × 740 phone, types « comment on evalue si ca
  marche »: three places. Her « oui » got « je n’ai pas compris, choisissez une des réponses
  proposées » under buttons that no longer were the places.
Each time: the start of the coach's new message on screen, the focus never in the field
after a tap, the places named in the version she reads.
"""

from __future__ import annotations

import pytest
from navigateur import IDLE, shot
from playwright.sync_api import Page, expect

# The start of the coach's current reply (its first message after the person's last one),
# and the deepest focused element.
REPLY = """() => {
    const items = [...document.querySelectorAll('.messages .msg')];
    let first = null;
    for (let i = items.length - 1; i >= 0 && items[i].classList.contains('msg--coach'); i--)
        first = items[i];
    return {top: first.getBoundingClientRect().top, height: innerHeight,
            text: first.innerText, active: document.activeElement.tagName};
}"""


def phone(new_context, width: int, height: int, site, falc: bool) -> Page:  # type: ignore[no-untyped-def]
    page = new_context(viewport={"width": width, "height": height}, is_mobile=True,
                       has_touch=True).new_page()
    page.goto(site.coach + "/" + ("?falc=1" if falc else ""))
    page.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    return page


def turn(page: Page, act) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """`act` done (a tap), the reply shown and settled: where its start is, what it says."""
    before = page.locator(".msg--coach").count()
    act()
    page.wait_for_function("n => document.querySelectorAll('.msg--coach').length > n",
                           arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)
    seen: dict = page.evaluate(REPLY)  # type: ignore[type-arg]
    assert 0 <= seen["top"] <= seen["height"] - 60, seen
    assert seen["active"] != "TEXTAREA", seen
    return seen


def type_and_tap_send(page: Page, text: str) -> dict:  # type: ignore[type-arg]
    def act() -> None:
        page.get_by_role("textbox", name="Votre message").fill(text)
        page.get_by_role("button", name="Envoyer le message au coach").tap()
    return turn(page, act)


def labels(page: Page) -> list[str]:
    return [t.split(".", 1)[-1].strip() for t in page.locator(".choix button").all_inner_texts()]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_patricia_answers_the_question_about_one_place_by_typing_and_by_tapping(
        new_context, real_site, falc: bool) -> None:
    page = phone(new_context, 320, 568, real_site, falc)
    name = "Les désaccords entre membres" if falc else "Les tensions et les conflits"
    said = type_and_tap_send(page, "on se dispute avec l’équipe de l’ime")
    assert name in said["text"] and "?" in said["text"], said
    assert labels(page) == [name, "Autre chose"]
    # « Autre chose », tapped: a way on, the question may be typed otherwise.
    said = turn(page, lambda: page.locator(".choix button", has_text="Autre chose").tap())
    assert "autrement" in said["text"], said
    shot(page, f"essai-saisie-autre-chose-{'facile' if falc else 'standard'}")
    # Asked again, she types « oui »: the place, not « je n’ai pas compris ».
    type_and_tap_send(page, "on se dispute avec l’équipe de l’ime")
    said = type_and_tap_send(page, "oui")
    assert "compris" not in said["text"], said
    assert "désaccord" in said["text"].lower(), said
    # Asked again, she taps the place.
    type_and_tap_send(page, "on se dispute avec l’équipe de l’ime")
    said = turn(page, lambda: page.locator(".choix button").first.tap())
    assert "désaccord" in said["text"].lower(), said
    shot(page, f"essai-saisie-oui-{'facile' if falc else 'standard'}")


def test_alexandra_answers_the_question_about_several_places_by_typing(
        new_context, real_site) -> None:
    page = phone(new_context, 375, 740, real_site, False)
    type_and_tap_send(page, "comment on evalue si ca marche")
    offered = labels(page)
    assert len(offered) >= 3 and offered[-1] == "Autre chose", offered
    # « oui » to several places: which one? The places stay the buttons.
    said = type_and_tap_send(page, "oui")
    assert "Lequel" in said["text"], said
    assert labels(page) == offered
    shot(page, "essai-saisie-lequel-375")
    # « non autre chose »: back where she was, a way on.
    said = type_and_tap_send(page, "non autre chose")
    assert "autrement" in said["text"], said
    expect(page.locator(".choix button", has_text="Parler à une personne")).to_be_visible()
    # Asked again, « le premier »: the first place.
    type_and_tap_send(page, "comment on evalue si ca marche")
    assert labels(page) == offered
    said = type_and_tap_send(page, "le premier")
    assert "compris" not in said["text"] and "Lequel" not in said["text"], said
    assert labels(page) != offered
