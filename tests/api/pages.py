"""Pressing a choice on the pages without JavaScript, as a browser without scripts does."""

from __future__ import annotations

import re


async def press(client, path: str, choice: str) -> str:
    """Post the form of `choice` (it must be offered), follow the redirection, and return
    the new page with its French non-breaking spaces read as plain spaces."""
    page = (await client.get(path)).text
    assert f'value="{choice}"' in page, choice
    key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
    response = await client.post(path, data={"choix": choice, "cle": key})
    assert response.status_code == 303
    page = (await client.get(path)).text
    return page.replace("\u00a0", " ").replace("\u202f", " ")
