"""Check the phrase lists an author writes in commun.yaml (`step_answers`, `typed_answer`,
`directory_wishes`): how typed answers and wishes are read is content, so a broken list is
refused at load time, with the line to fix.

Each phrase must keep a word once read the coach's way (lower case, no accents, no
punctuation: « ... » or « ?! » keeps none) and be written once in its list (« vas-y » and
« vas y » are read alike); a « * » ends a word only in the wishes' lists; each wish has a
phrase and a coach message `annuaire-<id>`. Empty lists and missing sections are the
schema's errors (coach.content.schema).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from coach.communities import WILDCARD
from coach.content.issues import Issue
from coach.content.schema import CommonFile
from coach.content.yamlsrc import YamlDocument
from coach.engine.nlu.french import words

Path_ = tuple[str | int, ...]


def phrase_key(phrase: str) -> str:
    """A phrase as the coach reads it (« Vas-y ! » → « vas y »), a « * » kept at the end."""
    text = phrase.strip()
    wild = text.endswith(WILDCARD)
    said = " ".join(words(text.rstrip(WILDCARD)))
    return said + WILDCARD if said and wild else said


def _lists(common: CommonFile) -> Iterator[tuple[Path_, Sequence[str], bool]]:
    """Every phrase list: where it is, its phrases, and whether « * » may end a word."""
    answers = common.step_answers
    for name in ("hedges", "agreement", "refusal", "tags"):
        yield ("step_answers", name), getattr(answers, name), False
    for side in ("bare_yes", "bare_no"):
        bare = getattr(answers, side)
        for name in ("words", "around", "first"):
            yield ("step_answers", side, name), getattr(bare, name), False
    for name in ("keep", "retype", "question"):
        yield ("typed_answer", name), getattr(common.typed_answer, name), False
    for index, wish in enumerate(common.directory_wishes):
        yield ("directory_wishes", index, "anywhere"), wish.anywhere, True
        yield ("directory_wishes", index, "alone"), wish.alone, True


def _field(path: Path_) -> str:
    return ".".join(str(part) for part in path)


def check_phrases(doc: YamlDocument, common: CommonFile) -> list[Issue]:
    """The problems of commun.yaml's phrase lists (errors: the content is not served)."""
    issues: list[Issue] = []

    def error(rule: str, path: Path_, message: str, fix: str) -> None:
        issues.append(Issue(rule, "error", doc.file, message, fix, line=doc.line_of(path)))

    for path, phrases, wild in _lists(common):
        seen: dict[str, str] = {}
        for index, phrase in enumerate(phrases):
            where = (*path, index)
            if not wild and WILDCARD in phrase:
                error("phrases/joker", where,
                      f"« {phrase} » dans « {_field(path)} » : le « {WILDCARD} » ne sert que"
                      " dans les souhaits de l’annuaire (« directory_wishes »)",
                      f"retirez le « {WILDCARD} » et écrivez chaque forme du mot")
                continue
            key = phrase_key(phrase)
            if not key.rstrip(WILDCARD):
                error("phrases/vide", where,
                      f"« {phrase} » dans « {_field(path)} » ne garde aucun mot une fois lu"
                      " par le coach (sans majuscules, accents ni ponctuation)",
                      "écrivez des mots, ou retirez cette phrase")
            elif key in seen:
                same = "" if seen[key] == phrase else f" (« {seen[key]} » se lit pareil)"
                error("phrases/double", where,
                      f"« {phrase} » est deux fois dans « {_field(path)} »{same}",
                      "gardez-la une seule fois")
            else:
                seen[key] = phrase
    messages = {message.id for message in common.messages}
    ids: set[str] = set()
    for index, wish in enumerate(common.directory_wishes):
        path = ("directory_wishes", index)
        if wish.id in ids:
            error("phrases/double", (*path, "id"),
                  f"le souhait « {wish.id} » est deux fois dans « directory_wishes »",
                  "gardez-le une seule fois, avec toutes ses phrases")
        ids.add(wish.id)
        if not wish.anywhere and not wish.alone:
            error("phrases/vide", path,
                  f"le souhait « {wish.id} » n’a aucune phrase",
                  "ajoutez des phrases à « anywhere » (dites n’importe où dans la réponse) ou"
                  " à « alone » (toute la réponse)")
        if f"annuaire-{wish.id}" not in messages:
            error("message/absent", (*path, "id"),
                  f"le souhait « {wish.id} » n’a pas de réponse : aucun message"
                  f" « annuaire-{wish.id} »",
                  f"ajoutez le message « annuaire-{wish.id} » (et « annuaire-vide-{wish.id} »"
                  " pour un site sans annuaire) dans « messages »")
    return issues
