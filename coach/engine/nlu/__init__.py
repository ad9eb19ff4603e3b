"""Free-text understanding: French normalisation, indexes built once, and scoring.

`coach.engine.understand` assembles these parts into the decision pipeline; nothing here
keeps what a person typed beyond the call that reads it (no cache holds typed sentences).
"""
