"""What the evening try-out of 4 December found for a new coordinator going through the four
stages (docs/accessibilite.md, « Essai du 4 décembre, soir »), on the real dialogues, in
standard French and in easy-to-read:

- at the end of the stages, « je veux voir mon brouillon » asked which answer to change (the
  end's « Écrire ou modifier mes réponses du brouillon » holds the word « brouillon »);
- typed « passer », « je saute », « suivant » sent the person to another subject (finding a
  community, Patricia's story, stage 2's objectives);
- the end of stage 4 asked to write « Où en suis-je ? », with no button doing it;
- in stage 3, the short path's « Passer au jeu » made the part count go from 8 to 9;
- in stage 2, « Voir les autres outils » went on with the stage, « Voir les outils » opens
  the tool bank;
- « on a un fils poly handicapé on peut venir ? » got the start of the parents' journey again.
"""

from __future__ import annotations

import pytest

from coach.engine.engine import Step, TextInput
from coach.engine.record import Record
from tests.content.playing import ENGINE, choice_ids, play, texts
from tests.content.test_fin_du_parcours import _to_the_end
from tests.places import record_at

FALC = pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
CHANGE_WHICH = "Quelle réponse voulez-vous changer"


def typed(record: Record, text: str) -> Step:
    return ENGINE.play(record, TextInput(text))


def coordinator_at(place: str, falc: bool, path: str = "court", stage: int = 1) -> Record:
    return record_at(ENGINE, place, falc=falc, persona="coordinateur", chemin=path, etape=stage)


# -- 1. the draft, asked for at the end of a stage ------------------------------------------
@FALC
@pytest.mark.parametrize("text", ["je veux voir mon brouillon", "c ou mon brouillon ?",
                                  "montre moi le brouillon"])
@pytest.mark.parametrize("end", ["perenniser:fin", "animer:fin", "modeliser:fin"])
def test_asking_for_the_draft_at_a_stage_end_gives_the_draft(falc: bool, text: str,
                                                              end: str) -> None:
    step = typed(coordinator_at(end, falc, stage=4), text)
    said = " ".join(texts(step))
    assert CHANGE_WHICH not in said, said
    assert (step.record.flow, step.record.node) == ENGINE.content.draft_summary
    assert step.draft_here, said


@FALC
def test_asking_for_the_draft_at_the_real_end_of_the_stages(falc: bool) -> None:
    end = _to_the_end(ENGINE.start(flow="perenniser", falc=falc), [])
    step = typed(end.record, "je veux voir mon brouillon")
    assert (step.record.flow, step.record.node) == ENGINE.content.draft_summary
    assert step.draft_here and step.progress is not None and step.progress["stage"] == 4


@FALC
@pytest.mark.parametrize("text", ["je veux changer ma réponse", "modifier mon brouillon",
                                  "modifier mes réponses", "corriger"])
def test_asking_to_change_an_answer_at_the_end_still_changes_it(falc: bool, text: str) -> None:
    step = typed(coordinator_at("perenniser:fin", falc, stage=4), text)
    assert (step.record.flow, step.record.node) == ("initier", "modifier-reponses")


# -- 2. typed « passer », « suivant » --------------------------------------------------------
@FALC
@pytest.mark.parametrize("text", ["passer", "on passe", "je saute", "jveu passer cette partie",
                                  "partie suivante"])
def test_skip_words_in_the_cards_do_what_the_skip_button_does(falc: bool, text: str) -> None:
    """From the third card (the cards' part), as from « Passer les cartes »: the short path
    goes on to Léo's advice, the part is skipped, not seen."""
    record = coordinator_at("initier:carte-objectifs", falc)
    ENGINE.progress.mark_seen(record, ("initier", "ambassadeurs"))
    step = typed(record, text)
    assert (step.record.flow, step.record.node) == ("initier", "enjeux-secteur")
    cards = 1 << next(p.index for p in ENGINE.progress.stage_of_flow("initier").parts
                      if p.id == "cartes")
    assert step.record.skipped.get("initier", 0) & cards
    assert not step.record.seen.get("initier", 0) & cards
    assert step.progress is not None and step.progress["parts"] == 7


@FALC
def test_skip_words_on_the_full_path_go_to_the_profiles(falc: bool) -> None:
    step = typed(coordinator_at("initier:carte-duree", falc, path="complet"), "je saute")
    assert (step.record.flow, step.record.node) == ("initier", "qui-intro")


@FALC
@pytest.mark.parametrize("text", ["passer", "on passe", "je saute", "jveu passer cette partie"])
def test_a_part_without_a_skip_button_says_so_and_keeps_its_choices(falc: bool,
                                                                    text: str) -> None:
    """« La première rencontre » (partie 3 sur 7) has no « Passer… » button; its one way on,
    « Quelles sont les réponses ? », stays in the part and is no « Continuer »: it is named
    (tried on a phone: « choisissez une des réponses proposées » named none)."""
    record = coordinator_at("initier:rencontre", falc)
    before = ENGINE.shown_choices(record)
    step = typed(record, text)
    assert (step.record.flow, step.record.node) == ("initier", "rencontre")
    said = texts(step)
    way = next(c["label"] for c in before if c["id"] == "retours")
    assert said == [ENGINE.notice("partie-sans-passer-suite", falc, {"a": way})], said
    assert step.choices == before


@FALC
@pytest.mark.parametrize(("place", "persona"), [("accueil:menu", None),
                                                ("accueil:bienvenue", None),
                                                ("familles:debut", "famille")])
def test_passing_where_there_are_no_parts_is_not_said_in_the_stages_words(
        falc: bool, place: str, persona: str | None) -> None:
    """The menu and the parents' journey have no parts: « passer » typed there keeps the
    step's choices and says nothing can be passed here, not « cette partie »."""
    record = record_at(ENGINE, place, falc=falc, **({"persona": persona} if persona else {}))
    before = ENGINE.shown_choices(record)
    step = typed(record, "passer")
    assert (step.record.flow, step.record.node) == tuple(place.split(":"))
    said = texts(step)
    assert said == [ENGINE.notice("partie-sans-passer", falc)], said
    assert "partie" not in said[0] and "Ici" in said[0], said
    assert step.choices == before


@FALC
def test_next_takes_the_one_clear_way_on(falc: bool) -> None:
    step = typed(coordinator_at("initier:rencontre", falc), "suivant")
    assert (step.record.flow, step.record.node) == ("initier", "retours")
    step = typed(step.record, "suivant")
    assert (step.record.flow, step.record.node) == ("initier", "ambassadeurs")


@FALC
def test_next_with_several_ways_on_says_so_and_stays(falc: bool) -> None:
    record = coordinator_at("initier:duree-reponse", falc)  # three answers to choose from
    step = typed(record, "suivant")
    assert (step.record.flow, step.record.node) == ("initier", "duree-reponse")
    assert texts(step) == [ENGINE.notice("suivant-choisir", falc)]


@FALC
@pytest.mark.parametrize("text", ["la suite", "la suite svp", "continuons"])
def test_go_on_words_where_no_continue_button_takes_them_say_to_choose(falc: bool,
                                                                      text: str) -> None:
    """Seen: « la suite » typed at the menu asked « Vous voulez parler du parcours du
    coordinateur ? » (its phrase « la suite de mon parcours »): every way of saying « go on »
    is « suivant » where no « Continuer » button takes it."""
    record = record_at(ENGINE, "accueil:menu", falc=falc)
    before = ENGINE.shown_choices(record)
    step = typed(record, text)
    assert (step.record.flow, step.record.node) == ("accueil", "menu")
    assert texts(step) == [ENGINE.notice("suivant-choisir", falc)]
    assert step.choices == before
    step = typed(coordinator_at("initier:rencontre", falc), text)
    assert (step.record.flow, step.record.node) == ("initier", "retours")


@FALC
def test_next_prefers_the_way_on_to_a_skip_button(falc: bool) -> None:
    step = typed(coordinator_at("initier:ambassadeurs", falc), "suivant")
    assert (step.record.flow, step.record.node) == ("initier", "carte-duree")
    assert not step.record.skipped


@FALC
@pytest.mark.parametrize(("end", "stage"), [("initier:fin", "modeliser"),
                                            ("animer:fin", "perenniser")])
def test_next_at_a_stage_end_is_the_next_stage(falc: bool, end: str, stage: str) -> None:
    step = typed(coordinator_at(end, falc), "suivant")
    assert (step.record.flow, step.record.node) == (stage, "debut")
    assert ENGINE.notice("partie-passee", falc) not in texts(step)


@FALC
def test_skip_at_the_last_step_of_a_part_goes_on_to_the_next(falc: bool) -> None:
    step = typed(coordinator_at("initier:retours", falc), "passer")
    assert (step.record.flow, step.record.node) == ("initier", "ambassadeurs")


# -- 3. « Où en suis-je ? » as a button at the end -------------------------------------------
@FALC
def test_the_end_offers_where_am_i_as_a_button(falc: bool) -> None:
    end = _to_the_end(ENGINE.start(flow="perenniser", falc=falc), [])
    said = " ".join(texts(end))
    assert "écrivez" not in said, said
    button = next(c for c in end.choices if c["id"] == "parties-restantes")
    assert button["label"] == ("Où j’en suis ?" if falc else "Où en suis-je ?")
    step = play(end, "parties-restantes")
    assert (step.record.flow, step.record.node) == ("perenniser", "fin")
    report = texts(step)
    assert len(report) == 1 and "Étape 1" in report[0], report
    assert choice_ids(step) == choice_ids(end)


def test_every_stage_seen_has_no_where_am_i_button() -> None:
    step = ENGINE.start(flow="perenniser")
    for stage in ENGINE.progress.stages:
        if stage.flow != "perenniser":
            step.record.seen[stage.flow] = (1 << len(stage.parts)) - 1
    end = _to_the_end(step, [])
    assert "parties-restantes" not in choice_ids(end)


# -- 4. the part count of stage 3's short path -----------------------------------------------
@FALC
def test_passing_the_techniques_on_the_short_path_keeps_the_part_count(falc: bool) -> None:
    """The tester's way: « L’essentiel », « Continuer » wherever offered, then at the
    techniques the short path's « Passer… » button: « partie 5 sur 8 » stayed « sur 8 »."""
    step = ENGINE.start(flow="animer", falc=falc)
    counts = set()
    seen = []
    for _turn in range(60):
        if step.progress is not None:
            counts.add(step.progress["parts"])
        if step.record.node == "planning":
            break
        ids = choice_ids(step)
        seen.append(step.record.node)
        if step.record.node == "techniques":  # « Passer au jeu » was the only way round
            pick = next(c["id"] for c in step.choices if c["label"].startswith("Passer"))
        else:
            pick = next((i for i in ("essentiel", "continuer", "suite") if i in ids), ids[0])
        step = play(step, pick)
    assert "techniques" in seen, seen
    assert counts == {8}, counts
    assert step.record.node == "planning", seen


# -- 5. one word for one thing: « Voir les outils » opens the tool bank ----------------------
def test_the_canvas_way_on_is_no_look_alike_of_the_tool_bank() -> None:
    labels = {c.id: c.label_falc for c in ENGINE.content.node(("modeliser", "canevas")).choices}
    assert labels["suite"] == "Continuer"
    assert not labels["suite"].startswith("Voir")


# -- 6. coming with one's child --------------------------------------------------------------
@FALC
@pytest.mark.parametrize("text", ["on a un fils poly handicapé on peut venir ?",
                                  "je peux venir avec mon fils ?"])
def test_coming_with_ones_child_is_answered(falc: bool, text: str) -> None:
    record = record_at(ENGINE, "familles:debut", falc=falc, persona="parent")
    step = typed(record, text)
    assert (step.record.flow, step.record.node) == ("familles", "venir-avec")
