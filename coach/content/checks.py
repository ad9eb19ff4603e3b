"""Graph checks on loaded content: every rule has a stable id documented in docs/dialogues.md."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from coach.content import answer_edits
from coach.content.guards import GuardSyntaxError, compile_guard, could_falsify
from coach.content.issues import Issue
from coach.content.model import Content, ExampleData, FlowData, IntentData, NodeRef
from coach.content.placeholders import CONTACT_KEYS, placeholders, text_hash
from coach.content.schema import (
    CALL_DEPTH_VARIABLE,
    CALL_ORIGIN_VARIABLE,
    CONTACT_VARIABLE,
    DIRECTORY_VARIABLE,
    DRAFT_ANSWERS_VARIABLE,
    ENGINE_VARIABLES,
    NOTHING,
    REPLY,
    STAGES_LEFT_VARIABLE,
    TYPED_PREFIX,
    Choice,
    Node,
    Route,
)
from coach.engine.commands import (
    COMMANDS,
    DRAFT_ELSEWHERE,
    DRAFT_ERASING,
    DRAFT_ERASING_ELSEWHERE,
    RESERVED_IDS,
    TYPED_COMMANDS,
)
from coach.engine.progress import PASSED, PASSED_HERE, PASSED_STAGE, PATH_VARIABLE, SHORT_PATH

# Keep in step with coach.engine.engine.MAX_CALL_DEPTH (content does not import the engine).
MAX_CALL_DEPTH = 4
# Coach messages the engine itself says (those of the commands come from their table).
ENGINE_MESSAGES = ("pas-compris", "pas-compris-choix", "pas-compris-personne", "contenu-change")


def _issue(flow: FlowData, node: Node | None, rule: str, message: str, fix: str,
           severity: str = "error") -> Issue:
    line = flow.node_lines.get(node.id) if node else None
    return Issue(rule, severity, flow.file, message, fix,  # type: ignore[arg-type]
                 node=node.id if node else None, line=line)


def edges(content: Content, flow: FlowData, node: Node) -> Iterator[tuple[str, NodeRef]]:
    """(kind, target) for every outgoing edge of a node: choices and automatic routes."""
    for choice in node.choices:
        if not choice.returns and not choice.command:
            yield "choice", content.resolve(flow.id, choice.target)
    for route in node.next:
        yield "next", content.resolve(flow.id, route.target)
    if node.ask is not None:
        for route in node.ask.next:
            yield "ask", content.resolve(flow.id, route.target)


def variables_set(content: Content) -> set[str]:
    names: set[str] = set()
    for _flow, node in content.iter_nodes():
        for choice in node.choices:
            names.update(choice.set)
            names.update(choice.add)
    for entry in content.intents:
        names.update(entry.intention.set)
    names.update(asked_variables(content))
    return names


def asked_variables(content: Content) -> set[str]:
    """Variables an `ask:` node sets (to « libre ») when the person types their own answer."""
    return {node.ask.variable for _flow, node in content.iter_nodes() if node.ask is not None}


def _check_targets(content: Content) -> Iterator[Issue]:
    for flow in content.flows.values():
        if flow.header.start not in flow.nodes:
            yield _issue(flow, None, "graphe/depart-absent",
                         f"le nœud de départ « {flow.header.start} » n’existe pas",
                         "indiquez dans « flow.start » l’identifiant d’un nœud du fichier")
        for anchor in flow.header.resume:
            if anchor not in flow.nodes:
                yield _issue(flow, None, "graphe/reprise-inconnue",
                             f"le point de reprise « {anchor} » n’existe pas",
                             "indiquez dans « flow.resume » des nœuds existants")
        if flow.header.menu and not content.has_node(content.resolve(flow.id,
                                                                     flow.header.menu)):
            yield _issue(flow, None, "graphe/menu-inconnu",
                         f"le menu du parcours « {flow.header.menu} » n’existe pas",
                         "indiquez dans « flow.menu » un nœud de ce parcours, ou"
                         " « parcours:nœud »")
        for node in flow.nodes.values():
            for kind, target in edges(content, flow, node):
                if not content.has_node(target):
                    label = f"{target[0]}:{target[1]}" if target[0] != flow.id else target[1]
                    what = {"choice": "choix", "next": "suite", "ask": "réponse écrite"}[kind]
                    yield _issue(flow, node, "graphe/cible-inconnue",
                                 f"la cible « {label} » ({what}) n’existe pas",
                                 "corrigez « target » : un nœud de ce parcours, ou"
                                 " « parcours:nœud »")


def _check_shape(content: Content) -> Iterator[Issue]:
    for flow in content.flows.values():
        for node in flow.nodes.values():
            if not node.end and not node.choices and not node.next:
                yield _issue(flow, node, "graphe/impasse",
                             "ce nœud n’a ni choix, ni suite, et n’est pas une fin",
                             "ajoutez des « choices », une suite « next », ou « end: true »")
            if not node.messages and node.choices:
                yield _issue(flow, node, "graphe/noeud-vide",
                             "ce nœud propose des choix sans aucun message",
                             "ajoutez un message qui pose la question", "warning")
            if node.next and node.next[-1].when is not None:
                yield _issue(flow, node, "graphe/sans-defaut",
                             "toutes les suites « next » ont une condition : si aucune n’est"
                             " vraie, la conversation reste bloquée",
                             "ajoutez une dernière suite sans « when »")
            if node.ask is not None and node.ask.next and node.ask.next[-1].when is not None:
                yield _issue(flow, node, "graphe/sans-defaut",
                             "toutes les suites « next » de « ask » ont une condition : si"
                             " aucune n’est vraie, la réponse écrite ne mène nulle part",
                             "ajoutez une dernière suite sans « when » sous « ask »")
            if node.next and node.choices:
                yield _issue(flow, node, "graphe/choix-et-suite",
                             "ce nœud a des choix et une suite automatique « next »",
                             "gardez soit les choix, soit « next »")
            seen: set[str] = set()
            for choice in node.choices:
                repeated = _said_by_go_on(content, choice)
                if repeated:
                    yield _issue(flow, node, "choix/synonyme-commun",
                                 f"le choix « {choice.id} » répète des façons de dire"
                                 f" « continuer » déjà dans « go_on » : {', '.join(repeated)}",
                                 "retirez-les de ses « synonyms » : tout bouton « Continuer… »"
                                 " les reconnaît déjà (commun.yaml)", "warning")
                if choice.id in seen:
                    yield _issue(flow, node, "id/double", f"le choix « {choice.id} » est en double",
                                 "donnez un identifiant unique à chaque choix du nœud")
                seen.add(choice.id)
                if choice.id in RESERVED_IDS:
                    yield _issue(flow, node, "id/reserve",
                                 f"le choix « {choice.id} » porte le nom d’une commande globale",
                                 "renommez-le ; ces noms sont réservés : "
                                 + ", ".join(RESERVED_IDS))
            for alias in node.aliases:
                if alias in flow.nodes:
                    yield _issue(flow, node, "id/double",
                                 f"l’ancien nom « {alias} » est aussi le nom d’un nœud",
                                 "retirez cet alias ou renommez le nœud")


def _check_texts(content: Content) -> Iterator[Issue]:
    known_vars = (variables_set(content) | CONTACT_KEYS
                  | {TYPED_PREFIX + name for name in asked_variables(content)})
    for flow in content.flows.values():
        for node in flow.nodes.values():
            for index, message in enumerate(node.messages, start=1):
                where = f"message {index}"
                if message.speaker not in content.speakers:
                    yield _issue(flow, node, "texte/locuteur-inconnu",
                                 f"{where} : locuteur « {message.speaker} » inconnu",
                                 "utilisez un locuteur déclaré dans « speakers » : "
                                 + ", ".join(sorted(content.speakers)))
                if not message.text.strip():
                    yield _issue(flow, node, "texte/standard-absent",
                                 f"{where} : texte standard vide ou absent",
                                 "écrivez le texte dans « text »")
                if not message.falc.strip():
                    yield _issue(flow, node, "FALC-PAIR-001",
                                 f"{where} : texte FALC vide ou absent",
                                 "écrivez la version facile à lire dans « falc »")
                std_ph, falc_ph = placeholders(message.text), placeholders(message.falc)
                if std_ph != falc_ph:
                    yield _issue(flow, node, "texte/variables-differentes",
                                 f"{where} : les variables du texte standard ({sorted(std_ph)}) et"
                                 f" du texte FALC ({sorted(falc_ph)}) diffèrent",
                                 "utilisez les mêmes {variables} dans les deux textes")
                for name in sorted((std_ph | falc_ph) - known_vars):
                    yield _issue(flow, node, "texte/variable-inconnue",
                                 f"{where} : la variable « {{{name}}} » n’est jamais définie",
                                 "définissez-la par un « set » ou « add » d’un choix, ou"
                                 " corrigez son nom")
                if message.falc_of and message.text and message.falc_of != text_hash(message.text):
                    yield _issue(flow, node, "texte/falc-perime",
                                 f"{where} : le texte standard a changé depuis l’écriture du"
                                 " texte FALC",
                                 "relisez le texte FALC, puis écrivez"
                                 f" « falc_of: {text_hash(message.text)} »", "warning")
            for choice in node.choices:
                if not choice.label.strip():
                    yield _issue(flow, node, "texte/standard-absent",
                                 f"choix « {choice.id} » : libellé vide ou absent",
                                 "écrivez le libellé dans « label »")
                if not choice.label_falc.strip():
                    yield _issue(flow, node, "FALC-PAIR-001",
                                 f"choix « {choice.id} » : libellé FALC vide ou absent",
                                 "écrivez le libellé facile à lire dans « label_falc »")


def _check_sources(content: Content) -> Iterator[Issue]:
    for flow in content.flows.values():
        for node in flow.nodes.values():
            for section in node.source:
                if section not in content.sections:
                    yield _issue(flow, node, "source/inconnue",
                                 f"section « {section} » absente de la carte du contenu",
                                 "utilisez un identifiant de dialogues/sections.yaml")


def _check_tools(content: Content) -> Iterator[Issue]:
    from coach.drafts.forms import load_forms

    known = load_forms()
    for flow in content.flows.values():
        for node in flow.nodes.values():
            for tool in node.tools:
                if tool not in known:
                    yield _issue(flow, node, "outil/inconnu",
                                 f"outil « {tool} » absent de la banque d’outils",
                                 "utilisez un identifiant de coach/drafts/outils.yaml : "
                                 + ", ".join(known))


def _check_guards(content: Content) -> Iterator[Issue]:
    known = variables_set(content) | set(ENGINE_VARIABLES)
    for flow in content.flows.values():
        for node in flow.nodes.values():
            guarded = [("choix " + c.id, c.when) for c in node.choices]
            guarded += [("suite vers " + r.target, r.when) for r in node.next]
            if node.ask is not None:
                guarded += [("réponse écrite vers " + r.target, r.when) for r in node.ask.next]
            guarded += [(f"message {i}", m.when) for i, m in enumerate(node.messages, start=1)]
            for what, source in guarded:
                if source is None:
                    continue
                try:
                    guard = compile_guard(source)
                except GuardSyntaxError as exc:
                    yield _issue(flow, node, "condition/syntaxe",
                                 f"{what} : condition « {source} » refusée : {exc}",
                                 "écrivez par exemple « score >= 5 » ou « temps == 'peu' »")
                    continue
                for name in sorted(guard.names - known):
                    yield _issue(flow, node, "condition/variable-jamais-definie",
                                 f"{what} : la variable « {name} » n’est définie par aucun choix",
                                 "définissez-la avec « set » ou « add » sur un choix qui précède",
                                 "warning")


def _check_own_guards(content: Content) -> Iterator[Issue]:
    """A choice whose own `set`/`add` could make its own `when` false: the condition is
    read before the choice changes the variables, which an author may not expect."""
    for flow in content.flows.values():
        for node in flow.nodes.values():
            for choice in node.choices:
                if choice.when is None or not (choice.set or choice.add):
                    continue
                try:
                    guard = compile_guard(choice.when)
                except GuardSyntaxError:
                    continue  # reported by _check_guards
                if could_falsify(guard, choice.set, choice.add):
                    changed = sorted(guard.names & (set(choice.set) | set(choice.add)))
                    yield _issue(flow, node, "condition/changee-par-le-choix",
                                 f"choix {choice.id} : sa condition « {choice.when} » lit"
                                 f" {', '.join(changed)}, que ce choix modifie ; la condition"
                                 " est lue avant la modification",
                                 "vérifiez que c’est voulu (un choix proposé une seule fois),"
                                 " sinon placez la condition sur le nœud suivant", "warning")


def _check_reachability(content: Content) -> Iterator[Issue]:
    roots = [(f.id, f.header.start) for f in content.flows.values() if f.header.start in f.nodes]
    roots += [content.entry, content.menu]
    seen: set[NodeRef] = set()
    queue = deque(ref for ref in roots if content.has_node(ref))
    while queue:
        ref = queue.popleft()
        if ref in seen:
            continue
        seen.add(ref)
        flow = content.flows[ref[0]]
        for _kind, target in edges(content, flow, flow.nodes[ref[1]]):
            if content.has_node(target) and target not in seen:
                queue.append(target)
    for flow in content.flows.values():
        for node in flow.nodes.values():
            if (flow.id, node.id) not in seen:
                yield _issue(flow, node, "graphe/inaccessible",
                             "aucun chemin ne mène à ce nœud",
                             "ajoutez un choix qui y mène, ou supprimez le nœud")


def _check_auto_cycles(content: Content) -> Iterator[Issue]:
    """A loop made only of automatic `next` routes never waits for the person."""
    for flow in content.flows.values():
        for node in flow.nodes.values():
            if not node.next:
                continue
            path: set[NodeRef] = set()
            ref: NodeRef = (flow.id, node.id)
            while content.has_node(ref) and ref not in path:
                path.add(ref)
                current = content.node(ref)
                if not current.next or current.choices or current.end:
                    break
                ref = content.resolve(ref[0], current.next[-1].target)
            else:
                if ref == (flow.id, node.id):
                    yield _issue(flow, node, "graphe/boucle-sans-sortie",
                                 "les suites automatiques « next » tournent en rond",
                                 "ajoutez des choix ou une fin dans la boucle")


def _check_entry(content: Content) -> Iterator[Issue]:
    named = [("entry", content.entry), ("menu", content.menu)]
    if content.draft_summary is not None:
        named.append(("draft_summary", content.draft_summary))
    for name, ref in named:
        if not content.has_node(ref):
            yield Issue("graphe/depart-absent", "error", "dialogues/commun.yaml",
                        f"« {name} » désigne « {ref[0]}:{ref[1]} », qui n’existe pas",
                        f"indiquez dans « {name} » un nœud existant, sous la forme parcours:nœud")
    for required in (True, False):
        missing = [c.id for c in COMMANDS if c.required == required and not c.typed_only
                   and c.id not in content.commands]
        if missing:
            yield Issue("commande/absente", "error" if required else "warning",
                        "dialogues/commun.yaml",
                        f"commandes globales non définies : {', '.join(missing)}"
                        + ("" if required else " (elles ne sont pas proposées)"),
                        "ajoutez-les dans « commands » avec leur libellé et leur libellé FALC")
    needed = [*ENGINE_MESSAGES, "conversation-complete",
              *(m for c in COMMANDS if c.id in content.commands for m in c.messages)]
    nodes = [node for _flow, node in content.iter_nodes()]
    if any(c.call for node in nodes for c in node.choices):
        needed.append("retour-appel")
    if any(node.ask is not None for node in nodes):
        needed += ["saisie-confirmer", "saisie-garder", "saisie-reecrire", "saisie-question",
                   "saisie-revenir", "saisie-gardee", "saisie-reecrire-invite"]
    if any(node.edit_answers for node in nodes):
        needed += list(answer_edits.MESSAGES)
    if any(node.draft_answers for node in nodes):
        needed.append(answer_edits.SUMMARY)
    if content.draft_summary is not None:
        needed += [DRAFT_ELSEWHERE, DRAFT_ERASING, DRAFT_ERASING_ELSEWHERE]
    if any(c.skip for node in nodes for c in node.choices):
        needed += [PASSED_HERE, PASSED_STAGE, PASSED]
    if any(flow.header.stage is not None for flow in content.flows.values()):
        needed += ["progression", "ou-en-suis-je", "ou-en-suis-je-vu", "ou-en-suis-je-reste",
                   "ou-en-suis-je-hors", "etape-vue", "etape-commencee", "etape-a-faire"]
    for key in dict.fromkeys(needed):
        if key not in content.system:
            yield Issue("message/absent", "error", "dialogues/commun.yaml",
                        f"message système « {key} » non défini",
                        "ajoutez-le dans « messages » avec « text » et « falc »")


def _intent_issue(entry: IntentData | ExampleData, rule: str, message: str, fix: str,
                  severity: str = "error") -> Issue:
    return Issue(rule, severity, entry.file, message, fix,  # type: ignore[arg-type]
                 line=entry.line)


def _target_issue(content: Content, glossary: set[str], entry: IntentData | ExampleData,
                  target: str,
                  what: str = "") -> Issue | None:
    """What is wrong with a place an intention leads to (its `target`, or a `for_persona`
    place, `what` then saying which), or None: a node, a command, a glossary term or a
    reply."""
    kind, _sep, name = target.partition(":")
    if not name:
        return _intent_issue(entry, "graphe/cible-inconnue",
                             f"{what}la cible « {target} » n’est pas complète",
                             "écrivez « parcours:nœud », « commande:<id> »,"
                             " « glossaire:<terme> » ou « reponse:<id> »")
    if kind == "commande" and name not in content.commands and name not in TYPED_COMMANDS:
        return _intent_issue(entry, "graphe/cible-inconnue",
                             f"{what}la commande « {name} » n’existe pas",
                             "utilisez une commande de commun.yaml : "
                             + ", ".join([*content.commands, *TYPED_COMMANDS]))
    if kind == REPLY and f"{REPLY}-{name}" not in content.system:
        return _intent_issue(entry, "message/absent",
                             f"{what}la réponse « {target} » n’a pas de message"
                             f" « {REPLY}-{name} »",
                             f"ajoutez le message « {REPLY}-{name} » dans commun.yaml,"
                             " avec « text » et « falc »")
    if kind == "glossaire" and name not in glossary:
        return _intent_issue(entry, "graphe/cible-inconnue",
                             f"{what}le mot « {name} » n’est pas dans le glossaire",
                             "écrivez le terme exactement comme dans « glossary » (commun.yaml)")
    if kind not in ("commande", "glossaire", REPLY) and not content.has_node((kind, name)):
        return _intent_issue(entry, "graphe/cible-inconnue",
                             f"{what}la cible « {target} » n’existe pas",
                             "corrigez la cible : un nœud existant, sous la forme"
                             " parcours:nœud")
    return None


def _check_intents(content: Content) -> Iterator[Issue]:
    """Every intention leads to a place that exists, for everyone and for each persona
    (`for_persona`); its texts come in pairs."""
    glossary = {g.term for g in content.glossary}
    seen: dict[str, str] = {}
    for entry in content.intents:
        intent = entry.intention
        kind, _sep, name = intent.target.partition(":")
        wrong = _target_issue(content, glossary, entry, intent.target)
        if wrong is not None:
            yield wrong
        elif kind not in ("commande", "glossaire", REPLY):
            node = content.node((kind, name))
            names = {n for m in node.messages if not m.when
                     for n in placeholders(m.text) | placeholders(m.falc)}
            if names - CONTACT_KEYS:
                yield _intent_issue(entry, "intention/cible-variable",
                                    f"« {intent.target} » affiche des variables"
                                    f" ({', '.join(sorted(names - CONTACT_KEYS))}) qu’une"
                                    " intention ne définit pas (hors messages à condition)",
                                    "visez le nœud qui introduit ce passage", "warning")
        for persona, instead in intent.for_persona.items():
            wrong = _target_issue(content, glossary, entry, instead,
                                  f"« for_persona » de « {intent.target} » ({persona}) : ")
            if wrong is not None:
                yield wrong
        if bool(intent.label.strip()) != bool(intent.label_falc.strip()):
            rule = "FALC-PAIR-001" if intent.label.strip() else "texte/standard-absent"
            yield _intent_issue(entry, rule,
                                f"« {intent.target} » : « label » et « label_falc » vont ensemble",
                                "écrivez les deux libellés, ou aucun")
        for phrase in intent.phrases:
            key = " ".join(phrase.casefold().split())
            other = seen.setdefault(key, intent.target)
            if other != intent.target:
                yield _intent_issue(entry, "intention/ambigue",
                                    f"la phrase « {phrase} » mène à « {other} » et à"
                                    f" « {intent.target} »",
                                    "gardez cette phrase pour une seule cible", "warning")


def _check_examples(content: Content) -> Iterator[Issue]:
    """Every example is typed at a node that exists and leads where the content can go (a
    target as for an intention, terms of the glossary joined by « + », or « aucun »); one
    sentence leads to one place."""
    glossary = {g.term for g in content.glossary}
    seen: dict[str, str] = {}
    for entry in content.examples:
        example = entry.example
        flow, _sep, node = example.at.partition(":")
        if example.at and not content.has_node((flow, node)):
            yield _intent_issue(entry, "exemple/noeud-inconnu",
                                f"« {example.text} » : le nœud « {example.at} » n’existe pas",
                                "écrivez « at: parcours:nœud » d’un nœud des dialogues")
        kind, _sep, name = example.expect.partition(":")
        if example.expect == NOTHING:
            pass
        elif kind == "glossaire" and "+" in name:
            for term in name.split("+"):
                if term not in glossary:
                    yield _intent_issue(entry, "graphe/cible-inconnue",
                                        f"« {example.text} » : le mot « {term} » n’est pas dans"
                                        " le glossaire",
                                        "écrivez le terme exactement comme dans « glossary »"
                                        " (commun.yaml)")
        else:
            wrong = _target_issue(content, glossary, entry, example.expect,
                                  f"« {example.text} » : ")
            if wrong is not None:
                yield wrong
        key = f"{example.at} {' '.join(example.text.casefold().split())}"
        other = seen.setdefault(key, example.expect)
        if other != example.expect:
            yield _intent_issue(entry, "exemple/ambigu",
                                f"« {example.text} » mène à « {other} » et à « {example.expect} »",
                                "gardez une seule place pour cette phrase à ce nœud", "warning")


def _check_wishes(content: Content) -> Iterator[Issue]:
    """A step where the directory asks, with no `directory_wishes` to read instead of a place."""
    if content.common.directory_wishes:
        return
    for flow, node in content.iter_nodes():
        if node.directory:
            yield _issue(flow, node, "annuaire/sans-souhaits",
                         "ce nœud demande où l’on habite, mais commun.yaml n’a aucun souhait"
                         " « directory_wishes » : « je sais pas », « et en visio ? » n’y"
                         " seront pas compris",
                         "ajoutez « directory_wishes » à commun.yaml (docs/dialogues.md,"
                         " « Les mots des réponses »)", "warning")


def _said_by_go_on(content: Content, choice: Choice) -> list[str]:
    """The synonyms of a « Continuer… » choice that `go_on:` already says."""
    if not choice.goes_on:
        return []
    shared = {_plain(p) for p in content.common.go_on}
    return [s for s in choice.synonyms if _plain(s) in shared]


def _plain(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").casefold().split())


def check_content(content: Content) -> list[Issue]:
    issues: list[Issue] = []
    for check in (_check_entry, _check_targets, _check_shape, _check_texts, _check_sources,
                  _check_tools, _check_guards, _check_own_guards, _check_reachability,
                  _check_auto_cycles, _check_intents, _check_calls, _check_stages,
                  _check_short_path, _check_edit_menus, _check_examples, _check_wishes):
        issues.extend(check(content))
    return issues


def coverage(content: Content) -> dict[str, list[str]]:
    covered = {s for _f, node in content.iter_nodes() for s in node.source}
    return {
        "covered": sorted(s for s in content.sections if s in covered),
        "missing": sorted(s for s in content.sections if s not in covered),
    }


def _detour(content: Content, start: NodeRef) -> tuple[set[NodeRef], set[NodeRef]]:
    """The nodes a detour called at `start` can reach before it ends (leaving the called
    flow ends it; calls and returns are not followed), and the call targets among them."""
    region: set[NodeRef] = set()
    calls: set[NodeRef] = set()
    queue = deque([start])
    while queue:
        ref = queue.popleft()
        if ref in region or ref[0] != start[0] or not content.has_node(ref):
            continue
        region.add(ref)
        flow = content.flows[ref[0]]
        node = flow.nodes[ref[1]]
        for choice in node.choices:
            target = content.resolve(flow.id, choice.target)
            if choice.call:
                calls.add(target)
            elif not choice.returns:
                queue.append(target)
        queue.extend(content.resolve(flow.id, route.target) for route in node.next)
        if node.ask is not None:
            queue.extend(content.resolve(flow.id, route.target) for route in node.ask.next)
    return region, calls


def _check_calls(content: Content) -> Iterator[Issue]:
    """Detours: no return outside any detour, no call cycle, no nesting deeper than allowed."""
    targets = {content.resolve(flow.id, choice.target)
               for flow, node in content.iter_nodes() for choice in node.choices if choice.call}
    if content.draft_summary is not None:  # opened as a detour by the typed « brouillon »
        targets.add(content.draft_summary)
    detours = {t: _detour(content, t) for t in targets if content.has_node(t)}
    inside = set().union(*(region for region, _calls in detours.values()))
    for flow, node in content.iter_nodes():
        returns = [c.id for c in node.choices if c.returns]
        if node.ask is not None and node.ask.returns:
            returns.append("ask")
        if returns and (flow.id, node.id) not in inside:
            yield _issue(flow, node, "appel/retour-sans-appel",
                         f"« return » ({', '.join(returns)}) alors qu’aucun détour"
                         " (« call ») ne mène ici : il n’y a nulle part où revenir",
                         "appelez ce nœud avec « call: parcours:nœud », ou remplacez « return »"
                         " par une « target »")
        for choice in node.choices:
            for name in sorted((choice.set.keys() | choice.add.keys())
                               & set(ENGINE_VARIABLES)):
                what = {CALL_DEPTH_VARIABLE: "la profondeur du détour",
                        CALL_ORIGIN_VARIABLE: "l’endroit qui a appelé le détour",
                        STAGES_LEFT_VARIABLE: "le nombre d’étapes pas encore vues en entier",
                        DRAFT_ANSWERS_VARIABLE: "le nombre de réponses du brouillon",
                        DIRECTORY_VARIABLE: "le nombre de communautés de l’annuaire du site",
                        CONTACT_VARIABLE: "si le site donne un téléphone ou un courriel",
                        }[name]
                yield _issue(flow, node, "appel/variable-reservee",
                             f"choix « {choice.id} » : la variable « {name} »"
                             f" est donnée par le coach ({what})",
                             "choisissez un autre nom de variable")
    depth: dict[NodeRef, int] = {}
    reported: set[NodeRef] = set()

    def deepest(ref: NodeRef, path: tuple[NodeRef, ...]) -> int:
        if ref in path:
            cycle = (*path[path.index(ref):], ref)
            if ref not in reported:
                reported.add(ref)
                flow = content.flows[ref[0]]
                issues.append(_issue(flow, flow.nodes[ref[1]], "appel/cycle",
                                     "ces détours s’appellent en boucle : "
                                     + " → ".join(f"{f}:{n}" for f, n in cycle),
                                     "revenez (« return ») au lieu d’appeler de nouveau"))
            return 0
        if ref not in depth:
            inner = [deepest(t, (*path, ref)) for t in detours.get(ref, ((), ()))[1]
                     if t in detours]
            depth[ref] = 1 + max(inner, default=0)
        return depth[ref]

    issues: list[Issue] = []
    for target in sorted(detours):
        if deepest(target, ()) > MAX_CALL_DEPTH and target not in reported:
            reported.add(target)
            flow = content.flows[target[0]]
            issues.append(_issue(flow, flow.nodes[target[1]], "appel/trop-profond",
                                 f"des détours s’emboîtent sur {depth[target]} niveaux à partir"
                                 f" d’ici ; le coach en garde {MAX_CALL_DEPTH} au plus",
                                 "revenez avant d’appeler un autre détour"))
    yield from issues


def _check_stages(content: Content) -> Iterator[Issue]:
    """Staged flows: numbers 1…N once each; parts that start at known nodes, in file order."""
    numbers: dict[int, str] = {}
    for flow in content.flows.values():
        header = flow.header
        if header.stage is None:
            if header.parts:
                yield _issue(flow, None, "etape/parties-sans-etape",
                             "« parts » sans « stage » : ce parcours n’est pas une étape",
                             "ajoutez « stage: N » à l’en-tête, ou retirez « parts »")
            continue
        if header.stage in numbers:
            yield _issue(flow, None, "etape/numero",
                         f"l’étape {header.stage} est déjà le parcours « {numbers[header.stage]} »",
                         "donnez à chaque étape un numéro différent")
        numbers.setdefault(header.stage, flow.id)
        if not header.parts:
            yield _issue(flow, None, "etape/sans-parties",
                         "cette étape n’a pas de parties : la progression ne peut pas être dite",
                         "ajoutez « parts: » avec, pour chaque partie, « id », « from »,"
                         " « title » et « title_falc »")
            continue
        order = {node_id: index for index, node_id in enumerate(flow.nodes)}
        positions = []
        seen_ids: set[str] = set()
        for part in header.parts:
            if part.id in seen_ids:
                yield _issue(flow, None, "id/double", f"la partie « {part.id} » est en double",
                             "donnez un identifiant unique à chaque partie")
            seen_ids.add(part.id)
            if part.first not in order:
                yield _issue(flow, None, "etape/partie-inconnue",
                             f"la partie « {part.id} » commence à « {part.first} », qui n’existe"
                             " pas", "indiquez dans « from » un nœud de ce parcours")
            else:
                positions.append(order[part.first])
        if positions and positions != sorted(set(positions)):
            yield _issue(flow, None, "etape/partie-ordre",
                         "les parties ne suivent pas l’ordre des nœuds dans le fichier",
                         "rangez « parts » dans l’ordre du fichier, une partie par nœud de"
                         " départ")
        if positions and min(positions) != 0:
            yield _issue(flow, None, "etape/partie-debut",
                         f"le premier nœud du fichier (« {next(iter(flow.nodes))} ») n’est dans"
                         " aucune partie", "faites commencer la première partie au premier"
                         " nœud du fichier")
    yield from _check_skips(content)
    for flow in content.flows.values():
        for node in flow.nodes.values():
            for choice in node.choices:
                if not choice.resume_stage:
                    continue
                target = content.resolve(flow.id, choice.target)
                called = content.flows.get(target[0])
                if (called is None or called.header.stage is None or choice.call
                        or target[1] != called.header.start):
                    yield _issue(flow, node, "etape/reprise-hors-etape",
                                 f"le choix « {choice.id} » a « resume_stage » mais ne mène pas"
                                 " au début d’une étape", "visez le nœud de départ d’un"
                                 " parcours « stage: N » avec « target », ou retirez"
                                 " « resume_stage »")
    expected = list(range(1, len(numbers) + 1))
    if numbers and sorted(numbers) != expected:
        first = content.flows[min(numbers.values())]
        yield _issue(first, None, "etape/numero",
                     f"les étapes sont numérotées {sorted(numbers)} au lieu de {expected}",
                     "numérotez les étapes à partir de 1, sans trou")


def _part_index(flow: FlowData, node_id: str) -> int | None:
    """The index of the part of a staged flow a node is in (None outside every part)."""
    firsts = {part.first: index for index, part in enumerate(flow.header.parts)}
    current: int | None = None
    for found in flow.nodes:
        current = firsts.get(found, current)
        if found == node_id:
            return current
    return None


def _check_skips(content: Content) -> Iterator[Issue]:
    """`skip: true` (« Passer les cartes ») leaves a stage's part for a later part of the
    same stage: elsewhere there is no part to call skipped, or the person stays in it."""
    for flow in content.flows.values():
        for node in flow.nodes.values():
            for choice in node.choices:
                if not choice.skip:
                    continue
                here = _part_index(flow, node.id) if flow.header.stage is not None else None
                target = content.resolve(flow.id, choice.target)
                there = (_part_index(flow, target[1])
                         if target[0] == flow.id and target[1] in flow.nodes else None)
                if (here is None or there is None or there <= here or choice.call
                        or choice.returns):
                    yield _issue(flow, node, "etape/passer-hors-partie",
                                 f"le choix « {choice.id} » a « skip » mais ne quitte pas sa"
                                 " partie pour une partie suivante de la même étape",
                                 "visez avec « target » un nœud d’une partie plus loin dans"
                                 " l’étape, ou retirez « skip »")


def _exercise_nodes(flow: FlowData) -> tuple[set[str], set[str]]:
    """(nodes in exercise parts, nodes in other parts) of a staged flow, in file order."""
    firsts = {part.first: part.exercise for part in flow.header.parts}
    exercise: set[str] = set()
    other: set[str] = set()
    current: bool | None = None
    for node_id in flow.nodes:
        current = firsts.get(node_id, current)
        if current is not None:
            (exercise if current else other).add(node_id)
    return exercise, other


def _short_path_routes(routes: list[Route]) -> Iterator[Route]:
    """The automatic routes that may be taken on the short path, in order: a guard on
    `chemin` alone is read with `chemin == 'court'`; any other guard may hold."""
    short = {PATH_VARIABLE: SHORT_PATH}
    for route in routes:
        if route.when is None:
            yield route
            return
        try:
            guard = compile_guard(route.when)
        except GuardSyntaxError:
            continue  # reported by _check_guards
        if guard.names == {PATH_VARIABLE}:
            if guard(short):
                yield route
                return
            continue
        yield route


def _check_short_path(content: Content) -> Iterator[Issue]:
    """The short path stays short: outside the exercises, no automatic route (a `next`, or
    the way on after a typed answer) leads into an exercise part. A choice may: the person
    then asks for the exercise (« Faire quand même l’exercice »)."""
    for flow in content.flows.values():
        if flow.header.stage is None or not any(p.exercise for p in flow.header.parts):
            continue
        exercise, other = _exercise_nodes(flow)
        for node_id in sorted(other, key=list(flow.nodes).index):
            node = flow.nodes[node_id]
            automatic = [("suite", node.next)]
            if node.ask is not None:
                automatic.append(("réponse écrite", node.ask.next))
            for what, routes in automatic:
                for route in _short_path_routes(routes):
                    target = content.resolve(flow.id, route.target)
                    if target[0] == flow.id and target[1] in exercise:
                        yield _issue(flow, node, "etape/court-vers-exercice",
                                     f"sur le parcours court, la {what} mène à « {target[1]} »,"
                                     " dans une partie d’exercice",
                                     "sous « ask » ou dans « next », ajoutez d’abord une suite"
                                     f" « {{target: …, when: \"{PATH_VARIABLE} =="
                                     f" '{SHORT_PATH}'\"}} » qui contourne l’exercice")


def _check_edit_menus(content: Content) -> Iterator[Issue]:
    """The summary's menu of typed answers (`edit_answers`) needs its way back: every edit
    node it opens returns through the menu's own `return: true` choice."""
    for flow, node in answer_edits.menus(content.flows):
        if not any(c.returns for c in node.choices):
            yield _issue(flow, node, "brouillon/modifier-sans-retour",
                         "« edit_answers » sans choix « return: true » : les réponses à"
                         " modifier ne peuvent pas être proposées",
                         "ajoutez un choix « Revenir où j’en étais » avec « return: true »")
