"""Messages that ask two things at once (tests/data/two_questions.yaml), played as one turn
through the engine: which of their two requests the coach answered, offered as a button,
or left out. Run as a script, it prints one line a message and the count fully handled:
`PYTHONPATH=. python -m tests.two_questions [--falc]`."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from coach.engine.engine import Engine, Step, TextInput
from tests.places import record_at

DATA = Path(__file__).parent / "data" / "two_questions.yaml"


def messages() -> list[dict[str, Any]]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["messages"]


@dataclass(frozen=True)
class Outcome:
    said: frozenset[str]  # the places whose messages the turn said
    offered: frozenset[str]  # the places its buttons lead to (not the step's own choices)
    step: Step

    def part(self, places: list[str]) -> str:
        """« said », « offered » or « left out », for one request of the message."""
        if any(_matches(p, self.said) for p in places):
            return "said"
        if any(_matches(p, self.offered) for p in places):
            return "offered"
        return "left out"


def _matches(wanted: str, found: frozenset[str]) -> bool:
    if wanted.startswith("glossaire:"):
        term = wanted.split(":", 1)[1]
        return any(f.startswith("glossaire:") and term in f.split(":", 1)[1].split("+")
                   for f in found)
    if wanted.startswith("reponse:"):
        return any(f == wanted or f.startswith(wanted + "-") for f in found)
    return wanted in found


def play(engine: Engine, entry: dict[str, Any], falc: bool = False) -> Outcome:
    persona = entry.get("persona")
    variables = {"persona": persona} if persona else {}
    record = record_at(engine, entry["at"], falc=falc, **variables)
    first = len(record.transcript)
    step = engine.play(record, TextInput(entry["text"]))
    said: set[str] = set()
    for item in step.record.transcript.since(first):
        if item[0] == "content":
            said.add(f"{item[1]}:{item[2]}")
        elif item[0] == "coach" and str(item[1]).startswith("reponse-"):
            said.add("reponse:" + str(item[1])[len("reponse-"):])
        elif item[0] == "glossary":
            said.add(f"glossaire:{item[1]}")
    offered = {key.removeprefix("choix:") for key in step.record.pending}
    offered |= {key for key in getattr(step.record, "also", [])}
    return Outcome(frozenset(said), frozenset(offered), step)


def handled(entry: dict[str, Any], outcome: Outcome) -> bool:
    """Both requests said or offered; a message whose second request the coach cannot
    understand (`one_only`) is handled when its first is, and nothing else is offered."""
    first, second = entry["parts"]
    if entry.get("one_only"):
        return outcome.part(first) != "left out" and not outcome.offered
    return outcome.part(first) != "left out" and outcome.part(second) != "left out"


def main() -> None:
    from coach.content.loader import load_content

    falc = "--falc" in sys.argv
    engine = Engine(load_content())
    entries = messages()
    count = 0
    for entry in entries:
        outcome = play(engine, entry, falc)
        ok = handled(entry, outcome)
        count += ok
        parts = " / ".join(outcome.part(p) if p else "-" for p in entry["parts"])
        print(f"{'OK ' if ok else 'NO '} {entry['id']:3} {parts:22} {entry['text']}"
              f"  → {sorted(outcome.said)} offered={sorted(outcome.offered)}")
    print(f"{count}/{len(entries)} fully handled")


if __name__ == "__main__":
    main()
