"""FALC-SENT-001: difficulties that pile up in one sentence; FALC-SENT-002: in one
paragraph.

A trained reviewer sends back a sentence that is hard for several reasons at once, even
when each reason alone is only worth a warning: a formal word, an abstract noun, a
passive, a negation, a second idea… Length counts as one difficulty among the others (a
sentence of more than ``difficulty_sentence_words``, 15 words by default), never more: a
short sentence can be hard too. A rule switched off in the configuration does not count.

Ordinary French spreads its difficulties over short sentences too (« Votre dossier est
incomplet. À défaut, votre demande sera rejetée. »): FALC-SENT-002 counts the different
kinds of difficulty of a whole paragraph, length left out. Measured on the hand-written
sets: no FALC paragraph has 3 kinds, 4 standard paragraphs in 10 have 3 or more; among
the 561 FALC messages of more than 8 words of the dialogues, 1 had 4.
"""

from __future__ import annotations

from falc.analysis import Analysis
from falc.findings import Finding
from falc.tokenize import Unit

#: Rules whose warnings (or errors) count as one difficulty of the sentence each.
SIGNALS = frozenset(
    {"FALC-LEN-001", "FALC-IDEA-001", "FALC-IDEA-002", "FALC-IDEA-003", "FALC-NEG-001",
     "FALC-PASS-001", "FALC-MOOD-001", "FALC-MOOD-002", "FALC-ADDR-003", "FALC-CHAR-002",
     "FALC-LEX-001",
     "FALC-LEX-003", "FALC-LEX-004", "FALC-LEX-005", "FALC-LEX-007", "FALC-LEX-008",
     "FALC-JARG-001", "FALC-CONN-001", "FALC-LEX-011", "FALC-STY-003"}
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
    "FALC-CONN-001": "un mot de liaison de l'écrit",
    "FALC-LEX-011": "une formule de l'écrit", "FALC-STY-003": "un pronom de reprise",
}


def _one_per_word(findings: list[Finding]) -> list[Finding]:
    """A connector is also a formal word (« néanmoins »: FALC-CONN-001 and FALC-LEX-003):
    one difficulty, not two."""
    connectors = {(f.start, f.end) for f in findings if f.rule == "FALC-CONN-001"}
    return [f for f in findings
            if not (f.rule == "FALC-LEX-003" and (f.start, f.end) in connectors)]


def sent_001(a: Analysis, findings: list[Finding]) -> list[Finding]:
    """An error per sentence with at least ``thresholds.difficulties_error`` different
    difficulties (warnings or errors of :data:`SIGNALS`)."""
    limit = a.config.thresholds.difficulties_error
    long_sentence = a.config.thresholds.difficulty_sentence_words
    signals = {r for r in SIGNALS if a.config.severity_override(r) != "off"}
    findings = _one_per_word(findings)
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


def sent_002(a: Analysis, findings: list[Finding]) -> list[Finding]:
    """An error per paragraph with at least ``thresholds.paragraph_difficulties_error``
    different kinds of difficulty (warnings or errors of :data:`SIGNALS`, length left
    out) — at least half its number of sentences for a paragraph of more than 6 —
    unless FALC-SENT-001 already sends back one of its sentences."""
    limit = a.config.thresholds.paragraph_difficulties_error
    signals = {r for r in SIGNALS if a.config.severity_override(r) != "off"} - {"FALC-LEN-001"}
    findings = _one_per_word(findings)
    paragraphs: dict[int, list[Unit]] = {}
    for unit in a.units:
        paragraphs.setdefault(unit.paragraph, []).append(unit)
    out = []
    for units in paragraphs.values():
        start, end = units[0].start, units[-1].end
        inside = [f for f in findings if start <= f.start < end]
        if any(f.rule == "FALC-SENT-001" for f in inside):
            continue
        rules = {f.rule for f in inside if f.rule in signals and f.severity in ("warning", "error")}
        # a long paragraph may meet more kinds: one more for every 2 sentences beyond 6
        if len(rules) < max(limit, -(-len(units) // 2)):
            continue
        listed = ", ".join(_NAMES[r] for r in sorted(rules))
        out.append(a.finding(
            "FALC-SENT-002", start, end,
            f"Paragraphe difficile : {len(rules)} sortes de difficultés ({listed}), "
            "même si chaque phrase est courte.",
            "Reprenez le paragraphe : une idée par phrase, des mots de tous les jours, la "
            "voix active, des phrases positives.",
        ))
    return out
