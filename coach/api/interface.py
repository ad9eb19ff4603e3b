"""The interface's own words in standard French and in easy-to-read French (interface.yaml):
read once, given to coach.js (webfiles.py) and to the server's pages in the conversation's
language, and checked by `coach lint` like the messages (`interface_texts`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from coach.content.yamlsrc import Path_, read_yaml
from coach.drafts.template import Pair
from coach.drafts.texts import DocumentText, display_path

INTERFACE_FILE = Path(__file__).with_name("interface.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PrivacySection(_Strict):
    id: str
    title: Pair
    # The site's human contact follows the section's paragraphs (coach.api.contact).
    contact: bool = False
    paragraphs: list[Pair] = []
    items: list[Pair] = []
    after: list[Pair] = []


class Privacy(_Strict):
    title: Pair
    back: Pair
    sections: list[PrivacySection] = Field(min_length=1)


class Interface(_Strict):
    texts: dict[str, Pair]
    privacy: Privacy

    def say(self, key: str, falc: bool) -> str:
        return self.texts[key].get(falc)

    def for_script(self) -> dict[str, list[str]]:
        """What coach.js reads: each key's [standard, easy-to-read] text."""
        return {key: [pair.text, pair.falc] for key, pair in self.texts.items()}


@cache
def load_interface(path: Path = INTERFACE_FILE) -> Interface:
    return Interface.model_validate(read_yaml(path, display_path(path)).data)


def say(key: str, falc: bool) -> str:
    """One interface text in the conversation's language."""
    return load_interface().say(key, falc)


def interface_texts(path: Path = INTERFACE_FILE) -> list[DocumentText]:
    """Every easy-to-read text of the interface, with its place, for the FALC checker: a
    text read with a sentence or more is a message (checked against its standard twin), a
    button's name or a heading is a label."""
    source = read_yaml(path, display_path(path))
    interface = Interface.model_validate(source.data)
    out: list[DocumentText] = []

    def add(where: str, pair: Pair, at: Path_) -> None:
        message = pair.text.rstrip().endswith((".", "?", "!")) and " " in pair.text.strip()
        out.append(DocumentText("interface", source.file, where, pair.falc,
                                pair.text if message else None,
                                source.line_of((*at, "falc"))))

    for key, pair in interface.texts.items():
        add(f"texte « {key} »", pair, ("texts", key))
    add("confidentialité › titre", interface.privacy.title, ("privacy", "title"))
    for s, section in enumerate(interface.privacy.sections):
        at: Path_ = ("privacy", "sections", s)
        add(f"confidentialité › {section.id} › titre", section.title, (*at, "title"))
        for kind in ("paragraphs", "items", "after"):
            for n, pair in enumerate(getattr(section, kind), start=1):
                add(f"confidentialité › {section.id} › {kind} {n}", pair, (*at, kind, n - 1))
    return out
