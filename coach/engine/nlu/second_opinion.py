"""The rules' decision weighed against what the examples' model predicts.

The rules are sure of what their authors foresaw: a current choice, a command or a phrase
typed exactly, two questions understood, hostility. Those decisions stand. Elsewhere the
model, learned from many people's sentences, is a second opinion:
  - the rules found nothing and the model is fairly sure: the coach asks about its place;
  - the rules hesitate: when the model is all but certain of the rules' first place and the
    rules put it ahead (not a tie of two places named alike), the coach goes there (two
    readers agree: a long, clear request is not asked about); else the
    model's place comes first when it is fairly sure, else it orders the rules' candidates;
  - the rules go and the model is very sure of another place: the coach asks between both.
When the model's likeliest answer is « aucun » (it learned from off-topic examples too) and
it is fairly sure, the coach takes one step back: a hesitation of the rules becomes « not
understood » (« quel temps fera-t-il à Brest demain » is not « une CoP près de chez moi »),
a place the rules would go to is asked about (« combien coûte un billet de train » is not
« c'est gratuit ? »).
The model never makes the coach go on its own, only with the rules' first place: a wrong
guess costs one question, not a wrong answer. The thresholds were chosen on the example
files (`docs/benchmarks.md`), never on a blind set.
"""

from __future__ import annotations

from coach.content.schema import NOTHING
from coach.engine.nlu.candidates import Candidate, Decision, distinct
from coach.engine.nlu.thresholds import EXACT_SCORE, MAX_ASK

VIA = "exemples"
# The model's probability at which its place is offered when the rules found nothing.
ASK_WHEN_MISSED = 0.90
# … at which its place comes first when the rules hesitate.
LEAD_WHEN_ASKED = 0.90
# … at which the coach goes to the rules' first place rather than ask.
AGREED = 0.99
# … when the rules' first place is ahead of the next by at least this much.
AGREED_AHEAD = 0.02
# … at which the coach asks rather than go to the rules' place.
DOUBT_WHEN_GOING = 0.90
# … of « aucun », at which the coach takes one step back: go → ask, ask → not understood.
NOTHING_FITS = 0.90
# A further place of the model is offered with the first when at least this likely.
ALSO_OFFERED = 0.15
# Sources whose decision is not the model's to weigh: an answer to the question on screen.
SETTLED_VIA = frozenset({"position", "choix"})


def settled(decision: Decision) -> bool:
    """A decision the rules are sure of: left as it is."""
    best = decision.best
    return decision.hostile or bool(decision.also) or (
        best is not None and (best.via in SETTLED_VIA or best.score >= EXACT_SCORE))


def weigh(decision: Decision, predicted: list[tuple[str, float]]) -> Decision:
    """The decision, with the model's `predicted` places (likeliest first) weighed in."""
    if not predicted or settled(decision):
        return decision
    if predicted[0][0] == NOTHING:
        if predicted[0][1] < NOTHING_FITS or decision.kind == "miss":
            return decision
        return Decision("miss") if decision.kind == "ask" else Decision(
            "ask", decision.candidates[:MAX_ASK])
    predicted = [(place, probability) for place, probability in predicted if place != NOTHING]
    place, probability = predicted[0]
    said = Candidate(place, place, probability, VIA)
    if decision.kind == "miss":
        if probability < ASK_WHEN_MISSED:
            return decision
        more = [Candidate(p, p, q, VIA) for p, q in predicted[1:] if q >= ALSO_OFFERED]
        return Decision("ask", tuple([said, *more][:MAX_ASK]))
    if decision.kind == "ask":
        first = decision.candidates[0]
        rival = next((c.score for c in decision.candidates if c.place != first.place), 0.0)
        if probability >= AGREED and first.place == place and (
                first.score - rival >= AGREED_AHEAD):
            return Decision("go", decision.candidates)
        if probability >= LEAD_WHEN_ASKED:
            return Decision("ask", tuple(distinct([said, *decision.candidates]))[:MAX_ASK])
        likely = dict(predicted)
        ranked = sorted(decision.candidates, key=lambda c: -likely.get(c.place, 0.0))
        return Decision("ask", tuple(ranked))
    best = decision.best
    if best is not None and place != best.place and probability >= DOUBT_WHEN_GOING:
        return Decision("ask", (said, best))
    return decision
