"""The same conversation with JavaScript disabled: server-rendered forms (coach/api/pages/)."""

from __future__ import annotations

import re

import pytest
from navigateur import shot
from playwright.sync_api import expect


def test_a_whole_conversation_without_javascript(new_context, site) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site.coach + "/")
    # The client's interface is hidden (it needs scripts); the <noscript> link leads on.
    expect(page.get_by_role("textbox", name="Votre message")).to_be_hidden()
    page.get_by_role("link", name="Utiliser la version du coach sans JavaScript").click()
    expect(page).to_have_title(re.compile("Commencer"))
    page.get_by_role("radio", name="Familles et proches aidants").check()
    page.get_by_role("button", name="Commencer ce parcours").click()
    # Started as the home menu's button starts it: the page opens at the answer.
    expect(page).to_have_url(re.compile(r"/sans-js/[\w-]+#dernier$"))
    conversation_url = page.url.split("#")[0]
    expect(page.get_by_role("group", name=re.compile("Voulez-vous savoir"))).to_be_visible()
    assert page.context.cookies() == []  # the id is in the path: no cookie needed

    page.get_by_role("button", name="Oui, dites-m'en plus").click()
    expect(page).to_have_url(re.compile(r"/sans-js/[\w-]+#dernier$"))  # POST → redirect → GET
    expect(page.locator(".msg--moi .texte").last).to_have_text("Oui, dites-m'en plus")
    expect(page.locator("#dernier")).to_contain_text("Vous avez choisi")

    # A typed message; an empty one is refused and the person's text is kept.
    field = page.get_by_role("textbox", name="Votre message")
    field.fill("   ")
    page.get_by_role("button", name="Envoyer le message au coach").click()
    expect(page.get_by_role("alert")).to_have_text(re.compile("Le message est vide"))
    expect(page).to_have_title(re.compile("^Erreur"))
    long_text = "mot " * 260
    page.get_by_role("textbox", name="Votre message").evaluate(
        "(e, t) => { e.removeAttribute('maxlength'); e.value = t; }", long_text)
    page.get_by_role("button", name="Envoyer le message au coach").click()
    expect(page.get_by_role("alert")).to_contain_text("trop long")
    expect(page.get_by_role("textbox", name="Votre message")).to_have_value(long_text)
    page.get_by_role("textbox", name="Votre message").fill("aide")
    page.get_by_role("button", name="Envoyer le message au coach").click()
    expect(page.get_by_text("Vous pouvez cliquer sur une réponse ou écrire votre message.")
           ).to_be_visible()

    # Facile à lire: the whole history switches, one sentence per line. The switch is at the
    # top and again under the answers, where the page opens after a few steps.
    switches = page.get_by_role("button", name="Facile à lire")
    expect(switches).to_have_count(2)
    switches.last.click()
    for switch in switches.all():
        expect(switch).to_have_attribute("aria-pressed", "true")
    first = page.locator(".messages .msg--moi ~ .msg--coach .texte").first  # after the choice
    expect(first).to_have_text("Avons-nous notre place ?\nNous sommes des parents.")
    assert first.evaluate("e => e.getClientRects().length") >= 2
    page.get_by_role("button", name="Facile à lire").first.click()

    # Commands and an end node.
    page.get_by_role("button", name="Aider un peu").or_(
        page.get_by_role("button", name="Contribuer de temps en temps")).click()
    expect(page.get_by_text("Votre place est importante").last).to_be_visible()
    assert page.get_by_role("group").filter(has=page.get_by_role("button", name="Observer")
                                            ).count() == 0
    page.get_by_role("button", name="Parler à une personne").click()
    expect(page.locator(".messages")).to_contain_text("01 23 45 67 89")
    shot(page, "sans-js-conversation", full_page=True)

    # Double submission of the same form plays once (idempotency key in a hidden field).
    key = page.locator("input[name=cle]").first.get_attribute("value")
    count = page.locator(".msg").count()
    for _ in range(2):
        page.request.post(conversation_url, form={"choix": "aide", "cle": key},
                          max_redirects=0)
    page.reload()
    assert page.locator(".msg").count() == count + 2  # one user message + one help reply

    # Transcript, download, restart and deletion (each with its page).
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger la conversation").click()
    assert "Patricia :" in download.value.path().read_text(encoding="utf-8-sig")
    page.get_by_role("link", name="Recommencer depuis le début").click()
    page.get_by_role("button", name="Oui, recommencer").click()
    expect(page.locator(".msg--moi .texte").last).to_have_text("Recommencer")
    page.get_by_role("link", name="Supprimer ma conversation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Supprimer votre conversation ?")
    page.get_by_role("button", name="Oui, tout supprimer").click()
    expect(page.get_by_role("status")).to_contain_text("Votre conversation est supprimée")
    page.goto(conversation_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversation introuvable")
    shot(page, "sans-js-introuvable")


def test_pages_escape_what_people_type(new_context, site) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site.coach + "/sans-js")
    page.get_by_role("button", name="Commencer la conversation").click()
    page.get_by_role("textbox", name="Votre message").fill('<img src=x onerror="alert(1)"> & "ok"')
    page.get_by_role("button", name="Envoyer le message au coach").click()
    expect(page.locator(".msg--moi .texte").last).to_have_text(
        '<img src=x onerror="alert(1)"> & "ok"')
    assert page.locator(".messages img").count() == 0


def test_without_javascript_the_progress_is_text_and_a_typed_objective_reaches_the_draft(
        new_context, site) -> None:
    """On a phone, without scripts: « Étape 1 sur 1 · partie 1 sur 2 » is text in the page
    (the bar beside it is hidden from screen readers); a typed objective is shown back,
    kept, and found in the draft the page links to."""
    objective = "Rompre l’isolement des familles du Cantal <b>ensemble</b> & =cmd"
    page = new_context(java_script_enabled=False, viewport={"width": 375, "height": 740},
                       has_touch=True, is_mobile=True).new_page()
    page.goto(site.coach + "/sans-js")
    page.get_by_role("radio", name=re.compile("Initier")).check()
    page.get_by_role("button", name="Commencer ce parcours").click()
    text = page.locator(".progression-texte")
    expect(text).to_have_text("Étape 1 sur 1 · partie 1 sur 2")
    expect(text).to_be_visible()
    assert page.locator(".progression-barre").get_attribute("aria-hidden") == "true"
    page.get_by_role("button", name="D’autres conseils").click()
    expect(page.locator(".messages")).to_contain_text("Fixez la date")
    page.get_by_role("textbox", name="Votre message").fill(objective)
    page.get_by_role("button", name="Envoyer le message au coach").click()
    expect(page.locator(".msg--coach .texte").last).to_contain_text(f"« {objective} »")
    assert page.locator(".messages b").count() == 0  # shown as text
    page.get_by_role("button", name="Oui, je garde ma réponse").click()
    expect(page.locator(".messages")).to_contain_text("Vos réponses sont dans votre brouillon")
    expect(text).to_have_text("Étape 1 sur 1 · partie 2 sur 2")
    link = page.get_by_role("link", name="Voir (nouvelle fenêtre)").last
    draft = page.context.new_page()
    draft.goto(site.coach + link.get_attribute("href").removeprefix(site.coach))
    expect(draft.locator("main")).to_contain_text(objective)
    assert draft.locator("main b").count() == 0
    shot(page, "sans-js-brouillon-telephone", full_page=True)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
@pytest.mark.parametrize("width, height", [(375, 740), (320, 568)])
def test_on_a_phone_a_parent_starts_without_scrolling(
        new_context, real_site, width, height, falc) -> None:
    """The real start page lists a dozen journeys: its start buttons come before them, on
    the first screen; a tap starts at the welcome, where the coach asks who you are, in
    standard French or in easy to read."""
    page = new_context(java_script_enabled=False, viewport={"width": width, "height": height},
                       is_mobile=True, has_touch=True).new_page()
    page.goto(real_site.coach + "/sans-js")
    name = "Commencer en facile à lire" if falc else "Commencer la conversation"
    button = page.get_by_role("button", name=name, exact=True)
    box = button.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, box
    assert page.evaluate("window.scrollY") == 0
    # Three start buttons, each named for what it does.
    expect(page.get_by_role("button", name=re.compile("^Commencer"))).to_have_count(3)
    expect(page.get_by_role("button", name="Commencer ce parcours", exact=True)).to_have_count(1)
    shot(page, f"sans-js-depart-{width}{'-facile' if falc else ''}")
    button.tap()
    # The page opens at the coach's first message, not at its tools (711 px above it at
    # 375 × 740 before).
    expect(page).to_have_url(re.compile(r"/sans-js/[\w-]{22}#dernier$"))
    first = page.locator(".msg--coach").first.bounding_box()
    assert first is not None and 0 <= first["y"] < height * 0.5, first
    expect(page.get_by_role("button", name="Facile à lire").first).to_have_attribute(
        "aria-pressed", "true" if falc else "false")
    parent = "Je suis parent ou aidant" if falc else "Je suis parent ou proche aidant"
    page.get_by_role("button", name=parent).tap()
    expect(page.locator(".msg--moi .texte").last).to_have_text(parent)
