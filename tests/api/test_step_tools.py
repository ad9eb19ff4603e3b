"""The step says which blank tools its place presents (`tools`), from the content (a node's
`tools:`), titled in the conversation's language; the files it points at download; every
tool is offered from the toolbox and from a stage; lint refuses an unknown tool."""

from __future__ import annotations

import pytest

from coach.content.loader import DEFAULT_DIRECTORY, read_content
from coach.drafts.forms import load_forms
from coach.settings import Settings
from tests.conftest import CONTACT

pytestmark = pytest.mark.anyio
STAGES = ("initier", "modeliser", "animer", "perenniser")


@pytest.fixture
def settings(tmp_path) -> Settings:
    """The real dialogues (the conftest's app and client use these settings)."""
    return Settings(store_url=f"sqlite:///{tmp_path / 'coach.db'}", dialogues_dir=DEFAULT_DIRECTORY,
                    rate_limit_per_minute=0, _env_file=None, **CONTACT)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_toolbox_place_of_a_tool_offers_its_files(client, falc):
    start = (await client.post("/api/v1/conversations",
                               json={"flow": "outils", "falc": falc})).json()
    assert start["tools"] == []  # the toolbox's menu presents no tool by itself
    step = (await client.post(f"/api/v1/conversations/{start['id']}/turns",
                              json={"choice": "charte"})).json()
    title = "La charte de la CoP" if falc else "Charte de collaboration"
    assert step["tools"] == [{"id": "charte", "title": title}]
    expected = {"html": "text/html", "docx": "application/vnd.openxmlformats",
                "odt": "application/vnd.oasis.opendocument.text"}
    for fmt, media in expected.items():
        answer = await client.get(f"/api/v1/outils/{step['tools'][0]['id']}",
                                  params={"format": fmt, "falc": str(falc).lower()})
        assert answer.status_code == 200, fmt
        assert answer.headers["content-type"].startswith(media)
        if fmt == "html":
            assert title in answer.text
    # Leaving the place: no tool any more; the language follows the conversation.
    step = (await client.post(f"/api/v1/conversations/{start['id']}/turns",
                              json={"choice": "autre-outil"})).json()
    assert step["tools"] == []


async def test_a_stage_place_offers_the_tool_it_talks_about(client):
    start = (await client.post("/api/v1/conversations", json={"flow": "initier"})).json()
    step = (await client.post(f"/api/v1/conversations/{start['id']}/turns",
                              json={"text": "que mettre dans la charte"})).json()
    assert (step["flow"], step["node"]) == ("initier", "charte")
    assert step["tools"] == [{"id": "charte", "title": "Charte de collaboration"}]
    patched = (await client.patch(f"/api/v1/conversations/{start['id']}",
                                  json={"falc": True})).json()
    assert patched["tools"] == [{"id": "charte", "title": "La charte de la CoP"}]


def test_every_tool_is_offered_from_the_toolbox_and_from_a_stage():
    content, _issues = read_content(DEFAULT_DIRECTORY)
    offered: dict[str, set[str]] = {tool: set() for tool in load_forms()}
    for flow in content.flows.values():
        for node in flow.nodes.values():
            for tool in node.tools:
                offered[tool].add(flow.id)
    for tool, flows in offered.items():
        assert "outils" in flows, tool
        assert flows & set(STAGES), tool


def test_lint_refuses_an_unknown_tool(tmp_path):
    for source in DEFAULT_DIRECTORY.glob("*.yaml"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"),
                                            encoding="utf-8")
    toolbox = tmp_path / "outils.yaml"
    text = toolbox.read_text(encoding="utf-8")
    assert "    tools: [charte]\n" in text
    toolbox.write_text(text.replace("    tools: [charte]\n", "    tools: [chartre]\n", 1),
                       encoding="utf-8")
    _content, issues = read_content(tmp_path)
    found = [i for i in issues if i.rule == "outil/inconnu"]
    assert [(i.severity, i.node) for i in found] == [("error", "charte")]
    assert "chartre" in found[0].message and "charte" in found[0].fix
