"""`coach serve | lint | graph | endroits | play | purge`: what operators and authors run."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from coach.communities import DirectoryError
from coach.content.issues import ContentInvalid


def _serve(args: argparse.Namespace) -> int:
    import uvicorn
    from pydantic import ValidationError

    from coach.api.timeouts import HEADER_TIMEOUT_ENV
    from coach.communities import load_communities
    from coach.content.loader import load_content
    from coach.settings import Settings

    try:
        settings = Settings()
    except ValidationError as exc:
        print(settings_errors(exc), file=sys.stderr)
        return 2
    load_content(settings.dialogues_dir)  # refuse to start on broken content, with the reasons
    # The HTTP protocol is built by uvicorn in each worker: it reads its deadline from here.
    os.environ[HEADER_TIMEOUT_ENV] = str(settings.header_timeout_seconds)
    load_communities(settings.annuaire)  # and on a broken directory of communities
    uvicorn.run("coach.api.app:app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level="info", access_log=False,
                http="coach.api.timeouts:HeaderDeadlineProtocol",
                proxy_headers=bool(settings.trusted_proxies),
                forwarded_allow_ips=forwarded_allow_ips(settings.trusted_proxies))
    return 0


def _dialogues_dir(given: str | None) -> Path | None:
    """--dir, else COACH_DIALOGUES_DIR (as `coach serve` reads it), else the default content."""
    chosen = given or os.environ.get("COACH_DIALOGUES_DIR")
    return Path(chosen) if chosen else None


def settings_errors(exc: Exception) -> str:
    """Pydantic's errors on the settings, as French lines naming the environment variable."""
    lines = ["Réglages invalides, le coach ne démarre pas :"]
    for error in getattr(exc, "errors", list)():
        name = "COACH_" + "_".join(str(part) for part in error["loc"]).upper()
        message = str(error["msg"]).removeprefix("Value error, ")
        lines.append(f"- {name} : {message}")
    return "\n".join(lines)


def forwarded_allow_ips(trusted_proxies: list[str]) -> str:
    """uvicorn believes X-Forwarded-For and X-Forwarded-Proto only from the trusted proxies
    (`COACH_TRUSTED_PROXIES`); by default from nobody (uvicorn alone would trust 127.0.0.1,
    so any local proxy passing the header along would let clients pick their address), and
    then `proxy_headers` is off too."""
    return ",".join(trusted_proxies)


def _lint(args: argparse.Namespace) -> int:
    from coach.lint import format_report, lint

    directory = _dialogues_dir(args.dir)
    report = lint(directory, with_falc=not args.no_falc)
    if args.json:
        from coach.authoring.places import with_places

        files = _flow_files(directory)
        printable = {k: v for k, v in report.items() if k != "issues"}
        printable["errors"] = with_places(printable["errors"], files)
        printable["warnings"] = with_places(printable["warnings"], files)
        print(json.dumps(printable, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 1 if report["errors"] else 0


def _flow_files(directory: Path | None) -> dict[str, str]:
    """`dialogues/initier.yaml` → `initier`, for the anchors of the authors' page."""
    from coach.authoring.places import flows_by_file
    from coach.content.loader import read_content

    content, _issues = read_content(directory)
    return flows_by_file(content)


def _svg(content, flow_id: str) -> str:
    """The authors' page picture of a flow, as a standalone SVG file."""
    from coach.authoring.diagram import svg

    flow = content.flows[flow_id]
    return svg(content, flow, f"Diagramme du parcours « {flow.header.title} »",
               f"{len(flow.nodes)} étapes, de gauche à droite depuis « {flow.header.start} ».",
               standalone=True)


def _destinations(args: argparse.Namespace) -> int:
    from coach.authoring.destinations import destinations
    from coach.content.loader import load_content

    print("\n".join(destinations(load_content(_dialogues_dir(args.dir)))))
    return 0


def _graph(args: argparse.Namespace) -> int:
    from coach.content.loader import load_content
    from coach.graph import dot, mermaid

    content = load_content(_dialogues_dir(args.dir))
    flows = list(content.flows) if args.flow in (None, "tous") else [args.flow]
    unknown = [f for f in flows if f not in content.flows]
    if unknown:
        print(f"Flux inconnu : {unknown[0]}. Flux possibles : {', '.join(content.flows)}",
              file=sys.stderr)
        return 2
    render = {"dot": dot, "svg": _svg}.get(args.format, mermaid)
    out_dir = Path(args.out) if args.out else None
    for flow_id in flows:
        text = render(content, flow_id)
        if out_dir:
            out_dir.mkdir(parents=True, exist_ok=True)
            suffix = {"dot": "dot", "svg": "svg"}.get(args.format, "mmd")
            (out_dir / f"{flow_id}.{suffix}").write_text(text, encoding="utf-8")
        else:
            print(text)
    return 0


def _play(args: argparse.Namespace) -> int:
    from coach.play import play_in_terminal

    return play_in_terminal(args.flow, args.falc, _dialogues_dir(args.dir))


def _purge(_args: argparse.Namespace) -> int:
    from coach.settings import Settings
    from coach.store.factory import open_store

    settings = Settings()
    store = open_store(settings.store_url, settings.retention_days)
    removed = store.purge_expired()
    counters = 0
    if hasattr(store, "purge_counts"):
        import time

        from coach.analytics.buffer import day_of

        cutoff = day_of(time.time() - settings.stats_retention_days * 86400)
        counters = store.purge_counts(cutoff)
    erased = store.erase_traces()
    store.close()
    print(f"{removed} conversation(s) expirée(s) supprimée(s)"
          f" (durée de conservation : {settings.retention_days} jours).")
    if not erased:
        print("Attention : les copies anciennes n’ont pas pu être effacées des fichiers du"
              " stockage (journal SQLite occupé, ou réécriture Redis refusée ou trop longue)."
              " Relancez « coach purge » dans quelques minutes.")
    print(f"{counters} compteur(s) anonyme(s) de plus de {settings.stats_retention_days} jours"
          " supprimé(s).")
    return 0


def _readings_export(args: argparse.Namespace) -> int:
    from coach.content.loader import load_content
    from coach.readings.booklet import blank_sheet, booklet_html, booklet_odt

    content = load_content(_dialogues_dir(args.dir))
    if args.flow not in content.flows:
        print(f"Parcours inconnu : {args.flow}. Parcours possibles :"
              f" {', '.join(content.flows)}", file=sys.stderr)
        return 2
    out = Path(args.out or f"livret-{args.flow}.{args.format}")
    if args.format == "odt":
        out.write_bytes(booklet_odt(content, args.flow))
    elif args.format == "csv":
        out.write_text(blank_sheet(content, args.flow), encoding="utf-8")
    else:
        out.write_text(booklet_html(content, args.flow), encoding="utf-8")
    print(f"Écrit : {out}")
    return 0


def _readings_import(args: argparse.Namespace) -> int:
    from coach.content.loader import DEFAULT_DIRECTORY, load_content
    from coach.readings.results import SheetProblems, record, results_from_sheet

    directory = _dialogues_dir(args.dir) or DEFAULT_DIRECTORY
    content = load_content(directory)
    try:
        results = results_from_sheet(content, Path(args.file))
    except SheetProblems as exc:
        print("Rien n’est enregistré. À corriger dans la feuille :", file=sys.stderr)
        for problem in exc.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as exc:
        print(f"Lecture impossible de {args.file} : {type(exc).__name__}", file=sys.stderr)
        return 1
    for path in record(directory, content, results):
        print(f"Écrit : {path}")
    print(f"{len(results)} résultat(s) enregistré(s).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coach", description="Le coach CoP : service et outils"
                                     " des auteurs.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")

    serve = sub.add_parser("serve", help="servir l’API, le client web et le widget")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(run=_serve)

    lint = sub.add_parser("lint", help="vérifier les dialogues (graphe, couverture, FALC)")
    lint.add_argument("--json", action="store_true", help="rapport en JSON")
    lint.add_argument("--dir", help="dossier des dialogues (par défaut : COACH_DIALOGUES_DIR,"
                      " sinon le contenu livré avec le coach)")
    lint.add_argument("--no-falc", action="store_true", help="sans le vérificateur FALC")
    lint.set_defaults(run=_lint)

    graph = sub.add_parser("graph", help="diagramme d’un parcours (Mermaid ou DOT)")
    graph.add_argument("flow", nargs="?", help="identifiant du parcours, ou « tous »")
    graph.add_argument("--format", choices=("mermaid", "dot", "svg"), default="mermaid",
                       help="svg : l’image de la page des auteurs, sans Graphviz")
    graph.add_argument("--out", help="dossier où écrire un fichier par parcours")
    graph.add_argument("--dir", help="dossier des dialogues")
    graph.set_defaults(run=_graph)

    places = sub.add_parser("endroits", help="où une phrase tapée peut mener (pour écrire"
                            " des exemples sans savoir comment le coach lit)")
    places.add_argument("--dir", help="dossier des dialogues")
    places.set_defaults(run=_destinations)

    play = sub.add_parser("play", help="jouer une conversation dans le terminal")
    play.add_argument("--flow", help="parcours de départ")
    play.add_argument("--falc", action="store_true", help="textes en facile à lire")
    play.add_argument("--dir", help="dossier des dialogues")
    play.set_defaults(run=_play)

    purge = sub.add_parser("purge", help="supprimer les conversations expirées")
    purge.set_defaults(run=_purge)

    readings = sub.add_parser("relecture", help="tester les textes FALC avec des lecteurs")
    steps = readings.add_subparsers(dest="etape", required=True, metavar="ÉTAPE")
    export = steps.add_parser("export", help="le livret à imprimer d’un parcours, ou la"
                              " feuille des résultats à remplir (csv)")
    export.add_argument("flow", metavar="PARCOURS")
    export.add_argument("--format", choices=("html", "odt", "csv"), default="html")
    export.add_argument("--out", help="fichier à écrire (par défaut : livret-PARCOURS.FORMAT)")
    export.add_argument("--dir", help="dossier des dialogues")
    export.set_defaults(run=_readings_export)
    record = steps.add_parser("import", help="enregistrer les résultats d’une relecture"
                              " (feuille CSV ou YAML remplie)")
    record.add_argument("file", metavar="FICHIER")
    record.add_argument("--dir", help="dossier des dialogues")
    record.set_defaults(run=_readings_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ContentInvalid as exc:
        print(exc, file=sys.stderr)
        return 1
    except DirectoryError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
