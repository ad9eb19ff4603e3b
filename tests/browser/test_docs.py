"""The API documentation renders in real Chromium under the site's CSP: every operation of
the OpenAPI 3.1 document is shown, nothing is refused by the policy."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page


def test_docs_render_every_operation_under_the_csp(page: Page, site) -> None:
    with urllib.request.urlopen(site.coach + "/openapi.json", timeout=5) as answer:
        spec = json.load(answer)
    assert spec["openapi"].startswith("3.1")
    operations = sum(len(methods) for methods in spec["paths"].values())
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(site.coach + "/docs")
    blocks = page.locator(".opblock")
    blocks.first.wait_for(timeout=15_000)
    assert page.locator("text=Unable to render this definition").count() == 0
    assert blocks.count() == operations
    assert refused == []
