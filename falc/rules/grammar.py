"""Grammar: negation (FALC-NEG-001), passive (FALC-PASS-001), moods and tenses
(FALC-MOOD-001…004).

Each rule uses spaCy's parse and morphology when tier 2 runs, and regular expressions
and word lists otherwise. The small French model is imperfect (it tags « veniez » as
indicative, « faudrait » as imperfect), so the word lists also back up tier 2.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from falc.analysis import Analysis, Token
from falc.findings import Finding, Severity

# --------------------------------------------------------------------------- negation

_NE = frozenset({"ne", "n'"})
_PAS_LIKE = frozenset({"pas", "jamais"})
_AFTER_NE_ONLY = frozenset({"plus", "rien", "personne", "que", "nulle", "part", "guère", "point"})
_NEG_DET = frozenset({"aucun", "aucune", "nul", "nulle"})
_NOUN_PAS_BEFORE = frozenset(
    {
        "un",
        "le",
        "ce",
        "mon",
        "ton",
        "son",
        "votre",
        "notre",
        "leur",
        "premier",
        "petit",
        "petits",
        "premiers",
        "les",
        "des",
        "ces",
        "vos",
        "nos",
        "à",
        "au",
        "grand",
        "faux",
    }
)
_CHAIN = frozenset({"pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "guère"})


@dataclass
class _Neg:
    tokens: list[Token] = field(default_factory=list)
    oral: bool = False

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def find_negations(tokens: list[Token]) -> list[_Neg]:
    """Negations of one sentence, each with the tokens that form it (« ne … pas »)."""
    negs: list[_Neg] = []
    open_ne: _Neg | None = None
    last_partner: tuple[_Neg, int] | None = None  # for « ne … plus jamais »
    subject_neg: tuple[_Neg, int] | None = None  # « Personne ne… », « Aucun aidant n'est… »
    n = len(tokens)
    for i, t in enumerate(tokens):
        low = t.lower
        prev = tokens[i - 1].lower if i else ""
        nxt = tokens[i + 1].lower if i + 1 < n else ""
        if low in _NE:
            if subject_neg is not None and i - subject_neg[1] <= 4:
                subject_neg[0].tokens.append(t)
                open_ne = subject_neg[0]
                subject_neg = None
            else:
                open_ne = _Neg([t])
                negs.append(open_ne)
            continue
        chained = last_partner is not None and last_partner[1] == i - 1 and low in _CHAIN
        if chained and last_partner is not None:
            last_partner[0].tokens.append(t)
            last_partner = (last_partner[0], i)
            continue
        if low in _PAS_LIKE:
            after_next = tokens[i + 2].lower if i + 2 < n else ""
            pas_a_pas = (nxt == "à" and after_next == "pas") or (
                prev == "à" and i > 1 and tokens[i - 2].lower == "pas"
            )
            if low == "pas" and (prev in _NOUN_PAS_BEFORE or t.pos == "NOUN" or pas_a_pas):
                continue  # « un pas », « pas à pas »
            if low == "jamais" and prev in ("si", "à"):
                continue  # « si jamais », « à jamais »
            if open_ne is not None:
                open_ne.tokens.append(t)
                last_partner = (open_ne, i)
                open_ne = None
            else:
                neg = _Neg([t], oral=True)
                negs.append(neg)
                last_partner = (neg, i)
        elif low in _AFTER_NE_ONLY:
            if open_ne is not None:
                open_ne.tokens.append(t)
                last_partner = (open_ne, i)
                open_ne = None
            elif low in ("personne", "rien") and nxt in _NE:
                neg = _Neg([t])
                negs.append(neg)
                subject_neg = (neg, i)
        elif low in _NEG_DET:
            if open_ne is not None:
                open_ne.tokens.append(t)
                last_partner = (open_ne, i)
                open_ne = None
            else:
                neg = _Neg([t])
                negs.append(neg)
                subject_neg = (neg, i)
        elif low == "sans":
            negs.append(_Neg([t]))
        elif low == "non":
            if i == 0 or prev in ("ou", "oui", "et") or nxt in ("", "?"):
                continue  # « Non, merci. », « oui ou non » are answers, not negations
            negs.append(_Neg([t]))
        elif low == "ni":
            host = next((g for g in reversed(negs) if g.tokens[0].lower in _NE | {"ni"}), None)
            if host is not None:
                host.tokens.append(t)
            else:
                negs.append(_Neg([t]))
    return negs


_NEG_HINTS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"n['’]\s*hésite[zs]? pas", re.I),
        "Écrivez « Vous pouvez … » : par exemple « Vous pouvez nous appeler. »",
    ),
    (
        re.compile(r"n['’]\s*oublie[zs]? pas", re.I),
        "Écrivez « Pensez à … » : par exemple « Pensez à prendre votre carte. »",
    ),
    (re.compile(r"pas obligée?s?", re.I), "Écrivez « Vous pouvez choisir. »"),
    (
        re.compile(r"\bne\b.*\bque\b|\bn['’].*\bque\b", re.I),
        "Écrivez « seulement » : « Vous pouvez venir seulement le lundi. »",
    ),
    (
        re.compile(r"\bne\b.*\bplus\b|\bn['’].*\bplus\b", re.I),
        "Dites ce qui change, à la forme positive : « Vous arrêtez de … ».",
    ),
    (
        re.compile(r"\bne\b.*\bjamais\b|\bn['’].*\bjamais\b", re.I),
        "Dites ce qu'il faut faire, par exemple avec « toujours ».",
    ),
    (
        re.compile(r"\bsans\b", re.I),
        "Dites ce qu'il faut faire : par exemple « Prévenez avant de partir. » au lieu de "
        "« sans prévenir ».",
    ),
    (re.compile(r"\baucune?\b", re.I), "Dites ce qui existe, ou écrivez « 0 »."),
]


def _neg_hint(text: str, oral: bool) -> str:
    for regex, hint in _NEG_HINTS:
        if regex.search(text):
            return hint
    if oral:
        return (
            "Écrivez la phrase à la forme positive : par exemple « C'est normal. » "
            "au lieu de « C'est pas grave. »"
        )
    return (
        "Dites la même chose à la forme positive, avec ce que la personne peut faire : "
        "par exemple « Restez avec d'autres personnes. » au lieu de « Ne restez pas seul. »"
    )


def neg_001(a: Analysis) -> Iterator[Finding]:
    limit = a.config.thresholds.negations_error
    for unit, tokens in zip(a.units, a.tokens, strict=True):
        negs = find_negations(tokens)
        if not negs:
            continue
        start, end = negs[0].start, negs[-1].end
        words_ = [" … ".join(t.text for t in g.tokens) for g in negs]
        severity: Severity = "error" if len(negs) >= limit else "warning"
        if all(any(t.bold for t in g.tokens) for g in negs):
            severity = "info"
        if len(negs) == 1:
            message = f"Négation : « {words_[0]} ». Les phrases négatives sont difficiles."
        else:
            listed = ", ".join(f"« {w} »" for w in words_)
            message = f"{len(negs)} négations dans la même phrase : {listed}."
        hint = _neg_hint(a.text[unit.start : unit.end], any(g.oral for g in negs))
        if len(negs) >= 2:
            hint = "Gardez une négation au plus. " + hint
        if severity == "info":
            message += " La négation est en gras : c'est bien."
        yield a.finding("FALC-NEG-001", start, end, message, hint, severity)


# ---------------------------------------------------------------------------- passive

_ETRE_FORMS = (
    "suis|es|est|sommes|êtes|sont|étais|était|étions|étiez|étaient|serai|seras|sera|serons|"
    "serez|seront|serais|serait|serions|seriez|seraient|sois|soit|soyons|soyez|soient|être|"
    "été|fut|furent"
)
_ADVERBS = "bien|très|déjà|toujours|souvent|pas|plus|jamais|tous|toutes|tout|aussi|vite|parfois"
_IRREGULAR_PARTICIPLES = frozenset(
    [
        "fait",
        "faite",
        "faits",
        "faites",
        "pris",
        "prise",
        "prises",
        "mis",
        "mise",
        "mises",
        "dit",
        "dite",
        "dits",
        "écrit",
        "écrite",
        "écrits",
        "écrites",
        "ouvert",
        "ouverte",
        "ouverts",
        "ouvertes",
        "offert",
        "offerte",
        "offerts",
        "offertes",
        "reçu",
        "reçue",
        "reçus",
        "reçues",
        "vu",
        "vue",
        "vus",
        "vues",
        "lu",
        "lue",
        "lus",
        "lues",
        "connu",
        "connue",
        "connus",
        "connues",
        "prévu",
        "prévue",
        "prévus",
        "prévues",
        "tenu",
        "tenue",
        "tenus",
        "tenues",
        "soutenu",
        "soutenue",
        "soutenus",
        "soutenues",
        "accueilli",
        "accueillie",
        "accueillis",
        "accueillies",
        "choisi",
        "choisie",
        "choisis",
        "choisies",
        "réuni",
        "réunie",
        "réunis",
        "réunies",
        "fini",
        "finie",
        "finis",
        "finies",
        "suivi",
        "suivie",
        "suivis",
        "suivies",
        "permis",
        "permise",
        "promis",
        "promise",
        "compris",
        "comprise",
        "appris",
        "apprise",
        "conduit",
        "conduite",
        "produit",
        "produite",
        "construit",
        "construite",
        "traduit",
        "traduite",
        "remis",
        "remise",
        "transmis",
        "transmise",
        "admis",
        "admise",
        "interdit",
        "interdite",
        "inclus",
        "incluse",
        "exclu",
        "exclue",
        "élu",
        "élue",
        "rendu",
        "rendue",
        "rendus",
        "vendu",
        "vendue",
        "attendu",
        "attendue",
        "entendu",
        "entendue",
        "perdu",
        "perdue",
        "défendu",
        "défendue",
        "vécu",
        "vécue",
        "reconnu",
        "reconnue",
        "obtenu",
        "obtenue",
        "retenu",
        "retenue",
        "maintenu",
        "maintenue",
        "convaincu",
        "convaincue",
        "résolu",
        "résolue",
        "voulu",
        "voulue",
        "pourvu",
        "garanti",
        "garantie",
        "servi",
        "servie",
        "remboursé",
    ]
)
_ETRE_PARTICIPLES_IRREGULAR = frozenset(
    [
        "venu",
        "venue",
        "venus",
        "venues",
        "parti",
        "partie",
        "partis",
        "parties",
        "né",
        "née",
        "nés",
        "nées",
        "mort",
        "morte",
        "morts",
        "mortes",
        "descendu",
        "descendue",
        "descendus",
        "descendues",
        "devenu",
        "devenue",
        "devenus",
        "devenues",
        "revenu",
        "revenue",
        "revenus",
        "revenues",
        "parvenu",
        "parvenue",
        "intervenu",
        "intervenue",
        "apparu",
        "apparue",
        "survenu",
        "survenue",
        "sorti",
        "sortie",
        "sortis",
        "sorties",
        "reparti",
        "repartie",
    ]
)
_PASSIVE_RE = re.compile(
    rf"(?<![\w'’])({_ETRE_FORMS})\s+(?:(?:{_ADVERBS})\s+)*([^\W\d_]+)(\s+par\b)?", re.I
)
_REFLEXIVE_BEFORE_RE = re.compile(r"(?:\b(?:se|me|te|nous|vous)|\b[smt]['’])\s*$", re.I)
_AUX_NOT_PASSIVE = re.compile(r"^(?:a|as|ai|avons|avez|ont|avait|avaient)$")


def _forms(word: str) -> set[str]:
    w = word.lower()
    out = {w}
    for suffix in ("es", "s", "e"):
        if w.endswith(suffix):
            out.add(w[: -len(suffix)])
    return out


def _etre_participle(word: str, etre_verbs: frozenset[str]) -> bool:
    """Past participle of a verb that forms its compound tenses with « être »."""
    forms = _forms(word)
    if forms & _ETRE_PARTICIPLES_IRREGULAR:
        return True
    return any(v.endswith("er") and v[:-2] + "é" in forms for v in etre_verbs)


def _adjectival(word: str, a: Analysis) -> bool:
    forms = _forms(word)
    return bool(forms & a.config.adjectival_participles) or any(
        f.endswith("é") and f[:-1] + "é" in a.config.adjectival_participles for f in forms
    )


def _looks_participle(word: str) -> bool:
    low = word.lower()
    return bool(re.search(r"(?:é|ée|és|ées)$", low)) or low in _IRREGULAR_PARTICIPLES


_PARTICIPLE_END_RE = re.compile(
    r"(?:é|ée|és|ées|i|ie|is|ies|it|ite|its|ites|u|ue|us|ues|ert|erte|erts|ertes|eint|einte|"
    r"eints|eintes|aint|ainte|aints|aintes|ort|orte|orts|ortes)$"
)


def _participle_form(word: str) -> bool:
    """Looks like a past participle (the parser also calls adjectives participles)."""
    low = word.lower()
    return low in _IRREGULAR_PARTICIPLES or (
        _PARTICIPLE_END_RE.search(low) is not None and low not in _NOT_PARTICIPLES
    )


def _active_hint(subject: str, lemma: str | None, agent: str | None) -> str:
    subject = subject.strip()
    if subject and subject.split()[0].lower() in ("le", "la", "les", "l'", "un", "une", "des"):
        subject = subject[0].lower() + subject[1:]
    if lemma and lemma.endswith("er") and agent:
        plural = agent.split()[0].lower() in ("les", "des", "ces", "vos", "nos", "leurs")
        verb = lemma[:-2] + ("ent" if plural else "e")
        agent_cap = agent[0].upper() + agent[1:]
        obj = f" {subject}" if subject else ""
        return f"Commencez par qui fait l'action : « {agent_cap} {verb}{obj}. »"
    if agent:
        return (
            f"Commencez par qui fait l'action : « {agent[0].upper() + agent[1:]} » "
            f"puis le verbe{f' « {lemma} »' if lemma else ''} à la forme active."
        )
    return (
        "Dites qui fait l'action, au début de la phrase : par exemple « La commission "
        "valide votre dossier. » au lieu de « Votre dossier est validé. »"
    )


def _subtree_text(tok: Any, base: int, a: Analysis) -> tuple[str, int, int]:
    toks = list(tok.subtree)
    start = base + toks[0].idx
    end = base + toks[-1].idx + len(toks[-1].text)
    return a.text[start:end], start, end


def _spacy_passives(a: Analysis) -> Iterator[tuple[int, int, str | None, str, str | None]]:
    assert a.docs is not None
    for unit, doc in zip(a.units, a.docs, strict=True):
        base = unit.start
        for t in doc:
            if t.dep_ != "aux:pass" or t.lemma_ != "être":
                continue
            part = t.head
            if part.pos_ not in ("VERB", "ADJ") or part.i == t.i:
                continue
            if not _participle_form(part.text):
                continue  # « est mûr », « être facile », « c'est apprendre »
            if _etre_participle(part.text, a.config.etre_verbs):
                continue
            reflexive = any(
                c.dep_ in ("iobj", "obj", "expl:pv", "expl:comp", "expl")
                and c.lower_ in ("se", "s'", "me", "m'", "te", "t'", "nous", "vous")
                and c.i < t.i
                for c in part.children
            )
            if reflexive or _REFLEXIVE_BEFORE_RE.search(a.clean[base : base + t.idx]):
                continue
            agent_tok = next((c for c in part.children if c.dep_ == "obl:agent"), None)
            if agent_tok is None and _adjectival(part.text, a):
                continue
            end = base + part.idx + len(part.text)
            agent = None
            if agent_tok is not None:
                text, _, agent_end = _subtree_text(agent_tok, base, a)
                agent = re.sub(r"^par\s+", "", text, flags=re.I)
                end = max(end, agent_end)
            subj = next((c for c in part.children if c.dep_ in ("nsubj:pass", "nsubj")), None)
            subject = _subtree_text(subj, base, a)[0] if subj is not None else ""
            lemma = part.lemma_ if part.lemma_ else None
            yield base + t.idx, end, agent, subject, lemma


def _regex_passives(a: Analysis) -> Iterator[tuple[int, int, str | None, str, str | None]]:
    for unit in a.units:
        for m in _PASSIVE_RE.finditer(a.clean, unit.start, unit.end):
            word = m.group(2)
            if not _looks_participle(word) or _etre_participle(word, a.config.etre_verbs):
                continue
            before = a.clean[unit.start : m.start()]
            if _REFLEXIVE_BEFORE_RE.search(before):
                continue
            if (
                m.group(1).lower() == "été"
                and _AUX_NOT_PASSIVE.match((before.split() or [""])[-1].lower()) is None
            ):
                continue  # « été » as a noun (summer), not « a été »
            agent = None
            end = m.end(2)
            if m.group(3):
                rest = a.clean[m.end(3) : unit.end]
                am = re.match(r"\s+((?:[^\W\d_]+['’]?\s*){1,3}?[^\W\d_]+)(?=[\s.,;:!?]|$)", rest)
                if am:
                    agent = am.group(1).strip()
                    end = m.end(3) + am.end(1)
            elif _adjectival(word, a):
                continue
            subject = re.sub(r"^(?:.*[,;:]\s*)?", "", before).strip()
            subject = re.sub(r"\s+(?:a|ont|avait|avaient|va|vont)$", "", subject)
            lemma = None
            low = word.lower()
            for suffix in ("ées", "ée", "és", "é"):
                if low.endswith(suffix):
                    lemma = low[: -len(suffix)] + "er"
                    break
            yield m.start(1), end, agent, subject, lemma


def pass_001(a: Analysis) -> Iterator[Finding]:
    found = list(_spacy_passives(a)) if a.tier2 else []
    spans = {(s, e) for s, e, *_ in found}
    for item in _regex_passives(a):
        # The parser misses some passives; an explicit agent (« par … ») is proof enough.
        if not a.tier2 or (item[2] and not any(s <= item[0] < e for s, e in spans)):
            found.append(item)
    for start, end, agent, subject, lemma in sorted(found):
        yield a.finding(
            "FALC-PASS-001",
            start,
            end,
            f"Voix passive : « {a.text[start:end]} ». Le lecteur ne voit pas tout de suite "
            "qui fait l'action.",
            _active_hint(subject, lemma, agent),
        )


# ----------------------------------------------------------------------- subjunctive

_SUBJ_TRIGGER_RE = re.compile(
    r"(?<![\w'’])(?:il\s+(?:faut|faudra|faudrait|fallait)|(?<!aussi\s)(?<!tant\s)bien|pour|"
    r"afin|avant|sans|à\s+condition|jusqu['’]à\s+ce|en\s+attendant|de\s+peur|pourvu|à\s+moins|"
    r"il\s+vaut\s+mieux|(?:important|nécessaire|possible|normal|dommage|essentiel|utile|"
    r"indispensable|obligatoire)|(?:veux|voulez|voulons|veut|veulent|voudrais|voudrions|"
    r"voudriez|souhaite|souhaites|souhaitez|souhaitons|souhaitent|aimerais|aimerions|"
    r"aimeriez|aimerait|préfère|préférez|préférons|attends|attendez|demande|demandez|"
    r"propose|proposez|doute|doutez))\s+qu(?:e\s+|['’]\s*)",
    re.I,
)
_SUBJ_ONLY = frozenset(
    [
        "soit",
        "soient",
        "sois",
        "soyons",
        "ait",
        "aient",
        "aies",
        "ayons",
        "fasse",
        "fasses",
        "fassent",
        "fassiez",
        "fassions",
        "puisse",
        "puisses",
        "puissent",
        "puissiez",
        "puissions",
        "veuille",
        "veuilles",
        "veuillent",
        "aille",
        "ailles",
        "aillent",
        "alliez",
        "sache",
        "saches",
        "sachent",
        "sachiez",
        "sachions",
        "vienne",
        "viennes",
        "veniez",
        "venions",
        "prenne",
        "prennes",
        "preniez",
        "prenions",
        "doive",
        "doives",
    ]
)
_IMPERATIVE_START = frozenset({"soyez", "soyons", "ayez", "ayons", "sachez", "sachons", "veuillez"})
_SUBJECT_WORDS = frozenset(
    {"je", "j'", "tu", "il", "ils", "elle", "elles", "on", "nous", "vous", "ce", "c'", "cela", "ça"}
)
_CLITICS = frozenset(
    {
        "ne",
        "n'",
        "me",
        "m'",
        "te",
        "t'",
        "se",
        "s'",
        "le",
        "la",
        "les",
        "l'",
        "lui",
        "leur",
        "y",
        "en",
        "nous",
        "vous",
    }
)


def _token_at(a: Analysis, unit_idx: int, offset: int) -> int | None:
    for i, t in enumerate(a.tokens[unit_idx]):
        if t.start >= offset:
            return i
    return None


def _clause_verb(tokens: list[Token], i: int) -> Token | None:
    """The verb after « que »: skip a subject pronoun and clitics, or a short noun group."""
    j = i
    if j < len(tokens) and tokens[j].lower in _SUBJECT_WORDS:
        j += 1
        while j < len(tokens) and tokens[j].lower in _CLITICS:
            j += 1
        return tokens[j] if j < len(tokens) else None
    for k in range(j, min(j + 5, len(tokens))):
        if tokens[k].pos in ("VERB", "AUX") or tokens[k].lower in _SUBJ_ONLY:
            return tokens[k]
    return None


def _subjunctive_hint(trigger: str, verb: Token) -> str:
    infinitive = verb.lemma if verb.lemma and verb.lemma.endswith(("er", "ir", "re")) else None
    if re.match(r"il\s+fau", trigger, re.I) and infinitive:
        return f"Écrivez « Vous devez {infinitive} » : une phrase simple, au présent."
    return (
        "Écrivez une phrase simple au présent, sans « que » : par exemple « Vous devez "
        "venir. » au lieu de « Il faut que vous veniez. »"
    )


def mood_001(a: Analysis) -> Iterator[Finding]:
    seen: set[int] = set()
    for ui, unit in enumerate(a.units):
        tokens = a.tokens[ui]
        for m in _SUBJ_TRIGGER_RE.finditer(a.clean, unit.start, unit.end):
            i = _token_at(a, ui, m.end())
            if i is None:
                continue
            verb = _clause_verb(tokens, i)
            if verb is None or verb.start in seen:
                continue
            seen.add(verb.start)
            yield a.finding(
                "FALC-MOOD-001",
                verb.start,
                verb.end,
                f"Subjonctif : « {verb.text} » (après « {' '.join(m.group().split())} »).",
                _subjunctive_hint(m.group(), verb),
            )
        for i, t in enumerate(tokens):
            if t.start in seen:
                continue
            after_que = any(
                x.lower in ("que", "qu'") and x.pos in (None, "SCONJ")
                for x in tokens[max(0, i - 4) : i]
            )
            by_form = t.lower in _SUBJ_ONLY and after_que
            # The small model over-tags imperatives as subjunctive: require « que » too.
            by_model = (
                after_que
                and t.pos in ("VERB", "AUX")
                and t.morph.get("Mood") == "Sub"
                and not (i == 0 and t.lower in _IMPERATIVE_START)
            )
            if by_form or by_model:
                seen.add(t.start)
                yield a.finding(
                    "FALC-MOOD-001",
                    t.start,
                    t.end,
                    f"Subjonctif : « {t.text} ».",
                    _subjunctive_hint("", t),
                )


# ----------------------------------------------------------------------- conditional

_COND_PRESENT = {
    "pourrais": "peux",
    "pourrait": "peut",
    "pourriez": "pouvez",
    "pourrions": "pouvons",
    "pourraient": "peuvent",
    "voudrais": "veux",
    "voudrait": "veut",
    "voudriez": "voulez",
    "voudrions": "voulons",
    "voudraient": "veulent",
    "devrais": "dois",
    "devrait": "doit",
    "devriez": "devez",
    "devrions": "devons",
    "devraient": "doivent",
    "faudrait": "faut",
    "serais": "es",
    "serait": "est",
    "seriez": "êtes",
    "serions": "sommes",
    "seraient": "sont",
    "aurais": "as",
    "aurait": "a",
    "auriez": "avez",
    "aurions": "avons",
    "auraient": "ont",
    "aimerais": "veux",
    "aimerait": "veut",
    "aimeriez": "voulez",
    "aimerions": "voulons",
    "souhaiterais": "veux",
    "souhaiteriez": "voulez",
    "souhaiterait": "veut",
    "ferais": "fais",
    "ferait": "fait",
    "feriez": "faites",
    "irais": "vais",
    "irait": "va",
    "iriez": "allez",
    "viendrait": "vient",
    "viendriez": "venez",
    "saurait": "sait",
    "sauriez": "savez",
    "vaudrait": "vaut",
    "conviendrait": "convient",
    "suffirait": "suffit",
    "prendrait": "prend",
    "prendriez": "prenez",
    "dirait": "dit",
    "diriez": "dites",
    "plairait": "plaît",
    "préféreriez": "préférez",
    "préférerais": "préfère",
}
_COND_RE = re.compile(r"^[^\W\d_]+(?:erais|erait|eraient|eriez|erions)$")


_COND_ENDING_RE = re.compile(r"r(?:ais|ait|ions|iez|aient)$")


def _is_conditional(t: Token) -> bool:
    low = t.lower
    if t.pos in ("NOUN", "PROPN", "ADJ", "DET", "ADP"):
        return False
    if low in _COND_PRESENT or _COND_RE.match(low):
        return True
    # The model also tags imperatives as conditional: trust it only with a conditional ending.
    return t.morph.get("Mood") == "Cnd" and _COND_ENDING_RE.search(low) is not None


def mood_002(a: Analysis) -> Iterator[Finding]:
    for t in a.all_tokens():
        if not t.is_word or not _is_conditional(t):
            continue
        present = _COND_PRESENT.get(t.lower)
        if present:
            hint = f"Écrivez le verbe au présent : « {present} » au lieu de « {t.text} »."
        else:
            hint = (
                "Écrivez le verbe au présent (par exemple « vous pouvez » au lieu de "
                "« vous pourriez »)."
            )
        yield a.finding(
            "FALC-MOOD-002",
            t.start,
            t.end,
            f"Conditionnel : « {t.text} ». Le conditionnel est difficile à comprendre.",
            hint,
        )


# --------------------------------------------------------------------- hard tenses

_PASSE_SIMPLE_RE = re.compile(
    r"^(?:[^\W\d_]{2,}(?:èrent|âmes|âtes|îmes|îtes|ûmes|ûtes|inrent)|fut|furent|fus|eut|"
    r"eurent|fit|firent|vint|vinrent|dut|purent|sut|surent|prit|prirent|mirent|naquit)$"
)
_PQP_RE = re.compile(
    r"(?<![\w'’])(avais|avait|avions|aviez|avaient|étais|était|étions|étiez|étaient)\s+"
    rf"(?:(?:{_ADVERBS})\s+)*([^\W\d_]+)",
    re.I,
)
_FUT_ANT_RE = re.compile(
    r"(?<![\w'’])(aurai|auras|aura|aurons|aurez|auront|serai|seras|sera|serons|serez|seront)\s+"
    rf"(?:(?:{_ADVERBS})\s+)*([^\W\d_]+)",
    re.I,
)
_NOT_PARTICIPLES = frozenset(
    [
        "ici",
        "aussi",
        "parmi",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "midi",
        "ainsi",
        "voici",
        "celui",
        "lui",
        "oui",
        "tout",
        "beaucoup",
        "déjà",
        "trop",
        "peu",
        "bien",
        "vrai",
        "prêt",
        "seul",
    ]
)


def mood_003(a: Analysis) -> Iterator[Finding]:
    for t in a.all_tokens():
        low = t.lower
        ps = bool(_PASSE_SIMPLE_RE.match(low))
        if not ps and t.morph.get("Tense") == "Past" and t.morph.get("VerbForm") == "Fin":
            ps = bool(t.lemma and t.lemma.endswith("er") and low == t.lemma[:-2] + "a")
        if ps and t.pos not in ("NOUN", "PROPN", "ADJ"):
            yield a.finding(
                "FALC-MOOD-003",
                t.start,
                t.end,
                f"Passé simple : « {t.text} ».",
                "Écrivez au passé composé (« il a été », « elle a fait ») ou au présent.",
            )
    for unit in a.units:
        for regex, name, hint in (
            (
                _PQP_RE,
                "Plus-que-parfait",
                "Écrivez au passé composé : « vous avez fait » au lieu de « vous aviez fait ».",
            ),
            (
                _FUT_ANT_RE,
                "Futur antérieur",
                "Écrivez au présent ou au futur simple : « Quand vous finissez, … ».",
            ),
        ):
            for m in regex.finditer(a.clean, unit.start, unit.end):
                word = m.group(2)
                low = word.lower()
                if low in _NOT_PARTICIPLES or not (
                    _looks_participle(word) or re.search(r"(?:i|is|ie|ies|u|us|ue|ues)$", low)
                ):
                    continue
                is_etre = m.group(1).lower().startswith(("é", "s"))
                if is_etre and _adjectival(word, a):
                    continue
                if is_etre and not _etre_participle(word, a.config.etre_verbs):
                    continue  # « sera validé » is a passive, « était fatigué » an adjective
                tok = next((t for t in a.tokens[unit.index] if t.start == m.start(2)), None)
                if tok is not None and tok.pos in ("NOUN", "PROPN", "ADV", "DET"):
                    continue
                yield a.finding(
                    "FALC-MOOD-003",
                    m.start(1),
                    m.end(2),
                    f"{name} : « {a.text[m.start(1) : m.end(2)]} ».",
                    hint,
                )


# --------------------------------------------------------------------- « si » clauses

_SI_RE = re.compile(
    r"(?<![\w'’])(?:(si)\s+(?=(?:vous|tu|il|ils|elle|elles|on|nous|je|j['’]|c['’]|ce|cela|ça|"
    r"la|le|les|l['’]|un|une|votre|vos|des|personne|quelqu['’]un)\b)|(s['’])(?=ils?\b))",
    re.I,
)
_INDIRECT_BEFORE_RE = re.compile(
    r"(?:sais|sait|savez|savoir|demande|demandez|demander|dites|dire|voir|vérifiez|vérifier|"
    r"regardez|choisissez|comme|même|indiquez|précisez)(?:-(?:nous|moi|le|lui))?\s*$",
    re.I,
)


def mood_004(a: Analysis) -> Iterator[Finding]:
    for unit in a.units:
        for m in _SI_RE.finditer(a.clean, unit.start, unit.end):
            if _INDIRECT_BEFORE_RE.search(a.clean[unit.start : m.start()]):
                continue
            if a.tier2 and m.group(1):
                tok = next((t for t in a.tokens[unit.index] if t.start == m.start()), None)
                if tok is not None and tok.pos == "ADV":
                    continue  # « si simple »
            cond_start = m.end()
            comma = a.clean.find(",", cond_start, unit.end)
            cond_end = comma if comma != -1 else unit.end
            condition = a.text[cond_start:cond_end].strip().rstrip(".!?")
            main = a.text[comma + 1 : unit.end].strip() if comma != -1 else ""
            if condition and main:
                cond = condition[0].upper() + condition[1:]
                hint = f"Posez une question, puis donnez la réponse : « {cond} ? Alors {main} »"
            else:
                hint = (
                    "Posez une question, puis donnez la réponse : « Vous voulez venir ? "
                    "Alors appelez-nous. »"
                )
            yield a.finding(
                "FALC-MOOD-004",
                m.start(),
                cond_end,
                f"Phrase avec « si » : « {a.text[m.start() : cond_end].strip()} ».",
                hint,
            )


RULES = [neg_001, pass_001, mood_001, mood_002, mood_003, mood_004]
