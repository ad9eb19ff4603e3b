"""Fixtures of the FALC checker tests.

Tier 2 (spaCy + fr_core_news_sm) is installed in CI: tests that need it use the
``nlp_checker`` fixture, which FAILS with a clear message when the model is missing
instead of skipping silently. Only ``test_fallback.py`` runs with tier 2 forced off.
Rule tests use the package defaults (``Config.default()``), not the project's falc.toml,
so that « Contactez la MDPH. » is an unexplained acronym as the FALC rules say (docs/falc.md).
"""

from __future__ import annotations

import pytest

from falc import Checker, Config, Finding
from falc import nlp as falc_nlp


@pytest.fixture(scope="session")
def default_config() -> Config:
    return Config.default()


@pytest.fixture(scope="session")
def nlp_checker(default_config: Config) -> Checker:
    """All three tiers; fails (does not skip) without spaCy and fr_core_news_sm."""
    if falc_nlp.get_nlp() is None:
        pytest.fail(
            "spaCy with the model fr_core_news_sm is required for these tests "
            "(CI installs it): pip install -e '.[nlp]'"
        )
    return Checker(default_config, tiers=(1, 2, 3))


@pytest.fixture(scope="session")
def regex_checker(default_config: Config) -> Checker:
    """Tier 1 only: regular expressions and word lists."""
    return Checker(default_config, tiers=(1,))


@pytest.fixture(scope="session")
def lexicon_checker(default_config: Config) -> Checker:
    """Tiers 1 and 3: no spaCy, but word frequencies."""
    return Checker(default_config, tiers=(1, 3))


def of_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]
