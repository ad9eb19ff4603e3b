"""`/admin`: the coordinator's dashboard of anonymous impact figures, and its CSV export.

Behind `COACH_ADMIN_TOKEN` (coach/api/auth.py). The figures come from the counters of the
configured store, for a period of days (UTC) and one or every content version. This
process's pending counters are written first, so the page is up to date for it; other
processes write theirs within `COACH_STATS_FLUSH_SECONDS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import Response

from coach.analytics.buffer import CounterBuffer
from coach.analytics.report import NOT_SAID, Figures, figures, to_csv
from coach.api.auth import AdminGate, logout_form
from coach.api.charts import bar_chart, table
from coach.api.htmlpage import base_path, e, page
from coach.api.problems import problem_response
from coach.content.model import Content
from coach.store.base import CounterStore, StoreUnavailable

AREA = "/admin"
DEFAULT_DAYS = 30
PERSONAS = {"famille": "Famille ou proche aidant", "personne": "Personne concernée",
            "coordinateur": "Coordinateur ou coordinatrice", "professionnel": "Professionnel",
            "curieux": "Curieux ou curieuse", NOT_SAID: "Non précisé"}
SCORES = {"score_profils": "Exercice « Qui fait partie d’une CoP ? » (sur 7)",
          "score_scenario": "Scénario « Vous êtes l’animateur » (sur 6)"}
NUMBERS = frozenset({1, 2, 3, 4, 5})


MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")


def _french(day: str) -> str:
    """« 2026-03-01 » → « 1er mars 2026 »."""
    date = dt.date.fromisoformat(day)
    number = "1er" if date.day == 1 else str(date.day)
    return f"{number} {MONTHS[date.month - 1]} {date.year}"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "—"


# Days the dashboard may be asked about: counters exist for no earlier day, and the bounds
# keep date arithmetic (the default 30-day window) away from year 1 and year 9999.
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)


class PeriodError(ValueError):
    """A `depuis` or `jusqua` that is not a usable day: the French sentence to show."""


def _period(request: Request, today: dt.date) -> tuple[str, str, str | None]:
    """The days asked for (`depuis`, `jusqua`, YYYY-MM-DD), or the last 30 days."""
    def parse(name: str, label: str) -> dt.date | None:
        given = request.query_params.get(name, "").strip()
        if not given:
            return None
        try:
            day = dt.date.fromisoformat(given)
        except ValueError:
            raise PeriodError(f"La date « {label} » n’est pas une date valide : écrivez-la"
                              " sous la forme AAAA-MM-JJ, par exemple 2026-03-31.") from None
        if not FIRST_DAY <= day <= LAST_DAY:
            raise PeriodError(f"La date « {label} » doit être comprise entre le"
                              f" {FIRST_DAY.isoformat()} et le {LAST_DAY.isoformat()}.")
        return day

    last = parse("jusqua", "au") or today
    first = parse("depuis", "du") or max(FIRST_DAY, last - dt.timedelta(days=DEFAULT_DAYS - 1))
    if first > last:
        first, last = last, first
    version = request.query_params.get("version") or None
    return first.isoformat(), last.isoformat(), version


class Dashboard:
    def __init__(self, content: Content, store: CounterStore, counters: CounterBuffer,
                 today: Callable[[], dt.date] | None = None) -> None:
        self.content = content
        self.store = store
        self.counters = counters
        self.today = today or (lambda: dt.datetime.now(dt.UTC).date())

    def _filters(self, request: Request, shown: Figures, version: str | None) -> str:
        base = base_path(request)
        options = ['<option value="">Toutes les versions</option>'] + [
            f'<option value="{e(v)}"{" selected" if v == version else ""}>{e(v)}'
            f'{" (en service)" if v == self.content.version else ""}</option>'
            for v in shown.versions]
        query = f"depuis={shown.first_day}&jusqua={shown.last_day}" + (
            f"&version={e(version)}" if version else "")
        return (
            f'<form method="get" action="{base}{AREA}" class="ligne">'
            f'<div><label for="depuis">Du</label><input id="depuis" name="depuis" type="date"'
            f' value="{shown.first_day}"></div>'
            f'<div><label for="jusqua">Au</label><input id="jusqua" name="jusqua" type="date"'
            f' value="{shown.last_day}"></div>'
            f'<div><label for="version">Version du contenu</label><select id="version"'
            f' name="version">{"".join(options)}</select></div>'
            '<div><button type="submit">Afficher</button></div></form>\n'
            f'<p><a href="{base}{AREA}/export.csv?{query}">Télécharger ces compteurs'
            " (fichier CSV pour un tableur)</a></p>")

    def _overview(self, f: Figures) -> str:
        share = f"{round(100 * f.falc_share)} %" if f.falc_share is not None else "—"
        downloads = sum(n for _k, n in f.documents)
        items = [("Conversations commencées", str(f.started)),
                 ("Fins de parcours atteintes", str(f.finished)),
                 ("Tours joués", str(f.turns)),
                 ("Part des tours en facile à lire", share),
                 ("Brouillons téléchargés", str(downloads))]
        return ('<ul class="chiffres">' + "".join(
            f"<li><strong>{e(value)}</strong> {e(label)}</li>" for label, value in items)
            + "</ul>")

    def _flows(self, f: Figures) -> str:
        shown = [x for x in f.flows if x.entered or x.finished]
        chart = bar_chart(
            "graphique-parcours", "Entrées dans chaque parcours",
            "Nombre de conversations entrées dans chaque parcours sur la période. Les nombres"
            " exacts et les fins atteintes sont dans le tableau qui suit.",
            [(x.title, x.entered, str(x.entered)) for x in shown])
        rows = [[x.title, str(x.entered), str(x.finished), _percent(x.finished, x.entered)]
                for x in shown]
        return chart + table("Entrées et fins atteintes par parcours",
                             ["Parcours", "Entrées", "Fins atteintes", "Part des entrées"
                              " menées à une fin"], rows, frozenset({1, 2, 3}))

    def _personas(self, f: Figures) -> str:
        chart = bar_chart(
            "graphique-profils", "Profils choisis à l’accueil",
            "Nombre de fois où chaque profil a été choisi à l’accueil. Le tableau qui suit"
            " donne aussi les fins atteintes par profil.",
            [(PERSONAS.get(p.persona, p.persona), p.chosen, str(p.chosen)) for p in f.personas])
        rows = [[PERSONAS.get(p.persona, p.persona), str(p.chosen), str(p.finished)]
                for p in f.personas]
        return chart + table("Profils d’entrée : choisis et fins atteintes",
                             ["Profil", "Choisi", "Fins atteintes"], rows, frozenset({1, 2}))

    def _nodes(self, f: Figures) -> str:
        nodes = sorted((n for n in f.nodes if n.visits), key=lambda n: (-n.dropoffs, -n.visits))
        top = [n for n in nodes if n.dropoffs][:10]
        chart = bar_chart(
            "graphique-abandons", "Les 10 étapes où le plus de conversations s’arrêtent",
            "Abandons par étape : les arrivées moins les départs, pour les étapes qui ne sont"
            " pas des fins. Toutes les étapes sont dans le tableau qui suit.",
            [(f"{n.flow} : {n.node}", n.dropoffs, str(n.dropoffs)) for n in top])
        rows = [[f"{n.flow} : {n.node}", str(n.visits), str(n.exits),
                 "fin" if n.end else str(n.dropoffs)] for n in nodes]
        return chart + table("Visites, départs et abandons par étape",
                             ["Étape (parcours : étape)", "Visites", "Départs", "Abandons"],
                             rows, frozenset({1, 2, 3}))

    def _scores(self, f: Figures) -> str:
        parts = []
        for name, counts in f.scores.items():
            label = SCORES.get(name, name)
            ident = "graphique-" + name.replace("_", "-")
            parts.append(f"<h3>{e(label)}</h3>")
            parts.append(bar_chart(
                ident, f"Répartition des scores : {label}",
                "Nombre de personnes arrivées à la fin de l’exercice avec chaque score. Les"
                " nombres sont dans le tableau qui suit.",
                [(f"{value} point(s)", n, str(n)) for value, n in counts]))
            parts.append(table(f"Scores obtenus : {label}", ["Score", "Nombre de fois"],
                               [[str(value), str(n)] for value, n in counts], frozenset({1})))
        return "".join(parts)

    def _feedback(self, f: Figures) -> str:
        ranked = sorted(f.feedback, key=lambda x: -(x.useful + x.not_useful))
        chart = bar_chart(
            "graphique-avis", "Part des réponses « Oui » à « Ce conseil vous aide-t-il ? »",
            "Pour les 10 conseils qui ont reçu le plus d’avis, la part de « Oui ». Le"
            " tableau qui suit donne tous les conseils et les nombres.",
            [(x.ref, 100 * x.useful / (x.useful + x.not_useful),
              _percent(x.useful, x.useful + x.not_useful)) for x in ranked[:10]])
        rows = [[x.ref, x.text, str(x.useful), str(x.not_useful),
                 _percent(x.useful, x.useful + x.not_useful)] for x in ranked]
        return chart + table("Avis sur les conseils", ["Conseil (référence)", "Texte",
                                                       "Oui", "Non", "Part de oui"],
                             rows, frozenset({2, 3, 4}))

    def _documents(self, f: Figures) -> str:
        names = {"html": "Page HTML", "odt": "OpenDocument", "docx": "Word"}
        rows = []
        for detail, n in f.documents:
            fmt, _sep, variant = detail.partition("-")
            kind = "facile à lire" if variant == "falc" else "standard"
            rows.append([f"{names.get(fmt, fmt)}, {kind}", str(n)])
        return table("Brouillons téléchargés par format", ["Format", "Nombre"], rows,
                     frozenset({1}))

    def render(self, request: Request) -> Response:
        try:
            first, last, version = _period(request, self.today())
        except PeriodError as exc:
            return page(request, "Dates invalides",
                        f"<h1>Dates invalides</h1>\n<p>{e(str(exc))}</p>\n"
                        f'<p><a href="{base_path(request)}{AREA}">Revenir aux 30 derniers'
                        " jours</a></p>", status=422)
        self.counters.flush()
        try:
            rows = self.store.read_counts(first, last)
        except StoreUnavailable:
            return page(request, "Tableau de bord indisponible",
                        "<h1>Tableau de bord indisponible</h1>\n<p>Le stockage ne répond pas"
                        " pour l’instant. Rien n’est perdu : rechargez la page dans quelques"
                        " secondes.</p>", status=503, headers={"Retry-After": "5"})
        f = figures(rows, self.content, first, last, version)
        nav = (f'<nav aria-label="Outils"><ul><li><a href="{base_path(request)}/authoring">'
               f"Espace de rédaction</a></li><li>{logout_form(request, AREA)}</li></ul></nav>\n")
        body = (
            "<h1>Tableau de bord du coach</h1>\n"
            f"<p>Chiffres anonymes du {e(_french(first))} au {e(_french(last))}"
            " (jours en temps universel)"
            f"{', version du contenu ' + e(version) if version else ''}. Aucun texte écrit"
            " par une personne, aucun identifiant de conversation n’est compté.</p>\n"
            f"{self._filters(request, f, version)}\n"
            f"<h2>En bref</h2>\n{self._overview(f)}\n"
            f"<h2>Parcours</h2>\n{self._flows(f)}\n"
            f"<h2>Profils d’entrée</h2>\n{self._personas(f)}\n"
            "<h2>Étapes : visites et abandons</h2>\n"
            "<p>Un abandon à une étape, c’est une conversation dont c’est la dernière étape vue"
            " : les arrivées moins les départs. Une conversation récente peut encore"
            " reprendre.</p>\n"
            f"{self._nodes(f)}\n"
            f"<h2>Scores des exercices</h2>\n{self._scores(f)}\n"
            f"<h2>Avis sur les conseils</h2>\n{self._feedback(f)}\n"
            f"<h2>Brouillons</h2>\n{self._documents(f)}\n")
        return page(request, "Tableau de bord", body, nav=nav)

    def export(self, request: Request) -> Response:
        try:
            first, last, version = _period(request, self.today())
        except PeriodError as exc:
            return problem_response(422, "dates-invalides", "Dates invalides", str(exc))
        self.counters.flush()
        rows = [(key, n) for key, n in self.store.read_counts(first, last)
                if not version or key[0] == version]
        return Response("\ufeff" + to_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition":
                                 f'attachment; filename="compteurs-coach-{first}-{last}.csv"',
                                 "Cache-Control": "no-store"})


def build_admin_router(dashboard: Dashboard, gate: AdminGate) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    router.include_router(gate.routes())

    @router.get(AREA)
    def admin(request: Request) -> Response:
        return gate.denied(request) or dashboard.render(request)

    @router.get(AREA + "/export.csv")
    def export(request: Request) -> Response:
        return gate.denied(request) or dashboard.export(request)

    return router
