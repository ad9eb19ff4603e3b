"""« Supprimer ma conversation » without JavaScript (tester, 4 December, evening): the
confirmation says that the coordinator's draft goes too when the conversation has one, and
the page after the deletion says it is done in the deleted conversation's language (it was
always in standard French). On the real dialogues and interface.yaml."""

from __future__ import annotations

import re

import pytest

from coach.api.interface import load_interface
from tests.api.turns import app_on_sqlite, client_of, page_text

pytestmark = pytest.mark.anyio

TEXTS = load_interface().texts


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return app_on_sqlite(tmp_path_factory.mktemp("deletion-said"))


@pytest.fixture
async def client(app):
    async with client_of(app) as http:
        yield http


def said(key: str, falc: bool) -> str:
    return " ".join(TEXTS[key].get(falc).split())


async def conversation(client, flow: str, falc: bool) -> str:
    data = {"parcours": flow, **({"falc": "1"} if falc else {})}
    started = await client.post("/sans-js", data=data)
    return started.headers["location"].split("#")[0]


def hidden_fields(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_page_after_the_deletion_speaks_the_conversation_s_language(client, falc):
    path = await conversation(client, "familles", falc)
    confirm = (await client.get(path + "/supprimer")).text
    words = page_text(confirm)
    assert said("supprimer-texte-sans-js", falc) in words
    assert "brouillon" not in words  # no draft in the families' journey
    fields = hidden_fields(confirm)
    assert fields == ({"falc": "1"} if falc else {})
    deleted = await client.post(path + "/supprimer", data=fields)
    assert deleted.status_code == 303
    after = "/sans-js?supprimee=1" + ("&falc=1" if falc else "")
    assert deleted.headers["location"] == after
    assert (await client.get(path)).status_code == 404
    page = (await client.get(after)).text
    notice = re.search(r'<p class="sans-js-avis" role="status">(.*?)</p>', page, re.S)
    assert notice, "the start page must say that the conversation is deleted"
    assert page_text(notice.group(1)) == said("supprimee-sans-js", falc)
    assert ("Le coach a effacé votre conversation." in page_text(page)) is falc
    assert ('class="page coach falc"' in page) is falc
    # A new conversation starts in the same language unless the person unticks the box.
    assert ('name="falc" value="1" checked>' in page) is falc


async def test_the_start_page_is_standard_without_a_deletion(client):
    page = (await client.get("/sans-js?falc=1")).text
    assert "sans-js-avis" not in page and 'class="page coach falc"' not in page


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_confirmation_says_the_draft_goes_too(client, falc):
    path = await conversation(client, "initier", falc)
    words = page_text((await client.get(path + "/supprimer")).text)
    assert said("supprimer-texte-brouillon-sans-js", falc) in words
    assert "brouillon de feuille de route et de charte" in words


def test_the_web_client_s_texts_say_it_too():
    assert "brouillon" in TEXTS["supprimer-texte-brouillon"].text
    assert "brouillon" in TEXTS["supprimer-texte-brouillon"].falc
    assert TEXTS["supprimee"].text.startswith("Votre conversation est supprimée.")
    assert TEXTS["supprimee"].falc.startswith("Le coach a effacé votre conversation.")
