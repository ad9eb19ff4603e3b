"""Turn pydantic validation errors into French issues that point at the file, node and line."""

from __future__ import annotations

from pydantic import ValidationError

from coach.content.issues import Issue
from coach.content.yamlsrc import YamlDocument

_MESSAGES = {
    "missing": ("champ obligatoire absent", "ajoutez le champ « {field} »"),
    "extra_forbidden": ("champ inconnu « {field} »",
                        "vérifiez l’orthographe du champ ou retirez-le (voir docs/dialogues.md)"),
    "string_too_short": ("texte vide dans « {field} »", "écrivez le texte de « {field} »"),
    "string_pattern_mismatch": (
        "valeur « {value} » mal formée pour « {field} »",
        "utilisez des minuscules, des chiffres, « - » ou « _ » (ex. : premiere-rencontre)"),
    "too_short": ("liste vide dans « {field} »", "ajoutez au moins un élément à « {field} »"),
    "string_type": ("« {field} » doit être un texte, YAML y a lu « {value} »",
                    "mettez-le entre guillemets (\"yes\", \"on\", \"12\") : sans eux, YAML lit"
                    " yes, no, on, off, true et false comme vrai ou faux, et un nombre comme un"
                    " nombre"),
    "literal_error": ("valeur « {value} » non permise pour « {field} »",
                      "choisissez une des valeurs permises : {expected}"),
}


def _node_id(doc: YamlDocument, loc: tuple[str | int, ...]) -> str | None:
    data = doc.data
    if len(loc) >= 2 and loc[0] == "nodes" and isinstance(loc[1], int) and isinstance(data, dict):
        nodes = data.get("nodes")
        if isinstance(nodes, list) and loc[1] < len(nodes) and isinstance(nodes[loc[1]], dict):
            node_id = nodes[loc[1]].get("id")
            return str(node_id) if node_id is not None else f"n° {loc[1] + 1}"
    return None


def describe_validation_error(doc: YamlDocument, exc: ValidationError) -> list[Issue]:
    issues = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        field = ".".join(str(part) for part in loc) or "(racine)"
        value = error.get("input")
        expected = (error.get("ctx") or {}).get("expected", "")
        message, fix = _MESSAGES.get(
            error["type"],
            ("valeur invalide pour « {field} » ({detail})",
             "corrigez la valeur selon docs/dialogues.md"),
        )
        values = {"field": field, "value": value, "expected": expected, "detail": error["msg"]}
        issues.append(Issue("schema/" + error["type"].replace("_", "-"), "error", doc.file,
                            message.format(**values), fix.format(**values),
                            node=_node_id(doc, loc), line=doc.line_of(loc)))
    return issues
