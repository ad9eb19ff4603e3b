"""Command line: ``falc check [--json | --sarif] [--config FILE] FILE… | -`` and ``falc rules``.

Exit status: 1 when an error is found, 0 otherwise, 2 when the command cannot run (bad
arguments, unreadable file, bad configuration). Messages are in French.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Sequence
from typing import TextIO

from falc import __version__
from falc.checker import Checker
from falc.config import ConfigError, load_config
from falc.corpus import boilerplate
from falc.findings import Report
from falc.rules import RULES
from falc.sarif import line_col, to_sarif

__all__ = ["main"]

SEVERITY_FR = {"error": "erreur", "warning": "avertissement", "info": "info"}
NOT_A_CERTIFICATE = (
    "Ce contrôle ne certifie pas qu'un texte est FALC : seule une relecture par les "
    "personnes concernées le peut."
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="falc",
        description="Vérifie les règles du FALC (facile à lire et à comprendre) "
        "qu'une machine peut vérifier.",
        epilog=NOT_A_CERTIFICATE,
    )
    parser.add_argument("--version", action="version", version=f"falc {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
    check = sub.add_parser(
        "check",
        help="vérifie un ou plusieurs textes",
        description="Vérifie un texte FALC et dit quoi corriger.",
        epilog=NOT_A_CERTIFICATE,
    )
    check.add_argument("files", nargs="+", metavar="FICHIER", help="fichier texte, ou - pour "
                       "l'entrée standard")
    fmt = check.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="résultat en JSON")
    fmt.add_argument("--sarif", action="store_true", help="résultat en SARIF 2.1.0")
    check.add_argument("--config", metavar="FICHIER",
                       help="falc.toml ou pyproject.toml à utiliser (sinon : recherche "
                       "depuis le dossier courant)")
    check.add_argument("--tiers", default="1,2,3", metavar="1,2,3",
                       help="niveaux à utiliser : 1 expressions régulières, 2 spaCy, "
                       "3 fréquence des mots (défaut : 1,2,3)")
    rules = sub.add_parser("rules", help="liste les règles")
    rules.add_argument("--json", action="store_true", help="liste en JSON")
    return parser


def _show_warning(message: Warning | str, *_args: object, **_kwargs: object) -> None:
    """Warnings (a tier not installed) as one plain line on standard error."""
    print(message, file=sys.stderr)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _plain(path: str, report: Report, out: TextIO) -> None:
    for f in report.findings:
        line, col = line_col(report.text, f.start)
        out.write(
            f"{path}:{line}:{col}: {SEVERITY_FR[f.severity]} {f.rule} {f.message} "
            f"→ {f.suggestion}\n"
        )
    s = report.scores
    counts = ", ".join(
        f"{report.count(sev)} {SEVERITY_FR[sev]}{'s' if report.count(sev) > 1 else ''}"
        for sev in ("error", "warning", "info")
    )
    out.write(
        f"{path}: {counts} ; Kandel–Moles {s['kandel_moles']:.1f}, LIX {s['lix']:.1f} "
        f"({s['words']:.0f} mots, {s['sentences']:.0f} phrases)\n"
    )


def _check(args: argparse.Namespace) -> int:
    try:
        tiers = tuple(int(t) for t in args.tiers.split(",") if t.strip())
    except ValueError:
        print(f"falc : --tiers attend des niveaux séparés par des virgules, pas « {args.tiers} ».",
              file=sys.stderr)
        return 2
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"falc : {exc}", file=sys.stderr)
        return 2
    texts = []
    for path in args.files:
        try:
            texts.append(_read(path))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"falc : impossible de lire « {path} » : {exc}", file=sys.stderr)
            return 2
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.showwarning = _show_warning
        reports = Checker(config, tiers=tiers).check_many(texts)
    if len(texts) > 1:  # several files are a corpus: FALC-DUP-001 (boilerplate)
        for index, finding in boilerplate(texts, config):
            report = reports[index]
            report.findings = sorted([*report.findings, finding],
                                     key=lambda f: (f.start, f.end, f.rule))
    names = ["-" if p == "-" else p for p in args.files]
    if args.json:
        if len(reports) == 1:
            payload = reports[0].to_dict()
        else:
            payload = {"files": [{"path": n, **r.to_dict()} for n, r in zip(names, reports,
                                                                                strict=True)]}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.sarif:
        json.dump(to_sarif(list(zip(names, reports, strict=True)), __version__), sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for name, report in zip(names, reports, strict=True):
            _plain(name, report, sys.stdout)
    return 1 if any(r.has_error for r in reports) else 0


def _rules(args: argparse.Namespace) -> int:
    if args.json:
        json.dump({k: {"severity": v[0], "description": v[1]} for k, v in RULES.items()},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for rule, (severity, description) in RULES.items():
            print(f"{rule:<14} {SEVERITY_FR[severity]:<13} {description}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``falc`` script."""
    args = _parser().parse_args(argv)
    if args.command == "check":
        return _check(args)
    return _rules(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
