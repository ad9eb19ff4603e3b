"""Anonymous counters: what a step counts, the in-memory buffer, the dashboard figures."""

from __future__ import annotations

import threading

import pytest

from coach.analytics import events as ev
from coach.analytics.advice import advice_refs, unknown_nodes
from coach.analytics.buffer import CounterBuffer, day_of
from coach.analytics.events import StepEvents, document_event, feedback_event, safe
from coach.analytics.report import figures, to_csv
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine, TextInput
from coach.store.base import StoreUnavailable


@pytest.fixture(scope="module")
def real_content():
    return load_content()


def names(events):
    return [(name, detail) for name, _flow, _node, detail in events]


def test_start_counts_the_conversation_the_flow_and_the_first_visit(engine, fixture_content):
    counting = StepEvents(fixture_content)
    step = engine.start(falc=True)
    found = counting.started(step.record)
    assert (ev.STARTED, "demo", "menu", "falc") in found
    assert (ev.ENTERED, "demo", "menu", "") in found
    assert (ev.VISIT, "demo", "menu", "") in found


def test_a_quiz_counts_choices_visits_exits_score_and_end(engine, fixture_content):
    counting = StepEvents(fixture_content)
    step = engine.start()
    seen = []
    for choice in ("quiz", "vrai", "terminer"):
        after = engine.play(step.record, ChoiceInput(choice))
        seen += counting.played(step.record, after.record, ChoiceInput(choice))
        step = after
    assert (ev.CHOICE, "demo", "menu", "quiz") in seen
    assert (ev.EXIT, "demo", "menu", "") in seen
    assert (ev.VISIT, "demo", "question", "") in seen
    assert (ev.SCORE, "demo", "resultat", "score=1") in seen
    assert (ev.FINISHED, "demo", "fin", "") in seen
    assert [e for e in seen if e[0] == ev.TURN] == [(ev.TURN, "demo", "", "standard")] * 3


def test_typed_text_counts_as_texte_and_nothing_of_it(engine, fixture_content):
    counting = StepEvents(fixture_content)
    step = engine.start()
    marker = "Mon fils Théo a 7 ans MARQUEUR"
    after = engine.play(step.record, TextInput(marker))
    found = counting.played(step.record, after.record, TextInput(marker))
    assert (ev.CHOICE, "demo", "menu", ev.TEXT) in found
    assert not any("MARQUEUR" in part or "Théo" in part for event in found for part in event)


def test_entry_persona_is_counted_once_with_the_flow_entered(real_content):
    engine = Engine(real_content)
    counting = StepEvents(real_content)
    step = engine.start()
    after = engine.play(step.record, ChoiceInput("coordinateur"))
    found = counting.played(step.record, after.record, ChoiceInput("coordinateur"))
    assert (ev.PERSONA, "coordinateur", "parcours", "coordinateur") in found
    assert (ev.ENTERED, "coordinateur", "parcours", "coordinateur") in found
    again = engine.play(after.record, ChoiceInput("objectifs"))
    assert not [e for e in counting.played(after.record, again.record, ChoiceInput("objectifs"))
                if e[0] == ev.PERSONA]


def test_exercise_scores_are_found_in_the_real_content(real_content):
    nodes = StepEvents(real_content).score_nodes
    assert nodes[("initier", "qui-score")] == ("score_profils",)
    assert nodes[("animer", "sc-bilan")] == ("score_scenario",)


def test_details_are_identifiers_or_replaced():
    assert safe("coordinateur") == "coordinateur"
    assert safe("score_profils=5") == "score_profils=5"
    assert safe("je suis Théo, 7 ans") == "autre"
    assert feedback_event("initier/diagnostic/2", True) == (
        ev.FEEDBACK, "initier", "initier/diagnostic/2", "oui")
    assert document_event("initier", "docx", False) == (ev.DOCUMENT, "initier", "",
                                                        "docx-standard")


def test_advice_list_names_existing_nodes(real_content):
    assert unknown_nodes(real_content) == []
    refs = advice_refs(real_content)
    assert "initier/conseil-themes/0" in refs  # Léo
    assert "modeliser/roles/0" in refs  # Jacques
    assert "initier/debut/0" not in refs


class MemoryCounters:
    def __init__(self) -> None:
        self.writes: list[dict] = []
        self.fail = False
        self.purged: list[str] = []

    def add_counts(self, counts):
        if self.fail:
            raise StoreUnavailable("down")
        self.writes.append(dict(counts))

    def read_counts(self, first_day, last_day):
        return []

    def purge_counts(self, before_day):
        self.purged.append(before_day)
        return 0


def test_buffer_sums_in_memory_and_writes_once_per_flush():
    store = MemoryCounters()
    buffer = CounterBuffer(store, "v1", interval=3600, clock=lambda: 86400.0 * 20000)
    buffer.add([("tour", "demo", "", "falc")] * 3)
    buffer.add([("tour", "demo", "", "standard")])
    assert store.writes == []
    assert buffer.flush() == 2
    day = day_of(86400.0 * 20000)
    assert store.writes == [{("v1", day, "tour", "demo", "", "falc"): 3,
                             ("v1", day, "tour", "demo", "", "standard"): 1}]
    assert buffer.flush() == 0 and len(store.writes) == 1
    assert store.purged == [day_of(86400.0 * (20000 - 400))]
    buffer.close()


def test_buffer_keeps_the_batch_when_the_store_is_down():
    store = MemoryCounters()
    errors = []
    buffer = CounterBuffer(store, "v1", interval=3600, on_error=lambda: errors.append(1))
    buffer.add([("tour", "demo", "", "falc")])
    store.fail = True
    assert buffer.flush() == 0 and errors == [1]
    buffer.add([("tour", "demo", "", "falc")])
    store.fail = False
    buffer.close()
    assert list(store.writes[0].values()) == [2]


def test_buffer_flushes_in_the_background():
    store = MemoryCounters()
    buffer = CounterBuffer(store, "v1", interval=0.05)
    written = threading.Event()
    original = store.add_counts

    def add_counts(counts):
        original(counts)
        written.set()

    store.add_counts = add_counts
    buffer.start()
    buffer.add([("tour", "demo", "", "falc")])
    assert written.wait(5)
    buffer.close()


def test_disabled_buffer_counts_nothing():
    buffer = CounterBuffer(None, "v1")
    buffer.add([("tour", "demo", "", "falc")])
    assert buffer.pending() == 0 and buffer.flush() == 0


def test_figures_drop_offs_falc_share_scores_and_feedback(fixture_content):
    day = "2026-03-02"
    rows = [
        (("v1", day, ev.STARTED, "demo", "menu", "standard"), 4),
        (("v1", day, ev.TURN, "demo", "", "falc"), 3),
        (("v1", day, ev.TURN, "demo", "", "standard"), 9),
        (("v1", day, ev.VISIT, "demo", "menu", ""), 4),
        (("v1", day, ev.EXIT, "demo", "menu", ""), 3),
        (("v1", day, ev.VISIT, "demo", "fin", ""), 2),
        (("v1", day, ev.FINISHED, "demo", "fin", ""), 2),
        (("v1", day, ev.SCORE, "demo", "resultat", "score_profils=5"), 2),
        (("v1", day, ev.FEEDBACK, "demo", "demo/question/0", "oui"), 3),
        (("v1", day, ev.FEEDBACK, "demo", "demo/question/0", "non"), 1),
        (("v0", day, ev.STARTED, "demo", "menu", "standard"), 10),
    ]
    found = figures(rows, fixture_content, day, day, version="v1")
    assert (found.started, found.finished, found.turns, found.falc_share) == (4, 2, 12, 0.25)
    nodes = {n.node: n for n in found.nodes}
    assert nodes["menu"].dropoffs == 1 and nodes["fin"].dropoffs == 0
    assert dict(found.scores["score_profils"])[5] == 2
    assert len(found.scores["score_profils"]) == 8 and len(found.scores["score_scenario"]) == 7
    assert found.feedback[0].useful == 3 and found.feedback[0].text.startswith("Une CoP")
    assert found.versions == ["v0", "v1"]
    assert figures(rows, fixture_content, day, day).started == 14


def test_csv_has_a_header_and_no_formula():
    text = to_csv([(("v1", "2026-03-02", "choix", "demo", "menu", "=1+1"), 2)])
    lines = text.splitlines()
    assert lines[0] == "version_contenu,jour,compteur,parcours,noeud,detail,nombre"
    assert lines[1] == "v1,2026-03-02,choix,demo,menu,'=1+1,2"
