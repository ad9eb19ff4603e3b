"""The journeys of the start page without JavaScript, grouped by audience as on the home menu.

The groups follow the menu's choices, in their order (« Je suis un parent… », « Je
coordonne… »…): each holds the journey the choice leads to, then the other journeys made
for the same persona (« Étape 1 », « Étape 2 »… for coordinators). The welcome comes first;
journeys for no one in particular come last.
"""

from __future__ import annotations

from coach.content.model import Content, FlowData

OTHERS = "Autres sujets"
WELCOME = "Pour commencer"


def journeys_by_audience(content: Content) -> list[tuple[str, list[FlowData]]]:
    """(legend, journeys) in the home menu's order; every journey appears at least once."""
    flows = content.flows
    entry = flows[content.entry[0]]
    menu = content.node(content.menu)
    groups: list[tuple[str, list[FlowData]]] = [(WELCOME, [entry])]
    listed = {entry.id}
    for choice in menu.choices:
        target = flows.get(content.resolve(content.menu[0], choice.target)[0])
        persona = choice.set.get("persona")
        journeys = [target] if target is not None and target.id != entry.id else []
        taken = {f.id for f in journeys}
        journeys += sorted((f for f in flows.values() if persona is not None
                            and f.header.persona == persona and f.id not in taken),
                           key=lambda f: f.header.title)
        if journeys:
            groups.append((choice.label, journeys))
            listed.update(f.id for f in journeys)
    rest = [f for f in flows.values() if f.id not in listed]
    if rest:
        groups.append((OTHERS, sorted(rest, key=lambda f: f.header.title)))
    return groups
