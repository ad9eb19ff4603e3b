"""What the content tests share: one engine over the real dialogues, and ways to play it."""

from __future__ import annotations

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step

CONTENT = load_content()
ENGINE = Engine(CONTENT)


def texts(step: Step) -> list[str]:
    """What the coach and its characters said in this step."""
    return [m.text for m in step.messages if m.role == "bot"]


def choice_ids(step: Step) -> list[str]:
    return [c["id"] for c in step.choices]


def play(step: Step, *choices: str) -> Step:
    """Press these buttons in turn; each must be offered where it is pressed."""
    for choice in choices:
        assert choice in choice_ids(step), (choice, step.record.node, choice_ids(step))
        step = ENGINE.play(step.record, ChoiceInput(choice))
    return step
