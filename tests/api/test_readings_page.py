"""The authors' pages show what readers said: per flow on the index, per message on the
flow's page; readers' words are escaped."""

from __future__ import annotations

import shutil

import httpx
import pytest

from coach.api.app import create_app
from coach.content.loader import load_content
from coach.content.placeholders import text_hash
from coach.readings.booklet import reading_order
from coach.readings.results import ReadingResult, write_results
from tests.conftest import FIXTURE_DIALOGUES

pytestmark = pytest.mark.anyio
TOKEN = "jeton-des-auteurs-0123456789abcdef"


async def test_reader_results_on_the_authors_pages(settings, tmp_path):
    dialogues = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, dialogues)
    content = load_content(dialogues)
    flow_id = max(content.flows, key=lambda f: len(reading_order(content, f)))
    block = reading_order(content, flow_id)[0]
    write_results(dialogues, flow_id, [ReadingResult(
        ref=block.ref, source=text_hash(block.falc), by="Groupe <i>Lilas</i>",
        on="2026-12-01", status="pas compris", hard_words=["<script>mot</script>"])])
    settings.dialogues_dir = dialogues
    settings.admin_token = TOKEN
    app = create_app(settings)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        index = (await client.get("/authoring", headers=headers)).text
        assert "Relectures par des groupes de lecture" in index
        assert "&lt;script&gt;mot&lt;/script&gt;" in index and "<script>mot" not in index
        page = (await client.get(f"/authoring/parcours/{flow_id}", headers=headers)).text
        assert "Lecture (Groupe &lt;i&gt;Lilas&lt;/i&gt;, le 01/12/2026) : pas compris" in page
        assert "Pas encore lu par un groupe de lecture" in page
