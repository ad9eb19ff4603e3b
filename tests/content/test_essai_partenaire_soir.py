"""What the evening try-out of 4 December found on a partner's site (the widget pasted as the
partners' guide shows it, `data-flow="familles"`), on the real dialogues:

- nobody was told what the coach is: the tchat opened on « Vous êtes parent ou proche
  aidant ? », without the welcome's « Je suis le coach CoP… »: a conversation started in a
  journey first says, in one line of the same reply, what this coach is;
- the first questions people type about the coach itself had no answer: « c koi ce truc »
  turned easy-to-read on, « vous etes qui » was not understood, « c quoi ce coach » went to
  what a CoP is, « a quoi vous servez » to the parents' roles. They are answered where the
  person is (a program, not a person, what it does), and the conversation goes on there;
- a professional visiting the partner's site was taken for a parent: the parents' first
  step offers « Je travaille dans le handicap » to someone who has not said who they are;
- the partner's employee had no answer to « il faut un compte ? » and « c est accessible
  rgaa ? », and, with no contact configured, was sent for the partners' guide to « the
  organisation that gave you this site's address », her own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest

from coach.api.app import create_app
from coach.engine.engine import Engine, TextInput
from coach.settings import Settings
from tests.conftest import CONTACT, FIXTURE_DIALOGUES
from tests.content.playing import CONTENT, ENGINE, choice_ids, play, refs, texts

VARIANTS = pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
GREETING = "coach/presentation-parcours"
JOURNEYS = sorted(f for f in CONTENT.flows if f != CONTENT.entry[0])

# What the tester typed first, and other ways of asking what this coach is.
ABOUT_THE_COACH = ["c koi ce truc", "ca sert a quoi ce tchat", "vous etes qui", "c quoi ce coach",
                   "a quoi vous servez", "c'est quoi ce truc ?", "c un robot ?", "qui répond ?",
                   "qui êtes-vous ?", "t ki toi ? un robot ?", "cé koi se tchat",
                   "c'est une vraie personne qui répond ?", "vous faites quoi ?"]


@VARIANTS
@pytest.mark.parametrize("flow", JOURNEYS)
def test_a_conversation_started_in_a_journey_first_says_what_the_coach_is(
        flow: str, falc: bool) -> None:
    step = ENGINE.start(flow, falc=falc)
    assert refs(step)[0] == GREETING, refs(step)
    assert refs(step).count(GREETING) == 1
    assert refs(step)[1].startswith(f"{flow}/"), refs(step)  # the journey, in the same reply
    said = texts(step)[0]
    assert "coach CoP" in said and "programme" in said, said
    assert said.startswith("Bonjour"), said


@VARIANTS
def test_the_welcome_says_it_once_and_is_not_preceded_by_the_journeys_line(falc: bool) -> None:
    step = ENGINE.start(None, falc=falc)
    assert GREETING not in refs(step), refs(step)
    assert refs(step)[0] == "accueil/bienvenue/0"


@VARIANTS
@pytest.mark.parametrize("typed", ABOUT_THE_COACH)
def test_what_the_coach_is_is_answered_where_the_person_is(typed: str, falc: bool) -> None:
    start = ENGINE.start("familles", falc=falc)
    step = play(start, f"?{typed}")
    assert refs(step)[0] == "coach/reponse-coach-sans-contact", (typed, refs(step))
    assert (step.record.flow, step.record.node) == ("familles", "debut")
    assert step.record.falc is falc  # « c koi ce truc » is no difficulty: no easy-to-read
    assert choice_ids(step) == choice_ids(start)
    said = texts(step)[0]
    assert "programme" in said and "pas une personne" in said, said
    assert "communaut" in said, said


@pytest.mark.parametrize("place", ["professionnels:sujets", "initier:debut", "outils:banque"])
def test_what_the_coach_is_is_answered_anywhere_without_going_back_to_the_menu(
        place: str) -> None:
    flow, node = place.split(":")
    step = ENGINE.start(flow)
    if node != step.record.node:
        step = play(step, *_path_to(flow, node))
    step = play(step, "?c koi ce truc, vous etes qui ?")
    assert refs(step)[0] == "coach/reponse-coach-sans-contact", refs(step)
    assert (step.record.flow, step.record.node) == (flow, node)


def _path_to(flow: str, node: str) -> list[str]:
    """The buttons that lead from a journey's start to one of its nodes (one step here)."""
    start = CONTENT.flows[flow].nodes[CONTENT.flows[flow].header.start]
    return [next(c.id for c in start.choices if c.target in (node, f"{flow}:{node}"))]


@VARIANTS
def test_with_a_contact_the_answer_says_how_to_reach_a_person(falc: bool) -> None:
    engine = Engine(CONTENT, CONTACT)
    step = engine.play(engine.start("familles", falc=falc).record, TextInput("vous etes qui"))
    assert refs(step)[0] == "coach/reponse-coach", refs(step)
    assert "« Parler à une personne »" in texts(step)[0]


@pytest.mark.parametrize("typed", ["je comprends pas", "c trop compliqué", "c'est quoi ça ?",
                                   "j'ai rien compris", "trop difficile"])
def test_saying_it_is_hard_still_turns_easy_to_read_on(typed: str) -> None:
    step = play(ENGINE.start("familles"), f"?{typed}")
    assert step.record.falc is True, (typed, refs(step))


@VARIANTS
def test_a_professional_on_the_parents_journey_can_say_so(falc: bool) -> None:
    start = ENGINE.start("familles", falc=falc)
    assert "je-suis-professionnel" in choice_ids(start)
    step = play(start, "je-suis-professionnel")
    assert step.record.flow == "professionnels" and "professionnels/debut/0" in refs(step)
    assert step.record.vars.get("persona") == "professionnel"


@pytest.mark.parametrize("typed", ["je suis un professionnel", "je suis pro",
                                   "jsuis educatrice", "c pour mon travail"])
def test_a_professional_typing_who_they_are_on_the_parents_journey_gets_their_journey(
        typed: str) -> None:
    step = play(ENGINE.start("familles"), f"?{typed}")
    assert step.record.flow == "professionnels", (typed, refs(step))
    assert step.record.vars.get("persona") == "professionnel"


def test_a_parent_who_said_so_at_the_menu_is_not_asked_again() -> None:
    step = play(ENGINE.start(None), "famille")
    assert step.record.node == "debut"
    assert "je-suis-professionnel" not in choice_ids(step)


@VARIANTS
@pytest.mark.parametrize("typed", ["il faut un compte ?", "besoin d un compte ?",
                                   "faut il un compte pour utiliser le coach",
                                   "et il faut un compte pour nous ?"])
def test_no_account_is_needed_and_the_coach_says_what_it_keeps(typed: str, falc: bool) -> None:
    step = play(ENGINE.start("familles", falc=falc), f"?{typed}")
    assert refs(step)[0] == "coach/reponse-compte", (typed, refs(step))
    assert step.record.node == "debut"
    said = texts(step)[0]
    assert "besoin de compte" in said and "« Confidentialité" in said, said


@VARIANTS
@pytest.mark.parametrize("typed", ["c est accessible rgaa ?", "vous etes conforme au rgaa",
                                   "rgaa ?"])
def test_accessibility_is_answered_without_claiming_a_conformity(typed: str, falc: bool) -> None:
    step = play(ENGINE.start("familles", falc=falc), f"?{typed}")
    assert refs(step)[0] == "coach/reponse-accessible-sans-contact", (typed, refs(step))
    said = texts(step)[0]
    assert "lecteur d’écran" in said
    if not falc:  # docs/accessibilite.md: « Aucune conformité RGAA n'est revendiquée »
        assert "pas de déclaration de conformité au RGAA" in said, said
        assert "aucun audit complet" in said
    else:
        assert "Des experts doivent encore vérifier tout le site." in said, said


@VARIANTS
@pytest.mark.parametrize("place", ["familles", "professionnels", "accueil"])
def test_a_problem_with_accessibility_is_reported_without_going_in_circles(
        falc: bool, place: str) -> None:
    """« Dites-le à l'organisation qui vous a donné l'adresse de ce site » sent a partner
    on its own site back to itself: with a contact, « Parler à une personne »; without
    one, the team that runs the coach, through the site where the person found it."""
    with_contact = Engine(CONTENT, CONTACT)
    for engine, contact in ((with_contact, True), (ENGINE, False)):
        start = engine.start(None if place == "accueil" else place, falc=falc)
        step = engine.play(start.record, TextInput("c est accessible rgaa ?"))
        said = next(t for r, t in zip(refs(step), texts(step), strict=True)
                    if r.startswith("coach/reponse-accessible"))
        assert "qui vous a donné" not in said and "qui vous ont donné" not in said, said
        assert ("« Parler à une personne »" in said) is contact, said
        if not contact:
            assert "le site où vous" in said and "équipe" in said, said
            assert not any(ch.isdigit() for ch in said) and "@" not in said, said


@VARIANTS
def test_without_a_contact_the_partner_is_told_how_to_put_the_coach_on_a_site(falc: bool) -> None:
    step = play(ENGINE.start("familles", falc=falc),
                "?comment on met ce coach sur notre site")
    assert refs(step)[0] == "coach/reponse-integrer-sans-contact", refs(step)
    said = texts(step)[0]
    assert "qui vous a donné" not in said and "Qui vous a donné" not in said, said
    assert "guide des partenaires" in said
    if not falc:
        assert "widget.js" in said and "sites autorisés" in said, said


@pytest.mark.anyio
async def test_the_api_starts_a_journey_with_the_line_in_the_same_reply(tmp_path: Path) -> None:
    dialogues = FIXTURE_DIALOGUES.parents[2] / "dialogues"
    settings = Settings(store_url=f"sqlite:///{tmp_path}/coach.db", dialogues_dir=dialogues,
                        _env_file=None)
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        created = (await client.post("/api/v1/conversations", json={"flow": "familles"})).json()
        assert [m["ref"] for m in created["messages"]][:2] == [GREETING, "familles/debut/0"]
        turn = (await client.post(f"/api/v1/conversations/{created['id']}/turns",
                                  json={"text": "c koi ce truc"})).json()
    assert turn["node"] == "debut" and turn["falc"] is False
    assert turn["messages"][1]["ref"] == "coach/reponse-coach-sans-contact", turn["messages"]
    shutil.rmtree(tmp_path, ignore_errors=True)
