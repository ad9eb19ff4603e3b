"""On the real dialogues: a place that presents a tool offers its blank files (printable
page, Word, OpenDocument) in the conversation's language, in the client and the widget, on a
phone; the text field's limit is the server's setting (COACH_MAX_TEXT_CHARS)."""

from __future__ import annotations

import zipfile

from navigateur import IDLE, REAL_MAX_TEXT_CHARS, assert_axe_clean, open_client, shot
from playwright.sync_api import Page, expect

CHARTER = "La charte de collaboration"


def phone(new_context) -> Page:  # type: ignore[no-untyped-def]
    return new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                       has_touch=True, accept_downloads=True).new_page()


def test_the_client_offers_the_blank_tool_and_downloads_it(new_context, real_site,
                                                           tmp_path) -> None:
    page = phone(new_context)
    open_client(page, real_site, "?parcours=outils")
    expect(page.locator(".outil-liens")).to_have_count(0)  # the toolbox's menu: none yet
    page.get_by_role("button", name=CHARTER).tap()
    page.wait_for_function(IDLE)
    group = page.get_by_role("group", name="L’outil à remplir : Charte de collaboration")
    expect(group).to_be_visible()
    # Under the reply's last message, with names that say the tool and the format.
    assert group.evaluate("g => g.closest('.msg--coach') === "
                          "[...document.querySelectorAll('.msg--coach')].pop()")
    word = group.get_by_role("link", name="Charte de collaboration : Word (.docx)")
    for fmt, name in (("html", "Voir pour imprimer (nouvelle fenêtre)"),
                      ("odt", "OpenDocument (.odt)"), ("docx", "Word (.docx)")):
        link = group.get_by_role("link", name=f"Charte de collaboration : {name}")
        assert link.get_attribute("href").endswith(
            f"/api/v1/outils/charte?format={fmt}&falc=false")
    with page.expect_download() as download:
        word.tap()
    assert download.value.suggested_filename == "charte-de-collaboration.docx"
    saved = tmp_path / "charte.docx"
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as docx:
        assert "Charte de collaboration" in docx.read("word/document.xml").decode("utf-8")
    assert_axe_clean(page, "outil à remplir", context=".coach")
    shot(page, "outil-vierge-client")

    # Easy-to-read: the whole conversation again, the tool in its FALC title and file.
    page.get_by_role("button", name="Facile à lire").tap()
    falc = page.get_by_role("group", name="L’outil à remplir : La charte de la CoP")
    expect(falc).to_be_visible()
    link = falc.get_by_role("link", name="La charte de la CoP : OpenDocument (.odt)")
    assert link.get_attribute("href").endswith("/api/v1/outils/charte?format=odt&falc=true")
    with page.expect_download() as download:
        link.tap()
    assert download.value.suggested_filename == "charte-de-collaboration-facile-a-lire.odt"


def test_the_widget_offers_the_blank_tool(new_context, real_site) -> None:
    page = phone(new_context)
    page.goto(real_site.partner + "/outils.html")
    page.get_by_role("button", name="Besoin d’aide ? Tchat avec le coach").tap()
    widget = page.locator("#coach-cop-widget")
    widget.locator(".messages .msg").first.wait_for()
    widget.get_by_role("button", name=CHARTER).tap()
    group = widget.get_by_role("group", name="L’outil à remplir : Charte de collaboration")
    expect(group).to_be_visible()
    link = group.get_by_role("link", name="Charte de collaboration : Word (.docx)")
    # On the coach's origin, not the partner's.
    assert link.get_attribute("href") == (
        real_site.coach + "/api/v1/outils/charte?format=docx&falc=false")
    with page.expect_download() as download:
        link.tap()
    assert download.value.suggested_filename == "charte-de-collaboration.docx"


def test_the_text_field_limit_is_the_servers_setting(new_context, real_site, site) -> None:
    page = phone(new_context)
    open_client(page, real_site)
    field = page.get_by_role("textbox", name="Votre message")
    assert field.get_attribute("maxlength") == str(REAL_MAX_TEXT_CHARS)
    field.focus()
    page.keyboard.insert_text("a" * (REAL_MAX_TEXT_CHARS + 50))
    assert len(field.input_value()) == REAL_MAX_TEXT_CHARS  # the browser keeps to it
    page.goto(real_site.partner + "/index.html")
    page.get_by_role("button", name="Besoin d’aide ? Tchat avec le coach").tap()
    widget_field = page.locator("#coach-cop-widget textarea")
    widget_field.wait_for()
    assert widget_field.get_attribute("maxlength") == str(REAL_MAX_TEXT_CHARS)
    # The default server keeps the default.
    open_client(page, site)
    assert page.locator("#saisie").get_attribute("maxlength") == "1000"


def test_the_draft_links_do_not_take_the_place_of_a_tool_in_the_history(new_context,
                                                                         real_site) -> None:
    """The tool links seen at the charter stay in the history when the stage's end places
    the draft's links (both groups are titled link groups; only the draft's moves)."""
    page = phone(new_context)
    open_client(page, real_site, "?parcours=initier")
    page.locator("#saisie").fill("que mettre dans la charte")
    page.keyboard.press("Enter")
    page.wait_for_function(IDLE)
    charter = page.get_by_role("group", name="L’outil à remplir : Charte de collaboration")
    expect(charter).to_have_count(1)
    for _ in range(2):
        page.locator('#choix [data-choix="continuer"]').tap()
        page.wait_for_function(IDLE)
    expect(page.locator(".msg--coach .brouillon-liens:not(.outil-liens)")).to_have_count(1)
    expect(charter).to_have_count(1)


def test_the_guide_downloaded_on_a_phone_names_roles_without_gender(new_context, real_site,
                                                                    tmp_path) -> None:
    """The ways to take part are named by their action in the Word file a phone downloads."""
    import docx

    page = phone(new_context)
    open_client(page, real_site, "?parcours=outils")
    page.get_by_role("button", name="Le guide de contribution").tap()
    page.wait_for_function(IDLE)
    group = page.get_by_role("group", name="L’outil à remplir : Guide de contribution")
    with page.expect_download() as download:
        group.get_by_role("link", name="Guide de contribution : Word (.docx)").tap()
    saved = tmp_path / "guide.docx"
    download.value.save_as(saved)
    cells = [cell.text for table in docx.Document(str(saved)).tables
             for row in table.rows for cell in row.cells]
    assert {"Observation", "Contribution ponctuelle", "Participation active"} <= set(cells)
    words = " ".join(cells + [p.text for p in docx.Document(str(saved)).paragraphs]).lower()
    assert "observateur" not in words and "contributeur ponctuel" not in words
