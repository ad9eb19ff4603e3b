"""falc — a French easy-to-read (FALC, *Facile à Lire et à Comprendre*) checker.

It checks what a machine can check (sentence length, negations, passive voice, numbers,
special characters, acronyms, rare words…) and tells the author what to fix, in French.
It never certifies a text as FALC: that takes reading tests with the people the text is
for. Stable API::

    from falc import Checker, Config, Finding, Report, load_config
    checker = Checker(load_config(), tiers=(1, 2, 3))
    report = checker.check("Vous pouvez venir avec deux personnes.")
"""

from falc.checker import Checker
from falc.config import Config, ConfigError, load_config
from falc.findings import Finding, Report
from falc.nlp import FalcTierWarning
from falc.rules import RULES

__all__ = [
    "RULES",
    "Checker",
    "Config",
    "ConfigError",
    "FalcTierWarning",
    "Finding",
    "Report",
    "load_config",
]
__version__ = "0.1.0"
