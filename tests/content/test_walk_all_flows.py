"""Walk the real dialogues: every node reachable by buttons (checked through the API),
both texts present everywhere, no dead end; and `coach lint --json` is clean."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import deque

import httpx
import pytest

from coach.api.app import create_app
from coach.communities import Communities, Community
from coach.engine.engine import ChoiceInput, Engine, TextInput
from coach.settings import Settings
from tests.conftest import CONTACT
from tests.content.playing import CONTENT

# Each node is expanded with at most this many different sets of variables (guards may
# show other choices for other variables); enough to reach everything, bounded on cycles.
EXPANSIONS_PER_NODE = 4

ENGINE = Engine(CONTENT, CONTACT)  # with the contact, for « Parler à une personne »
# The same with a directory of communities (COACH_ANNUAIRE): some buttons only make sense
# with one (« Que demander, et à qui ? » when a place can be looked up), others without.
WITH_DIRECTORY = Engine(CONTENT, CONTACT, Communities([Community(
    name="Communauté fictive", everywhere=True, join="Inscription sur le site.",
    website="https://example.org/inscription")]))


def explore() -> tuple[dict[tuple[str, str], tuple[str, list[str]]], set, set, set]:
    """Breadth-first over (node, variables): the shortest button path to every node where
    the person answers; also every node passed through (automatic routes)."""
    paths: dict[tuple[str, str], tuple[str, list[str]]] = {}
    passed: set[tuple[str, str]] = set()
    edges_seen: set[tuple[str, str, str]] = set()
    expanded: dict[tuple[bool, str, str], set] = {}
    queue = deque()
    for engine in (ENGINE, WITH_DIRECTORY):
        for flow_id in CONTENT.flows:
            queue.append((flow_id, engine.start(flow_id), [], engine))
    while queue:
        origin, step, path, engine = queue.popleft()
        record = step.record
        passed.update((e[1], e[2]) for e in record.transcript if e[0] == "content")
        variants = expanded.setdefault((engine is ENGINE, record.flow, record.node), set())
        key = tuple(sorted(record.vars.items()))
        if key in variants or len(variants) >= EXPANSIONS_PER_NODE:
            continue
        variants.add(key)
        paths.setdefault((record.flow, record.node), (origin, path))
        for choice in engine.available_choices(record):
            edges_seen.add((record.flow, record.node, choice.id))
            queue.append((origin, engine.play(record, ChoiceInput(choice.id)),
                          [*path, choice.id], engine))
    all_edges = {(f.id, n.id, c.id) for f in CONTENT.flows.values() for n in f.nodes.values()
                 for c in n.choices}
    return paths, passed, edges_seen, all_edges


def typed_detour_edges() -> set[tuple[str, str, str]]:
    """The choices of the detour that typing « mon brouillon » in a stage opens (the draft's
    summary, `draft_summary`): its « Revenir où j’en étais » is offered only in a detour,
    which no button opens. Walked by buttons until the detour ends."""
    seen: set[tuple[str, str, str]] = set()
    expanded: set[tuple[str, str, tuple]] = set()
    start = ENGINE.play(ENGINE.start("animer").record, TextInput("mon brouillon")).record
    assert start.calls, "« mon brouillon » typed in a stage opens a detour"
    queue = deque([start])
    while queue:
        record = queue.popleft()
        key = (record.flow, record.node, tuple(map(tuple, record.calls)))
        if not record.calls or key in expanded:
            continue
        expanded.add(key)
        for choice in ENGINE.available_choices(record):
            seen.add((record.flow, record.node, choice.id))
            queue.append(ENGINE.play(record, ChoiceInput(choice.id)).record)
    return seen


PATHS, PASSED, EDGES_SEEN, ALL_EDGES = explore()
EDGES_SEEN |= typed_detour_edges()


def test_every_node_is_reached_by_buttons():
    every = {(f.id, node_id) for f in CONTENT.flows.values() for node_id in f.nodes}
    assert every - set(PATHS) - PASSED == set()


def test_edge_coverage_is_reported_and_every_unguarded_edge_is_taken():
    unguarded = {(f.id, n.id, c.id) for f in CONTENT.flows.values() for n in f.nodes.values()
                 for c in n.choices if not c.when}
    print(f"edges covered: {len(EDGES_SEEN)}/{len(ALL_EDGES)}")
    assert unguarded - EDGES_SEEN == set()


def test_every_message_and_label_has_both_texts():
    for flow in CONTENT.flows.values():
        for node in flow.nodes.values():
            for message in node.messages:
                assert message.text.strip() and message.falc.strip(), (flow.id, node.id)
            for choice in node.choices:
                assert choice.label.strip() and choice.label_falc.strip(), (flow.id, node.id)


def test_no_dead_end_and_every_track_has_an_end():
    for flow in CONTENT.flows.values():
        ends = [n for n in flow.nodes.values() if n.end]
        for node in flow.nodes.values():
            assert node.end or node.choices or node.next, (flow.id, node.id)
        reaches_end = any(n.end for n in flow.nodes.values()) or any(
            c.target.split(":")[0] != flow.id for n in flow.nodes.values() for c in n.choices)
        assert reaches_end, flow.id
        for end in ends:  # an end offers what to do next
            assert end.choices, (flow.id, end.id)


@pytest.mark.anyio
async def test_every_node_through_the_api(tmp_path):
    settings = Settings(store_url=f"sqlite:///{tmp_path}/walk.db", rate_limit_per_minute=0,
                        _env_file=None, **CONTACT)
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        for (flow_id, node_id), (origin, path) in sorted(PATHS.items()):
            for falc in (False, True):
                step = (await client.post("/api/v1/conversations",
                                          json={"flow": origin, "falc": falc})).json()
                for choice in path:
                    response = await client.post(
                        f"/api/v1/conversations/{step['id']}/turns", json={"choice": choice})
                    assert response.status_code == 200, (flow_id, node_id, response.text)
                    step = response.json()
                    assert all(m["text"].strip() for m in step["messages"])
                    assert step["choices"] or step["end"], (step["flow"], step["node"])
                assert (step["flow"], step["node"]) == (flow_id, node_id)
                await client.delete(f"/api/v1/conversations/{step['id']}")


def test_lint_json_is_clean_and_covers_the_content_map():
    result = subprocess.run([sys.executable, "-m", "coach.cli", "lint", "--json"],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    assert report["coverage"]["missing"] == []
    assert report["errors"] == [], report["errors"][:5]
    assert result.returncode == 0
    assert report["flows"] == len(CONTENT.flows)
    assert report["falc"]["corpus"]["median_kandel_moles"] >= 75
    assert report["falc"]["corpus"]["median_lix"] <= 35
