"""Finding and merging the configuration: falc.toml, [tool.falc], --config."""

from __future__ import annotations

from pathlib import Path

import pytest

from falc import Config, ConfigError, load_config
from falc.config import find_config_file

REPO = Path(__file__).resolve().parents[2]


def test_defaults_alone(tmp_path: Path) -> None:
    config = load_config(start_dir=tmp_path)
    assert config.source is None
    assert config.thresholds.sentence_words_warning == 15
    assert config.thresholds.sentence_words_error == 25
    assert config.formal_words["afin de"] == "pour"
    assert "baisser les bras" in config.idioms
    assert config.address == "vous"


def test_falc_toml_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "falc.toml").write_text("[thresholds]\nsentence_words_warning = 10\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(start_dir=deep)
    assert config.source == tmp_path / "falc.toml"
    assert config.thresholds.sentence_words_warning == 10
    assert config.thresholds.sentence_words_error == 25  # default kept


def test_pyproject_tool_falc_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.falc.glossary]\nMDPH = "la maison"\n'
        '[tool.falc.words]\nallow = ["Camille"]\n'
    )
    config = load_config(start_dir=tmp_path)
    assert config.source == tmp_path / "pyproject.toml"
    assert config.glossary["MDPH"] == "la maison"
    assert config.is_allowed("camille")


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(tmp_path) is None or find_config_file(tmp_path) != (
        tmp_path / "pyproject.toml"
    )
    with pytest.raises(ConfigError, match=r"\[tool\.falc\]"):
        load_config(tmp_path / "pyproject.toml")


def test_falc_toml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.falc]\naddress = \"tu\"\n")
    (tmp_path / "falc.toml").write_text("address = \"vous\"\n")
    assert load_config(start_dir=tmp_path).source == tmp_path / "falc.toml"


def test_explicit_path_overrides_the_search(tmp_path: Path) -> None:
    other = tmp_path / "autre.toml"
    other.write_text("[thresholds]\ncommas = 5\n")
    assert load_config(other, start_dir=REPO).thresholds.commas == 5


def test_merge_extends_lists_and_removes_with_false(tmp_path: Path) -> None:
    path = tmp_path / "falc.toml"
    path.write_text(
        '[formal_words]\n"dispositif" = false\n"vélocipède" = "vélo"\n'
        '[words]\nallow = ["Camille"]\n[numbers]\nidioms = ["sept merveilles"]\n'
    )
    config = load_config(path)
    assert "dispositif" not in config.formal_words
    assert config.formal_words["vélocipède"] == "vélo"
    assert config.formal_words["afin de"] == "pour"
    assert {"camille", "ok"} <= config.allow
    assert "sept merveilles" in config.number_idioms
    assert "mille mercis" in config.number_idioms


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("nimporte = 1\n", "clé(s) inconnue(s) nimporte"),
        ("[thresholds]\nlongueur = 3\n", "Seuil(s) inconnu(s) : longueur"),
        ('[rules]\n"FALC-NEG-001" = "grave"\n', "Sévérité inconnue"),
        ('address = "il"\n', "address doit valoir"),
        ("[words]\nautres = []\n", "[words] autres est inconnu"),
        ("pas du toml = = \n", "pas du TOML valide"),
    ],
)
def test_bad_configuration_says_why_in_french(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "falc.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert message in str(err.value)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="introuvable"):
        load_config(tmp_path / "absent.toml")


def test_repository_falc_toml_is_found_from_the_repository() -> None:
    config = load_config(start_dir=REPO / "falc")
    assert config.source == REPO / "falc.toml"
    for acronym in ("CoP", "FALC", "RGPD", "ARS", "MDPH", "IME", "ESMS", "CAPSE"):
        assert acronym in config.glossary
    assert "communauté de pratiques" in config.terms["communauté de pratique"]
    for name in ("Alexandra", "Léo", "Jacques", "Patricia", "Bretagne", "Pays de la Loire",
                 "Grand Est", "Rennes", "Angers", "Nantes", "Genève", "coach", "tchat"):
        assert config.is_allowed(name), name


def test_is_allowed_accepts_plurals(default_config: Config) -> None:
    config = load_config(REPO / "falc.toml")
    assert config.is_allowed("aidants") and config.is_allowed("Aidant")
    assert not default_config.is_allowed("aidants")
