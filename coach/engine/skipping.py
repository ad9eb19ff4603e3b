"""Typed « passer », « je saute », « suivant »: what the step's buttons would do, never a
jump to another subject.

A person who reads with difficulty writes what they want to do rather than look for the
button. « passer » (the command `passer-partie`) does what the part's skip button does
(« Passer les cartes », a choice with `skip: true`): the step's own, else the one of an
earlier step of the same part (the cards passed from the third card); the part is then
skipped, not seen, as with the button. Where the part has none, the step's one way on is
taken when it leads out of the part (the part is left, as « passer » asks), and so is a
« Continuer » button that stays in it: beside a list of things one may read (stage 3's four
traps and « Continuer »), « Continuer » is what skips them, and a person who writes « passer »
there means it (tried on a phone: the refusal left her looking for the button « avancer »).
A way on that stays in the part and is no « Continuer » (« Quelles sont les réponses ? ») is
something to read, not a way past it: the coach says that nothing can be passed here and
names it (`partie-sans-passer-suite`: « Pour avancer, choisissez « Quelles sont les
réponses ? » »); with several ways on, or none, it says so without a name
(`partie-sans-passer`): at stage 1's « Voir les questions du formulaire » or « J’ai déjà ces
éléments », naming the one that leaves the part would have the person say what may not be
true. The step's choices stay on screen. « suivant » (the command
`aller-plus-loin`, since `suivant` is a choice id) takes the step's one clear way on, or
says that there are several.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # nothing from coach.content at run time (coach.engine.commands)
    from coach.content.schema import Choice
    from coach.engine.engine import Engine
    from coach.engine.record import Record

# Coach messages (commun.yaml): said before a part is passed from a typed text; a part that
# cannot be passed; several ways on, none clear.
PASSED_NOW, NOT_PASSABLE, SEVERAL_WAYS = "partie-passee", "partie-sans-passer", "suivant-choisir"
# A part that cannot be passed, with its one way on named ({a}: the button's label, from
# the place « choix:<id> » of coach.engine.nlu.places, not imported: it reads the content).
NOT_PASSABLE_NAMED = "partie-sans-passer-suite"
CHOICE = "choix:"
# Labels that go back or skip (as the answers' reader reads them): never « the way on ».
BACK_LABELS = ("revenir", "retour", "revoir")
SKIP_LABELS = ("passer",)


def skips(choice: Choice) -> bool:
    """A button that skips: `skip: true`, or labelled « Passer… »."""
    return choice.skip or choice.label.casefold().startswith(SKIP_LABELS)


def skip_button(choices: Sequence[Choice]) -> Choice | None:
    """A step's button that skips its part: `skip: true` first, else one labelled « Passer… »."""
    return next((c for c in choices if c.skip), None) or next(
        (c for c in choices if skips(c)), None)


def skip_choice(engine: Engine, record: Record) -> tuple[str, Choice] | None:
    """The node and choice that skip the part the person is in: the step's own skip button,
    else the `skip: true` choice of another step of the same part whose condition holds now
    (never inside a detour, which sees no part)."""
    here = engine.available_choices(record)
    own = skip_button(here)
    if own is not None:
        return record.node, own
    part_of = engine.progress.part_of
    found = part_of.get((record.flow, record.node))
    if record.calls or found is None:
        return None
    for (flow, node), (_stage, part) in part_of.items():
        if flow == record.flow and part is found[1] and node != record.node:
            choice = next((c for c in engine.choices_at(record, (flow, node)) if c.skip), None)
            if choice is not None:
                return node, choice
    return None


def way_on(engine: Engine, record: Record) -> Choice | None:
    """The step's one clear way on: its « Continuer… » button, else its only choice that
    neither goes back (« Revenir… », « Revoir… »), opens a detour, runs a command nor skips
    (None when there are several, or none)."""
    choices = engine.available_choices(record)
    going = [c for c in choices if c.goes_on]
    if not going:
        going = forward(choices)
        # « Voir la première carte » rather than « Passer… » (but « Passer à l’étape 2 »,
        # alone at a stage's end, is its way on).
        going = [c for c in going if not skips(c)] or going
    # Answers that lead to the same step but record different things are several ways.
    ways = {(engine.content.resolve(record.flow, c.target), tuple(sorted(c.set.items())),
             tuple(sorted(c.add.items()))) for c in going}
    return going[0] if len(ways) == 1 else None


def forward(choices: Sequence[Choice]) -> list[Choice]:
    """The choices that neither go back (« Revenir… », « Revoir… »), open a detour, run a
    command, skip nor resume a stage."""
    return [c for c in choices if not (c.returns or c.call or c.command or c.skip
                                       or c.resume_stage
                                       or c.label.casefold().startswith(BACK_LABELS))]


def leaves_part(engine: Engine, record: Record, choice: Choice) -> bool:
    """Whether this choice leads out of the stage's part the person is in (or there are no
    parts here: a step outside the stages)."""
    part_of = engine.progress.part_of
    here = part_of.get((record.flow, record.node))
    if here is None:
        return True
    there = part_of.get(engine.content.resolve(record.flow, choice.target))
    return there is None or there[1] is not here[1]


def skip_part(engine: Engine, record: Record) -> None:
    """Typed « passer »: the part's skip button, or the way on out of the part, or the
    step's « Continuer »; else say that nothing can be passed here, naming the one way on
    when there is one (its choices stay)."""
    found = skip_choice(engine, record)
    if found is not None:
        node, choice = found
        if choice.skip:  # a part passed, not seen (not « Passer à l’étape 2 »): say so
            engine.say_first(record, (PASSED_NOW,))
        engine.follow(record, choice, node)
        return
    going = way_on(engine, record)
    if going is not None and (going.goes_on or leaves_part(engine, record, going)):
        engine.follow(record, going, record.node)
        return
    if going is not None and NOT_PASSABLE_NAMED in engine.content.system:
        # its label in the variant in force, as « Vous voulez parler de… ? » names its places
        record.transcript.append(["offer", NOT_PASSABLE_NAMED, [f"{CHOICE}{going.id}"],
                                  record.flow, record.node])
        return
    engine.say_first(record, (NOT_PASSABLE,))


def next_step(engine: Engine, record: Record) -> None:
    """Typed « suivant »: the step's one clear way on, or say that there are several."""
    choice = way_on(engine, record)
    if choice is not None:
        engine.follow(record, choice, record.node)
        return
    engine.say_first(record, (SEVERAL_WAYS,))
