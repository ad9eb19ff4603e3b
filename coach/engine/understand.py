"""Match typed text against the current choices and the global commands.

Order: the current choices (number, label in either variant, synonyms, then close
spellings), then the global commands. What matches nothing is a miss: the turn
answers with a simple French message and the choices again, never an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from coach.content.schema import Choice, Command
from coach.engine.normalize import normalize

FUZZY_THRESHOLD = 86


@dataclass(frozen=True)
class Match:
    kind: str  # "choice" | "command"
    id: str


def _phrases_of_choice(choice: Choice) -> list[str]:
    return [choice.label, choice.label_falc, choice.id.replace("-", " "), *choice.synonyms]


def _phrases_of_command(command: Command) -> list[str]:
    return [command.label, command.label_falc, command.id, *command.synonyms]


def _contains(text: str, phrase: str) -> bool:
    return bool(phrase) and f" {phrase} " in f" {text} "


def _best(text: str, options: dict[str, list[str]]) -> str | None:
    """The option whose phrase equals, is contained in, or closely spells the text."""
    exact = [key for key, phrases in options.items() if text in {normalize(p) for p in phrases}]
    if len(exact) == 1:
        return exact[0]
    contained = {
        key for key, phrases in options.items()
        if any(len(normalize(p)) > 2 and _contains(text, normalize(p)) for p in phrases)
    }
    if len(contained) == 1:
        return contained.pop()
    choices = {(key, i): normalize(p) for key, phrases in options.items()
               for i, p in enumerate(phrases)}
    ranked = process.extract(text, choices, scorer=fuzz.ratio, limit=3,
                             score_cutoff=FUZZY_THRESHOLD)
    keys = {key for _phrase, _score, (key, _i) in ranked}
    return keys.pop() if len(keys) == 1 else None


def understand(text: str, choices: Sequence[Choice], commands: Sequence[Command]) -> Match | None:
    norm = normalize(text)
    if not norm:
        return None
    if norm.isdigit() and 1 <= int(norm) <= len(choices):
        return Match("choice", choices[int(norm) - 1].id)
    found = _best(norm, {c.id: _phrases_of_choice(c) for c in choices})
    if found:
        return Match("choice", found)
    found = _best(norm, {c.id: _phrases_of_command(c) for c in commands})
    if found:
        return Match("command", found)
    return None
