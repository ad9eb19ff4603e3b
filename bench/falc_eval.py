"""Quality of the FALC checker on the hand-written evaluation sets (bench/data/falc_eval).

For the tuned, dev, dev2, dev3, blind and blind2 sets: the share of FALC paragraphs with no
error, the share of standard paragraphs with at least one error, broken down by rule, and the
same share with the sentence-length rule (FALC-LEN-001) switched off (it then feeds no other rule
either).
Each paragraph is checked as one text; the corpus-level boilerplate rule (FALC-DUP-001)
runs over each set as a corpus. Severities are the checker's own: the temporary [rules]
relaxations of the project's falc.toml are not applied; its glossary and thresholds are.

    python bench/falc_eval.py [--tiers 1,2,3] [--show falc|standard]
                              [--set tuned|dev|dev2|dev3|blind|blind2]...

dev2 and dev3 are shown like dev. The blind sets (blind, blind2) are never shown (--show
refuses them): they only say how the rules generalise.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "falc_eval"
LENGTH_RULE = "FALC-LEN-001"
SETS = ("tuned", "dev", "dev2", "dev3", "blind", "blind2")
BLIND_SETS = frozenset({"blind", "blind2"})
TARGETS = {"falc_clean": 0.85, "standard_flagged": 0.95, "standard_flagged_no_length": 0.85}


@dataclass
class SetFigures:
    name: str
    falc_total: int
    falc_clean: int
    falc_errors_by_rule: Counter[str]
    standard_total: int
    standard_flagged: int
    standard_flagged_no_length: int
    standard_errors_by_rule: Counter[str]


def load(name: str, kind: str) -> list[dict[str, str]]:
    path = DATA / name / f"{kind}.yaml"
    entries: list[dict[str, str]] = yaml.safe_load(path.read_text("utf-8"))
    return entries


def error_rules(checker: object, texts: list[str]) -> list[set[str]]:
    """For each text, the rules that raised an error (corpus rules included)."""
    from falc.checker import Checker
    from falc.corpus import boilerplate

    assert isinstance(checker, Checker)
    reports = checker.check_many(texts)
    rules = [{f.rule for f in r.findings if f.severity == "error"} for r in reports]
    for index, finding in boilerplate(texts, checker.config):
        if finding.severity == "error":
            rules[index].add(finding.rule)
    return rules


def measure(name: str, checker: object, no_length: object, show: str | None = None) -> SetFigures:
    """*no_length*: the same checker with FALC-LEN-001 switched off, so that length does
    not count either as one of the difficulties of FALC-SENT-001."""
    falc = load(name, "falc")
    standard = load(name, "standard")
    falc_rules = error_rules(checker, [e["text"] for e in falc])
    std_rules = error_rules(checker, [e["text"] for e in standard])
    std_no_length = error_rules(no_length, [e["text"] for e in standard])
    if show:
        entries, rules = (falc, falc_rules) if show == "falc" else (standard, std_rules)
        for entry, found in zip(entries, rules, strict=True):
            print(f"--- {entry['id']} {sorted(found)}\n{entry['text']}", file=sys.stderr)
    return SetFigures(
        name,
        len(falc),
        sum(1 for r in falc_rules if not r),
        Counter(rule for r in falc_rules for rule in r),
        len(standard),
        sum(1 for r in std_rules if r),
        sum(1 for r in std_no_length if r),
        Counter(rule for r in std_rules for rule in r),
    )


def pct(part: int, total: int) -> str:
    return f"{part}/{total} = {100 * part / total:.0f} %" if total else "n/a"


def print_figures(fig: SetFigures) -> None:
    print(f"{fig.name} set:")
    print(f"  FALC paragraphs with no error:         {pct(fig.falc_clean, fig.falc_total)}"
          f"  (target ≥ {TARGETS['falc_clean']:.0%})")
    flagged = pct(fig.standard_flagged, fig.standard_total)
    print(f"  standard paragraphs with ≥ 1 error:    {flagged}"
          f"  (target ≥ {TARGETS['standard_flagged']:.0%})")
    print(f"  … with {LENGTH_RULE} off:               "
          f"{pct(fig.standard_flagged_no_length, fig.standard_total)}"
          f"  (target ≥ {TARGETS['standard_flagged_no_length']:.0%})")
    print("  errors by rule (paragraphs):  rule            FALC  standard")
    for rule in sorted(set(fig.falc_errors_by_rule) | set(fig.standard_errors_by_rule)):
        print(f"                                {rule:<15} {fig.falc_errors_by_rule[rule]:>4}"
              f"  {fig.standard_errors_by_rule[rule]:>8}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiers", default="1,2,3")
    parser.add_argument("--show", choices=["falc", "standard"])
    parser.add_argument("--set", choices=list(SETS), action="append")
    args = parser.parse_args(argv)
    if args.show and BLIND_SETS & set(args.set or SETS):
        parser.error("--show is for tuned, dev, dev2 and dev3 only: name them with --set")
    sys.path.insert(0, str(ROOT))
    from falc import Checker, load_config

    config = load_config(start_dir=str(ROOT))
    # The checker's own severities: the project's temporary relaxations ([rules] of
    # falc.toml, while its texts are rewritten) are not what is measured here.
    config.rules.clear()
    tiers = tuple(int(t) for t in args.tiers.split(","))
    checker = Checker(config, tiers=tiers)
    no_length_config = copy.deepcopy(config)
    no_length_config.rules[LENGTH_RULE] = "off"
    no_length = Checker(no_length_config, tiers=tiers)
    for name in args.set or SETS:
        print_figures(measure(name, checker, no_length, args.show))


if __name__ == "__main__":
    main()
