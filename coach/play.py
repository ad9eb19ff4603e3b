"""`coach play`: hold a conversation in the terminal, with the same engine as the service."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from coach.communities import load_communities
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput
from coach.engine.errors import UnknownFlow
from coach.settings import Settings

QUIT = {"/quitter", "/q"}


def _show(step: Step, out: TextIO) -> None:
    for message in step.messages:
        if message.role == "bot":
            out.write(f"\n{message.speaker['name']} :\n")
            for line in message.text.splitlines():
                out.write(f"  {line}\n")
    if step.choices:
        out.write("\n")
        for number, choice in enumerate(step.choices, start=1):
            out.write(f"  {number}. {choice['label']}\n")
    out.write("\n(numéro, texte libre, « aide », « retour », « menu » ; /quitter pour sortir)\n")


def play_in_terminal(flow: str | None, falc: bool, directory: Path | None,
                     stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    settings = Settings()
    engine = Engine(load_content(directory), settings.contact(),
                    load_communities(settings.annuaire))
    try:
        step = engine.start(flow, falc)
    except UnknownFlow:
        out.write(f"Flux inconnu : {flow}. Flux possibles : {', '.join(engine.content.flows)}\n")
        return 2
    _show(step, out)
    while True:
        out.write("> ")
        out.flush()
        line = stdin.readline()
        if not line or line.strip() in QUIT:
            out.write("\nAu revoir.\n")
            return 0
        text = line.strip()
        if not text:
            continue
        given: ChoiceInput | TextInput
        if text.isdigit() and 1 <= int(text) <= len(step.choices):
            given = ChoiceInput(step.choices[int(text) - 1]["id"])
        else:
            given = TextInput(text[:1000])
        step = engine.play(step.record, given)
        _show(step, out)
