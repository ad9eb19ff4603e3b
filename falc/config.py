"""Configuration: package defaults merged with the project's ``falc.toml``.

Why a project file: thresholds are calibrated for this project, and the project knows its
own glossary (acronyms explained elsewhere), its preferred terms, the proper nouns of its
content and the formal words its authors tend to use. The file is found by walking up from
the working directory: ``falc.toml``, or a ``[tool.falc]`` section of ``pyproject.toml``
(``--config`` / ``path`` overrides). See ``docs/falc.md`` for the schema.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["Config", "ConfigError", "Thresholds", "find_config_file", "load_config"]

_SEVERITY_VALUES = {"error", "warning", "info", "off"}
_TOP_KEYS = {
    "address", "thresholds", "rules", "glossary", "terms", "formal_words", "idioms",
    "numbers", "anglicisms", "abbreviations", "words", "jargon", "written_formulas",
}
_WORD_LISTS = ("allow", "acronyms", "adjectival_participles", "etre_verbs")
_TABLES = (
    "glossary", "formal_words", "idioms", "anglicisms", "abbreviations", "jargon",
    "written_formulas",
)


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message says why, in French."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Numeric thresholds of the rules (see ``falc/data/defaults.toml``)."""

    sentence_words_warning: int
    sentence_words_error: int
    message_words: int
    message_sentences: int
    clauses_warning: int
    clauses_error: int
    commas: int
    enumeration_items: int
    negations_error: int
    zipf_rare: float
    zipf_uncommon: float
    long_word_syllables: int
    long_word_letters: int
    abstract_nouns_warning: int
    abstract_nouns_error: int
    abstract_nouns_paragraph: int
    jargon_error: int
    zipf_learned: float
    learned_words_error: int
    zipf_paragraph: float
    rare_share: float
    rare_share_min_words: int
    difficulties_error: int
    difficulty_sentence_words: int
    paragraph_difficulties_error: int
    boilerplate_texts: int
    boilerplate_words: int
    readability_min_words: int
    km_message: float
    lix_message: float
    km_corpus: float
    lix_corpus: float
    big_number: int


@dataclass(slots=True)
class Config:
    """Everything the rules read besides the text. Build it with :func:`load_config`."""

    thresholds: Thresholds
    address: str = "vous"
    rules: dict[str, str] = field(default_factory=dict)
    glossary: dict[str, str] = field(default_factory=dict)
    terms: dict[str, list[str]] = field(default_factory=dict)
    formal_words: dict[str, str] = field(default_factory=dict)
    idioms: dict[str, str] = field(default_factory=dict)
    jargon: dict[str, str] = field(default_factory=dict)
    written_formulas: dict[str, str] = field(default_factory=dict)
    number_idioms: list[str] = field(default_factory=list)
    anglicisms: dict[str, str] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    allow: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()
    adjectival_participles: frozenset[str] = frozenset()
    etre_verbs: frozenset[str] = frozenset()
    source: Path | None = None
    glossary_lower: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        self.glossary_lower = frozenset(k.lower() for k in self.glossary)

    @classmethod
    def default(cls) -> Config:
        """The package defaults alone, without any project file."""
        return _build(_defaults(), None)

    def add_glossary(self, entries: Mapping[str, str]) -> None:
        """Add glossary entries (a caller's own glossary), keeping the lookups in step
        (updating ``glossary`` directly would leave :meth:`is_allowed` behind)."""
        self.glossary.update(entries)
        self.glossary_lower = frozenset(k.lower() for k in self.glossary)

    def is_allowed(self, word: str) -> bool:
        """True for a word of the allow-list or the glossary (case-insensitive, singular
        or plural)."""
        low = word.lower()
        forms = {low, low[:-1] if low.endswith(("s", "x")) else low}
        return any(f in self.allow or f in self.glossary_lower for f in forms)

    def is_known_acronym(self, token: str) -> bool:
        """True for an acronym of the glossary or of the acronym allow-list."""
        bare = token[:-1] if token.endswith("s") and token[:-1].isupper() else token
        return (
            token in self.glossary
            or bare in self.glossary
            or token in self.acronyms
            or bare in self.acronyms
        )

    def severity_override(self, rule: str) -> str | None:
        return self.rules.get(rule)


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    """Parsed package defaults (cached; callers copy before merging, never mutate)."""
    data = resources.files("falc").joinpath("data/defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(data)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"Le fichier de configuration {path} n'est pas du TOML valide : {exc}"
        ) from exc
    except OSError as exc:
        raise ConfigError(
            f"Impossible de lire le fichier de configuration {path} : {exc}"
        ) from exc


def _project_section(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    """The FALC settings of a file: ``[tool.falc]`` of a pyproject, else the whole file."""
    tool = data.get("tool", {})
    if isinstance(tool, dict) and "falc" in tool:
        return tool["falc"]
    if path.name == "pyproject.toml":
        return None
    return data


def find_config_file(start_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """First ``falc.toml``, or ``pyproject.toml`` with ``[tool.falc]``, from *start_dir* up."""
    here = Path(start_dir or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / "falc.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            if isinstance(data.get("tool"), dict) and "falc" in data["tool"]:
                return pyproject
    return None


def _merge_table(base: dict[str, Any], extra: Mapping[str, Any], name: str) -> dict[str, Any]:
    if not isinstance(extra, Mapping):
        raise ConfigError(f"« {name} » doit être une table (clé = valeur).")
    merged = dict(base)
    for key, value in extra.items():
        if value is False:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def _merge(base: dict[str, Any], project: Mapping[str, Any], source: Path) -> dict[str, Any]:
    unknown = set(project) - _TOP_KEYS
    if unknown:
        raise ConfigError(
            f"{source} : clé(s) inconnue(s) {', '.join(sorted(unknown))}. "
            f"Clés possibles : {', '.join(sorted(_TOP_KEYS))}."
        )
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in base.items()}
    if "address" in project:
        out["address"] = project["address"]
    for name in ("thresholds", "rules", "terms", *_TABLES):
        if name in project:
            out[name] = _merge_table(out.get(name, {}), project[name], name)
    numbers = dict(out.get("numbers", {}))
    if "numbers" in project:
        numbers["idioms"] = [
            *numbers.get("idioms", []),
            *project["numbers"].get("idioms", []),
        ]
    out["numbers"] = numbers
    words_ = dict(out.get("words", {}))
    for name, value in project.get("words", {}).items():
        if name not in _WORD_LISTS:
            raise ConfigError(
                f"{source} : [words] {name} est inconnu. Listes possibles : "
                f"{', '.join(_WORD_LISTS)}."
            )
        words_[name] = [*words_.get(name, []), *value]
    out["words"] = words_
    return out


def _build(data: dict[str, Any], source: Path | None) -> Config:
    names = {f.name for f in fields(Thresholds)}
    raw = data.get("thresholds", {})
    unknown = set(raw) - names
    if unknown:
        raise ConfigError(f"Seuil(s) inconnu(s) : {', '.join(sorted(unknown))}.")
    missing = names - set(raw)
    if missing:
        raise ConfigError(f"Seuil(s) manquant(s) : {', '.join(sorted(missing))}.")
    thresholds = Thresholds(**raw)
    rules = {str(k): str(v) for k, v in data.get("rules", {}).items()}
    bad = {k: v for k, v in rules.items() if v not in _SEVERITY_VALUES}
    if bad:
        raise ConfigError(
            "Sévérité inconnue dans [rules] : "
            + ", ".join(f"{k} = {v!r}" for k, v in bad.items())
            + " (valeurs possibles : error, warning, info, off)."
        )
    address = str(data.get("address", "vous"))
    if address not in ("vous", "tu"):
        raise ConfigError(f"address doit valoir « vous » ou « tu », pas « {address} ».")
    terms = {}
    for preferred, variants in data.get("terms", {}).items():
        if isinstance(variants, str):
            variants = [variants]
        terms[str(preferred)] = [str(v) for v in variants]
    words_ = data.get("words", {})
    return Config(
        thresholds=thresholds,
        address=address,
        rules=rules,
        glossary={str(k): str(v) for k, v in data.get("glossary", {}).items()},
        terms=terms,
        formal_words={str(k): str(v) for k, v in data.get("formal_words", {}).items()},
        idioms={str(k): str(v) for k, v in data.get("idioms", {}).items()},
        jargon={str(k): str(v) for k, v in data.get("jargon", {}).items()},
        written_formulas={
            str(k): str(v) for k, v in data.get("written_formulas", {}).items()
        },
        number_idioms=[str(x) for x in data.get("numbers", {}).get("idioms", [])],
        anglicisms={str(k): str(v) for k, v in data.get("anglicisms", {}).items()},
        abbreviations={str(k): str(v) for k, v in data.get("abbreviations", {}).items()},
        allow=frozenset(str(w).lower() for w in words_.get("allow", [])),
        acronyms=frozenset(str(w) for w in words_.get("acronyms", [])),
        adjectival_participles=frozenset(
            str(w).lower() for w in words_.get("adjectival_participles", [])
        ),
        etre_verbs=frozenset(str(w).lower() for w in words_.get("etre_verbs", [])),
        source=source,
    )


def load_config(
    path: str | os.PathLike[str] | None = None,
    start_dir: str | os.PathLike[str] | None = None,
) -> Config:
    """Package defaults merged with the project configuration.

    *path*: an explicit ``falc.toml`` or ``pyproject.toml`` (its ``[tool.falc]``).
    Otherwise the first ``falc.toml`` or ``pyproject.toml`` with ``[tool.falc]`` found
    from *start_dir* (default: the working directory) up to the file-system root; with
    none, the defaults alone. Raises :class:`ConfigError` (French message) on a bad file.
    """
    source = Path(path) if path is not None else find_config_file(start_dir)
    defaults = _defaults()
    if source is None:
        return _build(defaults, None)
    if not source.is_file():
        raise ConfigError(f"Fichier de configuration introuvable : {source}")
    section = _project_section(source, _read_toml(source))
    if section is None:
        raise ConfigError(f"{source} n'a pas de section [tool.falc].")
    return _build(_merge(defaults, section, source), source)
