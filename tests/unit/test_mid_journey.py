"""Failures met in the middle of a journey (the real content, through the engine): a new
question made of small words is no « toujours pas »; the draft's summary opened from stage 3
speaks of the draft, not of stage 1."""

from __future__ import annotations

import re

import pytest

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput
from coach.engine.nlu.places import HERE
from tests.conftest import CONTACT
from tests.places import record_at

ENGINE = Engine(load_content(), CONTACT)


def typed(engine: Engine, place: str, *texts: str, falc: bool = False,
          **variables: object) -> list[Step]:
    """Each text typed in turn from `place`: the steps."""
    record = record_at(engine, place, falc=falc, **variables)
    steps = []
    for text in texts:
        steps.append(engine.play(record, TextInput(text)))
        record = steps[-1].record
    return steps


def bot(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


# -- a second miss: a new question, or the same one again --------------------------------

@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("first, then", [
    ("gloubi boulga ?", "c pour moi ?"),   # the new one has no word of substance
    ("c pour moi ?", "gloubi boulga ?"),   # the first one had none
    ("zxqw vbnm", "et pour moi ?"),
])
def test_a_new_question_of_small_words_is_no_still_not_found(first, then, falc):
    steps = typed(ENGINE, "accueil:menu", first, then, falc=falc)
    assert [s.record.misses for s in steps] == [1, 2], [bot(s) for s in steps]
    assert bot(steps[1]) == ["coach/pas-compris-autre"]
    said = steps[1].messages[-1].text
    assert "toujours" not in said
    assert said == ENGINE.notice("pas-compris-autre", falc)


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("first, then", [
    ("c pour moi ?", "c pour moi"),
    ("pour moi ?", "c'est pour moi ?"),    # the same words, small words aside
    ("bla bla", "bla bla bla"),
])
def test_the_same_words_again_are_still_not_found(first, then, falc):
    steps = typed(ENGINE, "accueil:menu", first, then, falc=falc)
    assert [s.record.misses for s in steps] == [1, 2], [bot(s) for s in steps]
    assert bot(steps[1]) == ["coach/pas-compris-choix"]


# -- the draft's summary opened from stage 3 ----------------------------------------------

STAGE_1_ANSWERS = {"duree": "durable", "nature": "pratiques", "objectif": "coordination",
                   "participation": "forte", "composition": "petit-mixte"}


def in_stage_3(engine: Engine, falc: bool) -> Step:
    """The coordinator in stage 3, with answers of stage 1 and one typed in stage 3."""
    step = engine.start("coordinateur", falc=falc)
    step = engine.play(step.record, ChoiceInput("etape-3"))
    assert step.record.flow == "animer" and step.progress and step.progress["stage"] == 3
    step.record.vars.update(STAGE_1_ANSWERS, espaces="libre")
    step.record.answers["espaces"] = "Un groupe de discussion en ligne"
    return step


@pytest.mark.parametrize("falc", [False, True])
def test_the_summary_opened_from_stage_3_never_names_stage_1(falc):
    """« mon brouillon » typed in stage 3: the summary said « Voici votre brouillon de
    l’étape 1 ». Its words, its buttons and its progress speak of the draft and of stage 3,
    all of it at once (no « Voir la suite »)."""
    step = in_stage_3(ENGINE, falc)
    progress = step.progress
    step = ENGINE.play(step.record, TextInput("mon brouillon"))
    assert (step.record.flow, step.record.node) == ("initier", "brouillon")
    seen = [step]
    for shown in seen:
        words = [m.text for m in shown.messages if m.role == "bot"]
        words += [c["label"] for c in shown.choices]
        assert not [w for w in words if re.search(r"étape\s*1\b", w, re.IGNORECASE)], words
        assert shown.progress == progress
        assert shown.progress is not None and shown.progress["label"].startswith("Étape 3")
    said = " ".join(m.text for m in seen[0].messages if m.role == "bot")
    assert said.startswith("Voici les réponses de votre brouillon." if falc
                           else "Voici votre brouillon :")
    assert "Un groupe de discussion en ligne" in said  # at once, no « Voir la suite »


# -- a command said plainly at a step that asks for one's own words ------------------------

ASK_STEP = "initier:objectif-reponse"
# Said plainly, in people's words; « afficher… », « mettre… » were kept as the objective.
DRAFT_ASKED = ["mon brouillon", "je veux voir mon brouillon", "afficher mon brouillon"]
# Answers that name a command among other words: answers.
ANSWERS = ["notre objectif : que chaque famille ait un brouillon de projet",
           "un menu de réunions variées", "des textes faciles à lire pour tous"]


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("text", DRAFT_ASKED)
def test_the_draft_asked_at_an_ask_step_is_a_detour_back_to_the_question(text, falc):
    step = typed(ENGINE, ASK_STEP, text, falc=falc)[-1]
    record = step.record
    assert (record.flow, record.node) == ("initier", "brouillon"), bot(step)
    assert record.proposal == [] and record.answers == {} and "objectif" not in record.vars
    assert record.calls == [["initier", "objectif-reponse", "initier"]]
    step = ENGINE.play(record, ChoiceInput("revenir"))
    assert (step.record.flow, step.record.node) == ("initier", "objectif-reponse")
    assert step.record.calls == []
    question = ENGINE.content.node(("initier", "objectif-reponse"))
    assert [c["id"] for c in step.choices] == [c.id for c in question.choices]
    assert bot(step)[-1] == f"initier/objectif-reponse/{len(question.messages) - 1}"
    step = ENGINE.play(step.record, TextInput("Rompre l’isolement des familles"))
    assert step.record.proposal == ["objectif", "Rompre l’isolement des familles"]


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("place", [ASK_STEP, "animer:outils", "perenniser:evaluer"])
def test_easy_to_read_asked_at_an_ask_step_stays_at_the_question(place, falc):
    step = typed(ENGINE, place, "mettre en facile à lire", falc=falc)[-1]
    assert step.record.falc and step.record.proposal == [] and step.record.answers == {}
    assert (step.record.flow, step.record.node) == tuple(place.split(":"))
    assert bot(step)[0].startswith("coach/facile"), bot(step)


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("text", ANSWERS)
def test_an_answer_that_names_a_command_stays_an_answer(text, falc):
    step = typed(ENGINE, ASK_STEP, text, falc=falc)[-1]
    assert step.record.proposal == ["objectif", text]
    assert (step.record.flow, step.record.node) == ("initier", "objectif-reponse")
    assert bot(step) == ["coach/saisie-confirmer"]
    assert f"« {text} »" in step.messages[-1].text


# -- finding a community from inside a journey: a detour ----------------------------------

BACK = {False: "Revenir où j’en étais", True: "Revenir où j’étais"}


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("place", ["familles:debut", "familles:premier-pas", "familles:fin"])
def test_the_parents_button_to_find_a_community_comes_back_to_the_very_step(place, falc):
    record = record_at(ENGINE, place, falc=falc, persona="famille")
    left = ENGINE.step(record, 0)
    step = ENGINE.play(record, ChoiceInput("trouver-groupe"))
    assert (step.record.flow, step.record.node) == ("trouver", "debut")
    assert step.record.calls == [[*place.split(":"), "trouver"]]
    assert {"id": "revenir", "label": BACK[falc]} in step.choices
    step = ENGINE.play(step.record, ChoiceInput("ensuite"))  # on inside, still a detour
    assert {"id": "revenir", "label": BACK[falc]} in step.choices
    step = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert (step.record.flow, step.record.node) == tuple(place.split(":"))
    assert step.record.calls == [] and step.choices == left.choices
    assert bot(step)[0] in ("coach/retour-appel", "coach/retour-appel-lieu")


@pytest.mark.parametrize("falc", [False, True])
def test_a_community_asked_in_words_inside_a_journey_is_a_detour(falc):
    """« y a une cop près de chez moi ? » typed at a step of the families' journey."""
    step = typed(ENGINE, "familles:roles", "y a une cop près de chez moi ?", falc=falc,
                 persona="famille")[-1]
    assert (step.record.flow, step.record.node) == ("trouver", "debut")
    assert step.record.calls == [["familles", "roles", "trouver"]]
    step = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert (step.record.flow, step.record.node) == ("familles", "roles")


@pytest.mark.parametrize("falc", [False, True])
def test_from_the_menu_finding_a_community_stays_a_jump(falc):
    step = typed(ENGINE, "accueil:menu", "une cop près de chez moi", falc=falc)[-1]
    assert (step.record.flow, step.record.node) == ("trouver", "debut")
    assert step.record.calls == []
    assert "revenir" not in [c["id"] for c in step.choices]


def test_a_community_sought_in_a_stage_marks_no_part_seen():
    """From stage 3 of the coordinator's journey: the stage, its part and what was seen stay
    those of the step left, and the way back returns to it."""
    step = ENGINE.play(ENGINE.start("coordinateur").record, ChoiceInput("etape-3"))
    seen, progress = dict(step.record.seen), step.progress
    step = ENGINE.play(step.record, TextInput("il y a une cop près de chez moi ?"))
    assert (step.record.flow, step.record.node) == ("trouver", "debut")
    assert step.record.seen == seen and step.progress == progress
    step = ENGINE.play(step.record, ChoiceInput("ensuite"))
    assert step.record.seen == seen and step.progress == progress
    step = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert (step.record.flow, step.record.node) == ("animer", "debut")
    assert step.record.seen == seen and step.progress == progress


# -- a text about the very step one is at: said again, never « pas compris » ----------------

ACCESS = "familles:accessibilite"


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("text", ["LSF", "et pour la lsf ?", "un interprète", "les sous-titres ?"])
def test_a_text_about_the_step_says_its_message_again(text, falc):
    """« LSF » where the step speaks of sign language got « Je n’ai pas bien compris », then
    « Je ne trouve toujours pas »: the understanding leaves out the place one is at. The
    coach says it is this step's subject and says again the message that speaks of it, in
    the person's language, with the step's choices."""
    record = record_at(ENGINE, ACCESS, falc=falc, persona="personne")
    left = ENGINE.step(record, 0)
    step = ENGINE.play(record, TextInput(text))
    assert bot(step) == ["coach/ici-rappel", "familles/accessibilite/1"]
    assert step.messages[1].text == ENGINE.notice("ici-rappel", falc)
    message = ENGINE.content.node(("familles", "accessibilite")).messages[1]
    assert step.messages[2].text.replace("\u202f", " ").replace("\u00a0", " ") == (
        (message.falc if falc else message.text).replace("\u202f", " ").replace("\u00a0", " "))
    assert (step.record.flow, step.record.node) == ("familles", "accessibilite")
    assert step.record.misses == 0 and step.choices == left.choices


@pytest.mark.parametrize("falc", [False, True])
def test_asked_again_at_once_the_step_is_not_said_twice(falc):
    """Never a loop: the same request right after gets the short line (the message is just
    above) with « Menu » and « Parler à une personne », never a miss."""
    steps = typed(ENGINE, ACCESS, "LSF", "et pour la lsf ?", falc=falc, persona="personne")
    assert bot(steps[1]) == ["coach/ici-encore"]
    assert steps[1].messages[-1].text == ENGINE.notice("ici-encore", falc)
    assert [c["id"] for c in steps[1].choices][-2:] == ["menu", "humain"]
    assert [s.record.misses for s in steps] == [0, 0]
    third = ENGINE.play(steps[1].record, TextInput("la LSF"))
    assert bot(third) == ["coach/ici-rappel", "familles/accessibilite/1"]


def test_the_same_text_from_elsewhere_still_goes_to_the_step():
    decision = ENGINE.understand(record_at(ENGINE, "familles:savoir-vecu", persona="personne"),
                                 "et pour la lsf ?")
    assert decision.kind == "go" and decision.best is not None
    assert decision.best.place == ACCESS  # by the step's « Continuer », which leads there
    here = ENGINE.understand(record_at(ENGINE, ACCESS, persona="personne"), "et pour la lsf ?")
    assert here.kind == "go" and here.best is not None
    assert (here.best.key, here.best.place) == ("ici:1", ACCESS)


@pytest.mark.parametrize("place, text", [
    ("familles:debut", "mon fils fait du judo le mercredi"),  # no question about the step
    (ACCESS, "zxqw vbnm"),
])
def test_a_text_not_about_the_step_is_still_not_understood(place, text):
    step = typed(ENGINE, place, text, persona="famille")[-1]
    assert bot(step)[0].startswith(("coach/pas-compris", "coach/hors-sujet")), bot(step)


def test_every_places_own_topics_typed_there_are_never_a_miss():
    """Each place's first topics, typed at that very place: never « pas compris » (55 were,
    on the content of 2026-12-03)."""
    missed = []
    for flow, node in ENGINE.content.iter_nodes():
        place = f"{flow.id}:{node.id}"
        if place not in ENGINE.understanding.places.nodes or node.ask is not None:
            continue
        for topic in node.topics[:3]:
            persona = flow.header.persona
            record = record_at(ENGINE, place, **({"persona": persona} if persona else {}))
            step = ENGINE.play(record, TextInput(topic))
            if any(ref.startswith("coach/pas-compris") for ref in bot(step)):
                missed.append((place, topic))
    assert not missed, missed


def test_at_a_step_that_asks_for_words_a_text_about_it_is_the_persons_answer():
    """The examples are certain « que les savoirs des parents soient enfin reconnus » is
    about the card « Quel objectif ? »: typed there, it is the coordinator's own answer
    (shown back to be kept), never the card's message said again."""
    record = record_at(ENGINE, "initier:objectif-reponse", persona="coordinateur")
    text = "que les savoirs des parents soient enfin reconnus"
    decision = ENGINE.understand(record, text)
    assert not any(c.key.startswith(HERE) for c in decision.candidates), decision
    step = ENGINE.play(record, TextInput(text))
    assert step.record.proposal == ["objectif", text], step.record.proposal


# -- a question typed in a stage: a detour, the stage kept ------------------------------------

def in_stage_2() -> Step:
    return ENGINE.play(ENGINE.start("coordinateur").record, ChoiceInput("etape-2"))


def shown_ids(step: Step) -> list[str]:
    return [c["id"] for c in step.choices]


@pytest.mark.parametrize("falc", [False, True])
def test_a_question_typed_in_a_stage_keeps_the_stage_and_offers_the_way_back(falc):
    """« un membre monopolise la parole » typed in stage 2 led to the difficulties' answer:
    « où en suis-je » then said the person was in no stage, and nothing led back. It is a
    detour: the stage and part stay, and « Revenir où j’en étais » returns to the step."""
    record = record_at(ENGINE, "modeliser:debut", falc=falc, persona="coordinateur")
    left = ENGINE.step(record, 0)
    step = ENGINE.play(record, TextInput("un membre monopolise la parole"))
    assert step.record.flow == "difficultes", bot(step)
    assert step.record.calls == [[left.record.flow, left.record.node, "difficultes"]]
    assert step.progress == left.progress and step.record.seen == left.record.seen
    assert shown_ids(step).count("saisie-revenir") == 1
    where = ENGINE.play(step.record, TextInput("où en suis-je"))
    assert bot(where) == ["coach/ou-en-suis-je"]
    back = ENGINE.play(step.record, ChoiceInput("saisie-revenir"))
    assert (back.record.flow, back.record.node) == (left.record.flow, left.record.node)
    assert back.record.calls == [] and back.choices == left.choices


def test_a_tool_asked_in_words_in_a_stage_comes_back_as_its_button_does():
    """« je voudrais voir le modèle de charte » typed in stage 2: the toolbox's own
    « Revenir où j’en étais » is shown, and leads back to the stage's step."""
    left = in_stage_2()
    step = ENGINE.play(left.record, TextInput("je voudrais voir le modèle de charte"))
    assert (step.record.flow, step.record.node) == ("outils", "charte")
    assert shown_ids(step).count("revenir") == 1 and "saisie-revenir" not in shown_ids(step)
    back = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert (back.record.flow, back.record.node) == (left.record.flow, left.record.node)


def test_a_second_question_inside_the_detour_still_leads_back_to_the_stage():
    left = in_stage_2()
    step = ENGINE.play(left.record, TextInput("un membre monopolise la parole"))
    step = ENGINE.play(step.record, TextInput("je voudrais voir le modèle de charte"))
    assert step.record.calls == [[left.record.flow, left.record.node, "outils"]]
    assert step.progress == left.progress
    back = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert (back.record.flow, back.record.node) == (left.record.flow, left.record.node)


@pytest.mark.parametrize("text", ["étape 3", "les 4 étapes"])
def test_going_to_a_stage_or_the_stages_in_words_is_no_detour(text):
    """« étape 3 » leads on: the new stage is the person's place, not a question."""
    step = ENGINE.play(in_stage_2().record, TextInput(text))
    assert step.record.calls == [], (text, step.record.flow, step.record.node)
    assert "saisie-revenir" not in shown_ids(step)


def test_a_question_typed_outside_a_stage_still_jumps():
    """From the home menu nothing is left behind: no detour, no way back offered."""
    step = typed(ENGINE, "accueil:menu", "un membre monopolise la parole")[-1]
    assert step.record.flow == "difficultes" and step.record.calls == []
    assert "saisie-revenir" not in shown_ids(step)


# -- « Vous voulez parler de… ? » twice: a new question is no « toujours pas » -----------------

DIFFERENCE = "c'est quoi la différence entre une cop et un groupe de travail"
EVALUATE = "comment on évalue si ça marche"


@pytest.mark.parametrize("falc", [False, True])
def test_a_new_question_asked_about_again_is_no_still_not_found(falc):
    """Two different questions in a row, each answered by « Vous voulez parler de… ? »:
    the second said « Je ne trouve toujours pas », as if the person had said it again."""
    first, then = typed(ENGINE, "modeliser:debut", DIFFERENCE, EVALUATE, falc=falc)
    assert first.record.pending and then.record.pending, (bot(first), bot(then))
    assert bot(first) == ["coach/sens-question"]
    assert bot(then) == ["coach/sens-autre"]


def test_the_same_question_asked_about_again_is_still_not_found():
    first, then = typed(ENGINE, "modeliser:debut", EVALUATE, "comment on évalue si ça marche ?")
    assert first.record.pending and then.record.pending
    assert bot(then) == ["coach/pas-compris-choix"]


# -- « je comprends rien » again and again, in easy-to-read ----------------------------------

@pytest.mark.parametrize("texts", [
    ("je comprend rien", "c trop compliké", "plus simple svp"),
    ("plus simple svp", "c'est trop compliqué", "je comprends toujours pas"),
])
def test_easy_to_read_messages_are_not_said_again_and_again(texts):
    """Reading in easy-to-read, a parent typed « je comprend rien », « c trop compliké »,
    « plus simple svp »: the same seven sentences came back each time (five copies on a
    phone's screen). Said once more, then the coach says where they are and who can
    help; easy-to-read stays on throughout."""
    steps = typed(ENGINE, "familles:debut", *texts, falc=True, persona="famille")
    assert bot(steps[0])[0].startswith("coach/simplifier-deja")
    assert any(ref.startswith("familles/debut/") for ref in bot(steps[0]))
    for step in steps[1:]:
        assert [ref.split("-sans-contact")[0] for ref in bot(step)] == [
            "coach/simplifier-plus"], bot(step)
        assert step.record.falc
        # who can help, at hand: the step's answers, then « Menu » and « Parler à une personne »
        assert [c["id"] for c in step.choices][-2:] == ["menu", "humain"], step.choices


def test_after_another_turn_the_messages_are_said_again():
    first = typed(ENGINE, "familles:debut", "je comprend rien", falc=True, persona="famille")[0]
    moved = ENGINE.play(first.record, ChoiceInput(first.choices[0]["id"]))
    again = ENGINE.play(moved.record, TextInput("c trop compliké"))
    assert bot(again)[0].startswith(("coach/simplifier-deja", "coach/simplifier-encore"))
    assert len(bot(again)) > 1  # the step's messages, said again


# -- « bonjour » in the middle of a journey -------------------------------------------------

@pytest.mark.parametrize("falc", [False, True])
def test_hello_in_a_journey_does_not_ask_again_who_one_is(falc):
    """A parent who had chosen « Je suis un parent » typed « bonjour » at a step and was
    asked « Dites-moi qui vous êtes »; at the menu, before saying it, that question stays."""
    step = ENGINE.play(record_at(ENGINE, "accueil:menu", falc=falc), ChoiceInput("famille"))
    assert step.record.vars.get("persona") == "famille", step.record.vars
    hello = ENGINE.play(step.record, TextInput("bonjour"))
    assert bot(hello)[0] == "coach/reponse-bonjour-connu"
    assert (hello.record.flow, hello.record.node) == (step.record.flow, step.record.node)
    assert "qui vous êtes" not in " ".join(m.text for m in hello.messages if m.role == "bot")
    at_menu = typed(ENGINE, "accueil:menu", "bonjour", falc=falc)[0]
    assert bot(at_menu)[0] == "coach/reponse-bonjour"


# -- saying again who one is, inside one's own journey ---------------------------------------

@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("place", ["familles:debut", "familles:roles"])
def test_saying_again_who_one_is_does_not_replay_the_journeys_start(place, falc):
    """A parent in the families' journey typed « je suis la maman de Léa, elle a un
    handicap rare »: the journey's three first messages came again (about 100 words for
    someone who reads slowly). It is noted; the person stays where they are."""
    left = ENGINE.step(record_at(ENGINE, place, falc=falc, persona="famille"), 0)
    step = ENGINE.play(left.record, TextInput("je suis la maman de Léa elle a un handicap rare"))
    assert bot(step) == ["coach/profil-connu"]
    assert (step.record.flow, step.record.node) == tuple(place.split(":"))
    assert step.choices == left.choices


def test_from_the_menu_saying_who_one_is_still_starts_the_journey():
    step = typed(ENGINE, "accueil:menu", "je suis la maman de Léa elle a un handicap rare")[0]
    assert (step.record.flow, step.record.node) == ("familles", "debut")
    assert bot(step)[0].startswith("familles/debut/")


# -- lost in a stage ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["jsuis perdue, on fait quoi maintenant", "aide"])
def test_help_in_a_stage_also_says_where_one_is(text):
    """« jsuis perdue, on fait quoi maintenant » in stage 2 got only how to use the tchat;
    inside the staged journey, help also says the stage and part, as « où en suis-je »."""
    step = ENGINE.play(in_stage_2().record, TextInput(text))
    assert bot(step) == ["coach/aide", "coach/ou-en-suis-je"]
    outside = typed(ENGINE, "familles:debut", text, persona="famille")[0]
    assert bot(outside) == ["coach/aide"]


@pytest.mark.parametrize("place", ["familles:debut", "accueil:menu"])
def test_easy_to_read_said_again_offers_the_person_it_names(place):
    """Tester, session 12, in easy-to-read on a 320 × 568 phone: « je comprends pas » said
    the messages again with « Choisissez « Parler à une personne » », but that button was
    only in the toolbar far below. It comes with the step's choices, as the second time."""
    persona = {"persona": "famille"} if place.startswith("familles") else {}
    step = typed(ENGINE, place, "c koi un pair aidant", "je comprends pas", falc=True,
                 **persona)[1]
    assert bot(step)[0] == "coach/simplifier-deja", bot(step)
    ids = [c["id"] for c in step.choices]
    assert ids[-1] == "humain" and ids.count("humain") == 1, step.choices
    # without a contact, the line names no one to choose: no button added for it
    alone = Engine(load_content())
    step = typed(alone, place, "c koi un pair aidant", "je comprends pas", falc=True,
                 **persona)[1]
    assert bot(step)[0] == "coach/simplifier-deja-sans-contact", bot(step)
    assert "humain" not in [c["id"] for c in step.choices]
