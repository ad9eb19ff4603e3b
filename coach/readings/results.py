"""Reading results: what a group of readers said of each FALC text.

They live beside the content, one machine-written file per flow
(`<dialogues>/relectures/<flow>.yaml`), keyed by message (`flow/node/index`) and by the
hash of the FALC text that was read: when the text changes, its results no longer count
(as `falc_of` does for a FALC text written from a standard one). Authored files are never
rewritten by a tool.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coach.content.model import Content
from coach.content.placeholders import text_hash
from coach.content.schema import Message

DIRECTORY = "relectures"
UNDERSTOOD = "compris"
NOT_UNDERSTOOD = "pas compris"
Status = Literal["compris", "pas compris"]


class ReadingResult(BaseModel):
    """One message, read by one group on one day."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    ref: str = Field(pattern=r"^[\w-]+/[\w-]+/\d+$")
    source: str = Field(pattern=r"^[0-9a-f]{8}$")
    by: str = Field(min_length=1, max_length=200)
    on: dt.date
    status: Status
    hard_words: list[str] = []

    @field_validator("hard_words")
    @classmethod
    def _clean(cls, words: list[str]) -> list[str]:
        return sorted({w.strip().lower() for w in words if w.strip()})


class ResultsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    flow: str
    results: list[ReadingResult] = []


class SheetProblems(ValueError):
    """Lines that cannot be recorded, each said in French with its place."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def message_at(content: Content, ref: str) -> Message | None:
    flow_id, node_id, index = ref.split("/")
    flow = content.flows.get(flow_id)
    node = flow.nodes.get(node_id) if flow else None
    if node is None or not index.isdigit() or int(index) >= len(node.messages):
        return None
    return node.messages[int(index)]


def results_path(directory: Path, flow_id: str) -> Path:
    return directory / DIRECTORY / f"{flow_id}.yaml"


def read_results(directory: Path, flow_id: str) -> list[ReadingResult]:
    path = results_path(directory, flow_id)
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return ResultsFile.model_validate(data).results


def write_results(directory: Path, flow_id: str, results: list[ReadingResult]) -> Path:
    path = results_path(directory, flow_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"flow": flow_id,
            "results": [r.model_dump(mode="json") for r in results]}
    header = ("# Résultats des relectures avec des lecteurs (coach relecture import).\n"
              "# Fichier écrit par l’outil : ne le modifiez pas à la main.\n")
    path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                            width=100), encoding="utf-8")
    return path


# -- importing a filled sheet ------------------------------------------------------------
COLUMNS = ("reference", "groupe", "date", "statut", "mots_difficiles")
STATUSES = {"compris": UNDERSTOOD, "je comprends": UNDERSTOOD, "oui": UNDERSTOOD,
            "pas compris": NOT_UNDERSTOOD, "je ne comprends pas": NOT_UNDERSTOOD,
            "non": NOT_UNDERSTOOD}


def parse_sheet(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line, row) of a filled sheet: CSV (`,` or `;`) or YAML (a list of the same keys)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".yaml", ".yml"):
        rows = yaml.safe_load(text) or []
        if not isinstance(rows, list):
            raise SheetProblems([f"{path.name} : une liste de lignes est attendue."])
        return [(i, {str(k): "" if v is None else str(v) for k, v in row.items()})
                for i, row in enumerate(rows, start=1) if isinstance(row, dict)]
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    return [(reader.line_num, {k.strip(): (v or "").strip() for k, v in row.items() if k})
            for row in reader]


def results_from_sheet(content: Content, path: Path) -> list[ReadingResult]:
    """Every filled line as a result on the current FALC text; SheetProblems lists every
    line that cannot be recorded (nothing is recorded then)."""
    problems: list[str] = []
    found: list[ReadingResult] = []
    for line, row in parse_sheet(path):
        place = f"{path.name}, ligne {line}"
        missing = [c for c in COLUMNS[:4] if not row.get(c)]
        if missing:
            if not any(row.get(c) for c in COLUMNS[1:]):
                continue  # a message nobody filled in: not read
            problems.append(f"{place} : colonne(s) vide(s) : {', '.join(missing)}.")
            continue
        message = message_at(content, row["reference"]) if row["reference"].count("/") == 2 \
            else None
        if message is None or not message.falc:
            problems.append(f"{place} : la référence « {row['reference']} » ne désigne aucun"
                            " message FALC du contenu (copiez-la depuis le livret).")
            continue
        status = STATUSES.get(row["statut"].strip().lower())
        if status is None:
            problems.append(f"{place} : statut « {row['statut']} » inconnu : écrivez"
                            " « compris » ou « pas compris ».")
            continue
        words = [w for part in row.get("mots_difficiles", "").replace(";", ",").split(",")
                 for w in [part.strip()] if w]
        try:
            found.append(ReadingResult.model_validate({  # pydantic reads the date
                "ref": row["reference"], "source": text_hash(message.falc), "by": row["groupe"],
                "on": row["date"], "status": status, "hard_words": words}))
        except ValidationError:
            problems.append(f"{place} : date « {row['date']} » invalide : écrivez-la"
                            " AAAA-MM-JJ, par exemple 2026-12-01.")
    if problems:
        raise SheetProblems(problems)
    return found


def record(directory: Path, content: Content, results: list[ReadingResult]) -> list[Path]:
    """Add results to each flow's file (a result for the same message, group and day
    replaces the earlier one)."""
    written = []
    by_flow: dict[str, list[ReadingResult]] = {}
    for result in results:
        by_flow.setdefault(result.ref.split("/")[0], []).append(result)
    for flow_id, new in by_flow.items():
        kept = {(r.ref, r.by, r.on): r for r in read_results(directory, flow_id)}
        kept.update({(r.ref, r.by, r.on): r for r in new})
        written.append(write_results(directory, flow_id, sorted(
            kept.values(), key=lambda r: (r.ref, r.on, r.by))))
    return written


# -- what the results say ----------------------------------------------------------------
@dataclass
class FlowReadings:
    """Per flow: texts read (on their current version), not understood, hard words."""

    falc_texts: int = 0
    read: int = 0
    not_understood: int = 0
    stale: int = 0
    hard_words: dict[str, int] = field(default_factory=dict)
    by_ref: dict[str, list[ReadingResult]] = field(default_factory=dict)


def summarise(content: Content, directory: Path) -> dict[str, FlowReadings]:
    summary: dict[str, FlowReadings] = {}
    for flow_id, flow in content.flows.items():
        figures = summary[flow_id] = FlowReadings()
        figures.falc_texts = sum(1 for node in flow.nodes.values()
                                 for m in node.messages if m.falc)
        for result in read_results(directory, flow_id):
            message = message_at(content, result.ref)
            if message is None or text_hash(message.falc) != result.source:
                figures.stale += 1
                continue
            figures.by_ref.setdefault(result.ref, []).append(result)
            for word in result.hard_words:
                figures.hard_words[word] = figures.hard_words.get(word, 0) + 1
        for results in figures.by_ref.values():
            figures.read += 1
            latest = max(results, key=lambda r: r.on)
            figures.not_understood += latest.status == NOT_UNDERSTOOD
    return summary


def hard_words(summary: dict[str, FlowReadings]) -> Iterator[str]:
    """Every word readers found hard, once (they join the checker's lexicon)."""
    seen: set[str] = set()
    for figures in summary.values():
        for word in figures.hard_words:
            if word not in seen:
                seen.add(word)
                yield word
