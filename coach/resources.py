"""Where the default content is: beside the package in a source checkout, inside it in an
installed wheel (setup.py copies `dialogues/`, `web/` and `falc.toml` into
`coach/_bundled/`). `COACH_DIALOGUES_DIR` still points to a deployer's own content."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent
BUNDLED = PACKAGE / "_bundled"


def default_path(name: str) -> Path:
    """`name` (dialogues, web, falc.toml) from the source checkout when the package runs
    from one, else the copy the wheel carries."""
    beside = CHECKOUT / name
    if (CHECKOUT / "pyproject.toml").is_file() and beside.exists():
        return beside
    return BUNDLED / name
