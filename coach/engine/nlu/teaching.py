"""What the examples' model learns from, and the models built for each content.

The content's own phrases of each place, and the examples people type
(`dialogues/exemples/`, `docs/dialogues.md` « Les exemples »): the model itself, a pure
counting of features, is `coach.engine.nlu.examples`.
"""

from __future__ import annotations

from collections.abc import Callable

from coach.content.model import Content
from coach.content.schema import NOTHING
from coach.engine.nlu.examples import ExampleModel
from coach.engine.nlu.lexicon import Lexicon, Phrase
from coach.engine.nlu.places import COMMAND, node_place

# The examples' models of the last few contents (directory, version, file left out): the
# same content gives the same model, and a test suite or a reload builds many
# understandings of one content. Only content is cached here, never anything typed.
_MODELS: dict[tuple[str, str, str], ExampleModel] = {}
MODELS_KEPT = 4


def phrases_taught(content: Content,
                   intents: list[tuple[str, Phrase]]) -> list[tuple[str, str]]:
    """What the examples' model learns from the content itself: the phrases of each place
    (its topics, titles, intentions, glossary terms) and the commands' words."""
    learned = [(phrase.norm, place) for place, phrase in intents]
    for command in content.commands.values():
        learned += [(text, COMMAND + command.id) for text in (
            command.label, command.label_falc, *command.synonyms) if text]
    for entry in content.intents:
        if entry.intention.target.startswith(COMMAND):
            learned += [(text, entry.intention.target) for text in entry.intention.phrases]
    return learned


def typed_examples(content: Content, leave_out: str = "") -> list[tuple[str, str]]:
    """The examples (`dialogues/exemples/`) typed at the menu with no variables, where
    nothing but the text decides (« aucun » too: what fits nowhere); not several terms at
    once; none of the file `leave_out`."""
    menu = node_place(*content.menu)
    return [(example.text, example.expect) for written in content.examples
            if written.file != leave_out and (example := written.example).at in ("", menu)
            and not example.vars and "+" not in example.expect]


def model_for(content: Content, lexicon: Lexicon, taught: list[tuple[str, str]],
              leave_out: str, nameable: Callable[[str], bool]) -> ExampleModel:
    """The model of this content learned from `taught` (its phrases) and its examples but
    those of the file `leave_out`, for the places the coach can name when it asks
    (`nameable`: not a step that shows the person's answers, as the draft's)."""
    key = (content.directory, content.version, leave_out)
    model = _MODELS.pop(key, None)
    if model is None:
        typed = [(text, place) for text, place in typed_examples(content, leave_out)
                 if place == NOTHING or nameable(place)]
        model = ExampleModel(lexicon, [*taught, *typed])
    _MODELS[key] = model  # the most recent last
    while len(_MODELS) > MODELS_KEPT:
        del _MODELS[next(iter(_MODELS))]
    return model
