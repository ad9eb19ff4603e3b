"""The general mechanisms of typed-text understanding (issue 17, point 5), one by one: each
test fails without its mechanism. And the second blind set, measured apart."""

from __future__ import annotations

import random
import re

import pytest
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bench.nlu_bench import BLIND2, evaluate, load_utterances
from coach.communities import DEPARTMENT_NAMES, DEPARTMENT_SOUGHT
from coach.content.loader import load_content
from coach.engine.engine import Engine, Step, TextInput
from coach.engine.nlu.french import (
    DEPARTMENT,
    PLACE_WORDS,
    REGION_NAMES,
    REGIONS,
    normal,
    sound,
    stem,
)
from coach.engine.nlu.persons import funds
from tests.conftest import CONTACT
from tests.places import record_at

ENGINE = Engine(load_content(), CONTACT)
LEXICON = ENGINE.understanding.lexicon


def typed(place: str, text: str) -> Step:
    return ENGINE.play(record_at(ENGINE, place), TextInput(text))


def where(step: Step) -> str:
    return f"{step.record.flow}:{step.record.node}"


def bot_refs(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


# -- spelling -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("heard", "written"), [
    ("konprend", "comprends"), ("compliker", "complique"), ("konfidentiel", "confidentiel"),
    ("koman", "comment"), ("mercii", "merci"), ("partisiper", "participer"),
])
def test_words_that_sound_the_same_have_one_key(heard: str, written: str) -> None:
    assert sound(heard) == sound(written)


def test_words_written_as_they_sound_are_repaired_to_content_words() -> None:
    assert LEXICON.query("je konprend rien").norm == "je comprend rien"
    assert LEXICON.query("cé tro compliker").norm == "ce trop complique"
    assert LEXICON.query("c konfidentiel").norm == "c est confidentiel"


def test_a_typo_is_repaired_into_the_word_comparing_every_close_word_finds() -> None:
    """The repair compares a typed word only with the content words holding one of its runs
    of letters: it finds the word (the closest, the first in alphabetical order of two as
    close) that comparing every content word of a close length finds."""
    rng = random.Random(11)
    words = sorted(LEXICON.stems)
    typed = []
    for word in rng.sample([w for w in words if len(w) >= 5], 400):
        for _typo in range(2):
            letters = list(word)
            for _edit in range(rng.randint(1, 3)):
                at = rng.randrange(len(letters))
                kind = rng.choice("sid")
                if kind == "s":
                    letters[at] = rng.choice("abcdeilmnorstu")
                elif kind == "i":
                    letters.insert(at, rng.choice("abcdeilmnorstu"))
                elif len(letters) > 5:
                    del letters[at]
            typed.append("".join(letters))
    repaired = 0
    for word in typed:
        every = [w for w in words if abs(len(w) - len(word)) <= 2]
        cutoff = 1 if len(word) <= 9 else 2
        expected = process.extractOne(word, every, scorer=Levenshtein.distance,
                                      score_cutoff=cutoff)
        found = process.extractOne(word, LEXICON._near(word), scorer=Levenshtein.distance,
                                   score_cutoff=cutoff)
        assert (found and found[:2]) == (expected and expected[:2]), word
        repaired += expected is not None
    assert repaired > 300  # most typos are within reach of a content word


def test_verb_forms_snowball_leaves_whole_meet_the_content_stem() -> None:
    assert stem("ecoutent") != stem("ecouter")  # what Snowball alone does
    assert LEXICON.stem_of("ecoutent") == LEXICON.stem_of("ecouter")
    assert LEXICON.stem_of("reviennent") == LEXICON.stem_of("revenir")


@pytest.mark.parametrize(("one", "other"), [
    ("inscription", "inscrire"), ("confidentialite", "confidentiel"),
    ("accessibilite", "accessible"), ("orthophoniste", "professionnel"),
    ("soeur", "frere"), ("mari", "conjoint"), ("aveugle", "handicape"), ("vecu", "experience"),
    ("jamais", "pas"), ("desertent", "decrochent"), ("desengagement", "decrochent"),
    ("desinvestissent", "decrochent"), ("prof", "professionnel"), ("proviseure", "professionnel"),
    ("cpe", "professionnel"), ("atsem", "professionnel"), ("phase", "etape"),
])
def test_derived_and_same_meaning_words_share_a_stem(one: str, other: str) -> None:
    assert stem(one) == stem(other)


def test_places_and_department_numbers_mean_a_region() -> None:
    region = LEXICON.stem_of("region")
    assert region in LEXICON.query("un groupe vers Lyon").stems  # a town is not a first name
    assert region in LEXICON.query("y a une cop en bretagne").stems
    assert LEXICON.stem_of("departement") in LEXICON.query("une cop dans le 35").stems


def test_words_of_time_and_place_say_no_topic() -> None:
    assert LEXICON.query("il a 8 ans, depuis toujours, tous les jours").stems <= {
        LEXICON.stem_of("toujours")}


def test_a_listed_synonym_or_its_verb_is_a_word_not_a_typo_to_repair() -> None:
    conflict = stem("conflit")
    assert conflict in LEXICON.query("ça clashe entre nous").stems  # not « classe »
    assert conflict in LEXICON.query("ils veulent clasher").stems
    assert LEXICON.query("des bourdes").stems == {stem("erreur")}  # not « sourdes »
    assert LEXICON.query("je konprend rien").norm == "je comprend rien"  # typos still are


# -- decisions ------------------------------------------------------------------------------------
def test_two_requests_in_one_message_the_first_is_answered() -> None:
    step = typed("accueil:menu", "c'est gratuit ? et comment je m'inscris")
    assert bot_refs(step)[0] == "coach/reponse-gratuit"


def test_thanks_then_a_question_answers_the_question() -> None:
    step = typed("familles:roles", "merci, et comment je m'inscris ?")
    assert where(step) == "familles:premier-pas"


def test_greeting_then_a_term_explains_the_term() -> None:
    step = typed("accueil:menu", "bonjour, le FALC c'est quoi ?")
    assert "coach/reponse-bonjour" not in bot_refs(step)
    assert any("glossaire" in ref for ref in bot_refs(step)), bot_refs(step)


def test_someone_spoken_of_is_not_who_one_is() -> None:
    decision = ENGINE.understanding.decide(
        "une maman crie sur tout le monde dans le groupe",
        ENGINE.context(typed("accueil:menu", "menu").record))
    assert decision.best is not None and decision.best.place == "difficultes:tensions"


def test_what_a_term_means_even_where_a_place_speaks_of_it() -> None:
    step = typed("familles:debut", "c koi un handicap rare")
    assert any("glossaire" in ref for ref in bot_refs(step)), bot_refs(step)


@pytest.mark.parametrize(("text", "term"), [
    ("Que veut dire ARS ?", "ARS"),
    ("Pouvez-vous me rappeler ce que signifie RGPD ?", "RGPD"),
    ("je suis pas sur d avoir compris ce que c est une cop", "CoP"),
    ("ESMS définition", "ESMS"),
    ("MDPH sa veut dire quoi exactement", "MDPH"),
])
def test_the_words_that_ask_are_not_another_subject(text: str, term: str) -> None:
    """« que veut dire », « pouvez-vous me rappeler ce que signifie », « pas sûr d'avoir
    compris ce que c'est »: the words around a term's question ask it; the term's meaning is
    the answer, for sure (it was a guess among others, or « Vous voulez parler de… ? »)."""
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == f"glossaire:{term}", decision


def test_documents_written_in_easy_to_read_are_a_subject_not_a_request() -> None:
    """« on nous demande des docs en FALC »: how the documents are written, not « speak to me
    in easy-to-read »; what FALC means is answered, and easy-to-read is not switched on.
    « expliquez-moi en FALC » still asks the coach."""
    step = typed("accueil:menu", "c quoi le FALC ? on nous demande des docs en FALC pour la cop")
    assert "glossaire/FALC" in bot_refs(step), bot_refs(step)
    assert not step.record.falc
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"),
                                 "c'est quoi une cop en simple")
    assert decision.best is not None and decision.best.place == "commande:simplifier"


def test_an_exact_phrase_beats_a_choice_equal_only_without_function_words() -> None:
    step = typed("familles:questions", "merci")
    assert bot_refs(step)[0] == "coach/reponse-merci"


# -- verb families, « personne » as nobody, « sous » as money ------------------------------------
@pytest.mark.parametrize(("verb", "noun"), [
    ("disputer", "dispute"), ("disputent", "conflit"), ("disputons", "conflit"),
    ("engueulent", "engueulade"), ("abandonnent", "decrochent"), ("abandonner", "decrochent"),
    ("financer", "argent"), ("epuisant", "fatigue"), ("facturer", "payer"),
    ("demarre", "commencer"), ("buts", "objectif"), ("embarquer", "mobiliser"),
    ("foirer", "erreur"), ("disparaissent", "decrochent"), ("sondage", "enquete"),
])
def test_the_verb_of_a_listed_noun_means_what_the_noun_means(verb: str, noun: str) -> None:
    assert stem(verb) == stem(noun)


@pytest.mark.parametrize(("word", "other"), [
    ("savez", "sessad"), ("animer", "animateurs"), ("regles", "payer"), ("priver", "prive"),
    ("isolation", "isole"), ("montant", "creer"), ("gagnant", "apport"), ("fondement", "creer"),
])
def test_a_stem_shared_by_chance_is_not_a_synonym(word: str, other: str) -> None:
    assert stem(word) != stem(other)


def test_quarrelling_said_with_the_verb_is_offered_the_tensions() -> None:
    for place, persona, text in (
            ("familles:debut", "famille",
             "comment on fait pour parler aux pros sans se disputer"),
            ("accueil:menu", None, "comment on fait pour parler aux pros sans se disputer"),
            ("accueil:menu", None, "ils se disputent tout le temps en reunion")):
        record = typed(place, "menu").record if place == "accueil:menu" else record_at(
            ENGINE, place, persona=persona)
        decision = ENGINE.understand(record, text)
        assert decision.kind in ("go", "ask"), text
        assert decision.best is not None and decision.best.place == "difficultes:tensions", (
            text, decision)


@pytest.mark.parametrize(("text", "nobody"), [
    ("personne vient aux reunions", True), ("personne ne m'écoute", True),
    ("personne m'a répondu", True), ("il n'y a personne", True),
    ("y a personne pour m'aider", True), ("personne a jamais entendu parler de ça", True),
    ("une personne handicapée", False), ("je suis une personne concernée", False),
    ("parler à une vraie personne svp", False), ("la personne qui anime", False),
    ("personne ressource", False), ("en personne", False),
])
def test_personne_meaning_nobody_is_not_a_person(text: str, nobody: bool) -> None:
    assert ("personne" not in normal(text).split()) is nobody


def test_nobody_comes_is_not_read_as_a_person_concerned() -> None:
    decision = ENGINE.understand(typed("accueil:menu", "menu").record,
                                 "personne vient aux reunions")
    places = [c.place for c in decision.candidates]
    assert places and places[0] == "modeliser:engagement"
    assert "familles:personne-concernee" not in places


@pytest.mark.parametrize(("text", "money"), [
    ("on a pas de sous", True), ("plus de sous pour la salle", True),
    ("les sous du groupe", True), ("des sous", True),
    ("sous ce message", False), ("je range ça sous le lit", False), ("les sous-titres", False),
])
def test_sous_is_money_only_as_money(text: str, money: bool) -> None:
    assert ("argent" in normal(text).split()) is money


def test_no_money_for_the_group_goes_to_the_lack_of_means() -> None:
    step = typed("accueil:menu", "on a pas de sous")
    assert where(step) == "difficultes:moyens"
    decision = ENGINE.understand(typed("accueil:menu", "menu").record,
                                 "je range les papiers sous le lit")
    # « sous » here is no money: never gone to, never offered. (The examples' model, sure of
    # a sentence about reading « les papiers », may ask about it: a question, not a go.)
    assert decision.kind != "go"
    assert "difficultes:moyens" not in [c.place for c in decision.candidates]


@pytest.mark.parametrize(("text", "worn_out"), [
    ("je suis à bout", True), ("je suis vraiment a bout", True), ("on est à bout de forces", True),
    ("être à bout", True), ("au bout de 6 mois", False), ("jusqu'au bout du projet", False),
    ("quelqu'un au bout du fil", False), ("je suis au bout du rouleau", False),
])
def test_a_bout_is_exhaustion_only_said_of_oneself(text: str, worn_out: bool) -> None:
    assert ("bout" not in normal(text).split()) is worn_out


def test_after_six_months_is_not_a_lack_of_time() -> None:
    assert where(typed("accueil:menu", "je suis à bout")) == "familles:formats"
    decision = ENGINE.understand(typed("accueil:menu", "menu").record,
                                 "au bout de 6 mois plus personne ne vient")
    places = [c.place for c in decision.candidates]
    assert places and places[0] == "modeliser:engagement"
    assert "familles:formats" not in places


@pytest.mark.parametrize(("text", "price"), [
    ("c’est cher ?", True), ("ça coûte cher ?", True), ("c'est trop cher pour nous", True),
    ("est-ce que c'est cher", True), ("c'est pas cher", True), ("ça revient cher ?", True),
    ("cher coach, merci", False), ("chère madame, bonjour", False), ("mon cher ami", False),
    ("chers parents", False), ("trop cher ?", True), ("c'est vraiment trop cher", True),
    ("ça coûte pas cher ?", True), ("je cherche un plombier pas cher", False),
    ("très cher coach", False),
])
def test_cher_is_a_price_only_after_a_cost_or_a_degree(text: str, price: bool) -> None:
    said = normal(text).split()
    assert ("payant" in said) is price
    assert (not {"cher", "chere", "chers", "cheres"} & set(said)) is price


@pytest.mark.parametrize("place", ["accueil:menu", "familles:debut", "initier:rencontre"])
def test_is_it_expensive_is_the_cost_question(place: str) -> None:
    record = record_at(ENGINE, place, persona="famille") if place.startswith(
        "familles") else record_at(ENGINE, place)
    for text in ("c’est cher ?", "ça coûte cher ?", "c’est payant ou pas",
                 "c'est trop cher pour nous"):
        step = ENGINE.play(record, TextInput(text))
        assert "coach/reponse-gratuit" in bot_refs(step), (place, text)
        assert where(step) == place  # answered where the person is
    for text in ("cher coach, merci", "chère madame, bonjour"):  # a greeting, not a price
        decision = ENGINE.understand(record, text)
        assert "reponse:gratuit" not in [c.key for c in decision.candidates], text


def test_an_ask_shows_the_persons_own_journey_before_another_persons() -> None:
    text = "je sais pas quoi dire en reunion"
    parent = record_at(ENGINE, "familles:debut", persona="famille")
    decision = ENGINE.understand(parent, text)
    assert decision.kind == "ask"
    assert decision.best is not None and decision.best.place.startswith("familles:")
    # Without a persona the order is the scores' (the coordinators' game first).
    anyone = record_at(ENGINE, "familles:debut")
    decision = ENGINE.understand(anyone, text)
    assert decision.best is not None and not decision.best.place.startswith("familles:")


def test_a_term_named_in_passing_comes_after_what_the_rest_asks() -> None:
    menu = typed("accueil:menu", "menu").record
    decision = ENGINE.understand(menu, "on aimerait que les travaux du groupe remontent à l'ARS")
    places = [c.place for c in decision.candidates]
    assert places and not places[0].startswith("glossaire:"), places
    # Asked about, or alone, the term is the answer.
    for text in ("c'est quoi l'ARS", "ARS"):
        decision = ENGINE.understand(menu, text)
        assert decision.best is not None and decision.best.place == "glossaire:ARS", text


@pytest.mark.parametrize(("place", "text", "persona"), [
    ("accueil:menu", "que faut il mettre dans le compte rendu d'une reunion", None),
    ("coordinateur:parcours", "les objectifs de chaque etape", None),
    ("familles:debut", "j'hesite a m'engager", "famille"),
    ("accueil:menu", "c'est quoi l'apprentissage situationnel", None),
])
def test_a_node_that_answers_a_question_is_reached_by_its_topics(
        place: str, text: str, persona: str | None) -> None:
    variables = {"persona": persona} if persona else {}
    decision = ENGINE.understand(record_at(ENGINE, place, **variables), text)
    expected = {"compte rendu": "outils:compte-rendu-plan", "objectifs": "coordinateur:objectifs",
                "hesite": "familles:hesitation", "situationnel": "animer:piege-situationnel"}
    want = next(v for k, v in expected.items() if k in text)
    assert want in ENGINE.understanding.places.nodes
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == want, decision


@pytest.mark.parametrize(("text", "place"), [
    ("une cop temporaire ou durable, ca se choisit quand", "initier:duree-reponse"),
    ("faire l'autodiagnostic de notre communaute", "modeliser:prismes"),
    ("les premiers themes a choisir pour notre cop", "initier:conseil-themes"),
    # Offered second since dev26 and dev27 taught the examples' model that a group going
    # through a stage is the stages' overview (which presents this one too).
    ("notre groupe traverse son adolescence", "perenniser:groupes-adolescence"),
])
def test_answers_of_the_stages_questions_are_places(text: str, place: str) -> None:
    """The answer to a key question, a quiz result or an advice that says something on its
    own has topics: typed from the menu, it is offered (it was unreachable): first, or
    second after its overview."""
    assert place in ENGINE.understanding.places.nodes
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.kind in ("go", "ask") and decision.best is not None, decision
    offered = [c.place for c in decision.candidates]
    overview = place.rsplit("-", 1)[0]  # perenniser:groupes-adolescence → perenniser:groupes
    assert offered[0] == place or (decision.kind == "ask" and offered[:2] == [overview, place]
                                   ), decision


@pytest.mark.parametrize(("text", "place"), [
    ("qui dois je contacter pour un partenariat", "commande:humain"),
    # How to put the coach in one's own tools has its answer now (the partners' guide).
    ("on voudrait installer le chatbot dans notre intranet", "reponse:integrer"),
    ("bonjour je suis de l'udaf", "professionnels:debut"),
    ("je travaille au CCAS", "professionnels:debut"),
])
def test_partners_in_their_words_reach_the_team_or_their_journey(text: str, place: str) -> None:
    decision = ENGINE.understand(typed("accueil:menu", "menu").record, text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == place, decision


@pytest.mark.parametrize(("text", "place"), [
    ("comment definir les buts de notre cop", "modeliser:objectifs"),
    ("les membres disparaissent apres deux reunions", "modeliser:engagement"),
])
def test_coordinators_everyday_words_for_the_stages_tasks(text: str, place: str) -> None:
    decision = ENGINE.understand(typed("accueil:menu", "menu").record, text)
    assert decision.kind in ("go", "ask") and decision.best is not None, decision
    assert decision.best.place == place, decision


# -- the second blind set -------------------------------------------------------------------------
def test_second_blind_set_is_apart_and_measured() -> None:
    """Written from five personas before the matcher work of 2026-12-02 and never tuned
    against (its commit comes first). Only measured: this floor catches a regression, it is
    not the 85 % target."""
    utterances = load_utterances(BLIND2)
    assert len(utterances) >= 150
    assert {u.persona for u in utterances} == {"famille", "personne", "coordinateur",
                                               "professionnel", "partenaire"}
    texts = {u.text.casefold() for u in utterances}
    # Counted, never shown: a failing assertion must not print a blind set's texts.
    assert len(texts & {u.text.casefold() for u in load_utterances()}) == 0
    report = evaluate(ENGINE, utterances)
    assert report.rate(report.top1) >= 0.70
    assert report.go_right >= 0.85 * report.kinds["go"]


@pytest.mark.parametrize("text", [
    "mes collegues se disputent avec une maman pendant le groupe",
    "mes collegues s'engueulent avec un papa au groupe",
])
def test_the_topic_comes_before_a_persons_place_found_as_well(text: str) -> None:
    """The families' journey and the tensions about as sure for the rules: what is asked (the
    tensions) comes first, the person's place after; the examples' model, all but certain of
    the tensions too, makes the coach go there rather than ask."""
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    places = [c.place for c in decision.candidates]
    assert decision.kind == "go" and "familles:debut" in places, decision
    assert places[0] == "difficultes:tensions", decision


@pytest.mark.parametrize("text", ["en Nouvelle-Aquitaine", "dans les Hauts-de-France",
                                  "vers la Provence-Alpes-Côte d’Azur"])
def test_a_region_named_in_several_words_is_a_region(text: str) -> None:
    assert LEXICON.stem_of("region") in LEXICON.query(text).stems


def _place_texts() -> list[str]:
    names = [*REGIONS, *DEPARTMENT_NAMES]
    return [*(f"{way} {name}" for name in names for way in ("un groupe dans le", "pres de la",
                                                           "en", "la cop du cote du")),
            *(f"une cop {way} {number}" for way in ("dans le", "du", "au")
              for number in ("1", "07", "35", "95", "96", "971", "2a", "2b", "100"))]


def test_regions_and_departments_are_found_as_a_scan_of_every_text_finds_them() -> None:
    """The lexicon scans a text for a region or a department sought only when it holds the
    first word of a name (or a digit, for a number): what it finds is what scanning every
    text finds, since each name is whole folded words after a space in its pattern."""
    for name in [*REGIONS, *DEPARTMENT_NAMES]:
        assert re.fullmatch(r"[a-z0-9]+(?: [a-z0-9]+)*", name), name
    region, department = LEXICON.stem_of("region"), LEXICON.stem_of("departement")
    found = 0
    for text in _place_texts():
        query = LEXICON.query(text)
        scanned = bool(DEPARTMENT.search(query.norm) or DEPARTMENT_SOUGHT.search(query.norm))
        assert (department in query.stems) == scanned, text
        if not {"region", "regions"} & set(query.tokens) and not PLACE_WORDS & set(
                query.tokens):
            assert (region in query.stems) == bool(REGION_NAMES.search(query.norm)), text
        found += scanned
    assert found > len(DEPARTMENT_NAMES)  # most of these texts name a place sought


def test_a_group_asked_for_in_a_region_of_several_words_finds_the_directory() -> None:
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"),
                                 "on habite en Ile-de-France, quel groupe ?")
    assert decision.best is not None and decision.best.place == "trouver:debut", decision


@pytest.mark.parametrize("text", [
    "je travaille au conseil regional, service des solidarites",
    "je suis chargé de mission à la mairie, pôle handicap",
])
def test_where_one_works_is_who_one_is(text: str) -> None:
    """« je travaille à… », « chargée de mission à… »: the place of work and its service
    say who writes (the professionals' journey), not what they ask."""
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == "professionnels:debut", decision


@pytest.mark.parametrize("text", [
    "nous sommes un collectif d’associations et on veut créer une cop",
    "on est une association de parents, on voudrait créer une cop",
    "je suis educatrice, on veut lancer une cop",
])
def test_of_two_persons_said_the_one_with_what_is_wanted_comes_first(text: str) -> None:
    """« on veut », « voudrait » say what one wants to do, as « je veux » does: the person
    said with it (who creates a community) comes before the one said first."""
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == "coordinateur:parcours", decision


def test_what_one_asks_after_where_one_works_is_read_for_that_person() -> None:
    menu = record_at(ENGINE, "accueil:menu")
    decision = ENGINE.understand(
        menu, "je travaille dans un IME et je voudrais monter une cop avec les familles")
    assert decision.best is not None and decision.best.place == "coordinateur:parcours"
    hostile = ENGINE.understand(menu, "je travaille a la MDPH et vous etes vraiment nuls")
    assert hostile.kind == "miss" and hostile.hostile, hostile


@pytest.mark.parametrize("text", ["infirmière en SESSAD depuis dix ans",
                                  "psychologue au CAMSP depuis peu",
                                  "responsable dans un foyer de vie depuis peu"])
def test_a_job_and_where_it_is_done_is_who_one_is(text: str) -> None:
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == "professionnels:debut", decision


@pytest.mark.parametrize("text", ["inspectrice à l’ARS depuis deux ans",
                                  "évaluatrice à la MDPH depuis peu",
                                  "formateur dans un IRTS"])
def test_roles_of_partners_and_where_they_work_are_who_one_is(text: str) -> None:
    """Inspectors, assessors, trainers (roles of partner organisations) said before where
    they work are who one is, as a head or a coordinator is."""
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == "professionnels:debut", decision


@pytest.mark.parametrize("text", ["je suis prof de maths", "prof en SEGPA", "je suis proviseur"])
def test_teachers_and_school_heads_are_professionals(text: str) -> None:
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == "professionnels:debut", decision


@pytest.mark.parametrize("text", ["je travaille dans un IME et je manque de temps",
                                  "je suis infirmiere au CHU et je manque de temps"])
def test_a_need_said_with_where_one_works_finds_that_persons_place(text: str) -> None:
    """What follows where one works is read with it: lack of time said by someone at work is
    the professionals' time first."""
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.best is not None and decision.best.place == "professionnels:temps-pro"


def test_persons_named_as_others_are_not_who_one_is() -> None:
    """« d'autres parents », « les pros », « des familles »: persons the writer speaks of,
    even in a sentence about themself."""
    decision = ENGINE.understand(
        record_at(ENGINE, "accueil:menu"),
        "ma fille est en IME et je veux parler avec d'autres parents, c'est anonyme ?")
    assert decision.best is not None and decision.best.place == "familles:confidentialite"
    assert decision.candidates[0].place == "familles:confidentialite", decision


def test_an_answer_recorded_by_a_choice_does_not_name_a_place() -> None:
    """« Surtout des professionnels » is an answer someone picks at the composition card (it
    sets a variable), not a name of that card: typed at the menu, it does not lead there."""
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), "surtout des professionnels")
    # Not by the choice's label; the examples may still guess the subject (learned from
    # « surtout des professionnels des ESMS… : est-ce une bonne composition ? »), never go.
    assert not any(c.place == "initier:composition-reponse" and c.via in ("choix", "intention")
                   for c in decision.candidates), decision
    assert decision.kind != "go", decision
    # the card is still found by what it is about
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"),
                                 "quelle composition pour la cop, combien de membres")
    assert decision.best is not None and decision.best.place == "initier:composition-reponse"


def test_the_persons_own_place_is_offered_even_when_others_rank_above_it() -> None:
    """Of all the plausible places, the person's own journey's come first in « Vous voulez
    parler de… ? », not only among the first three found."""
    record = record_at(ENGINE, "accueil:menu", persona="professionnel")
    decision = ENGINE.understand(record, "je manque de temps pour tout")
    assert decision.kind == "ask" and decision.best is not None, decision
    assert decision.candidates[0].place == "professionnels:temps-pro", decision


@pytest.mark.parametrize(("text", "place"), [
    ("salut le coach", "reponse:bonjour"), ("merci beaucoup le coach", "reponse:merci"),
    ("merci mille fois a toute l'equipe", "reponse:merci"),
])
def test_a_greeting_or_thanks_said_to_someone_is_one(text: str, place: str) -> None:
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == place, decision


@pytest.mark.parametrize("text", ["c'est où", "cest ou", "ça se passe où ?"])
def test_where_is_it_asked_by_a_parent_finds_a_community(text: str) -> None:
    """« c'est où » has no content word: a parent on a phone got « je ne comprends pas »."""
    assert where(typed("familles:debut", text)) == "trouver:debut"


# -- a number that counts is no department ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "le truc en 4 cases",
    "le document en 4 cases",
    "la fiche en 4 cases a remplir",
    "le modèle en 3 parties",
    "le plan d'action en 5 étapes",
    "la grille en 4 points",
    "le tableau en 2 colonnes",
    "le projet en 2 temps",
])
def test_a_number_followed_by_what_it_counts_is_no_department(text: str) -> None:
    """« le truc en 4 cases » at the tools read « en 4 » as a department (the 04) and led to
    finding a group: a number followed by « cases », « parties », « étapes », « points »…
    counts them."""
    assert LEXICON.stem_of("departement") not in LEXICON.query(text).stems, text
    decision = ENGINE.understand(record_at(ENGINE, "outils:banque", persona="coordinateur"),
                                 text)
    assert all(c.place != "trouver:debut" for c in decision.candidates[:3]), decision


def test_the_thing_in_4_boxes_at_the_tools_is_the_canvas() -> None:
    assert where(typed("outils:banque", "le truc en 4 cases")) == "outils:canevas"


def test_a_tool_in_4_boxes_is_first_the_canvas() -> None:
    decision = ENGINE.understand(record_at(ENGINE, "outils:banque", persona="coordinateur"),
                                 "l'outil en 4 cases")
    assert decision.best is not None and decision.best.place == "outils:canevas", decision


def test_a_document_in_4_boxes_to_fill_in_offers_the_canvas_and_its_questions() -> None:
    """« qu'on remplit »: the examples read the questions that help fill the canvas in; the
    canvas itself is offered beside them (the coach asks, it does not go)."""
    decision = ENGINE.understand(record_at(ENGINE, "outils:banque", persona="coordinateur"),
                                 "le document en 4 cases qu'on remplit")
    assert decision.kind == "ask", decision
    assert [c.place for c in decision.candidates[:2]] == [
        "outils:canevas-questions", "outils:canevas"], decision


@pytest.mark.parametrize("text", ["une cop dans le 35", "un groupe en 44 ?",
                                  "ya une cop dans le 59 pour les parents",
                                  "dans le 13 il y a des groupes ?"])
def test_a_department_number_is_still_one(text: str) -> None:
    assert LEXICON.stem_of("departement") in LEXICON.query(text).stems, text
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.best is not None and decision.best.place == "trouver:debut", decision


# -- partner organisations: an organisation named first, a funder's side ----------------------
def menu_decision(text: str):
    return ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)


@pytest.mark.parametrize("text", [
    "laboratoire de neurosciences, nous étudions le polyhandicap et nous aimerions collaborer"
    " avec une cop",
    "fac de médecine : on travaille sur les maladies rares, on aimerait travailler avec des"
    " communautés",
    "centre hospitalier, on suit des enfants épileptiques, on voudrait travailler avec des cop",
])
def test_an_organisation_named_first_is_who_writes_and_its_subject_no_person(text: str) -> None:
    """« université, on fait de la recherche sur l'épilepsie… » went to the families: the
    condition won over the organisation named first. An organisation alone in the first
    clause, « on » or « nous » speaking for it, is where the writer works; the condition is
    what the work is about, not who writes."""
    decision = menu_decision(text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == "professionnels:debut", decision


@pytest.mark.parametrize("text", [
    "institut médico-éducatif, nous voulons créer une cop sur le polyhandicap",
    "service départemental de l'autonomie, on souhaite créer une communauté de pratique",
    "direction départementale, nous voulons lancer une cop sur les troubles dys",
])
def test_an_organisation_that_wants_its_own_cop_is_led_to_coordinate(text: str) -> None:
    """« service départemental, on voudrait créer une cop sur l'autisme » went to the MDPH's
    entry of the glossary (« départemental »), an IME's name to the IME's: the organisation
    said who writes, the rest what it wants."""
    decision = menu_decision(text)
    assert decision.kind == "go" and decision.best is not None, decision
    assert decision.best.place == "coordinateur:parcours", decision


@pytest.mark.parametrize(("text", "place"), [
    ("je bosse dans un ESAT et je suis handicapé moi-même", "familles:personne-concernee"),
    ("je travaille dans un esat, j'ai une déficience visuelle", "familles:personne-concernee"),
    ("mdph : comment faire une demande", "glossaire:MDPH"),
    ("école : mon fils n'est pas accepté, que faire ?", "familles:debut"),
])
def test_a_condition_of_one_s_own_or_an_organisation_asked_about_stays(text: str,
                                                                      place: str) -> None:
    """A condition said of oneself (« j'ai une déficience ») is who one is; an organisation
    named without « on » or « nous » after it is what one asks about."""
    decision = menu_decision(text)
    assert decision.best is not None and decision.best.place == place, decision


@pytest.mark.parametrize("text", [
    "nous finançons deux cop, comment elles pourront durer sans notre financement ?",
    "on finance cette communauté, comment la faire durer après la fin de notre financement ?",
    "nous finançons une cop, comment elle pourra tenir après la fin du financement ?",
    "on finance une cop, que devient-elle à la fin du financement ?",
])
def test_a_funder_asking_how_a_cop_lasts_is_led_to_make_it_last(text: str) -> None:
    """« on finance une cop… comment elle pourra durer après la fin du financement » went to
    the group's lack of money: the writer funds, its money is what it gives. And « la fin du
    financement » is the funding stopping, not the end of the conversation."""
    decision = menu_decision(text)
    assert decision.best is not None and decision.best.place == "perenniser:debut", decision
    assert all(c.place != "difficultes:moyens" for c in decision.candidates), decision


@pytest.mark.parametrize(("text", "funder"), [
    ("on finance une cop", True), ("nous finançons le projet", True),
    ("nous sommes un financeur", True), ("nous sommes financeurs", True),
    ("des chiffres pour les financeurs", False), ("comment financer une cop", False),
    ("le département finance des projets", False),
])
def test_who_says_it_funds(text: str, funder: bool) -> None:
    assert funds(LEXICON.query(text).tokens) is funder


@pytest.mark.parametrize("text", [
    "on n'a plus de financement, comment on paie la salle ?",
    "comment financer notre communauté",
])
def test_money_lacking_is_still_the_group_s_means(text: str) -> None:
    decision = menu_decision(text)
    assert decision.best is not None and decision.best.place == "difficultes:moyens", decision


@pytest.mark.parametrize(("text", "read"), [
    ("après la fin du financement", "apres la arret du financement"),
    ("à la fin de notre subvention", "a la arret de notre subvention"),
    ("la fin du parcours", "la fin du parcours"),
    ("la fin de mon parcours", "la fin de mon parcours"),
    ("c'est la fin", "c est la fin"),
    ("pour que la cop dure longtemps", "pour que la cop durer longtemps"),
    ("c'est trop dure", "c est trop dure"),
])
def test_the_end_of_a_thing_and_a_group_that_lasts(text: str, read: str) -> None:
    assert normal(text) == read
