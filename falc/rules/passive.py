"""Passive voice: FALC-PASS-001.

spaCy's ``aux:pass`` when tier 2 runs, « être » + past participle otherwise (and always
when an agent « par … » proves it). Not passive: adjectival participles (« ils sont
fatigués »), compound tenses of verbs conjugated with « être » (« elle est partie »),
pronominal verbs (« vous vous êtes inscrit »). The suggestion rewrites the sentence in
the active voice when it can (« La commission valide le dossier. »).

An error when the passive names its agent (« validé par la commission »): the sentence
says who acts, backwards, and the active voice is always possible. A warning for another
clear passive: a form of « être »
that tells an event (« a été validé », « doit être validé », « sera validé », « soit
validé »), or a manner adverb on the participle (« validées collectivement »). Otherwise
« est/sont + participle » alone is often a state (« Le groupe est lancé », « La réunion est
terminée »): information only, to check by a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from falc.analysis import Analysis
from falc.findings import Finding, Severity
from falc.rules.wordlists import WORDS as _WORDS

NOT_PARTICIPLES = _WORDS["not_participles"]
_ETRE_FORMS = (
    "suis|es|est|sommes|êtes|sont|étais|était|étions|étiez|étaient|serai|seras|sera|serons|"
    "serez|seront|serais|serait|serions|seriez|seraient|sois|soit|soyons|soyez|soient|être|"
    "été|fut|furent"
)
ADVERBS = "bien|très|déjà|toujours|souvent|pas|plus|jamais|tous|toutes|tout|aussi|vite|parfois"
_IRREGULAR_PARTICIPLES = _WORDS["irregular_participles"]
_ETRE_PARTICIPLES_IRREGULAR = _WORDS["etre_participles_irregular"]
_PASSIVE_RE = re.compile(
    rf"(?<![\w'’])({_ETRE_FORMS})\s+(?:(?:{ADVERBS})\s+)*([^\W\d_]+)(\s+par\b)?", re.I
)
#: Forms of « être » after which the participle reads as a state as much as an action.
_STATE_AUX = frozenset(
    {"suis", "es", "est", "sommes", "êtes", "sont", "étais", "était", "étions", "étiez",
     "étaient"}
)
_MANNER_RE = re.compile(r"^(?:[^\W\d_]{3,}ment|ensemble)$")
_REFLEXIVE_BEFORE_RE = re.compile(r"(?:\b(?:se|me|te|nous|vous)|\b[smt]['’])\s*$", re.I)
_AUX_NOT_PASSIVE = re.compile(r"^(?:a|as|ai|avons|avez|ont|avait|avaient)$")


_CLITIC_OBJECT_RE = re.compile(r"(?:\b(?:nous|vous|me|te|lui|leur)|\b[mt]['’])\s*$", re.I)


def _clitic_object(aux: str, before: str) -> bool:
    """« doit nous être signalé », « peut vous être envoyé »: before the infinitive
    « être », a pronoun other than « se » is the passive's indirect object, not the
    reflexive of a compound tense (« vous vous êtes inscrit »), unless it is also the
    subject (« vous devez vous être inscrit »)."""
    m = _CLITIC_OBJECT_RE.search(before)
    if aux.lower() != "être" or m is None:
        return False
    clitic = m.group().strip().lower()
    return re.search(rf"\b{re.escape(clitic)}\b", before[: m.start()], re.I) is None


#: A modal verb, maybe a clitic, then the infinitive « être »: « doit nous être signalé »,
#: « peut être envoyé » — a passive for sure, which the parser sometimes misses.
_MODAL_BEFORE_RE = re.compile(
    r"\b(?:doi[st]|doivent|devra|devront|devrait|devraient|peu[tx]|peuvent|pourra|pourront|"
    r"pourrait|pourraient|va|vont|ira|iront)\s+(?:(?:ne|n['’])\s*)?"
    r"(?:(?:nous|vous|me|te|lui|leur|[mt]['’])\s*)?(?:pas\s+|plus\s+|jamais\s+)?$",
    re.I,
)


def _forms(word: str) -> set[str]:
    w = word.lower()
    out = {w}
    for suffix in ("es", "s", "e"):
        if w.endswith(suffix):
            out.add(w[: -len(suffix)])
    return out


def etre_participle(word: str, etre_verbs: frozenset[str]) -> bool:
    """Past participle of a verb that forms its compound tenses with « être »."""
    forms = _forms(word)
    if forms & _ETRE_PARTICIPLES_IRREGULAR:
        return True
    return any(v.endswith("er") and v[:-2] + "é" in forms for v in etre_verbs)


def adjectival(word: str, a: Analysis) -> bool:
    forms = _forms(word)
    return bool(forms & a.config.adjectival_participles) or any(
        f.endswith("é") and f[:-1] + "é" in a.config.adjectival_participles for f in forms
    )


def looks_participle(word: str) -> bool:
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
        _PARTICIPLE_END_RE.search(low) is not None and low not in NOT_PARTICIPLES
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


def _aux_pass_tokens(doc: Any) -> list[Any]:
    """The ``aux:pass`` tokens of a doc, found on its dependency array (no Python object
    per token: most sentences have none)."""
    from spacy.strings import get_string_id

    deps = doc.to_array("DEP")
    return [doc[int(i)] for i in (deps == get_string_id("aux:pass")).nonzero()[0]]


_Passive = tuple[int, int, str | None, str, str | None, bool]  # start, end, agent, subject,
# lemma, clear (a passive without doubt)


def _spacy_passives(a: Analysis) -> Iterator[_Passive]:
    assert a.docs is not None
    for unit, doc in zip(a.units, a.docs, strict=True):
        base = unit.start
        for t in _aux_pass_tokens(doc):
            if t.lemma_ != "être":
                continue
            part = t.head
            if part.pos_ not in ("VERB", "ADJ") or part.i == t.i:
                continue
            if not _participle_form(part.text):
                continue  # « est mûr », « être facile », « c'est apprendre »
            if etre_participle(part.text, a.config.etre_verbs):
                continue
            reflexive = any(
                c.dep_ in ("iobj", "obj", "expl:pv", "expl:comp", "expl")
                and c.lower_ in ("se", "s'", "me", "m'", "te", "t'", "nous", "vous")
                and c.i < t.i
                for c in part.children
            )
            before = a.clean[base : base + t.idx]
            if (reflexive or _REFLEXIVE_BEFORE_RE.search(before)) and not _clitic_object(
                t.lower_, before
            ):
                continue
            agent_tok = next((c for c in part.children if c.dep_ == "obl:agent"), None)
            if agent_tok is None and adjectival(part.text, a):
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
            manner = any(
                c.dep_ == "advmod" and _MANNER_RE.match(c.lower_) for c in part.children
            )
            clear = agent is not None or t.lower_ not in _STATE_AUX or manner
            yield base + t.idx, end, agent, subject, lemma, clear
        yield from _reduced_passives(a, doc, base)


def _reduced_passives(a: Analysis, doc: Any, base: int) -> Iterator[_Passive]:
    """A participle without « être » that names its agent: « une situation qualifiée
    d'intenable par les associations », « souvent sous-estimée par les professionnels »."""
    for part in doc:
        if part.pos_ not in ("VERB", "ADJ") or not _participle_form(part.text):
            continue
        if any(c.dep_ in ("aux:pass", "aux:tense", "aux") for c in part.children):
            continue  # « est validé par … » is found above
        agent_tok = next((c for c in part.children if c.dep_ == "obl:agent"), None)
        if agent_tok is None:
            continue
        text, _, agent_end = _subtree_text(agent_tok, base, a)
        agent = re.sub(r"^par\s+", "", text, flags=re.I)
        subject = part.head.text if part.dep_ in ("acl", "amod") and part.head.i != part.i else ""
        lemma = part.lemma_ if part.lemma_ else None
        yield base + part.idx, max(base + part.idx + len(part.text), agent_end), agent, \
            subject, lemma, True


def _regex_passives(a: Analysis) -> Iterator[_Passive]:
    for unit in a.units:
        for m in _PASSIVE_RE.finditer(a.clean, unit.start, unit.end):
            word = m.group(2)
            if not looks_participle(word) or etre_participle(word, a.config.etre_verbs):
                continue
            before = a.clean[unit.start : m.start()]
            if _REFLEXIVE_BEFORE_RE.search(before) and not _clitic_object(m.group(1), before):
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
            elif adjectival(word, a):
                continue
            subject = re.sub(r"^(?:.*[,;:]\s*)?", "", before).strip()
            subject = re.sub(r"\s+(?:a|ont|avait|avaient|va|vont)$", "", subject)
            lemma = None
            low = word.lower()
            for suffix in ("ées", "ée", "és", "é"):
                if low.endswith(suffix):
                    lemma = low[: -len(suffix)] + "er"
                    break
            after = a.clean[m.end(2) : unit.end].split()
            manner = bool(after) and _MANNER_RE.match(after[0].lower().strip(",.;:!?")) is not None
            clear = agent is not None or m.group(1).lower() not in _STATE_AUX or manner
            yield m.start(1), end, agent, subject, lemma, clear


def _severity(a: Analysis, agent: str | None, reduced: bool, clear: bool) -> Severity:
    """Error: a clear passive with « être » (« sera rejetée », « doit être validé »,
    « a été décidé », « est validé par … »): FALC writes in the active voice, and
    ordinary French uses it all the time (measured: 1 paragraph of 3 in the standard
    sets, none in the FALC sets). Warning: a participle alone with its agent (« un guide
    écrit par le groupe »), or any clear passive without spaCy and without an agent (the
    regular expressions are less sure). Information: « est + participle », often a state
    (« le groupe est lancé »)."""
    if not clear:
        return "info"
    if reduced or not (agent or a.tier2):
        return "warning"
    return "error"


def pass_001(a: Analysis) -> Iterator[Finding]:
    found = list(_spacy_passives(a)) if a.tier2 else []
    spans = {(s, e) for s, e, *_ in found}
    for item in _regex_passives(a):
        # The parser misses some passives; an explicit agent (« par … ») is proof enough,
        # and so is a modal before « être » (« doit nous être signalé »).
        missed = not any(s <= item[0] < e for s, e in spans)
        modal = a.clean[item[0] : item[0] + 4].lower() == "être" and _MODAL_BEFORE_RE.search(
            a.clean[max(0, item[0] - 40) : item[0]]
        ) is not None
        if not a.tier2 or (missed and (item[2] or modal)):
            found.append(item)
    for start, end, agent, subject, lemma, clear in sorted(found):
        # A participle without « être » (« décidé par vous ») reads more easily than a full
        # passive: a warning even with its agent.
        head = a.text[start:end].split()[0].lower()
        reduced = head != "été" and _participle_form(head)
        if clear:
            message = (
                f"Voix passive : « {a.text[start:end]} ». Le lecteur ne voit pas tout de "
                "suite qui fait l'action."
            )
        else:
            message = (
                f"Voix passive possible : « {a.text[start:end]} ». Si quelqu'un fait "
                "l'action, dites qui ; si c'est un état (« le groupe est lancé »), "
                "gardez la phrase."
            )
        yield a.finding(
            "FALC-PASS-001",
            start,
            end,
            message,
            _active_hint(subject, lemma, agent),
            _severity(a, agent, reduced, clear),
        )


RULES = [pass_001]
