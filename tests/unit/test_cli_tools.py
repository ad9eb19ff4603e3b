"""`coach lint --json` gives each problem its place and its anchor; `coach graph` writes
Mermaid, DOT and SVG files for every flow."""

from __future__ import annotations

import json
import shutil

from coach.authoring.places import anchor, place
from coach.cli import main
from tests.conftest import FIXTURE_DIALOGUES


def test_lint_json_links_each_problem_to_its_place(tmp_path, capsys):
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    demo = directory / "demo.yaml"
    demo.write_text(demo.read_text(encoding="utf-8").replace("target: resultat\n",
                                                             "target: resultta\n", 1),
                    encoding="utf-8")
    assert main(["lint", "--json", "--no-falc", "--dir", str(directory)]) == 1
    report = json.loads(capsys.readouterr().out)
    broken = next(i for i in report["errors"] if i["rule"] == "graphe/cible-inconnue")
    assert broken["place"] == f"dialogues/demo.yaml:{broken['line']}"
    assert broken["anchor"] == f"/authoring/parcours/demo#noeud-{broken['node']}"


def test_place_and_anchor_without_line_or_flow():
    issue = {"file": "dialogues/sections.yaml", "line": None, "node": None}
    assert place(issue) == "dialogues/sections.yaml"
    assert anchor(issue, {"dialogues/demo.yaml": "demo"}) is None


def test_graph_writes_every_flow_in_each_format(tmp_path):
    for fmt, suffix in (("dot", "dot"), ("mermaid", "mmd"), ("svg", "svg")):
        out = tmp_path / fmt
        assert main(["graph", "tous", "--format", fmt, "--out", str(out),
                     "--dir", str(FIXTURE_DIALOGUES)]) == 0
        assert sorted(p.name for p in out.iterdir()) == [f"autre.{suffix}", f"demo.{suffix}"]
    assert (tmp_path / "dot" / "demo.dot").read_text().startswith('digraph "demo"')
    picture = (tmp_path / "svg" / "demo.svg").read_text()
    assert 'role="img"' in picture and "<style>" in picture and "→ autre:debut" in picture
