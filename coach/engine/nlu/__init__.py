"""Free-text understanding: French normalisation, indexes built once, and scoring
(`french`, `lexicon`, `matching`, `places`, `search`), the data of a decision (`candidates`,
`thresholds`), and the readers of one aspect of a message (`clauses`, `persons`, `terms`,
`hostility`).

`coach.engine.understand` assembles these parts into the decision pipeline; nothing here
keeps what a person typed beyond the call that reads it (no cache holds typed sentences).
"""
