"""Rules a trained FALC reviewer applies beyond length: FALC-JARG-001 (jargon),
FALC-LEX-007 (abstract nouns, per sentence), FALC-ENUM-001 (announced but absent
enumerations) and FALC-ADDR-004 (masculine-only address).

Each rule reads the document context (:mod:`falc.context`): a word explained earlier in
the same text is explained.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from falc import lexicon
from falc.analysis import Analysis, Token
from falc.context import explained_terms
from falc.findings import Finding, Severity
from falc.rules.lexical import _candidates, _find, _matcher

# ---------------------------------------------------------------------------- jargon


def _explained(phrase: str, explained: frozenset[str]) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w-]*", phrase.lower()) if len(w) > 2]
    return bool(words) and any(w in explained for w in words[-1:] + words[:1])


#: Jargon nouns ending in -er, which the matcher would otherwise inflect like verbs.
_NOUNS_IN_ER = frozenset({"usager"})


def _jargon_hits(a: Analysis) -> list[tuple[int, int, str, str]]:
    """Unexplained jargon terms: (start, end, found text, plain words)."""
    explained = explained_terms(a)
    hits = []
    for m in _find(a, _matcher(tuple(a.config.jargon.items()), True)):
        found = a.text[m.start : m.end]
        if a.config.is_allowed(found) or _explained(found, explained):
            continue
        if m.phrase.endswith("er") and " " not in m.phrase and not found.lower().startswith(
            m.phrase
        ) and m.phrase in _NOUNS_IN_ER:
            continue  # « usager » is a noun: « l'usage » is not one of its forms
        hits.append((m.start, m.end, found, m.payload))
    return hits


def _formal_spans(a: Analysis) -> list[tuple[int, int]]:
    if "formal_spans" not in a.cache:
        matcher = _matcher(tuple(a.config.formal_words.items()), True)
        a.cache["formal_spans"] = [(m.start, m.end) for m in _find(a, matcher)]
    spans: list[tuple[int, int]] = a.cache["formal_spans"]
    return spans


def _rare_tokens(a: Analysis) -> list[Token]:
    """Rare words (tier 3): Zipf below the rare threshold, not explained in the text."""
    if not a.tier3:
        return []
    explained = explained_terms(a)
    limit = a.config.thresholds.zipf_rare
    return [t for t in _candidates(a)
            if t.lower not in explained and 0 < lexicon.word_zipf(t.lower, t.lemma) < limit]


def jarg_001(a: Analysis) -> Iterator[Finding]:
    """Jargon: a warning per unexplained term of the jargon list; an error for a sentence
    that piles up difficult words (jargon, formal words, rare words) — what a reviewer
    sends back whatever the sentence's length."""
    hits = _jargon_hits(a)
    formal = _formal_spans(a)
    rare = _rare_tokens(a)
    limit = a.config.thresholds.jargon_error
    flagged_units: set[int] = set()
    for unit in a.units:
        inside: list[str] = []
        seen: set[int] = set()
        for start, end, found, _ in hits:
            if unit.start <= start < unit.end:
                inside.append(found)
                seen.update(range(start, end))
        for start, end in formal:
            if unit.start <= start < unit.end and start not in seen:
                inside.append(a.text[start:end])
                seen.update(range(start, end))
        for t in rare:
            if unit.start <= t.start < unit.end and t.start not in seen:
                inside.append(t.text)
                seen.add(t.start)
        distinct = list(dict.fromkeys(w.lower() for w in inside))
        if len(distinct) >= limit:
            flagged_units.add(unit.index)
            listed = ", ".join(f"« {w} »" for w in distinct)
            yield a.finding(
                "FALC-JARG-001", unit.start, unit.end,
                f"Phrase pleine de mots difficiles ({len(distinct)}) : {listed}.",
                "Gardez une idée par phrase, avec des mots de tous les jours ; expliquez un "
                "mot difficile dans la phrase suivante (« Ça veut dire que … »).",
                severity="error",
            )
    for start, end, found, plain in hits:
        owner = next((u for u in a.units if u.start <= start < u.end), None)
        if owner is not None and owner.index in flagged_units:
            continue
        yield a.finding(
            "FALC-JARG-001", start, end,
            f"« {found} » est un mot de spécialiste (administration, droit, soin, recherche).",
            f"Écrivez plutôt : « {plain} », ou expliquez le mot dans la phrase suivante.",
        )


# ---------------------------------------------------------------------- abstract nouns

_ABSTRACT_RE = re.compile(r"(?:tion|sion|xion|ment|ité|ance|ence|isme|itude)s?$")
#: Nouns with an abstract-looking ending that name everyday, concrete or very common
#: things a FALC reader knows (never counted as abstract nouns).
EVERYDAY_NOUNS = frozenset(
    {
        "moment", "moments", "appartement", "logement", "médicament", "département",
        "établissement", "gouvernement", "vêtement", "bâtiment", "document", "élément", "paiement",
        "équipement", "aliment", "traitement", "enseignement", "argument", "instrument", "monument",
        "comportement", "sentiment", "rendez-vous", "information", "informations", "question",
        "questions", "attention", "situation", "solution", "station", "nation", "réunion",
        "émission", "télévision", "commission", "association", "associations", "permission",
        "vacances", "naissance", "confiance", "chance", "distance", "ambulance", "enfance",
        "urgence", "urgences", "présence", "science", "silence", "essence", "résidence",
        "conférence", "expérience", "patience", "différence", "agence", "france", "séance",
        "violence", "semaine", "maison", "université", "électricité", "activité", "activités",
        "ville", "santé", "communauté", "personne", "formation", "éducation", "invitation",
        "inscription", "cité", "identité", "fête", "vérité"
    }
)


def _abstract_nouns(a: Analysis, tokens: list[Token]) -> list[Token]:
    explained = explained_terms(a)
    found = []
    for i, t in enumerate(tokens):
        low = t.lower
        if len(low) < 6 or not _ABSTRACT_RE.search(low) or low in EVERYDAY_NOUNS:
            continue
        if low in explained or (t.lemma and t.lemma in EVERYDAY_NOUNS):
            continue
        if a.tier2:
            if t.pos != "NOUN":
                continue
        elif i == 0 or tokens[i - 1].norm not in _DETERMINERS_AND_PREPOSITIONS:
            continue
        if a.tier3 and lexicon.word_zipf(low, t.lemma) >= 5.2:
            continue  # very frequent nouns are everyday words
        found.append(t)
    return found


_DETERMINERS_AND_PREPOSITIONS = frozenset(
    {"le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "ce", "cet", "cette",
     "ces", "son", "sa", "ses", "votre", "vos", "notre", "nos", "leur", "leurs", "mon", "ma",
     "mes", "à", "en", "par", "pour", "sur", "dans", "avec", "sans"}
)


def _verb_for(noun: str) -> str | None:
    low = noun.lower().rstrip("s")
    for suffix, repl in (("ation", "er"), ("ement", "er"), ("ance", "er"), ("ition", "ir")):
        if low.endswith(suffix):
            return low[: -len(suffix)] + repl
    return None


def lex_007(a: Analysis) -> Iterator[Finding]:
    """Abstract nouns (nominalisations), counted per sentence; and per paragraph, where
    ``abstract_nouns_paragraph`` different ones spread over short sentences are an error
    too (« Le projet prévoit une simplification. / L'accompagnement reste une priorité. /
    Les modalités … »)."""
    th = a.config.thresholds
    by_paragraph: dict[int, list[Token]] = {}
    flagged: set[int] = set()
    for unit, tokens in zip(a.units, a.tokens, strict=True):
        found = _abstract_nouns(a, tokens)
        by_paragraph.setdefault(unit.paragraph, []).extend(found)
        if len(found) < th.abstract_nouns_warning:
            continue
        flagged.add(unit.paragraph)
        severity: Severity = "error" if len(found) >= th.abstract_nouns_error else "warning"
        listed = ", ".join(f"« {t.text} »" for t in found)
        verb = _verb_for(found[0].text)
        hint = "Dites qui fait quoi, avec des verbes"
        hint += f" : « {verb} » au lieu de « {found[0].text} »." if verb else "."
        yield a.finding("FALC-LEX-007", unit.start, unit.end,
                        f"{len(found)} noms abstraits dans la phrase : {listed}.", hint,
                        severity=severity)
    for paragraph, nouns in by_paragraph.items():
        distinct = {(t.lemma or t.lower): t for t in nouns}
        if paragraph in flagged or len(distinct) < th.abstract_nouns_paragraph:
            continue
        listed = ", ".join(f"« {t.text} »" for t in distinct.values())
        verb = _verb_for(nouns[0].text)
        hint = "Dites qui fait quoi, avec des verbes"
        hint += f" : « {verb} » au lieu de « {nouns[0].text} »." if verb else "."
        yield a.finding("FALC-LEX-007", nouns[0].start, nouns[-1].end,
                        f"{len(distinct)} noms abstraits dans le paragraphe : {listed}.",
                        hint, severity="error")


# ------------------------------------------------------------------ enumerations

_SMALL_NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                  "huit": 8, "neuf": 9, "dix": 10}
_COUNTED = (
    r"étapes|points|choses|questions|parties|conseils|règles|idées|moyens|façons|manières|"
    r"raisons|outils|modèles|actions|éléments|critères|principes|conditions|temps|phases|"
    r"niveaux|rôles|types|sortes|catégories|leviers|piliers|dimensions|clés|astuces|"
    r"exemples|questions|documents|papiers|pièces|aides|solutions|objectifs|thèmes|sujets"
)
_ANNOUNCE_RE = re.compile(
    rf"(?<![\w-])(\d{{1,2}}|{'|'.join(_SMALL_NUMBERS)})\s+(?:grandes\s+|petites\s+|"
    rf"principales\s+|principaux\s+|grands\s+|petits\s+)?({_COUNTED})\b",
    re.I,
)


def enum_001(a: Analysis) -> Iterator[Finding]:
    """« en 5 étapes » followed by fewer items, or by none."""
    for m in _ANNOUNCE_RE.finditer(a.clean):
        raw = m.group(1).lower()
        announced = int(raw) if raw.isdigit() else _SMALL_NUMBERS[raw]
        if announced < 2:
            continue
        unit = next((u for u in a.units if u.start <= m.start() < u.end), None)
        if unit is None:
            continue
        rest = a.clean[m.end() : unit.end]
        items = [u for u in a.units[unit.index + 1 :] if u.list_item]
        given: int | None = None
        if items:
            run = []
            for u in a.units[unit.index + 1 :]:
                if not u.list_item:
                    break
                run.append(u)
            given = len(run)
        elif ":" in rest:
            after = rest.split(":", 1)[1]
            parts = [p for p in re.split(r",|\bet\b|\bou\b", after) if p.strip()]
            given = len(parts) if parts else None
            if given is None and unit.index + 1 < len(a.units):
                given = len(a.units) - unit.index - 1
        elif re.search(r"(?:suivant(?:e)?s|voici)\s*[.:]?\s*$", rest, re.I) or (
            unit.text.rstrip().endswith(":")
        ):
            given = len(a.units) - unit.index - 1
        else:
            sentences_after = len(a.units) - unit.index - 1
            if sentences_after >= announced:
                continue  # the items may be the sentences that follow
            given = 0
        if given is None or given >= announced:
            continue
        if given == 0:
            yield a.finding(
                "FALC-ENUM-001", m.start(), m.end(),
                f"« {m.group()} » est annoncé, mais le texte ne les donne pas.",
                f"Donnez les {announced} {m.group(2)}, un par ligne, ou n'annoncez pas "
                "de nombre.",
                severity="warning",
            )
        else:
            yield a.finding(
                "FALC-ENUM-001", m.start(), m.end(),
                f"« {m.group()} » est annoncé, mais le texte n'en donne que {given}.",
                f"Donnez les {announced} {m.group(2)}, ou écrivez le bon nombre.",
            )


# ------------------------------------------------------------- masculine address

_COPULA_RE = re.compile(
    r"\b(?:(?:vous|je)\s+(?:ne\s+|n['’])?(?:êtes|étiez|serez|seriez|soyez|suis|étais|serai|"
    r"semblez|semble|paraissez|devenez|restez|reste|vous\s+sentez|me\s+sens|avez\s+l['’]air)"
    r"|\b(?:soyez|restez|devenez)|vous\s+vous\s+êtes|je\s+me\s+suis|vous\s+êtes\s+(?:bien\s+)?"
    r")(?:\s+(?:pas|plus|jamais|bien|très|trop|assez|si|peut-être|déjà|encore|toujours|"
    r"vraiment|tout|un\s+peu))*\s+([^\W\d_][\w-]*)",
    re.I,
)
#: Words after « vous êtes » that do not mark a gender, or are not adjectives.
_NOT_GENDERED = frozenset(
    {
        "là", "ici", "bien", "mal", "d", "de", "du", "des", "à", "en", "au", "aux", "avec", "chez",
        "dans", "sur", "pour", "par", "un", "une", "le", "la", "les", "sans", "train",
        "prêts", "libre", "libres", "capable", "capables", "malade", "malades", "utile", "utiles",
        "calme", "calmes", "triste", "tristes", "sûre", "certaine", "invitée", "contente",
        "inscrite", "arrêtée", "prête", "seule", "attentive", "fatiguée", "perdue", "occupée",
        "désolée", "bienvenue", "heureuse", "nombreux", "nombreuses", "tous", "toutes", "plusieurs",
        "membre", "membres", "parent", "parents", "aidant", "aidante"
    }
)
#: Masculine forms → a wording that needs no gender.
NEUTRAL_FORMS = {
    "sûr": "« Je ne sais pas », « Je n'ai pas bien compris »",
    "certain": "« Je ne sais pas », « Je n'ai pas bien compris »",
    "attentif": "« Faites attention »",
    "arrêté": "« Vous avez fait une pause »",
    "invité": "« Nous vous invitons »",
    "inscrit": "« Votre inscription est faite »",
    "seul": "« Personne ne vous aide ? »",
    "prêt": "« Vous pouvez commencer ? »",
    "content": "« Ça vous plaît ? »",
    "fatigué": "« Vous avez besoin de repos ? »",
    "perdu": "« Vous ne savez plus où aller ? »",
    "concerné": "« Cela vous touche »",
}


def _masculine(word: str, token: Token | None) -> bool:
    low = word.lower()
    if low in _NOT_GENDERED or len(low) < 3:
        return False
    if token is not None and token.pos is not None:
        if token.pos not in ("ADJ", "VERB", "AUX", "NOUN", "PROPN"):
            return False
        if token.morph.get("Gender") == "Fem" or token.morph.get("Number") == "Plur":
            return False
        if token.pos == "VERB" and token.morph.get("VerbForm") != "Part":
            return False
    if low in NEUTRAL_FORMS:
        return True
    if low.endswith(("e", "s", "x")) or low.endswith("ant"):
        return False  # « malade », « libre » need no gender; plurals are left alone
    return low.endswith(("é", "i", "u", "t", "f", "r", "l", "eux", "if", "in", "ain"))


def addr_004(a: Analysis) -> Iterator[Finding]:
    """Masculine-only address (« Vous êtes sûr ? ») where a neutral wording exists."""
    tokens = {t.start: t for t in a.all_tokens()}
    for m in _COPULA_RE.finditer(a.clean):
        word = m.group(1)
        if not _masculine(word, tokens.get(m.start(1))):
            continue
        neutral = NEUTRAL_FORMS.get(
            word.lower(),
            "une tournure sans accord, par exemple avec un verbe : « Vous avez fini ? » "
            "plutôt que « Vous êtes prêt ? »",
        )
        yield a.finding(
            "FALC-ADDR-004", m.start(1), m.end(1),
            f"« {word} » suppose que la personne est un homme.",
            f"Écrivez une forme qui ne suppose pas de genre : {neutral}.",
        )


RULES = [jarg_001, lex_007, enum_001, addr_004]


# ------------------------------------------------------- numbers the reader must guess

_APPROX = {"dizaine": "10", "douzaine": "12", "quinzaine": "15", "vingtaine": "20",
           "trentaine": "30", "quarantaine": "40", "cinquantaine": "50",
           "soixantaine": "60", "centaine": "100", "millier": "1 000"}
_APPROX_RE = re.compile(
    rf"\b(?:(?:une|des|quelques|plusieurs)\s+({'|'.join(_APPROX)})s?\b"
    rf"|({'|'.join(_APPROX)})s?\s+(?:de|d['’]))",
    re.I,
)
_FRACTION_RE = re.compile(r"\b(un|deux|trois|1|2|3)\s+(tiers|quarts?)\b(?!\s+temps)", re.I)
_FRACTION_WORDS = {("un", "tiers"): "1 sur 3", ("1", "tiers"): "1 sur 3",
                   ("deux", "tiers"): "2 sur 3", ("2", "tiers"): "2 sur 3",
                   ("un", "quart"): "1 sur 4", ("1", "quart"): "1 sur 4",
                   ("trois", "quarts"): "3 sur 4", ("3", "quarts"): "3 sur 4"}


def num_approx(a: Analysis) -> Iterator[Finding]:
    """FALC-NUM-001 for approximate numbers in words (« une centaine de parents »,
    « des milliers de familles ») and FALC-NUM-003 for fractions (« un tiers »)."""
    for m in _APPROX_RE.finditer(a.clean):
        group = 1 if m.group(1) else 2  # « une centaine » alone, or « centaine de »
        if a.clean[max(0, m.start() - 12) : m.start()].lower().endswith("sous "):
            continue  # « sous quinzaine »: a deadline (FALC-LEX-003 material), not a count
        digits = _APPROX[m.group(group).lower()]
        end = m.end(group)
        yield a.finding(
            "FALC-NUM-001", m.start(), end + (1 if a.clean[end : end + 1] == "s" else 0),
            f"Nombre écrit en lettres : « {a.clean[m.start() : end]} ».",
            f"Écrivez le nombre en chiffres : « environ {digits} », ou « beaucoup ».",
            severity="error",
        )
    for m in _FRACTION_RE.finditer(a.clean):
        if m.group(2) is None:
            continue
        key = (m.group(1).lower(), m.group(2).lower())
        plain = _FRACTION_WORDS.get(key, "1 personne sur 3")
        yield a.finding(
            "FALC-NUM-003", m.start(), m.end(),
            f"Fraction : « {m.group()} ». Les fractions sont difficiles à comprendre.",
            f"Écrivez une proportion simple : « {plain} » (par exemple « 1 personne sur 3 »).",
        )


# ------------------------------------------------------------------------- incises

_INCISE_RE = re.compile(
    r",\s+(?:qui|que|qu['’]|dont|où|lesquels|lesquelles)\s[^,.;:!?\n]{3,},\s"
)


def incise(a: Analysis) -> Iterator[Finding]:
    """FALC-CHAR-002 for a relative clause set between commas inside a sentence (« Les
    handicaps rares, qui concernent …, restent … »): the reader loses the main sentence."""
    for m in _INCISE_RE.finditer(a.clean):
        yield a.finding(
            "FALC-CHAR-002", m.start(), m.end(),
            "Incise : une proposition entre virgules coupe la phrase en deux.",
            "Faites 2 phrases : la phrase principale, puis l'explication.",
        )


RULES = [*RULES, num_approx, incise]
