"""SARIF 2.1.0 output: one result per finding, regions that point at the finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from falc import Checker, Config
from falc.cli import main
from falc.rules import RULES
from falc.sarif import line_col, to_sarif

TEXT = "Bonjour.\nVos parents & vos amis viennent.\nVenez le 14/05/2024, SVP.\n"


def _check_sarif(log: dict, texts: dict[str, str]) -> list[dict]:
    """Structural checks of the SARIF 2.1.0 fields code-scanning tools read."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "falc" and driver["version"]
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == list(RULES)
    for r in driver["rules"]:
        assert r["shortDescription"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for result in run["results"]:
        assert result["ruleId"] == rule_ids[result["ruleIndex"]]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        (loc,) = result["locations"]
        phys = loc["physicalLocation"]
        text = texts[phys["artifactLocation"]["uri"]]
        region = phys["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (
            region["startLine"], region["startColumn"]
        )
        start, length = region["charOffset"], region["charLength"]
        assert line_col(text, start) == (region["startLine"], region["startColumn"])
        assert line_col(text, start + length) == (region["endLine"], region["endColumn"])
    return run["results"]


def test_sarif_from_reports(default_config: Config) -> None:
    report = Checker(default_config, tiers=(1,)).check(TEXT)
    results = _check_sarif(to_sarif([("texte.txt", report)]), {"texte.txt": TEXT})
    assert len(results) == len(report.findings)
    amp = next(r for r in results if r["ruleId"] == "FALC-CHAR-001")
    region = amp["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 13, 14)
    assert amp["level"] == "error"
    assert {"FALC-NUM-005", "FALC-ABBR-001"} <= {r["ruleId"] for r in results}


def test_cli_sarif(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "texte.txt"
    path.write_text(TEXT, encoding="utf-8")
    code = main(["check", "--sarif", "--tiers", "1", str(path)])
    assert code == 1
    log = json.loads(capsys.readouterr().out)
    _check_sarif(log, {str(path): TEXT})


def test_line_col() -> None:
    assert line_col("ab\ncd", 0) == (1, 1)
    assert line_col("ab\ncd", 3) == (2, 1)
    assert line_col("ab\ncd", 5) == (2, 3)
