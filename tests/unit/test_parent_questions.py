"""What a parent testing the coach on a phone typed (4 December), through the engine on the
real content, in standard French and in easy-to-read, as people type (SMS, no accents):

- « je peux venir avec mon fils ? », « mon mari peut venir aussi »: the three levels of
  engagement or the parents' introduction again, never an answer. Now the families' place
  « Venir avec un proche ? » answers: each community decides who takes part, ask the person
  who animates it; families and carers have their place; and how to find a community;
- « c'est quand les réunions » (the plural of a phrase of the content) asked between the
  meetings, « Double posture » and the animator's scenario: a phrase said in the plural is
  that phrase typed, and the meetings are answered;
- « c gratuit et c ou », typed where the coach says how to find a community: only the cost
  was answered, « c ou » (this very step) silently dropped. Both are answered.
"""

from __future__ import annotations

import pytest

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput
from coach.engine.nlu.french import singular
from coach.engine.nlu.lexicon import Lexicon
from coach.engine.nlu.matching import EXACT, PhraseSet
from tests.places import record_at

# The findings' setup: the default settings (no contact, no directory of communities).
ENGINE = Engine(load_content())


def typed(place: str, *texts: str, falc: bool = False, **variables: object) -> list[Step]:
    """Each text typed in turn from `place`: the steps."""
    record = record_at(ENGINE, place, falc=falc, **variables)
    steps = []
    for text in texts:
        steps.append(ENGINE.play(record, TextInput(text)))
        record = steps[-1].record
    return steps


def bot(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


def said(step: Step) -> str:
    return "\n".join(m.text for m in step.messages if m.role == "bot")


def as_parent(falc: bool) -> Step:
    """« Je suis parent ou proche aidant » tapped at the start."""
    step = ENGINE.start(falc=falc)
    return ENGINE.play(step.record, ChoiceInput("famille"))


# -- coming with someone close ------------------------------------------------------------

COMING_WITH = [
    "je peux venir avec mon fils ?",
    "mon fils peut venir aux reunions",
    "mon mari peut venir aussi",
    "on peut venir a deux avec ma femme",
    "jpeux venir avc ma fille",
    "les enfants peuvent venir aux reunion ?",
]
# Where the parent typed them: right after saying who they are, at the three levels (where
# the first one led), and where the coach says how to find a community.
WHERE = ["familles:debut", "familles:niveaux", "trouver:debut"]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("place", WHERE)
@pytest.mark.parametrize("text", COMING_WITH)
def test_coming_with_a_child_or_a_spouse_gets_a_direct_answer(text, place, falc):
    step = typed(place, text, falc=falc, persona="famille")[-1]
    record = step.record
    assert (record.flow, record.node) == ("familles", "venir-avec"), bot(step)
    assert bot(step) == ["familles/venir-avec/0", "familles/venir-avec/1"]
    words = said(step)
    # honest: each community decides, the person who animates it knows
    assert "personne qui anime la communauté" in words
    assert ("Chaque communauté choisit qui peut venir." in words if falc
            else "chacune choisit qui peut participer" in words)
    # what the module does say: families have their place
    assert "familles" in words and "leur place" in words
    # not the levels of engagement, nor the parents' introduction
    assert "niveaux d’engagement" not in words and "3 façons" not in words
    assert "Patricia" not in words
    assert {c["id"] for c in step.choices} >= {"trouver-groupe", "autre-question"}


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_right_after_saying_one_is_a_parent_the_answer_comes_at_once(falc):
    step = as_parent(falc)
    assert (step.record.flow, step.record.node) == ("familles", "debut")
    step = ENGINE.play(step.record, TextInput("je peux venir avec mon fils ?"))
    assert (step.record.flow, step.record.node) == ("familles", "venir-avec"), bot(step)
    assert "coach/sens-un" not in bot(step) and "coach/ici-rappel" not in bot(step)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_finding_a_community_from_the_answer_comes_back_to_it(falc):
    step = typed("familles:venir-avec", "ou trouver une communaute", falc=falc,
                 persona="famille")[-1]
    assert (step.record.flow, step.record.node) == ("trouver", "debut"), bot(step)
    step = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert (step.record.flow, step.record.node) == ("familles", "venir-avec")


def test_the_families_questions_offer_it():
    step = typed("familles:questions", "venir avec mon enfant", persona="famille")[-1]
    assert (step.record.flow, step.record.node) == ("familles", "venir-avec")
    menu = record_at(ENGINE, "familles:questions", persona="famille")
    labels = [c.label for c in ENGINE.available_choices(menu)]
    assert "Venir avec un proche ?" in labels


@pytest.mark.parametrize("text", ["je peux venir", "est-ce que je peux venir"])
def test_coming_alone_still_gets_the_ways_of_taking_part(text):
    """« je peux venir » without anyone else is still the ways of taking part."""
    step = typed("familles:debut", text, persona="famille")[-1]
    assert (step.record.flow, step.record.node) == ("familles", "niveaux"), bot(step)


# -- a phrase said in the plural -------------------------------------------------------------

MEETINGS_PLURAL = ["c'est quand les réunions", "cest quand les reunions",
                   "c quand les reunion", "c'est où les réunions"]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("text", MEETINGS_PLURAL)
def test_when_are_the_meetings_said_in_the_plural_is_answered(text, falc):
    step = typed("familles:debut", text, falc=falc, persona="famille")[-1]
    assert bot(step)[0] == "coach/reponse-rencontres", bot(step)
    assert "coach/sens-question" not in bot(step)
    assert (step.record.flow, step.record.node) == ("familles", "debut")
    labels = " ".join(c["label"] for c in step.choices)
    assert "posture" not in labels.lower() and "scénario" not in labels


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_right_after_saying_one_is_a_parent_the_meetings_are_answered(falc):
    step = as_parent(falc)
    step = ENGINE.play(step.record, TextInput("c'est quand les réunions"))
    assert bot(step)[0] == "coach/reponse-rencontres", bot(step)


def test_singular_reads_number_and_determiners_in_one_form():
    assert singular("c est quand les reunions") == singular("c est quand la reunion")
    assert singular("des groupes pres de chez moi") == singular("un groupe pres de chez moi")
    assert singular("mes enfants") == singular("mon enfant")
    # words in « s » that are no plural, and the words of a sentence, stay apart
    assert singular("je peux venir") != singular("je peu venir")
    assert singular("c est quand la reunion") != singular("c est ou la reunion")


def test_a_phrase_said_in_the_plural_scores_as_typed():
    texts = ["c'est quand la réunion", "la prochaine réunion"]
    lexicon = Lexicon(texts)
    lexicon.weigh([lexicon.phrase(t).stems for t in texts])
    phrases = PhraseSet(lexicon, [[("quand", lexicon.phrase(texts[0])),
                                   ("prochaine", lexicon.phrase(texts[1]))]])
    for text, key in [("c'est quand les réunions", "quand"), ("C QUAND LES REUNIONS", "quand"),
                      ("les prochaines reunions", "prochaine")]:
        (scores,) = phrases.scores(lexicon.query(text))
        assert scores.get(key) == EXACT, (text, scores)
    (scores,) = phrases.scores(lexicon.query("c'est où la réunion"))
    assert scores.get("quand", 0.0) < EXACT


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("place", ["accueil:menu", "familles:roles"])
def test_a_phrase_of_the_content_said_in_the_singular_is_that_phrase(place, falc):
    """Generally, the other way round too: « c'est quel jour la réunion » is the phrase
    « c'est quel jour les réunions » of the meetings, typed in the singular."""
    step = typed(place, "c'est quel jour la réunion", falc=falc, persona="famille")[-1]
    assert bot(step)[0] == "coach/reponse-rencontres", bot(step)


# -- two questions, the second about the step itself ---------------------------------------


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("text, first", [
    ("c gratuit et c ou", "coach/reponse-gratuit"),
    ("cest gratuit ? et cest ou", "coach/reponse-gratuit"),
    ("c quand et c ou", "coach/reponse-rencontres"),
])
def test_where_a_community_is_found_where_is_it_is_answered_too(text, first, falc):
    """The parent had said where they live (the coach said it lists no community there),
    then typed two short questions: both are answered, the second by whom to ask."""
    steps = typed("trouver:debut", "jhabite a lyon je cherche un groupe de parents", text,
                  falc=falc, persona="famille")
    assert bot(steps[0])[-1] == "coach/annuaire-vide-lieu"
    step = steps[-1]
    assert bot(step) == [first, "coach/annuaire-vide-plus-pres"], bot(step)
    assert "MDPH" in said(step)
    assert (step.record.flow, step.record.node) == ("trouver", "debut")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_a_second_question_about_the_step_is_said_again_after_the_first(falc):
    """Generally, at a step that is not the directory: « c gratuit et ya des podcasts »
    typed where the coach speaks of podcasts: the cost, then the step's message on
    podcasts (not only the cost)."""
    step = typed("familles:formats", "c gratuit et ya des podcasts", falc=falc,
                 persona="famille")[-1]
    refs = bot(step)
    assert refs[0] == "coach/reponse-gratuit", refs
    assert refs[1:] == ["coach/ici-rappel", "familles/formats/2"], refs
    assert "podcast" in said(step)
    assert (step.record.flow, step.record.node) == ("familles", "formats")


@pytest.mark.parametrize("text", ["c gratuit", "MDPH ARS c quoi", "c gratuit et c quoi la MDPH"])
def test_one_question_or_two_elsewhere_are_as_before(text):
    step = typed("trouver:debut", text, persona="famille")[-1]
    assert "coach/annuaire-vide-plus-pres" not in bot(step), bot(step)
    assert "coach/ici-rappel" not in bot(step)
