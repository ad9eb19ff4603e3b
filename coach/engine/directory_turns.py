"""Finding a community: the turns of the deployer's directory (a `directory` node).

Where the directory asks (« Dans quelle région habitez-vous ? »), a region's button, a
place typed (« 59 », « près de Lille »), one of the directory's themes (« et pour
l'autisme ? ») or a wish said instead of a place (« et en visio ? », « je sais pas ») are
answered there, as `directory` entries of the transcript that the renderer turns into the
communities listed. Elsewhere, « ya un groupe dans le nord ? » goes to the directory and
shows the place named at once. The engine keeps the moves (going there, detours, the
other request of a message); this module says what the directory makes of a text, a
button or a record, so that the engine's turn function stays about navigation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from coach.communities import Communities, Place, Wishes, region_key
from coach.content.model import Content, NodeRef
from coach.content.schema import Choice
from coach.engine.nlu.places import CHOICE, node_place
from coach.engine.record import Record
from coach.engine.transcript import (
    DIRECTORY_ASK,
    DIRECTORY_EMPTY,
    DIRECTORY_THEME,
    DIRECTORY_WISH,
)
from coach.engine.understand import Context, Decision, Understanding

# Buttons of a directory node: one per region where communities are listed.
PLACE_CHOICE = "lieu-"
# Offered under a place's communities, besides the other regions (a command).
TALK_TO_A_PERSON = "humain"
# How far back the directory's last answer is looked for (the place shown, the theme).
DIRECTORY_LOOK_BACK = 64


def region_id(region: str) -> str:
    """« Provence-Alpes-Côte d’Azur » → « provence-alpes-cote-d-azur » (a button id)."""
    return region_key(region).replace(" ", "-")


@dataclass(frozen=True)
class Sought:
    """A community sought in typed text: where to go (`key`, a place or a choice), and what
    to show once there (the place named, the theme named), either of them possibly None."""

    key: str
    place: Place | None
    theme: str | None


def directory_state(record: Record) -> tuple[Place | None, str | None]:
    """Since the person came to the directory: the place whose communities were shown
    last, and the theme in force (the last one named, carried by each answer since)."""
    here = (record.flow, record.node)
    place: Place | None = None
    theme: str | None = None
    theme_read = False
    for count, entry in enumerate(record.transcript.from_end()):
        if count >= DIRECTORY_LOOK_BACK or (
                entry[0] == "content" and (entry[1], entry[2]) != here):
            break  # the person came here from elsewhere: nothing before counts
        if entry[0] != "directory" or entry[1] in (DIRECTORY_ASK, DIRECTORY_EMPTY):
            continue
        value = str(entry[1])
        if not theme_read:
            theme_read = True
            theme = (value[len(DIRECTORY_THEME):] if value.startswith(DIRECTORY_THEME)
                     else str(entry[2]) if len(entry) > 2 and entry[2] else None)
        if not value.startswith((DIRECTORY_THEME, DIRECTORY_WISH)):
            place = Communities.place(value)
            if place is not None:
                break
    return place, theme


def show_communities(record: Record, place: Place, typed: bool = False,
                     theme: str | None = None) -> None:
    """The communities listed for this place, those of the theme in force first (the
    typed text itself is not kept apart: only the place's code and the theme are)."""
    if not typed:
        record.transcript.append(["region", place.code])
    theme = theme or directory_state(record)[1]
    record.transcript.append(["directory", place.code, *([theme] if theme else [])])


def seek_theme(record: Record, theme: str) -> None:
    """A theme named where the directory asks, with no place: the place just shown again
    on that theme, or the region asked for it."""
    shown = directory_state(record)[0]
    if shown is not None:
        show_communities(record, shown, typed=True, theme=theme)
    else:
        record.transcript.append(["directory", DIRECTORY_THEME + theme])


def answer_wish(record: Record, wish: str, theme: str | None = None) -> None:
    """What was said instead of a place is answered there; said again at once (« je
    sais pas », then « je sais pas »), the answer is not the same twice in a row: the
    advice of whom to ask follows instead."""
    entry = ["directory", DIRECTORY_WISH + wish]
    said = [e for e in record.transcript[:-1] if e[0] in ("directory", "content", "coach",
                                                          "glossary", "offer")]
    if said and said[-1][:2] == entry:
        entry = ["directory", DIRECTORY_WISH + "encore"]
    theme = theme or directory_state(record)[1]
    record.transcript.append([*entry, *([theme] if theme else [])])


class DirectoryTurns:
    """The directory as the engine's turns read it. It holds what it needs from the
    engine (content, communities, the understanding, two read-only views of a record),
    never a conversation: every call takes the record."""

    def __init__(self, content: Content, communities: Communities, wishes: Wishes,
                 understanding: Understanding,
                 choices: Callable[[Record], list[Choice]],
                 context: Callable[[Record], Context],
                 talk_to_a_person: Mapping[bool, dict[str, str]]) -> None:
        """`choices` and `context` are the engine's (the choices available at the record's
        step, what the understanding knows of where it is); `talk_to_a_person` is the
        button of « Parler à une personne » per easy-to-read, empty when the content has
        no such command."""
        self.content = content
        self.communities = communities
        self.wishes = wishes
        self.understanding = understanding
        self._choices = choices
        self._context = context
        self._talk_to_a_person = talk_to_a_person
        self._place_choices = [
            {"id": PLACE_CHOICE + region_id(region), "label": region}
            for region in communities.regions()]

    def at_directory(self, record: Record) -> bool:
        """At a directory node with no « Vous voulez parler de… ? » pending."""
        node = self.content.node_or_none((record.flow, record.node))
        return bool(node and node.directory and not record.pending)

    def is_directory(self, place: str) -> bool:
        flow, _sep, node = place.partition(":")
        found = self.content.node_or_none((flow, node)) if node else None
        return bool(found and found.directory)

    def finding_from_journey(self, record: Record, ref: NodeRef) -> bool:
        """Going to find a community (a `directory` node) from another journey than its
        own, and not from the main menu: the journey's place is kept (a detour)."""
        return (ref[0] != record.flow and (record.flow, record.node) != self.content.menu
                and self.is_directory(node_place(*ref)))

    def asked(self) -> list[Any]:
        """The transcript entry said on arriving at a directory node: where one lives is
        asked, or, with no communities listed, that there are none."""
        return ["directory", DIRECTORY_ASK if self.communities else DIRECTORY_EMPTY]

    def places_offered(self, record: Record, falc: bool) -> list[dict[str, str]]:
        """The regions' buttons; once a place's communities are shown, not the region that
        would show them again, and « Parler à une personne » after them (seen: « Hauts-de-
        France » offered again right under the Hauts-de-France's communities)."""
        shown = directory_state(record)[0]
        if shown is None:
            return self._place_choices
        kept = set(self.communities.regions_after(shown))
        offered = [c for c in self._place_choices if c["label"] in kept]
        if self._talk_to_a_person:
            offered.append(dict(self._talk_to_a_person[falc]))
        return offered

    def place_of_choice(self, record: Record, choice_id: str) -> Place | None:
        """The place of a region's button, at a directory node (None for any other id)."""
        if not choice_id.startswith(PLACE_CHOICE) or not self.at_directory(record):
            return None
        wanted = choice_id[len(PLACE_CHOICE):]
        region = next((r for r in self.communities.regions() if region_id(r) == wanted), None)
        return self.communities.place(region) if region else None

    def typed_here(self, record: Record, text: str) -> bool:
        """A text typed at a directory node, before the understanding reads it: a place
        (with or without a directory), a wish said instead of one, or one of the
        directory's themes is answered there. True when done."""
        place = self.communities.read(text)
        theme = self.communities.theme(text)  # one of the directory's own themes
        if place is not None:
            record.pending = []
            record.misses = 0
            show_communities(record, place, typed=True, theme=theme)
            return True
        wish = self.wishes.read(text)
        if wish is not None:  # « et en visio ? », « je sais pas », « aucune ne me va »
            record.pending = []
            record.misses = 0
            answer_wish(record, wish, theme)
            return True
        if theme is not None:  # « une cop sur l'autisme », « et pour l'autisme ? »
            record.pending = []
            record.misses = 0
            seek_theme(record, theme)
            return True
        return False

    def asks_here_again(self, record: Record, text: str, decision: Decision) -> bool:
        """« il y a une cop près de chez moi ? » typed where it is answered: the
        understanding leaves out the place the person is at (a miss, or other places
        offered), so it is read again with that place in (`Context.here_too`, as for
        « say it again »)."""
        here = node_place(record.flow, record.node)
        if decision.kind == "go" and decision.best is not None:
            return decision.best.place == here
        again = self.understanding.decide(text, replace(self._context(record), here_too=True))
        return again.kind == "go" and again.best is not None and again.best.place == here

    def sought(self, record: Record, text: str, decision: Decision) -> Sought | None:
        """« ya un groupe dans le nord ? » (understood as the directory) seeks the
        communities of the place named; « 59 » or « dans le Nord » alone does too at the
        menu and where a choice leads to the directory. None when it is no such search."""
        best = decision.best
        key = None
        place = None
        theme = self.communities.theme(text)
        # Named with one of the directory's themes, a search the understanding doubts
        # (« une communauté pour les maladies rares près de Lille ? »: « Vous voulez parler
        # de… ? ») is one when finding a community is among what it offers.
        sought = best if decision.kind == "go" else next(
            (c for c in decision.candidates if theme and decision.kind == "ask"
             and self.is_directory(c.place)), None)
        if sought is not None and self.is_directory(sought.place):
            key, place = sought.key, self.communities.read(text)
            if place is None and theme is None:
                key = None
        elif (only := self.communities.only_place(text)) is not None:
            towards = next((c for c in self._choices(record) if c.target
                            and self.is_directory(node_place(*self.content.resolve(
                                record.flow, c.target)))), None)
            if towards is not None:
                key, place = CHOICE + towards.id, only
            elif (record.flow, record.node) == self.content.menu:
                key, place = next((p for p in self.understanding.places.nodes
                                   if self.is_directory(p)), None), only
        if key is None:
            return None
        return Sought(key, place, theme)

    def arrived(self, record: Record, sought: Sought) -> None:
        """Once gone where a search led: the place named shown (on the theme named), or
        the theme named kept for the region asked."""
        if self.at_directory(record) and sought.place is not None:
            show_communities(record, sought.place, typed=True, theme=sought.theme)
        elif self.at_directory(record) and sought.theme is not None:
            record.transcript.append(["directory", DIRECTORY_THEME + sought.theme])
