"""Render a record's transcript (references) into messages in the variant in force."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from coach.communities import Communities, Community
from coach.content.model import Content, NodeRef
from coach.content.placeholders import fill
from coach.engine.nlu.places import CHOICE, PlaceBook, node_place
from coach.engine.record import Record, content_fingerprint, content_values
from coach.engine.transcript import (
    DIRECTORY_ASK,
    DIRECTORY_EMPTY,
    DIRECTORY_THEME,
    DIRECTORY_WISH,
    Entry,
)

if TYPE_CHECKING:
    from coach.engine.progress import WhereReport

YOU = {"id": "vous", "name": "Vous"}
# Said in the history in place of a content message changed or removed since (commun.yaml).
CHANGED_MESSAGE = "message-change"
# At most this many communities in one answer (the nearest first, then those open to all).
MAX_COMMUNITIES = 6


@dataclass(slots=True)
class Rendered:
    """A message as the API shows it (`role` is "bot" or "user")."""

    id: str
    role: str
    speaker: dict[str, str]
    text: str
    ref: str
    at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "role": self.role, "speaker": self.speaker, "text": self.text,
                "ref": self.ref, "at": self.at}


# A coach message's variant for a site with no contact (« Parler à une personne » has no
# one to offer), said instead when the content has it.
NO_CONTACT_SUFFIX = "-sans-contact"


class Renderer:
    def __init__(self, content: Content, context: Mapping[str, str],
                 places: PlaceBook | None = None, where: WhereReport | None = None,
                 communities: Communities | None = None) -> None:
        self.content = content
        self.where = where
        self.communities = communities or Communities()
        self.context = dict(context)
        self.places = places or PlaceBook(content)
        self._speakers = {s.id: {"id": s.id, "name": s.name} for s in content.speakers.values()}
        self._glossary = {g.term: g for g in content.glossary}
        # Choice labels that say nothing of where they lead: the content's own ways of
        # saying « go on » (`go_on:` of commun.yaml: « Continuer », « La suite »…).
        self._bare_labels = frozenset(phrase.casefold() for phrase in content.common.go_on)

    def has_contact(self) -> bool:
        """Whether this site gives a phone number or an e-mail address."""
        return bool(self.context.get("contact_telephone") or self.context.get("contact_courriel"))

    def subject(self, flow: str, node: str, falc: bool) -> str | None:
        """How the subject of a step is named (its place's label), if it has a name."""
        return self.places.label(node_place(flow, node), falc)

    def place_label(self, place: str, falc: bool, flow: str = "", node: str = "") -> str | None:
        """How a place is named, in the variant in force (« choix:<id> » needs its node)."""
        if place == "autre":
            return self.places.other.get(falc)
        if place.startswith(CHOICE):
            found = self.content.flows.get(flow)
            owner = found.nodes.get(node) if found else None
            choice = next((c for c in owner.choices if c.id == place[len(CHOICE):]),
                          None) if owner else None
            if choice is None:
                return None
            label = choice.label_falc if falc else choice.label
            if label.strip(" .…").casefold() in self._bare_labels and choice.target:
                # « Vous voulez parler de… ? » offering « Continuer » (twice, once with
                # another place also named « Continuer »): a button that does not say
                # where it leads. The place it leads to names it, when it has a name.
                named = self.places.label(node_place(*self.content.resolve(flow, choice.target)),
                                          falc)
                return named or label
            return label
        return self.places.label(place, falc)

    def entry(self, position: int, entry: Entry, falc: bool) -> Rendered | None:
        """One transcript entry; None when the content it points to no longer exists."""
        kind = entry[0]
        message_id = f"m{position}"
        if kind == "content":
            found = self.content_message(entry)
            if found is None:
                return self._changed(message_id, entry, falc)
            ref, index = found
            message = self.content.node(ref).messages[index]
            text = self._filled(message.falc if falc else message.text, content_values(entry))
            return Rendered(message_id, "bot", self._speakers[message.speaker], text,
                            f"{ref[0]}/{ref[1]}/{index}")
        if kind == "coach":
            system = self.content.system.get(entry[1])
            if system is None:
                return None
            text = self._filled(system.falc if falc else system.text,
                                entry[2] if len(entry) > 2 else None)
            return Rendered(message_id, "bot", self._speakers["coach"], text, f"coach/{entry[1]}")
        if kind == "choice":
            flow = self.content.flows.get(entry[1])
            node = flow.nodes.get(entry[2]) if flow else None
            choice = next((c for c in node.choices if c.id == entry[3]), None) if node else None
            if choice is not None:
                label = choice.label_falc if falc else choice.label
            else:  # a button of the engine itself (« Oui, je garde ma réponse »…)
                system = self.content.system.get(entry[3])
                label = (system.falc if falc else system.text) if system else entry[3]
            return Rendered(message_id, "user", YOU, label, f"choix/{entry[3]}")
        if kind == "command":
            command = self.content.commands.get(entry[1])
            label = (command.label_falc if falc else command.label) if command else entry[1]
            return Rendered(message_id, "user", YOU, label, f"commande/{entry[1]}")
        if kind == "glossary":
            item = self._glossary.get(entry[1])
            if item is None:
                return None
            return Rendered(message_id, "bot", self._speakers["coach"],
                            item.falc if falc else item.text, f"glossaire/{entry[1]}")
        if kind == "offer":
            system = self.content.system.get(entry[1])
            labels = [self.place_label(place, falc, *entry[3:5]) for place in entry[2]]
            if system is None or None in labels:
                return None
            values = {**self.context, **dict(zip("ab", labels, strict=False))}
            text = fill(system.falc if falc else system.text, values)
            return Rendered(message_id, "bot", self._speakers["coach"], text, f"coach/{entry[1]}")
        if kind == "progress":
            if self.where is None:
                return None
            return Rendered(message_id, "bot", self._speakers["coach"],
                            self.where.render(entry, falc, self.subject), "coach/ou-en-suis-je")
        if kind == "passed":
            said = self.where.render_passed(entry, falc) if self.where is not None else ""
            return Rendered(message_id, "bot", self._speakers["coach"], said,
                            "coach/etape-fin-passee") if said else None
        if kind == "directory":
            theme = str(entry[2]) if len(entry) > 2 and entry[2] else None
            return self._directory(message_id, str(entry[1]), falc, theme)
        if kind == "region":
            place = Communities.place(str(entry[1]))
            return Rendered(message_id, "user", YOU, place.name if place else str(entry[1]),
                            f"lieu/{entry[1]}")
        if kind == "place":
            named = self.place_label(entry[1], falc)
            return Rendered(message_id, "user", YOU, named or entry[1], f"sens/{entry[1]}")
        # Typed text, as typed; a blank one still shows as a message.
        return Rendered(message_id, "user", YOU, str(entry[1]).strip() or "…", "texte")

    def content_message(self, entry: Entry) -> tuple[NodeRef, int] | None:
        """The node and position where the message of a content entry is now; None when
        it is no longer in the content. An entry with a fingerprint is the message at its
        position only if the fingerprints agree, else the one with its fingerprint in its
        node (followed when the node was renamed): never another message. An entry
        stored without one (before format 4) is the message at its position, as then."""
        fingerprint = content_fingerprint(entry)
        if fingerprint is None:
            flow = self.content.flows.get(entry[1])
            node = flow.nodes.get(entry[2]) if flow else None
            if node is None or entry[3] >= len(node.messages):
                return None
            return (entry[1], entry[2]), entry[3]
        ref = self.content.find_moved((entry[1], entry[2]))
        if ref is None:
            return None
        prints, index = self.content.fingerprints(ref), entry[3]
        if index < len(prints) and prints[index] == fingerprint:
            return ref, index
        return (ref, prints.index(fingerprint)) if fingerprint in prints else None

    def _changed(self, message_id: str, entry: Entry, falc: bool) -> Rendered | None:
        """In place of a content message the authors have since changed or removed: says
        so (never another message's text); nothing for entries stored without a
        fingerprint, as before."""
        system = self.content.system.get(CHANGED_MESSAGE)
        if content_fingerprint(entry) is None or system is None:
            return None
        return Rendered(message_id, "bot", self._speakers["coach"],
                        system.falc if falc else system.text, f"coach/{CHANGED_MESSAGE}")

    def _directory(self, message_id: str, value: str, falc: bool,
                   theme: str | None = None) -> Rendered | None:
        """The directory question, the advice when nothing is listed, the communities
        listed for a place (on a theme: those with it first, or said plainly that none
        here has it), or the answer to what was said instead of a place."""
        coach = self._speakers["coach"]
        if value in (DIRECTORY_ASK, DIRECTORY_EMPTY):
            key = "annuaire-question" if value == DIRECTORY_ASK else "annuaire-vide"
            system = self.content.system.get(key)
            if system is None:
                return None
            return Rendered(message_id, "bot", coach, self._filled(
                system.falc if falc else system.text, None), f"coach/{key}")
        if value.startswith(DIRECTORY_WISH):
            return self._wish(message_id, value[len(DIRECTORY_WISH):], falc, theme)
        if value.startswith(DIRECTORY_THEME):
            return self._said(message_id, ["annuaire-theme-question"], falc,
                              {"theme": value[len(DIRECTORY_THEME):]})
        place = Communities.place(value)
        if place is None:
            return None
        if not self.communities:  # nothing listed at all: never « choose another region »
            return self._said(message_id, ["annuaire-vide-lieu", "annuaire-vide"], falc,
                              {"lieu": place.said})
        first = self.communities.themed_first
        local = self.communities.local(place)
        remote = first(self.communities.remote(), theme)
        values = {"lieu": place.said, "theme": theme or ""}
        # Where to look next: the other regions offered as buttons, or another department.
        elsewhere = ("annuaire-ailleurs" if self.communities.regions_after(place)
                     else "annuaire-ailleurs-departement")
        themed = [e for e in local if theme and e.about(theme)]
        if themed:
            return self._said(message_id, ["annuaire-theme-resultats"], falc, values, themed,
                              [("annuaire-theme-autres", [e for e in local if e not in themed]),
                               ("annuaire-aussi-partout", remote)], elsewhere)
        if local:
            return self._said(message_id, ["annuaire-theme-aucun" if theme else
                                           "annuaire-resultats"], falc, values,
                              local, [("annuaire-aussi-partout", remote)], elsewhere)
        regions, nearest = self.communities.nearest(place)
        if not (nearest or remote):
            return self._said(message_id, ["annuaire-aucun"], falc, {"lieu": place.said})
        return self._said(message_id, ["annuaire-aucun-ici"], falc,
                          {"lieu": place.said, "regions": _listed(regions)}, [],
                          [("annuaire-plus-proches", first(nearest, theme)),
                           ("annuaire-partout", remote)], elsewhere)

    def _wish(self, message_id: str, wish: str, falc: bool,
              theme: str | None = None) -> Rendered | None:
        """« et en visio ? »: the communities open to all France; « y en a pas plus
        près ? », « aucune ne me va », « je sais pas »: an answer and whom to ask; with no
        directory, each says so first."""
        if not self.communities:
            said = "plus-pres" if wish == "ici" else wish
            return self._said(message_id, [f"annuaire-vide-{said}", f"annuaire-{said}",
                                           "annuaire-vide-encore"], falc, {})
        remote = self.communities.themed_first(self.communities.remote(), theme)
        if wish == "distance":
            key = "annuaire-distance" if remote else "annuaire-distance-aucune"
            return self._said(message_id, [key], falc, {}, remote)
        return self._said(message_id, [f"annuaire-{wish}"], falc, {}, [],
                          [("annuaire-partout", remote if wish == "encore" else [])])

    def _said(self, message_id: str, keys: list[str], falc: bool, values: Mapping[str, str],
              found: list[Community] | None = None,
              more: list[tuple[str, list[Community]]] | None = None,
              closing: str | None = None) -> Rendered | None:
        """One bubble: the first of `keys` the content has (filled with `values`), the
        communities found, then each further heading with its communities (left out when
        it has none, or when the content lacks its message), then the `closing` message."""
        def text_of(key: str) -> str | None:
            # Without a contact, a message's variant that sends to no « Parler à une
            # personne » (`<id>-sans-contact`), when the content has one.
            system = (None if self.has_contact() else self.content.system.get(
                f"{key}{NO_CONTACT_SUFFIX}")) or self.content.system.get(key)
            if system is None:
                return None
            return fill(system.falc if falc else system.text, {**self.context, **values})

        head = next(((key, said) for key in keys if (said := text_of(key)) is not None), None)
        if head is None:
            return None
        parts = [head[1], *(_community(c, falc) for c in (found or [])[:MAX_COMMUNITIES])]
        for heading, entries in more or []:
            said = text_of(heading) if entries else None
            if said is not None:
                parts += [said, *(_community(c, falc) for c in entries[:MAX_COMMUNITIES])]
        ending = text_of(closing) if closing else None
        if ending is not None:
            parts.append(ending)
        return Rendered(message_id, "bot", self._speakers["coach"], "\n\n".join(parts),
                        f"coach/{head[0]}")

    def _filled(self, text: str, values: Mapping[str, object] | None) -> str:
        """The text with its placeholders filled (the contact, then the stored values)."""
        if "{" not in text:
            return text
        return fill(text, {**self.context, **values} if values else self.context)

    def transcript(self, record: Record, first: int = 0, last: int | None = None) -> list[Rendered]:
        end = len(record.transcript) if last is None else last
        times = record.said_at(first, end)
        messages = []
        for position in range(first, end):
            if _answered_at_once(record, position, end):
                continue
            message = self.entry(position, record.transcript[position], record.falc)
            if message is not None:
                when = times[position - first]
                if when is not None:
                    message.at = _iso(int(when))
                messages.append(message)
        return messages


def _answered_at_once(record: Record, position: int, end: int) -> bool:
    """The directory's question or general advice said on arrival, when the same turn
    already named the place (« ya un groupe dans le nord ? »): only the place's answer is
    shown, not a question already answered nor the same advice twice."""
    entry = record.transcript[position]
    on_arrival = (DIRECTORY_ASK, DIRECTORY_EMPTY)
    if entry[0] != "directory" or entry[1] not in on_arrival or position + 1 >= end:
        return False
    following = record.transcript[position + 1]
    return bool(following[0] == "directory" and following[1] not in on_arrival)


def _listed(names: list[str]) -> str:
    """« Bretagne », « Bretagne et Normandie », « Bretagne, Normandie et Pays de la Loire »."""
    return " et ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _community(community: Community, falc: bool) -> str:
    """One community as a person can use it: how to join, then each way to reach it."""
    lines = [community.name]
    if community.themes:
        lines.append(f"Thèmes : {', '.join(community.themes)}")
    join = (community.join_falc or community.join) if falc else community.join
    # Easy-to-read says « communauté » everywhere, never « CoP ».
    lines.append(f"Pour faire partie de cette communauté : {join}" if falc
                 else f"Pour rejoindre : {join}")
    if community.phone:
        lines.append(f"Téléphone : {community.phone}")
    if community.email:
        lines.append(f"Courriel : {community.email}")
    if community.website:
        lines.append(f"Site : {community.website}")
    return "\n".join(lines)



@lru_cache(maxsize=4096)
def _iso(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
