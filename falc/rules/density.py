"""FALC-SENT-001: difficulties that pile up in one sentence.

A trained reviewer sends back a sentence that is hard for several reasons at once, even
when each reason alone is only worth a warning: a formal word, an abstract noun, a
passive, a negation, a second idea… Length counts as one difficulty among the others (a
sentence of more than ``difficulty_sentence_words``, 15 words by default), never more: a
short sentence can be hard too. A rule switched off in the configuration does not count.
"""

from __future__ import annotations

from falc.analysis import Analysis
from falc.findings import Finding

#: Rules whose warnings (or errors) count as one difficulty of the sentence each.
SIGNALS = frozenset(
    {"FALC-LEN-001", "FALC-IDEA-001", "FALC-IDEA-002", "FALC-IDEA-003", "FALC-NEG-001",
     "FALC-PASS-001", "FALC-MOOD-001", "FALC-MOOD-002", "FALC-ADDR-003", "FALC-CHAR-002",
     "FALC-LEX-001",
     "FALC-LEX-003", "FALC-LEX-004", "FALC-LEX-005", "FALC-LEX-007", "FALC-LEX-008",
     "FALC-JARG-001"}
)
_NAMES = {
    "FALC-LEN-001": "une phrase longue",
    "FALC-IDEA-001": "plusieurs idées", "FALC-IDEA-002": "beaucoup de virgules",
    "FALC-IDEA-003": "un mot de liaison compliqué", "FALC-NEG-001": "une négation",
    "FALC-PASS-001": "une voix passive", "FALC-MOOD-001": "un subjonctif",
    "FALC-MOOD-002": "un conditionnel", "FALC-ADDR-003": "une tournure impersonnelle",
    "FALC-CHAR-002": "des parenthèses ou une incise", "FALC-LEX-001": "un mot rare",
    "FALC-LEX-003": "un mot soutenu", "FALC-LEX-004": "un mot inconnu",
    "FALC-LEX-005": "un mot anglais", "FALC-LEX-007": "des noms abstraits",
    "FALC-LEX-008": "une expression imagée", "FALC-JARG-001": "un mot de spécialiste",
}


def sent_001(a: Analysis, findings: list[Finding]) -> list[Finding]:
    """An error per sentence with at least ``thresholds.difficulties_error`` different
    difficulties (warnings or errors of :data:`SIGNALS`)."""
    limit = a.config.thresholds.difficulties_error
    long_sentence = a.config.thresholds.difficulty_sentence_words
    signals = {r for r in SIGNALS if a.config.severity_override(r) != "off"}
    out = []
    for unit in a.units:
        rules = {f.rule for f in findings
                 if f.rule in signals and f.severity in ("warning", "error")
                 and unit.start <= f.start < unit.end}
        if "FALC-LEN-001" in rules and len(a.unit_words[unit.index]) <= long_sentence:
            rules.discard("FALC-LEN-001")  # a project's stricter warning is only a nudge
        if len(rules) < limit:
            continue
        listed = ", ".join(_NAMES[r] for r in sorted(rules))
        out.append(a.finding(
            "FALC-SENT-001", unit.start, unit.end,
            f"Phrase difficile : {len(rules)} difficultés s'accumulent ({listed}).",
            "Réécrivez la phrase : une seule idée, des mots de tous les jours, la voix active "
            "et une phrase positive.",
        ))
    return out
