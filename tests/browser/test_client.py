"""The page at `/`: structure, focus, controls, persistence, errors (docs/accessibilite.md)."""

from __future__ import annotations

import json
import re

from navigateur import deep_active, open_client, press, shot, wait_turn
from playwright.sync_api import Page, expect

PARENT = "Je suis un parent ou un proche aidant"
QUESTION = "Voulez-vous savoir quelle place les familles ont dans une communauté de pratique ?"


def conversation_id(page: Page) -> str:
    return page.evaluate("localStorage.getItem('coach-cop.conversation')")


def test_structure_at_load(page: Page, site) -> None:
    page.goto(site.coach + "/", wait_until="domcontentloaded")
    status = page.locator("[role=status]")
    expect(status).to_have_count(1)
    assert status.text_content() == ""
    style = status.evaluate("""e => { const s = getComputedStyle(e);
        return {display: s.display, clip: s.clip, clipPath: s.clipPath, position: s.position,
                width: e.getBoundingClientRect().width, live: e.getAttribute('aria-live'),
                atomic: e.getAttribute('aria-atomic')}; }""")
    assert style["display"] != "none"
    assert style["position"] == "absolute" and style["width"] <= 1
    assert "inset(50%)" in style["clipPath"] or "rect(0" in style["clip"]
    assert style["live"] == "polite" and style["atomic"] == "true"
    log = page.get_by_role("log", name="Conversation")
    assert log.get_attribute("aria-live") == "off"
    # A Tab stop only once its box scrolls (test_essai_personnes.py): the welcome fits it.
    assert log.get_attribute("tabindex") is None
    expect(page.get_by_role("alert")).to_have_text("")
    assert page.evaluate("document.documentElement.lang") == "fr"

    page.locator(".messages .msg").first.wait_for()
    expect(page.locator("main")).to_match_aria_snapshot(f"""
- main:
  - heading "Votre coach CoP" [level=1]
  - button "Facile à lire" [pressed=false]
  - button "Plus d’options" [expanded=false]
  - region "Conversation":
    - heading "Conversation" [level=2]
    - log "Conversation":
      - list:
        - /children: equal
        - listitem:
          - heading /^Message du coach, \\d+ h \\d\\d$/ [level=3]
          - paragraph: /^Le coach dit\\W+Bonjour/
        - listitem:
          - heading /^Message du coach, \\d+ h \\d\\d$/ [level=3]
          - paragraph: "Le coach dit : Pour bien vous guider, dites-moi qui vous êtes."
  - group "Pour bien vous guider, dites-moi qui vous êtes.":
    - list:
      - /children: equal
      - listitem:
        - button "{PARENT}"
      - listitem:
        - button "Je veux savoir ce qu'est une CoP"
  - text: Votre message
  - paragraph: "Entrée : envoyer. Maj + Entrée : aller à la ligne."
  - textbox "Votre message"
  - button "Envoyer le message au coach"
  - alert
  - list:
    - listitem:
      - button "Revenir en arrière"
    - listitem:
      - button "Parler à une personne"
    - listitem:
      - button "Lire la dernière réponse"
  - status
""")
    # Nothing is announced when the page loads: the history is there to be read.
    page.wait_for_timeout(400)
    assert status.text_content() == ""
    shot(page, "client-vide", full_page=True)


def test_choice_is_kept_and_focus_stays_in_the_field(page: Page, site) -> None:
    open_client(page, site)
    press(page.get_by_role("button", name=PARENT))  # the keyboard (a click: test_pointeur.py)
    wait_turn(page, QUESTION)
    assert deep_active(page)["id"] == "saisie"
    expect(page.locator(".msg--moi").last).to_contain_text("Vous avez choisi : " + PARENT)
    expect(page.get_by_role("group", name=QUESTION)).to_match_aria_snapshot(f"""
- group "{QUESTION}":
  - list:
    - /children: equal
    - listitem:
      - button "Oui, dites-m'en plus"
    - listitem:
      - button "Non, pas maintenant"
""")
    # The reply from its first message (Patricia's), from where its question is read too.
    page.get_by_role("button", name="Lire la dernière réponse").click()
    focused = deep_active(page)
    assert focused["tag"] == "LI" and focused["text"].startswith("Message de Patricia")

    page.get_by_role("textbox", name="Votre message").fill("aide")
    page.keyboard.press("Enter")
    wait_turn(page, "Vous pouvez cliquer sur une réponse ou écrire votre message")
    assert deep_active(page)["id"] == "saisie"  # never moved by the reply
    page.get_by_role("textbox", name="Votre message").fill("Je veux savoir, oui")
    page.keyboard.press("Shift+Enter")  # a new line, not a send
    assert "\n" in page.get_by_role("textbox", name="Votre message").input_value()
    expect(page.locator(".msg--moi").last).to_contain_text("Vous avez écrit : aide")
    shot(page, "client-choix", full_page=True)


def test_falc_switches_the_whole_history(page: Page, site) -> None:
    open_client(page, site)
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, QUESTION)
    falc = page.get_by_role("button", name="Facile à lire")
    falc.click()
    expect(falc).to_have_attribute("aria-pressed", "true")
    first = page.locator(".messages .texte").first
    expect(first).to_have_text("Bonjour.\nJe suis le coach CoP.\n"
                               "Je vous aide à comprendre les communautés de pratique.")
    # One sentence per line on screen (pre-line): three line boxes at least.
    assert first.evaluate("e => e.getClientRects().length") >= 3
    expect(page.locator(".msg--moi .texte").first).to_have_text("Je suis un parent")
    expect(page.get_by_role("button", name="Oui", exact=True)).to_be_visible()
    size = page.locator(".coach").evaluate(
        "e => [parseFloat(getComputedStyle(e).fontSize),"
        " parseFloat(getComputedStyle(e).lineHeight)]")
    assert 20 <= size[0] <= 22 and abs(size[1] / size[0] - 1.8) < 0.05
    assert page.evaluate("document.activeElement.className") == "falc-bouton"
    shot(page, "client-falc", full_page=True)
    page.reload()
    page.locator(".messages .msg").first.wait_for()
    expect(page.get_by_role("button", name="Facile à lire")).to_have_attribute(
        "aria-pressed", "true")
    expect(page.locator(".messages .texte").first).to_contain_text("Bonjour.\n")
    page.get_by_role("button", name="Facile à lire").click()
    expect(page.locator(".messages .texte").first).to_contain_text("Bonjour ! Je suis")


def test_text_size_is_remembered(page: Page, site) -> None:
    open_client(page, site)
    coach = page.locator(".coach")

    def size() -> float:
        return coach.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")

    assert size() == 18
    options = page.get_by_role("button", name="Plus d’options")
    options.click()
    expect(options).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="Plus grand").click()
    page.get_by_role("button", name="Plus grand").click()
    assert size() == 22.5
    page.reload()
    page.locator(".messages .msg").first.wait_for()
    assert size() == 22.5
    page.get_by_role("button", name="Plus d’options").click()
    page.get_by_role("button", name="Plus petit").click()
    assert size() == 20.25


def test_reload_and_a_long_pause_lose_nothing(page: Page, site) -> None:
    page.clock.install()
    open_client(page, site)
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, QUESTION)
    page.get_by_role("textbox", name="Votre message").fill("un brouillon pas encore envoyé")
    first_id = conversation_id(page)
    page.reload()
    page.locator(".msg--moi").first.wait_for()
    assert conversation_id(page) == first_id
    expect(page.locator(".msg")).to_have_count(5)
    expect(page.get_by_role("textbox", name="Votre message")).to_have_value(
        "un brouillon pas encore envoyé")
    page.clock.fast_forward(7 * 24 * 3600 * 1000)  # a week: no timeout anywhere
    page.get_by_role("button", name="Oui, dites-m'en plus").click()
    wait_turn(page, "Comment aimeriez-vous participer ?")
    expect(page.get_by_role("alert")).to_have_text("")


def test_back_person_restart_and_delete(page: Page, site) -> None:
    open_client(page, site)
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, QUESTION)
    page.get_by_role("button", name="Revenir en arrière").click()
    expect(page.get_by_role("group", name="Pour bien vous guider, dites-moi qui vous êtes.")
           ).to_be_visible()
    page.get_by_role("button", name="Parler à une personne").click()
    wait_turn(page, "01 23 45 67 89")

    page.get_by_role("button", name="Plus d’options").click()
    restart = page.get_by_role("button", name="Recommencer depuis le début")
    restart.click()
    dialog = page.get_by_role("dialog", name="Recommencer depuis le début ?")
    expect(dialog).to_be_visible()
    expect(page.get_by_role("button", name="Non, continuer")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(restart).to_be_focused()
    count = page.locator(".msg").count()
    restart.click()
    page.get_by_role("button", name="Oui, recommencer").click()
    page.wait_for_function(f"() => document.querySelectorAll('.msg').length > {count + 1}")
    expect(page.locator(".msg--coach .texte").last).to_have_text(
        "Pour bien vous guider, dites-moi qui vous êtes.")

    old = conversation_id(page)
    page.get_by_role("button", name="Supprimer ma conversation").click()
    shot(page, "client-confirmation")
    page.get_by_role("button", name="Oui, tout supprimer").click()
    page.wait_for_function(f"() => localStorage.getItem('coach-cop.conversation') !== {old!r}")
    expect(page.locator(".msg")).to_have_count(2)
    assert site.api("GET", f"conversations/{old}")[0] == 404
    # Said done, « Plus d’options » closed, the text field ready (test_suppression.py).
    expect(page.locator(".fait")).to_have_text(
        "Votre conversation est supprimée. Une nouvelle conversation commence.")
    expect(page.locator("#options")).to_be_hidden()
    expect(page.get_by_role("textbox", name="Votre message")).to_be_focused()


def test_download_and_print(page: Page, site) -> None:
    page.add_init_script("window.print = () => { window.__imprime = (window.__imprime||0) + 1; }")
    open_client(page, site)
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, QUESTION)
    page.get_by_role("button", name="Plus d’options").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger la conversation").click()
    assert download.value.suggested_filename == "conversation-coach-cop.txt"
    text = download.value.path().read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert "Le coach :" in text and "Vous :\n" + PARENT in text and "Patricia :" in text
    page.get_by_role("button", name="Imprimer la conversation").click()
    assert page.evaluate("window.__imprime") == 1
    page.emulate_media(media="print")
    expect(page.locator(".outils")).to_be_hidden()
    expect(page.locator(".formulaire")).to_be_hidden()
    expect(page.locator(".messages")).to_be_visible()
    shot(page, "client-impression", full_page=True)


def test_errors_keep_the_text_and_retry_with_the_same_key(page: Page, site) -> None:
    open_client(page, site)
    keys: list[str] = []
    page.on("request", lambda r: keys.append(r.headers.get("idempotency-key", ""))
            if r.url.endswith("/turns") else None)
    state = {"calls": 0}

    def lose_the_answer(route) -> None:  # the server plays the turn, the answer is lost
        state["calls"] += 1
        if state["calls"] == 1:
            route.fetch()
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/turns", lose_the_answer)
    field = page.get_by_role("textbox", name="Votre message")
    field.fill("Je suis maman")
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Le coach ne répond pas")
    expect(field).to_have_value("Je suis maman")
    assert deep_active(page)["id"] == "saisie"
    retry = page.get_by_role("button", name="Réessayer")
    expect(retry).to_be_visible()
    shot(page, "client-erreur", full_page=True)
    retry.click()
    wait_turn(page, QUESTION)
    expect(alert).to_have_text("")
    expect(field).to_have_value("")
    assert len(keys) == 2 and keys[0] and keys[0] == keys[1]
    _status, conversation = site.api("GET", f"conversations/{conversation_id(page)}")
    users = [m for m in conversation["messages"] if m["role"] == "user"]
    assert [m["text"] for m in users] == ["Je suis maman"]  # played once, not twice
    expect(page.locator(".msg--moi")).to_have_count(1)

    page.unroute("**/turns")
    page.route("**/turns", lambda route: route.fulfill(
        status=503, headers={"Retry-After": "5", "Content-Type": "application/problem+json"},
        body=json.dumps({"type": "x", "title": "Indisponible", "status": 503, "code": "x",
                         "detail": "Le coach ne peut pas enregistrer la conversation pour"
                                   " l’instant. Rien n’est perdu."})))
    press(page.get_by_role("button", name="Oui, dites-m'en plus"))
    expect(alert).to_contain_text("Rien n’est perdu")
    expect(alert).to_contain_text("dans 5 secondes")
    expect(page.locator(".msg--moi")).to_have_count(1)  # the optimistic echo went away
    assert deep_active(page)["id"] == "saisie"


def test_empty_message_is_refused_politely(page: Page, site) -> None:
    open_client(page, site)
    page.get_by_role("textbox", name="Votre message").press("Enter")
    expect(page.get_by_role("alert")).to_have_text(
        re.compile("Le message est vide"))
    expect(page.get_by_role("button", name="Réessayer")).to_be_hidden()


def test_keyboard_hint_where_it_helps_and_in_easy_words(new_context, site) -> None:
    page = new_context().new_page()
    open_client(page, site)
    hint = page.locator("#aide-saisie")
    field = page.get_by_role("textbox", name="Votre message")
    expect(hint).to_be_visible()
    expect(hint).to_have_text(re.compile(r"^Entrée\s:\senvoyer\. Maj \+ Entrée\s:"))
    assert field.get_attribute("aria-describedby") == "aide-saisie erreur"
    page.get_by_role("button", name="Facile à lire").click()
    expect(hint).to_have_text(re.compile(r"^Appuyez sur Entrée pour envoyer\.\n"
                                         r"Appuyez sur Maj et Entrée pour aller à la ligne\.$"))
    page.get_by_role("button", name="Facile à lire").click()
    expect(hint).to_have_text(re.compile("^Entrée"))

    phone = new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                        has_touch=True).new_page()
    open_client(phone, site)
    expect(phone.locator("#aide-saisie")).to_be_hidden()  # no keyboard keys on a touch screen
    described = phone.get_by_role("textbox", name="Votre message").get_attribute(
        "aria-describedby")
    assert described == "erreur"
