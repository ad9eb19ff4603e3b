"""Content tests for the flow `familles` (« Ai-je ma place ? »), played through the engine.

Entries: `familles:debut` (parents and family carers) and `familles:personne-concernee`
(a person with a disability). Variables: `profil` (famille | personne) and `engagement`
(observateur | contributeur | actif).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coach.engine.engine import ChoiceInput, Engine, Step
from tests.content.playing import CONTENT, ENGINE, choice_ids, play, refs, texts

FLOW = "familles"
DIALOGUES = Path(__file__).resolve().parents[2] / "dialogues"










def at(node: str, falc: bool = False) -> Step:
    """A conversation standing on `node` of the shared path (reached by buttons)."""
    step = ENGINE.start(FLOW, falc=falc)
    paths = {
        "debut": [],
        "questions": ["autre-question"],
        "personne-concernee": ["je-vis-le-handicap"],
        "niveaux": ["voir-roles", "continuer", "continuer", "continuer"],
        "formats": ["manque-temps"],
    }
    step = play(step, *paths[node])
    assert step.record.node == node
    return step


# ---------------------------------------------------------------- Patricia's question
def test_debut_asks_patricias_question_and_answers_yes() -> None:
    step = ENGINE.start(FLOW)
    assert step.record.node == "debut"
    speakers = [m.speaker["id"] for m in step.messages]
    assert "patricia" in speakers
    said = " ".join(texts(step))
    assert "Est-ce qu’on a vraiment notre place ?" in said
    assert "ni des professionnels, ni des experts" in said
    assert "Bien sûr que vous avez votre place" in said
    assert "diversité des contributions" in said
    assert {"voir-roles", "manque-temps", "confidentiel", "autre-question"} <= set(choice_ids(step))


def test_debut_in_falc_is_the_easy_to_read_text() -> None:
    step = ENGINE.start(FLOW, falc=True)
    said = "\n".join(texts(step))
    assert "La communauté veut-elle vraiment de nous ?" in said
    assert "chaque membre apporte quelque chose de différent" in said
    assert "Une CoP, c’est une communauté de pratique." not in said  # no boilerplate
    assert all(len(line.split()) <= 15 for line in said.splitlines())


def test_roles_for_a_parent_say_a_parents_experience_is_precious() -> None:
    step = play(ENGINE.start(FLOW), "voir-roles")
    said = " ".join(texts(step))
    assert step.record.vars["profil"] == "famille"
    roles = ("animation principale", "facilitateurs thématiques", "contributeurs", "évaluateurs")
    for role in roles:
        assert role in said
    assert "en tant que parent, vous avez une expérience précieuse" in said
    assert "avec votre vécu" not in said
    step = play(step, "continuer")
    assert step.record.node == "savoir"
    assert "à égalité avec les savoirs des professionnels" in " ".join(texts(step))


# ---------------------------------------------------------------- engagement question
ADVICE = {
    "observer": ("observateur", "Observer, c’est déjà participer."),
    "contribuer": ("contributeur", "Vous voulez contribuer de temps en temps ?"),
    "actif": ("actif", "rejoindre un groupe de travail, comme Patricia"),
}


@pytest.mark.parametrize("choice", sorted(ADVICE))
def test_engagement_question_gives_the_matching_advice(choice: str) -> None:
    step = at("niveaux")
    said = " ".join(texts(step))
    assert "observer, contribuer de temps en temps, participer activement" in said
    assert "Comment aimeriez-vous participer ?" in said
    step = play(step, choice)
    value, advice = ADVICE[choice]
    assert step.record.node == "conseil"
    assert step.record.vars["engagement"] == value
    said = " ".join(texts(step))
    assert advice in said
    for other, (_value, other_advice) in ADVICE.items():
        if other != choice:
            assert other_advice not in said
    assert "guider les nouveaux membres" in said


@pytest.mark.parametrize(("typed", "value"), [
    ("juste regarder", "observateur"),
    ("de temps en temps", "contributeur"),
    ("je veux m'engager", "actif"),
])
def test_engagement_can_be_typed(typed: str, value: str) -> None:
    step = play(at("niveaux"), "?" + typed)
    assert step.record.node == "conseil"
    assert step.record.vars["engagement"] == value


def test_hesitating_shows_the_three_lenses_then_starts_as_observer() -> None:
    step = play(at("niveaux"), "?jsp")
    assert step.record.node == "hesitation"
    said = " ".join(texts(step))
    for lens in ("Vouloir", "Savoir", "Pouvoir"):
        assert lens in said
    assert "engagement" not in step.record.vars
    step = play(step, "observer")
    assert step.record.vars["engagement"] == "observateur"
    assert "Observer, c’est déjà participer." in " ".join(texts(step))


def test_changing_level_replaces_the_advice() -> None:
    step = play(at("niveaux"), "observer", "changer-niveau", "actif")
    assert step.record.vars["engagement"] == "actif"
    said = " ".join(texts(step))
    assert "comme Patricia" in said
    assert "Observer, c’est déjà participer." not in said


# ---------------------------------------------------------------- typed synonyms
@pytest.mark.parametrize(("typed", "node"), [
    ("on manque de temps", "formats"),
    ("jai pas le temps", "formats"),
    ("je suis fatiguée", "formats"),
    ("c'est confidentiel ?", "confidentialite"),
    ("c confidentiel", "confidentialite"),
    ("je ne suis pas expert", "savoir"),
    ("est-ce que je peux venir", "niveaux"),
    ("jsp par où commencer", "premier-pas"),
    ("mon enfant a un handicap rare", "handicap-rare"),
    ("le témoignage de Patricia", "temoignage"),
    ("quels rôles ?", "roles"),
    ("merci c'est tout", "fin"),
])
def test_typed_questions_route_from_the_questions_menu(typed: str, node: str) -> None:
    step = play(at("questions"), "?" + typed)
    assert step.record.flow == FLOW
    assert step.record.node == node


@pytest.mark.parametrize(("typed", "node"), [
    ("on manque de temps", "formats"),
    ("j'ai pas le temps", "formats"),
    ("c'est confidentiel ?", "confidentialite"),
    ("je suis handicapée", "personne-concernee"),
    ("j'ai une question", "questions"),
])
def test_typed_answers_route_from_debut(typed: str, node: str) -> None:
    step = play(at("debut"), "?" + typed)
    assert step.record.node == node


def test_formats_and_confidentiality_say_what_the_source_says() -> None:
    step = at("formats")
    said = " ".join(texts(step))
    assert "vidéos de 5 minutes" in said and "podcasts" in said
    assert "à tout moment" in said
    step = play(step, "internet")
    assert step.record.node == "numerique"
    step = play(step, "continuer")
    assert step.record.node == "confidentialite"
    said = " ".join(texts(step))
    assert "RGPD" in said and "« parole libre »" in said and "cadre de confiance" in said


@pytest.mark.parametrize("falc", [False, True])
def test_the_free_speech_space_is_kept_by_rules_not_promised_secret(falc: bool) -> None:
    """The module's « parole libre » is a space the community may open: what is said there is
    kept by the charter's rules, which the members promise to follow; no one can promise it
    stays secret, and it is no web page of the site. Said so, with what to ask first."""
    step = play(at("formats", falc=falc), "internet", "continuer")
    assert step.record.node == "confidentialite"
    said = " ".join(texts(step))
    assert "« parole libre »" in said and "secret" not in said and "page" not in said
    if falc:
        assert "Les membres promettent de garder vos paroles pour eux." in said
        assert "« Qui peut lire ou entendre mes paroles ? »" in said
    else:
        assert "protégé par les règles de la charte" in said
        assert "demandez qui peut le lire ou l’entendre" in said


def test_no_text_states_that_what_is_said_stays_secret() -> None:
    """« Ce qui est dit reste secret. » stated as a fact overpromises: a rule to write (« garder
    secret ce qui est dit ») or a question of the charter (« Qu’est-ce qui reste secret ? »)
    says what the module says."""
    stated = re.compile(r"\b(?:reste|restent) secrets?\s*\.")
    found = [f"{path.name} : {line.strip()}" for path in sorted(DIALOGUES.glob("*.yaml"))
             for line in path.read_text(encoding="utf-8").splitlines() if stated.search(line)]
    assert not found, "\n".join(found)


def test_choices_do_not_hide_the_talk_to_a_person_command() -> None:
    for node in ("questions", "debut", "formats"):
        step = play(at(node), "?parler à une personne")
        assert step.record.node == node
        assert refs(step)[-1] in ("coach/humain", "coach/humain-sans-contact")


def test_first_step_points_to_the_human_contact_command() -> None:
    step = play(at("questions"), "premier-pas")
    said = " ".join(texts(step))
    assert "coordonne la communauté" in said
    assert "commencer par observer" in said
    # Only where the site gives a contact: without one, the button has no one to offer.
    assert "« Parler à une personne »" not in said
    engine = Engine(CONTENT, {"contact_telephone": "01 00 00 00 00"})
    step = engine.start("familles")
    for choice in ("autre-question", "premier-pas"):
        step = engine.play(step.record, ChoiceInput(choice))
    assert "« Parler à une personne »" in " ".join(texts(step))


# ---------------------------------------------------------------- person with a disability
def test_person_with_a_disability_entry() -> None:
    step = at("personne-concernee")
    said = " ".join(texts(step))
    assert "Vous avez toute votre place" in said
    assert "partager leur vécu" in said
    step = play(step, "mon-vecu-compte")
    assert step.record.vars["profil"] == "personne"
    assert step.record.node == "savoir-vecu"
    step = play(step, "continuer")
    assert step.record.node == "accessibilite"
    said = " ".join(texts(step))
    assert "FALC" in said and "déficiences sensorielles" in said
    step = play(step, "continuer")
    assert step.record.node == "roles"
    said = " ".join(texts(step))
    assert "avec votre vécu, vous avez une expérience précieuse" in said
    assert "en tant que parent" not in said
    assert choice_ids(step)[0] == "continuer-niveaux"


# ---------------------------------------------------------------- whole tracks
def walk_to_end(step: Step, limit: int = 40) -> tuple[Step, list[str]]:
    seen = [step.record.node]
    for _ in range(limit):
        if step.end:
            return step, seen
        step = play(step, choice_ids(step)[0])
        seen.append(step.record.node)
    raise AssertionError(f"no end after {limit} steps: {seen}")


@pytest.mark.parametrize("entry", ["debut", "personne-concernee"])
def test_both_entries_play_to_an_end_node(entry: str) -> None:
    step, seen = walk_to_end(at(entry))
    assert step.record.flow == FLOW
    assert step.record.node == "fin"
    assert {"niveaux", "formats", "confidentialite", "premier-pas"} <= set(seen)
    # The families' points (carers' workload…) are on a parent's way, not on a person's
    # (tests/content/test_essai_personne.py).
    assert ("enjeux" in seen) == (entry == "debut"), seen
    targets = {c.target for c in ENGINE.content.node((FLOW, "fin")).choices}
    assert {"decouvrir:debut", "outils:banque", "accueil:menu"} <= targets


def test_parent_track_includes_patricias_testimony() -> None:
    _step, seen = walk_to_end(at("debut"))
    assert "temoignage" in seen and "savoir" in seen


def test_every_node_is_reached_by_buttons_and_none_is_a_dead_end() -> None:
    flow = ENGINE.content.flows[FLOW]
    start = ENGINE.start(FLOW)
    queue = [start]
    states = {(start.record.node, tuple(sorted(start.record.vars.items())))}
    reached = {start.record.node}
    while queue:
        step = queue.pop()
        assert step.end or step.choices, step.record.node
        assert all(m.text.strip() for m in step.messages)
        for cid in choice_ids(step):
            nxt = ENGINE.play(step.record, ChoiceInput(cid))
            if nxt.record.flow != FLOW:
                continue
            key = (nxt.record.node, tuple(sorted(nxt.record.vars.items())))
            reached.add(nxt.record.node)
            if key not in states:
                states.add(key)
                queue.append(nxt)
    assert reached == set(flow.nodes)


def test_time_advice_fits_a_person_with_a_disability() -> None:
    step = play(at("personne-concernee"), "mon-vecu-compte")
    step = play(step, "autre-question", "formats")
    said = " ".join(texts(step))
    assert "s’adapte à vos disponibilités" in said
    assert "jonglez" not in said
    assert "vidéos de 5 minutes" in said
