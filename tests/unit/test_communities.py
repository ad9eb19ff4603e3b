"""The deployer's directory of communities: checked at start-up with French errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coach.communities import Communities, DirectoryError, Place, load_communities

GOOD = """
communities:
  - name: Groupe des familles d’Ille-et-Vilaine
    departments: ["35"]
    audience: [familles]
    join: Écrivez à l’animatrice, elle vous envoie le guide de participation.
    email: animation@groupe-35.test
  - name: Réseau breton
    regions: [bretagne]
    join: Inscription sur le site.
    website: https://reseau-breton.test/inscription
  - name: Groupe en ligne
    everywhere: true
    join: Une visioconférence par mois.
    phone: "02 99 00 00 00"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "annuaire.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_no_communities() -> None:
    assert not load_communities(None)


def test_a_good_file_is_read_and_matched_by_department_and_region(tmp_path: Path) -> None:
    communities = load_communities(write(tmp_path, GOOD))
    assert communities.regions() == ["Bretagne"]
    names = [c.name for c in communities.near(Place("Bretagne", "35"))]
    assert names == ["Groupe des familles d’Ille-et-Vilaine", "Réseau breton", "Groupe en ligne"]
    assert [c.name for c in communities.near(Place("Bretagne", "29"))] == [
        "Réseau breton", "Groupe en ligne"]
    assert [c.name for c in communities.near(Place("Occitanie"))] == ["Groupe en ligne"]


@pytest.mark.parametrize(("text", "place"), [
    ("dans le 35", Place("Bretagne", "35")), ("974", Place("La Réunion", "974")),
    ("en Bretagne", Place("Bretagne")), ("j'habite en ile de france", Place("Île-de-France")),
    ("2a", Place("Corse", "2A")), ("je sais pas", None),
])
def test_places_typed_in_own_words(text: str, place: Place | None) -> None:
    assert Communities.read(text) == place


VAR = Place("Provence-Alpes-Côte d’Azur", "83")


@pytest.mark.parametrize("way", [
    "dans le", "vers le", "sur le", "près du", "près de", "à côté du", "du côté du",
    "du côté de",
])
def test_every_reading_of_a_department_knows_the_same_ways_to_say_where(way: str) -> None:
    """« près du Var » typed alone, in a sentence, and sought as a group's place: the three
    readings share one list of the words that say where (they each had their own)."""
    from coach.communities import DEPARTMENT_SOUGHT
    from coach.engine.nlu.french import normal

    assert Communities.only_place(f"{way} Var") == VAR, way
    assert Communities.read(f"un groupe {way} Var ?") == VAR, way
    assert DEPARTMENT_SOUGHT.search(normal(f"un groupe {way} Var")), way


LYON, MARSEILLE = Place("Auvergne-Rhône-Alpes", "69"), Place("Provence-Alpes-Côte d’Azur", "13")


@pytest.mark.parametrize(("text", "place"), [
    ("jhabite a lyon", LYON), ("Lyon", LYON), ("ya une cop vers marseille", MARSEILLE),
    ("j'habite au Havre", Place("Normandie", "76")), ("à côté de Saint-Étienne",
                                                      Place("Auvergne-Rhône-Alpes", "42")),
    ("on fait des tours de table", None), ("pau ?", Place("Nouvelle-Aquitaine", "64")),
])
def test_a_town_is_read_as_its_department(text: str, place: Place | None) -> None:
    """People name their town, not its department (seen on a phone: « jhabite a lyon »
    after « Dans quel département ? » got « je ne comprends pas »)."""
    assert Communities.read(text) == place


def test_a_town_where_a_group_is_sought_leads_to_its_department() -> None:
    from coach.content.loader import load_content
    from coach.engine.engine import Engine, TextInput
    from tests.conftest import CONTACT

    engine = Engine(load_content(None), CONTACT)
    step = engine.play(engine.start().record, TextInput("ya une cop vers marseille"))
    assert step.record.transcript[-1] == ["directory", "13"]
    step = engine.play(engine.start().record, TextInput("il y a une cop pres de chez moi ?"))
    step = engine.play(step.record, TextInput("jhabite a lyon"))
    assert step.record.transcript[-1] == ["directory", "69"]


@pytest.mark.parametrize("text", ["en somme", "la somme à payer", "c’est cher"])
def test_a_department_s_name_in_another_sense_is_not_sought(text: str) -> None:
    from coach.communities import DEPARTMENT_SOUGHT
    from coach.engine.nlu.french import normal

    assert not DEPARTMENT_SOUGHT.search(normal(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("communities:\n  - name: A\n    regions: [Narnia]\n    join: x\n    email: a@b.fr\n",
     "région inconnue « Narnia »"),
    ("communities:\n  - name: A\n    departments: [99]\n    join: x\n    email: a@b.fr\n",
     "département inconnu « 99 »"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    join: x\n    email: pas-un-mail\n",
     "champ « courriel » : « pas-un-mail » n’est pas une adresse de courriel"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    join: x\n",
     "au moins un moyen de contact"),
    ("communities:\n  - name: A\n    join: x\n    email: a@b.fr\n",
     "indiquez « regions », « departments » ou « everywhere: true »"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    email: a@b.fr\n",
     "champ « comment rejoindre » : ce champ est obligatoire"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    join: x\n    website: www.a.fr\n",
     "doit commencer par https://"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    join: x\n    phone: abc\n"
     "    couleur: 1\n",
     "champ « couleur » : champ inconnu"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    themes: autisme, polyhandicap\n"
     "    join: x\n    email: a@b.fr\n",
     "champ « thèmes » : écrivez une liste entre crochets, par exemple"
     " « themes: [autisme, polyhandicap] »"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    themes: [\"autisme, tsa\"]\n"
     "    join: x\n    email: a@b.fr\n",
     "« autisme, tsa » : un seul thème par élément de la liste"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    themes: [Autisme, autisme]\n"
     "    join: x\n    email: a@b.fr\n",
     "thème en double : « Autisme » et « autisme »"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n"
     "    themes: [maladies rares, Maladie rare]\n    join: x\n    email: a@b.fr\n",
     "thème en double : « maladies rares » et « Maladie rare »"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    themes: [\" \"]\n"
     "    join: x\n    email: a@b.fr\n",
     "champ « thèmes » : un thème est vide"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    themes: [\"?!\"]\n"
     "    join: x\n    email: a@b.fr\n",
     "« ?! » n’est pas un thème"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n    themes: [{autisme: oui}]\n"
     "    join: x\n    email: a@b.fr\n",
     "chaque thème est un mot ou quelques mots"),
    ("communities:\n  - name: A\n    regions: [Bretagne]\n"
     "    themes: [accompagnement des familles d’enfants avec autisme]\n"
     "    join: x\n    email: a@b.fr\n",
     "thème trop long « accompagnement des familles d’enfants avec autisme »"),
    ("communautes: []\n", "« communities: »"),
    ("communities: [\n", "illisible"),
])
def test_mistakes_are_reported_in_french(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(DirectoryError) as caught:
        load_communities(write(tmp_path, text))
    assert expected in str(caught.value)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DirectoryError, match="n’existe pas"):
        load_communities(tmp_path / "absent.yaml")


def test_serve_refuses_to_start_on_a_broken_directory(tmp_path: Path) -> None:
    path = write(tmp_path, "communities:\n  - name: A\n    join: x\n")
    env = {"COACH_ANNUAIRE": str(path), "COACH_STORE_URL": f"sqlite:///{tmp_path}/c.db",
           "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)}
    done = subprocess.run([sys.executable, "-m", "coach.cli", "serve", "--port", "1"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 1
    assert "Annuaire « annuaire.yaml »" in done.stderr and "communauté n° 1" in done.stderr


@pytest.mark.parametrize(("text", "place"), [
    ("un atelier en 12 étapes", None),
    ("on travaille en 13 groupes", None),
    ("la fiche en 35 questions", None),
    ("dans le 35, 3 personnes", Place("Bretagne", "35")),
    ("une cop dans le 44 ?", Place("Pays de la Loire", "44")),
])
def test_a_number_that_counts_parts_is_no_department(text: str, place: Place | None) -> None:
    """A number followed by what it counts (« 12 étapes », « 13 groupes ») is a count."""
    assert Communities.read(text) == place


def test_themes_are_read_and_named_in_own_words(tmp_path: Path) -> None:
    """A directory's themes (optional) are matched on the directory's own words, whatever
    the accents, capitals and plurals; a word it does not list is no theme."""
    communities = load_communities(write(tmp_path, """
communities:
  - name: Familles autisme (fictif)
    regions: [Bretagne]
    themes: [Autisme, maladies rares]
    join: Écrivez à l’animatrice.
    email: familles@example.org
  - name: Sans thème (fictif)
    everywhere: true
    join: Inscription sur le site.
    website: https://visio.example.org/inscription
"""))
    assert communities.entries[0].themes == ["Autisme", "maladies rares"]
    assert communities.entries[1].themes == []
    assert communities.theme("une cop sur l'autisme") == "Autisme"
    assert communities.theme("AUTISME") == "Autisme"
    assert communities.theme("y a une communauté pour les maladies rares ?") == "maladies rares"
    assert communities.theme("une maladie rare") == "maladies rares"
    assert communities.theme("une Maladie Rare près de Lille") == "maladies rares"
    assert communities.theme("une cop sur la trisomie") is None
    assert communities.theme("les maladies") is None  # the theme's words, all of them
    assert communities.entries[0].about("maladie rare")
    # The word for the person (« autiste ») finds the condition's name (`Autisme`); a word
    # that only begins the same (« auto ») does not.
    assert communities.theme("mon fils est autiste") == "Autisme"
    assert communities.theme("des enfants autistes") == "Autisme"
    assert communities.theme("en auto") is None
    assert communities.theme("une maladie rarissime") is None


def test_the_documented_example_is_a_valid_directory(tmp_path: Path) -> None:
    """A deployer starts from docs/annuaire.md's example: it must load as written (its
    `join:` had « : » in it, which YAML refuses)."""
    import re

    doc = (Path(__file__).parents[2] / "docs" / "annuaire.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", doc, re.S)
    assert example is not None
    communities = load_communities(write(tmp_path, example[1]))
    assert communities.entries[0].themes == ["épilepsie", "polyhandicap"]
