"""The links the pages without JavaScript make in the coach's words (`linked`): the shared
table tests/data/links.yaml, which the client's JavaScript runs too
(tests/browser/test_liens.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from coach.api.pages.conversation import linked

CASES = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "links.yaml")
                       .read_text(encoding="utf-8"))
ANCHOR = re.compile(r'<a href="([^"]*)">(.*?)</a>')


def links_of(markup: str) -> list[list[str]]:
    # A link's text without its <wbr> (where a long address may break).
    return [[html.unescape(re.sub(r"<[^>]+>", "", text)), html.unescape(href)]
            for href, text in ANCHOR.findall(markup)]


def test_every_link_is_a_44_px_target_kept_with_its_punctuation() -> None:
    """The pages without JavaScript had bare links (21 px high); the client put only phone
    numbers and e-mails in a `.joignable` box, not a community's site."""
    markup = linked("Site : https://visio.example.org/inscription. Ou 01 99 00 00 01.")
    assert markup.count('<span class="joignable') == 2
    assert ('<span class="joignable site"><a href="https://visio.example.org/inscription">'
            'https://<wbr>visio.example.org/<wbr>inscription</a>.</span>') in markup
    assert '<a href="tel:0199000001">01 99 00 00 01</a>.</span>' in markup


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_linked_follows_the_shared_table(case: dict[str, object]) -> None:
    markup = linked(str(case["text"]))
    assert links_of(markup) == case["links"]
    # Nothing lost or added around the links.
    assert html.unescape(re.sub(r"<[^>]+>", "", markup)) == case["text"]
