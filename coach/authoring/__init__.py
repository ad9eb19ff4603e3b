"""Tools for the people who write the dialogues: diagrams, lint places, FALC findings."""
