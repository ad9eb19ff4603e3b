"""The FALC findings of the content, computed once per process in the background.

The FALC gate takes seconds (spaCy, word frequencies): the authors' page must not wait
for it. The first visit starts the computation in a thread; until it is done the page
says so, and a reload shows the findings.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from coach.content.issues import Issue
from coach.content.model import Content

log = logging.getLogger("coach.authoring")
_MESSAGE = re.compile(r"^message (\d+) \(FALC\)")
_CHOICE = re.compile(r"^choix « ([^»]+) »")

PENDING, READY, FAILED = "en-cours", "pret", "erreur"
Compute = Callable[[Content], tuple[list[Issue], dict[str, Any]]]


def _falc_gate(content: Content) -> tuple[list[Issue], dict[str, Any]]:
    from coach.content.falc_gate import falc_gate

    return falc_gate(content)


class FalcFindings:
    def __init__(self, content: Content, compute: Compute = _falc_gate) -> None:
        self.content = content
        self.compute = compute
        self.status = PENDING
        self.issues: list[Issue] = []
        self._started = False
        self._lock = threading.Lock()
        self._done = threading.Event()

    def start(self) -> str:
        with self._lock:
            if not self._started:
                self._started = True
                threading.Thread(target=self._run, name="coach-falc", daemon=True).start()
        return self.status

    def wait(self, timeout: float | None = None) -> bool:
        self.start()
        return self._done.wait(timeout)

    def _run(self) -> None:
        try:
            issues, _figures = self.compute(self.content)
        except Exception as exc:  # the page says the analysis failed; lint gives details
            log.warning("FALC analysis failed: %s", type(exc).__name__)
            self.status = FAILED
        else:
            self.issues = issues
            self.status = READY
        self._done.set()

    def by_place(self) -> dict[tuple[str, str, str], list[Issue]]:
        """Findings by (file, node, "message N" index or "choix id")."""
        placed: dict[tuple[str, str, str], list[Issue]] = defaultdict(list)
        for issue in self.issues:
            message = _MESSAGE.match(issue.message)
            choice = _CHOICE.match(issue.message)
            if message:
                where = f"m{int(message.group(1)) - 1}"
            elif choice:
                where = f"c:{choice.group(1)}"
            else:
                where = ""
            placed[(issue.file, issue.node or "", where)].append(issue)
        return placed
