"""The journeys of the start page without JavaScript, grouped by audience as on the home menu.

The groups follow the menu's choices, in their order (« Je suis un parent… », « Je
coordonne… »…): each opens with the menu's choice itself (`menu:<choice id>`: the
conversation starts as the home menu's button would start it, at the same place, with the
same profile), then the other journeys made for the same persona (« Étape 1 », « Étape 2 »…
for coordinators). The welcome comes first; journeys for no one in particular come last.
"""

from __future__ import annotations

from coach.content.model import Content

OTHERS = "Autres sujets"
WELCOME = "Pour commencer"
MENU = "menu:"


def journeys_by_audience(content: Content) -> list[tuple[str, list[tuple[str, str]]]]:
    """(legend, [(value, title)]) in the home menu's order; every journey appears at least
    once. A value is a flow id, or `menu:<choice id>` for the home menu's choice."""
    flows = content.flows
    entry = flows[content.entry[0]]
    menu = content.node(content.menu)
    groups: list[tuple[str, list[tuple[str, str]]]] = [(WELCOME, [(entry.id, entry.header.title)])]
    listed = {entry.id}
    for choice in menu.choices:
        ref = content.resolve(content.menu[0], choice.target)
        target = flows.get(ref[0])
        persona = choice.set.get("persona")
        journeys: list[tuple[str, str]] = []
        taken: set[str] = set()
        if target is not None and target.id != entry.id:
            node = target.nodes.get(ref[1])
            title = (node.title if node is not None and node.title else target.header.title)
            journeys.append((MENU + choice.id, title))
            if ref[1] == target.header.start:
                taken.add(target.id)
        journeys += [(f.id, f.header.title) for f in sorted(
            (f for f in flows.values() if persona is not None
             and f.header.persona == persona and f.id not in taken),
            key=lambda f: f.header.title)]
        if journeys:
            groups.append((choice.label, journeys))
            listed.update(taken)
            listed.update(value for value, _ in journeys)
    rest = [f for f in flows.values() if f.id not in listed]
    if rest:
        groups.append((OTHERS, [(f.id, f.header.title)
                                for f in sorted(rest, key=lambda f: f.header.title)]))
    return groups


def menu_choice(value: str) -> str | None:
    """The home menu's choice a start value names (`menu:famille` → `famille`), if any."""
    return value[len(MENU):] or None if value.startswith(MENU) else None
