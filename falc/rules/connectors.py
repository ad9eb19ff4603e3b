"""FALC-CONN-001: the connectors and linking phrases of written argument.

Laws, letters and articles tie their ideas with words a FALC text never needs:
« néanmoins », « dans la mesure où », « en vertu de », « conformément à », « le cas
échéant »… They are grammar words, a closed class: the list below is short and does not
depend on the topic, unlike lists of nouns. FALC says one idea per sentence and links
ideas with « mais », « parce que », « pour », « quand », « alors ». Measured: none of the
FALC paragraphs of the hand-written sets nor of the dialogues' FALC messages has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from falc.analysis import Analysis
from falc.findings import Finding

#: Connector → what FALC says instead.
CONNECTORS: dict[str, str] = {
    "néanmoins": "mais", "toutefois": "mais", "cependant": "mais", "en revanche": "mais",
    "nonobstant": "mais", "en dépit de": "même avec", "quand bien même": "même si",
    "par ailleurs": "aussi", "en outre": "aussi", "de surcroît": "aussi",
    "qui plus est": "aussi",
    "dès lors": "alors", "par conséquent": "alors", "en conséquence": "alors",
    "de ce fait": "alors", "c'est pourquoi": "alors", "aussi bien que": "et",
    "dans la mesure où": "parce que", "étant donné que": "parce que", "vu que": "parce que",
    "compte tenu de": "à cause de", "en raison de": "à cause de", "du fait de": "à cause de",
    "eu égard à": "pour", "au regard de": "pour", "en vertu de": "selon",
    "conformément à": "selon", "aux termes de": "selon", "au titre de": "pour",
    "en matière de": "pour", "s'agissant de": "pour", "en ce qui concerne": "pour",
    "à l'égard de": "pour", "vis-à-vis de": "pour", "relatif à": "sur", "relative à": "sur",
    "relatifs à": "sur", "relatives à": "sur",
    "sous réserve de": "si", "sous réserve que": "si", "le cas échéant": "si besoin",
    "à défaut de": "sans", "à défaut": "sinon", "en l'absence de": "sans",
    "à compter de": "à partir de", "au sein de": "dans", "à l'instar de": "comme",
    "par le biais de": "avec", "par l'intermédiaire de": "avec",
    "afin que": "pour que", "de sorte que": "alors", "si bien que": "alors",
    "tandis que": "et", "d'autant plus que": "parce que",
    "ainsi que": "et", "quant à": "pour",
    # third round (2 December 2026): purpose, frame and concession links of reports
    "en vue de": "pour", "à l'issue": "après", "dans le cadre": "pour",
    "dans le but de": "pour", "à l'exception de": "sauf",
    "certes": "c'est vrai, mais", "sans pour autant": "mais", "alors même que": "même si",
    "en l'occurrence": "ici", "en l'espèce": "ici", "au demeurant": "aussi",
    "en définitive": "à la fin", "somme toute": "à la fin", "a fortiori": "encore plus",
    "faute de quoi": "sinon", "en tout état de cause": "dans tous les cas",
    "de manière à": "pour", "de façon à": "pour", "à cet égard": "pour cela",
    "quitte à": "même si",
}
#: Connectors that are links only at the start of a sentence, before a comma (« Or, … »,
#: « Faute de place, … »; « une contrainte de plus » and « la faute de la direction » are
#: not links).
SENTENCE_START: dict[str, str] = {
    "or": "mais", "ainsi": "alors", "en effet": "parce que", "de plus": "aussi",
    "faute de": "sans", "au-delà": "après", "outre": "en plus de",
}
#: Milder: common in speech too, an information (« Ainsi, le groupe apprend. »).
MILD = frozenset({"ainsi", "en effet"})
_COMMA_ONLY = frozenset({"or", "ainsi", "en effet", "de plus"})


def _pattern(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace("\\ ", r"\s+").replace("'", "['’]")
        for w in sorted(words, key=len, reverse=True)
    )


def _one(phrase: str) -> str:
    """A connector's pattern: a final « de » also matches « du », « des », « d' » (« à
    compter du lundi »), a final « à » also « au », « aux »; a word ends the match, an
    elided « d' » does not need to."""
    body = re.escape(phrase).replace("\\ ", r"\s+").replace("'", "['’]")
    if phrase.endswith(" de"):
        return body[: -len("de")] + r"(?:d['’]|(?:de|du|des)(?![\w-]))"
    if phrase.endswith(" à"):
        return body[: -len("à")] + r"(?:à|au|aux)(?![\w-])"
    if phrase.endswith("'"):
        return body
    return body + r"(?![\w-])"


def _normal(found: str) -> str:
    """« à compter du » → « à compter de »: the key of :data:`CONNECTORS`."""
    low = re.sub(r"\s+", " ", found.lower()).replace("’", "'")
    low = re.sub(r" (?:du|des|d')$", " de", low)
    return re.sub(r" (?:au|aux)$", " à", low)


_ANYWHERE_RE = re.compile(
    rf"(?<![\w'’-])({'|'.join(_one(w) for w in sorted(CONNECTORS, key=len, reverse=True))})",
    re.I,
)
_START_RE = re.compile(rf"({_pattern(list(SENTENCE_START))})(?:\s*,|\s+[^\W\d_])", re.I)


def conn_001(a: Analysis) -> Iterator[Finding]:
    for unit in a.units:
        found = [(m.start(1), m.end(1))
                 for m in _ANYWHERE_RE.finditer(a.clean, unit.start, unit.end)]
        text = a.clean[unit.start : unit.end]
        lead = len(text) - len(text.lstrip("-–•*0123456789. \t"))  # list markers
        m = _START_RE.match(a.clean, unit.start + lead, unit.end)
        if m:
            found.append((m.start(1), m.end(1)))
        for start, end in found:
            word = re.sub(r"\s+", " ", a.clean[start:end]).replace("’", "'")
            key = _normal(word)
            plain = CONNECTORS.get(key) or SENTENCE_START.get(word.lower(), "")
            if word.lower() in _COMMA_ONLY and a.clean[end : end + 1] != ",":
                continue  # « Ainsi va la vie », « De plus en plus »: not a link
            yield a.finding(
                "FALC-CONN-001", start, end,
                f"« {word} » est un mot de liaison de l'écrit (lois, lettres, articles).",
                f"Faites 2 phrases, ou écrivez « {plain} ».",
                severity="info" if word.lower() in MILD else None,
            )


RULES = [conn_001]
