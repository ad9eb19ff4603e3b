"""Read YAML while remembering the line of every value, so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

Path_ = tuple[str | int, ...]
# libyaml's loader when PyYAML was built with it (the wheels are): about ten times faster
# than the pure-Python one on the dialogues, same documents.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    file: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest known prefix of `path` (pydantic locations may go deeper)."""
        for cut in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:cut]))
            if line is not None:
                return line
        return None


class YamlSyntaxError(Exception):
    def __init__(self, file: str, line: int | None, problem: str) -> None:
        self.file, self.line, self.problem = file, line, problem
        super().__init__(f"{file}:{line}: {problem}")


def _record_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _record_lines(value_node, (*path, str(key_node.value)), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), lines)


# Parsed documents of the last files read, by name and exact text: a reload, a lint after
# an edit or a test suite reads the same unchanged files many times, and parsing is most of
# the content's loading time. Any change to a file's text parses it again. The documents
# are shared: whoever reads them must not change them (pydantic validates copies).
_PARSED: dict[tuple[str, str], YamlDocument] = {}
PARSED_KEPT = 512


def read_yaml(path: Path, display_name: str) -> YamlDocument:
    text = path.read_text(encoding="utf-8")
    key = (display_name, text)
    document = _PARSED.pop(key, None)
    if document is None:
        document = parse_yaml(text, display_name)
    _PARSED[key] = document  # the most recent last
    while len(_PARSED) > PARSED_KEPT:
        del _PARSED[next(iter(_PARSED))]
    return document


def parse_yaml(text: str, display_name: str) -> YamlDocument:
    """The document of `text` and the line of each of its values, parsed once (the nodes
    give both the lines and the data)."""
    loader = Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlSyntaxError(display_name, line, str(exc.problem or exc)) from exc
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    if root is not None:
        _record_lines(root, (), lines)
    return YamlDocument(display_name, data, lines)
