"""What a try-out with a mother on a small phone (her child has a rare epilepsy; she reads
with difficulty, taps, types as in a text message), an adult in easy-to-read who wants to
take part, and a partner's page with the widget, found on the real dialogues:

- in easy-to-read at 320 px, « Ce conseil vous aide-t-il ? » was cut after « aide-t- », its
  « il ? » alone on the next line: the easy-to-read question is « Ce conseil vous aide ? »
  (no inverted subject, nothing to cut), the standard one keeps its words together;
- the e-mail address of « Parler à une personne » was cut in the middle of a word
  (« accueil@association.exa » / « mple ») and its final full stop fell alone on a line:
  it breaks after its « @ » only, the full stop stays with it; the number and the address
  were 21 px high targets (25 px in easy-to-read), for the one thing a parent taps next:
  44 px;
- « Lire la dernière réponse » showed the reply's last bubble only (Jacques's fourth role),
  its first three above the screen, as if the reply were that bubble: it shows and focuses
  the reply's first message;
- with a weak connection, « Réessayer » tapped put the focus in the text field: the phone's
  keyboard opened and, when it failed again, covered the error and « Réessayer ». After a
  tap the field is left alone: the reply takes the focus, or « Réessayer » again; and the
  error said « Votre message est gardé » after a tapped answer: « Rien n’est perdu ».
"""

from __future__ import annotations

import pytest
from navigateur import (
    DEEP_ACTIVE,
    IDLE,
    TAP_HEIGHT,
    WIDGET_ROOT,
    open_client,
    shot,
    tap_and_wait,
    tap_widget_open,
    touch_phone,
)

# Where a line of the coach's words starts with what cannot start one: the rest of a word
# (a letter after a letter, after a hyphen: « aide-t- » / « il », or after an opening bracket:
# « ( » / « Hauts-de-France »), or a punctuation sign (« . » alone after an address, « ) »).
# Visible text only; a space before the break is a fair one.
CUTS = """root => {
  const cuts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const letter = c => /[\\p{L}\\p{N}]/u.test(c);
  let prev = null, node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || !parent.getClientRects().length || parent.closest('.visually-hidden')) {
      prev = null;
      continue;
    }
    for (let i = 0; i < node.data.length; i++) {
      const c = node.data[i];
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box || /\\s/.test(c)) { prev = /\\s/.test(c) ? null : prev; continue; }
      if (prev && box.top > prev.top + 2 && (
          (letter(c) && (letter(prev.c) || prev.c === '-' || prev.c === '('))
          || /[.,;:!?…»)]/.test(c))) {
        cuts.push(prev.text.slice(-12) + ' / ' + node.data.slice(i, i + 12));
      }
      prev = {c, top: box.top, text: (prev && prev.text || '') + c};
    }
  }
  return cuts;
}"""


@pytest.mark.parametrize(("width", "height"), [(320, 568), (375, 740)])
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_feedback_question_is_never_cut_inside_a_word(new_context, real_site, width: int,
                                                         height: int, falc: bool) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    tap_and_wait(page, page.locator(".choix button", has_text="parent").first)
    question = page.locator(".avis-question")
    assert question.count() == 1
    if falc:
        assert question.inner_text().replace("\u202f", " ") == "Ce conseil vous aide ?"
    # The largest text the options give, where lines are shortest.
    page.get_by_role("button", name="Plus d’options").tap()
    for _ in range(4):
        page.get_by_role("button", name="Plus grand").tap()
    page.get_by_role("button", name="Plus d’options").tap()
    question.scroll_into_view_if_needed()
    assert question.evaluate(CUTS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"essai-parent-avis-{width}-{'facile' if falc else 'standard'}")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_contact_s_address_breaks_after_its_at_sign_only(new_context, real_site,
                                                              falc: bool) -> None:
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    tap_and_wait(page, page.locator('.commande[data-choix="humain"]'))
    said = page.locator(".msg--coach").last
    address = said.get_by_role("link", name="accueil@association.example")
    assert address.get_attribute("href") == "mailto:accueil@association.example"
    assert said.locator(".bulle").evaluate(CUTS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    said.scroll_into_view_if_needed()
    shot(page, f"essai-parent-contact-{'facile' if falc else 'standard'}")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_read_the_last_reply_starts_at_its_first_bubble(new_context, real_site,
                                                        falc: bool) -> None:
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    for label in ("parent", "Quels rôles"):
        tap_and_wait(page, page.locator(".choix button", has_text=label).first)
    reply = page.locator(".msg--coach[data-ref^='familles/roles/']")
    assert reply.count() == 3
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
    page.locator(".lire-derniere").tap()
    page.wait_for_timeout(300)
    seen = page.evaluate("""() => {
        const a = document.activeElement, r = a.getBoundingClientRect(),
              sw = document.querySelector('.falc-bouton').getBoundingClientRect();
        return {ref: a.getAttribute('data-ref'), top: r.top, under: sw.bottom};
    }""")
    assert seen["ref"] == "familles/roles/0", seen
    assert seen["under"] - 1 <= seen["top"] <= seen["under"] + 30, seen
    shot(page, f"essai-parent-lire-la-derniere-{'facile' if falc else 'standard'}")




@pytest.mark.parametrize(("width", "height"), [(320, 568), (375, 740)])
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_contact_s_number_and_address_are_44_px_targets(new_context, real_site, width: int,
                                                            height: int, falc: bool) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    tap_and_wait(page, page.locator('.commande[data-choix="humain"]'))
    said = page.locator(".msg--coach").last
    said.scroll_into_view_if_needed()
    for name in ("01 23 45 67 89", "accueil@association.example"):
        link = said.get_by_role("link", name=name)
        link.scroll_into_view_if_needed()
        assert link.evaluate(TAP_HEIGHT) >= 44, name


@pytest.mark.parametrize("where", ["page", "widget"])
def test_retry_tapped_never_opens_the_phone_s_keyboard(new_context, real_site,
                                                       where: str) -> None:
    context = new_context(viewport={"width": 320, "height": 568}, is_mobile=True,
                          has_touch=True)
    page = context.new_page()
    if where == "page":
        open_client(page, real_site, "?falc=1")
        root, scope = "document", page.locator("body")
    else:
        scope = tap_widget_open(page, real_site, falc=True)
        root = WIDGET_ROOT
    page.wait_for_function(IDLE)
    before = scope.locator(".msg--coach").count()
    context.set_offline(True)
    scope.locator(".choix button").first.tap()
    retry = scope.get_by_role("button", name="Réessayer")
    retry.wait_for()
    # An answer was tapped, no message written: nothing speaks of « votre message ».
    said = scope.get_by_role("alert").inner_text()
    assert "Rien n’est perdu" in said and "message" not in said, said
    retry.tap()  # still offline: it fails again
    page.wait_for_function(f"() => {root}.querySelector('.reessayer:not([hidden])')"
                           f" && !{root}.querySelector('[aria-busy=true]')")
    page.wait_for_timeout(200)
    focused = page.evaluate(f"() => {{ const a = ({DEEP_ACTIVE})(); return a.className; }}")
    assert focused == "reessayer js-seul", focused  # not the field: no keyboard over it
    box = retry.bounding_box()
    assert box is not None and 0 <= box["y"] <= 568 + 1 - box["height"], box
    shot(page, f"essai-parent-reessayer-{where}")
    context.set_offline(False)
    retry.tap()
    page.wait_for_function(
        f"n => {root}.querySelectorAll('.msg--coach').length > n", arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)
    seen = page.evaluate(f"""() => {{ const a = ({DEEP_ACTIVE})(), r = a.getBoundingClientRect();
        return {{tag: a.tagName, cls: a.className, top: r.top}}; }}""")
    assert "msg--coach" in seen["cls"] and 0 <= seen["top"] <= 568 - 60, seen
