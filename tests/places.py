"""A conversation record standing at a place of the content, for tests of what a person
types there (`flow:node`, easy-to-read or not, with its variables)."""

from __future__ import annotations

from coach.engine.engine import Engine
from coach.engine.record import Record


def record_at(engine: Engine, place: str, falc: bool = False, **variables: object) -> Record:
    flow, node = place.split(":")
    return Record(id="test", flow=flow, node=node, origin=flow,
                  content_version=engine.content.version, falc=falc, vars=dict(variables))
