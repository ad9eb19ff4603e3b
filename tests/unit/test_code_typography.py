"""The French that the server and the client write themselves (errors, pages, buttons, lint
findings) uses the typographic apostrophe ’, as the content does."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ELISION = r"\b(?:n|l|d|qu|s|c|j|m|t|jusqu|lorsqu|puisqu)'"
# A straight apostrophe between two letters, or an elision that ends the string, the next
# word being joined on (« "Message d'" + nom »).
STRAIGHT = re.compile(r"(?<=[A-Za-zÀ-ÿ])'(?=[A-Za-zÀ-ÿ])|" + ELISION + "$", re.IGNORECASE)
# A string is French text when it has French letters or a French elision (« n'est »,
# « d'… » before a joined word).
FRENCH = re.compile(r"[éèàùâêîôûç«»]|" + ELISION + "(?:[a-zà-ÿ]|$)", re.IGNORECASE)
# Phrases matched against what people type: they keep both spellings on purpose.
TYPED_SIDE = ("coach/engine/",)


def french_literals(path: Path) -> list[tuple[int, str]]:
    """String literals of a Python file that hold French text (docstrings left out)."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
              if t.type not in (tokenize.NL, tokenize.COMMENT)]
    found = []
    for i, token in enumerate(tokens):
        if token.type != tokenize.STRING:
            continue
        before = tokens[i - 1].type if i else tokenize.NEWLINE
        after = tokens[i + 1].type if i + 1 < len(tokens) else tokenize.ENDMARKER
        docstring = before in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT) and after in (
            tokenize.NEWLINE, tokenize.ENDMARKER)
        prefix = re.match(r"[rRbBuUfF]*", token.string).group(0)  # type: ignore[union-attr]
        if docstring or "b" in prefix.lower() or "r" in prefix.lower():
            continue
        body = _body(token.string[len(prefix):])
        if FRENCH.search(body):
            found.append((token.start[0], body))
    return found


def _body(literal: str) -> str:
    """A string literal without its quotes (the quotes only: a closing elision stays)."""
    quote = literal[:3] if literal[:3] in ('"""', "'''") else literal[:1]
    return literal[len(quote):-len(quote)]


def js_strings(source: str) -> list[str]:
    """The string literals of a JavaScript source ('…', "…" and `…`, escapes undone),
    comments left out."""
    found, i, n = [], 0, len(source)
    while i < n:
        ch = source[i]
        if source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif source.startswith("/*", i):
            i = source.find("*/", i + 2)
            i = n if i < 0 else i + 2
        elif ch in "'\"`":
            j, chars = i + 1, []
            while j < n and source[j] != ch:
                if source[j] == "\\" and j + 1 < n:
                    j += 1
                chars.append(source[j])
                j += 1
            found.append("".join(chars))
            i = j + 1
        else:
            i += 1
    return found


def test_server_messages_use_the_typographic_apostrophe() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}: {text[:80]}"
                 for path in sorted((ROOT / "coach").rglob("*.py"))
                 if not str(path.relative_to(ROOT)).startswith(TYPED_SIDE)
                 for line, text in french_literals(path)
                 if STRAIGHT.search(text)]
    assert not offenders, "Apostrophe droite dans un texte affiché :\n" + "\n".join(offenders)


def test_client_texts_use_the_typographic_apostrophe() -> None:
    page = (ROOT / "web" / "index.html").read_text()
    text_only = re.sub(r"<[^>]*>", " ", page)  # attributes may quote with '
    assert not STRAIGHT.search(text_only), STRAIGHT.findall(text_only)
    for name in ("coach.js", "widget.js"):
        french = [s for s in js_strings((ROOT / "web" / name).read_text()) if FRENCH.search(s)]
        assert len(french) > (20 if name == "coach.js" else 2), name  # the French is read
        assert not [s for s in french if STRAIGHT.search(s)], name


def test_the_check_finds_a_straight_apostrophe(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""Docstring that isn\'t shown."""\n'
                      'MESSAGE = "Cette page n\'existe pas."\nCODE = "a_b"\n')
    assert [line for line, _text in french_literals(sample)] == [2]


def test_the_check_finds_an_elision_before_a_joined_word(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('TITLE = "Message d\'" + name\nOTHER = \'Message d’\' + name\n')
    assert [text for _line, text in french_literals(sample) if STRAIGHT.search(text)] == [
        "Message d'"]
    script = ('// it\'s a comment\nvar a = "Message d\'" + nom, b = \'Message d’\';\n'
              "var c = 'l\\'école', d = `Message d’${nom}`; /* don't */")
    strings = js_strings(script)
    assert strings == ["Message d'", "Message d’", "l'école", "Message d’${nom}"]
    assert [s for s in strings if STRAIGHT.search(s)] == ["Message d'", "l'école"]
