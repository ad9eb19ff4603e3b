"""The button to a message's other request (tester, session 11): a mother on a 320 × 568
phone, in easy-to-read, typed « ya une cop pres de chez moi et comment on participe »; the
coach asked her region, then said « Vous avez posé une autre question : « Les façons de
participer » […] choisissez ce sujet ». Its button came 4th of 7, after « Bretagne »,
« Hauts-de-France », « Occitanie », about 430 px below that message, and looked like every
other choice. The server puts it first, right under the message that names it, with a label
that says it is the other question (« Autre question : … », « Aussi : … » in standard
French); the page, the widget and the pages without JavaScript show what it sends."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import ROOT, _serve
from navigateur import (
    IDLE,
    WIDGET_ROOT,
    Site,
    open_client,
    shot,
    tap_and_wait,
    tap_widget_open,
    touch_phone,
)
from playwright.sync_api import Locator, Page, expect

TYPED = "ya une cop pres de chez moi et comment on participe"
FALC_BUTTON = "Autre question : Les façons de participer"
BUTTON = "Aussi : Comment participer ?"

# Under the last coach message (the one naming the other request): the proposed answers'
# labels in order, and how far the first one's top is below that message's bottom.
UNDER = """root => {
    const said = [...root.querySelectorAll('.messages .msg--coach')].pop();
    const buttons = [...root.querySelectorAll('.choix button')];
    const plain = t => t.replace(/[\\s\\u00a0\\u202f]+/g, ' ').trim();
    return {said: plain(said.innerText), labels: buttons.map(b => plain(b.innerText)),
            gap: buttons[0].getBoundingClientRect().top - said.getBoundingClientRect().bottom};
}"""


@pytest.fixture(scope="module")
def directory_site() -> Iterator[Site]:
    """The real dialogues and the tests' fictional directory (the tester's setting)."""
    with _serve(ROOT / "dialogues",
                {"COACH_ANNUAIRE": str(ROOT / "tests/fixtures/annuaire/themes.yaml")}) as served:
        yield served


def send(page: Page, scope: Locator | Page, root: str) -> None:
    count = f"{root}.querySelectorAll('.msg--coach').length"
    before = page.evaluate(count)
    scope.get_by_role("textbox", name="Votre message").fill(TYPED)
    scope.get_by_role("button", name="Envoyer le message au coach").tap()
    page.wait_for_function(f"n => {count} > n", arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)


def check_first(scope: Locator | Page, under: dict, label: str) -> None:
    assert "autre question" in under["said"] or "aussi demandé" in under["said"], under
    assert re.sub(r"^\d+\.\s*", "", under["labels"][0]) == label, under
    # Its name is its label (the visible number is hidden from it).
    expect(scope.locator(".choix button").first).to_have_accessible_name(
        re.compile("^" + re.escape(label).replace(r"\ :\ ", r"\s:\s") + "$"))
    assert 0 <= under["gap"] <= 80, under  # right under the message that names it
    assert any("Bretagne" in one for one in under["labels"][1:]), under


def test_in_the_page_the_other_question_is_the_first_button(new_context,
                                                           directory_site) -> None:
    page = touch_phone(new_context, 320, 568)
    open_client(page, directory_site, "?falc=1")
    page.wait_for_function(IDLE)
    tap_and_wait(page, page.locator(".choix button", has_text="parent").first)
    send(page, page, "document")
    check_first(page, page.evaluate(f"() => ({UNDER})(document)"), FALC_BUTTON)
    shot(page, "aussi-page-320")
    tap_and_wait(page, page.locator(".choix button").first)
    assert "participer" in page.locator(".msg--coach").last.inner_text()


def test_in_the_widget_the_other_question_is_the_first_button(new_context,
                                                             directory_site) -> None:
    page = touch_phone(new_context, 320, 568)
    root = tap_widget_open(page, directory_site, falc=True)
    send(page, root, WIDGET_ROOT)
    check_first(root, page.evaluate(f"() => ({UNDER})({WIDGET_ROOT})"), FALC_BUTTON)
    shot(page, "aussi-widget-320")


def test_without_javascript_the_other_question_is_the_first_button(new_context,
                                                                  directory_site) -> None:
    page = new_context(viewport={"width": 320, "height": 568}, is_mobile=True,
                       has_touch=True, java_script_enabled=False).new_page()
    page.goto(directory_site.coach + "/sans-js")
    page.get_by_role("button", name="Commencer ce parcours").click()
    page.get_by_role("button", name=re.compile("parent", re.I)).first.click()
    page.get_by_role("textbox", name="Votre message").fill(TYPED)
    page.get_by_role("button", name="Envoyer le message au coach").click()
    expect(page.locator(".choix button").first).to_contain_text(BUTTON)
    check_first(page, page.evaluate(f"() => ({UNDER})(document)"), BUTTON)
