"""The links the client makes in the coach's words (web/coach.js, `avecLiens`), in Chromium:
the shared table tests/data/links.yaml, which the pages without JavaScript run too
(tests/unit/test_links.py). Through the client's own way of showing a message (`ajouter`,
on the page's conversation, `window.coachTchat`): nothing is exposed for the test."""

from __future__ import annotations

from pathlib import Path

import yaml
from navigateur import open_client
from playwright.sync_api import Page

CASES = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "links.yaml")
                       .read_text(encoding="utf-8"))
SHOW = """cases => cases.map((text, i) => {
    const li = window.coachTchat.ajouter({id: 'lien-' + i, role: 'bot',
        speaker: {name: 'Le coach'}, text: text, ref: 'test/liens/0'});
    const links = [...li.querySelectorAll('.texte a')].map(
        a => [a.textContent, a.getAttribute('href')]);
    li.remove();
    return {links};
})"""


def test_the_client_follows_the_shared_table(page: Page, site) -> None:
    open_client(page, site)
    seen = page.evaluate(SHOW, [c["text"] for c in CASES])
    wrong = [(case["text"], got["links"], case["links"]) for case, got in zip(CASES, seen,
                                                                               strict=True)
             if got["links"] != case["links"]]
    assert not wrong, "\n".join(f"{t!r}: {g} ≠ {e}" for t, g, e in wrong)
