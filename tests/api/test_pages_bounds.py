"""The pages without JavaScript and the conversation's bounds: a long conversation's page
shows its last part with a link to earlier messages; a full conversation says so and offers
a new one, the old one still readable."""

from __future__ import annotations

import re

import pytest

from coach.api.app import create_app

pytestmark = pytest.mark.anyio


@pytest.fixture
def app(settings):
    settings.max_turns = 70
    return create_app(settings)



async def conversation_with_turns(client, turns: int) -> str:
    started = await client.post("/sans-js", data={"parcours": "demo"})
    path = started.headers["location"].split("#")[0]
    for turn in range(turns):
        page = (await client.get(path)).text
        key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
        answer = await client.post(path, data={"texte": f"message numéro {turn}", "cle": key})
        if answer.status_code != 303:
            return path
    return path


async def test_a_long_conversation_page_shows_its_end_and_links_to_earlier(client):
    path = await conversation_with_turns(client, 60)
    page = (await client.get(path)).text
    items = re.findall(r'<span class="texte" id="texte-(m\d+)"', page)
    assert 0 < len(items) <= 100
    assert int(items[0][1:]) > 0  # not from the beginning
    assert "message numéro 59" in page and "message numéro 1<" not in page
    earlier = re.search(r'href="([^"]+\?depuis=\d+)">Voir les messages précédents', page)
    assert earlier, "a link to the earlier messages"
    before = (await client.get(earlier.group(1).replace("http://test", ""))).text
    assert "message numéro 10" in before or "message numéro 1<" in before
    printed = (await client.get(path + "/transcription")).text
    assert "Voir les messages précédents" in printed
    whole = (await client.get(path + "/transcription.txt")).text
    assert "message numéro 0" in whole and "message numéro 59" in whole


async def test_a_full_conversation_says_so_and_offers_a_new_one(client):
    path = await conversation_with_turns(client, 70)
    page = (await client.get(path)).text
    key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
    full = await client.post(path, data={"texte": "encore", "cle": key})
    assert full.status_code == 409
    assert "nouvelle conversation" in full.text
    assert f'href="{path}/transcription"' in full.text.replace("http://test", "")
    assert 'href="/sans-js">Commencer une nouvelle conversation' in full.text
    assert (await client.get(path)).status_code == 200  # still readable
