"""The French that the server and the client write themselves (errors, pages, buttons, lint
findings) uses the typographic apostrophe ’, as the content does."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRAIGHT = re.compile(r"(?<=[A-Za-zÀ-ÿ])'(?=[A-Za-zÀ-ÿ])")
# A string is French text when it has French letters or a French elision (« n'est »).
FRENCH = re.compile(r"[éèàùâêîôûç«»]|\b(?:n|l|d|qu|s|c|j|m|t|jusqu|lorsqu|puisqu)'[a-zà-ÿ]",
                    re.IGNORECASE)
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
        if FRENCH.search(token.string[len(prefix):]):
            found.append((token.start[0], token.string))
    return found


def test_server_messages_use_the_typographic_apostrophe() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}: {text[:80]}"
                 for path in sorted((ROOT / "coach").rglob("*.py"))
                 if not str(path.relative_to(ROOT)).startswith(TYPED_SIDE)
                 for line, text in french_literals(path)
                 if STRAIGHT.search(text.strip("'\""))]
    assert not offenders, "Apostrophe droite dans un texte affiché :\n" + "\n".join(offenders)


def test_client_texts_use_the_typographic_apostrophe() -> None:
    page = (ROOT / "web" / "index.html").read_text()
    text_only = re.sub(r"<[^>]*>", " ", page)  # attributes may quote with '
    assert not STRAIGHT.search(text_only), STRAIGHT.findall(text_only)
    for name in ("coach.js", "widget.js"):
        source = (ROOT / "web" / name).read_text()
        strings = re.findall(r"\"([^\"\n]*)\"|`([^`]*)`", source)
        french = [s for pair in strings for s in pair if s and FRENCH.search(s)]
        assert not [s for s in french if STRAIGHT.search(s)], name


def test_the_check_finds_a_straight_apostrophe(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""Docstring that isn\'t shown."""\n'
                      'MESSAGE = "Cette page n\'existe pas."\nCODE = "a_b"\n')
    assert [line for line, _text in french_literals(sample)] == [2]
