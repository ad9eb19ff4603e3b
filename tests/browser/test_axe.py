"""axe-core (WCAG 2.0/2.1/2.2 A and AA + best practices): no violation at all, in many states."""

from __future__ import annotations

from navigateur import assert_axe_clean, open_client, open_widget, shot, wait_turn
from playwright.sync_api import Page, expect

PARENT = "Je suis un parent ou un proche aidant"


def test_axe_client_states(page: Page, site) -> None:
    open_client(page, site)
    assert_axe_clean(page, "client vide")
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, "Voulez-vous savoir")
    page.get_by_role("button", name="Plus d’options").click()
    assert_axe_clean(page, "réponses proposées, options ouvertes")
    page.get_by_role("button", name="Oui, dites-m'en plus").click()
    wait_turn(page, "Comment aimeriez-vous participer ?")
    page.get_by_role("textbox", name="Votre message").fill("Observer d'abord")
    page.keyboard.press("Enter")
    wait_turn(page, "Votre place est importante")
    assert_axe_clean(page, "après trois tours, nœud de fin")
    page.get_by_role("button", name="Facile à lire").click()
    expect(page.get_by_role("button", name="Facile à lire")).to_have_attribute(
        "aria-pressed", "true")
    assert_axe_clean(page, "facile à lire")
    page.get_by_role("button", name="Lire la dernière réponse").click()
    assert_axe_clean(page, "focus sur la dernière réponse")
    page.get_by_role("button", name="Supprimer ma conversation").click()
    # In easy-to-read (switched on above), the confirmation too (coach/api/interface.yaml).
    expect(page.get_by_role("dialog", name="Effacer toute votre conversation ?")).to_be_visible()
    assert_axe_clean(page, "confirmation ouverte")


def test_axe_error_state(page: Page, site) -> None:
    open_client(page, site)
    page.route("**/turns", lambda route: route.abort("connectionreset"))
    page.get_by_role("textbox", name="Votre message").fill("Bonjour")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Le coach ne répond pas")
    assert_axe_clean(page, "erreur affichée")


def test_axe_preferences_of_the_person(new_context, site) -> None:
    for name, media in (("contraste forcé", {"forced_colors": "active"}),
                        ("mode sombre", {"color_scheme": "dark"}),
                        ("mouvement réduit", {"reduced_motion": "reduce"})):
        page = new_context(**media).new_page()
        open_client(page, site)
        page.get_by_role("button", name=PARENT).click()
        wait_turn(page, "Voulez-vous savoir")
        assert_axe_clean(page, name)
        if name == "mode sombre":
            open_widget(page, site)
            assert_axe_clean(page, "widget ouvert, mode sombre")


def test_axe_widget_on_a_partner_page_of_another_origin(page: Page, site) -> None:
    page.goto(site.partner + "/index.html")
    page.get_by_role("button", name="Besoin d’aide ? Tchat avec le coach").wait_for()
    assert_axe_clean(page, "widget fermé (page partenaire)")
    open_widget(page, site)
    assert_axe_clean(page, "widget ouvert (non modal)")
    page.get_by_role("button", name="Oui, dites-m'en plus").click()
    wait_turn(page, "Comment aimeriez-vous participer ?")
    page.get_by_role("button", name="Plus d’options").click()
    assert_axe_clean(page, "widget après un tour, options ouvertes")
    shot(page, "widget-options")


def test_axe_full_screen_widget(new_context, site) -> None:
    for width, height in ((375, 667), (320, 256)):
        page = new_context(viewport={"width": width, "height": height}).new_page()
        open_widget(page, site)
        assert_axe_clean(page, f"widget plein écran {width} × {height}")


def test_axe_pages_without_javascript(page: Page, site) -> None:
    """The server-rendered pages hold no script: axe (which needs JavaScript to run) checks
    them in an ordinary context; test_nojs.py walks them with JavaScript disabled."""
    page.goto(site.coach + "/sans-js")
    assert_axe_clean(page, "sans JavaScript : départ")
    page.get_by_role("button", name="Commencer la conversation").click()
    page.get_by_role("button", name=PARENT).click()
    assert_axe_clean(page, "sans JavaScript : conversation")
    page.get_by_role("button", name="Envoyer le message au coach").click()
    expect(page.get_by_role("alert")).to_contain_text("Le message est vide")
    assert_axe_clean(page, "sans JavaScript : erreur")
    page.get_by_role("link", name="Imprimer la conversation").click()
    assert_axe_clean(page, "sans JavaScript : transcription")
