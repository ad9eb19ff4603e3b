"""Typed text: French normalisation, each decision through the engine, the accuracy gate on
dialogues/exemples/reglage.yaml, and the promise that typed text never reaches the logs."""

from __future__ import annotations

import itertools
import logging
import re
from pathlib import Path

import pytest

from bench.nlu_bench import (
    BLIND,
    DEV3,
    DEV4,
    DEV5,
    DEV6,
    DEV_SETS,
    UTTERANCES,
    Utterance,
    evaluate,
    load_utterances,
    unknown_places,
)
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput
from coach.engine.nlu.french import normal, ordinal, stem, words
from coach.engine.record import Record
from tests.conftest import CONTACT
from tests.places import record_at

ENGINE = Engine(load_content(), CONTACT)  # built once: the index is built with it
CONTENT = ENGINE.content


def at(place: str, falc: bool = False, **variables: object) -> Record:
    return record_at(ENGINE, place, falc, **variables)


def typed(record: Record, text: str) -> Step:
    return ENGINE.play(record, TextInput(text))


def where(step: Step) -> str:
    return f"{step.record.flow}:{step.record.node}"


def bot_refs(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


def choice_ids(step: Step) -> list[str]:
    return [c["id"] for c in step.choices]


# -- normalisation --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("C koi le FALC ??", "c est quoi le falc"),
    ("c'est quoi", "c est quoi"),
    ("jai pas le temps", "j ai pas le temps"),
    ("J’ai pas le temps", "j ai pas le temps"),
    ("pb avec la charte", "probleme avec la charte"),
    ("aide moi stp", "aide moi s il te plait"),
    ("svp", "s il vous plait"),
    ("tjs pas compris", "toujours pas compris"),
    ("jsp", "je sais pas"),
    ("g bcp de mal", "j ai beaucoup de mal"),
    ("L'école, l'été, qu'elle", "l ecole l ete qu elle"),
    ("Pérenniser ÉTAPE 4", "perenniser etape 4"),
    ("c'était bien", "c etait bien"),
    ("la 2eme", "la deuxieme"),
])
def test_normalisation(text: str, expected: str) -> None:
    assert normal(text) == expected


def test_stems_bring_word_forms_together() -> None:
    assert stem("commence") == stem("commencer")
    assert stem("confidentialité".replace("é", "e")) == stem("confidentialite")
    assert stem("rejoint") == stem("rejoindre")  # irregular verb


@pytest.mark.parametrize(("text", "count", "position"), [
    ("2", 3, 1), ("la deuxième", 3, 1), ("le premier", 3, 0), ("le dernier", 4, 3),
    ("choix 3", 3, 2), ("la 2eme", 2, 1), ("étape 2", 3, None), ("5", 3, None),
])
def test_positions_in_the_list(text: str, count: int, position: int | None) -> None:
    assert ordinal(words(text), count) == position


def test_typos_are_repaired_to_content_words_but_real_words_are_kept() -> None:
    lexicon = ENGINE.understanding.lexicon
    assert lexicon.query("confidencialité").norm == "confidentialite"
    assert lexicon.query("retroplaning").norm == "retroplanning"
    assert lexicon.query("commander").norm == "commander"  # a French word, not a typo


# -- go -------------------------------------------------------------------------------------------
def test_sure_intent_goes_there_and_back_returns() -> None:
    step = typed(at("accueil:menu"), "jai pas le temps")
    assert where(step) == "familles:formats"
    assert step.messages[0].text == "jai pas le temps"  # the transcript keeps what was typed
    back = typed(step.record, "retour")
    assert where(back) == "accueil:menu"


def test_persona_intent_sets_the_persona() -> None:
    step = typed(at("decouvrir:pourquoi"), "mon fils est autiste")
    assert where(step) == "familles:debut"
    assert step.record.vars["persona"] == "famille"


@pytest.mark.parametrize(("place", "text", "target"), [
    ("decouvrir:question", "la deuxième", "decouvrir:laboratoire"),
    ("decouvrir:question", "jsp", "decouvrir:laboratoire"),
    ("initier:carte-duree", "tourne la carte", "initier:duree-reponse"),
    ("animer:posture-quiz", "en coulise", "animer:posture-ok"),
    ("familles:debut", "3", "familles:confidentialite"),
])
def test_current_choices_first(place: str, text: str, target: str) -> None:
    assert where(typed(at(place), text)) == target


def test_falc_wording_of_a_label_is_understood() -> None:
    step = typed(at("accueil:menu", falc=True), "J'ai un handicap")
    assert where(step) == "familles:personne-concernee"
    assert step.record.vars["persona"] == "personne"


# -- ask ------------------------------------------------------------------------------------------
def test_two_plausible_places_are_asked_then_the_chosen_one_is_reached() -> None:
    start = at("accueil:menu")
    step = typed(start, "le témoignage de patricia")
    assert bot_refs(step) == ["coach/sens-question"]
    assert choice_ids(step) == ["sens-1", "sens-2", "sens-autre"]
    labels = [c["label"] for c in step.choices]
    assert labels[-1] == "Autre chose" and all(labels)
    assert {c["id"] for c in step.commands} >= {"menu", "humain"}  # commands still there
    assert len(step.record.pending) == 2
    chosen = step.record.pending[1]
    step = ENGINE.play(step.record, ChoiceInput("sens-2"))
    assert where(step) == chosen
    assert step.messages[0].text == labels[1]  # what the person chose, as a user message
    assert step.record.pending == []
    back = typed(step.record, "retour")
    assert where(back) == "accueil:menu"


def test_ask_step_understands_typed_answers_and_falc_labels() -> None:
    step = typed(at("accueil:menu", falc=True), "le témoignage de patricia")
    falc_labels = [c["label"] for c in step.choices]
    standard = ENGINE.step(ENGINE.set_falc(step.record, False), 0)
    assert falc_labels != [c["label"] for c in standard.choices]  # FALC wording of places
    chosen = step.record.pending[0]
    assert where(typed(step.record, "le premier")) == chosen
    assert where(typed(step.record, falc_labels[0])) == chosen


@pytest.mark.parametrize("text", ["oui", "ouais", "Oui c’est ça", "c ça", "oui merci",
                                  "exactement", "oui svp", "d’accord"])
def test_a_yes_typed_to_a_single_place_goes_there(text: str) -> None:
    """« Vous voulez parler de ce sujet : « Les tensions » ? » with one place and « Autre
    chose »: Patricia typed « oui » and got « je n’ai pas compris », the question gone."""
    asked = at("familles:debut", persona="famille")
    asked.pending = ["difficultes:tensions"]
    step = typed(asked, text)
    assert where(step) == "difficultes:tensions", bot_refs(step)
    assert step.record.pending == []


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_a_single_place_named_as_a_question_is_asked_with_one_question_mark(
        falc: bool) -> None:
    """« Vous voulez parler de ce sujet : « Est-ce confidentiel ? » ? »: two question marks,
    read twice by a screen reader, for Patricia typing « jugée » (one word: the rules ask;
    « est ce que les pros vont juger » now goes, the examples' model agreeing)."""
    step = typed(at("accueil:menu", falc), "jugée")
    assert step.record.pending == ["familles:confidentialite"], bot_refs(step)
    said, label = step.messages[-1].text, step.choices[0]["label"]
    assert label.endswith("?") and label in said, (label, said)
    assert said.count("?") == 2, said  # the coach's question, and the place's name
    assert not re.search(r"\?\s*»\s*\?", said), said


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_other_thing_says_the_question_may_be_written_again(falc: bool) -> None:
    """After « Autre chose », the person who typed learns that typing it otherwise is a way
    on, not only the step's answers, the menu or a person."""
    asked = at("familles:debut", falc, persona="famille")
    asked.pending = ["difficultes:tensions"]
    step = ENGINE.play(asked, ChoiceInput("sens-autre"))
    assert bot_refs(step) == ["coach/autre-chose"]
    assert "autrement" in step.messages[-1].text, step.messages[-1].text


@pytest.mark.parametrize(("text", "falc", "said"), [
    ("oui", False, "coach/facile-non"), ("ouais", False, "coach/facile-non"),
    ("c’est ça", False, "coach/facile-non"), ("non", True, "coach/facile-garde"),
    ("non merci", True, "coach/facile-garde")])
def test_yes_or_no_typed_to_back_to_standard_french(text: str, falc: bool, said: str) -> None:
    """« Voulez-vous revenir au texte standard ? » answered by typing: « oui » said « je n’ai
    pas compris » (and for a moment « quel sujet ? »), « non » « d’accord, vous pouvez… »."""
    asked = ENGINE.play(at("familles:debut", True, persona="famille"), ChoiceInput("facile"))
    assert bot_refs(asked) == ["coach/facile-question"]
    step = typed(asked.record, text)
    assert step.record.falc is falc and said in bot_refs(step), bot_refs(step)
    assert step.record.pending == []


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_a_yes_to_several_places_asks_which_and_keeps_them(falc: bool) -> None:
    """Alexandra typed « oui » to three places: « je n’ai pas compris, choisissez une des
    réponses proposées », and the places were gone from the buttons."""
    asked = at("familles:debut", falc, persona="famille")
    asked.pending = ["difficultes:tensions", "familles:formats"]
    step = typed(asked, "oui")
    assert where(step) == "familles:debut"
    assert bot_refs(step) == ["coach/sens-lequel"]
    assert step.record.pending == ["difficultes:tensions", "familles:formats"]
    assert choice_ids(step) == ["sens-1", "sens-2", "sens-autre"]
    assert where(typed(step.record, "le deuxième")) == "familles:formats"


def test_other_thing_leads_to_menu_and_person() -> None:
    step = typed(at("accueil:menu"), "le témoignage de patricia")
    step = ENGINE.play(step.record, ChoiceInput("sens-autre"))
    assert bot_refs(step) == ["coach/autre-chose"]
    assert where(step) == "accueil:menu"
    assert choice_ids(step)[-2:] == ["menu", "humain"]
    step = ENGINE.play(step.record, ChoiceInput("humain"))
    assert "Camille" in step.messages[-1].text


@pytest.mark.parametrize("place", ["familles:debut", "accueil:menu"])
@pytest.mark.parametrize("text", ["mon fils est autiste", "ma fille est autiste on est perdu",
                                  "notre fils est polyhandicapé"])
def test_a_child_s_condition_is_not_the_writer_s_own(place: str, text: str) -> None:
    """Patricia, in the families' journey (a partner's widget starts there), types « mon fils
    est autiste »: the coach offered « Je vis moi-même avec un handicap » (« J’ai un
    handicap » in easy-to-read)."""
    step = typed(at(place), text)
    offered = [where(step), *step.record.pending]  # a place, or the choice leading there
    assert not {"familles:personne-concernee", "choix:je-vis-le-handicap"} & set(offered), (
        offered)


@pytest.mark.parametrize("text", ["je suis autiste", "jai un handicap moteur"])
def test_the_writer_s_own_condition_still_says_who_one_is(text: str) -> None:
    assert where(typed(at("accueil:menu"), text)) == "familles:personne-concernee"


# -- miss -----------------------------------------------------------------------------------------
def test_miss_escalates_never_repeats_and_offers_a_person() -> None:
    record = at("familles:roles")
    refs = []
    for _ in range(6):
        step = typed(record, "zxqw vbnm")
        record = step.record
        refs += bot_refs(step)
        assert step.choices
    assert refs[:3] == ["coach/pas-compris", "coach/pas-compris-choix",
                        "coach/pas-compris-personne"]
    assert all(a != b for a, b in itertools.pairwise(refs))
    assert choice_ids(step)[-2:] == ["menu", "humain"]
    assert where(step) == "familles:roles"


def test_third_miss_asks_a_or_b_with_the_two_best_guesses() -> None:
    record = at("accueil:menu")
    for _ in range(2):
        record = typed(record, "zxqw vbnm").record
    decision = ENGINE.understand(record, "la feuille pour les familles")
    assert decision.kind == "miss" and len(decision.candidates) >= 2
    step = typed(record, "la feuille pour les familles")
    assert bot_refs(step) == ["coach/vous-voulez-dire"]
    assert choice_ids(step) == ["sens-1", "sens-2", "sens-autre"]
    first, second = (c["label"] for c in step.choices[:2])
    assert f"« {first} »" in step.messages[-1].text and f"« {second} »" in step.messages[-1].text


def test_miss_in_falc_is_said_in_falc() -> None:
    step = typed(at("accueil:menu", falc=True), "zxqw vbnm")
    assert step.messages[-1].text == CONTENT.system["pas-compris"].falc


@pytest.mark.parametrize("text", ["je suis nul en ordi c grave ?",
                                  "je suis nul avec les ordinateurs et les tablettes, c'est un"
                                  " problème ?"])
def test_someone_who_says_they_are_bad_with_computers_is_answered_not_calmed(text: str) -> None:
    """A parent who writes « je suis nul en ordi » says something of themself, no insult:
    the families' answer about being at ease with digital tools, not « restons calmes »."""
    step = typed(at("accueil:menu"), text)
    assert where(step) == "familles:numerique", bot_refs(step)
    assert "coach/calme" not in bot_refs(step)


@pytest.mark.parametrize("text", ["t'es nul", "ta gueule", "c'est de la merde votre truc",
                                  "vous êtes nuls", "franchement c'est trop nul"])
def test_hostile_text_gets_a_calm_answer_that_echoes_nothing(text: str) -> None:
    step = typed(at("accueil:menu"), text)
    assert bot_refs(step) == ["coach/calme"]
    assert choice_ids(step)[-2:] == ["menu", "humain"]
    said = " ".join(m.text for m in step.messages if m.role == "bot").lower()
    assert not any(word in said for word in ("nul", "gueule", "merde"))


# -- glossary and commands ------------------------------------------------------------------------
def test_glossary_question_gets_its_explanation_then_the_choices_again() -> None:
    record = at("familles:roles")
    before = ENGINE.step(record, 0).choices
    step = typed(record, "c koi le falc")
    assert bot_refs(step) == ["glossaire/FALC", "coach/glossaire-suite"]
    assert step.messages[1].text == CONTENT.glossary[1].text
    assert where(step) == "familles:roles" and step.choices == before
    falc = ENGINE.conversation(ENGINE.set_falc(step.record, True))
    assert falc.messages[-2].text == CONTENT.glossary[1].falc


@pytest.mark.parametrize("falc", [False, True])
def test_commands_from_free_text_in_both_variants(falc: bool) -> None:
    record = at("modeliser:roles", falc=falc)
    assert where(typed(record, "retour au menu")) == "coordinateur:parcours"  # its journey
    step = typed(record, "je veux parler à quelqu'un")
    assert step.messages[-1].ref == "coach/humain"
    system = CONTENT.system["humain"]
    assert step.messages[-1].text.startswith((system.falc if falc else system.text)[:20])
    step = typed(record, "facile à lire")
    if falc:  # already in easy-to-read: asked first, never switched off silently
        assert step.record.falc and step.messages[-1].ref == "coach/facile-question"
    else:
        assert step.record.falc


# -- the record -----------------------------------------------------------------------------------
def test_records_stay_small_and_old_records_load() -> None:
    step = ENGINE.start()
    for text in ["le témoignage de patricia", "2", "zxqw", "c koi le falc", "menu"] * 4:
        step = ENGINE.play(step.record, TextInput(text))
    data = step.record.to_bytes()
    assert len(data) < 4096
    assert Record.from_bytes(data) == step.record
    old = Record.from_bytes(b'{"id": "a", "flow": "accueil", "node": "menu", "origin": "accueil",'
                            b' "content_version": "x"}')
    assert old.pending == []


# -- accuracy and speed ---------------------------------------------------------------------------
def test_accuracy_gate_on_the_utterances_file() -> None:
    utterances = load_utterances()
    assert len(utterances) >= 200
    assert sum(u.at != "accueil:menu" for u in utterances) >= 30
    report = evaluate(ENGINE, utterances)
    confusions = "\n".join(f"{u.text} → {u.expect}: {kind} {found}"
                           for u, kind, found in report.confusions)
    assert report.rate(report.top1) >= 0.95, confusions
    assert report.rate(report.top3) >= 0.97, confusions
    assert report.go_right >= 0.95 * report.kinds["go"], confusions  # a « go » is rarely wrong


@pytest.mark.parametrize("path", [UTTERANCES, *DEV_SETS.values()], ids=["tuned", *DEV_SETS])
def test_every_place_a_visible_utterance_file_names_exists(path: Path) -> None:
    """An `at` or an `expect` that does not exist would only count as a miss: refuse it."""
    assert unknown_places(CONTENT, load_utterances(path)) == []


def test_a_place_that_does_not_exist_is_reported() -> None:
    wrong = [Utterance("a", "familles:nulle-part"), Utterance("b", "glossaire:FALC+ZORG"),
             Utterance("c", "commande:voler"), Utterance("d", "reponse:rien"),
             Utterance("e", "aucun", at="animer:nulle-part"), Utterance("f", "familles")]
    right = [Utterance("g", "glossaire:FALC+RGPD"), Utterance("h", "commande:simplifier"),
             Utterance("i", "reponse:gratuit"), Utterance("j", "aucun", at="familles:formats")]
    assert len(unknown_places(CONTENT, wrong + right)) == len(wrong)


@pytest.mark.parametrize(("path", "size", "earlier"),
                         [(DEV3, 160, []), (DEV4, 150, [DEV3]), (DEV5, 160, [DEV3, DEV4]),
                          (DEV6, 200, [DEV3, DEV4, DEV5])],
                         ids=["dev3", "dev4", "dev5", "dev6"])
def test_the_development_set_is_new_and_spread_over_the_personas(
        path: Path, size: int, earlier: list[Path]) -> None:
    """dev3 and dev4 (written on 2026-12-02 before that day's tuning) and dev5 (written that
    afternoon, before the afternoon's tuning) are visible: they are measured by the bench,
    with their confusions, to watch generalisation while the matcher is tuned. Each is new:
    no text of the tuned set or of an earlier development set."""
    utterances = load_utterances(path)
    assert len(utterances) >= size
    groups = {u.group for u in utterances}
    assert groups == {"famille", "personne", "coordinateur", "professionnel", "partenaire",
                      "hors-sujet"}
    assert sum(u.at != "accueil:menu" for u in utterances) >= 20
    texts = [u.text.casefold() for u in utterances]
    assert len(set(texts)) == len(texts)
    for other in [UTTERANCES, *earlier]:
        assert not set(texts) & {u.text.casefold() for u in load_utterances(other)}


@pytest.mark.parametrize(("path", "floor"), [(DEV6, 0.47)], ids=["dev6"])
def test_a_development_set_does_not_fall_back(path: Path, floor: float) -> None:
    """dev6's first figure, taken once before any tuning against it (2026-12-03, main at
    5aba25d): 51.0 % top-1 (107/210), 63.3 % top-3. This floor, a few points under it, only
    catches a regression; it is not a target."""
    report = evaluate(ENGINE, load_utterances(path))
    assert report.rate(report.top1) >= floor


def test_blind_set_is_measured_apart_and_does_not_fall_back() -> None:
    """The blind set (written before tuning, never tuned against) is only measured. Its
    target is 85 % top-1; it is not reached yet (about 70 %): this floor only catches a
    regression, it is not the target."""
    utterances = load_utterances(BLIND)
    assert len(utterances) >= 150
    assert {u.persona for u in utterances} == {"famille", "personne", "coordinateur",
                                               "professionnel", "partenaire"}
    tuned = {u.text.casefold() for u in load_utterances()}
    # Only the issue's own examples (and two one-word classics) are in both sets.
    overlap = len(tuned & {u.text.casefold() for u in utterances})  # counted, never shown
    assert overlap <= 10
    report = evaluate(ENGINE, utterances)
    assert report.rate(report.top1) >= 0.68
    assert report.go_right >= 0.85 * report.kinds["go"]


# -- privacy --------------------------------------------------------------------------------------
def test_typed_text_never_reaches_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    marker = "Zorglub-7731 ma fille Capucine"
    caplog.set_level(logging.DEBUG)
    step = ENGINE.start()
    for text in [marker, f"{marker} jai pas le temps", f"c koi le falc {marker}", "retour",
                 f"t'es nul {marker}", marker]:
        step = ENGINE.play(step.record, TextInput(text))
    for record in caplog.records:
        assert "Zorglub" not in record.getMessage()
        assert "Zorglub" not in str(record.args)
    # Kept only where the transcript needs it: no counter, no pending place, no variable.
    stored = step.record
    assert all("Zorglub" not in str(entry) for entry in stored.transcript if entry[0] != "text")
    assert "Zorglub" not in str([stored.pending, stored.vars, stored.history])


def test_the_stemmer_keeps_no_typed_word_in_memory() -> None:
    """PyStemmer caches 10,000 stemmed words by default: typed words would outlive the turn."""
    import threading

    from coach.engine.nlu import french

    seen: list[int] = []

    def stem_in_a_fresh_thread() -> None:
        french.stem("mdphcantalaise")
        seen.append(french._local.stemmer.maxCacheSize)

    worker = threading.Thread(target=stem_in_a_fresh_thread)
    worker.start()
    worker.join()
    assert seen == [0]
