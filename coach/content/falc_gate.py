"""Run the FALC checker (`falc`, a library of its own) over every FALC text of the dialogues.

Errors fail `coach lint`; warnings are counted. A message may suppress a rule only
with a written reason (`suppress: [{rule, reason}]`, enforced by the schema).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.content.issues import Issue
from coach.content.model import Content
from coach.content.placeholders import PLACEHOLDER

if TYPE_CHECKING:
    from coach.drafts.texts import DocumentText
    from falc import Checker

# Stand-ins for placeholders while checking: a number for variables, words for the contact.
_SAMPLE = {"contact_nom": "Marie", "contact_telephone": "01 23 45 67 89",
           "contact_horaires": "de 9 h à 17 h", "contact_courriel": "contact@exemple.fr"}


def _sample(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: _SAMPLE.get(m.group(1), "3"), text)


@dataclass
class FlowStats:
    messages: int = 0
    errors: int = 0
    warnings: int = 0
    reviewed: int = 0
    kandel_moles: list[float] = field(default_factory=list)
    lix: list[float] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def median(values: list[float]) -> float | None:
            return round(statistics.median(values), 1) if values else None

        return {"messages": self.messages, "errors": self.errors, "warnings": self.warnings,
                "reviewed": self.reviewed, "median_kandel_moles": median(self.kandel_moles),
                "median_lix": median(self.lix)}


@dataclass
class _Item:
    flow: str
    node: str
    where: str
    falc: str
    standard: str | None
    suppressed: frozenset[str]
    line: int | None
    file: str
    in_node: bool = True  # False for a document's text: *node* is then its place alone


def _items(content: Content) -> list[_Item]:
    items = []
    for flow in content.flows.values():
        for node in flow.nodes.values():
            line = flow.node_lines.get(node.id)
            for index, message in enumerate(node.messages, start=1):
                if message.falc.strip():
                    items.append(_Item(flow.id, node.id, f"message {index}", message.falc,
                                       message.text, frozenset(s.rule for s in message.suppress),
                                       line, flow.file))
            for choice in node.choices:
                if choice.label_falc.strip():
                    items.append(_Item(flow.id, node.id, f"choix « {choice.id} »",
                                       choice.label_falc, None, frozenset(), line, flow.file))
    return items


def _following_counts(items: list[_Item]) -> list[int]:
    """For each text, how many texts of the same node come after it (the next bubbles and
    the choices): an enumeration announced in one bubble is often given in the next ones."""
    counts = []
    for i, item in enumerate(items):
        n = 0
        for other in items[i + 1 :]:
            if (other.flow, other.node) != (item.flow, item.node):
                break
            n += 1
        counts.append(n if item.standard is not None else -1)
    return counts


def _given_in_next_bubbles(finding: Any, following: int) -> bool:
    """FALC-ENUM-001 « announced, not given » when enough texts of the node follow (a
    choice label announcing « les 4 étapes » leads to them: *following* is then -1)."""
    if following < 0 and finding.rule == "FALC-ENUM-001":
        return True
    if finding.rule != "FALC-ENUM-001" or "ne les donne pas" not in finding.message:
        return False
    announced = int(next((w for w in finding.message.split() if w.strip("«»").isdigit()), "0"))
    return following >= announced > 0


def reader_hard_words(content: Content) -> list[str]:
    from coach.readings.results import hard_words, summarise

    return list(hard_words(summarise(content, Path(content.directory))))


def _checker(content: Content) -> Checker:
    """The checker with this project's configuration, the dialogues' glossary and the words
    readers found hard: one judgement for every FALC text, chat or document."""
    from falc import Checker, load_config

    config = load_config(start_dir=str(Path(content.directory).parent))
    # The dialogues' own glossary counts as explained terms, like falc.toml's.
    config.add_glossary({entry.term: entry.falc.splitlines()[0] for entry in content.glossary})
    # Words that readers found hard (coach relecture import) join this project's lexicon.
    config.jargon.update({word: "un mot que des lecteurs ont trouvé difficile : dites-le"
                                " avec des mots courants ou expliquez-le"
                          for word in reader_hard_words(content) if word not in config.jargon})
    return Checker(config)


def _document_items(documents: Sequence[DocumentText]) -> list[_Item]:
    # Each document text is its own « node »: an enumeration announced in it must be given
    # in it (an advice is judged with its list), not somewhere later in the document.
    return [_Item(d.group, f"{d.file}:{d.where}", d.where, d.falc, d.standard, frozenset(),
                  d.line, d.file, in_node=False) for d in documents]


def _judge(checker: Checker, items: list[_Item], stats: dict[str, FlowStats],
           repeated: dict[int, list[Any]], message_reports: list[Any] | None) -> list[Issue]:
    """The issues of these texts: each text alone, its pair, and *repeated* (corpus)."""
    reports = checker.check_many([_sample(item.falc) for item in items])
    # FALC-PAIR-002 for every message in one batch: spaCy tags, once, only the standard
    # sentences whose proper nouns depend on it (one call per message took 5 s).
    pairs = [(item, item.standard) for item in items if item.standard is not None]
    lost = checker.check_pairs([(_sample(standard), _sample(item.falc))
                                for item, standard in pairs])
    pair_findings = {id(item): found for (item, _), found in zip(pairs, lost, strict=True)}
    following = _following_counts(items)
    issues: list[Issue] = []
    for position, (item, report) in enumerate(zip(items, reports, strict=True)):
        flow_stats = stats.setdefault(item.flow, FlowStats())
        findings = [f for f in report.findings + repeated.get(position, [])
                    if f.rule not in item.suppressed
                    and not _given_in_next_bubbles(f, following[position])]
        if item.standard is not None:
            flow_stats.messages += 1
            if message_reports is not None:
                message_reports.append(report)
            flow_stats.kandel_moles.append(report.scores["kandel_moles"])
            flow_stats.lix.append(report.scores["lix"])
            findings += [f for f in pair_findings[id(item)] if f.rule not in item.suppressed]
        sample = _sample(item.falc)
        for finding in findings:
            if finding.severity not in ("error", "warning"):
                continue
            excerpt = sample[finding.start:finding.end].strip() if finding.end else ""
            if finding.rule.startswith("FALC-PAIR") and item.standard is not None:
                excerpt = ""
            if finding.severity == "error":
                flow_stats.errors += 1
            else:
                flow_stats.warnings += 1
            quoted = f" « {excerpt} »" if excerpt else ""
            issues.append(Issue(finding.rule, finding.severity, item.file,
                                f"{item.where} (FALC){quoted} : {finding.message}",
                                finding.suggestion or "réécrivez ce passage plus simplement",
                                node=item.node if item.in_node else None,
                                line=item.line))
    return issues


def check_documents(content: Content, documents: Sequence[DocumentText],
                    checker: Checker | None = None) -> tuple[list[Issue], dict[str, Any]]:
    """FALC issues of the downloadable documents' texts (the draft, the blank tools), judged
    like the dialogues' texts; figures per document group."""
    checker = checker or _checker(content)
    stats: dict[str, FlowStats] = {}
    issues = _judge(checker, _document_items(documents), stats, {}, None)
    return issues, {group: s.to_dict() for group, s in stats.items()}


def falc_gate(content: Content, documents: Sequence[DocumentText] = ()
              ) -> tuple[list[Issue], dict[str, Any]]:
    """FALC issues for every text, and the per-flow and corpus figures of the report.
    *documents* (the draft's and the tools' texts) are judged with the same checker; they
    are left out of the corpus figures and of FALC-DUP-001, which are about the chat."""
    from falc.corpus import boilerplate
    from falc.readability import corpus_gate

    checker = _checker(content)
    config = checker.config
    items = _items(content)
    # FALC-DUP-001 needs the whole corpus: the same sentence in many messages (choice
    # labels such as « Aller à l'étape 2 » repeat on purpose and are left out).
    messages = [i for i, item in enumerate(items) if item.standard is not None]
    repeated: dict[int, list[Any]] = {}
    for index, finding in boilerplate([_sample(items[i].falc) for i in messages], config):
        repeated.setdefault(messages[index], []).append(finding)
    stats: dict[str, FlowStats] = {flow_id: FlowStats() for flow_id in content.flows}
    message_reports: list[Any] = []
    issues = _judge(checker, items, stats, repeated, message_reports)
    for flow in content.flows.values():
        for node in flow.nodes.values():
            stats[flow.id].reviewed += sum(1 for m in node.messages if m.review is not None)
    for finding in corpus_gate(message_reports, config):
        if finding.severity == "info":  # the corpus gate says errors only
            continue
        issues.append(Issue(finding.rule, finding.severity, "dialogues", finding.message,
                            finding.suggestion or "simplifiez les textes FALC les plus difficiles"))
    all_km = [r.scores["kandel_moles"] for r in message_reports]
    all_lix = [r.scores["lix"] for r in message_reports]
    document_issues, document_figures = check_documents(content, documents, checker)
    issues.extend(document_issues)
    figures = {
        "flows": {flow_id: s.to_dict() for flow_id, s in stats.items()},
        "documents": document_figures,
        "corpus": {
            "median_kandel_moles": round(statistics.median(all_km), 1) if all_km else None,
            "median_lix": round(statistics.median(all_lix), 1) if all_lix else None,
        },
    }
    return issues, figures

