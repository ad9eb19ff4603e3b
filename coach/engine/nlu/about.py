"""« vous êtes qui ? », « c un robot ? », « à quoi vous servez ? »: a message that only asks
what this coach is.

These questions are made of pronouns and everyday verbs (« vous », « êtes », « servez »,
« un robot »): as phrases of an intention they also matched « à quoi ça sert » (a question
about a community) and « ce robot est vraiment débile » (an insult). So they are read here,
whole: the message must be nothing but such questions (« vous etes qui au juste, un
robot ? »), after spelling repair. The questions that name the coach, the tchat or the site
(« c quoi ce coach », « ça sert à quoi ce tchat ») are phrases of the intention
(dialogues/intentions.yaml, `accueil:bienvenue`).
"""

from __future__ import annotations

from itertools import product

# Who or what is there (« vous êtes qui », « t'es quoi »), what it is for.
_ASKED = (
    "vous etes qui", "qui etes vous", "qui vous etes", "t es qui", "tes qui", "t qui",
    "tu es qui", "qui es tu", "t es quoi", "tes quoi", "tu es quoi", "vous etes quoi",
    "a quoi vous servez", "vous servez a quoi", "a quoi servez vous", "a quoi tu sers",
    "tu sers a quoi", "a quoi sers tu", "vous faites quoi", "tu fais quoi", "que faites vous",
    "qu est ce que vous faites", "vous faites quoi ici", "qui repond", "qui me repond",
    "qui est la", "il y a quelqu un", "y a quelqu un", "je parle a qui", "je parle avec qui",
    "parle a qui", "parle avec qui", "qui parle", "c est quoi ce truc", "c est quoi ce machin",
    "c est quoi ce robot", "c est quoi ce bot", "c est quoi ce chatbot",
)
# « c'est un robot ? », « vous êtes une vraie personne ? »: who is there, and what.
_SUBJECTS = ("c est", "vous etes", "tu es", "t es", "tes", "est ce", "est ce que c est",
             "est ce que vous etes", "etes vous", "es tu")
_MACHINES = ("un robot", "une machine", "une ia", "un bot", "un chatbot", "un programme",
             "une intelligence artificielle", "chatgpt", "un ordinateur", "robot", "ia")
_PEOPLE = ("un humain", "une vraie personne", "une personne", "un vrai humain", "humain",
           "une vraie personne qui repond", "une personne qui repond", "quelqu un")
_TALKING = ("je parle a", "je parle avec", "parle a", "parle avec", "j ecris a")
_FORMS = frozenset((
    *_ASKED,
    *(f"{s} {o}" for s, o in product(_SUBJECTS, _MACHINES + _PEOPLE)),
    *(f"{s} {o}" for s, o in product(_TALKING, _MACHINES)),
))
# Said after such a question: « un robot ? », « ou une vraie personne ? ».
_AFTER = frozenset(_MACHINES + _PEOPLE)
# Words around the questions that change nothing.
_FILLERS = ("au juste", "en fait", "exactement", "toi", "vous", "alors", "donc", "mais", "et",
            "ou", "euh", "bah", "ben", "hein", "svp", "stp", "bonjour", "salut", "ici",
            "en vrai", "vraiment")
# Every phrase by its first word, the longest first: most messages stop at their first word.
_BY_FIRST: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _phrase in sorted({*_FORMS, *_AFTER, *_FILLERS}, key=lambda p: -len(p.split())):
    _BY_FIRST.setdefault(_phrase.split()[0], []).append((_phrase, tuple(_phrase.split())))


def asks_what_the_coach_is(tokens: tuple[str, ...]) -> bool:
    """Whether the whole message only asks who or what this coach is."""
    rest, asked = tokens, False
    while rest:
        for phrase, words in _BY_FIRST.get(rest[0], ()):
            if rest[:len(words)] == words and (asked or phrase not in _AFTER):
                asked = asked or phrase in _FORMS
                rest = rest[len(words):]
                break
        else:
            return False
    return asked
