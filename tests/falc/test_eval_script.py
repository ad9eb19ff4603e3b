"""bench/falc_eval.py never shows a blind set: --show refuses blind and blind2.

The refusal happens while parsing the arguments, before any evaluation file is read, so
these tests never open the blind files.
"""

from __future__ import annotations

import pytest

from bench import falc_eval


def test_blind2_is_a_known_set_and_a_blind_one() -> None:
    assert "blind2" in falc_eval.SETS
    assert {"blind", "blind2"} <= falc_eval.BLIND_SETS
    assert not falc_eval.BLIND_SETS & {"tuned", "dev", "dev2", "dev3"}


@pytest.mark.parametrize(
    "argv",
    [
        ["--show", "falc", "--set", "blind2"],
        ["--show", "standard", "--set", "blind2"],
        ["--show", "falc", "--set", "dev", "--set", "blind2"],
        ["--show", "standard", "--set", "blind"],
        ["--show", "falc"],  # no --set: every set, blind ones included
    ],
)
def test_show_refuses_blind_sets(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        falc_eval.main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--show is for tuned, dev, dev2 and dev3 only" in err
    assert "---" not in err  # no paragraph was printed
