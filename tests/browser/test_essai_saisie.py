"""A try-out of « Vous voulez parler de… ? » as people type, on the real dialogues:

- Patricia, a parent on a 320 × 568 phone (touch), standard and easy-to-read, types « les
  autres parents vont me juger »: the coach asks about three places. « Autre chose » did not
  say that she could write it otherwise; her « oui » got « je n’ai pas compris, choisissez
  une des réponses proposées » under buttons that no longer were the places.
- Alexandra, a new coordinator on a 375 × 740 phone, types « on aura plus de budget »: one
  place. Her « oui » typed back got « je n’ai pas compris », the question
  gone. Then « comment on evalue si ca marche »: three places, « oui », « non autre chose »,
  « le premier ».
- Alexandra again, in the journey, where her objective is asked (« Vous pouvez aussi écrire
  votre objectif avec vos mots »): she types the question « comment on évalue si ça
  marche ». It was shown back as her objective, the question lost; now the coach asks
  whether it is an answer or a question, she taps « C’était une question », goes to the
  place it is about, and « Revenir où j’en étais » brings her back to her step.
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


def plain(text: str) -> str:
    """French no-break spaces (typography) read as ordinary spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def labels(page: Page) -> list[str]:
    return [plain(t.split(".", 1)[-1].strip())
            for t in page.locator(".choix button").all_inner_texts()]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_patricia_answers_the_question_about_places_by_typing_and_by_tapping(
        new_context, real_site, falc: bool) -> None:
    page = phone(new_context, 320, 568, real_site, falc)
    name = "Est-ce secret ?" if falc else "Est-ce confidentiel ?"
    type_and_tap_send(page, "les autres parents vont me juger")
    offered = labels(page)
    assert len(offered) >= 3 and offered[0] == name and offered[-1] == "Autre chose", offered
    # « Autre chose », tapped: a way on, the question may be typed otherwise.
    said = turn(page, lambda: page.locator(".choix button", has_text="Autre chose").tap())
    assert "autrement" in said["text"], said
    shot(page, f"essai-saisie-autre-chose-{'facile' if falc else 'standard'}")
    # Asked again, she types « oui »: which one? Not « je n’ai pas compris ».
    type_and_tap_send(page, "les autres parents vont me juger")
    said = type_and_tap_send(page, "oui")
    assert ("Quel sujet" if falc else "Lequel") in said["text"], said
    assert labels(page) == offered
    shot(page, f"essai-saisie-lequel-{'facile' if falc else 'standard'}")
    # She taps the first place.
    said = turn(page, lambda: page.locator(".choix button").first.tap())
    assert "compris" not in said["text"] and labels(page) != offered, said


def test_alexandra_answers_the_question_about_several_places_by_typing(
        new_context, real_site) -> None:
    page = phone(new_context, 375, 740, real_site, False)
    # One place: « oui » typed goes there.
    # (« on a plus de financement l an prochain » now goes there: rules and examples agree.)
    said = type_and_tap_send(page, "on aura plus de budget")
    text = said["text"].replace("\u202f", " ").replace("\u00a0", " ")
    assert "? « Le manque de moyens »" in text and text.count("?") == 1, said
    assert labels(page) == ["Le manque de moyens", "Autre chose"]
    said = type_and_tap_send(page, "oui")
    assert "compris" not in said["text"] and "moyens" in said["text"], said
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


# From the start of stage 1 to the objective's question, the short path (choice ids).
TO_THE_OBJECTIVE = ("essentiel", "diagnostic", "deja", "retours", "continuer", "commencer",
                    "voir-reponse", "temporaire", "voir-reponse", "pratiques", "voir-reponse")


def tap(page: Page, choice: str) -> dict:  # type: ignore[type-arg]
    return turn(page, lambda: page.locator(f'.choix button[data-choix="{choice}"]').tap())


def test_alexandra_types_a_question_where_her_objective_is_asked(new_context,
                                                                  real_site) -> None:
    page = new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                       has_touch=True).new_page()
    page.goto(real_site.coach + "/?parcours=initier")
    page.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    for choice in TO_THE_OBJECTIVE:
        said = tap(page, choice)
    assert "avec vos mots" in page.locator(".msg--coach .texte").last.inner_text(), said
    said = type_and_tap_send(page, "comment on évalue si ça marche")
    assert ("C’est une réponse pour votre brouillon, ou une question ?"
            in plain(said["text"])), said
    assert labels(page) == ["Oui, je garde ma réponse", "Non, je la réécris",
                            "C’était une question"]
    shot(page, "essai-saisie-question-375")
    said = tap(page, "saisie-question")
    if labels(page)[-1] == "Autre chose":  # « Vous voulez parler de… ? »: the first place
        said = tap(page, "sens-1")
    assert "Vous avez écrit" not in said["text"] and "compris" not in said["text"], said
    assert labels(page)[-1] == "Revenir où j’en étais"
    said = tap(page, "saisie-revenir")
    assert "Vous revenez où vous en étiez." in said["text"], said
    expect(page.locator(".msg--coach .texte").last).to_contain_text("avec vos mots")
    assert "Je ne sais pas encore" in labels(page)
    assert "Revenir où j’en étais" not in labels(page)
