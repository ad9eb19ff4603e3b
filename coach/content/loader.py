"""Load `dialogues/*.yaml` into a `Content`, collecting every problem on the way.

`load_content` is what the service calls: it refuses to serve broken content.
`read_content` is what `coach lint` calls: it returns the issues, errors and warnings.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ValidationError

from coach.content import answer_edits
from coach.content.checks import check_content
from coach.content.issues import ContentInvalid, Issue
from coach.content.model import Content, ExampleData, FlowData, IntentData
from coach.content.phrases import check_phrases
from coach.content.schema import (
    CommonFile,
    ExamplesFile,
    FlowFile,
    IntentionsFile,
    Node,
    Section,
    SectionsFile,
)
from coach.content.schema_errors import describe_validation_error
from coach.content.yamlsrc import YamlDocument, YamlSyntaxError, read_yaml
from coach.resources import default_path

DEFAULT_DIRECTORY = default_path("dialogues")
# Where the examples' files live, inside the dialogues' folder (they may be at its top too).
EXAMPLES = "exemples"


def content_version(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _validate(doc: YamlDocument, model: type[BaseModel], issues: list[Issue]) -> BaseModel | None:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        issues.extend(describe_validation_error(doc, exc))
        return None


def _kind(doc: YamlDocument) -> type[BaseModel] | None:
    if not isinstance(doc.data, dict):
        return None
    if "flow" in doc.data:
        return FlowFile
    if "speakers" in doc.data:
        return CommonFile
    if "sections" in doc.data:
        return SectionsFile
    if "intentions" in doc.data:
        return IntentionsFile
    if "utterances" in doc.data:
        return ExamplesFile
    return None


def read_content(directory: Path | None = None) -> tuple[Content | None, list[Issue]]:
    """Parse and check every dialogue file; the content is None when it cannot be built."""
    directory = directory or DEFAULT_DIRECTORY
    files = sorted(directory.glob("*.yaml")) + sorted((directory / EXAMPLES).glob("*.yaml"))
    issues: list[Issue] = []
    flows: list[tuple[FlowFile, YamlDocument]] = []
    commons: list[CommonFile] = []
    sections: list[Section] = []
    intents: list[IntentData] = []
    examples: list[ExampleData] = []
    if not files:
        issues.append(Issue("fichier/aucun", "error", str(directory), "aucun fichier .yaml trouvé",
                            "ajoutez les fichiers de dialogue dans ce dossier"))
    for path in files:
        name = path.relative_to(directory.parent).as_posix()
        try:
            doc = read_yaml(path, name)
        except YamlSyntaxError as exc:
            issues.append(Issue("fichier/yaml", "error", name, f"YAML illisible : {exc.problem}",
                                "corrigez l’indentation, les deux-points ou les guillemets à cette"
                                " ligne", line=exc.line))
            continue
        kind = _kind(doc)
        if kind is None:
            issues.append(Issue("fichier/type", "error", name,
                                "type de fichier inconnu",
                                "commencez le fichier par « flow: », « speakers: »,"
                                " « sections: », « intentions: » ou « utterances: »", line=1))
            continue
        parsed = _validate(doc, kind, issues)
        if isinstance(parsed, FlowFile):
            flows.append((parsed, doc))
        elif isinstance(parsed, CommonFile):
            commons.append(parsed)
            issues.extend(check_phrases(doc, parsed))
        elif isinstance(parsed, SectionsFile):
            sections.extend(parsed.sections)
        elif isinstance(parsed, IntentionsFile):
            intents.extend(IntentData(item, doc.file, doc.line_of(("intentions", index)))
                           for index, item in enumerate(parsed.intentions))
        elif isinstance(parsed, ExamplesFile):
            examples.extend(ExampleData(item, doc.file, doc.line_of(("utterances", index)))
                            for index, item in enumerate(parsed.utterances))
    if len(commons) != 1:
        issues.append(Issue("fichier/commun", "error", directory.name,
                            f"{len(commons)} fichier(s) de définitions communes au lieu d’un seul",
                            "gardez un seul fichier avec « speakers: », « commands: » et"
                            " « messages: »"))
    if not sections:
        issues.append(Issue("fichier/sections", "error", directory.name,
                            "aucune liste de sections du contenu source",
                            "gardez le fichier sections.yaml copié de la carte du contenu"))
    if any(i.severity == "error" for i in issues):
        return None, issues
    content = _build(directory, files, commons[0], sections, flows, issues, tuple(intents),
                     tuple(examples))
    issues.extend(check_content(content))
    return content, issues


def _build(
    directory: Path,
    files: list[Path],
    common: CommonFile,
    sections: list[Section],
    flows: list[tuple[FlowFile, YamlDocument]],
    issues: list[Issue],
    intents: tuple[IntentData, ...] = (),
    examples: tuple[ExampleData, ...] = (),
) -> Content:
    flow_map: dict[str, FlowData] = {}
    aliases: dict[tuple[str, str], str] = {}
    for parsed, doc in flows:
        flow_id = parsed.flow.id
        if flow_id in flow_map:
            issues.append(Issue("id/double", "error", doc.file,
                                f"le parcours « {flow_id} » existe déjà dans"
                                f" {flow_map[flow_id].file}",
                                "donnez un identifiant unique à chaque parcours",
                                line=doc.line_of(("flow", "id"))))
            continue
        nodes: dict[str, Node] = {}
        lines: dict[str, int] = {}
        for index, node in enumerate(parsed.nodes):
            line = doc.line_of(("nodes", index))
            if node.id in nodes:
                issues.append(Issue("id/double", "error", doc.file,
                                    f"le nœud « {node.id} » est défini deux fois (première"
                                    f" définition ligne {lines[node.id]})",
                                    "renommez l’un des deux nœuds", node=node.id, line=line))
                continue
            nodes[node.id] = node
            lines[node.id] = line or 0
            for alias in node.aliases:
                aliases[(flow_id, alias)] = node.id
        flow_map[flow_id] = FlowData(parsed.flow, doc.file, nodes, lines)
    system = {m.id: m for m in common.messages}
    if any(answer_edits.menus(flow_map)) or any(answer_edits.summaries(flow_map)):
        flow_map = answer_edits.expand(flow_map, answer_edits.draft_parts(), system)
    return Content(
        directory=str(directory),
        version=content_version(files),
        sections={s.id: s for s in sections},
        common=common,
        flows=flow_map,
        speakers={s.id: s for s in common.speakers},
        commands={c.id: c for c in common.commands},
        system=system,
        glossary=tuple(common.glossary),
        aliases=aliases,
        intents=intents,
        examples=examples,
    )


def load_content(directory: Path | None = None) -> Content:
    """Load the dialogues for serving; raise `ContentInvalid` on any error."""
    content, issues = read_content(directory)
    if content is None or any(i.severity == "error" for i in issues):
        raise ContentInvalid(issues)
    return content
