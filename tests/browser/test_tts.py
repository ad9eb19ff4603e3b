"""« Écouter »: the Web Speech API with a stubbed `speechSynthesis` (headless has no voice)."""

from __future__ import annotations

from navigateur import open_client, shot
from playwright.sync_api import Page, expect

STUB = """
window.__parole = {dits: [], annule: 0};
const VOIX = %s;
class Enonce { constructor(text) { this.text = text; this.lang = ''; this.rate = 1;
                                   this.voice = null; this.onend = null; } }
window.SpeechSynthesisUtterance = Enonce;
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
  speaking: false, pending: false,
  getVoices: () => VOIX,
  speak(u) { window.__parole.dits.push({text: u.text, lang: u.lang, rate: u.rate,
                                        voice: u.voice && u.voice.name});
             window.__parole.dernier = u; this.speaking = true; },
  cancel() { window.__parole.annule += 1; this.speaking = false; },
  addEventListener() {}, removeEventListener() {},
}});
"""
VOICES = """[{name: 'English', lang: 'en-US', localService: true, default: true},
  {name: 'Français en ligne', lang: 'fr-FR', localService: false},
  {name: 'Québécois', lang: 'fr-CA', localService: true},
  {name: 'Thomas', lang: 'fr-FR', localService: true}]"""


def test_listen_uses_a_local_french_voice_and_can_be_stopped(page: Page, site) -> None:
    page.add_init_script(STUB % VOICES)
    open_client(page, site)
    listen = page.get_by_role("button", name="Écouter le message du coach").first
    expect(listen).to_be_visible()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__parole.dits") == []  # never automatic
    listen.click()
    spoken = page.evaluate("window.__parole.dits")
    assert [s["voice"] for s in spoken] == ["Thomas"] * len(spoken)
    assert all(s["lang"] == "fr-FR" and s["rate"] == 1 for s in spoken)
    assert [s["text"] for s in spoken] == [
        "Bonjour\u202f!", "Je suis le coach CoP.",
        "Je vous aide à comprendre et à faire vivre une communauté de pratique."]
    stop = page.get_by_role("button", name="Arrêter la lecture du message du coach")
    expect(stop).to_be_focused()
    shot(page, "ecouter-en-cours")
    stop.click()
    assert page.evaluate("window.__parole.annule") >= 1
    expect(page.get_by_role("button", name="Écouter le message du coach")).to_have_count(2)

    # The end of the last sentence gives the button back; one reading at a time.
    page.get_by_role("button", name="Écouter le message du coach").nth(1).click()
    page.evaluate("window.__parole.dernier.onend()")
    expect(page.get_by_role("button", name="Arrêter la lecture du message du coach")
           ).to_have_count(0)

    # Reading speed: remembered.
    page.get_by_role("button", name="Plus d’options").click()
    page.get_by_role("combobox", name="Vitesse de la lecture à voix haute").select_option("0.85")
    page.reload()
    page.get_by_role("button", name="Écouter le message du coach").first.click()
    assert page.evaluate("window.__parole.dits.at(-1).rate") == 0.85


def test_sentences_are_short_chunks(page: Page, site) -> None:
    page.add_init_script(STUB % VOICES)
    open_client(page, site)
    long_text = ("Une phrase très longue, avec beaucoup de virgules, qui continue encore, "
                 "et encore, sans jamais s'arrêter, " * 6) + "fin.\nDeuxième ligne"
    parts = page.evaluate("t => CoachCoP.phrases(t)", long_text)
    assert all(0 < len(p) <= 200 for p in parts)
    assert " ".join(parts).replace(" ", "") == (long_text.replace("\n", " ") + ".").replace(
        " ", "")


def test_no_french_voice_hides_listen(page: Page, site) -> None:
    page.add_init_script(STUB % "[{name: 'English', lang: 'en-US', localService: true}]")
    open_client(page, site)
    expect(page.locator(".tts")).to_have_count(2)
    expect(page.get_by_role("button", name="Écouter le message du coach")).to_have_count(0)
    page.get_by_role("button", name="Plus d’options").click()
    expect(page.get_by_role("combobox", name="Vitesse de la lecture à voix haute")).to_be_hidden()
