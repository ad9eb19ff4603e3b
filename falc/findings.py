"""What the checker returns: findings and reports (plain data, JSON-ready)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

__all__ = ["SEVERITIES", "Finding", "Report", "Severity", "max_severity"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
_RANK = {"info": 0, "warning": 1, "error": 2}


def max_severity(a: Severity, b: Severity) -> Severity:
    """The more serious of two severities."""
    return a if _RANK[a] >= _RANK[b] else b


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at an exact place: ``text[start:end]`` of the checked text.

    ``message`` says what is wrong and ``suggestion`` what to write instead, both in French
    for the author. For FALC-PAIR-002 the span points into the *standard* text (where the
    fact that the FALC text lost is written); for corpus-level findings it is ``0, 0``.
    """

    rule: str
    severity: Severity
    message: str
    suggestion: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of the stable interface: rule, severity, message, suggestion, start, end."""
        return asdict(self)

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)


@dataclass(slots=True)
class Report:
    """The result of checking one text: findings in text order, and readability scores.

    ``scores`` holds ``kandel_moles`` and ``lix`` (floats), ``words`` and ``sentences``
    (ints) as counted by :mod:`falc.tokenize`.
    """

    text: str
    findings: list[Finding] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def has_error(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def rules(self) -> set[str]:
        return {f.rule for f in self.findings}

    def without(self, rule_ids: Iterable[str]) -> Report:
        """A copy without the findings of *rule_ids* (for suppressions with a reason)."""
        drop = set(rule_ids)
        kept = [f for f in self.findings if f.rule not in drop]
        return Report(self.text, kept, dict(self.scores))

    def to_dict(self) -> dict[str, Any]:
        """``{"findings": [...], "scores": {"kandel_moles": float, "lix": float, ...}}``."""
        return {"findings": [f.to_dict() for f in self.findings], "scores": dict(self.scores)}
