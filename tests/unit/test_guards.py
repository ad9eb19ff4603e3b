import pytest

from coach.content.guards import GuardSyntaxError, compile_guard


@pytest.mark.parametrize(
    ("source", "variables", "expected"),
    [
        ("score >= 5", {"score": 5}, True),
        ("score >= 5", {"score": 4}, False),
        ("score >= 5", {}, False),  # unset compares as None: false, not an error
        ("temps == 'peu' and not engage", {"temps": "peu"}, True),
        ("temps == 'peu' and not engage", {"temps": "peu", "engage": True}, False),
        ("role in ['parent', 'aidant']", {"role": "aidant"}, True),
        ("etape", {"etape": 2}, True),
        ("etape", {}, False),
        ("a or b", {"b": 1}, True),
        ("1 < score < 3", {"score": 2}, True),
    ],
)
def test_guard_evaluates(source, variables, expected):
    assert compile_guard(source)(variables) is expected


def test_guard_reports_the_names_it_reads():
    assert compile_guard("score >= 5 and role == 'x'").names == {"score", "role"}


@pytest.mark.parametrize("source", ["__import__('os')", "a.b", "x + 1 > 2", "score =>", "f(x)"])
def test_guard_refuses_anything_but_simple_expressions(source):
    with pytest.raises(GuardSyntaxError):
        compile_guard(source)
