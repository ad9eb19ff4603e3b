"""The rules' decision weighed against what the examples' model predicts.

The rules are sure of what their authors foresaw: a current choice, a command or a phrase
typed exactly, two questions understood, hostility. Those decisions stand. Elsewhere the
model, learned from many people's sentences, is a second opinion:
  - the rules found nothing and the model is fairly sure: the coach asks about its place;
  - the rules hesitate: when the model is all but certain of the rules' first place and the
    rules put it ahead (not a tie of two places named alike), the coach goes there (two
    readers agree: a long, clear request is not asked about); else the
    model's place comes first when it is fairly sure, else it orders the rules' candidates;
  - the rules go and the model is very sure of another place, or fairly sure of another
    place while all but ruling out the rules' one: the coach asks between both.
When the model's likeliest answer is « aucun » (it learned from off-topic examples too),
the text may be off-topic (« vous recrutez ? », « quel temps fera-t-il à Brest demain » is
not « une CoP près de chez moi »): a miss the coach answers by saying what it talks about
and who answers other requests, never « écrivez-le autrement ». It is, when the model is
fairly sure and the rules only hesitate or found nothing; or when the model is all but
certain, even where the rules would go (« combien coûte un billet de train » is not « c'est
gratuit ? »). Fairly sure of « aucun » where the rules go, the coach
asks instead.
The model never makes the coach go on its own, only with the rules' first place: a wrong
guess costs one question, not a wrong answer. The thresholds were chosen on the example
files (`docs/benchmarks.md`), never on a blind set.
"""

from __future__ import annotations

from coach.content.schema import NOTHING
from coach.engine.nlu.candidates import Candidate, Decision, distinct
from coach.engine.nlu.places import GLOSSARY, SIMPLIFY, TERMS
from coach.engine.nlu.thresholds import EXACT_SCORE, MAX_ASK

VIA = "exemples"
# The thresholds below were chosen by cross-validation over the learned example files (each
# file read by a model learned without it), never on a blind set; LEAD_WHEN_ASKED,
# DOUBT_WHEN_GOING and OVERRULED again once 35 files were written, then checked on three
# files scored before anyone learned from them (docs/benchmarks.md).
# The model's probability at which its place is offered when the rules found nothing.
ASK_WHEN_MISSED = 0.90
# … at which its place comes first when the rules hesitate.
LEAD_WHEN_ASKED = 0.50
# … at which the coach goes to the rules' first place rather than ask.
AGREED = 0.99
# … when the rules' first place is ahead of the next by at least this much.
AGREED_AHEAD = 0.01
# … at which the coach asks rather than go to the rules' place.
DOUBT_WHEN_GOING = 0.70
# … at which it also asks, when the rules' place is at most `RULED_OUT` likely to the model.
DISPUTED_WHEN_GOING = 0.50
RULED_OUT = 0.05
# … of « aucun », at which a place the rules would go to is asked about instead.
NOTHING_FITS = 0.90
# … of « aucun », at which a text the rules hesitate on or found nothing for is off-topic.
OFF_TOPIC_FITS = 0.90
# … and one the rules would go to, even for sure (the off-topic answer offers « Parler à une
# personne » too, says the site's contact, and keeps the step's choices).
OFF_TOPIC_WHEN_GOING = 0.99
# … at which the coach asks between the model's place and the rules' first one even when
# the rules are sure of it by a phrase typed exactly or by a word of the menu's choices.
OVERRULED = 0.90
# … at which a text is about the place the person is at (left out of the model's places
# otherwise), and that place's message answering it is said again.
HERE_SURE = 0.99
# … at which a text the rules read as two questions (`also`) is about the model's place
# first: one of the two, or a single question a word of which was read as another.
ONE_QUESTION = 0.90
# … at which its place is offered for a text of one word that counts the rules did not
# understand (« vous gardez quoi sur moi », « page d'avant »): the model reads the little
# words too, the rules do not.
ASK_WHEN_SHORT = 0.99
# A further place of the model is offered with the first when at least this likely.
ALSO_OFFERED = 0.15
# A current choice of the step (at the menu: who one is, what one wants).
CHOICE_VIA = "choix"
# Sources whose decision is not the model's to weigh: an answer to the question on screen.
SETTLED_VIA = frozenset({"position", CHOICE_VIA, "reponse"})
# A request the content does not handle: a miss, answered as such (not « not understood »).
OFF_TOPIC = Decision("miss", off_topic=True)


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
        best = decision.best
        if decision.kind != "go" or best is None:
            return nothing_fits(decision, predicted)
        if predicted[0][1] >= OFF_TOPIC_WHEN_GOING:
            return OFF_TOPIC  # « combien coûte un billet de train » is no « c'est gratuit ? »
        return Decision("ask", decision.candidates[:MAX_ASK]) if (
            predicted[0][1] >= NOTHING_FITS) else decision
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
        return ordered(decision, predicted)
    best = decision.best
    if best is None or place == best.place:
        return decision
    ruled_out = dict(predicted).get(best.place, 0.0) <= RULED_OUT
    if probability >= DOUBT_WHEN_GOING or (probability >= DISPUTED_WHEN_GOING and ruled_out):
        return Decision("ask", (said, best))
    return decision


def ordered(decision: Decision, predicted: list[tuple[str, float]]) -> Decision:
    """The places the rules hesitate between, the model's likeliest first (those it does not
    predict keep their order, after): for a text too short for the model to say more, as
    one word that counts (« gouvernance »), where a place of its own would be a guess."""
    likely = dict(predicted)
    ranked = sorted(decision.candidates, key=lambda c: -likely.get(c.place, 0.0))
    return Decision("ask", tuple(ranked))


def may_be_overruled(decision: Decision, at_menu: bool) -> bool:
    """Whether a decision the rules are sure of (`settled`) may still be asked about
    (`overruled`): not an answer to a step's question (only the menu's choices say who one
    is rather than answer), two questions understood or hostility, nor a message the
    rules read whole (a greeting said to someone). Asked before the model is: most sure
    decisions are answers at a step, and need no prediction."""
    best = decision.best
    return not (best is None or decision.hostile or decision.also or decision.whole
                or best.via in (SETTLED_VIA - {CHOICE_VIA} if at_menu else SETTLED_VIA))


def overruled(decision: Decision, predicted: list[tuple[str, float]],
              at_menu: bool, in_journey: bool = False) -> Decision:
    """A decision the rules are sure of (`settled`), asked about when the model is all but
    certain of another place: « savoir expérientiel, définition svp » matches the menu's
    « Je veux juste savoir ce qu'est une CoP » by its word « savoir », a phrase typed exactly
    (« retroplanning ») may belong to a longer request. Only where `may_be_overruled`. When
    the model is certain nothing fits (`OFF_TOPIC_WHEN_GOING`), the request is off-topic even
    so: « offre d'emploi éducateur spécialisé Lyon » says who one is, but asks for a job.
    A place of the journey the person is in (`in_journey`: « que mettre dans la charte »
    typed in stage 1, which speaks of it) is not doubted for another journey's; several
    terms explained at once are doubted only for a place that is no term (the model never
    learns such places: « En quoi une CoP sur les handicaps rares diffère-t-elle d'une
    autre ? » names two terms, and asks what makes rare disabilities' communities apart)."""
    best = decision.best
    if best is None or not predicted or not may_be_overruled(decision, at_menu):
        return decision
    place, probability = predicted[0]
    if place == NOTHING and probability >= OFF_TOPIC_WHEN_GOING:
        return OFF_TOPIC
    if place in (NOTHING, best.place) or probability < OVERRULED or in_journey or (
            TERMS in best.place and place.startswith(GLOSSARY)):
        return decision  # the model never learns several terms at once (« ARS MDPH ? »)
    said = Candidate(place, place, probability, VIA)
    return Decision("ask", (said, best))


def short_miss(decision: Decision, predicted: list[tuple[str, float]]) -> Decision:
    """A miss the model does not otherwise weigh (one word that counts, or only little
    words: « je sais plus où j'en étais »): the model's place asked about when it is all
    but certain of it (`ASK_WHEN_SHORT`), else `nothing_fits`."""
    if decision.kind == "miss" and not decision.hostile and predicted and (
            predicted[0][0] != NOTHING and predicted[0][1] >= ASK_WHEN_SHORT):
        place, probability = predicted[0]
        more = [Candidate(p, p, q, VIA) for p, q in predicted[1:]
                if q >= ALSO_OFFERED and p != NOTHING]
        return Decision("ask", tuple([Candidate(place, place, probability, VIA), *more]
                                     )[:MAX_ASK])
    return nothing_fits(decision, predicted)


def nothing_fits(decision: Decision, predicted: list[tuple[str, float]]) -> Decision:
    """Off-topic when the model is sure nothing fits (« aucun » first, at least
    OFF_TOPIC_FITS) and the rules found no place to go to (they hesitate or found nothing);
    else the decision as it is. Also called for a miss the model does not otherwise weigh
    (one word of substance, a weak current choice among the rules' guesses: « quelle heure
    est-il »)."""
    if (decision.kind != "go" and not decision.hostile and predicted
            and predicted[0][0] == NOTHING and predicted[0][1] >= OFF_TOPIC_FITS):
        return OFF_TOPIC
    return decision


def two_questions(decision: Decision, predicted: list[tuple[str, float]]) -> Decision:
    """Two questions the rules read (`also`: the first answered, the other said after),
    when the model is all but certain (`ONE_QUESTION`) the text is about another place. If
    that place is the other question, it is answered first (« on en est aux premières
    rencontres, on se découvre encore »: a group's age, not the first meeting); else the
    rules read one question as two by a word of it (« les freins sous trois angles, comment
    je m'en sers ? » is no call for help), and the coach asks between the model's place and
    both of theirs. Never when the first is easy-to-read asked for by someone who does not
    understand: that stands, whatever follows (`Understanding._asked_in_difficulty`); nor
    for several terms explained at once (the model never learns such places)."""
    best = decision.best
    if (not decision.also or best is None or decision.hostile or not predicted
            or best.key == SIMPLIFY or TERMS in best.place):
        return decision
    place, probability = predicted[0]
    if place in (NOTHING, best.place) or probability < ONE_QUESTION:
        return decision
    other = next((c for c in decision.also if c.place == place), None)
    if other is not None:
        return Decision("go", (other,), also=(best,))
    said = Candidate(place, place, probability, VIA)
    return Decision("ask", tuple(distinct([said, best, *decision.also]))[:MAX_ASK])
