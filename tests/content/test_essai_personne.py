"""What a try-out as people with a disability found in the words, on the real dialogues: a
young adult with an intellectual disability who reads easy-to-read on a small phone, taps and
types as in a text message (« jai un handicap », « cé gratui ? »); a blind person with a
screen reader; a deaf person who asks about sign language at meetings.

- the deaf person's question (« il y aura la LSF dans les réunions ? ») led to « Est-ce
  accessible pour moi ? », which spoke of people who « entendent mal » and « documents
  adaptés » and never of an interpreter or subtitles: the step says what to ask for;
- the person's path offered, in easy-to-read, « C’est quoi une CoP ? » at its end and named
  a place « Mon rôle dans la CoP », where nothing on that path says what « CoP » is;
- « Écrivez « Parler à une personne » » asked someone who finds typing hard to type the name
  of a button that is on the screen at every step: « Choisissez »;
- with no contact set (a deployment's default), « Parler à une personne » in easy-to-read
  cut a sentence over two lines (« Pour parler à une personne, » / « contactez
  l’organisation… »), each easy-to-read line being shown as a sentence;
- « cé gratui ? » was answered in easy-to-read with five ideas, two of them about something
  else (« vous partagez votre expérience », « vous choisissez quand participer »): the
  checker found it hard to read (Kandel–Moles 63, LIX 44).
"""

from __future__ import annotations

import re

import pytest

from coach.engine.engine import ChoiceInput, Engine, TextInput
from falc import Checker, load_config
from tests.content.playing import CONTENT, ENGINE, play, texts

COP = re.compile(r"\bCoP\b")


@pytest.mark.parametrize("typed", ["je suis sourd, il y aura la LSF dans les réunions ?",
                                   "il y a un interprète LSF aux réunions ?"])
@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_a_deaf_person_asking_for_sign_language_is_told_what_to_ask_for(typed: str,
                                                                        falc: bool) -> None:
    step = ENGINE.start(falc=falc)
    step = ENGINE.play(step.record, TextInput(typed))
    assert (step.record.flow, step.record.node) == ("familles", "accessibilite")
    said = "\n".join(texts(step))
    assert "interprète en langue des signes" in said or "interprète en LSF" in said, said
    assert "LSF" in said, said  # the word the person typed, explained
    assert "sous-titres" in said, said


def _familles_places() -> set[str]:
    return {f"familles:{node}" for node in CONTENT.flows["familles"].nodes}


def test_the_person_s_path_names_no_cop_in_easy_to_read() -> None:
    """The choices of the families' and persons' flow, the names the coach gives its places
    when it asks « Vous voulez parler de… ? », and the flow its last step offers (« what is
    a community of practice ») say « communauté » in easy-to-read, never « CoP »."""
    flow = CONTENT.flows["familles"]
    labels = [(f"familles:{node.id}", c.label_falc) for node in flow.nodes.values()
              for c in node.choices]
    labels += [(node.id, node.title_falc) for node in flow.nodes.values()]
    intents = [entry.intention for entry in CONTENT.intents]
    labels += [(i.target, i.label_falc) for i in intents
               if i.target in _familles_places() and i.label_falc]
    offered = {c.target.split(":")[0] for c in flow.nodes["fin"].choices if ":" in c.target}
    labels += [(f, CONTENT.flows[f].header.title_falc) for f in offered]
    assert [(where, label) for where, label in labels if COP.search(label or "")] == []


def test_the_first_step_says_choose_the_button_to_reach_a_person() -> None:
    button = CONTENT.commands["humain"].label_falc
    # Said where the site gives a contact (without one, the button has no one to offer).
    engine = Engine(CONTENT, {"contact_telephone": "01 00 00 00 00"})
    step = engine.start(falc=True)
    for choice in ("personne-concernee", "autre-question", "premier-pas"):
        step = engine.play(step.record, ChoiceInput(choice))
    said = "\n".join(texts(step))
    assert f"Choisissez « {button} »." in said, said
    assert "écrivez « parler à une personne »" not in said.lower(), said


@pytest.mark.parametrize("message", ["humain-sans-contact", "simplifier-deja",
                                     "simplifier-encore"])
def test_easy_to_read_says_choose_the_person_button_not_type_it(message: str) -> None:
    falc = CONTENT.system[message].falc
    assert "écrivez « parler à une personne »" not in falc.lower(), falc


def test_no_easy_to_read_line_is_half_a_sentence() -> None:
    """Each easy-to-read line is shown, and read, as a sentence of its own: none ends with a
    comma (the coach's shared messages and the families' and persons' flow)."""
    falc = [(k, m.falc) for k, m in CONTENT.system.items()]
    falc += [(node.id, m.falc) for node in CONTENT.flows["familles"].nodes.values()
             for m in node.messages]
    cut = [(where, line) for where, text in falc for line in (text or "").splitlines()
           if line.rstrip().endswith(",")]
    assert cut == []


def test_is_it_free_is_answered_readably_in_easy_to_read() -> None:
    step = play(ENGINE.start(falc=True), "personne-concernee")
    step = ENGINE.play(step.record, TextInput("cé gratui ?"))
    answer = texts(step)[0]
    assert answer.startswith("Le coach est gratuit."), answer
    report = Checker(load_config()).check(answer)
    hard = [f.rule for f in report.findings if f.rule.startswith("FALC-READ")]
    assert hard == [], (hard, report.scores)
    assert len(answer.splitlines()) <= 4, answer


def test_the_person_s_path_goes_from_confidentiality_to_the_first_step() -> None:
    """« Continuer » after « Est-ce confidentiel ? » led a person with a disability to
    « ce qui compte pour les familles »: Alexandra's four points, one of them the carers'
    workload (« Les aidants ont déjà beaucoup de travail. »). The person goes on to the first
    step; a parent still hears the families' points."""
    step = play(ENGINE.start(falc=True), "personne-concernee", "autre-question",
                "confidentialite")
    forward = [c["id"] for c in step.choices if c["id"] != "autre-question"]
    assert len(forward) == 1, forward
    step = play(step, forward[0])
    assert step.record.node == "premier-pas", step.record.node
    assert not any("aidants" in text for text in texts(step)), texts(step)
    parent = play(ENGINE.start("familles"), "confidentiel", "continuer")
    assert parent.record.node == "enjeux"


def test_the_easy_to_read_experiential_knowledge_speaks_to_a_person_with_a_disability() -> None:
    """« c koi le savoir experientiel », typed by the person, was answered with a parent's
    example only (« aider votre enfant chaque jour »)."""
    step = play(ENGINE.start(falc=True), "personne-concernee")
    step = ENGINE.play(step.record, TextInput("c koi le savoir experientiel"))
    said = texts(step)[0]
    assert "savoir d’expérience" in said, said
    assert "vous vivez avec un handicap" in said, said


BARE = {"continuer", "la suite", "suite", "suivant"}


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_no_place_offered_is_named_continue(falc: bool) -> None:
    """« jai un handicap mental », typed at « Mon expérience compte ? », was asked « Vous
    voulez parler de… ? » with two buttons « Continuer » (the step's own « Continuer », and
    the families' points, named by the easy-to-read « Continuer » that leads there): a
    screen reader said « Continuer, bouton » twice, and neither said where it leads."""
    places = ENGINE.understanding.places
    bare = [place for place in places.nodes
            if (places.labels(place).falc if falc else places.labels(place).text)
            .strip(" .…").casefold() in BARE]
    assert bare == []
    step = play(ENGINE.start(falc=falc), "personne-concernee", "mon-vecu-compte")
    for typed in ("jai un handicap mental", "y a un interprete ?"):
        asked = ENGINE.play(step.record, TextInput(typed))
        assert asked.record.pending, typed
        labels = [c["label"] for c in asked.choices]
        assert not [label for label in labels if label.strip(" .…").casefold() in BARE], labels
        assert len(set(labels)) == len(labels), labels


def test_the_easy_to_read_help_names_the_buttons_on_the_screen() -> None:
    """« Aide », in easy-to-read, told a person who taps and finds typing hard to write
    « menu », « retour », « parler à une personne »: three buttons on the screen at every
    step. It names the buttons; writing their words still works."""
    from coach.engine.commands import COMMANDS

    shown = {spec.id for spec in COMMANDS if spec.shown}
    step = play(ENGINE.start(falc=True), "personne-concernee")
    said = texts(ENGINE.play(step.record, TextInput("aide")))[0]
    for command in ("menu", "retour", "humain"):
        assert command in shown
        label = CONTENT.commands[command].label_falc
        assert f"« {label} »" in said, said
        assert f"écrivez « {label.lower()} »" not in said.lower(), said
