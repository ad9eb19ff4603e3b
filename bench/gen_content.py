"""Generate synthetic dialogue directories of any size, for benchmarks."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def ring_flow(size: int) -> dict:
    """A ring of `size` nodes: `suivant` always goes on, `saut` jumps far and sets a variable."""
    nodes = []
    for i in range(size):
        nodes.append({
            "id": f"n{i}",
            "source": "conclusion",
            "messages": [{"speaker": "coach", "text": f"Étape {i} du parcours de test.",
                          "falc": f"Étape {i}."}],
            "choices": [
                {"id": "suivant", "label": "Suivant", "label_falc": "Suivant",
                 "target": f"n{(i + 1) % size}", "add": {"compte": 1}},
                {"id": "saut", "label": "Sauter", "label_falc": "Sauter",
                 "target": f"n{(i * 7 + 3) % size}", "set": {"saute": True}},
            ],
        })
    return {"flow": {"id": "anneau", "title": "Anneau", "title_falc": "Anneau", "start": "n0"},
            "nodes": nodes}


def write_ring_dialogues(directory: Path, size: int, root: Path = ROOT) -> Path:
    """`root`: the source tree whose commun.yaml is used (another tree's code may not
    accept this one's)."""
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(root / "dialogues" / "commun.yaml", directory / "commun.yaml")
    common = (directory / "commun.yaml").read_text(encoding="utf-8")
    common = common.replace("entry: accueil:bienvenue", "entry: anneau:n0")
    common = common.replace("menu: accueil:menu", "menu: anneau:n0")
    (directory / "commun.yaml").write_text(common, encoding="utf-8")
    (directory / "sections.yaml").write_text(
        "sections:\n  - id: conclusion\n    title: Conclusion\n", encoding="utf-8")
    (directory / "anneau.yaml").write_text(
        yaml.safe_dump(ring_flow(size), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return directory
