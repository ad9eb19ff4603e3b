"""Pages without JavaScript: a toolbox place that presents a tool offers its blank file
(printable page, Word, OpenDocument), in the conversation's reading level, and the links work."""

from __future__ import annotations

import re

import pytest

from coach.content.loader import DEFAULT_DIRECTORY
from coach.settings import Settings
from tests.conftest import CONTACT

pytestmark = pytest.mark.anyio


@pytest.fixture
def settings(tmp_path) -> Settings:
    """The real dialogues (the conftest's app and client use these settings)."""
    return Settings(store_url=f"sqlite:///{tmp_path / 'coach.db'}", dialogues_dir=DEFAULT_DIRECTORY,
                    rate_limit_per_minute=0, _env_file=None, **CONTACT)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_charter_place_offers_its_blank_file(client, falc):
    fields = {"parcours": "outils"} | ({"falc": "1"} if falc else {})
    response = await client.post("/sans-js", data=fields)
    assert response.status_code == 303
    path = response.headers["location"].split("#")[0]
    page = (await client.get(path)).text
    assert "L’outil à remplir" not in page  # the toolbox's menu offers no file yet
    key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
    await client.post(path, data={"choix": "charte", "cle": key})
    page = (await client.get(path)).text
    title = "La charte de la CoP" if falc else "Charte de collaboration"
    assert f"L’outil à remplir : {title}" in page
    links = re.findall(r'href="(/api/v1/outils/charte\?[^"]+)"', page)
    assert len(links) == 3
    # Each link's name says the tool (hidden on screen), then the format.
    names = re.findall(r'href="/api/v1/outils/charte\?[^"]+"[^>]*>(.*?)</a>', page)
    assert names == [f'<span class="visually-hidden">{title} : </span>{fmt}' for fmt in
                     ("Voir pour imprimer (nouvelle fenêtre)", "Word (.docx)",
                      "OpenDocument (.odt)")]
    for link in links:
        link = link.replace("&amp;", "&")
        assert f"falc={'true' if falc else 'false'}" in link
        response = await client.get(link)
        assert response.status_code == 200 and response.content
