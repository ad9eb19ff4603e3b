"""The global commands come from one table: schema, lint, dispatch and step derive from it."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest

from coach.content.loader import read_content
from coach.content.schema import Command
from coach.engine.commands import BY_ID, COMMAND_IDS, COMMANDS
from coach.engine.engine import ChoiceInput, Engine
from tests.conftest import CONTACT, FIXTURE_DIALOGUES


def test_the_schema_accepts_exactly_the_commands_of_the_table():
    assert set(typing.get_args(Command.model_fields["id"].annotation)) == set(COMMAND_IDS)


def test_a_step_lists_the_commands_in_the_table_order_with_what_is_shown(engine):
    step = engine.start()
    defined = [c for c in COMMAND_IDS if c in engine.content.commands]
    assert [c["id"] for c in step.commands] == defined  # never the typed-only ones
    assert defined == list(COMMAND_IDS)  # the fixture defines them all
    assert [c["id"] for c in step.commands if c["shown"]] == [
        spec.id for spec in COMMANDS if spec.shown and spec.id in defined]
    labels = {c["id"]: c["label"] for c in step.commands}
    assert labels["humain"] == engine.content.commands["humain"].label


def test_every_command_of_the_table_is_dispatched(engine):
    assert set(engine.command_specs) == {c for c in BY_ID
                                         if c in engine.content.commands or BY_ID[c].typed_only}
    for spec in COMMANDS:
        if spec.typed_only or spec.id not in engine.content.commands:  # tests/content
            continue
        start = engine.start()
        step = engine.play(start.record, ChoiceInput(spec.id))
        assert step.messages[0].ref == f"commande/{spec.id}"
        said = {m.ref.removeprefix("coach/") for m in step.messages[1:]}
        if spec.messages:  # a command that says something says one of its own messages
            assert said & set(spec.messages), spec.id


def _dialogues_without(tmp_path: Path, command_id: str) -> Path:
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    common = directory / "commun.yaml"
    lines = common.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: {command_id}\n")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id:")
               or not lines[i].startswith("    "))
    common.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    return directory


@pytest.mark.parametrize(("command_id", "severity"), [("aide", "error"), ("stop", "warning")])
def test_lint_requires_the_labels_of_the_commands(tmp_path, command_id, severity):
    assert BY_ID[command_id].required is (severity == "error")
    content, issues = read_content(_dialogues_without(tmp_path, command_id))
    found = [i for i in issues if i.rule == "commande/absente" and command_id in i.message]
    assert [i.severity for i in found] == [severity]
    if severity == "warning":  # the command is then simply not offered
        engine = Engine(content, CONTACT)
        assert command_id not in [c["id"] for c in engine.start().commands]


def test_a_choice_may_not_take_the_id_of_a_command(tmp_path):
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    demo = directory / "demo.yaml"
    demo.write_text(demo.read_text(encoding="utf-8").replace("- id: rejouer", "- id: stop"),
                    encoding="utf-8")
    _content, issues = read_content(directory)
    reserved = [i for i in issues if i.rule == "id/reserve"]
    assert len(reserved) == 1 and all(c in reserved[0].fix for c in COMMAND_IDS)
