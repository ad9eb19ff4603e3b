"""The global commands: one table from which everything else about them is derived.

A command is available at every step, by a button or by typing one of its phrases. The
table says what each one does (its handler) and how it is offered; its labels, phrases and
the coach messages it says are content, in `dialogues/commun.yaml`. From this table come:
the ids the content schema accepts (`coach.content.schema.Command`), the lint checks
(reserved choice ids, labels and messages that must exist), the engine's dispatch, which
commands a step lists and marks `shown`, and the « choix possibles » of the API's 422.

Adding a command (see docs/architecture.md, "Adding a command"): one `CommandSpec` below,
plus its label, FALC label, phrases and messages in `commun.yaml` (or, for a command only
typed, an intention `commande:<id>` in `intentions.yaml`).

This module imports nothing from `coach.content` at run time: the content schema reads
the ids from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.engine.skipping import (
    NOT_PASSABLE,
    PASSED_NOW,
    SEVERAL_WAYS,
    next_step,
    skip_part,
)

if TYPE_CHECKING:
    from coach.engine.engine import Engine
    from coach.engine.record import Record

Handler = Callable[["Engine", "Record"], None]
# « Facile à lire » said by someone already reading easy-to-read: ask, never switch off.
# (Places of « Vous voulez parler de… ? », `coach.engine.nlu.places.COMMAND` + an id.)
FALC_QUESTION = ("commande:standard", "commande:garder-facile")
# The typed command that opens the draft's summary (`draft_summary` of commun.yaml), and
# what it says in a journey that builds no draft: where the draft is made.
OPEN_DRAFT = "mon-brouillon"
DRAFT_ELSEWHERE = "brouillon-ailleurs"
# The typed command « effacer mon brouillon »: how the draft is erased (with the whole
# conversation, by the person, who confirms first), or, in a journey that builds no draft,
# that there is none and how the conversation is erased. Nothing is erased here.
ERASE_DRAFT = "effacer-brouillon"
DRAFT_ERASING, DRAFT_ERASING_ELSEWHERE = "brouillon-effacer", "brouillon-effacer-ailleurs"
# The messages (their refs) that tell how to erase: under them the clients offer the
# « Supprimer ma conversation » button that opens its confirmation (the API's `delete`).
OFFERS_DELETION = frozenset({f"coach/{DRAFT_ERASING}", f"coach/{DRAFT_ERASING_ELSEWHERE}"})
# Said after an answer given in place, when the step has choices to go on with.
GO_ON = "reponse-suite"
# The typed « passer », « je saute » and « suivant » (coach.engine.skipping).
SKIP_PART, NEXT_STEP = "passer-partie", "aller-plus-loin"


@dataclass(frozen=True)
class CommandSpec:
    id: str
    run: Handler
    # A button at every step (web client, widget, pages without JavaScript).
    shown: bool = False
    # Offered as a choice after the coach says it cannot understand (see OFFER_MESSAGES).
    offered_when_lost: bool = False
    # Coach messages (ids in commun.yaml) the handler always may say: lint checks they exist.
    messages: tuple[str, ...] = ()
    # The content must define it (error); otherwise a missing one is only unavailable.
    required: bool = False
    # Reached only by typing (an intention `commande:<id>`): no label, never a button.
    typed_only: bool = False


def go_to_menu(engine: Engine, record: Record) -> None:
    """The menu of the journey the person is in (its flow's `menu`, saying how to reach the
    home menu), or the home menu: outside a journey, and at the journey's menu itself."""
    journey = engine.journey_menu(record)
    record.snapshot()
    record.calls.clear()  # the menu leaves every detour (« retour » brings it back)
    if journey is not None:
        engine.say_first(record, ("menu-parcours",))
        engine.enter(record, journey)
    else:
        engine.enter(record, engine.content.menu)


def go_back(engine: Engine, record: Record) -> None:
    """Back one step, with the variables (and detours) as they were (docs/dialogues.md)."""
    node = engine.node_at(record)
    place = None if node is not None and node.no_back else record.take_snapshot()
    if place is None:
        engine.say(record, "retour-impossible")
        return
    flow, node_id, variables, calls = place
    record.vars = dict(variables)
    record.calls = calls
    engine.enter(record, (flow, node_id), follow=False)


def start_again(engine: Engine, record: Record) -> None:
    record.vars.clear()
    record.forget_history()
    record.calls.clear()
    content = engine.content
    origin = content.flows.get(record.origin) or content.flows[content.entry[0]]
    engine.enter(record, (origin.id, origin.header.start))


def toggle_easy_to_read(engine: Engine, record: Record) -> None:
    if record.falc and "facile-question" in engine.content.system:
        record.pending = list(FALC_QUESTION)
        engine.say(record, "facile-question")
        return
    record.falc = not record.falc
    engine.say(record, "facile-oui" if record.falc else "facile-non")


def simplify(engine: Engine, record: Record) -> None:
    """« Je ne comprends pas »: easy-to-read on (never off), the last message again."""
    engine.simplify(record)


def standard_french(engine: Engine, record: Record) -> None:
    record.falc = False
    engine.say(record, "facile-non")


def keep_easy_to_read(engine: Engine, record: Record) -> None:
    record.falc = True
    engine.say(record, "facile-garde")


def talk_to_a_person(engine: Engine, record: Record) -> None:
    """The site's contact, or without one (`humain-sans-contact`) how to reach its team, in
    words only."""
    engine.say_first(record, ("humain",))


def where_am_i(engine: Engine, record: Record) -> None:
    """« Où en suis-je ? »: the stages and parts seen and left (coach.engine.progress)."""
    record.transcript.append(engine.where.entry(record))


def help_here(engine: Engine, record: Record) -> None:
    """« Aide », « je suis perdue »: how to use the tchat, and inside the staged journey
    where the person is, as « Où en suis-je ? » says (lost in stage 2, « on fait quoi
    maintenant » wants that too)."""
    engine.say(record, "aide")
    if engine.progress.place(record) is not None:
        where_am_i(engine, record)


def open_draft(engine: Engine, record: Record) -> None:
    """« mon brouillon », « modifier mes réponses », typed: the draft's summary (`draft_summary`
    of commun.yaml) as a detour, « Revenir où j’en étais » back to this very step; in a
    journey that builds no draft (no `draft: true`), say where the draft is made, and stay."""
    engine.open_draft(record)


def how_to_erase_the_draft(engine: Engine, record: Record) -> None:
    """« effacer mon brouillon », typed: the draft is the conversation's answers, erased only
    with the whole conversation (« Supprimer ma conversation », which asks to confirm); the
    person stays where they are, with the step's choices. Never erases anything itself."""
    engine.say(record, DRAFT_ERASING if engine.drafts.built_by(record)
               else DRAFT_ERASING_ELSEWHERE)
    if engine.available_choices(record) and GO_ON in engine.content.system:
        engine.say(record, GO_ON)  # « Vous pouvez reprendre avec une des réponses… »


def saying(message_id: str) -> Handler:
    """A command that only answers with one coach message."""

    def run(engine: Engine, record: Record) -> None:
        engine.say(record, message_id)

    return run


# The order is the order of the buttons.
COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("retour", go_back, shown=True, messages=("retour-impossible",),
                required=True),
    CommandSpec("menu", go_to_menu, shown=True, offered_when_lost=True, required=True),
    CommandSpec("aide", help_here, shown=True, messages=("aide",), required=True),
    CommandSpec("humain", talk_to_a_person, shown=True, offered_when_lost=True,
                messages=("humain",), required=True),
    CommandSpec("recommencer", start_again, required=True),
    CommandSpec("facile", toggle_easy_to_read, messages=("facile-oui", "facile-non"),
                required=True),
    CommandSpec("stop", saying("stop"), messages=("stop",)),
    CommandSpec("ou-en-suis-je", where_am_i),
    CommandSpec("simplifier", simplify, typed_only=True),
    CommandSpec("standard", standard_french, typed_only=True),
    CommandSpec("garder-facile", keep_easy_to_read, typed_only=True),
    CommandSpec(OPEN_DRAFT, open_draft, typed_only=True),
    CommandSpec(ERASE_DRAFT, how_to_erase_the_draft, typed_only=True),
    CommandSpec(SKIP_PART, skip_part, typed_only=True, messages=(PASSED_NOW, NOT_PASSABLE)),
    CommandSpec(NEXT_STEP, next_step, typed_only=True, messages=(SEVERAL_WAYS,)),
)

BY_ID: dict[str, CommandSpec] = {spec.id: spec for spec in COMMANDS}
# The commands `commun.yaml` gives labels to (the content schema accepts only these).
COMMAND_IDS: tuple[str, ...] = tuple(spec.id for spec in COMMANDS if not spec.typed_only)
# The commands reached only by typing.
TYPED_COMMANDS: tuple[str, ...] = tuple(spec.id for spec in COMMANDS if spec.typed_only)
# Choice ids must not reuse any of them.
RESERVED_IDS: tuple[str, ...] = tuple(BY_ID)
