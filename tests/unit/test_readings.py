"""Testing FALC with readers: the booklet in reading order with its grid, the results sheet
imported onto the current texts (French errors, nothing half-recorded), results that stop
counting when a text changes, and hard words that join the checker's lexicon."""

from __future__ import annotations

import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from coach.cli import main
from coach.content.falc_gate import reader_hard_words
from coach.content.loader import load_content
from coach.lint import lint
from coach.readings.booklet import blank_sheet, booklet_html, booklet_odt, reading_order
from coach.readings.results import read_results, summarise
from tests.conftest import FIXTURE_DIALOGUES


@pytest.fixture
def dialogues(tmp_path: Path) -> Path:
    copy = tmp_path / "dialogues"
    shutil.copytree(FIXTURE_DIALOGUES, copy)
    return copy


def first_flow(directory: Path) -> str:
    content = load_content(directory)
    return max(content.flows, key=lambda f: len(reading_order(content, f)))


def test_the_booklet_gives_every_falc_text_in_reading_order_with_the_grid(dialogues):
    content = load_content(dialogues)
    flow_id = first_flow(dialogues)
    blocks = reading_order(content, flow_id)
    flow = content.flows[flow_id]
    first_node = flow.nodes[flow.header.start]
    assert blocks[0].ref.startswith(f"{flow_id}/{flow.header.start}/")
    assert blocks[0].falc == next(m.falc for m in first_node.messages if m.falc)
    every = {f"{flow_id}/{n.id}/{i}" for n in flow.nodes.values()
             for i, m in enumerate(n.messages) if m.falc}
    assert {b.ref for b in blocks} == every and len(blocks) == len(every)
    html = booklet_html(content, flow_id)
    parser = HTMLParser()
    parser.feed(html)
    assert html.count('class="bloc"') == len(blocks)
    assert html.count("Je comprends") == len(blocks)
    assert html.count("Je ne comprends pas") == len(blocks)
    assert html.count("Mot difficile") == len(blocks)
    assert "Groupe de lecteurs" in html and "Date" in html
    assert 'lang="fr"' in html and "font-size: 18pt" in html
    odt = booklet_odt(content, flow_id)
    xml = zipfile.ZipFile(__import__("io").BytesIO(odt)).read("content.xml").decode()
    assert xml.count("Je ne comprends pas") == len(blocks)
    sheet = blank_sheet(content, flow_id).splitlines()
    assert sheet[0] == "reference;groupe;date;statut;mots_difficiles"
    assert [line.split(";")[0] for line in sheet[1:]] == [b.ref for b in blocks]


def test_import_records_results_and_lint_counts_them(dialogues, capsys):
    content = load_content(dialogues)
    flow_id = first_flow(dialogues)
    refs = [b.ref for b in reading_order(content, flow_id)]
    sheet = dialogues.parent / "resultats.csv"
    sheet.write_text("reference;groupe;date;statut;mots_difficiles\n"
                     f"{refs[0]};Groupe des Lilas;2026-12-01;compris;\n"
                     f"{refs[1]};Groupe des Lilas;2026-12-01;pas compris;pérenniser, <b>x</b>\n"
                     + "".join(f"{ref};;;;\n" for ref in refs[2:]), encoding="utf-8")
    assert main(["relecture", "import", str(sheet), "--dir", str(dialogues)]) == 0
    stored = read_results(dialogues, flow_id)
    assert [(r.ref, r.status) for r in stored] == [(refs[0], "compris"),
                                                    (refs[1], "pas compris")]
    figures = lint(dialogues, with_falc=False)["readings"][flow_id]
    assert figures["read"] == 2 and figures["not_understood"] == 1
    assert figures["hard_words"] == ["<b>x</b>", "pérenniser"]
    assert "pérenniser" in reader_hard_words(load_content(dialogues))
    # Importing the same sheet again replaces, never doubles.
    assert main(["relecture", "import", str(sheet), "--dir", str(dialogues)]) == 0
    assert len(read_results(dialogues, flow_id)) == 2


def test_a_result_stops_counting_when_its_text_changes(dialogues):
    content = load_content(dialogues)
    flow_id = first_flow(dialogues)
    ref = reading_order(content, flow_id)[0].ref
    sheet = dialogues.parent / "resultats.yaml"
    sheet.write_text(yaml.safe_dump([{"reference": ref, "groupe": "G", "date": "2026-12-01",
                                      "statut": "compris"}]), encoding="utf-8")
    assert main(["relecture", "import", str(sheet), "--dir", str(dialogues)]) == 0
    assert summarise(load_content(dialogues), dialogues)[flow_id].read == 1
    flow_file = load_content(dialogues).flows[flow_id].file
    path = dialogues / Path(flow_file).name
    old = reading_order(content, flow_id)[0].falc.splitlines()[0]
    path.write_text(path.read_text(encoding="utf-8").replace(old, old + " Voilà.", 1),
                    encoding="utf-8")
    after = summarise(load_content(dialogues), dialogues)[flow_id]
    assert after.read == 0 and after.stale == 1


def test_a_wrong_sheet_is_refused_in_french_and_records_nothing(dialogues, capsys):
    flow_id = first_flow(dialogues)
    ref = reading_order(load_content(dialogues), flow_id)[0].ref
    sheet = dialogues.parent / "faux.csv"
    sheet.write_text("reference,groupe,date,statut,mots_difficiles\n"
                     f"{ref},G,2026-12-01,compris,\n"
                     "inconnu/nulle/0,G,2026-12-01,compris,\n"
                     f"{ref},G,01/12/2026,compris,\n"
                     f"{ref},G,2026-12-01,bof,\n", encoding="utf-8")
    assert main(["relecture", "import", str(sheet), "--dir", str(dialogues)]) == 1
    said = capsys.readouterr().err
    assert "Rien n’est enregistré" in said
    assert "ligne 3" in said and "ne désigne aucun message" in said
    assert "ligne 4" in said and "AAAA-MM-JJ" in said
    assert "ligne 5" in said and "« compris » ou « pas compris »" in said
    assert read_results(dialogues, flow_id) == []


def test_export_writes_the_booklet_files(dialogues, tmp_path):
    flow_id = first_flow(dialogues)
    for fmt in ("html", "odt", "csv"):
        out = tmp_path / f"livret.{fmt}"
        assert main(["relecture", "export", flow_id, "--format", fmt, "--out", str(out),
                     "--dir", str(dialogues)]) == 0
        assert out.stat().st_size > 60
    assert main(["relecture", "export", "nulle-part", "--dir", str(dialogues)]) == 2
