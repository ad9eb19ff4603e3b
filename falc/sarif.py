"""SARIF 2.1.0 output, for code-scanning tools (GitHub code scanning, GitLab, IDEs).

One result per finding, located by line and column (1-based, end column exclusive as
SARIF defines it) and by character offset; the rules of :data:`falc.rules.RULES` are
listed in ``tool.driver.rules``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from falc.findings import Report
from falc.rules import RULES

__all__ = ["SARIF_SCHEMA", "line_col", "to_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def to_sarif(files: Sequence[tuple[str, Report]], version: str = "0.1.0") -> dict[str, Any]:
    """A SARIF log with one run for *files*: pairs of (URI, report)."""
    rule_ids = list(RULES)
    index = {rule: i for i, rule in enumerate(rule_ids)}
    rules = [
        {
            "id": rule,
            "name": rule.replace("-", ""),
            "shortDescription": {"text": RULES[rule][1]},
            "defaultConfiguration": {"level": _LEVEL[RULES[rule][0]]},
            "help": {"text": f"Voir docs/falc.md, règle {rule}."},
        }
        for rule in rule_ids
    ]
    results = []
    for uri, report in files:
        text = report.text
        for f in report.findings:
            start_line, start_col = line_col(text, f.start)
            end_line, end_col = line_col(text, f.end)
            results.append(
                {
                    "ruleId": f.rule,
                    "ruleIndex": index[f.rule],
                    "level": _LEVEL[f.severity],
                    "message": {"text": f"{f.message} → {f.suggestion}"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri},
                                "region": {
                                    "startLine": start_line,
                                    "startColumn": start_col,
                                    "endLine": end_line,
                                    "endColumn": end_col,
                                    "charOffset": f.start,
                                    "charLength": f.end - f.start,
                                },
                            }
                        }
                    ],
                    "properties": {"suggestion": f.suggestion},
                }
            )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "falc",
                        "version": version,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
