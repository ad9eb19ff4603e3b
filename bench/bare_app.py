"""The baseline: a bare FastAPI endpoint that parses the same JSON body as a turn and
returns a step-sized answer, with no engine and no store."""

from __future__ import annotations

import gc

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from coach.api.app import GC_YOUNG_THRESHOLD
from coach.api.schemas import TurnRequest

STEP = {
    "id": "x" * 22, "falc": False, "flow": "anneau", "node": "n3", "end": False,
    "messages": [
        {"id": "m7", "role": "user", "speaker": {"id": "vous", "name": "Vous"},
         "text": "Suivant", "ref": "choix/suivant"},
        {"id": "m8", "role": "bot", "speaker": {"id": "coach", "name": "Le coach"},
         "text": "Étape 3 du parcours de test.", "ref": "anneau/n3/0"},
    ],
    "choices": [{"id": "suivant", "label": "Suivant"}, {"id": "saut", "label": "Sauter"}],
    "commands": [{"id": c, "label": c.capitalize()} for c in
                 ("menu", "retour", "recommencer", "facile", "aide", "humain", "stop")],
    "content_version": "0123456789ab",
}

app = FastAPI()
# The same interpreter setting as `coach serve` (coach/api/app.py): measured, it changes
# nothing for this endpoint, which keeps few objects alive across requests.
gc.set_threshold(GC_YOUNG_THRESHOLD)


@app.post("/api/v1/conversations/{conversation_id}/turns")
async def turn(conversation_id: str, body: TurnRequest) -> JSONResponse:
    return JSONResponse(STEP)
