"""What the content tests share: one engine over the real dialogues, and ways to play it."""

from __future__ import annotations

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput

CONTENT = load_content()
ENGINE = Engine(CONTENT)


def texts(step: Step) -> list[str]:
    """What the coach and its characters said in this step."""
    return [m.text for m in step.messages if m.role == "bot"]


def journey_texts(step: Step) -> list[str]:
    """What the coach and its characters said, without the line that says who the coach is
    before a journey started directly (`presentation-parcours`)."""
    return [m.text for m in step.messages
            if m.role == "bot" and m.ref != "coach/presentation-parcours"]


def all_texts(step: Step) -> list[str]:
    """Every message of this step, the person's answer included."""
    return [m.text for m in step.messages]


def refs(step: Step) -> list[str]:
    """Where the coach's messages of this step come from (flow/node/index)."""
    return [m.ref for m in step.messages if m.role == "bot"]


def choice_ids(step: Step) -> list[str]:
    return [c["id"] for c in step.choices]


def play(step: Step, *inputs: str) -> Step:
    """Press these buttons in turn (each must be offered where it is pressed); an input
    starting with « ? » is typed text instead."""
    for given in inputs:
        if given.startswith("?"):
            step = ENGINE.play(step.record, TextInput(given[1:]))
        else:
            assert given in choice_ids(step), (given, step.record.node, choice_ids(step))
            step = ENGINE.play(step.record, ChoiceInput(given))
    return step
