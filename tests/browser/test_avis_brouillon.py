"""« Ce conseil vous aide-t-il ? », the coordinator's draft and the privacy notice: client,
widget and pages without JavaScript (fixture flow tests/browser/dialogues/initier.yaml)."""

from __future__ import annotations

import csv
import io
import json
import re

from navigateur import (
    ADMIN_TOKEN,
    RECORDER,
    assert_axe_clean,
    deep_active,
    open_client,
    open_widget,
    press,
    shot,
    wait_turn,
)
from playwright.sync_api import Page, expect

ADVICE = "Commencez petit."
QUESTION = "Ce conseil vous aide-t-il ?"
YES, NO = "Oui, ce conseil m’aide", "Non, pas vraiment"
DRAFT = "Mon brouillon de feuille de route et de charte"
LINKS = ("Voir (nouvelle fenêtre)", "Télécharger en Word (.docx)",
         "Télécharger en OpenDocument (.odt)")
SUMMARY = "Vos réponses sont dans votre brouillon"
END = "L'étape 1 est finie."
PRIVACY = "Confidentialité et données personnelles"
GEOMETRY = """g => [...g.querySelectorAll('button')].map(b => {
    const r = b.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })"""


def thanks_announced(page: Page) -> list[str]:
    return [a["text"] for a in page.evaluate("window.__annonces")
            if a["role"] == "status" and "avis" in a["text"]]


def test_feedback_yes_in_the_client(page: Page, site) -> None:
    page.add_init_script(RECORDER)
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.post_data or "")
            if r.url.endswith("/avis") else None)
    open_client(page, site, "?parcours=initier")
    group = page.get_by_role("group", name=QUESTION)
    expect(group).to_have_count(1)  # under Léo's advice only, not under the coach's question
    advice_id = page.locator(".msg--coach").filter(has=group).get_attribute("id") or ""
    advice = page.locator(f"#{advice_id}")
    expect(advice).to_match_aria_snapshot(f"""
- listitem:
  - heading /^Message de Léo, \\d+ h \\d\\d$/ [level=3]
  - paragraph: /^Léo dit\\W+Commencez petit/
  - group "{QUESTION}":
    - text: {QUESTION}
    - button "Oui, ce conseil m’aide"
    - button "Non, pas vraiment"
""")
    (x1, y1, w1, h1), (x2, y2, w2, h2) = group.evaluate(GEOMETRY)
    assert min(w1, h1, w2, h2) >= 44
    assert max(x2 - (x1 + w1), y2 - (y1 + h1)) >= 8 - 0.5  # side by side or one below
    assert group.evaluate("g => g.getBoundingClientRect().top") > advice.locator(
        ".bulle").evaluate("b => b.getBoundingClientRect().bottom")
    assert_axe_clean(page, "conseil avec « Ce conseil vous aide-t-il ? »")
    shot(page, "avis-question", full_page=True)

    message = advice_id.removeprefix("msg-")
    with page.expect_response(lambda r: r.url.endswith("/avis")) as answer:
        press(page.get_by_role("button", name=YES))
    assert answer.value.status == 204
    expect(advice).to_contain_text("Merci pour votre avis.")
    expect(group).to_have_count(0)
    page.wait_for_function("() => window.__annonces.some(a => a.text.includes('avis'))")
    page.wait_for_timeout(300)
    assert thanks_announced(page) == ["Merci pour votre avis."]
    assert [json.loads(p) for p in posts] == [{"message": message, "utile": True}]
    assert deep_active(page)["id"] == "saisie"
    assert_axe_clean(page, "avis donné")
    shot(page, "avis-merci", full_page=True)

    page.reload()  # answered once: the thanks stay, the buttons do not come back
    page.locator(".messages .msg").first.wait_for()
    expect(advice).to_contain_text("Merci pour votre avis.")
    expect(page.get_by_role("group", name=QUESTION)).to_have_count(0)


def test_one_feedback_question_at_most_on_the_last_advice(page: Page, site) -> None:
    open_client(page, site, "?parcours=initier")
    advice = page.locator(".msg--coach[data-conseil]")
    groups = page.get_by_role("group", name=QUESTION)
    expect(groups).to_have_count(1)
    with page.expect_response(lambda r: r.url.endswith("/avis")) as answer:
        press(page.get_by_role("button", name=NO))
    assert answer.value.status == 204
    expect(groups).to_have_count(0)

    press(page.get_by_role("button", name="D’autres conseils"))
    wait_turn(page, "Fixez la date")
    # Two advice in the reply: one question only, under the last one.
    expect(advice).to_have_count(3)
    expect(groups).to_have_count(1)
    expect(advice.nth(2).get_by_role("group", name=QUESTION)).to_have_count(1)
    expect(page.get_by_role("button", name=YES)).to_have_count(1)
    expect(page.get_by_role("button", name=NO)).to_have_count(1)
    expect(page.locator(".avis-bouton")).to_have_count(2)  # no other « Oui » / « Non »
    assert_axe_clean(page, "une seule question d'avis")

    # « Revenir en arrière » shows the first advice again: answered, so not asked again;
    # and the question under the advice before it goes (it is no longer the last one).
    press(page.get_by_role("button", name="Revenir en arrière"))
    wait_turn(page, "Combien de temps")
    expect(advice).to_have_count(4)
    expect(groups).to_have_count(0)
    expect(page.get_by_text("Merci pour votre avis.")).to_have_count(1)
    page.reload()
    page.locator(".messages .msg").first.wait_for()
    expect(advice).to_have_count(4)
    expect(groups).to_have_count(0)
    expect(page.get_by_text("Merci pour votre avis.")).to_have_count(1)


def test_draft_links_at_the_end_of_a_step_and_in_the_options(page: Page, site) -> None:
    page.add_init_script(RECORDER)
    open_client(page, site, "?parcours=initier")
    press(page.get_by_role("button", name="Elle doit durer"))  # announced (the keyboard's way)
    wait_turn(page, SUMMARY)
    drafts = page.get_by_role("group", name=DRAFT)
    expect(drafts).to_have_count(1)
    last = page.locator(".msg--coach").last
    expect(last.get_by_role("group", name=DRAFT)).to_have_count(1)
    page.wait_for_function("() => window.__annonces.some(a => a.text.includes('brouillon'))")
    press(page.get_by_role("button", name="Terminer l'étape"))
    wait_turn(page, END)
    expect(drafts).to_have_count(1)  # moved under the end message, not repeated
    expect(page.locator(".msg--coach").last.get_by_role("group", name=DRAFT)).to_have_count(1)
    end_message = page.locator(".msg--coach").last.get_attribute("id")
    page.get_by_role("textbox", name="Votre message").fill("aide")
    page.keyboard.press("Enter")
    wait_turn(page, "Vous pouvez cliquer sur une réponse")
    expect(drafts).to_have_count(1)  # later turns do not repeat it
    expect(page.locator(f"#{end_message}").get_by_role("group", name=DRAFT)).to_have_count(1)
    expect(drafts.first).to_match_aria_snapshot(f"""
- group "{DRAFT}":
  - heading "{DRAFT}" [level=4]
  - list:
    - /children: equal
    - listitem:
      - link "{LINKS[0]}"
    - listitem:
      - link "{LINKS[1]}"
    - listitem:
      - link "{LINKS[2]}"
""")
    page.get_by_role("button", name="Plus d’options").click()
    expect(drafts).to_have_count(2)
    in_options = page.locator("#options").get_by_role("group", name=DRAFT)
    expect(in_options.get_by_role("heading", level=2)).to_have_text(DRAFT)
    cid = page.evaluate("localStorage.getItem('coach-cop.conversation')")
    base = f"{site.coach}/api/v1/conversations/{cid}/document?format="
    for fmt, name in zip(("html", "docx", "odt"), LINKS, strict=True):
        for link in (in_options.get_by_role("link", name=name, exact=True),
                     page.locator(f"#{end_message}").get_by_role("link", name=name)):
            assert link.get_attribute("href") == base + fmt
    assert in_options.get_by_role("link", name=LINKS[0]).get_attribute("target") == "_blank"
    assert_axe_clean(page, "liens du brouillon : fin d'étape et options")
    shot(page, "brouillon-liens", full_page=True)

    with page.expect_download() as download:
        in_options.get_by_role("link", name=LINKS[1]).click()
    assert download.value.suggested_filename == "feuille-de-route-charte.docx"
    odt = page.request.get(base + "odt")
    assert odt.status == 200
    assert odt.headers["content-type"] == "application/vnd.oasis.opendocument.text"

    with page.expect_popup() as popup_info:
        in_options.get_by_role("link", name=LINKS[0]).click()
    document = popup_info.value
    document.wait_for_load_state()
    assert page.request.get(base + "html").status == 200
    assert document.evaluate("document.documentElement.lang") == "fr"
    expect(document.get_by_role("heading", level=1)).to_have_count(1)
    expect(document.locator("main")).to_contain_text("pensée pour durer")  # the answer given
    assert_axe_clean(document, "brouillon HTML")
    shot(document, "brouillon-document")


def test_feedback_no_draft_and_privacy_in_the_widget(page: Page, site) -> None:
    page.add_init_script(RECORDER)
    open_widget(page, site, "coordination.html")
    widget = page.locator("#coach-cop-widget")
    widget.get_by_text(ADVICE).first.wait_for()
    group = widget.get_by_role("group", name=QUESTION)
    expect(group).to_have_count(1)
    with page.expect_request(lambda r: r.url.endswith("/avis")) as sent:
        press(group.get_by_role("button", name=NO))
    assert json.loads(sent.value.post_data or "{}")["utile"] is False
    expect(widget.get_by_text("Merci pour votre avis.")).to_be_visible()
    expect(group).to_have_count(0)
    page.wait_for_function("() => window.__annonces.some(a => a.text.includes('avis'))")
    page.wait_for_timeout(300)
    assert thanks_announced(page) == ["Merci pour votre avis."]
    focused = deep_active(page)
    assert focused["inWidget"] and focused["id"] == "saisie"

    privacy = widget.get_by_role("link", name=f"{PRIVACY} (nouvelle fenêtre)")
    expect(privacy).to_be_attached()
    assert privacy.get_attribute("href") == f"{site.coach}/confidentialite"
    assert privacy.get_attribute("target") == "_blank"

    widget.get_by_role("button", name="Elle a une fin prévue").click()
    wait_turn(page, SUMMARY)
    drafts = widget.get_by_role("group", name=DRAFT)
    expect(drafts).to_have_count(1)
    expect(drafts.get_by_role("heading", level=4)).to_have_text(DRAFT)  # panel h2, messages h3
    cid = page.evaluate("localStorage.getItem('coach-cop.conversation')")
    assert drafts.get_by_role("link", name=LINKS[1]).get_attribute("href") == (
        f"{site.coach}/api/v1/conversations/{cid}/document?format=docx")
    widget.get_by_role("button", name="Plus d’options").click()
    expect(drafts).to_have_count(2)
    expect(widget.locator("#options").get_by_role("heading", name=DRAFT, level=3)).to_be_visible()
    privacy.scroll_into_view_if_needed()
    expect(privacy).to_be_visible()
    assert_axe_clean(page, "widget : avis donné, brouillon, options ouvertes")
    shot(page, "widget-avis-brouillon")


def test_privacy_notice_is_linked_from_the_client(page: Page, site) -> None:
    open_client(page, site)
    link = page.get_by_role("link", name=PRIVACY, exact=True)
    expect(link).to_be_visible()
    with page.expect_navigation() as navigation:
        link.click()
    assert navigation.value.status == 200
    assert page.url == site.coach + "/confidentialite"
    expect(page.get_by_role("heading", level=1)).to_have_text(PRIVACY)


def _counts(page: Page, site, name: str, flow: str) -> int:
    answer = page.request.get(f"{site.coach}/admin/export.csv",
                              headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    assert answer.status == 200
    rows = csv.DictReader(io.StringIO(answer.text().lstrip("\ufeff")))
    return sum(int(r["nombre"]) for r in rows if r["compteur"] == name and r["parcours"] == flow)


def test_pages_without_javascript_link_the_draft_and_privacy_and_are_counted(
        new_context, site) -> None:
    page = new_context(java_script_enabled=False).new_page()
    started, answered = _counts(page, site, "conversation", "initier"), _counts(
        page, site, "choix", "initier")
    page.goto(site.coach + "/sans-js")
    expect(page.get_by_role("link", name=PRIVACY)).to_have_attribute("href", "/confidentialite")
    page.get_by_role("radio", name="Initier une CoP").check()
    page.get_by_role("button", name="Commencer ce parcours").click()
    drafts = page.get_by_role("group", name=DRAFT)
    expect(drafts).to_have_count(1)  # at the bottom of every conversation page
    page.get_by_role("button", name="Elle doit durer").click()
    expect(drafts).to_have_count(2)  # and under the summary's last message
    page.get_by_role("button", name="Terminer l'étape").click()
    expect(page.get_by_text(END)).to_be_visible()
    expect(drafts).to_have_count(2)
    last = page.locator(".msg--coach").last
    expect(last.get_by_role("group", name=DRAFT)).to_have_count(1)
    html = last.get_by_role("link", name=LINKS[0])
    assert html.get_attribute("target") == "_blank"
    assert re.search(r"/api/v1/conversations/[\w-]+/document\?format=html$",
                     html.get_attribute("href") or "")
    expect(page.get_by_role("link", name=PRIVACY)).to_be_visible()
    shot(page, "sans-js-brouillon", full_page=True)
    with page.expect_popup() as popup_info:
        html.click()
    expect(popup_info.value.get_by_role("heading", level=1)).to_have_count(1)
    # The observer counts these conversations and turns like the JSON API's.
    assert _counts(page, site, "conversation", "initier") == started + 1
    assert _counts(page, site, "choix", "initier") == answered + 2


def test_parents_are_never_offered_the_draft(page: Page, site) -> None:
    open_client(page, site)
    page.get_by_role("button", name="Je suis un parent ou un proche aidant").click()
    wait_turn(page, "Voulez-vous savoir")
    page.get_by_role("button", name="Plus d’options").click()
    expect(page.get_by_role("group", name=DRAFT)).to_have_count(0)  # the server says so
    expect(page.get_by_role("link", name=LINKS[1])).to_have_count(0)
