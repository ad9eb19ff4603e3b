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
    return [[html.unescape(text), html.unescape(href)] for href, text in ANCHOR.findall(markup)]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_linked_follows_the_shared_table(case: dict[str, object]) -> None:
    markup = linked(str(case["text"]))
    assert links_of(markup) == case["links"]
    # Nothing lost or added around the links.
    assert html.unescape(re.sub(r"<[^>]+>", "", markup)) == case["text"]
