"""« je comprends pas ce que c'est une cop »: saying one does not understand, then what.

A message that starts by saying one does not understand and goes on with what one does not
understand is a question about that, from someone who finds the text hard: the coach turns
easy-to-read on and answers the question (see `Understanding`). So is a question asked
« simply » (« c'est quoi une cop en simple ») or said with « je lis mal ». Read on the words
after spelling repair (« jcomprend » is « je comprends »); only verbs of understanding
count, so that « c'est compliqué avec les éducs » stays a sentence about people.
"""

from __future__ import annotations

from functools import cache

from coach.engine.nlu.french import is_content

# Words that may come before the subject: « moi je comprends pas… », « bon j'ai rien compris ».
_FILLERS = frozenset({"moi", "alors", "mais", "bon", "ben", "bah", "euh", "ah", "oh", "vraiment",
                      "sincerement", "franchement", "desole", "desolee", "pardon"})
_SUBJECTS = frozenset({"je", "j"})
_NOT = frozenset({"ne", "n"})
# « je (ne) comprends pas / rien / plus … »
_PRESENT = frozenset({"comprends", "comprend", "capte", "pige", "saisis", "saisi"})
# « j'(n')ai pas / rien compris … »
_HAVE = frozenset({"ai"})
_PAST = frozenset({"compris", "capte", "pige", "saisi"})
_NEGATIONS = frozenset({"pas", "rien", "plus", "toujours"})
# Words that only make the negation stronger: « pas du tout », « pas trop », « pas bien »,
# and the negation itself after « toujours » (« je comprends toujours pas / rien »).
_STRONGER = ("du tout", "trop", "bien", "vraiment", "tres bien", "grand chose", "pas", "rien")
# What the coach said, not something asked about: « je comprends pas la question » wants the
# step said again more simply.
_SAID = frozenset({"question", "questions", "message", "messages", "texte", "textes", "phrase",
                   "phrases", "mot", "mots", "reponse", "reponses", "explication", "explications",
                   "consigne", "ecrit", "dit", "dites", "demande", "lire", "choix", "bouton",
                   "boutons", "vous", "tu", "ca", "cela", "ceci", "tout", "rien", "ici", "la",
                   "explique", "expliquez", "expliquer", "expliques", "redire", "redites",
                   "dire", "svp", "stp", "merci", "moi"})
# « … en simple », « … simplement », « … avec des mots simples »: the question, asked simply.
# « simplement » alone is often « just » (« simplement pour savoir… », « tout simplement »).
_SIMPLY = ("avec des mots simples", "en mots simples", "avec des mots faciles", "en facile a lire",
           "en plus simple", "plus simplement", "en simple", "en falc", "en facile",
           "expliquez moi simplement", "explique moi simplement", "expliquez simplement",
           "expliquer simplement", "dites moi simplement", "dis moi simplement")
_SIMPLY_PADDED = tuple(f" {p} " for p in _SIMPLY)
# Documents said to be written « en FALC », « en facile à lire »: what they are, not how the
# coach should speak.
_DOCUMENTS = frozenset({"doc", "docs", "document", "documents", "fiche", "fiches", "support",
                        "supports", "affiche", "affiches", "courrier", "courriers", "livret",
                        "livrets", "brochure", "brochures", "plaquette", "plaquettes", "flyer",
                        "flyers", "compte", "comptes", "rendu", "rendus", "questionnaire",
                        "questionnaires", "charte", "chartes"})


def after_difficulty(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words that follow « je ne comprends pas » (or « j'ai rien compris »…) at the start
    of a message; none when they only name what the coach said (« … la question », « … ce
    que vous dites »); None when the message does not start so."""
    at = 0
    while _word_in(tokens, at, _FILLERS):
        at += 1
    if not _word_in(tokens, at, _SUBJECTS):
        return None
    at += 1
    if _word_in(tokens, at, _NOT):
        at += 1
    if _word_in(tokens, at, _PRESENT) and _word_in(tokens, at + 1, _NEGATIONS):
        at += 2
    elif _word_in(tokens, at, _HAVE) and _word_in(tokens, at + 1, _NEGATIONS):
        at += 2 + _stronger(tokens, at + 2)
        if not _word_in(tokens, at, _PAST):
            return None
        at += 1
    else:
        return None
    return _asked(tokens[at + _stronger(tokens, at):])


def _word_in(tokens: tuple[str, ...], at: int, words: frozenset[str]) -> bool:
    return at < len(tokens) and tokens[at] in words


def _asked(rest: tuple[str, ...]) -> tuple[str, ...]:
    """`rest`, or none when it only names what the coach said."""
    return rest if any(is_content(word) and word not in _SAID for word in rest) else ()


def _stronger(tokens: tuple[str, ...], at: int) -> int:
    """How many words at `at` only make the negation stronger."""
    for words in _STRONGER:
        split = words.split()
        if tokens[at:at + len(split)] == tuple(split):
            return len(split)
    return 0


def without_simply(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The message without the words that ask it to be said simply (« c'est quoi une cop en
    simple » → « c'est quoi une cop »); none when nothing else is asked; None when it does
    not ask so, or when the words say how documents are written (« on nous demande des docs
    en FALC »: a subject, not a request to the coach)."""
    rest = _without(tokens, _SIMPLY_PADDED)
    if rest is None:
        return None
    for at in range(1, len(tokens)):
        if tokens[at] == "en" and tokens[at - 1] in _DOCUMENTS and (
                f" {' '.join(tokens[at:at + 4])} ".startswith(_SIMPLY_PADDED)):
            return None
    return rest


# « ça veut dire quoi ? », the whole message: what the coach just said is not understood.
# Followed or preceded by a word (« ça veut dire quoi MDPH », « FALC ça veut dire quoi »),
# it asks what that word means, which is no difficulty.
_MEANING = frozenset({
    "ca veut dire quoi", "ca veux dire quoi", "ca veut dire", "ca veut dire quoi exactement",
    "qu est ce que ca veut dire", "qu est ce que cela veut dire", "ca signifie quoi",
    "qu est ce que ca signifie", "c est a dire", "c est a dire quoi", "ca veut rien dire",
    "cela veut dire quoi", "ce qui veut dire", "quoi ca veut dire", "ca dit quoi",
})
_POLITE = frozenset({"svp", "stp", "merci", "s il vous plait", "s il te plait"})


def asks_what_it_means(tokens: tuple[str, ...]) -> bool:
    """Whether the whole message is « ça veut dire quoi ? » (after fillers and « svp »)."""
    return _bare(tokens) in _MEANING


def _bare(tokens: tuple[str, ...]) -> str:
    """The message without the fillers before it and « svp » or « merci » around it."""
    words = list(tokens)
    while words and words[0] in _FILLERS:
        words.pop(0)
    said = " ".join(words)
    for polite in _POLITE:
        said = said.removesuffix(f" {polite}").removeprefix(f"{polite} ")
    return said


# « quoi ? », « hein ? », « c'est quoi ? », the whole message typed after a step: the person
# did not understand what the coach just said (at the menu, « c'est quoi ? » asks what this
# is about, which the menu's places answer).
# « pardon » and « euh » are fillers before a question, and the whole message when alone.
# « c'est quoi ce truc ? » is not one: on a partner's site it asks what this coach is
# (dialogues/intentions.yaml, `accueil:bienvenue`).
_HUH = frozenset({"quoi", "hein", "c est quoi", "c est quoi ca", "comment ca", "pardon",
                  "euh", "de quoi", "quoi ca", "quoi donc"})


def asks_what_was_said(tokens: tuple[str, ...]) -> bool:
    """Whether the whole message is « quoi ? » or « hein ? » (after fillers and « svp »;
    « c'est-à-dire ? » is `asks_what_it_means`)."""
    return " ".join(tokens) in _HUH or _bare(tokens) in _HUH


def only_question_marks(text: str) -> bool:
    """« ? », « ?? »: a question with no words, about what was just said."""
    return "?" in text and not text.replace("?", "").replace("¿", "").strip()


# Saying, in the first person, that reading is hard (« je lis mal », « j'ai du mal à lire »):
# whatever else the message asks, easy-to-read goes on.
_READING = tuple(f" {p} " for p in sorted((  # the longest first: all of it is taken out
    "je lis mal", "je lis pas bien", "je ne lis pas bien", "je lis difficilement",
    "je lis lentement", "j ai du mal a lire", "du mal a lire", "je sais pas lire",
    "je ne sais pas lire", "je sais pas bien lire", "je ne sais pas bien lire",
    "je sais pas tres bien lire", "je sais pas lire bien", "lire c est dur pour moi",
    "lire c est difficile pour moi", "difficile a lire pour moi", "dur a lire pour moi",
    "je lis avec difficulte"), key=len, reverse=True))


def after_reading_difficulty(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The message without « je lis mal » (« j'ai du mal à lire »…); none when nothing else
    is asked; None when it does not say so."""
    return _without(tokens, _READING)


def _without(tokens: tuple[str, ...], phrases: tuple[str, ...]) -> tuple[str, ...] | None:
    """`tokens` without the first of these padded phrases found in them (what is asked
    besides), or None when none is there."""
    if _last_words(phrases).isdisjoint(tokens):
        return None  # a phrase there has all its words typed, its last one too (most texts)
    padded = f" {' '.join(tokens)} "
    for phrase in phrases:
        at = padded.find(phrase)
        if at >= 0:
            return _asked(tuple((padded[:at] + " " + padded[at + len(phrase):]).split()))
    return None


@cache
def _last_words(phrases: tuple[str, ...]) -> frozenset[str]:
    """The last word of each of these padded phrases (the module's few lists, read once)."""
    return frozenset(phrase.split()[-1] for phrase in phrases)
