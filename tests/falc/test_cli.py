"""The command line: plain output, --json, --sarif, stdin, exit statuses."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from falc.cli import main
from falc.rules import RULES

GOOD = "Bonjour.\nVous pouvez venir avec 2 personnes.\n"
BAD = "Bonjour.\n30 % des aidants & leurs amis viennent.\nVenez avec deux amis.\n"
PLAIN_LINE = re.compile(
    r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>erreur|avertissement|info) "
    r"(?P<rule>FALC-[A-Z]+-\d{3}) (?P<message>.+) → (?P<suggestion>.+)$"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    good, bad = tmp_path / "bon.txt", tmp_path / "mauvais.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    return good, bad


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_0_without_error(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--tiers", "1", str(files[0])], capsys)
    assert code == 0
    assert "0 erreur" in out


def test_exit_1_with_an_error_and_plain_lines(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "--tiers", "1", str(files[1])], capsys)
    assert code == 1
    lines = [PLAIN_LINE.match(line) for line in out.splitlines()[:-1]]
    assert lines and all(lines)
    found = {(m["rule"], m["line"], m["col"], m["sev"]) for m in lines if m}
    assert ("FALC-NUM-003", "2", "1", "erreur") in found
    assert ("FALC-CHAR-001", "2", "18", "erreur") in found
    assert ("FALC-NUM-001", "3", "12", "avertissement") in found
    assert all(m["file"] == str(files[1]) for m in lines if m)
    assert "Kandel–Moles" in out.splitlines()[-1]


def test_json_shape(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--json", "--tiers", "1", str(files[1])], capsys)
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"findings", "scores"}
    assert {"kandel_moles", "lix"} <= set(data["scores"])
    assert all(isinstance(data["scores"][k], float) for k in ("kandel_moles", "lix"))
    for f in data["findings"]:
        assert set(f) == {"rule", "severity", "message", "suggestion", "start", "end"}
        assert f["rule"] in RULES and f["severity"] in ("error", "warning", "info")
        assert BAD[f["start"] : f["end"]]
    assert {"rule": "FALC-CHAR-001", "start": BAD.index("&"), "end": BAD.index("&") + 1}.items() \
        <= next(f for f in data["findings"] if f["rule"] == "FALC-CHAR-001").items()


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Il faut remplir le dossier."))
    code, out, _ = run(["check", "--json", "--tiers", "1", "-"], capsys)
    assert code == 0
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["FALC-ADDR-003"]


def test_several_files_in_json(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "--json", "--tiers", "1", *map(str, files)], capsys)
    assert code == 1
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == [str(p) for p in files]


def test_unreadable_file_and_bad_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(tmp_path / "absent.txt")], capsys)
    assert code == 2 and "impossible de lire" in err
    bad = tmp_path / "falc.toml"
    bad.write_text("[thresholds]\ninconnu = 1\n")
    good = tmp_path / "t.txt"
    good.write_text("Bonjour.")
    code, _, err = run(["check", "--config", str(bad), str(good)], capsys)
    assert code == 2 and "Seuil(s) inconnu(s)" in err


def test_config_option_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "falc.toml"
    cfg.write_text('[rules]\n"FALC-NUM-003" = "off"\n"FALC-CHAR-001" = "off"\n')
    text = tmp_path / "t.txt"
    text.write_text("30 % des aidants viennent.")
    code, out, _ = run(["check", "--json", "--tiers", "1", "--config", str(cfg), str(text)],
                       capsys)
    assert code == 0
    assert not json.loads(out)["findings"]


def test_rules_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "--json"], capsys)
    assert code == 0
    assert set(json.loads(out)) == set(RULES)


def test_real_process_with_stdin_and_exit_status() -> None:
    """The installed entry point, through a real pipe (``python -m falc``)."""
    proc = subprocess.run(
        [sys.executable, "-m", "falc", "check", "--json", "--tiers", "1", "-"],
        input="Cette loi date du XIXe siècle.", capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["FALC-NUM-004"]
    ok = subprocess.run(
        [sys.executable, "-m", "falc", "check", "--tiers", "1", "-"],
        input="Vous pouvez venir.", capture_output=True, text=True, check=False,
    )
    assert ok.returncode == 0, ok.stderr


def test_several_files_are_a_corpus_for_boilerplate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for i in range(5):
        path = tmp_path / f"texte{i}.txt"
        path.write_text(f"Une CoP, c’est une communauté de pratique.\nVous venez le {i + 1}.\n",
                        encoding="utf-8")
        paths.append(str(path))
    code, out, _ = run(["check", "--json", "--tiers", "1", *paths], capsys)
    files = json.loads(out)["files"]
    repeated = [[f["rule"] for f in entry["findings"] if f["rule"] == "FALC-DUP-001"]
                for entry in files]
    assert repeated == [[], ["FALC-DUP-001"], ["FALC-DUP-001"], ["FALC-DUP-001"],
                        ["FALC-DUP-001"]]
    assert code == 0  # boilerplate is a warning
