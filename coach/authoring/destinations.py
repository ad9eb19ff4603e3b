"""`coach endroits`: where a typed sentence can lead, for those who write examples.

A new example file measures the coach only if its writer knows where sentences may lead and
nothing of how the coach reads them: the places with their names and the start of what
they say, the glossary's terms, the commands and short answers. Never the `topics`,
`synonyms`, `go_on` or intentions, which are how the coach reads (docs/dialogues.md,
« Mesurer »).
"""

from __future__ import annotations

from coach.content.model import Content
from coach.engine.nlu.places import COMMAND, GLOSSARY, REPLY, PlaceBook

# The start of a place's first message shown beside its name.
FIRST_WORDS = 140


def destinations(content: Content) -> list[str]:
    """The lines of the list, in French, places first in the content's order."""
    book = PlaceBook(content)
    lines = ["# Endroits (identifiant — nom — début du premier message)"]
    for place in book.nodes:
        flow_id, node_id = place.split(":", 1)
        node = content.flows[flow_id].nodes[node_id]
        said = node.messages[0].text.strip().splitlines()[0] if node.messages else ""
        lines.append(f"{place} — {book.label(place, False)} — {said[:FIRST_WORDS]}")
    lines += ["", "# Termes du glossaire", *(GLOSSARY + g.term for g in content.glossary)]
    lines += ["", "# Commandes et réponses courtes"]
    lines += [f"{place} — {book.label(place, False)}" for place in sorted(book.named())
              if place.startswith((COMMAND, REPLY))]
    lines += ["", "aucun — rien ne convient : le coach doit dire qu’il n’a pas compris"]
    return lines
