"""Guards: tiny, safe boolean expressions over conversation variables.

Authors write `when: "score >= 5"` or `when: "temps == 'peu' and not engage"`.
The expression is parsed once with `ast` and only names, constants, comparisons,
`and`/`or`/`not` and `in` over literal lists are allowed; no call, no attribute.
An unset variable reads as `None`.
"""

from __future__ import annotations

import ast
import itertools
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Variables = Mapping[str, object]

# Values are whatever the variables hold: an impossible comparison (None < 3) raises
# TypeError, which makes the guard false (see Guard.__call__).
_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


class GuardSyntaxError(ValueError):
    """The guard is not an expression we accept; the message says why, in French."""


@dataclass(frozen=True)
class Guard:
    source: str
    names: frozenset[str]
    evaluate: Callable[[Variables], bool]

    def __call__(self, variables: Variables) -> bool:
        try:
            return bool(self.evaluate(variables))
        except TypeError:  # e.g. comparing None with a number: the guard is just false
            return False


def _compile(node: ast.expr, names: set[str]) -> Callable[[Variables], object]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str | int | float | bool):
        value = node.value
        return lambda _v: value
    if isinstance(node, ast.Constant) and node.value is None:
        return lambda _v: None
    if isinstance(node, ast.Name):
        name = node.id
        if name in ("true", "false"):
            flag = name == "true"
            return lambda _v: flag
        names.add(name)
        return lambda v: v.get(name)
    if isinstance(node, ast.List | ast.Tuple):
        items = [_compile(item, names) for item in node.elts]
        return lambda v: [item(v) for item in items]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _compile(node.operand, names)
        return lambda v: not inner(v)
    if isinstance(node, ast.BoolOp):
        parts = [_compile(value, names) for value in node.values]
        if isinstance(node.op, ast.And):
            return lambda v: all(part(v) for part in parts)
        return lambda v: any(part(v) for part in parts)
    if isinstance(node, ast.Compare):
        left = _compile(node.left, names)
        ops = [_COMPARE[type(op)] for op in node.ops if type(op) in _COMPARE]
        if len(ops) != len(node.ops):
            raise GuardSyntaxError(
                "opérateur de comparaison non permis (utilisez == != < <= > >= in)")
        rights = [_compile(comp, names) for comp in node.comparators]

        def compare(v: Variables) -> bool:
            current = left(v)
            for op, right in zip(ops, rights, strict=True):
                other = right(v)
                if not op(current, other):
                    return False
                current = other
            return True

        return compare
    raise GuardSyntaxError(
        f"élément non permis « {ast.unparse(node)} » : seuls les noms de variables, les valeurs,"
        " les comparaisons, and, or, not et in sont acceptés"
    )


def compile_guard(source: str) -> Guard:
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise GuardSyntaxError(f"expression illisible : {exc.msg}") from exc
    names: set[str] = set()
    compiled = _compile(tree.body, names)
    return Guard(source, frozenset(names), lambda variables: bool(compiled(variables)))


def _probe_values(source: str, given: Mapping[str, object]) -> list[object]:
    """Values worth trying for a guard's variables: unset, the booleans, the guard's own
    constants and their neighbours (where a comparison flips), and the values a choice sets."""
    values: list[object] = [None, True, False, 0]
    for node in ast.walk(ast.parse(source.strip(), mode="eval")):
        if isinstance(node, ast.Constant) and node.value is not None:
            values.append(node.value)
            if isinstance(node.value, int) and not isinstance(node.value, bool):
                values += [node.value - 1, node.value + 1]
    values += list(given.values())
    unique: list[object] = []
    for value in values:
        if not any(type(value) is type(seen) and value == seen for seen in unique):
            unique.append(value)
    return unique


MAX_PROBES = 20_000


def could_falsify(guard: Guard, set_values: Mapping[str, object],
                  add_amounts: Mapping[str, int]) -> bool:
    """True when some variables make the guard true before a choice's `set`/`add` and
    false after: the author may expect the guard to see the new values, it does not."""
    changed = guard.names & (set(set_values) | set(add_amounts))
    if not changed:
        return False
    names = sorted(guard.names)
    candidates = _probe_values(guard.source, set_values)
    if len(candidates) ** len(names) > MAX_PROBES:
        return True  # too many combinations to try: a variable it reads is changed
    for combination in itertools.product(candidates, repeat=len(names)):
        before = dict(zip(names, combination, strict=True))
        if not guard(before):
            continue
        after = {**before, **set_values}
        for name, amount in add_amounts.items():
            current = after.get(name)
            after[name] = (current if isinstance(current, int) else 0) + amount
        if not guard(after):
            return True
    return False
