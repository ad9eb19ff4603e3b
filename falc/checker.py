"""The checker: runs every rule on a text and returns a report.

Tier 1 (pure Python) always runs; tier 2 (spaCy) and tier 3 (wordfreq) run when asked for
and installed, otherwise the checker says so once and goes on. The checker reports what
a machine can check; it never certifies a text as FALC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from falc import lexicon, nlp
from falc.analysis import Analysis, attach_docs, prepare, unit_texts
from falc.config import Config, load_config
from falc.findings import Finding, Report
from falc.pair import lost_facts, tag_for_names
from falc.readability import scores, stats_from_words
from falc.rules import PRIORITY, all_rules
from falc.rules.density import sent_001, sent_002

__all__ = ["Checker", "resolve_overlaps"]

_PRIORITY_RANK = {rule: i for i, rule in enumerate(PRIORITY)}


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per token: among overlapping findings of the rules in
    :data:`falc.rules.PRIORITY`, keep the highest priority (then the longest span).
    Exact duplicates go too. Other rules are kept as they are."""
    unique = list(dict.fromkeys(findings))
    ranked = [f for f in unique if f.rule in _PRIORITY_RANK]
    others = [f for f in unique if f.rule not in _PRIORITY_RANK]
    ranked.sort(key=lambda f: (_PRIORITY_RANK[f.rule], -(f.end - f.start), f.start))
    kept: list[Finding] = []
    for f in ranked:
        if any(f.start < k.end and k.start < f.end for k in kept):
            continue
        kept.append(f)
    return sorted([*kept, *others], key=lambda f: (f.start, f.end, f.rule))


class Checker:
    """Checks FALC texts against the rules documented in ``docs/falc.md``.

    >>> report = Checker(tiers=(1,)).check("Vous pouvez venir avec deux personnes.")
    >>> [f.rule for f in report.findings]
    ['FALC-NUM-001']

    *tiers*: which tiers to run; 1 always runs. Tier 2 (spaCy) and tier 3 (wordfreq) are
    skipped with one warning when not installed. The spaCy model loads on first use.
    """

    def __init__(self, config: Config | None = None, tiers: Sequence[int] = (1, 2, 3)) -> None:
        self.config = config if config is not None else load_config()
        self.tiers = frozenset(tiers) | {1}

    @property
    def uses_nlp(self) -> bool:
        """Tier 2 is asked for and available (loads the model)."""
        return 2 in self.tiers and nlp.get_nlp() is not None

    @property
    def uses_lexicon(self) -> bool:
        """Tier 3 is asked for and available."""
        return 3 in self.tiers and lexicon.available()

    def check(self, text: str) -> Report:
        """Check one text."""
        return self.check_many([text])[0]

    def check_many(self, texts: Sequence[str]) -> list[Report]:
        """Check several texts; spaCy parses all their sentences in one ``nlp.pipe``."""
        analyses = [prepare(t, self.config) for t in texts]
        if self.uses_nlp:
            batches = [unit_texts(a) for a in analyses]
            docs = nlp.parse([u for batch in batches for u in batch])
            pos = 0
            for a, batch in zip(analyses, batches, strict=True):
                attach_docs(a, docs[pos : pos + len(batch)])
                pos += len(batch)
        use_lexicon = self.uses_lexicon
        reports = []
        for a in analyses:
            a.tier3 = use_lexicon
            reports.append(self._run(a))
        return reports

    def _run(self, a: Analysis) -> Report:
        a.stats = stats_from_words(a.unit_words, a.verb_3pl())
        found: list[Finding] = []
        for rule in all_rules():
            found.extend(rule(a))
        found = resolve_overlaps(found)
        found += sent_001(a, found)
        found += sent_002(a, found)
        findings = []
        for f in found:
            override = self.config.severity_override(f.rule)
            if override == "off":
                continue
            findings.append(f.with_severity(override) if override else f)  # type: ignore[arg-type]
        return Report(a.text, findings, scores(a.stats))

    def check_pair(self, standard: str, falc: str) -> list[Finding]:
        """FALC-PAIR-002: facts of *standard* (numbers, dates, times, phones, URLs,
        e-mails, proper nouns) missing from *falc*. Spans point into *standard*."""
        return self.check_pairs([(standard, falc)])[0]

    def check_pairs(self, pairs: Sequence[tuple[str, str]]) -> list[list[Finding]]:
        """:meth:`check_pair` for many ``(standard, falc)`` pairs: spaCy tags, in one
        batch, only the standard sentences whose proper nouns depend on it."""
        override = self.config.severity_override("FALC-PAIR-002")
        if override == "off":
            return [[] for _ in pairs]
        standards = [prepare(standard, self.config) for standard, _ in pairs]
        if self.uses_nlp:
            tag_for_names(standards, nlp.tag)
        out = []
        for std, (_, falc) in zip(standards, pairs, strict=True):
            findings = lost_facts(std, falc, self.config)
            out.append([f.with_severity(override) if override else f for f in findings])  # type: ignore[arg-type]
        return out
