"""What a try-out with a mother on a phone (her child has a rare epilepsy, she reads with
difficulty) and an adult in easy-to-read found in the words, on the real dialogues:

- the partner's widget opens the parents' path at its first step, which said « Une CoP
  fonctionne… » to a parent who had never read what a CoP is (the welcome, which says it,
  is not on that path): the step says « communauté de pratique, ou CoP » the first time;
- the coach's shared answers (« c gratuit », « c ou la reunion », finding a community near
  home…) said « CoP » in easy-to-read, where nothing on the way had explained it: they say
  « communauté »;
- the parents' last step offered the coordinator's tools, not the step a parent can take:
  it offers to find a community near home first;
- someone in easy-to-read who says it is still too hard was told « Une personne de
  l'équipe peut vous aider. », and not how: the coach says which button to choose;
- « Aide », in easy-to-read (its easy-to-read words are only read there), said « Écrivez
  « facile à lire » pour lire des textes simples. »: written there, it asks whether to go
  back to standard French. Each word the help gives keeps the person in easy-to-read;
- the easy-to-read answers said « Cliquez », a mouse's word, to people who tap a phone:
  they say « Choisissez »;
- an adult with a disability who looks for a community (to go to its meetings) was told to
  ask « l’établissement de votre proche » and « une association de familles », words for a
  parent: where to ask names the person's own service too; and confidentiality spoke of
  « la santé de votre enfant »: « de votre proche »;
- lost while finding a community (three messages not understood), the coach offered
  « Revenir au menu » and « Menu », two buttons to one place: one of them only.
"""

from __future__ import annotations

import re

import pytest

from coach.engine.engine import ChoiceInput, TextInput
from tests.content.playing import CONTENT, ENGINE, choice_ids, play, texts

COP = re.compile(r"\bCoP\b")


def test_the_parents_first_step_says_what_a_cop_is_where_it_first_names_it() -> None:
    # the coach's own name (« le coach CoP », in the line before the journey) is a name
    said = " ".join(texts(ENGINE.start("familles"))).replace("coach CoP", "coach")
    first = COP.search(said)
    assert first is not None
    assert said[:first.start()].endswith("communauté de pratique, ou "), said


@pytest.mark.parametrize("message", sorted(CONTENT.system))
def test_a_shared_answer_in_easy_to_read_says_community_not_cop(message: str) -> None:
    """Said wherever the person is: never an abbreviation nothing explained (the coach's own
    name, « le coach CoP », is a name)."""
    falc = CONTENT.system[message].falc.replace("coach CoP", "coach")
    assert not COP.search(falc), falc
    assert "cliqu" not in falc.lower(), falc


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_parents_last_step_offers_to_find_a_community_first(falc: bool) -> None:
    step = play(ENGINE.start("familles", falc=falc), "autre-question", "terminer")
    assert step.record.node == "fin"
    assert choice_ids(step)[0] == "trouver-groupe", choice_ids(step)
    step = play(step, "trouver-groupe")
    assert (step.record.flow, step.record.node) == ("trouver", "debut")


def test_still_too_hard_in_easy_to_read_says_how_to_reach_a_person() -> None:
    step = play(ENGINE.start("familles", falc=True), "voir-roles")
    step = ENGINE.play(step.record, TextInput("je comprends pas"))
    first = texts(step)[0]
    # This site gives no contact: a close person, never « Parler à une personne », which
    # would have no one to offer.
    assert "Une personne proche peut lire avec vous." in first, texts(step)
    assert "Parler à une personne" not in first, first


def test_each_word_the_easy_to_read_help_gives_keeps_easy_to_read() -> None:
    step = play(ENGINE.start("familles", falc=True), "voir-roles")
    help_ = ENGINE.play(step.record, ChoiceInput("aide"))
    said = texts(help_)[0]
    words = re.findall(r"« ([^»]+) »", said)
    assert len(words) >= 3, said
    for word in words:
        reply = ENGINE.play(help_.record, TextInput(word))
        refs = [m.ref for m in reply.messages if m.role == "bot"]
        assert reply.record.falc and "coach/facile-question" not in refs, (word, refs)


# The service a person knows, said so that it fits the person too (not only a relative's).
OWN_SUPPORT = re.compile(r"vous accompagne|votre service d’aide|qui vous aide"
                         r"|service du handicap que vous connaissez|un service d’aide")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_a_person_with_a_disability_finding_a_community_is_told_where_to_ask(
        falc: bool) -> None:
    step = play(ENGINE.start("familles", falc=falc), "je-vis-le-handicap", "autre-question",
                "terminer", "trouver-groupe")
    said = texts(step)
    # Without a directory the advice is said on arrival; the next button goes on.
    step = play(step, "ensuite")
    said += texts(step)
    assert (step.record.flow, step.record.node) == ("trouver", "ensuite")
    assert any(OWN_SUPPORT.search(t) for t in said), said
    for text in [t for t in said if "proche" in t]:
        assert OWN_SUPPORT.search(text), text
    assert not any("association de familles" in t for t in said), said


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_person_s_path_never_speaks_of_their_child(falc: bool) -> None:
    step = play(ENGINE.start("familles", falc=falc), "je-vis-le-handicap")
    seen = set()
    while choice_ids(step) and step.record.node not in seen:
        seen.add(step.record.node)
        for text in texts(step):
            assert "votre enfant" not in text, (step.record.node, text)
        step = play(step, choice_ids(step)[0])
    assert {"confidentialite", "premier-pas"} <= seen, seen


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_lost_the_coach_offers_the_menu_once(falc: bool) -> None:
    step = play(ENGINE.start("familles", falc=falc), "trouver-groupe")
    for _ in range(3):
        step = ENGINE.play(step.record, TextInput("xqzw blorp vrrt"))
    ids = choice_ids(step)
    assert "humain" in ids, ids  # « Parler à une personne » is offered
    assert "revenir-menu" in ids and "menu" not in ids, ids
    # Elsewhere, with no button of the step to the menu, « Menu » is offered.
    step = ENGINE.start("familles", falc=falc)
    for _ in range(3):
        step = ENGINE.play(step.record, TextInput("xqzw blorp vrrt"))
    assert {"menu", "humain"} <= set(choice_ids(step)), choice_ids(step)
