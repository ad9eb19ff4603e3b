"""Problems found in the dialogue files, phrased for the authors who must fix them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITY_FR = {"error": "erreur", "warning": "avertissement"}


@dataclass(frozen=True)
class Issue:
    """One problem: where it is (file, node, line), what is wrong and what to do."""

    rule: str
    severity: Severity
    file: str
    message: str
    fix: str
    node: str | None = None
    line: int | None = None

    def location(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return where + (f" (nœud « {self.node} »)" if self.node else "")

    def format(self) -> str:
        return (
            f"{self.location()} : {SEVERITY_FR[self.severity]} [{self.rule}] {self.message}"
            f"\n    → À faire : {self.fix}"
        )

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class ContentInvalid(Exception):
    """Raised when the dialogues cannot be served; carries every error found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        errors = [i for i in issues if i.severity == "error"]
        lines = "\n".join(i.format() for i in errors)
        super().__init__(f"Les dialogues contiennent {len(errors)} erreur(s) :\n{lines}")
