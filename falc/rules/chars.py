"""Characters and formatting: FALC-CHAR-001/002, FALC-FMT-001…003.

Special characters, brackets, dashes and ellipses make reading harder; so do italics,
underlining, capitals and long bold passages. URLs, e-mail addresses, phone numbers and
Markdown markup (bold, bullets, links) are not special characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from falc.analysis import Analysis, Token
from falc.findings import Finding
from falc.lexicon import is_capitals_word
from falc.tokenize import EMAIL_RE, PLACEHOLDER_RE, URL_RE

_SPECIAL_RE = re.compile(r"[&§#%\\/<>~^{}\[\]*+=;|·]+")
_SPECIAL_HINTS = {
    "&": "Écrivez « et ».",
    "§": "Écrivez « paragraphe » ou « article ».",
    "#": "Enlevez « # », ou écrivez « numéro ».",
    "%": "Écrivez une proportion simple, par exemple « 1 personne sur 3 ».",
    "\\": "Enlevez ce caractère.",
    "/": "Écrivez « ou » (ou « et ») à la place de « / ».",
    "<": "Écrivez « moins de ».",
    ">": "Écrivez « plus de ».",
    "~": "Écrivez « environ ».",
    "^": "Enlevez ce caractère.",
    "{": "Écrivez ce qui est entre accolades dans une phrase à part.",
    "}": "Écrivez ce qui est entre accolades dans une phrase à part.",
    "[": "Écrivez ce qui est entre crochets dans une phrase à part.",
    "]": "Écrivez ce qui est entre crochets dans une phrase à part.",
    "*": "Enlevez l'astérisque et écrivez la précision dans une phrase à part.",
    "+": "Écrivez « et » ou « plus ».",
    "=": "Écrivez « c'est ».",
    ";": "Remplacez « ; » par un point : faites 2 phrases.",
    "|": "Écrivez « ou ».",
}
_WORD_AROUND_RE = re.compile(r"[^\W\d_]+(?:·[^\W\d_]+)+")


def _inclusive_hint(word: str) -> str:
    parts = word.split("·")
    base, rest = parts[0], parts[1:]
    plural = rest[-1].endswith("s")
    feminine = base + "".join(rest)
    masculine = base + ("s" if plural else "")
    return f"Écrivez les 2 mots en entier : « {feminine} et {masculine} »."


def _masked(a: Analysis) -> str:
    """The markup-free text with URLs, e-mails and phone numbers blanked too."""
    chars = list(a.clean)
    spans = [m.span() for m in URL_RE.finditer(a.text)]
    spans += [m.span() for m in EMAIL_RE.finditer(a.text)]
    spans += [(t.start, t.end) for t in a.all_tokens() if t.kind == "phone"]
    spans += [m.span() for m in PLACEHOLDER_RE.finditer(a.text)]
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


def char_001(a: Analysis) -> Iterator[Finding]:
    masked = _masked(a)
    for m in _SPECIAL_RE.finditer(masked):
        chars = m.group()
        if "·" in chars:
            wm = next(
                (w for w in _WORD_AROUND_RE.finditer(masked) if w.start() <= m.start() < w.end()),
                None,
            )
            hint = (
                _inclusive_hint(wm.group())
                if wm
                else "Écrivez les 2 mots en entier : « les aidantes et les aidants »."
            )
        else:
            hint = _SPECIAL_HINTS.get(chars[0], "Enlevez ce caractère.")
        yield a.finding(
            "FALC-CHAR-001",
            m.start(),
            m.end(),
            f"Caractère spécial : « {chars} ».",
            hint,
        )


_BRACKETS_RE = re.compile(r"\([^()\n]*\)|\(")
_DASH_RE = re.compile(r"(?<=\S)[ \u00a0]+[–—][ \u00a0]+|(?<=\S)[ \u00a0]+-[ \u00a0]+(?=\S)")
_ELLIPSIS_RE = re.compile(r"\.{3,}|…")


def char_002(a: Analysis) -> Iterator[Finding]:
    """Parentheses and dashes that set an aside inside a sentence: errors (measured: none
    in the FALC paragraphs of the visible sets nor in the dialogues' FALC texts; the reader
    loses the main sentence). Suspension points: a warning."""
    masked = _masked(a)
    for m in _BRACKETS_RE.finditer(masked):
        yield a.finding(
            "FALC-CHAR-002",
            m.start(),
            m.end(),
            f"Parenthèses : « {a.text[m.start() : m.end()]} ».",
            "Écrivez ce qui est entre parenthèses dans une phrase à part, après la phrase.",
            severity="error",
        )
    for m in _DASH_RE.finditer(masked):
        line_start = masked.rfind("\n", 0, m.start()) + 1
        if not masked[line_start : m.start()].strip():
            continue  # a list bullet
        yield a.finding(
            "FALC-CHAR-002",
            m.start() + (len(m.group()) - len(m.group().lstrip())),
            m.end() - (len(m.group()) - len(m.group().rstrip())),
            "Tiret d'incise : il coupe la phrase.",
            "Faites 2 phrases : une pour l'idée principale, une pour la précision.",
            severity="error",
        )
    for m in _ELLIPSIS_RE.finditer(masked):
        yield a.finding(
            "FALC-CHAR-002",
            m.start(),
            m.end(),
            "Points de suspension : le lecteur ne sait pas ce qui manque.",
            "Finissez la phrase par un point, et écrivez tout ce qu'il faut dire.",
        )


_ITALIC_RES = (
    re.compile(r"(?<![*\w])\*(?=[^\s*])[^*\n]+?(?<=[^\s*])\*(?![*\w])"),
    re.compile(r"(?<![_\w])_(?=[^\s_])[^_\n]+?(?<=[^\s_])_(?![_\w])"),
    re.compile(r"<(u|i|em)\b[^>]*>.*?</\1>", re.I | re.S),
)


def fmt_001(a: Analysis) -> Iterator[Finding]:
    protected = [m.span() for m in URL_RE.finditer(a.text)] + [
        m.span() for m in EMAIL_RE.finditer(a.text)
    ]
    for regex in _ITALIC_RES:
        for m in regex.finditer(a.text):
            if any(s < m.end() and m.start() < e for s, e in protected):
                continue
            kind = "Soulignement" if m.group().lower().startswith("<u") else "Italique"
            yield a.finding(
                "FALC-FMT-001",
                m.start(),
                m.end(),
                f"{kind} : « {m.group()} ». L'italique et le soulignement sont difficiles à lire.",
                "Écrivez en caractères normaux ; pour un mot important, utilisez le gras.",
            )


def capital_runs(a: Analysis) -> list[list[Token]]:
    """Runs of consecutive all-caps words that are ordinary words, not acronyms."""
    runs: list[list[Token]] = []
    for tokens in a.tokens:
        current: list[Token] = []
        for t in tokens:
            word = t.is_word and t.is_upper and not a.config.is_known_acronym(t.text)
            if word and is_capitals_word(re.sub(r"[^\w]", "", t.text), a.tier3):
                if current and not a.clean[current[-1].end : t.start].strip(" '’-"):
                    current.append(t)
                    continue
                if current:
                    runs.append(current)
                current = [t]
            else:
                if current:
                    runs.append(current)
                current = []
        if current:
            runs.append(current)
    return runs


def fmt_002(a: Analysis) -> Iterator[Finding]:
    for run in capital_runs(a):
        letters = sum(len(re.sub(r"[^\w]", "", t.text)) for t in run)
        if len(run) < 2 and letters < 4:
            continue
        start, end = run[0].start, run[-1].end
        text = a.text[start:end]
        yield a.finding(
            "FALC-FMT-002",
            start,
            end,
            f"Mots en majuscules : « {text} ». Les majuscules sont difficiles à lire.",
            f"Écrivez « {text[0] + text[1:].lower()} » en minuscules ; pour insister, "
            "utilisez le gras.",
        )


def fmt_003(a: Analysis) -> Iterator[Finding]:
    for unit, words_ in zip(a.units, a.unit_words, strict=True):
        if len(words_) < 3:
            continue
        if any(s <= unit.start and unit.end <= e for s, e in a.bold_spans):
            yield a.finding(
                "FALC-FMT-003",
                unit.start,
                unit.end,
                "Phrase entière en gras : le gras doit montrer seulement les mots importants.",
                "Mettez en gras seulement 1 ou 2 mots importants de la phrase.",
            )


RULES = [char_001, char_002, fmt_001, fmt_002, fmt_003]
