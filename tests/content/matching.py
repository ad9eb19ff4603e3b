"""The first two stages of the understanding alone (a node's choices, then the commands;
no intents, no search), for the content tests: every label and synonym must reach its own
choice. Test code: the service calls `Understanding.decide`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.content.schema import Choice, Command
from coach.engine.nlu.french import normal, ordinal
from coach.engine.nlu.lexicon import Lexicon
from coach.engine.nlu.matching import score_phrases
from coach.engine.understand import COMMAND_PRIOR, GO, MARGIN, OPTION_PRIOR


@dataclass(frozen=True)
class Match:
    kind: str  # "choice" | "command"
    id: str


def understand(text: str, choices: Sequence[Choice], commands: Sequence[Command]) -> Match | None:
    """Match typed text against these choices, then these commands (no intents, no search).

    Content tests use it to check that every label and synonym reaches its own choice.
    """
    lexicon = Lexicon([t for c in choices for t in (c.label, c.label_falc, *c.synonyms)]
                      + [t for c in commands for t in (c.label, c.label_falc, *c.synonyms)])
    query = lexicon.query(text)
    if not query.tokens:
        return None
    position = ordinal(query.tokens, len(choices))
    if position is not None:
        return Match("choice", choices[position].id)
    groups = [("choice", c.id, (c.label, c.label_falc, c.id.replace("-", " "), *c.synonyms))
              for c in choices]
    groups += [("command", c.id, (c.label, c.label_falc, c.id, *c.synonyms)) for c in commands]
    for kind, ident, texts in groups:
        if query.norm in {normal(t) for t in texts if t}:
            return Match(kind, ident)
    scored = sorted(((score_phrases(query, [lexicon.phrase(t) for t in texts if t], lexicon)
                      + (OPTION_PRIOR if kind == "choice" else COMMAND_PRIOR), kind, ident)
                     for kind, ident, texts in groups), reverse=True)
    if scored and scored[0][0] >= GO and (len(scored) == 1
                                          or scored[0][0] - scored[1][0] >= MARGIN):
        return Match(scored[0][1], scored[0][2])
    return None
