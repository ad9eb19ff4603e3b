"""The FALC texts of the coordinator's draft (coach/drafts/brouillon.yaml) pass the FALC
checker without error, like the dialogues' FALC texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.content.loader import load_content
from coach.drafts.template import load_template

falc = pytest.importorskip("falc")


def falc_texts() -> list[str]:
    template = load_template()
    texts = [template.title_falc, template.intro_falc]
    texts += [getattr(template.labels, name).falc for name in type(template.labels).model_fields]
    texts += [speaker.about_falc for speaker in template.speakers.values()]
    for document in template.documents:
        texts += [document.title_falc, document.intro_falc]
        for section in document.sections:
            texts += [section.title_falc, section.question_falc]
            texts += [v.falc for answer in section.answers for v in answer.values.values()]
            for advice in section.advice:
                texts += [advice.falc, *advice.items_falc]
    return texts


def test_draft_falc_texts_have_no_falc_error():
    config = falc.load_config(start_dir=str(Path(__file__).resolve().parents[2]))
    config.glossary.update({e.term: e.falc.splitlines()[0] for e in load_content().glossary})
    checker = falc.Checker(config)
    texts = falc_texts()
    errors = [(text, f.rule, f.message) for text, report in zip(
        texts, checker.check_many(texts), strict=True) for f in report.findings
        if f.severity == "error"]
    assert not errors, errors
