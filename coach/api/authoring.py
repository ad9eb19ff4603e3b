"""`/authoring`: the authors' pages, behind `COACH_ADMIN_TOKEN`.

For each flow: a structured outline of its nodes and edges (the accessible form of the
graph), the same graph as an SVG picture, its messages side by side (standard | FALC |
FALC findings | human review), and the content-map sections it covers. The index lists the
flows, the coverage of the content map and every problem, linked to its node.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from coach.api.auth import AdminGate, logout_form
from coach.api.htmlpage import base_path, e, page
from coach.authoring.diagram import edges, svg
from coach.authoring.findings import FAILED, PENDING, READY, FalcFindings
from coach.authoring.places import anchor, flow_page, flows_by_file, node_anchor, place
from coach.content.checks import check_content, coverage
from coach.content.issues import SEVERITY_FR, Issue
from coach.content.model import Content, FlowData
from coach.content.placeholders import text_hash
from coach.content.schema import Message, Node
from coach.readings.results import ReadingResult, summarise

AREA = "/authoring"


def _status_text(status: str) -> str:
    if status == PENDING:
        return ("L’analyse FALC est en cours (elle prend environ une demi-minute) :"
                " rechargez la page pour voir ses constats.")
    if status == FAILED:
        return ("L’analyse FALC a échoué sur ce serveur : lancez « coach lint » pour voir"
                " les constats.")
    return "L’analyse FALC est faite : ses constats sont ci-dessous."


def _review(message: Message) -> str:
    parts = []
    if message.review is None:
        parts.append('<span class="etat">Non relu</span>')
    else:
        review = message.review
        css = "etat--valide" if review.status == "validé" else "constat"
        note = f" : {e(review.note)}" if review.note else ""
        parts.append(f'<span class="{css}">{e(review.status.capitalize())} par {e(review.by)}'
                     f' le {review.on.strftime("%d/%m/%Y")}{note}</span>')
    if message.falc_of and message.text and message.falc_of != text_hash(message.text):
        parts.append('<br><span class="constat">FALC périmé : le texte standard a changé'
                     " depuis.</span>")
    return "".join(parts)


def _readers(results: list[ReadingResult]) -> str:
    """What groups of readers said of this text (its current version only)."""
    if not results:
        return '<br><span class="etat">Pas encore lu par un groupe de lecture</span>'
    said = []
    for r in sorted(results, key=lambda r: r.on):
        words = f" ; mots difficiles : {e(', '.join(r.hard_words))}" if r.hard_words else ""
        css = "etat--valide" if r.status == "compris" else "constat"
        said.append(f'<br><span class="{css}">Lecture ({e(r.by)}, le'
                    f' {r.on.strftime("%d/%m/%Y")}) : {e(r.status)}{words}</span>')
    return "".join(said)


def _findings(found: list[Issue], status: str) -> str:
    if status != READY and not found:
        return '<span class="discret">Analyse en cours</span>' if status == PENDING else "—"
    if not found:
        return "Aucun"
    items = "".join(
        f'<li class="constat{" constat--erreur" if i.severity == "error" else ""}">'
        f"{e(SEVERITY_FR[i.severity].capitalize())} [{e(i.rule)}] :"
        f" {e(i.message.split(' : ', 1)[-1])}</li>" for i in found)
    return f"<ul>{items}</ul>"


class AuthoringPages:
    def __init__(self, content: Content, findings: FalcFindings) -> None:
        self.content = content
        self.findings = findings
        self.graph_issues = check_content(content)
        self.files = flows_by_file(content)
        self.coverage = coverage(content)
        cited: dict[str, set[str]] = defaultdict(set)
        for flow, node in content.iter_nodes():
            for section in node.source:
                cited[section].add(flow.id)
        self.cited = cited

    # -- pieces -----------------------------------------------------------------------
    def issues(self) -> list[Issue]:
        return [*self.graph_issues, *self.findings.issues]

    def _issue_items(self, request: Request, issues: list[Issue]) -> str:
        base = base_path(request)
        items = []
        for issue in issues:
            data = issue.to_dict()
            target = anchor(data, self.files)
            where = e(place(data)) + (f" (nœud « {e(issue.node)} »)" if issue.node else "")
            link = f'<a href="{base}{e(target)}">{where}</a>' if target else where
            items.append(
                f"<li>{link} : {e(SEVERITY_FR[issue.severity])} [{e(issue.rule)}]"
                f" {e(issue.message)}<br>À faire : {e(issue.fix)}</li>")
        return "<ul>" + "".join(items) + "</ul>" if items else "<p>Aucun problème.</p>"

    def _nav(self, request: Request) -> str:
        base = base_path(request)
        return (f'<nav aria-label="Outils"><ul><li><a href="{base}{AREA}">Espace de rédaction'
                f'</a></li><li><a href="{base}/admin">Tableau de bord</a></li><li>'
                f"{logout_form(request, AREA)}</li></ul></nav>\n")

    def _outline(self, request: Request, flow: FlowData) -> str:
        outgoing = defaultdict(list)
        for edge in edges(self.content, flow):
            outgoing[edge.source].append(edge)
        base = base_path(request)
        entries = []
        for node in flow.nodes.values():
            marks = []
            if node.id == flow.header.start:
                marks.append("départ")
            if node.end:
                marks.append("fin")
            if node.id in flow.header.resume:
                marks.append("point de reprise")
            if node.authored:
                marks.append("rédigé pour le coach (pas dans le module)")
            elif written := sum(m.authored for m in node.messages):
                marks.append(f"{written} message(s) rédigé(s) pour le coach (pas dans le module)")
            if node.no_back:
                marks.append("sans retour")
            facts = [f"ligne {flow.node_lines.get(node.id, 0)}",
                     f"{len(node.messages)} message(s)"]
            if marks:
                facts.append(", ".join(marks))
            if node.source:
                facts.append("source : " + ", ".join(node.source))
            links = []
            for edge in outgoing[node.id]:
                if edge.target[0] == flow.id:
                    target = f'<a href="#{e(node_anchor(edge.target[1]))}">{e(edge.target[1])}</a>'
                else:
                    page_url = f"{base}{e(flow_page(edge.target[0]))}"
                    target = (f'<a href="{page_url}#{e(node_anchor(edge.target[1]))}">'
                              f"{e(edge.target[0])} : {e(edge.target[1])}</a>")
                what = (f"Choix « {e(edge.label)} » ({e(edge.choice)})" if edge.kind == "choix"
                        else "Suite automatique")
                condition = f", si <code>{e(edge.when)}</code>" if edge.when else ""
                links.append(f"<li>{what} vers {target}{condition}</li>")
            exits = f"<ul>{''.join(links)}</ul>" if links else ""
            entries.append(f'<li><h3 id="{e(node_anchor(node.id))}">{e(node.id)}</h3>'
                           f"<p>{e(' ; '.join(facts))}.</p>{exits}</li>")
        return f'<ol class="plan">{"".join(entries)}</ol>'

    def _messages(self, flow: FlowData) -> str:
        readings = summarise(self.content, Path(self.content.directory))[flow.id].by_ref
        placed = self.findings.by_place()
        status = self.findings.status
        rows = []
        speakers = self.content.speakers

        def row(node: Node, what: str, who: str, text: str, falc: str, found: list[Issue],
                review: str) -> str:
            return (f'<tr><th scope="row"><a href="#{e(node_anchor(node.id))}">{e(node.id)}'
                    f"</a>, {e(what)}</th><td>{e(who)}</td><td>{e(text)}</td>"
                    f"<td>{e(falc)}</td><td>{_findings(found, status)}</td><td>{review}</td>"
                    "</tr>")

        for node in flow.nodes.values():
            for index, message in enumerate(node.messages):
                who = speakers[message.speaker].name if message.speaker in speakers else "?"
                found = placed.get((flow.file, node.id, f"m{index}"), [])
                what = f"message {index + 1}" + (f" (si {message.when})" if message.when else "")
                read = readings.get(f"{flow.id}/{node.id}/{index}", [])
                rows.append(row(node, what, who, message.text, message.falc, found,
                                _review(message) + (_readers(read) if message.falc else "")))
            for choice in node.choices:
                found = placed.get((flow.file, node.id, f"c:{choice.id}"), [])
                rows.append(row(node, f"choix « {choice.id} »", "Bouton", choice.label,
                                choice.label_falc, found, "—"))
        return (
            '<table class="messages"><caption>Messages et boutons du parcours, en français'
            " standard et en facile à lire</caption><thead><tr>"
            '<th scope="col">Étape</th><th scope="col">Qui parle</th>'
            '<th scope="col">Texte standard</th><th scope="col">Texte FALC</th>'
            '<th scope="col">Constats FALC</th><th scope="col">Relecture</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")

    def _readings(self) -> str:
        """Per flow, what readers said: texts read, not understood, hard words."""
        rows = "".join(
            f'<tr><th scope="row">{e(flow_id)}</th>'
            f'<td class="nombre">{f.read} sur {f.falc_texts}</td>'
            f'<td class="nombre">{f.not_understood}</td>'
            f"<td>{e(', '.join(sorted(f.hard_words)) or 'aucun')}</td></tr>"
            for flow_id, f in summarise(self.content, Path(self.content.directory)).items())
        return (
            "<h2>Relectures par des groupes de lecture</h2>\n"
            "<p>Les textes FALC lus par des groupes de lecture (livret : « coach relecture"
            " export », résultats : « coach relecture import »). Un résultat ne compte plus"
            " quand le texte a changé depuis la lecture.</p>\n"
            '<table><caption>Relectures par parcours</caption><thead><tr>'
            '<th scope="col">Parcours</th><th scope="col" class="nombre">Textes lus</th>'
            '<th scope="col" class="nombre">Pas compris</th>'
            '<th scope="col">Mots trouvés difficiles</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")

    def _coverage_list(self, sections: list[str]) -> str:
        if not sections:
            return "<p>Aucune.</p>"
        items = "".join(
            f"<li><code>{e(s)}</code> : {e(self.content.sections[s].title)}"
            + (f" (parcours : {e(', '.join(sorted(self.cited[s])))})" if self.cited[s] else "")
            + "</li>" for s in sections)
        return f"<ul>{items}</ul>"

    # -- pages --------------------------------------------------------------------------
    def index(self, request: Request) -> Response:
        status = self.findings.start()
        content = self.content
        base = base_path(request)
        issues = self.issues()
        per_flow: dict[str, int] = defaultdict(int)
        for issue in issues:
            flow_id = self.files.get(issue.file)
            if flow_id:
                per_flow[flow_id] += 1
        rows = "".join(
            f'<tr><th scope="row"><a href="{base}{e(flow_page(f.id))}">{e(f.id)}</a></th>'
            f"<td>{e(f.header.title)}</td><td>{e(f.file)}</td>"
            f'<td class="nombre">{len(f.nodes)}</td>'
            f'<td class="nombre">{sum(len(n.messages) for n in f.nodes.values())}</td>'
            f'<td class="nombre">{per_flow[f.id]}</td></tr>'
            for f in content.flows.values())
        covered, missing = self.coverage["covered"], self.coverage["missing"]
        nodes = sum(len(f.nodes) for f in content.flows.values())
        messages = sum(len(n.messages) for _f, n in content.iter_nodes())
        errors = sum(1 for i in issues if i.severity == "error")
        body = (
            "<h1>Espace de rédaction</h1>\n"
            f"<p>Version du contenu : <code>{e(content.version)}</code>."
            f" {len(content.flows)} parcours, {nodes} étapes, {messages} messages.</p>\n"
            "<h2>Parcours</h2>\n"
            '<table><caption>Les parcours : ouvrez-en un pour voir son plan, son diagramme et'
            " ses messages</caption><thead><tr>"
            '<th scope="col">Parcours</th><th scope="col">Titre</th><th scope="col">Fichier</th>'
            '<th scope="col" class="nombre">Étapes</th><th scope="col" class="nombre">Messages'
            '</th><th scope="col" class="nombre">Problèmes</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>\n"
            "<h2>Couverture de la carte du contenu</h2>\n"
            f"<p>{len(covered)} sections couvertes sur {len(covered) + len(missing)}.</p>\n"
            f"<h3>Sections sans étape</h3>\n{self._coverage_list(missing)}\n"
            f"<h3>Sections couvertes</h3>\n{self._coverage_list(covered)}\n"
            f"{self._readings()}\n"
            "<h2>Problèmes signalés</h2>\n"
            f'<p role="status">{e(_status_text(status))}</p>\n'
            f"<p>{errors} erreur(s), {len(issues) - errors} avertissement(s).</p>\n"
            f"{self._issue_items(request, issues)}")
        return page(request, "Espace de rédaction", body, nav=self._nav(request))

    def flow(self, request: Request, flow_id: str) -> Response:
        flow = self.content.flows.get(flow_id)
        if flow is None:
            return page(request, "Parcours inconnu",
                        f"<h1>Parcours inconnu</h1>\n<p>Le parcours « {e(flow_id[:64])} »"
                        " n’existe pas. Parcours possibles : "
                        f"{e(', '.join(self.content.flows))}.</p>", status=404,
                        nav=self._nav(request))
        self.findings.start()
        base = base_path(request)
        header = flow.header
        ends = [n.id for n in flow.nodes.values() if n.end]
        sections = sorted({s for n in flow.nodes.values() for s in n.source})
        count = len(edges(self.content, flow))
        title = f"Diagramme du parcours « {header.title} »"
        description = (f"{len(flow.nodes)} étapes et {count} liens, de gauche à droite depuis"
                       f" l’étape de départ « {header.start} ». Le plan du parcours, plus haut"
                       " sur la page, donne les mêmes étapes et les mêmes liens en liste.")
        issues = [i for i in self.issues() if i.file == flow.file]
        picture = svg(self.content, flow, title, description)
        body = (
            f"<h1>Parcours « {e(header.title)} »</h1>\n"
            f"<p>Identifiant <code>{e(flow.id)}</code>, fichier <code>{e(flow.file)}</code>."
            f" {len(flow.nodes)} étapes. Départ : <a href=\"#{e(node_anchor(header.start))}\">"
            f"{e(header.start)}</a>. Fins : {e(', '.join(ends) or 'aucune')}."
            f" Points de reprise : {e(', '.join(header.resume) or 'aucun')}.</p>\n"
            '<nav aria-label="Sur cette page"><ul>'
            '<li><a href="#plan">Plan du parcours</a></li>'
            '<li><a href="#diagramme">Diagramme</a></li>'
            '<li><a href="#messages">Messages</a></li>'
            '<li><a href="#problemes">Problèmes</a></li>'
            '<li><a href="#couverture">Couverture</a></li></ul></nav>\n'
            '<h2 id="plan">Plan du parcours</h2>\n'
            "<p>Chaque étape, avec ses choix et ses suites ; les liens mènent à l’étape"
            " visée.</p>\n"
            f"{self._outline(request, flow)}\n"
            '<h2 id="diagramme">Diagramme</h2>\n'
            "<p>Le même graphe en image. Une boîte en double trait est une fin ; une boîte en"
            " pointillés est dans un autre parcours. Fichiers du diagramme :"
            f' <a href="{base}{AREA}/diagramme/{e(flow.id)}/mermaid">Mermaid</a>,'
            f' <a href="{base}{AREA}/diagramme/{e(flow.id)}/dot">Graphviz DOT</a>.</p>\n'
            '<div class="defilement" tabindex="0" role="region"'
            f' aria-label="Diagramme du parcours, à faire défiler">{picture}</div>\n'
            '<h2 id="messages">Messages</h2>\n'
            f'<p role="status">{e(_status_text(self.findings.status))}</p>\n'
            f"{self._messages(flow)}\n"
            '<h2 id="problemes">Problèmes</h2>\n'
            f"{self._issue_items(request, issues)}\n"
            '<h2 id="couverture">Couverture</h2>\n'
            "<p>Les sections de la carte du contenu que ce parcours cite :</p>\n"
            f"{self._coverage_list(sections)}")
        return page(request, f"Parcours {header.title}", body, nav=self._nav(request))


def build_authoring_router(content: Content, gate: AdminGate,
                           findings: FalcFindings) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    pages = AuthoringPages(content, findings)
    router.include_router(gate.routes())

    @router.get(AREA)
    async def index(request: Request) -> Response:
        return gate.denied(request) or pages.index(request)

    @router.get(AREA + "/parcours/{flow_id}")
    async def flow(request: Request, flow_id: str) -> Response:
        return gate.denied(request) or pages.flow(request, flow_id)

    @router.get(AREA + "/flux/{flow_id}")
    async def former_flow_address(request: Request, flow_id: str) -> Response:
        """The address the pages had before « parcours » replaced « flux »."""
        return RedirectResponse(base_path(request) + flow_page(quote(flow_id, safe="")),
                                status_code=308)

    @router.get(AREA + "/diagramme/{flow_id}/{fmt}")
    async def diagram(request: Request, flow_id: str, fmt: str) -> Response:
        denied = gate.denied(request)
        if denied is not None:
            return denied
        from coach.graph import dot, mermaid

        if flow_id not in content.flows or fmt not in ("mermaid", "dot"):
            return page(request, "Diagramme introuvable",
                        "<h1>Diagramme introuvable</h1>\n<p>Ce parcours ou ce format n’existe"
                        " pas. Formats : mermaid, dot.</p>", status=404)
        text = mermaid(content, flow_id) if fmt == "mermaid" else dot(content, flow_id)
        suffix = "mmd" if fmt == "mermaid" else "dot"
        return PlainTextResponse(text, headers={
            "Content-Disposition": f'attachment; filename="{flow_id}.{suffix}"',
            "Cache-Control": "no-store"})

    return router
