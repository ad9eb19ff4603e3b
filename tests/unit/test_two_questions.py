"""A typed message that asks two things leading to two places (issue 17, point 5): the
coach goes to the first and names the other after it (« Vous avez aussi demandé : … »)
with a button there, in standard French and in easy-to-read; a second request it does not
understand is not invented; the messages of tests/data/two_questions.yaml stay handled."""

from __future__ import annotations

import pytest

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput
from coach.engine.errors import UnknownChoice
from coach.engine.record import Record
from coach.engine.second_request import ALSO_CHOICE, ALSO_LABEL, ALSO_MESSAGE
from tests.places import record_at
from tests.two_questions import handled, messages, play
from tests.unit.test_directory_themes import engine as directory_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_content())


def typed(engine: Engine, place: str, text: str, falc: bool, persona: str | None) -> Step:
    variables = {"persona": persona} if persona else {}
    return engine.play(record_at(engine, place, falc=falc, **variables), TextInput(text))


def refs(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


# (where, persona, text, the first place answered, the place of the other request)
TWO_PLACES = [
    ("accueil:menu", None, "c'est quoi une cop et est-ce que je peux venir avec mon fils",
     ("decouvrir", "debut"), "familles:venir-avec"),
    ("coordinateur:parcours", "coordinateur",
     "ya des tensions dans le groupe, et on a plus de sous",
     ("difficultes", "tensions"), "difficultes:moyens"),
    # (« c'est quoi l'écoute active ? et la reformulation ? » was here: since dev61 taught
    # that a professional asks it about the professionals' techniques page, a coordinator
    # gets « Vous voulez parler de… ? » with that page and both animation pages, both
    # subjects offered, which tests/data/two_questions.yaml still counts as handled.)
    ("coordinateur:parcours", "coordinateur",
     "la participation baisse, et comment faire un compte rendu",
     ("modeliser", "engagement"), "outils:compte-rendu"),
    ("professionnels:debut", "professionnel",
     "j'ai un souci avec une famille, et c'est confidentiel pour les personnes que j'accompagne ?",
     ("professionnels", "conflit-famille"), "professionnels:confidentialite"),
]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize(("place", "persona", "text", "first", "other"), TWO_PLACES,
                         ids=[case[2][:30] for case in TWO_PLACES])
def test_the_other_request_is_named_with_a_button(engine, place, persona, text, first,
                                                   other, falc):
    step = typed(engine, place, text, falc, persona)
    record = step.record
    assert (record.flow, record.node) == first
    label = engine.renderer.place_label(other, falc)
    assert label
    # said last, after the first request's answer, naming the other one
    assert refs(step)[-1] == f"coach/{ALSO_MESSAGE}", refs(step)
    assert f"« {label} »" in step.messages[-1].text
    message = engine.content.system[ALSO_MESSAGE]
    assert step.messages[-1].text == (message.falc if falc else message.text).replace(
        "{a}", label)
    button = engine.content.system[ALSO_LABEL]
    assert step.choices[0] == {"id": ALSO_CHOICE, "label": (
        button.falc if falc else button.text).replace("{a}", label)}
    # the button goes there; then it is gone
    after = engine.play(record, ChoiceInput(ALSO_CHOICE))
    flow, node = other.split(":")
    assert (after.record.flow, after.record.node) == (flow, node)
    assert after.messages[0].role == "user" and after.messages[0].text == label
    assert all(c["id"] != ALSO_CHOICE for c in after.choices)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_the_button_is_gone_once_the_person_goes_on(engine, falc):
    step = typed(engine, "accueil:menu",
                 "c'est quoi une cop et est-ce que je peux venir avec mon fils", falc, None)
    assert step.choices[0]["id"] == ALSO_CHOICE
    own = [c["id"] for c in step.choices[1:]]
    assert own  # the step's own choices stay, after the other request's button
    went_on = engine.play(step.record, ChoiceInput(own[0]))
    assert all(c["id"] != ALSO_CHOICE for c in went_on.choices)
    typed_on = engine.play(step.record, TextInput("merci"))
    assert all(c["id"] != ALSO_CHOICE for c in typed_on.choices)
    with pytest.raises(UnknownChoice):  # no longer offered
        engine.play(went_on.record, ChoiceInput(ALSO_CHOICE))


def test_the_offer_is_kept_with_the_stored_conversation(engine):
    step = typed(engine, "accueil:menu",
                 "c'est quoi une cop et est-ce que je peux venir avec mon fils", False, None)
    stored = Record.from_bytes(step.record.to_bytes())
    assert stored.also == ["familles:venir-avec"]
    assert engine.step(stored, len(stored.transcript)).choices[0]["id"] == ALSO_CHOICE
    # a conversation with nothing offered stores no bytes for it
    assert b'"also"' not in record_at(engine, "accueil:menu").to_bytes()


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize(("place", "persona", "text"), [
    ("familles:debut", "famille", "c gratuit ? et vous faites des crepes ?"),
    ("accueil:menu", None, "c'est quoi une cop et il fait beau chez vous ?"),
    ("accueil:menu", None, "c'est quoi une cop"),
])
def test_a_request_not_understood_is_not_invented(engine, place, persona, text, falc):
    step = typed(engine, place, text, falc, persona)
    assert f"coach/{ALSO_MESSAGE}" not in refs(step)
    assert all(c["id"] != ALSO_CHOICE for c in step.choices)
    assert not step.record.also


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_answers_said_in_place_are_still_all_said(engine, falc):
    """« c gratuit et c'est où ? »: both answered, nothing left to name."""
    step = typed(engine, "familles:debut", "c gratuit et c'est où ?", falc, "famille")
    assert (step.record.flow, step.record.node) == ("trouver", "debut")
    assert any(ref.startswith("coach/reponse-gratuit") for ref in refs(step))
    assert f"coach/{ALSO_MESSAGE}" not in refs(step)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize(("place", "persona", "text", "answers"), [
    ("familles:debut", "famille", "c gratuit ? il faut un compte ?",
     ["coach/reponse-gratuit", "coach/reponse-compte"]),
    ("accueil:menu", None, "c gratuit ? il faut un compte ?",
     ["coach/reponse-gratuit", "coach/reponse-compte"]),
])
def test_the_way_back_is_said_once_after_the_last_answer(engine, place, persona, text,
                                                        answers, falc):
    """Two answers said in place at a step with choices: « Vous pouvez reprendre avec une
    des réponses proposées » once, after both, not after each."""
    step = typed(engine, place, text, falc, persona)
    said = refs(step)
    assert [r for r in said if r in answers] == answers, said
    assert said.count("coach/reponse-suite") == 1, said
    assert said.index("coach/reponse-suite") > said.index(answers[-1]), said
    assert (step.record.flow, step.record.node) == tuple(place.split(":"))


# Measured on the 32 messages: 15 fully handled before the other request was named, 25
# after, 26 once a request the understanding was not sure of is offered too (h5, at the
# menu). These stay handled (the others are understanding gaps: docs/dialogues.md).
HANDLED = {"p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "h1", "h2", "h3", "h5", "h6", "c3",
           "c4", "c5", "c7", "c8", "r1", "r2", "r3", "r4", "r5", "o2", "n1", "n2"}


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_the_two_question_messages_stay_handled(engine, falc):
    entries = {entry["id"]: entry for entry in messages()}
    assert set(entries) >= HANDLED
    outcomes = {key: play(engine, entries[key], falc) for key in sorted(HANDLED)}
    left = [(key, entries[key]["text"], sorted(outcome.said), sorted(outcome.offered))
            for key, outcome in outcomes.items() if not handled(entries[key], outcome)]
    assert not left


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
def test_at_the_directory_the_other_request_comes_before_the_regions(falc: bool) -> None:
    """Tester, session 11 (a mother on a 320 × 568 phone): « ya une cop pres de chez moi et
    comment on participe » asked her region, then named « Les façons de participer »; its
    button came 4th of 7, after the regions, one scroll below the message, and looked like
    the others. It is first, right under the message that names it, and says it is the
    other question."""
    coach = directory_engine()
    step = coach.start(falc=falc)
    step = coach.play(step.record, ChoiceInput("famille"))
    step = coach.play(step.record,
                      TextInput("ya une cop pres de chez moi et comment on participe"))
    assert step.messages[-1].ref == f"coach/{ALSO_MESSAGE}", [m.ref for m in step.messages]
    assert [c["id"] for c in step.choices[1:4]] == [
        "lieu-bretagne", "lieu-hauts-de-france", "lieu-occitanie"], step.choices
    label = coach.renderer.place_label(step.record.also[0], falc)
    first = step.choices[0]
    assert first["id"] == ALSO_CHOICE, step.choices
    assert first["label"] == (f"Autre question : {label}" if falc else f"Aussi : {label}")
    assert f"« {label} »" in step.messages[-1].text


# (text typed at the menu, before saying who one is; the answer said there, or None when the
# coach goes to the directory)
AT_THE_MENU = [
    ("ya une cop pres de chez moi et comment on participe", None),
    ("c gratuit et comment on participe", "coach/reponse-gratuit"),
]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize(("text", "answer"), AT_THE_MENU, ids=["directory", "free"])
def test_at_the_menu_a_doubtful_other_request_is_offered(falc: bool, text: str,
                                                         answer: str | None) -> None:
    """Tester, session 12: at the menu, before saying who one is, « … et comment on
    participe » was dropped without a word (the families' or the professionals' way to
    take part? the understanding was not sure, so it kept only the first request); after
    choosing « parent », the same message offered it. It is named, with its button first,
    and that button leads there."""
    coach = directory_engine()
    step = coach.play(record_at(coach, "accueil:menu", falc=falc), TextInput(text))
    said = refs(step)
    assert said[-1] == f"coach/{ALSO_MESSAGE}", said
    if answer is None:  # the directory's region question, the other request before it
        assert step.record.flow == "trouver", said
        assert [c["id"] for c in step.choices[1:4]] == [
            "lieu-bretagne", "lieu-hauts-de-france", "lieu-occitanie"], step.choices
    else:  # the answer said where the person is, no way back between it and the offer
        assert answer in said and "coach/reponse-suite" not in said, said
        assert (step.record.flow, step.record.node) == ("accueil", "menu")
    other = step.record.also[0]
    label = coach.renderer.place_label(other, falc)
    assert label and f"« {label} »" in step.messages[-1].text
    button = coach.content.system[ALSO_LABEL]
    assert step.choices[0] == {"id": ALSO_CHOICE, "label": (
        button.falc if falc else button.text).replace("{a}", label)}
    after = coach.play(step.record, ChoiceInput(ALSO_CHOICE))
    assert (after.record.flow, after.record.node) == tuple(other.split(":"))


@pytest.mark.parametrize("text", [
    "c'est quoi une cop et il fait beau chez vous ?",
    "c gratuit ? et vous faites des crepes ?",
    "bonjour, c'est quoi une cop",
    "je suis parent et c'est quoi une cop",
])
def test_at_the_menu_nothing_is_invented_for_a_clause_not_understood(engine, text):
    step = typed(engine, "accueil:menu", text, False, None)
    assert f"coach/{ALSO_MESSAGE}" not in refs(step)
    assert not step.record.also
