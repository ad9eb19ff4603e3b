"""What a try-out on phones as real people found in the words (session 11), on the real
dialogues:

- a person with a disability (« Je suis une personne en situation de handicap » at the
  menu) who typed « quels roles pour moi » was told « Vous, en tant que parent, vous avez
  une expérience précieuse » (easy-to-read: « Vous êtes parent. »), then offered « le
  témoignage de Patricia » and « ce qui compte pour les familles »: the menu sets who one
  is (`persona`), the journey's texts only read the journey's own choice (`profil`);
- « c'est accessible en fauteuil ? » got FALC, digital tools, sign language, subtitles and
  large print, never the meeting place;
- the families' first step began with « Vous êtes parent ou proche aidant ? »; a mother
  answered « oui » and was told her message was not understood: it now says whom it is
  for, and asks nothing;
- the directory said « Pour faire partie de cette CoP » in easy-to-read, where every other
  easy-to-read text says « communauté »;
- stage 3 said « La personne qui anime… elle impulse… » then « Il veille… », « il dispose
  de 5 leviers », « il anime les échanges »;
- « merci au revoir » got « J'ai peut-être mal compris » with « Dire merci », « Terminer »,
  « Autre chose ».
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from coach.communities import load_communities
from coach.engine.engine import Engine, Step, TextInput
from tests.content.playing import CONTENT, ENGINE, choice_ids, play, refs, texts

FALC = pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
# Words that speak to a parent (« Vous êtes parent », « calmer votre proche »), or offer a
# parent's next step.
TO_A_PARENT = re.compile(r"en tant que parent|vous êtes parent|calmer votre proche"
                         r"|témoignage de Patricia|pour les familles", re.IGNORECASE)


def _as_a_person(falc: bool) -> Step:
    """The home menu's « Je suis une personne en situation de handicap »."""
    return play(ENGINE.start(falc=falc), "personne-concernee")


def _spoken_to_a_parent(step: Step) -> list[str]:
    said = [*texts(step), *(c["label"] for c in step.choices)]
    return [text for text in said if TO_A_PARENT.search(text)]


# ---------------------------------------------------------------- finding 1
@pytest.mark.parametrize("typed", ["quels roles pour moi", "kels role pour moi"])
@FALC
def test_a_person_asking_which_roles_is_not_called_a_parent(typed: str, falc: bool) -> None:
    step = ENGINE.play(_as_a_person(falc).record, TextInput(typed))
    assert (step.record.flow, step.record.node) == ("familles", "roles")
    assert _spoken_to_a_parent(step) == []
    said = "\n".join(texts(step))
    assert ("Vous vivez avec un handicap." if falc else "avec votre vécu") in said, said
    forward = [c["id"] for c in step.choices if c["id"] != "autre-question"]
    assert forward == ["continuer-niveaux"], forward
    step = play(step, "continuer-niveaux")
    assert step.record.node == "niveaux"


@pytest.mark.parametrize("question", ["roles", "savoir-vecu", "niveaux", "venir-avec",
                                      "formats", "confidentialite", "handicap-rare",
                                      "premier-pas"])
@FALC
def test_the_person_s_questions_never_speak_to_a_parent(question: str, falc: bool) -> None:
    """Each question of « J'ai une autre question » (but Patricia's story, named as a
    mother's), then its way on: nothing speaks to a parent."""
    step = play(play(_as_a_person(falc), "autre-question"), question)
    assert _spoken_to_a_parent(step) == []
    forward = [c["id"] for c in step.choices
               if c["id"].startswith("continuer") or c["id"] == "observer"]
    if forward:
        step = play(step, forward[0])
        assert _spoken_to_a_parent(step) == []


@FALC
def test_my_opinion_counts_leads_a_person_to_their_own_step(falc: bool) -> None:
    step = play(_as_a_person(falc), "autre-question")
    assert "savoir" not in choice_ids(step)
    step = play(step, "savoir-vecu")
    assert step.record.node == "savoir-vecu"


@FALC
def test_a_person_who_thinks_they_have_nothing_to_bring_hears_their_own_example(
        falc: bool) -> None:
    """The parents' step on lived experience, reached by typing: its example (« calmer votre
    proche ») and its way on (Patricia's story) are the person's own."""
    step = ENGINE.play(_as_a_person(falc).record, TextInput("je n'ai rien à apporter"))
    assert step.record.node == "savoir"
    assert _spoken_to_a_parent(step) == [], texts(step)
    assert "continuer-niveaux" in choice_ids(step)


@FALC
def test_a_parent_still_hears_the_parent_s_roles_and_story(falc: bool) -> None:
    step = play(ENGINE.start("familles", falc=falc), "voir-roles")
    assert ("Vous êtes parent." if falc else "en tant que parent") in "\n".join(texts(step))
    step = play(step, "continuer")
    assert step.record.node == "savoir"
    assert "continuer" in choice_ids(step) and "continuer-niveaux" not in choice_ids(step)


# ---------------------------------------------------------------- finding 5
@pytest.mark.parametrize("typed", ["c'est accessible en fauteuil ?",
                                   "c'est accessible en fauteuil ? et c gratuit ?"])
@FALC
def test_a_wheelchair_user_is_told_what_to_ask_about_the_place(typed: str, falc: bool) -> None:
    step = ENGINE.play(_as_a_person(falc).record, TextInput(typed))
    said = "\n".join(texts(step))
    assert "familles/accessibilite/0" in refs(step), refs(step)
    assert "fauteuil roulant" in said, said
    assert "toilettes" in said and ("transports" in said or "bus" in said), said
    assert ("par internet" if falc else "en visio") in said, said
    # Honest: what to ask the person who runs it, nothing promised.
    assert re.search(r"(demandez|posez ces questions) à la personne qui anime", said,
                     re.IGNORECASE), said


# ---------------------------------------------------------------- finding 3
@FALC
def test_the_families_first_step_asks_no_yes_or_no_question(falc: bool) -> None:
    step = ENGINE.start("familles", falc=falc)
    first = texts(step)[1] if refs(step)[0] == "coach/presentation-parcours" else texts(step)[0]
    assert "parent ou proche aidant ?" not in first, first
    assert first.splitlines()[0].endswith("."), first


@FALC
def test_coming_with_someone_names_the_person_who_helps(falc: bool) -> None:
    """« Venir avec un proche ? » spoke only of a child or a couple."""
    step = play(play(_as_a_person(falc), "autre-question"), "venir-avec")
    assert "la personne qui vous aide" in "\n".join(texts(step)), texts(step)


# ---------------------------------------------------------------- finding 14
@cache
def _with_directory() -> Engine:
    path = Path(__file__).parents[1] / "fixtures" / "annuaire" / "themes.yaml"
    return Engine(CONTENT, {}, load_communities(path))


def test_the_directory_says_communaute_in_easy_to_read() -> None:
    engine = _with_directory()
    step = engine.start(falc=True)
    step = engine.play(step.record, TextInput("ya une cop pres de chez moi"))
    step = engine.play(step.record, TextInput("jhabite a lille"))
    said = "\n".join(texts(step))
    assert "Familles autisme du Nord (fictif)" in said, said
    assert "Pour faire partie de cette communauté :" in said, said
    assert not re.search(r"\bCoP\b", said), said


# ---------------------------------------------------------------- finding 15
@pytest.mark.parametrize("node", ["role", "role-leviers", "posture"])
def test_stage_3_names_the_person_who_runs_it_without_il(node: str) -> None:
    said = [m.text for m in CONTENT.flows["animer"].nodes[node].messages]
    assert [t for t in said if re.search(r"\bil\b", t, re.IGNORECASE)] == [], said


# ---------------------------------------------------------------- finding 17
@pytest.mark.parametrize("typed", ["merci au revoir", "merci et bonne journée",
                                   "merci beaucoup au revoir", "ok merci bye",
                                   "Merci, au revoir !", "au revoir et merci"])
@FALC
def test_thanks_and_goodbye_end_warmly(typed: str, falc: bool) -> None:
    step = ENGINE.play(_as_a_person(falc).record, TextInput(typed))
    assert refs(step) == ["coach/stop"], (refs(step), texts(step))
    assert texts(step)[0].startswith("Merci pour cet échange")
    assert "Au revoir" in texts(step)[0] or "au revoir" in texts(step)[0]
    assert "dire-merci" not in str(step.choices) and "Dire merci" not in str(step.choices)


@pytest.mark.parametrize(("typed", "ref"), [("merci", "coach/reponse-merci"),
                                            ("au revoir", "coach/stop")])
def test_thanks_alone_and_goodbye_alone_are_unchanged(typed: str, ref: str) -> None:
    step = ENGINE.play(_as_a_person(False).record, TextInput(typed))
    assert refs(step)[0] == ref, refs(step)


def test_thanks_and_a_question_is_no_goodbye() -> None:
    step = ENGINE.play(_as_a_person(False).record,
                       TextInput("merci, au revoir, et comment je m'inscris ?"))
    assert "coach/stop" not in refs(step), refs(step)
