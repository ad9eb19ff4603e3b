"""Where a person is in a staged journey (the coordinator's 4 stages), from the content.

A flow with `stage: N` is a stage; its `parts:` cut its nodes in file order (each part runs
from its `from` node to the next part's). Every step of the API says the stage and part of
the person's place — inside a detour, of the place the detour left — and « Où en suis-je ? »
lists the parts seen, skipped and left. Nothing here is stored but two bit masks per stage:
the parts seen, and the parts skipped (left by a `skip: true` choice, « Passer les cartes »,
and not seen since): a skipped part is not seen, so a stage with one is not seen in full.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from coach.content.answer_edits import edits_answers
from coach.content.model import Content, NodeRef
from coach.content.placeholders import fill
from coach.engine.record import Record

# `chemin == 'court'`: the short path, without the exercises.
PATH_VARIABLE = "chemin"
SHORT_PATH = "court"
DEFAULT_LABEL = "Étape {etape} sur {etapes} · partie {partie} sur {parties}"
# Coach messages (commun.yaml) of skipped parts: in « Où en suis-je ? », for the stage the
# person is in and for another stage, and at a stage's end.
PASSED_HERE, PASSED_STAGE, PASSED = "ou-en-suis-je-passe", "etape-passee", "etape-fin-passee"
# « Où en suis-je ? » outside the stages (commun.yaml): at the stages' list with none begun
# (« choisissez « Étape 1 : Initier » »), at that list with some begun, at the home menu,
# on another subject (named); content without them says `ou-en-suis-je-hors`, as entries
# stored before the place was kept do.
WHERE_OUTSIDE = "ou-en-suis-je-hors"
WHERE_START, WHERE_STAGES = "ou-en-suis-je-debut", "ou-en-suis-je-etapes"
WHERE_MENU, WHERE_SUBJECT = "ou-en-suis-je-menu", "ou-en-suis-je-sujet"
# How a place is named (the renderer's: its subject's label), in the variant in force.
Naming = Callable[[str, str, bool], "str | None"]


@dataclass(frozen=True)
class StagePart:
    index: int
    id: str
    title: str
    title_falc: str
    exercise: bool


@dataclass(frozen=True)
class Stage:
    flow: str
    number: int
    title: str
    title_falc: str
    parts: tuple[StagePart, ...]


@dataclass(frozen=True)
class Place:
    """A stage and one of its parts, with the parts of the path the person follows."""

    stage: Stage
    part: StagePart
    path: tuple[StagePart, ...]

    @property
    def part_number(self) -> int:
        return self.path.index(self.part) + 1


class ProgressMap:
    """Built once per content: which stage and part every node of a staged flow is in."""

    def __init__(self, content: Content) -> None:
        self.content = content
        stages = []
        self.part_of: dict[NodeRef, tuple[Stage, StagePart]] = {}
        for flow in content.flows.values():
            header = flow.header
            if header.stage is None or not header.parts:
                continue
            parts = tuple(StagePart(i, p.id, p.title, p.title_falc, p.exercise)
                          for i, p in enumerate(header.parts))
            stage = Stage(flow.id, header.stage, header.title, header.title_falc, parts)
            stages.append(stage)
            firsts = {p.first: parts[i] for i, p in enumerate(header.parts)}
            current: StagePart | None = None
            for node_id, node in flow.nodes.items():  # file order
                current = firsts.get(node_id, current)
                # The answers' menu and its nodes, written at the end of stage 1's file,
                # are no part of it: in them the progress is the place that opened them.
                if current is not None and not edits_answers(node):
                    self.part_of[(flow.id, node_id)] = (stage, current)
        self.stages = tuple(sorted(stages, key=lambda s: s.number))
        # The journeys that list the stages (the stages' `menu`): where one chooses a stage.
        self.hubs: frozenset[str] = frozenset(
            content.resolve(stage.flow, menu)[0] for stage in self.stages
            if (menu := content.flows[stage.flow].header.menu))
        # The places where a stage's path is chosen (a choice sets `chemin`).
        self.choosing: frozenset[NodeRef] = frozenset(
            ref for ref in self.part_of
            if any(PATH_VARIABLE in choice.set for choice in content.node(ref).choices))
        system = content.system.get("progression")
        self._labels = (system.text, system.falc) if system else (DEFAULT_LABEL, DEFAULT_LABEL)

    def place(self, record: Record) -> Place | None:
        """The stage and part of the person's place; inside a detour, of the place it left
        (the first detour's, when detours nest: the draft's summary, opened from stage 3,
        is in stage 1's file, and so is the answers' menu it opens)."""
        for ref in self.places_left(record):
            found = self.part_of.get(ref)
            if found is not None:
                stage, part = found
                return Place(stage, part, self.path(
                    stage, record.vars, part, record.seen.get(stage.flow, 0),
                    choosing=ref in self.choosing,
                    skipped=record.skipped.get(stage.flow, 0)))
        return None

    @staticmethod
    def path(stage: Stage, variables: Mapping[str, Any], current: StagePart | None = None,
             seen: int = 0, choosing: bool = False, skipped: int = 0) -> tuple[StagePart, ...]:
        """The parts of the path the person follows, a count that never goes down on the
        way: the full path has every part; the short one leaves the exercises out, except
        one the person is in, has seen or has skipped (asked for: it stays counted). Where
        the path is chosen, before choosing, the short path's parts: the full one only adds
        to them."""
        if variables.get(PATH_VARIABLE) != SHORT_PATH and not choosing:
            return stage.parts
        kept = seen | skipped
        return tuple(p for p in stage.parts
                     if not p.exercise or p is current or kept & (1 << p.index))

    @staticmethod
    def places_left(record: Record) -> list[NodeRef]:
        """Where the progress is read, in order: the place the first detour left, the places
        the inner ones left, then the person's node."""
        return [*((f[0], f[1]) for f in record.calls), (record.flow, record.node)]

    def stages_left(self, record: Record) -> int:
        """How many stages still have a part of their path (short or full) not seen."""
        left = 0
        for stage in self.stages:
            mask = record.seen.get(stage.flow, 0)
            path = self.path(stage, record.vars, seen=mask,
                             skipped=record.skipped.get(stage.flow, 0))
            if any(not mask & (1 << p.index) for p in path):
                left += 1
        return left

    def progress(self, record: Record) -> dict[str, Any] | None:
        """The `progress` object of a step, or None outside a staged journey."""
        place = self.place(record)
        if place is None:
            return None
        values = {"etape": place.stage.number, "etapes": len(self.stages),
                  "partie": place.part_number, "parties": len(place.path)}
        return {"label": fill(self._labels[record.falc], values), "stage": values["etape"],
                "stages": values["etapes"], "part": values["partie"],
                "parts": values["parties"]}

    def mark_seen(self, record: Record, ref: NodeRef) -> None:
        """The part of this node is seen (and no longer skipped, if it was)."""
        found = self.part_of.get(ref)
        if found is not None:
            stage, part = found
            bit = 1 << part.index
            record.seen[stage.flow] = record.seen.get(stage.flow, 0) | bit
            skipped = record.skipped.get(stage.flow, 0)
            if skipped & bit:
                if skipped & ~bit:
                    record.skipped[stage.flow] = skipped & ~bit
                else:
                    del record.skipped[stage.flow]

    def mark_skipped(self, record: Record, ref: NodeRef) -> None:
        """The part of this node is left by a choice that skips it (« Passer les cartes »):
        not seen, though its first node was, until the person comes back to it."""
        found = self.part_of.get(ref)
        if found is None:
            return
        stage, part = found
        bit = 1 << part.index
        seen = record.seen.get(stage.flow, 0) & ~bit
        if seen:
            record.seen[stage.flow] = seen
        else:
            record.seen.pop(stage.flow, None)
        record.skipped[stage.flow] = record.skipped.get(stage.flow, 0) | bit

    def skipped_parts(self, record: Record, flow_id: str) -> int:
        """The bit mask of the parts of this stage the person skipped (0 when none)."""
        return record.skipped.get(flow_id, 0) if self.stage_of_flow(flow_id) else 0

    def remember_place(self, record: Record) -> None:
        """Keep the person's node as their place in its stage (for « Reprendre l’étape N »),
        unless they are in a detour: a tool opened from a stage, or the answers' menu that
        another stage calls, is not a place reached in the stage."""
        if not record.calls and (record.flow, record.node) in self.part_of:
            record.places[record.flow] = record.node

    def furthest_part_seen(self, record: Record, flow_id: str) -> NodeRef | None:
        """The first node of the furthest part of this stage seen (None when none was)."""
        stage = self.stage_of_flow(flow_id)
        mask = record.seen.get(flow_id, 0)
        if stage is None or not mask:
            return None
        header = self.content.flows[flow_id].header
        index = mask.bit_length() - 1
        return (flow_id, header.parts[index].first)

    def stage_of_flow(self, flow_id: str) -> Stage | None:
        return next((s for s in self.stages if s.flow == flow_id), None)


def _said(system: Mapping[str, Any], key: str, falc: bool, values: Mapping[str, object]) -> str:
    message = system.get(key)
    if message is None:
        return ""
    return _one_stop(fill(message.falc if falc else message.text, values))


def _one_stop(text: str) -> str:
    """« … : Qui fait partie d’une CoP ?. » → « … ? »: a title that ends a sentence with its
    own mark takes no full stop after it."""
    return re.sub(r"([?!…])\.", r"\1", text)


class WhereReport:
    """« Où en suis-je ? »: the stage and part, the parts seen, skipped and left, the other
    stages; at a stage's end, the parts of it the person skipped.

    The transcript keeps ["progress", flow, node, seen masks, short path, skipped masks]:
    what was true when the person asked, rendered in the variant in force (standard or
    FALC); entries stored before parts could be skipped have no skipped masks. A stage's end
    keeps ["passed", flow, skipped mask].
    """

    def __init__(self, progress: ProgressMap) -> None:
        self.map = progress
        self.system = progress.content.system

    def entry(self, record: Record) -> list[Any]:
        place = self.map.place(record)
        flow, node = ("", "")
        if place is not None:
            ref = next(r for r in self.map.places_left(record) if r in self.map.part_of)
            flow, node = ref
        return ["progress", flow, node, dict(record.seen),
                record.vars.get(PATH_VARIABLE) == SHORT_PATH, dict(record.skipped),
                [record.flow, record.node]]

    def passed_entry(self, record: Record, flow_id: str) -> list[Any] | None:
        """At the end of a stage: the parts of it skipped, or None when there is none."""
        mask = self.map.skipped_parts(record, flow_id)
        return ["passed", flow_id, mask] if mask and PASSED in self.system else None

    def render(self, entry: list[Any], falc: bool, named: Naming | None = None) -> str:
        """The answer to « Où en suis-je ? », from what was true when it was asked."""
        _kind, flow, node, seen, short = entry[:5]
        skipped: Mapping[str, int] = entry[5] if len(entry) > 5 else {}
        variables = {PATH_VARIABLE: SHORT_PATH} if short else {}
        found = self.map.part_of.get((flow, node))
        lines = []
        if found is None:
            here = entry[6] if len(entry) > 6 else None
            lines.append(self._outside(here, seen, falc, named))
        else:
            stage, part = found
            mask = seen.get(stage.flow, 0) | (1 << part.index)
            passed = skipped.get(stage.flow, 0) & ~mask
            path = self.map.path(stage, variables, part, mask,
                                 choosing=(flow, node) in self.map.choosing, skipped=passed)
            title = stage.title_falc if falc else stage.title
            lines.append(_said(self.system, "ou-en-suis-je", falc, {
                "etape": stage.number, "etapes": len(self.map.stages), "titre": title,
                "partie": path.index(part) + 1, "parties": len(path),
                "partie_titre": part.title_falc if falc else part.title}))
            if PASSED_HERE not in self.system:  # content without the message: left to see
                passed = 0
            done = [p for p in path if p is not part and mask & (1 << p.index)]
            jumped = [p for p in path if passed & (1 << p.index)]
            left = [p for p in path if not (mask | passed) & (1 << p.index)]
            for key, parts in (("ou-en-suis-je-vu", done), (PASSED_HERE, jumped),
                               ("ou-en-suis-je-reste", left)):
                if parts:
                    lines.append(_said(self.system, key, falc, {"liste": _names(parts, falc)}))
        for stage in self.map.stages if found is not None or seen else ():
            if found is not None and stage is found[0]:
                continue
            mask = seen.get(stage.flow, 0)
            passed = skipped.get(stage.flow, 0) & ~mask
            path = self.map.path(stage, variables, seen=mask, skipped=passed)
            count = sum(1 for p in path if mask & (1 << p.index))
            jumped = [p for p in path if passed & (1 << p.index)]
            key = ("etape-vue" if count == len(path) else
                   PASSED_STAGE if jumped and PASSED_STAGE in self.system else
                   "etape-commencee" if count else "etape-a-faire")
            lines.append(_said(self.system, key, falc, {
                "etape": stage.number, "titre": stage.title_falc if falc else stage.title,
                "vues": count, "parties": len(path), "liste": _names(jumped, falc)}))
        return "\n".join(line for line in lines if line)

    def _outside(self, here: list[str] | None, seen: Mapping[str, int], falc: bool,
                 named: Naming | None) -> str:
        """Where the person is, outside the stages' parts: never « you are not in the
        journey » to a coordinator who has just chosen it (tried on a phone: « où j'en
        suis » at the stages' list sent to the button just tapped), nor the coordinator's
        journey pushed on someone in their own."""
        said = WHERE_OUTSIDE
        values: dict[str, object] = {}
        if here is not None:
            flow_id, node_id = here
            flow = self.map.content.flows.get(flow_id)
            stages = self.map.stages
            if flow_id in self.map.hubs and stages:
                began = any(seen.get(stage.flow, 0) for stage in stages)
                first = stages[0]
                said = WHERE_STAGES if began else WHERE_START
                values = {"etapes": len(stages),
                          "titre": first.title_falc if falc else first.title}
            elif flow_id == self.map.content.menu[0]:
                said = WHERE_MENU
            elif flow is not None:
                said = WHERE_SUBJECT
                values = {"sujet": (named and (named(flow_id, node_id, falc) or named(
                    flow_id, flow.header.start, falc))) or (
                    flow.header.title_falc if falc else flow.header.title)}
        if said not in self.system:
            said, values = WHERE_OUTSIDE, {}
        return _said(self.system, said, falc, values)

    def render_passed(self, entry: list[Any], falc: bool) -> str:
        """« Passé dans cette étape : … », said at the stage's end."""
        _kind, flow, mask = entry[:3]
        stage = self.map.stage_of_flow(flow)
        if stage is None:
            return ""
        parts = [p for p in stage.parts if mask & (1 << p.index)]
        return _said(self.system, PASSED, falc, {"liste": _names(parts, falc)}) if parts else ""


def _names(parts: list[StagePart], falc: bool) -> str:
    return ", ".join(p.title_falc if falc else p.title for p in parts)
