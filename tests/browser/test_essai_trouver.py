"""A parent on a small phone looks for a community near home (try-out of 2026-12-03), on the
real dialogues, with no directory and with a small fictional one (example.org addresses):

- with no directory, « Que demander, et à qui ? » said the advice just read again, and its
  « Chercher une communauté près de chez moi » came back to the same advice: the buttons
  now go on (« Et une fois la communauté trouvée ? », the menu);
- « je sais pas », « aucune ne me va », « et en visio ? » typed there got « Je n’ai pas bien
  compris » or the definition of a webinar: each gets its answer;
- « c ou la reunion » listed La Réunion's groups: it is about a meeting;
- with a directory, nothing in Normandy listed the group open to all France « pour
  Normandie », as if it were there: the nearest, then those open to all France, with
  their telephone, e-mail and site as 44 px links.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, _serve
from navigateur import (
    IDLE,
    TAP_HEIGHT,
    WIDGET_ROOT,
    Site,
    open_client,
    shot,
    tap_and_wait,
    tap_widget_open,
    touch_phone,
)
from playwright.sync_api import Locator, Page
from test_essai_parent_mobile import CUTS

DIRECTORY = """
communities:
  - name: Familles d’Ille-et-Vilaine (exemple fictif)
    departments: ["35"]
    join: Écrivez à l’animatrice, elle vous envoie le guide de participation.
    phone: "01 99 00 00 01"
    email: familles35@example.org
  - name: Réseau breton (exemple fictif)
    regions: [Bretagne]
    join: Inscription sur le site.
    website: https://bretagne.example.org/rejoindre
  - name: Groupe en visio (exemple fictif)
    everywhere: true
    join: Une rencontre en visio par mois.
    website: https://visio.example.org/inscription
"""
PHONES = [(375, 740), (320, 568)]


@pytest.fixture(scope="module")
def directory_site() -> Iterator[Site]:
    with tempfile.TemporaryDirectory(prefix="annuaire-") as tmp:
        path = Path(tmp) / "annuaire.yaml"
        path.write_text(DIRECTORY, encoding="utf-8")
        with _serve(ROOT / "dialogues", {"COACH_ANNUAIRE": str(path)}) as served:
            yield served


def type_and_wait(page, text: str) -> None:  # type: ignore[no-untyped-def]
    count = "document.querySelectorAll('.msg--coach').length"
    before = page.evaluate(count)
    page.get_by_role("textbox").fill(text)
    page.get_by_role("button", name="Envoyer le message au coach").tap()
    page.wait_for_function(f"n => {count} > n", arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(150)


def choices(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.strip() for b in page.locator(".choix button").all_inner_texts()]


def last_reply(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator(".msg--coach").last.inner_text()


@pytest.mark.parametrize(("width", "height"), PHONES)
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_without_a_directory_the_buttons_go_on(new_context, real_site, width: int,
                                               height: int, falc: bool) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    tap_and_wait(page, page.locator(".choix button", has_text="parent").first)
    tap_and_wait(page, page.locator(".choix button", has_text="Trouver une communauté").first)
    shown = choices(page)
    assert not any("Que demander" in label for label in shown), shown
    assert "pas encore" in page.locator(".messages").inner_text()
    shot(page, f"trouver-vide-{width}-{'facile' if falc else 'standard'}")
    tap_and_wait(page, page.locator(".choix button", has_text="Et ").first)
    shown = choices(page)
    assert not any("Chercher" in label for label in shown), shown
    assert any("questions" in label for label in shown), shown
    assert "guide" in last_reply(page)


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_typed_at_the_question_without_a_directory(new_context, real_site, width: int,
                                                   height: int) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site)
    page.wait_for_function(IDLE)
    type_and_wait(page, "il y a une cop près de chez moi ?")
    for typed, expected in (("je sais pas", "Ce n’est pas grave"),
                            ("aucune ne me va", "Parler à une personne"),
                            ("et en visio ?", "en ligne"),
                            ("c ou la reunion", "rencontres")):
        type_and_wait(page, typed)
        reply = page.locator(".msg--coach").nth(-1 if typed != "c ou la reunion" else -2)
        said = reply.inner_text()
        assert expected in said, (typed, said)
        assert "compris" not in said and "Réunion" not in said, (typed, said)
    shot(page, f"trouver-vide-tape-{width}")


def asked_at_the_directory(new_context, site, width: int, height: int, falc: bool,
                           text: str) -> tuple[Page, Locator]:
    """On a touch phone: « il y a une cop près de chez moi ? », then `text` typed at the
    directory; the page and the coach's last message."""
    page = touch_phone(new_context, width, height)
    open_client(page, site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    type_and_wait(page, "il y a une cop près de chez moi ?")
    type_and_wait(page, text)
    return page, page.locator(".msg--coach").last


@pytest.mark.parametrize(("width", "height"), PHONES)
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_nothing_nearby_shows_the_nearest_with_44_px_links(new_context, directory_site,
                                                           width: int, height: int,
                                                           falc: bool) -> None:
    page, said = asked_at_the_directory(new_context, directory_site, width, height, falc,
                                        "normandie")
    text = said.inner_text()
    assert "pour la Normandie" in text, text
    assert text.index("Familles d’Ille-et-Vilaine") < text.index("Groupe en visio"), text
    shot(page, f"trouver-normandie-{width}-{'facile' if falc else 'standard'}")
    for name in ("01 99 00 00 01", "familles35@example.org",
                 "https://visio.example.org/inscription"):
        link = said.get_by_role("link", name=name)
        link.evaluate("a => a.scrollIntoView({block: 'center'})")
        href = link.get_attribute("href") or ""
        assert href.startswith(("tel:", "mailto:", "https://")), href
        assert link.evaluate(TAP_HEIGHT) >= 44, name
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_the_meeting_is_not_the_region(new_context, directory_site, width: int,
                                       height: int) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, directory_site)
    page.wait_for_function(IDLE)
    type_and_wait(page, "il y a une cop près de chez moi ?")
    type_and_wait(page, "c ou la reunion")
    assert "La Réunion" not in page.locator(".msg--coach").nth(-2).inner_text()
    assert "rencontres" in page.locator(".msg--coach").nth(-2).inner_text()
    type_and_wait(page, "et en visio ?")
    assert "Groupe en visio (exemple fictif)" in last_reply(page)
    assert "Réseau breton" not in last_reply(page)
    shot(page, f"trouver-visio-{width}")


@pytest.mark.parametrize(("width", "height"), PHONES)
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_asking_for_ones_region_again_gets_the_directorys_answer(new_context, real_site,
                                                                 width: int, height: int,
                                                                 falc: bool) -> None:
    """Typed at the directory, « y a t il une communauté dans ma région ? » went to a
    region's account of its results (« Retour d’expérience… en Bretagne »): the directory
    answers it, and its start is on screen."""
    _page, said = asked_at_the_directory(new_context, real_site, width, height, falc,
                                         "y a t il une communauté dans ma région ?")
    text = said.inner_text()
    assert "MDPH" in text and "Bretagne" not in text and "compris" not in text, text
    top = said.evaluate("m => m.getBoundingClientRect().top")
    assert 0 <= top <= height - 30, top


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_a_region_in_brackets_stays_with_them_in_easy_to_read(new_context, real_site,
                                                              width: int, height: int) -> None:
    """In easy-to-read, « le 59 (Hauts-de-France) » was cut after « ( » or before « ) » (the
    hyphenated name was kept whole, away from its brackets): the brackets go with it."""
    page, said = asked_at_the_directory(new_context, real_site, width, height, True, "59")
    assert "(Hauts-de-France)" in said.inner_text(), said.inner_text()
    for bubble in page.locator(".msg--coach .bulle").all():
        assert bubble.evaluate(CUTS) == [], bubble.inner_text()
    shot(page, f"trouver-59-facile-{width}")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_in_the_widget_the_directory_s_links_are_44_px_targets(new_context, directory_site,
                                                               falc: bool) -> None:
    """Tester, session 11: in the directory's answer the e-mail links measured 25 px high (the
    text's own box); what a finger hits is 44 px, as for the contact's number and address
    (coach.css, `.joignable a::after`). The widget's full-screen panel on a 320 × 568 phone,
    hit-tested in its shadow root."""
    page = touch_phone(new_context, 320, 568)
    root = tap_widget_open(page, directory_site, falc=falc)
    for text in ("il y a une cop près de chez moi ?", "normandie"):
        before = root.locator(".msg--coach").count()
        root.get_by_role("textbox", name="Votre message").fill(text)
        root.get_by_role("button", name="Envoyer le message au coach").tap()
        page.wait_for_function(
            f"n => {WIDGET_ROOT}.querySelectorAll('.msg--coach').length > n", arg=before)
        page.wait_for_function(IDLE)
    said = root.locator(".msg--coach").last
    for name in ("01 99 00 00 01", "familles35@example.org",
                 "https://visio.example.org/inscription"):
        link = said.get_by_role("link", name=name)
        link.evaluate("a => a.scrollIntoView({block: 'center'})")
        assert link.evaluate(TAP_HEIGHT.replace("document.elementFromPoint",
                                                "a.getRootNode().elementFromPoint")) >= 44, name
