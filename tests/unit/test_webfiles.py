"""The web client's files as served: one template for the page and the widget, content-hashed
names, gzip done once."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from coach.api.webfiles import YEAR, read_web_files, with_template, with_text_limit

WEB = Path(__file__).resolve().parents[2] / "web"


def test_the_widget_builds_its_markup_from_the_page_template() -> None:
    files = read_web_files(WEB)
    page = (WEB / "index.html").read_text(encoding="utf-8")
    fragment = page[page.index("<!--tchat-->") + len("<!--tchat-->"):page.index("<!--/tchat-->")]
    served = files["/coach.js"].body.decode("utf-8")
    written = re.search(r"var MODELE = (\".*?\");\n", served)
    assert written and json.loads(written.group(1)) == fragment.strip()
    # No second copy of the markup in the script on disk: it only adapts the template.
    script = (WEB / "coach.js").read_text(encoding="utf-8")
    assert '<button type="button"' not in script and 'class="journal"' not in script


def test_versioned_names_and_compression() -> None:
    files = read_web_files(WEB)
    for name in ("coach.css", "coach.js"):
        version = files["/" + name].version
        assert f'"{name}?v={version}"'.encode() in files["/index.html"].body
        assert f"'{name}?v={version}'".encode() in files["/widget.js"].body
        assert files["/" + name].cache == YEAR
        gzipped = files["/" + name].gzipped
        assert gzipped and gzip.decompress(gzipped) == files["/" + name].body
    assert files["/"] is files["/index.html"] and files["/"].cache == "no-cache"


def test_a_template_without_its_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="markers"):
        with_template(b"var MODELE = '';", b"<div>pas de marqueurs</div>")


def test_the_text_field_limit_is_the_setting_in_the_page_and_the_widget() -> None:
    files = read_web_files(WEB, max_text_chars=640)
    page = files["/index.html"].body.decode("utf-8")
    assert re.findall(r'<textarea id="saisie"[^>]*maxlength="(\d+)"', page) == ["640"]
    served = files["/coach.js"].body.decode("utf-8")
    template = json.loads(re.search(r"var MODELE = (\".*?\");\n", served).group(1))
    assert re.findall(r'maxlength="(\d+)"', template) == ["640"]
    # Another limit, another script: its content-hashed name changes too.
    assert read_web_files(WEB, max_text_chars=1000)["/coach.js"].version != \
        files["/coach.js"].version


def test_a_page_without_its_text_field_is_refused() -> None:
    with pytest.raises(ValueError, match="maxlength"):
        with_text_limit(b"<textarea id='autre'></textarea>", 640)


def test_the_page_never_says_the_conversation_holds_no_name() -> None:
    """The conversation keeps what the person types: the page said it held « ni nom ni
    adresse », which a typed name made false. It asks not to write them instead."""
    page = (WEB / "index.html").read_text(encoding="utf-8")
    footer = page[page.index('<p class="pied avec-js"'):]
    footer = footer[:footer.index("</p>")]
    assert "ni nom ni adresse" not in footer
    assert "N’y écrivez pas votre nom" in footer
