"""Pages without JavaScript: « Reprendre l’étape 1 » from the coordinator hub goes back to
the place reached in the stage, as with the client (the same engine plays both)."""

from __future__ import annotations

import pytest

from coach.content.loader import DEFAULT_DIRECTORY
from coach.settings import Settings
from tests.api.pages import press
from tests.conftest import CONTACT

pytestmark = pytest.mark.anyio


@pytest.fixture
def settings(tmp_path) -> Settings:
    """The real dialogues (the conftest's app and client use these settings)."""
    return Settings(store_url=f"sqlite:///{tmp_path / 'coach.db'}", dialogues_dir=DEFAULT_DIRECTORY,
                    rate_limit_per_minute=0, _env_file=None, **CONTACT)




async def test_resuming_stage_one_without_javascript(client):
    response = await client.post("/sans-js", data={"parcours": "coordinateur"})
    path = response.headers["location"].split("#")[0]
    for choice in ("etape-1", "continuer", "diagnostic", "deja"):
        page = await press(client, path, choice)
    assert "première rencontre d’échanges" in page  # initier:rencontre, a few nodes deep
    page = await press(client, path, "etapes")
    assert "Vous en étiez à l’étape 1 sur 4." in page
    before = page.count("première rencontre d’échanges")
    page = await press(client, path, "reprendre-1")
    assert page.count("première rencontre d’échanges") > before  # the same node, said again
    assert 'value="retours"' in page  # and its choices
