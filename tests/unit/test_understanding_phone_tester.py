"""What a tester typed on a phone as real people (2026-12-02, second list), each through the
engine as typed, where it was typed: each test fails without its fix."""

from __future__ import annotations

import pytest

from coach.communities import Communities, load_communities
from coach.content.loader import load_content
from coach.engine.engine import Engine, Step, TextInput
from tests.conftest import CONTACT
from tests.places import record_at

ENGINE = Engine(load_content(), CONTACT)


def typed(place: str, text: str, falc: bool = False, **variables: object) -> Step:
    return ENGINE.play(record_at(ENGINE, place, falc=falc, **variables), TextInput(text))


def where(step: Step) -> str:
    return f"{step.record.flow}:{step.record.node}"


@pytest.mark.parametrize("text", [
    "je suis la maman de lea elle a un handicap rare",
    "bonjour je suis le papa d'Hugo il a une maladie tres rare",
    "on est les parents de Sacha, il est epileptique",
])
def test_who_one_is_wins_over_the_childs_condition(text: str) -> None:
    step = typed("accueil:menu", text, falc=True)
    assert where(step) == "familles:debut"
    assert step.record.vars.get("persona") == "famille"


def test_a_need_said_with_the_condition_is_still_answered() -> None:
    step = typed("accueil:menu", "je suis la maman de Jade, 6 ans, atteinte d'une maladie "
                 "genetique tres rare, je me sens tellement isolee")
    assert where(step) == "familles:handicap-rare"


@pytest.mark.parametrize("place", ["familles:formats", "familles:confidentialite",
                                   "familles:niveaux"])
def test_a_place_for_me_asked_in_the_parents_journey_is_the_roles(place: str) -> None:
    step = typed(place, "jai une place moi?", falc=True, persona="famille")
    assert where(step) == "familles:roles"


@pytest.mark.parametrize("place", ["familles:debut", "familles:roles", "familles:niveaux"])
def test_how_long_it_takes_is_the_parents_time(place: str) -> None:
    step = typed(place, "ca prend combien de temps", falc=True, persona="famille")
    assert where(step) == "familles:formats"


@pytest.mark.parametrize("place", ["familles:formats", "familles:roles", "familles:niveaux"])
def test_ok_then_what_do_i_do_now_is_the_first_concrete_step(place: str) -> None:
    step = typed(place, "ok et je fais quoi maintenant", falc=True, persona="famille")
    assert where(step) == "familles:premier-pas"


def test_ok_alone_still_goes_on() -> None:
    assert where(typed("familles:formats", "ok", falc=True, persona="famille")) == (
        "familles:confidentialite")


def bot_refs(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


@pytest.mark.parametrize(("place", "persona", "text"), [
    ("familles:debut", "famille", "c quoi un pair aidant"),
    ("familles:personne-concernee", "personne", "c'est quoi un pair aidant"),
    ("familles:roles", "famille", "ca veut dire quoi pair aidante"),
])
def test_a_peer_helper_is_explained_by_the_glossary(place: str, persona: str, text: str) -> None:
    step = typed(place, text, persona=persona)
    assert bot_refs(step)[0] == "glossaire/pair aidant", bot_refs(step)
    assert not step.record.pending


@pytest.mark.parametrize("text", ["c quoi ce mot RGPD", "c'est quoi le sigle RGPD"])
def test_what_this_word_means_names_the_term(text: str) -> None:
    step = typed("familles:debut", text, falc=True, persona="famille")
    assert not step.record.pending
    assert any("RGPD" in m.text and "loi" in m.text for m in step.messages if m.role == "bot")


@pytest.mark.parametrize(("falc", "said"), [(False, "coach/simplifier-oui"),
                                            (True, "coach/simplifier-deja")])
def test_what_is_this_word_alone_rewords_the_step(falc: bool, said: str) -> None:
    step = typed("familles:roles", "c'est quoi ce mot", falc=falc, persona="famille")
    refs = bot_refs(step)
    assert refs[0] == said and "familles/roles/0" in refs
    assert step.record.falc


@pytest.mark.parametrize("text", ["quoi ?", "hein", "?", "c koi"])
def test_huh_after_a_step_says_it_again_in_easy_to_read(text: str) -> None:
    """Typed after a message (a parent on a phone: « quoi ? ») it was « pas compris »."""
    step = typed("familles:roles", text, persona="famille")
    refs = bot_refs(step)
    assert refs[0] == "coach/simplifier-oui" and "familles/roles/0" in refs, refs
    assert step.record.falc


def test_huh_that_names_a_choice_of_the_step_takes_it() -> None:
    """An author may give « c koi » to a step's choice (the definition of defensive routines):
    the choice, not the step said again."""
    step = typed("perenniser:routines", "c koi", persona="coordinateur")
    assert where(step) == "perenniser:routines-definition", bot_refs(step)


def test_what_is_this_at_the_menu_is_what_a_cop_is() -> None:
    """At the menu « c koi » asks what all this is about: not a step to say again."""
    step = typed("accueil:menu", "c koi")
    assert where(step) == "decouvrir:debut", bot_refs(step)
    assert not step.record.falc
    assert "coach/simplifier-oui" not in bot_refs(typed("accueil:menu", "?"))


@pytest.mark.parametrize(("place", "persona", "text"), [
    ("familles:debut", "famille", "on a pas d'argent"),
    ("familles:roles", "famille", "on a pas de sous"),
    ("familles:personne-concernee", "personne", "j'ai pas d'argent moi"),
])
def test_no_money_said_by_a_parent_or_a_person_is_the_cost(place: str, persona: str,
                                                           text: str) -> None:
    step = typed(place, text, persona=persona)
    assert bot_refs(step)[0] == "coach/reponse-gratuit", bot_refs(step)


@pytest.mark.parametrize(("place", "persona"), [("accueil:menu", None),
                                                ("coordinateur:parcours", "coordinateur")])
def test_no_money_said_by_a_coordinator_is_the_groups_means(place: str,
                                                            persona: str | None) -> None:
    variables = {"persona": persona} if persona else {}
    assert where(typed(place, "on a pas d'argent", **variables)) == "difficultes:moyens"


DIRECTORY = """
communities:
  - name: Groupe des familles du Nord
    departments: ["59"]
    join: Écrivez à l’animatrice.
    email: animation@groupe-59.test
"""


@pytest.fixture(scope="module")
def with_directory(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    path = tmp_path_factory.mktemp("annuaire") / "annuaire.yaml"
    path.write_text(DIRECTORY, encoding="utf-8")
    return Engine(load_content(), CONTACT, load_communities(path))


def listed(engine: Engine, place: str, text: str, falc: bool = False, **variables: object) -> str:
    step = engine.play(record_at(engine, place, falc=falc, **variables), TextInput(text))
    return " ".join(m.text for m in step.messages if m.ref == "coach/annuaire-resultats")


@pytest.mark.parametrize(("place", "text"), [
    ("familles:debut", "ya un groupe dans le nord ?"),
    ("familles:debut", "59"),  # where the coach offers to find a group
    ("accueil:menu", "59"),
    ("accueil:menu", "un groupe dans le Nord svp"),
    ("trouver:debut", "le nord"),
])
def test_a_department_typed_by_name_or_number_lists_its_groups(with_directory: Engine,
                                                               place: str, text: str) -> None:
    assert "Groupe des familles du Nord" in listed(with_directory, place, text, falc=True,
                                                   persona="famille")


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("with_list", [False, True])
def test_a_place_named_at_once_is_answered_once(with_directory: Engine, with_list: bool,
                                                 falc: bool) -> None:
    """« ya un groupe dans le nord ? » names the place: the coach does not also ask
    « Dans quelle région habitez-vous ? » nor give the general advice before the place's."""
    engine = with_directory if with_list else ENGINE
    step = engine.play(record_at(engine, "familles:debut", falc=falc, persona="famille"),
                       TextInput("ya un groupe dans le nord ?"))
    refs = bot_refs(step)
    assert "coach/annuaire-question" not in refs and "coach/annuaire-vide" not in refs, refs
    assert ("coach/annuaire-resultats" if with_list else "coach/annuaire-vide-lieu") in refs


def test_the_directory_question_stays_when_no_place_is_named(with_directory: Engine) -> None:
    step = with_directory.play(record_at(with_directory, "familles:debut", persona="famille"),
                               TextInput("ya un groupe pres de chez moi ?"))
    assert "coach/annuaire-question" in bot_refs(step), bot_refs(step)
    empty = ENGINE.play(record_at(ENGINE, "familles:debut", persona="famille"),
                        TextInput("ya un groupe pres de chez moi ?"))
    assert "coach/annuaire-vide" in bot_refs(empty), bot_refs(empty)


@pytest.mark.parametrize(("text", "code"), [
    ("la somme", "80"), ("dans le Var", "83"), ("en Gironde", "33"), ("la manche", "50"),
    ("un groupe dans les Hauts-de-Seine", "92"), ("pays de la loire", None),
])
def test_department_names_are_places_where_a_place_is_asked(text: str, code: str | None) -> None:
    place = Communities.read(text)
    assert place is not None and place.department == code


@pytest.mark.parametrize("text", ["c'est cher ?", "quelle est la somme a payer",
                                  "en somme je peux venir ?"])
def test_department_names_are_not_read_outside_a_search(text: str) -> None:
    """Outside the directory, « le Nord » is a department only where a group is sought."""
    stems = ENGINE.understanding.lexicon.query(text).stems
    assert ENGINE.understanding.lexicon.stem_of("departement") not in stems


@pytest.mark.parametrize(("text", "falc", "place"), [
    ("c gratuit ? et ca prend combien de temps", False, "familles:formats"),
    ("et ca coute combien ? c'est accessible aux personnes aveugles ?", True,
     "familles:accessibilite"),
    ("c'est confidentiel ? et c'est gratuit ?", False, "familles:confidentialite"),
])
def test_two_requests_in_one_message_are_both_answered(text: str, falc: bool,
                                                       place: str) -> None:
    step = typed("familles:debut", text, falc=falc, persona="famille")
    refs = bot_refs(step)
    assert refs[0] == "coach/reponse-gratuit", refs
    assert "coach/reponse-suite" not in refs  # no « reprenez… »: the other answer follows
    assert where(step) == place


def test_two_terms_and_a_question_still_explain_the_terms() -> None:
    step = typed("accueil:menu", "c koi un IME et une MDPH")
    assert bot_refs(step)[:2] == ["glossaire/IME", "glossaire/MDPH"]


@pytest.mark.parametrize(("text", "place"), [
    # How to put the coach on one's site: its own answer (the partners' guide, asked for
    # through « Parler à une personne »); a partnership: the team directly.
    ("on est une asso, on peut integrer le coach sur notre site ?", "reponse:integrer"),
    ("nous sommes une association, comment integrer ce tchat sur notre site internet",
     "reponse:integrer"),
    ("on voudrait un partenariat avec vous", "commande:humain"),
    ("un partenariat c'est possible ?", "commande:humain"),
])
def test_partners_who_want_the_coach_reach_the_team(text: str, place: str) -> None:
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), text)
    assert decision.best is not None and decision.best.key == place, decision


@pytest.mark.parametrize(("place", "persona"), [("accueil:menu", None),
                                                ("familles:debut", "famille")])
def test_what_the_site_keeps_is_the_sites_data_answer(place: str, persona: str | None) -> None:
    variables = {"persona": persona} if persona else {}
    step = typed(place, "vous gardez les donnees des gens ?", **variables)
    assert bot_refs(step)[0] == "coach/reponse-donnees", bot_refs(step)
    assert where(step) == place
    # the answer itself says where to erase the conversation now (the menu of options)
    answer = next(m for m in step.messages if m.ref == "coach/reponse-donnees")
    assert "« Plus d’options »" in answer.text


def test_the_communitys_confidentiality_is_still_the_families_place() -> None:
    step = typed("familles:debut", "mes données personnelles sont protégées ?", persona="famille")
    assert where(step) == "familles:confidentialite"


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("text", ["c privé ? les autres vont savoir mon handicap ?",
                                  "c secret ce que je dis ?"])
def test_confidentiality_answers_a_person_about_their_own_disability(text: str,
                                                                     falc: bool) -> None:
    step = typed("familles:personne-concernee", text, falc=falc, persona="personne")
    assert where(step) == "familles:confidentialite"
    said = " ".join(m.text for m in step.messages if m.role == "bot")
    assert "votre handicap" in said
    assert "problèmes de santé de votre enfant" not in said


@pytest.mark.parametrize("falc", [False, True])
def test_joining_asked_by_a_person_is_the_first_step_with_no_families_label(falc: bool) -> None:
    step = typed("familles:personne-concernee", "je peux entrer dans le groupe ?", falc=falc,
                 persona="personne")
    assert where(step) == "familles:premier-pas"
    places = ENGINE.understanding.places
    # Only the families' own start is named for them: the places a person shares are not.
    shared = [p for p in places.nodes if p.startswith("familles:") and p != "familles:debut"]
    assert not [p for p in shared if (places.label(p, falc) or "").startswith("Familles")]


def test_a_partner_saying_who_they_are_still_gets_their_journey() -> None:
    """« partenariat » asks for the team; « partenaire » says who one is."""
    decision = ENGINE.understand(record_at(ENGINE, "accueil:menu"), "je suis partenaire")
    assert decision.best is not None and decision.best.place == "professionnels:debut"


@pytest.mark.parametrize("text", ["jen suis ou", "j'en suis où", "j en suis ou la"])
def test_where_am_i_typed_the_other_way_round(text: str) -> None:
    """« j'en suis où » (the spoken order, often without apostrophe) is « Où en suis-je ? »."""
    step = typed("initier:debut", text, falc=True)
    assert "coach/ou-en-suis-je" in bot_refs(step), bot_refs(step)


# -- the evening's tryout (2026-12-02): what was still misunderstood on a phone ------------

@pytest.mark.parametrize("text", ["sa coute combien et cest ou", "c'est gratuit ? et c'est où",
                                  "c'est ou et c'est payant"])
@pytest.mark.parametrize("falc", [False, True])
def test_the_cost_and_where_asked_at_once_are_both_answered(text: str, falc: bool) -> None:
    """« c'est où » has no word that counts: as a clause it was not read as a request."""
    step = typed("accueil:menu", text, falc=falc)
    assert "coach/reponse-gratuit" in bot_refs(step), bot_refs(step)
    assert where(step) == "trouver:debut"


@pytest.mark.parametrize(("text", "place"), [
    ("bonjour c'est ou", "trouver:debut"),
    ("salut, ça se passe où ?", "trouver:debut"),
    ("je suis maman, c'est où ?", "trouver:debut"),
    ("bonjour à toute l'équipe", "accueil:menu"),
    ("merci à vous tous", "accueil:menu"),
])
def test_a_greeting_or_who_one_is_gives_way_to_a_phrase_typed_exactly(text: str,
                                                                      place: str) -> None:
    step = typed("accueil:menu", text)
    assert where(step) == place, bot_refs(step)


def test_who_one_is_with_a_childs_name_only_is_still_who_one_is() -> None:
    assert where(typed("accueil:menu", "je suis la maman de Léa")) == "familles:debut"


@pytest.mark.parametrize("text", ["combien de temps dure une reunion et cest tous les combien",
                                  "une reunion ca dure combien",
                                  "la prochaine réunion c'est quand ?"])
@pytest.mark.parametrize("falc", [False, True])
def test_when_and_how_long_the_meetings_are_is_answered_where_one_is(text: str,
                                                                     falc: bool) -> None:
    step = typed("familles:roles", text, falc=falc, persona="famille")
    assert bot_refs(step)[0] == "coach/reponse-rencontres", bot_refs(step)
    assert where(step) == "familles:roles"


def test_a_coordinator_asking_how_often_gets_the_rhythm_to_plan() -> None:
    step = typed("coordinateur:parcours", "les réunions c'est tous les combien ?",
                 persona="coordinateur")
    assert where(step) == "outils:matrice", bot_refs(step)
