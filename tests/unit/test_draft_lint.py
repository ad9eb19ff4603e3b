"""`coach lint` checks that `draft: true` and the draft's variables go together."""

from __future__ import annotations

import shutil

from coach.lint import lint
from tests.conftest import FIXTURE_DIALOGUES


def _rules(directory):
    report = lint(directory, with_falc=False)
    return [(i.rule, i.severity) for i in report["issues"] if i.rule.startswith("brouillon/")]


def test_draft_header_and_draft_variables_go_together(tmp_path):
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    assert _rules(directory) == []
    demo = directory / "demo.yaml"
    text = demo.read_text(encoding="utf-8")
    demo.write_text(text.replace("  resume: [menu]\n", "  resume: [menu]\n  draft: true\n"),
                    encoding="utf-8")
    assert _rules(directory) == [("brouillon/parcours-vide", "warning")]
    demo.write_text(text.replace("set: {reponse: vrai}", "set: {reponse: vrai, duree: durable}"),
                    encoding="utf-8")
    assert _rules(directory) == [("brouillon/parcours-non-declare", "warning")]
