"""The tool pages behind COACH_ADMIN_TOKEN (dashboard /admin, authors' pages /authoring):
refused without the token, axe-clean with it (WCAG 2.2 AA + best practices)."""

from __future__ import annotations

import re

from navigateur import ADMIN_TOKEN, assert_axe_clean, shot
from playwright.sync_api import Page, expect

PAGES = ("/admin", "/authoring", "/authoring/parcours/initier", "/authoring/parcours/accueil")


def test_tool_pages_refuse_without_the_token(page: Page, site) -> None:
    for path in (*PAGES, "/admin/export.csv"):
        for headers in ({"Accept": "text/html"}, {"Accept": "application/json"},
                        {"Authorization": "Bearer pas-le-bon-jeton"}):
            answer = page.request.get(site.coach + path, headers=headers)
            assert answer.status == 401, (path, headers, answer.status)
            assert "Bearer" in answer.headers.get("www-authenticate", "")
    # A browser gets the login form (401): accessible, and so is its error state.
    response = page.goto(site.coach + "/admin")
    assert response is not None and response.status == 401
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Connexion : le tableau de bord")
    assert_axe_clean(page, "connexion")
    page.get_by_label("Jeton d'administration").fill("pas-le-bon-jeton")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_contain_text("Ce jeton n’est pas le bon")
    assert_axe_clean(page, "connexion refusée")
    page.wait_for_timeout(1200)  # the back-off after refused tokens (1 s at most here)
    page.get_by_label("Jeton d'administration").fill(ADMIN_TOKEN)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord du coach")


def test_tool_pages_are_axe_clean_with_the_token(new_context, site) -> None:
    # Some figures first, so that the charts have bars: a conversation with advice feedback.
    status, step = site.api("POST", "conversations", {"flow": "initier"})
    assert status == 201
    advice = next(m["id"] for m in step["messages"] if m["feedback"])
    assert site.api("POST", f"conversations/{step['id']}/avis",
                    {"message": advice, "utile": True})[0] == 204
    site.api("POST", f"conversations/{step['id']}/turns", {"choice": "durable"})

    context = new_context()
    context.set_extra_http_headers({"Authorization": f"Bearer {ADMIN_TOKEN}"})
    page = context.new_page()
    for path in PAGES:
        response = page.goto(site.coach + path)
        assert response is not None and response.status == 200, path
        assert page.evaluate("document.documentElement.lang") == "fr"
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_axe_clean(page, path)
        shot(page, "outils" + path.replace("/", "-"), full_page=path == "/admin")
    expect(page.get_by_role("table").first).to_be_visible()
    # Once the FALC analysis is done (a background thread), its findings are shown too.
    page.goto(site.coach + "/authoring/parcours/accueil")
    for _ in range(60):
        if "est faite" in (page.get_by_role("status").first.text_content() or ""):
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(page.get_by_role("status").first).to_have_text(re.compile("est faite"))
    assert_axe_clean(page, "auteurs : constats FALC")
    shot(page, "outils-authoring-constats")
