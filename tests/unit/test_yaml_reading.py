"""Reading the dialogue files: parsed once, lines kept, an edited file read again."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.content import yamlsrc
from coach.content.yamlsrc import YamlSyntaxError, read_yaml


def test_values_keep_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("flow: essai\nnodes:\n  - id: a\n    say: bonjour\n  - id: b\n",
                    encoding="utf-8")
    document = read_yaml(path, "f.yaml")
    assert document.data == {"flow": "essai", "nodes": [{"id": "a", "say": "bonjour"}, {"id": "b"}]}
    assert document.line_of(("nodes", 1, "id")) == 5
    assert document.line_of(("nodes", 0, "say")) == 4
    assert document.line_of(("nodes", 0, "unknown", 3)) == 3


def test_an_edited_file_is_read_again_and_an_unchanged_one_is_not(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("flow: avant\n", encoding="utf-8")
    first = read_yaml(path, "f.yaml")
    assert read_yaml(path, "f.yaml") is first
    path.write_text("flow: après\n", encoding="utf-8")
    assert read_yaml(path, "f.yaml").data == {"flow": "après"}
    # The same text under another name is another document (errors name their file).
    other = tmp_path / "g.yaml"
    other.write_text("flow: après\n", encoding="utf-8")
    assert read_yaml(other, "g.yaml").file == "g.yaml"


def test_the_documents_kept_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsrc, "PARSED_KEPT", 3)
    path = tmp_path / "f.yaml"
    for number in range(10):
        path.write_text(f"flow: essai{number}\n", encoding="utf-8")
        read_yaml(path, "f.yaml")
    assert len(yamlsrc._PARSED) <= 3


def test_a_syntax_error_names_its_line_and_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("flow: essai\nnodes:\n  - id: a\n   say: [bonjour\n", encoding="utf-8")
    with pytest.raises(YamlSyntaxError) as raised:
        read_yaml(path, "f.yaml")
    assert raised.value.file == "f.yaml"
    assert raised.value.line is not None and raised.value.line >= 4
    assert not any(name == "f.yaml" and "bonjour" in text for name, text in yamlsrc._PARSED)


def test_an_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "vide.yaml"
    path.write_text("", encoding="utf-8")
    document = read_yaml(path, "vide.yaml")
    assert document.data is None and document.lines == {}
