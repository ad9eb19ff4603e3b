"""Which messages are advice (`conseils.yaml`): those get « Ce conseil vous aide-t-il ? ».

A message reference is "flow/node/index", the `ref` the API gives each message.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from coach.content.model import Content

ADVICE_FILE = Path(__file__).with_name("conseils.yaml")


def read_advice_rules(path: Path = ADVICE_FILE) -> tuple[frozenset[str], tuple[str, ...]]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return frozenset(data.get("speakers", [])), tuple(data.get("nodes", []))


def advice_refs(content: Content, path: Path = ADVICE_FILE) -> frozenset[str]:
    """The references of every advice message of this content."""
    speakers, nodes = read_advice_rules(path)
    listed = {tuple(item.split(":", 1)) for item in nodes}
    refs = set()
    for flow, node in content.iter_nodes():
        whole_node = (flow.id, node.id) in listed
        for index, message in enumerate(node.messages):
            if whole_node or message.speaker in speakers:
                refs.add(f"{flow.id}/{node.id}/{index}")
    return frozenset(refs)


def unknown_nodes(content: Content, path: Path = ADVICE_FILE) -> list[str]:
    """Listed nodes that the content does not have (an author renamed or removed them)."""
    _speakers, nodes = read_advice_rules(path)
    return [item for item in nodes
            if ":" not in item or not content.has_node(_node_ref(item))]


def _node_ref(place: str) -> tuple[str, str]:
    flow, _colon, node = place.partition(":")
    return flow, node
