"""The rule catalogue (ids documented in docs/falc.md, « Les règles ») and the rule
functions, family by family.

``RULES`` maps each rule id to its default severity and a short French description; it
feeds SARIF output and the docs. Rules whose severity depends on the case (FALC-LEN-001
warning/error, FALC-NEG-001, FALC-IDEA-001, FALC-NUM-001, FALC-PASS-001) list their base
severity here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from falc.analysis import Analysis
from falc.findings import Finding, Severity

__all__ = ["ALL_RULES", "PRIORITY", "RULES", "RuleFunc", "all_rules"]

RULES: dict[str, tuple[Severity, str]] = {
    "FALC-LEN-001": ("warning", "Phrase trop longue : plus de 15 mots (erreur au-delà de 25)."),
    "FALC-LEN-002": ("warning", "Message trop long : plus de 80 mots ou plus de 8 phrases."),
    "FALC-LEN-003": ("warning", "Plusieurs phrases sur la même ligne."),
    "FALC-IDEA-001": (
        "warning",
        "Plusieurs idées dans une phrase : 2 propositions (erreur à partir de 3).",
    ),
    "FALC-IDEA-002": ("warning", "Plus de 2 virgules dans une phrase."),
    "FALC-IDEA-003": ("warning", "Mot de liaison compliqué (dont, lequel, lorsque, bien que…)."),
    "FALC-IDEA-004": ("info", "Énumération dans une phrase : faites plutôt une liste."),
    "FALC-NEG-001": ("warning", "Négation (erreur à partir de 2 négations dans une phrase)."),
    "FALC-PASS-001": ("warning", "Voix passive : dites qui fait l'action."),
    "FALC-MOOD-001": ("warning", "Subjonctif."),
    "FALC-MOOD-002": ("warning", "Conditionnel."),
    "FALC-MOOD-003": ("info", "Temps difficile : passé simple, plus-que-parfait, futur antérieur."),
    "FALC-MOOD-004": ("info", "Phrase avec « si » : posez plutôt une question."),
    "FALC-ADDR-001": ("info", "Le message ne s'adresse pas directement au lecteur (« vous »)."),
    "FALC-ADDR-002": ("error", "Tutoiement alors que le projet vouvoie (ou mélange des deux)."),
    "FALC-ADDR-003": ("warning", "Tournure impersonnelle (il faut, on…)."),
    "FALC-NUM-001": ("error", "Nombre écrit en lettres : écrivez-le en chiffres."),
    "FALC-NUM-002": ("warning", "Grand nombre (1 000 ou plus)."),
    "FALC-NUM-003": ("error", "Pourcentage ou fraction."),
    "FALC-NUM-004": ("error", "Chiffres romains."),
    "FALC-NUM-005": ("error", "Date écrite en chiffres (14/05/2024)."),
    "FALC-NUM-006": ("info", "Date sans le jour de la semaine, heure en « 14h30 » ou symbole €."),
    "FALC-CHAR-001": ("error", "Caractère spécial (& § # % / ; < > · …)."),
    "FALC-CHAR-002": (
        "warning",
        "Parenthèses ou tirets d'incise (erreur), points de suspension, incise entre virgules.",
    ),
    "FALC-ABBR-001": ("error", "Abréviation."),
    "FALC-ABBR-002": ("error", "Sigle pas expliqué et absent du glossaire."),
    "FALC-ABBR-003": ("info", "Sigle du glossaire pas expliqué dans le message."),
    "FALC-LEX-001": ("warning", "Mot rare."),
    "FALC-LEX-002": ("info", "Mot peu courant."),
    "FALC-LEX-003": ("warning", "Mot soutenu ou administratif : il existe un mot plus simple."),
    "FALC-LEX-004": ("warning", "Mot inconnu (faute de frappe, jargon ou mot étranger ?)."),
    "FALC-LEX-005": ("warning", "Mot étranger ou anglicisme."),
    "FALC-LEX-006": ("info", "Mot long (plus de 4 syllabes ou plus de 12 lettres)."),
    "FALC-LEX-007": ("error", "Noms abstraits (nominalisations) : 2 ou plus dans une phrase."),
    "FALC-LEX-008": ("error", "Expression imagée ou figurée."),
    "FALC-LEX-009": ("info", "Mot difficile expliqué entre parenthèses ou dans une incise."),
    "FALC-LEX-010": (
        "error",
        "Vocabulaire de l'écrit : 2 mots peu dits à l'oral ou plus dans un paragraphe.",
    ),
    "FALC-LEX-011": (
        "error",
        "Formule de l'écrit : lettre, avis, article (« pour rappel », « il convient de »).",
    ),
    "FALC-LEX-012": (
        "error",
        "Vocabulaire rare dans tout le paragraphe : plus de 4 mots sur 10 sont peu courants.",
    ),
    "FALC-TERM-001": ("error", "Variante d'un terme : utilisez le terme choisi par le projet."),
    "FALC-TERM-002": ("error", "La même chose est nommée de 2 façons dans le message."),
    "FALC-JARG-001": (
        "warning",
        "Mot de spécialiste (erreur : phrase avec 2 mots difficiles ou plus).",
    ),
    "FALC-SENT-001": ("error", "Phrase difficile : 3 difficultés ou plus s'accumulent."),
    "FALC-SENT-002": (
        "error",
        "Paragraphe difficile : 3 sortes de difficultés ou plus, même en phrases courtes.",
    ),
    "FALC-CONN-001": (
        "error",
        "Mot de liaison de l'écrit (néanmoins, en vertu de, le cas échéant…).",
    ),
    "FALC-ENUM-001": ("error", "Énumération annoncée mais pas donnée (« en 5 étapes »)."),
    "FALC-ADDR-004": ("warning", "Accord au masculin alors qu'une forme sans genre existe."),
    "FALC-ABBR-004": (
        "warning",
        "Sigle expliqué seulement par ses lettres, pas par ce qu'il fait.",
    ),
    "FALC-DUP-001": ("warning", "Phrase répétée mot pour mot dans beaucoup de textes."),
    "FALC-STY-001": ("info", "Discours rapporté (« a dit que »)."),
    "FALC-STY-002": ("warning", "Pronom pas clair au début du message."),
    "FALC-STY-003": (
        "error",
        "Pronom de reprise de l'écrit (celui-ci, ce dernier, lequel…) : répétez le nom.",
    ),
    "FALC-FMT-001": ("warning", "Italique ou soulignement."),
    "FALC-FMT-002": ("warning", "Mots en majuscules."),
    "FALC-FMT-003": ("info", "Phrase entière en gras."),
    "FALC-READ-001": ("warning", "Score Kandel–Moles du message inférieur à 70."),
    "FALC-READ-002": ("warning", "Score LIX du message supérieur à 40."),
    "FALC-READ-003": ("error", "Corpus trop difficile : médianes Kandel–Moles < 75 ou LIX > 45."),
    "FALC-PAIR-001": ("error", "Version FALC manquante pour un message (vérifiée par l'appelant)."),
    "FALC-PAIR-002": ("warning", "Une information du texte standard manque dans le texte FALC."),
}

#: When findings of these rules overlap, only the first in this order is kept (one finding
#: per token): Roman numeral > capitals > abbreviation > acronym, a percentage over its
#: number or its symbol, a specific word-list finding over a frequency finding.
PRIORITY: tuple[str, ...] = (
    "FALC-NUM-004",
    "FALC-NUM-003",
    "FALC-NUM-005",
    "FALC-FMT-002",
    "FALC-ABBR-001",
    "FALC-ABBR-002",
    "FALC-ABBR-003",
    "FALC-NUM-001",
    "FALC-NUM-002",
    "FALC-CHAR-001",
    "FALC-TERM-002",
    "FALC-TERM-001",
    "FALC-LEX-011",
    "FALC-LEX-008",
    "FALC-JARG-001",
    "FALC-LEX-003",
    "FALC-LEX-005",
    "FALC-LEX-004",
    "FALC-LEX-001",
    "FALC-LEX-002",
    "FALC-LEX-006",
)

RuleFunc = Callable[[Analysis], Iterable[Finding]]


def _all_rules() -> list[RuleFunc]:
    from falc.rules import (
        abbr,
        address,
        chars,
        connectors,
        length,
        lexical,
        meaning,
        mood,
        negation,
        num,
        passive,
        register,
        written,
    )

    return [
        *length.RULES,
        *negation.RULES,
        *passive.RULES,
        *mood.RULES,
        *address.RULES,
        *num.RULES,
        *chars.RULES,
        *abbr.RULES,
        *lexical.RULES,
        *meaning.RULES,
        *register.RULES,
        *connectors.RULES,
        *written.RULES,
    ]


ALL_RULES: list[RuleFunc] = []


def all_rules() -> list[RuleFunc]:
    """Every rule function (imported on first use)."""
    if not ALL_RULES:
        ALL_RULES.extend(_all_rules())
    return ALL_RULES
