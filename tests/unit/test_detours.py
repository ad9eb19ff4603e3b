"""Detours (`call:` / `return: true`), typed answers (`ask:`) and stage progress, on a fixture
staged flow (`tests/fixtures/detours/`) beside the small fixture content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.content.loader import load_content
from coach.engine.engine import (
    MAX_CALL_DEPTH,
    SAID_AGAIN,
    ChoiceInput,
    Engine,
    TextInput,
)
from coach.engine.record import Record
from coach.engine.typed_answers import looks_like_question
from tests.conftest import CONTACT, FIXTURE_DIALOGUES
from tests.places import record_at

DETOURS = Path(__file__).parents[1] / "fixtures" / "detours"


def detour_directory(target: Path) -> Path:
    for source in (FIXTURE_DIALOGUES, DETOURS):
        for path in source.glob("*.yaml"):
            shutil.copy(path, target / path.name)
    return target


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> Engine:
    directory = detour_directory(tmp_path_factory.mktemp("detours"))
    return Engine(load_content(directory), CONTACT)


def ids(step) -> list[str]:
    return [c["id"] for c in step.choices]


def press(engine: Engine, step, *choices: str):
    for choice in choices:
        assert choice in ids(step) + [c["id"] for c in step.commands], (choice, ids(step))
        step = engine.play(step.record, ChoiceInput(choice))
    return step


def typed(engine: Engine, step, text: str):
    return engine.play(step.record, TextInput(text))


def test_a_call_comes_back_to_the_calling_node_with_its_variables(staged):
    step = press(staged, staged.start("etape"), "complet")
    assert step.record.vars["chemin"] == "complet"
    step = press(staged, step, "boite")
    assert (step.record.flow, step.record.node) == ("boite", "entree")
    assert step.record.calls == [["etape", "exercice", "boite"]]
    # Inside the detour: the way back is offered, « Terminer » is not.
    assert "revenir" in ids(step) and "terminer" not in ids(step)
    step = press(staged, step, "outil", "revenir")
    assert (step.record.flow, step.record.node) == ("etape", "exercice")
    assert step.record.calls == []
    assert step.record.vars["chemin"] == "complet"
    assert [m.ref for m in step.messages if m.role == "bot"] == [
        "coach/retour-appel", "etape/exercice/0"]
    assert ids(step) == ["suite", "boite"]


def test_return_is_hidden_and_finish_offered_outside_a_detour(staged):
    step = press(staged, staged.start("boite"))
    assert ids(step) == ["outil", "terminer"]


def test_back_command_inside_a_detour_and_out_of_it(staged):
    step = press(staged, staged.start("etape"), "complet", "boite", "outil")
    step = press(staged, step, "retour")
    assert (step.record.node, step.record.calls) == ("entree", [["etape", "exercice", "boite"]])
    step = press(staged, step, "retour")  # back before the call: the detour is undone
    assert (step.record.flow, step.record.node, step.record.calls) == ("etape", "exercice", [])
    step = press(staged, step, "retour")
    assert step.record.node == "debut"


def test_menu_leaves_the_detour_and_back_restores_it(staged):
    step = press(staged, staged.start("etape"), "complet", "boite", "menu")
    assert step.record.calls == []
    assert (step.record.flow, step.record.node) == ("demo", "menu")
    step = press(staged, step, "retour")
    assert step.record.calls == [["etape", "exercice", "boite"]]
    step = press(staged, step, "revenir")
    assert (step.record.flow, step.record.node) == ("etape", "exercice")


def test_leaving_the_called_flow_ends_the_detour(staged):
    step = press(staged, staged.start("etape"), "complet", "boite", "outil", "sortir")
    assert (step.record.flow, step.record.calls) == ("demo", [])


def test_typed_return_phrase_comes_back(staged):
    step = press(staged, staged.start("etape"), "complet", "boite")
    step = typed(staged, step, "revenir où j’en étais")
    assert (step.record.flow, step.record.node) == ("etape", "exercice")


def test_detours_nest_and_stay_bounded(staged):
    record = press(staged, staged.start("etape"), "complet").record
    for _ in range(MAX_CALL_DEPTH + 3):  # built by hand: lint keeps real content shallower
        record.calls.append(["etape", "exercice", "etape"])
    step = press(staged, staged.step(record, len(record.transcript)), "boite")
    assert len(step.record.calls) <= MAX_CALL_DEPTH + 1
    assert step.record.calls[-1] == ["etape", "exercice", "boite"]


def test_a_content_update_moves_the_frames_along(staged, tmp_path):
    step = press(staged, staged.start("etape"), "complet", "boite")
    directory = detour_directory(tmp_path)
    flow = directory / "etape.yaml"
    flow.write_text(flow.read_text().replace("  - id: exercice\n",
                                             "  - id: exercice-2\n    aliases: [exercice]\n")
                    .replace("target: exercice\n", "target: exercice-2\n")
                    .replace("from: exercice,", "from: exercice-2,"))
    updated = Engine(load_content(directory), CONTACT)
    step = updated.play(step.record, ChoiceInput("outil"))
    assert step.record.calls == [["etape", "exercice-2", "boite"]]
    step = updated.play(step.record, ChoiceInput("revenir"))
    assert (step.record.flow, step.record.node) == ("etape", "exercice-2")


def test_a_removed_caller_returns_to_its_flows_safe_place(staged, tmp_path):
    step = press(staged, staged.start("etape"), "complet", "boite")
    directory = detour_directory(tmp_path)
    flow = directory / "etape.yaml"
    text = flow.read_text()
    # The exercise node disappears (no alias): its part starts at « objectif » now.
    start = text.index("  - id: exercice\n")
    end = text.index("  - id: objectif\n")
    flow.write_text((text[:start] + text[end:]).replace("target: exercice\n", "target: objectif\n")
                    .replace("    - {id: exercice, from: exercice, title: L’exercice,"
                             " title_falc: L’exercice, exercise: true}\n", ""))
    updated = Engine(load_content(directory), CONTACT)
    step = updated.play(step.record, ChoiceInput("revenir"))
    assert (step.record.flow, step.record.node) == ("etape", "debut")
    assert step.record.calls == []


def test_a_short_record_stays_small_and_loads_back(staged):
    step = press(staged, staged.start("etape"), "complet", "boite")
    data = step.record.to_bytes()
    assert b'"calls":[["etape","exercice","boite"]]' in data
    again = Record.from_bytes(data)
    assert again.calls == step.record.calls and again.seen == step.record.seen
    plain = staged.start("demo").record.to_bytes()
    assert b"calls" not in plain and b"answers" not in plain and b"proposal" not in plain


# -- progress ---------------------------------------------------------------------------

def test_progress_counts_parts_of_the_path_and_stays_during_a_detour(staged):
    step = staged.start("etape")
    # where the path is chosen, the short path's parts: the full path only adds to them
    assert step.progress == {"label": "Étape 1 sur 1 · partie 1 sur 2", "stage": 1,
                             "stages": 1, "part": 1, "parts": 2}
    step = press(staged, step, "complet")
    assert step.progress["part"] == 2
    step = press(staged, step, "boite")
    assert step.record.flow == "boite"
    assert step.progress["label"] == "Étape 1 sur 1 · partie 2 sur 3"
    short = press(staged, staged.start("etape"), "court")
    assert short.progress["label"] == "Étape 1 sur 1 · partie 2 sur 2"
    assert staged.start("demo").progress is None


def test_where_am_i_lists_parts_seen_and_left(staged):
    step = press(staged, staged.start("etape"), "complet", "boite")
    record = step.record.copy()
    record.transcript.append(staged.where.entry(record))
    said = staged.renderer.transcript(record, len(record.transcript) - 1)[0].text
    assert said.splitlines() == [
        "Vous êtes dans « Étape 1 : Essayer » (étape 1 sur 1), partie 2 sur 3 : L’exercice.",
        "Déjà vu dans cette étape : L’accueil.",
        "Reste à voir dans cette étape : Votre objectif."]
    falc = staged.renderer.transcript(record, len(record.transcript) - 1)[0]
    record.falc = True
    falc = staged.renderer.transcript(record, len(record.transcript) - 1)[0].text
    assert "Il reste : Votre but." in falc
    outside = staged.start("demo").record
    outside.transcript.append(staged.where.entry(outside))
    assert "pas dans le parcours" in staged.renderer.transcript(
        outside, len(outside.transcript) - 1)[0].text


# -- typed answers ----------------------------------------------------------------------

HOSTILE = "<script>alert('x')</script> & =cmd|' /C calc'!A0 « ]]> \"q\""


def test_a_typed_answer_is_shown_back_kept_and_shown_in_a_message(staged):
    step = press(staged, staged.start("etape"), "court")
    step = typed(staged, step, "Rompre l’isolement des familles du Cantal")
    assert step.record.node == "objectif"
    assert step.record.proposal == ["objectif", "Rompre l’isolement des familles du Cantal"]
    assert ids(step) == ["saisie-garder", "saisie-reecrire", "saisie-question"]
    assert step.messages[-1].ref == "coach/saisie-confirmer"  # an answer, not a question
    assert "« Rompre l’isolement des familles du Cantal »" in step.messages[-1].text
    step = press(staged, step, "saisie-garder")
    assert step.record.answers == {"objectif": "Rompre l’isolement des familles du Cantal"}
    assert step.record.vars["objectif"] == "libre"
    assert step.record.node == "fin"
    texts = [m.text for m in step.messages]
    assert "Oui, je garde ma réponse" in texts
    assert "Votre objectif : Rompre l’isolement des familles du Cantal" in texts


def test_commands_and_plain_choices_are_still_understood_at_a_question(staged):
    step = press(staged, staged.start("etape"), "court")
    assert typed(staged, step, "menu").record.node == "menu"
    assert typed(staged, step, "Partager des pratiques").record.vars["objectif"] == "partager"
    assert typed(staged, step, "1").record.node == "fin"
    helped = typed(staged, step, "aide")
    # In a stage, help says where one is too (« Où en suis-je ? »), after how to use it.
    assert [m.ref for m in helped.messages][-2:] == ["coach/aide", "coach/ou-en-suis-je"]
    assert not helped.record.proposal
    back = typed(staged, step, "retour")
    assert back.record.node == "debut"


def test_rewrite_then_yes_typed(staged):
    step = press(staged, staged.start("etape"), "court")
    step = typed(staged, step, "Un premier objectif")
    step = typed(staged, step, "non")
    assert step.record.proposal == [] and step.record.node == "objectif"
    assert step.messages[-1].ref == "coach/saisie-reecrire-invite"
    step = typed(staged, step, "Un second objectif")
    step = typed(staged, step, "oui")
    assert step.record.answers["objectif"] == "Un second objectif"


@pytest.mark.parametrize("no", ["non autre chose", "non c'est pas ça", "nan", "non pas du tout"])
def test_no_said_otherwise_to_the_answer_shown_invites_to_write_again(staged, no):
    """« non autre chose » was kept as a new answer and shown back again."""
    step = press(staged, staged.start("etape"), "court")
    step = typed(staged, step, "Un premier objectif")
    step = typed(staged, step, no)
    assert step.record.proposal == [] and step.messages[-1].ref == "coach/saisie-reecrire-invite"
    assert "objectif" not in step.record.answers


def test_edit_from_the_summary_is_a_detour_that_comes_back(staged):
    step = press(staged, staged.start("etape"), "court")
    step = press(staged, typed(staged, step, "Créer du lien"), "saisie-garder", "modifier")
    assert step.record.node == "modifier-objectif"
    step = press(staged, typed(staged, step, HOSTILE * 3), "saisie-garder")
    assert (step.record.node, step.record.calls) == ("fin", [])
    assert step.record.answers["objectif"] == " ".join((HOSTILE * 3).split())


def test_typed_answers_go_with_the_record_not_the_snapshots(staged):
    step = press(staged, staged.start("etape"), "court")
    step = press(staged, typed(staged, step, "x" * 1000), "saisie-garder")
    assert all("x" * 1000 not in str(saved) for saved in step.record.history)


@pytest.fixture(scope="module")
def real() -> Engine:
    return Engine(load_content(), CONTACT)


@pytest.mark.parametrize("falc", [False, True])
def test_back_from_the_toolbox_a_short_step_is_said_again_whole(real, falc):
    """Back from the tools at the needs questionnaire, only its last message came back:
    « Question 4 … Question 5 … », half a list, without its start."""
    step = real.play(record_at(real, "initier:formulaire", falc=falc), ChoiceInput("outils"))
    assert step.record.flow == "outils"
    step = press(real, step, "revenir")
    assert (step.record.flow, step.record.node) == ("initier", "formulaire")
    assert [m.ref for m in step.messages if m.role == "bot"] == [
        "coach/retour-appel", "initier/formulaire/0", "initier/formulaire/1",
        "initier/formulaire/2"]


@pytest.mark.parametrize(("falc", "name"), [(False, "Étape 1 : écrire la charte"),
                                             (True, "Étape 1 : la charte")])
def test_back_to_a_long_step_names_it_then_says_its_last_message(real, falc, name):
    """The charter's step has 4 messages: back from its tool, the person was shown
    « Pour écrire votre charte… ou continuez » alone, without knowing which step it ended.
    Now the step is named in the variant in force, then its last message and its choices."""
    node = real.content.node(("initier", "charte"))
    assert len(node.messages) > SAID_AGAIN
    step = real.play(record_at(real, "initier:charte", falc=falc), ChoiceInput("outil-charte"))
    step = press(real, step, "revenir")
    said = [m for m in step.messages if m.role == "bot"]
    assert [m.ref for m in said] == ["coach/retour-appel-lieu", "initier/charte/3"]
    assert f"« {name} »" in said[0].text
    assert said[1].text == (node.messages[3].falc if falc else node.messages[3].text)
    assert ids(step) == [c.id for c in node.choices]
    # switched afterwards, the history names the step in the other variant
    step.record.falc = not falc
    line = next(m for m in real.renderer.transcript(step.record)
                if m.ref == "coach/retour-appel-lieu")
    other = "Étape 1 : écrire la charte" if falc else "Étape 1 : la charte"
    assert f"« {other} »" in line.text and f"« {name} »" not in line.text


def test_back_to_a_long_step_without_a_name_of_its_own_names_its_journey(real):
    """The draft's summary is no place of its own: it is named by its journey."""
    answers = {"participation": "forte", "composition": "petit-mixte",
               "adhesion": "ouverte", "gouvernance": "partagee"}
    record = record_at(real, "initier:brouillon", **answers)
    step = real.play(record, ChoiceInput("outils"))
    step = press(real, step, "revenir")
    node = real.content.node(("initier", "brouillon"))
    said = [m for m in step.messages if m.role == "bot"]
    assert [m.ref for m in said] == [
        "coach/retour-appel-lieu", f"initier/brouillon/{len(node.messages) - 1}"]
    assert "« Étape 1 : Initier »" in said[0].text


def test_back_to_a_long_step_without_the_named_line_says_it_plainly(tmp_path):
    """Content that does not define « retour-appel-lieu » keeps « retour-appel », then the
    last message."""
    directory = detour_directory(tmp_path)
    etape = directory / "etape.yaml"
    text = etape.read_text(encoding="utf-8")
    more = "".join(f"      - text: Un exercice, partie {n}.\n        falc: Partie {n}.\n"
                   for n in range(2, 5))
    marker = "      - text: Un exercice.\n        falc: Un exercice.\n"
    assert marker in text
    etape.write_text(text.replace(marker, marker + more), encoding="utf-8")
    engine = Engine(load_content(directory), CONTACT)
    assert "retour-appel-lieu" not in engine.content.system
    step = press(engine, engine.start("etape"), "complet", "boite", "revenir")
    assert [m.ref for m in step.messages if m.role == "bot"] == [
        "coach/retour-appel", "etape/exercice/3"]


# -- a question typed where the draft asked for an answer -------------------------------

ASK_STEP = ("initier", "objectif-reponse")
BACK_LABEL = {False: "Revenir où j’en étais", True: "Revenir où j’étais"}


def asked(engine: Engine, text: str, falc: bool = False):
    """`text` typed at the objective's step of the coordinator's journey."""
    return engine.play(record_at(engine, ":".join(ASK_STEP), falc=falc), TextInput(text))


def at_the_place_asked(engine: Engine, step):
    """After « C’était une question »: the place the understanding leads to (the first one
    of « Vous voulez parler de… ? » when it asks)."""
    if step.record.pending:
        assert ids(step)[-1] == "sens-autre"
        step = press(engine, step, "sens-1")
    return step


@pytest.mark.parametrize("falc", [False, True])
def test_a_typed_question_is_answered_as_a_detour_back_to_its_step(real, falc):
    """« comment on évalue si ça marche », typed where the objective is asked, was shown
    back as the objective with « Je garde cette réponse ? », and the question was lost."""
    question = "comment on évalue si ça marche"
    step = asked(real, question, falc)
    shown = step.messages[-1]
    assert shown.ref == "coach/saisie-confirmer-question"
    assert shown.text == (f"Vous avez écrit : « {question} ».\nC’est une réponse pour votre "
                          "brouillon ?\nOu c’est une question ?" if falc else
                          f"Vous avez écrit : « {question} ». C’est une réponse pour votre "
                          "brouillon, ou une question ?")
    assert [c["label"] for c in step.choices][-1] == ("C’est une question" if falc
                                                      else "C’était une question")
    step = at_the_place_asked(real, press(real, step, "saisie-question"))
    assert (step.record.flow, step.record.node) != ASK_STEP
    assert step.record.calls == [[*ASK_STEP, step.record.flow]]
    assert step.record.proposal == [] and "objectif" not in step.record.answers
    assert "objectif" not in step.record.vars
    assert step.choices[-1] == {"id": "saisie-revenir", "label": BACK_LABEL[falc]}
    step = press(real, step, "saisie-revenir")
    assert ((step.record.flow, step.record.node), step.record.calls) == (ASK_STEP, [])
    assert [m.ref for m in step.messages][:2] == ["choix/saisie-revenir", "coach/retour-appel"]
    assert step.messages[0].text == BACK_LABEL[falc]
    assert ids(step) == [c.id for c in real.content.node(ASK_STEP).choices]
    assert step.record.answers == {} and "objectif" not in step.record.vars
    # the step still takes the person's answer
    step = press(real, typed(real, step, "Rompre l’isolement des familles"), "saisie-garder")
    assert step.record.answers == {"objectif": "Rompre l’isolement des familles"}



@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("said", ["c'était une question", "c une question",
                                  "non je pose une question", "C’est une question !"])
def test_saying_it_was_a_question_does_what_the_button_does(real, said, falc):
    step = asked(real, "c koi un ambassadeur", falc)
    assert step.record.proposal and step.messages[-1].ref == "coach/saisie-confirmer-question"
    step = at_the_place_asked(real, typed(real, step, said))
    assert step.record.calls == [[*ASK_STEP, step.record.flow]]
    assert step.record.proposal == [] and step.record.answers == {}
    assert step.choices[-1] == {"id": "saisie-revenir", "label": BACK_LABEL[falc]}
    assert all(said not in m.text for m in step.messages if m.role == "bot")


def test_a_place_with_its_own_way_back_offers_it_once(real):
    """The toolbox has « Revenir où j’en étais » (`return: true`): the coach adds none."""
    step = at_the_place_asked(real, press(real, asked(real, "c'est quoi la boîte à outils ?"),
                                          "saisie-question"))
    assert step.record.flow == "outils" and step.record.calls == [[*ASK_STEP, "outils"]]
    back = [c for c in step.choices if c["label"] == BACK_LABEL[False]]
    assert [c["id"] for c in back] == ["revenir"]
    step = press(real, step, "revenir")
    assert ((step.record.flow, step.record.node), step.record.calls) == (ASK_STEP, [])


def test_reaching_the_step_again_on_the_way_ends_the_detour(real):
    """Asked about a place of the same stage, the person may go on from there: arriving at
    the step that asked ends the detour (no « Revenir » left behind)."""
    step = press(real, asked(real, "c koi un ambassadeur"), "saisie-question")
    assert (step.record.node, step.record.calls) == ("ambassadeurs", [[*ASK_STEP, "initier"]])
    step = press(real, step, "commencer", "voir-reponse", "temporaire", "voir-reponse",
                 "pratiques", "voir-reponse")
    assert ((step.record.flow, step.record.node), step.record.calls) == (ASK_STEP, [])
    assert "saisie-revenir" not in ids(step)


def test_a_question_not_understood_leaves_the_person_at_the_step(staged):
    """Nothing found for it: the coach says so; the step still waits for its answer, and
    the draft has nothing of the question."""
    step = press(staged, staged.start("etape"), "court")
    step = typed(staged, step, "xyzzy plugh ?")
    assert step.messages[-1].ref == "coach/saisie-confirmer"  # nowhere to lead: plainly
    step = press(staged, step, "saisie-question")
    assert [m.ref for m in step.messages] == ["choix/saisie-question", "coach/pas-compris"]
    assert step.messages[0].text == "C’était une question"
    assert (step.record.node, step.record.calls, step.record.proposal) == ("objectif", [], [])
    assert ids(step) == ["partager", "boite"] and step.record.answers == {}
    step = press(staged, typed(staged, step, "Un objectif à moi"), "saisie-garder")
    assert step.record.answers == {"objectif": "Un objectif à moi"}


@pytest.mark.parametrize(("text", "question"), [
    ("comment on évalue si ça marche", True), ("c'est quoi une charte ?", True),
    ("c koi un ambassadeur", True), ("Pourquoi faire une CoP", True),
    ("qu’est-ce qu’un ambassadeur", True), ("est-ce que c'est gratuit", True),
    ("Rompre l’isolement des familles", False), ("Commencer par les familles", False),
    ("Des outils pour les aidants", False), ("combiner nos forces", False)])
def test_what_reads_as_a_question(text, question):
    assert looks_like_question(text) is question
