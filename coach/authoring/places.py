"""Where a lint problem is: `dialogues/initier.yaml:123`, and its anchor on the authors' page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coach.content.model import Content

AUTHORING = "/authoring"


def node_anchor(node: str) -> str:
    return f"noeud-{node}"


def flow_page(flow_id: str) -> str:
    return f"{AUTHORING}/parcours/{flow_id}"


def flows_by_file(content: Content | None) -> dict[str, str]:
    """`dialogues/initier.yaml` → `initier`."""
    if content is None:
        return {}
    return {flow.file: flow.id for flow in content.flows.values()}


def place(issue: Mapping[str, Any]) -> str:
    line = issue.get("line")
    return f"{issue['file']}:{line}" if line else str(issue["file"])


def anchor(issue: Mapping[str, Any], flow_of_file: Mapping[str, str]) -> str | None:
    """The authors' page of the flow, at the node when the problem names one."""
    flow_id = flow_of_file.get(str(issue.get("file")))
    if flow_id is None:
        return None
    node = issue.get("node")
    return flow_page(flow_id) + (f"#{node_anchor(str(node))}" if node else "")


def with_places(issues: list[dict[str, Any]], flow_of_file: Mapping[str, str]
                ) -> list[dict[str, Any]]:
    """The issues of `coach lint --json`, each with its `place` and its `anchor`."""
    return [{**issue, "place": place(issue), "anchor": anchor(issue, flow_of_file)}
            for issue in issues]
