"""`coach lint`: graph checks, content-map coverage and the FALC gate, as one report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coach.api.interface import interface_texts
from coach.content.checks import coverage
from coach.content.falc_gate import falc_gate
from coach.content.issues import Issue
from coach.content.loader import read_content
from coach.content.model import Content
from coach.drafts.template import load_template
from coach.drafts.texts import document_texts
from coach.readings.results import summarise


def readings_figures(content: Content) -> dict[str, dict[str, Any]]:
    """Per flow, what readers said (coach/readings): texts read, not understood, hard words."""
    summary = summarise(content, Path(content.directory))
    return {flow_id: {"falc_texts": f.falc_texts, "read": f.read,
                      "not_understood": f.not_understood, "stale": f.stale,
                      "hard_words": sorted(f.hard_words)}
            for flow_id, f in summary.items()}


def lint(directory: Path | None = None, with_falc: bool = True) -> dict[str, Any]:
    content, issues = read_content(directory)
    report: dict[str, Any] = {"flows": 0, "nodes": 0, "messages": 0,
                              "coverage": {"covered": [], "missing": []}}
    if content is not None:
        report["content_version"] = content.version
        report["flows"] = len(content.flows)
        report["nodes"] = sum(len(f.nodes) for f in content.flows.values())
        report["messages"] = sum(len(n.messages) for _f, n in content.iter_nodes())
        report["coverage"] = coverage(content)
        for section in report["coverage"]["missing"]:
            issues.append(Issue("source/non-couverte", "error", "dialogues/sections.yaml",
                                f"la section « {section} » n’est la source d’aucun nœud",
                                "ajoutez « source: " + section + " » au nœud qui en parle"))
        report["readings"] = readings_figures(content)
        issues.extend(draft_issues(content))
        if with_falc:
            falc_issues, figures = falc_gate(content, document_texts() + interface_texts())
            issues.extend(falc_issues)
            report["falc"] = figures
    report["errors"] = [i.to_dict() for i in issues if i.severity == "error"]
    report["warnings"] = [i.to_dict() for i in issues if i.severity == "warning"]
    report["issues"] = issues
    return report


def draft_issues(content: Content) -> list[Issue]:
    """`draft: true` on a journey's header and the draft's variables it sets go together:
    the header is what offers the draft (coach/drafts/brouillon.yaml reads the variables)."""
    variables = set(load_template().variables())
    issues = []
    for flow in content.flows.values():
        filled = sorted({name for node in flow.nodes.values() for choice in node.choices
                         for name in (*choice.set, *choice.add) if name in variables})
        if filled and not flow.header.draft:
            issues.append(Issue("brouillon/parcours-non-declare", "warning", flow.file,
                                f"le parcours « {flow.id} » remplit le brouillon"
                                f" ({', '.join(filled)}) mais ne le propose pas",
                                "ajoutez « draft: true » sous « flow: »", line=1))
        elif flow.header.draft and not filled:
            issues.append(Issue("brouillon/parcours-vide", "warning", flow.file,
                                f"le parcours « {flow.id} » propose le brouillon sans rien y"
                                " mettre",
                                "retirez « draft: true », ou faites définir par ses choix des"
                                " variables du brouillon (coach/drafts/brouillon.yaml)", line=1))
    return issues


def format_report(report: dict[str, Any]) -> str:
    lines = [issue.format() for issue in report["issues"]]
    cov = report["coverage"]
    total = len(cov["covered"]) + len(cov["missing"])
    lines.append("")
    lines.append(f"Contenu : {report['flows']} parcours, {report['nodes']} nœuds,"
                 f" {report['messages']} messages.")
    lines.append(f"Couverture de la carte du contenu : {len(cov['covered'])}/{total} sections.")
    if cov["missing"]:
        lines.append("Sections non couvertes : " + ", ".join(cov["missing"]))
    falc = report.get("falc")
    if falc:
        lines.append("FALC par parcours (messages, erreurs, avertissements, médiane Kandel–Moles,"
                     " médiane LIX, relus) :")
        for flow_id, s in falc["flows"].items():
            lines.append(f"  {flow_id} : {s['messages']} messages, {s['errors']} erreurs,"
                         f" {s['warnings']} avertissements, KM {s['median_kandel_moles']},"
                         f" LIX {s['median_lix']}, {s['reviewed']} relus par une personne")
        if falc.get("documents"):
            lines.append("FALC des documents à télécharger (textes, erreurs, avertissements) :")
            for group, s in falc["documents"].items():
                lines.append(f"  {group} : {s['messages']} textes avec leur version standard,"
                             f" {s['errors']} erreurs, {s['warnings']} avertissements")
        corpus = falc["corpus"]
        lines.append(f"  Ensemble : médiane Kandel–Moles {corpus['median_kandel_moles']}"
                     f" (≥ 75 attendu), médiane LIX {corpus['median_lix']} (≤ 45 attendu)")
    readings = report.get("readings")
    if readings:
        lines.append("Relectures par des groupes de lecture (textes FALC lus sur leur version"
                     " actuelle, pas compris, mots difficiles) :")
        for flow_id, r in readings.items():
            words = ", ".join(r["hard_words"]) or "aucun"
            stale = f" ; {r['stale']} résultat(s) périmé(s) (texte changé)" if r["stale"] else ""
            lines.append(f"  {flow_id} : {r['read']}/{r['falc_texts']} lus,"
                         f" {r['not_understood']} pas compris ; mots difficiles : {words}{stale}")
    lines.append(f"{len(report['errors'])} erreur(s), {len(report['warnings'])} avertissement(s).")
    return "\n".join(lines)
