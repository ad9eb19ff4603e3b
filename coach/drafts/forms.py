"""The six tools of the resource bank as blank forms: the content file (`outils.yaml`), its
schema, and `build_form`, which picks one variant (standard or FALC) as plain data.

A form holds no personal data: the same file for everybody, so it can be cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from coach.drafts.template import Pair

FORMS_FILE = Path(__file__).with_name("outils.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldTemplate(_Strict):
    label: Pair
    lines: int = Field(default=1, ge=1, le=8)


class TableTemplate(_Strict):
    columns: list[Pair] = Field(min_length=2)
    rows: int | list[Pair]  # empty rows, or the first column's names


class PartTemplate(_Strict):
    title: Pair
    fields: list[FieldTemplate] = []
    table: TableTemplate | None = None


class FormTemplate(_Strict):
    id: str
    file: str
    source: list[str]
    title: Pair
    intro: Pair
    parts: list[PartTemplate] = Field(min_length=1)


class FormsFile(_Strict):
    tools: list[FormTemplate]


@dataclass(frozen=True)
class FormTable:
    columns: tuple[str, ...]
    rows: tuple[str, ...]  # the first cell of each row; "" for an empty row


@dataclass(frozen=True)
class FormPart:
    title: str
    fields: tuple[tuple[str, int], ...]  # label, blank lines
    table: FormTable | None


@dataclass(frozen=True)
class Form:
    id: str
    file: str
    title: str
    intro: str
    falc: bool
    parts: tuple[FormPart, ...]


@cache
def load_forms(path: Path = FORMS_FILE) -> dict[str, FormTemplate]:
    with path.open(encoding="utf-8") as handle:
        forms = FormsFile.model_validate(yaml.safe_load(handle))
    return {form.id: form for form in forms.tools}


def _table(table: TableTemplate | None, falc: bool) -> FormTable | None:
    if table is None:
        return None
    rows = (("",) * table.rows if isinstance(table.rows, int)
            else tuple(r.get(falc) for r in table.rows))
    return FormTable(columns=tuple(c.get(falc) for c in table.columns), rows=rows)


def build_form(tool: str, falc: bool) -> Form:
    """The blank form of this tool; KeyError for an unknown tool."""
    template = load_forms()[tool]
    return Form(
        id=template.id, file=template.file, title=template.title.get(falc),
        intro=template.intro.get(falc), falc=falc,
        parts=tuple(FormPart(title=p.title.get(falc),
                             fields=tuple((f.label.get(falc), f.lines) for f in p.fields),
                             table=_table(p.table, falc))
                    for p in template.parts))
