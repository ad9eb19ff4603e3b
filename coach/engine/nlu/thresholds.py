"""The scale of a decision: the scores at which the coach goes, asks or misses.

Every source gives places a score in [0, 1] (see `matching`); these thresholds and the
priors read them. They live apart because the readers of persons, terms and clauses use
the same scale as the decision in `coach.engine.understand`.
"""

from __future__ import annotations

GO = 0.80
MARGIN = 0.05
ASK_MIN = 0.60
WINDOW = 0.15
WEAK_MIN = 0.40
MAX_ASK = 3
# One place far ahead of every other goes at once, even below GO (a long, clear request).
CLEAR_MIN = 0.70
CLEAR_MARGIN = 0.10
# A current choice comes before everything else found as well.
OPTION_PRIOR = 0.08
EXACT_SCORE = 1.0
