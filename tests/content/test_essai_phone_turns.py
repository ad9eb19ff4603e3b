"""What the try-out on phones (session 11: a mother, a person with a disability, a new
coordinator, typing as people do) found, on the real dialogues, in standard French and in
easy-to-read:

- « jcomprend pa » said the step's messages again, not what the coach had just said (the
  meaning of « pair aidant », said in place), and after « Vous voulez parler de… ? » its
  buttons went away;
- « où j'en suis », typed just after choosing the coordinator's journey, answered that the
  person was not in it (and, to a person with a disability, to go and create a community);
- « passer » where the part cannot be passed said « choisissez une des réponses
  proposées » while « Continuer » was the way on.
"""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput, Step, TextInput
from coach.engine.record import Record
from tests.content.playing import ENGINE, choice_ids, play, refs, texts
from tests.places import record_at

FALC = pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
NOT_UNDERSTOOD = ["je comprend pas les mots compliqué", "jcomprend pa", "c trop compliké"]


def typed(record: Record, text: str) -> Step:
    return ENGINE.play(record, TextInput(text))


def coordinator_at(place: str, falc: bool, stage: int = 1) -> Record:
    return record_at(ENGINE, place, falc=falc, persona="coordinateur", chemin="court",
                     etape=stage)


def said_again(step: Step) -> list[str]:
    """The coach's messages of a « je comprends pas » turn, after its first line (« Je redis
    les derniers messages… »)."""
    return refs(step)[1:]


# -- 1. « je comprends pas » says again what was just said ----------------------------------
@FALC
@pytest.mark.parametrize("text", NOT_UNDERSTOOD)
def test_not_understanding_a_term_just_explained_says_the_term_again(falc: bool,
                                                                   text: str) -> None:
    """A person with a disability asked what a « pair aidant » is (said in place, at her
    step), then typed « je comprend pas les mots compliqué »: Jacques's roles came back, not
    the meaning she had just read. Now the meaning, in easy-to-read, and her choices."""
    record = record_at(ENGINE, "familles:personne-concernee", falc=falc,
                       persona="personne-concernee")
    meaning = typed(record, "c'est quoi un pair aidant")
    assert "glossaire/pair aidant" in refs(meaning), refs(meaning)
    step = typed(meaning.record, text)
    assert step.record.falc
    assert said_again(step)[0] == "glossaire/pair aidant", refs(step)
    assert not any(r.startswith("familles/personne-concernee/") for r in refs(step)), refs(step)
    easy = ENGINE.renderer.entry(0, ["glossary", "pair aidant"], True)
    assert easy is not None and easy.text in texts(step)
    assert (step.record.flow, step.record.node) == ("familles", "personne-concernee")
    assert choice_ids(step) == choice_ids(meaning)


@FALC
def test_not_understanding_a_short_answer_says_it_again(falc: bool) -> None:
    """« c gratuit ? » is answered where the person is: « je comprends pas » says that
    answer again (and the way on), not the roles above it."""
    record = record_at(ENGINE, "familles:roles", falc=falc, persona="famille")
    answer = typed(record, "c gratuit ?")
    step = typed(answer.record, "je comprends pas")
    assert step.record.falc
    assert said_again(step) == refs(answer), refs(step)
    assert choice_ids(step) == choice_ids(answer)


@FALC
def test_not_understanding_a_clarification_keeps_its_buttons(falc: bool) -> None:
    """The mother's « jai pa le temps et cé confidentiel ce qu'on dit » got « Vous voulez
    parler de… ? »; her « jcomprend pa » then said the step's text and the subjects offered
    went away. Now the question again, in easy-to-read, with its subjects, which still work."""
    record = record_at(ENGINE, "familles:debut", falc=falc, persona="famille")
    asked = typed(record, "jai pa le temps et cé confidentiel ce qu'on dit")
    assert asked.record.pending and refs(asked) == ["coach/sens-question"], refs(asked)
    step = typed(asked.record, "jcomprend pa")
    assert step.record.falc
    assert said_again(step) == ["coach/sens-question"], refs(step)
    assert step.record.pending == asked.record.pending
    assert choice_ids(step) == choice_ids(asked)
    assert ENGINE.notice("sens-question", True) in texts(step)
    chosen = ENGINE.play(step.record, ChoiceInput("sens-1"))
    assert refs(chosen) and not chosen.record.pending


@FALC
def test_not_understanding_the_other_request_keeps_its_button(falc: bool) -> None:
    """« ya une cop pres de chez moi et comment on participe »: the directory, then « Vous
    avez aussi demandé » with its button; « je comprends pas » says both again, the button
    stays."""
    record = record_at(ENGINE, "familles:roles", falc=falc, persona="famille")
    both = typed(record, "ya une cop pres de chez moi et comment on participe")
    assert "coach/aussi-demande" in refs(both), refs(both)
    step = typed(both.record, "je comprends pas")
    assert said_again(step) == refs(both), refs(step)
    assert choice_ids(step) == choice_ids(both) and "aussi" in choice_ids(step)


@FALC
def test_not_understanding_a_step_just_reached_says_that_step(falc: bool) -> None:
    """After a button, what was said is the step reached: its messages again."""
    step = play(ENGINE.start(falc=falc), "famille", "voir-roles")
    again = typed(step.record, "je comprends pas")
    assert said_again(again) == refs(step), refs(again)
    assert choice_ids(again) == choice_ids(step)


@FALC
def test_after_a_miss_not_understanding_says_the_step(falc: bool) -> None:
    """« Je n’ai pas bien compris votre message » is not worth saying again: the step is."""
    record = record_at(ENGINE, "familles:roles", falc=falc, persona="famille")
    missed = typed(record, "zzzz qqqq")
    assert all(r.startswith("coach/pas-compris") for r in refs(missed)), refs(missed)
    step = typed(missed.record, "je comprends pas")
    assert said_again(step) and all(r.startswith("familles/roles/") for r in said_again(step))


@FALC
def test_not_understanding_again_at_once_says_who_can_help(falc: bool) -> None:
    """The guarantees stay: easy-to-read stays on, and the third time the coach says where
    the messages are and who can help, never the same messages again."""
    record = record_at(ENGINE, "familles:personne-concernee", falc=falc,
                       persona="personne-concernee")
    step = typed(record, "c'est quoi un pair aidant")
    step = typed(step.record, "je comprends pas")
    again = typed(step.record, "c trop compliké")
    assert [r.split("-sans-contact")[0] for r in refs(again)] == ["coach/simplifier-plus"]
    assert again.record.falc
    assert "désactivé" not in " ".join(texts(step) + texts(again))


@FALC
def test_not_understanding_an_answer_shown_back_keeps_its_three_buttons(falc: bool) -> None:
    """A coordinator's own words shown back (« Vous avez écrit : … Je garde cette
    réponse ? »): « je comprends pas » says that again, with its three buttons, rather than
    dropping the answer and saying the step's question again."""
    record = record_at(ENGINE, "initier:objectif-reponse", falc=falc, persona="coordinateur",
                       chemin="court", etape=1)
    shown = typed(record, "on veut réunir les familles et les pros du secteur")
    assert refs(shown) == ["coach/saisie-confirmer"], refs(shown)
    step = typed(shown.record, "je comprends pas")
    assert said_again(step) == ["coach/saisie-confirmer"], refs(step)
    assert step.record.proposal == shown.record.proposal
    assert choice_ids(step) == choice_ids(shown)


# -- 2. « où j'en suis » outside the stages -------------------------------------------------
@FALC
@pytest.mark.parametrize("text", ["où j'en suis", "ou jen sui"])
def test_where_am_i_just_after_choosing_the_coordinators_journey(falc: bool, text: str) -> None:
    """A new coordinator tapped « Je coordonne ou je veux créer une CoP » (the stages on
    screen, none begun), typed « où j'en suis », and was told she was not in that journey,
    « choisissez « Je coordonne ou je veux créer une CoP » »: the button she had just tapped.
    Now: at the start, no stage begun, choose stage 1 (named as its button is); the stages'
    buttons stay."""
    at_stages = play(ENGINE.start(falc=falc), "coordinateur")
    assert (at_stages.record.flow, at_stages.record.node) == ("coordinateur", "parcours")
    step = typed(at_stages.record, text)
    said = texts(step)[-1]
    first = ENGINE.content.flows["initier"].header
    assert f"« {first.title_falc if falc else first.title} »" in said, said
    label = next(c["label"] for c in step.choices if c["id"] == "etape-1")
    assert f"« {label} »" in said, said
    assert "pas dans" not in said and "Je coordonne" not in said, said
    assert said == ENGINE.notice("ou-en-suis-je-debut", falc, {
        "etapes": 4, "titre": label})
    assert choice_ids(step) == choice_ids(at_stages)


@FALC
def test_where_am_i_at_the_stages_after_a_stage_lists_them(falc: bool) -> None:
    """Back at the stages' list after beginning stage 1: where she is, then each stage."""
    step = play(ENGINE.start(falc=falc), "coordinateur", "etape-1")
    step = typed(step.record, "menu")
    assert (step.record.flow, step.record.node) == ("coordinateur", "parcours")
    said = texts(typed(step.record, "où j'en suis"))[-1].splitlines()
    assert "pas dans" not in said[0]
    assert said[0] in ENGINE.notice("ou-en-suis-je-etapes", falc, {"etapes": 4})
    assert any("Étape 2" in line for line in said[1:]), said


@FALC
@pytest.mark.parametrize(("place", "persona", "subject"), [
    ("familles:personne-concernee", "personne-concernee", ("Je vis avec un handicap : ma place",
                                                           "J’ai un handicap : ma place")),
    ("familles:roles", "famille", ("Quels rôles pour moi ?", "Mon rôle dans la communauté")),
    ("professionnels:debut", "professionnel", ("Professionnels et partenaires",
                                               "Pour les professionnels")),
])
def test_where_am_i_outside_the_coordinators_journey_says_where_one_is(
        falc: bool, place: str, persona: str, subject: tuple[str, str]) -> None:
    """A person with a disability typing « ou j'en suis » was told to go to the menu and
    choose « Je veux créer une communauté », which she never asked. Now the subject she is
    on, and how to go on; nothing of the coordinator's journey."""
    record = record_at(ENGINE, place, falc=falc, persona=persona)
    before = ENGINE.shown_choices(record)
    step = typed(record, "ou j'en suis")
    said = texts(step)[-1]
    assert f"« {subject[falc]} »" in said, said
    assert "créer" not in said and "4 étapes" not in said and "coordonne" not in said, said
    assert (step.record.flow, step.record.node) == tuple(place.split(":"))
    assert step.choices == before


@FALC
def test_where_am_i_at_the_menu_says_the_menu(falc: bool) -> None:
    step = typed(record_at(ENGINE, "accueil:menu", falc=falc), "où j'en suis")
    assert texts(step)[-1] == ENGINE.notice("ou-en-suis-je-menu", falc)


# -- 3. « passer » where a « Continuer » is on screen ---------------------------------------
@FALC
@pytest.mark.parametrize("text", ["passer", "je saute"])
def test_passing_the_traps_takes_continue(falc: bool, text: str) -> None:
    """Stage 3, « Voici les 4 pièges » (four traps and « Continuer »): « passer » was
    refused while « Continuer » is the button that skips the traps. Now it is taken, as its
    button does: on to the posture, in the same part, which is not said skipped."""
    record = coordinator_at("animer:pieges", falc, stage=3)
    assert "continuer" in ENGINE.shown_choices(record)[-1]["id"]
    pressed = ENGINE.play(record, ChoiceInput("continuer"))
    step = typed(record, text)
    assert (step.record.flow, step.record.node) == ("animer", "posture")
    assert refs(step) == refs(pressed), refs(step)
    assert ENGINE.notice("partie-passee", falc) not in texts(step)
    assert not step.record.skipped.get("animer", 0)


@FALC
def test_passing_where_several_ways_go_on_still_says_to_choose(falc: bool) -> None:
    """Stage 1, Léo's advice (« Voir les questions du formulaire », « J’ai déjà ces
    éléments »): no one way on, nothing taken; naming « J’ai déjà ces éléments » would have
    the person say what may not be true."""
    record = coordinator_at("initier:diagnostic", falc)
    before = ENGINE.shown_choices(record)
    step = typed(record, "passer")
    assert (step.record.flow, step.record.node) == ("initier", "diagnostic")
    assert texts(step) == [ENGINE.notice("partie-sans-passer", falc)]
    assert step.choices == before
