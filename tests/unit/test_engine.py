"""The turn function on the fixture flow: paths, back, restart, variables, FALC re-render."""

from __future__ import annotations

import dataclasses

import orjson
import pytest
import transitions

from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, TextInput
from coach.engine.errors import UnknownChoice, UnknownFlow
from coach.engine.record import FORMAT, Record
from coach.engine.transcript import Transcript
from tests.conftest import CONTACT, FIXTURE_DIALOGUES


def texts(step):
    return [m.text for m in step.messages]


def test_start_follows_automatic_routes_to_the_first_question(engine):
    step = engine.start()
    assert texts(step) == ["Bonjour, je suis le coach de démonstration.", "Que voulez-vous faire ?"]
    assert [c["id"] for c in step.choices] == ["quiz", "ailleurs"]
    assert step.record.node == "menu"
    assert len(step.record.id) >= 22  # 128 random bits, URL-safe
    assert {c["id"] for c in step.commands} >= {"menu", "retour", "recommencer", "facile", "aide",
                                                 "humain", "stop"}


def test_start_in_falc_and_unknown_flow(engine):
    step = engine.start("demo", falc=True)
    assert texts(step)[0] == "Bonjour."
    assert step.choices[0]["label"] == "Faire le quiz"
    with pytest.raises(UnknownFlow):
        engine.start("nulle-part")


def test_right_answer_path_sets_variables_and_guards(engine):
    step = engine.start()
    step = engine.play(step.record, ChoiceInput("quiz"))
    assert step.record.vars == {"score": 0}
    step = engine.play(step.record, ChoiceInput("vrai"))
    assert texts(step) == ["Oui, des familles", "Bravo, c'est juste.", "Votre score : 1 sur 1.",
                           "Vous avez tout bon."]
    assert step.record.vars == {"score": 1, "reponse": "vrai"}
    assert [c["id"] for c in step.choices] == ["bonus", "terminer"]
    assert step.record.node == "bravo"


def test_wrong_answer_path_hides_guarded_choice_and_reaches_the_end(engine):
    step = engine.start()
    step = engine.play(step.record, ChoiceInput("quiz"))
    step = engine.play(step.record, ChoiceInput("faux"))
    assert "Non, les familles ont toute leur place." in texts(step)
    assert "Votre score : 0 sur 1." in texts(step)
    assert step.record.node == "fin" and step.end
    with pytest.raises(UnknownChoice):
        engine.play(step.record, ChoiceInput("bonus"))


def test_the_stored_record_is_never_modified(engine):
    first = engine.start()
    snapshot = first.record.to_bytes()
    engine.play(first.record, ChoiceInput("quiz"))
    assert first.record.to_bytes() == snapshot


def test_back_restores_node_and_variables(engine):
    step = engine.start()
    step = engine.play(step.record, ChoiceInput("quiz"))
    step = engine.play(step.record, TextInput("retour"))
    assert step.record.node == "menu"
    assert step.record.vars == {}
    assert texts(step) == ["retour", "Que voulez-vous faire ?"]


def test_back_is_refused_where_the_author_said_so(engine):
    step = engine.start()
    step = engine.play(step.record, ChoiceInput("quiz"))
    step = engine.play(step.record, ChoiceInput("vrai"))  # bravo: no_back, the answer is given
    step = engine.play(step.record, ChoiceInput("retour"))
    assert step.record.node == "bravo"
    assert step.record.vars["score"] == 1
    assert step.messages[-1].ref == "coach/retour-impossible"
    back_to_start = engine.play(engine.start().record, ChoiceInput("retour"))
    assert back_to_start.messages[-1].ref == "coach/retour-impossible"


def test_restart_clears_variables_and_goes_to_the_origin(engine):
    step = engine.start()
    step = engine.play(step.record, ChoiceInput("quiz"))
    step = engine.play(step.record, ChoiceInput("vrai"))
    step = engine.play(step.record, ChoiceInput("recommencer"))
    assert step.record.vars == {} and step.record.history == []
    assert step.record.node == "menu"
    assert texts(step)[0] == "Recommencer"


def test_cross_flow_target_and_menu(engine):
    step = engine.start()
    step = engine.play(step.record, ChoiceInput("ailleurs"))
    assert (step.record.flow, step.record.node) == ("autre", "debut")
    assert step.messages[-1].speaker == {"id": "patricia", "name": "Patricia"}
    step = engine.play(step.record, TextInput("menu"))
    assert (step.record.flow, step.record.node) == ("demo", "menu")


def test_falc_rerenders_the_whole_transcript_with_the_values_of_the_time(engine):
    step = engine.start()
    step = engine.play(step.record, ChoiceInput("quiz"))
    step = engine.play(step.record, ChoiceInput("vrai"))
    step = engine.play(step.record, ChoiceInput("bonus"))  # score stays 1, transcript grows
    record = engine.set_falc(step.record, True)
    whole = texts(engine.conversation(record))
    assert whole[:2] == ["Bonjour.", "Que voulez-vous faire ?"]
    assert "Vrai" in whole and "Votre score : 1 sur 1." in whole
    assert "Bravo, c'est juste." not in whole
    back = engine.set_falc(record, False)
    assert texts(engine.conversation(back))[0] == "Bonjour, je suis le coach de démonstration."


def test_falc_command_toggles_and_says_so(engine):
    step = engine.play(engine.start().record, TextInput("facile à lire"))
    assert step.record.falc is True
    assert step.messages[-1].text == "Le texte est maintenant facile à lire."


@pytest.mark.parametrize(
    ("typed", "node"),
    [("1", "question"), ("Faire le quiz", "question"), ("faire le quizz", "question"),
     ("je veux jouer !", "question"), ("AUTRE PARCOURS", "debut"), ("2", "debut")],
)
def test_typed_text_matches_choices(engine, typed, node):
    step = engine.play(engine.start().record, TextInput(typed))
    assert step.record.node == node
    assert step.messages[0].text == typed  # what the person typed stays in the transcript


def test_help_and_person_commands_by_text(engine):
    step = engine.play(engine.start().record, TextInput("parler à une personne"))
    assert "Camille" in step.messages[-1].text and "01 23 45 67 89" in step.messages[-1].text
    step = engine.play(step.record, TextInput("aide"))
    assert step.messages[-1].ref == "coach/aide"
    assert [c["id"] for c in step.choices] == ["quiz", "ailleurs"]  # choices shown again


def test_no_match_escalates_and_never_repeats_the_same_sentence(engine):
    record = engine.start().record
    refs = []
    for _ in range(4):
        step = engine.play(record, TextInput("zxqw vbnm"))
        record = step.record
        refs.append(step.messages[-1].ref)
        assert step.choices  # the choices always come back
    assert refs[:3] == [
        "coach/pas-compris", "coach/pas-compris-choix", "coach/pas-compris-personne"]
    step = engine.play(record, ChoiceInput("quiz"))
    assert step.record.misses == 0


def test_idempotency_key_returns_the_same_step_without_advancing(engine):
    first = engine.play(engine.start().record, ChoiceInput("quiz"), idempotency_key="k1")
    again = engine.play(first.record, ChoiceInput("quiz"), idempotency_key="k1")
    assert again.replayed is True
    assert texts(again) == texts(first)
    assert again.record.to_bytes() == first.record.to_bytes()


def test_record_round_trips_and_stays_small(engine):
    step = engine.start()
    for choice in ["quiz", "vrai", "bonus", "rejouer"] * 5:
        step = engine.play(step.record, ChoiceInput(choice))
    data = step.record.to_bytes()
    assert Record.from_bytes(data) == step.record
    assert len(data) < 4096


def test_long_records_seal_their_older_entries(engine):
    """Older records still load: tests/unit/test_record_format.py, with stored bytes."""
    step = engine.start()
    for choice in ["quiz", "vrai", "bonus", "rejouer"] * 30:
        step = engine.play(Record.from_bytes(step.record.to_bytes()), ChoiceInput(choice))
    data = step.record.to_bytes()
    head = orjson.loads(data.partition(b"\n")[0])
    assert head["format"] == FORMAT and head["transcript"][1]  # sealed blocks
    assert Record.from_bytes(data) == step.record
    plain = orjson.dumps(list(step.record.transcript))
    assert len(data) < len(plain) / 2


def test_turns_never_build_a_machine(engine, monkeypatch):
    built = []
    original = transitions.Machine.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(transitions.Machine, "__init__", counting)
    step = engine.start()
    for choice in ["quiz", "vrai", "bonus", "rejouer"]:
        step = engine.play(step.record, ChoiceInput(choice))
    assert built == []


def test_content_change_continues_from_a_safe_place(tmp_path):
    import shutil

    original = Engine(load_content(FIXTURE_DIALOGUES), CONTACT)
    record = original.play(original.start().record, ChoiceInput("quiz")).record
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    flow = directory / "demo.yaml"
    flow.write_text(flow.read_text().replace("id: question", "id: question-v2")
                    .replace("target: question", "target: question-v2"))
    updated = Engine(load_content(directory), CONTACT)
    step = updated.play(record, ChoiceInput("vrai"))
    assert step.messages[0].ref == "coach/contenu-change"
    assert step.record.node == "menu"  # the flow's resume anchor
    assert step.record.content_version == updated.content.version


def test_renamed_node_keeps_its_conversations_through_aliases(tmp_path):
    import shutil

    original = Engine(load_content(FIXTURE_DIALOGUES), CONTACT)
    record = original.start().record
    directory = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    flow = directory / "demo.yaml"
    text = flow.read_text().replace("    aliases: [ancien-menu]\n", "")
    text = text.replace("  - id: menu\n", "  - id: accueil\n    aliases: [menu]\n")
    text = text.replace("next: menu", "next: accueil").replace("target: menu", "target: accueil")
    text = text.replace("resume: [menu]", "resume: [accueil]")
    flow.write_text(text)
    (directory / "autre.yaml").write_text(
        (directory / "autre.yaml").read_text().replace("demo:menu", "demo:accueil"))
    (directory / "commun.yaml").write_text(
        (directory / "commun.yaml").read_text().replace("menu: demo:menu", "menu: demo:accueil"))
    updated = Engine(load_content(directory), CONTACT)
    step = updated.play(dataclasses.replace(record), ChoiceInput("quiz"))
    assert step.record.node == "question"
    assert not any(m.ref == "coach/contenu-change" for m in step.messages)


def test_each_message_carries_the_time_it_was_said(engine):
    step = engine.start()
    assert all(m.at and m.at.endswith("Z") for m in step.messages)
    record = step.record
    record.created -= 120  # the conversation started two minutes ago
    record.turn_times = Transcript([[0, 0]])
    later = engine.play(record, ChoiceInput("quiz"))
    whole = engine.conversation(later.record).messages
    assert whole[0].at != whole[-1].at
    assert len({m.at for m in later.messages}) == 1  # one turn, one time
    old = dataclasses.replace(later.record, turn_times=[])  # records stored before this field
    assert all(m.at is None for m in engine.conversation(old).messages)


def test_record_copy_is_equal_and_shares_nothing_mutable(engine):
    record = engine.play(engine.start().record, ChoiceInput("quiz"),
                         idempotency_key="k").record
    copy = record.copy()
    assert copy == record
    assert {f.name for f in dataclasses.fields(Record)} == set(vars(copy)) | set()
    for name in ("vars", "transcript", "history", "history_vars", "pending", "turn_times",
                 "idempotency_steps"):
        assert getattr(copy, name) is not getattr(record, name)
