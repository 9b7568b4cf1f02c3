"""A formula written once, as data: the Python function and the Vega expression are both generated from it.

The studio's arithmetic runs in two places: in Python (the app's View) and in
the browser (the static edition's sliders, as Vega expressions). Written twice
by hand, the two drift; so each formula is a small expression tree, and
``function``/``run`` (Python) and ``vega``/``transforms`` (Vega) read the same
tree. tests/test_formula.py and tests/browser/test_formula_in_vega.py check
that both sides give the same figures over a grid of inputs, the Vega side
through the vendored Vega itself.

The nodes: ``Num``, ``Text``, ``Var`` (a slider's value or a field of the
row), ``Add``/``Sub``/``Mul``/``Div``/``Pow``/``Abs``, ``Compare``, ``Cond``,
``Round`` (a number, rounded as lib.present.numbers rounds it), ``Fixed``
(the text lib.present.numbers.figure writes) and ``Concat``. Python's
operators build them: ``start * (1 + pace / 100) ** years``.

A ``Program`` is an ordered tuple of (name, formula) steps, each seeing the
names the ones before it computed: in Vega, one formula transform per step.

The display rounding in Vega: round(|v| × 10^10) is an integer n (float noise
dropped); n / 10^(10 − d) lands exactly on a .5 where the decimal value has
one, and round() then breaks the tie up, away from zero, as Decimal's
ROUND_HALF_UP does in Python. Exact while |v| × 10^10 < 2^53 (|v| < 900000):
every figure this is used for is below that (the largest, 累计 75000 公顷).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from lib.present.numbers import NOISE_DIGITS, figure, rounded


class Expr:
    """A formula node. Python's arithmetic operators build bigger ones."""

    def __add__(self, other) -> Expr:
        return Add(self, lift(other))

    def __radd__(self, other) -> Expr:
        return Add(lift(other), self)

    def __sub__(self, other) -> Expr:
        return Sub(self, lift(other))

    def __rsub__(self, other) -> Expr:
        return Sub(lift(other), self)

    def __mul__(self, other) -> Expr:
        return Mul(self, lift(other))

    def __rmul__(self, other) -> Expr:
        return Mul(lift(other), self)

    def __truediv__(self, other) -> Expr:
        return Div(self, lift(other))

    def __rtruediv__(self, other) -> Expr:
        return Div(lift(other), self)

    def __pow__(self, other) -> Expr:
        return Pow(self, lift(other))

    def __neg__(self) -> Expr:
        return Sub(Num(0.0), self)


@dataclass(frozen=True, eq=True)
class Num(Expr):
    value: float


@dataclass(frozen=True, eq=True)
class Text(Expr):
    text: str


@dataclass(frozen=True, eq=True)
class Var(Expr):
    name: str


@dataclass(frozen=True, eq=True)
class Add(Expr):
    left: Expr
    right: Expr


@dataclass(frozen=True, eq=True)
class Sub(Expr):
    left: Expr
    right: Expr


@dataclass(frozen=True, eq=True)
class Mul(Expr):
    left: Expr
    right: Expr


@dataclass(frozen=True, eq=True)
class Div(Expr):
    left: Expr
    right: Expr


@dataclass(frozen=True, eq=True)
class Pow(Expr):
    base: Expr
    exponent: Expr


@dataclass(frozen=True, eq=True)
class Abs(Expr):
    value: Expr


COMPARISONS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq}


@dataclass(frozen=True, eq=True)
class Compare(Expr):
    op: str  # one of COMPARISONS
    left: Expr
    right: Expr

    def __post_init__(self) -> None:
        if self.op not in COMPARISONS:
            raise ValueError(f"no comparison {self.op!r}")


@dataclass(frozen=True, eq=True)
class Cond(Expr):
    test: Expr
    then: Expr
    otherwise: Expr


@dataclass(frozen=True, eq=True)
class Round(Expr):
    """``value`` to ``decimals`` decimals, half away from zero, float noise dropped first (a number)."""

    value: Expr
    decimals: Expr


@dataclass(frozen=True, eq=True)
class Fixed(Expr):
    """``value`` as lib.present.numbers.figure writes it (a text): "2.50", "0", "-0.05", "+0.30"."""

    value: Expr
    decimals: Expr
    signed: bool = False


@dataclass(frozen=True, eq=True)
class Concat(Expr):
    parts: tuple[Expr, ...]


def lift(value) -> Expr:
    """A Python number or string as a node; a node as itself."""
    if isinstance(value, Expr):
        return value
    if isinstance(value, bool):
        raise TypeError("a formula holds numbers and texts, not booleans")
    if isinstance(value, int | float):
        return Num(float(value))
    if isinstance(value, str):
        return Text(value)
    raise TypeError(f"not a formula: {value!r}")


def compare(op: str, left, right) -> Compare:
    return Compare(op, lift(left), lift(right))


def cond(test: Expr, then, otherwise) -> Cond:
    return Cond(test, lift(then), lift(otherwise))


def fixed(value, decimals, signed: bool = False) -> Fixed:
    return Fixed(lift(value), lift(decimals), signed)


def round_to(value, decimals) -> Round:
    return Round(lift(value), lift(decimals))


def concat(*parts) -> Concat:
    return Concat(tuple(lift(p) for p in parts))


def substitute(expr: Expr, bindings: Mapping[str, object]) -> Expr:
    """``expr`` with each Var named in ``bindings`` replaced (by a number, a text or a formula)."""

    def walk(node: Expr) -> Expr:
        if isinstance(node, Var):
            return lift(bindings[node.name]) if node.name in bindings else node
        if isinstance(node, Num | Text):
            return node
        if isinstance(node, Concat):
            return Concat(tuple(walk(p) for p in node.parts))
        values = {name: getattr(node, name) for name in node.__dataclass_fields__}
        return type(node)(**{name: walk(v) if isinstance(v, Expr) else v for name, v in values.items()})

    return walk(expr)


def names(expr: Expr) -> set[str]:
    """The Vars a formula reads."""
    if isinstance(expr, Var):
        return {expr.name}
    if isinstance(expr, Concat):
        return set().union(*(names(p) for p in expr.parts))
    return set().union(set(), *(names(getattr(expr, f)) for f in expr.__dataclass_fields__ if isinstance(getattr(expr, f), Expr)))


# --- Python ------------------------------------------------------------------------------------


def _pow(base: float, exponent: float) -> float:
    try:
        return math.pow(base, exponent)
    except (ValueError, OverflowError):  # JavaScript's Math.pow gives NaN (or Infinity) here
        return math.nan


def _decimals(value) -> int:
    if not float(value).is_integer():
        raise ValueError(f"decimals must be whole, not {value!r}")
    return int(value)


Env = Mapping[str, object]


def compile_python(expr: Expr) -> Callable[[Env], object]:
    """The formula as a Python function of one mapping (name → value), built once."""
    if isinstance(expr, Num):
        value = expr.value
        return lambda env: value
    if isinstance(expr, Text):
        text = expr.text
        return lambda env: text
    if isinstance(expr, Var):
        name = expr.name
        return lambda env: env[name]
    binary = {Add: operator.add, Sub: operator.sub, Mul: operator.mul, Div: operator.truediv}
    if type(expr) in binary:
        op, left, right = binary[type(expr)], compile_python(expr.left), compile_python(expr.right)
        return lambda env: op(left(env), right(env))
    if isinstance(expr, Pow):
        base, exponent = compile_python(expr.base), compile_python(expr.exponent)
        return lambda env: _pow(base(env), exponent(env))
    if isinstance(expr, Abs):
        inner = compile_python(expr.value)
        return lambda env: abs(inner(env))
    if isinstance(expr, Compare):
        op, left, right = COMPARISONS[expr.op], compile_python(expr.left), compile_python(expr.right)
        return lambda env: op(left(env), right(env))
    if isinstance(expr, Cond):
        test, then, otherwise = compile_python(expr.test), compile_python(expr.then), compile_python(expr.otherwise)
        return lambda env: then(env) if test(env) else otherwise(env)
    if isinstance(expr, Round):
        value, decimals = compile_python(expr.value), compile_python(expr.decimals)

        def round_value(env):
            number = value(env)
            return number if not math.isfinite(number) else float(rounded(number, _decimals(decimals(env))))

        return round_value
    if isinstance(expr, Fixed):
        value, decimals, signed = compile_python(expr.value), compile_python(expr.decimals), expr.signed
        return lambda env: figure(value(env), _decimals(decimals(env)), signed)
    if isinstance(expr, Concat):
        parts = [compile_python(p) for p in expr.parts]
        return lambda env: "".join(str(part(env)) for part in parts)
    raise TypeError(f"not a formula node: {expr!r}")


def function(expr: Expr, *params: str) -> Callable[..., object]:
    """The formula as a Python function of ``params``, positional or by name: ``function(f, "pace")(0.2)``."""
    compiled = compile_python(expr)
    missing = names(expr) - set(params)
    if missing:
        raise ValueError(f"the formula also reads {sorted(missing)}")

    def evaluate(*args, **kwargs):
        return compiled({**dict(zip(params, args)), **kwargs})

    return evaluate


Program = tuple[tuple[str, Expr], ...]


def run(program: Program, inputs: Env) -> dict[str, object]:
    """Every step of ``program`` in order, each seeing the inputs and the steps before it."""
    env = dict(inputs)
    for name, expr in program:
        env[name] = compile_python(expr)(env)
    return env


# --- Vega --------------------------------------------------------------------------------------


def _literal(text: str) -> str:
    """A Vega string literal (the plan's words hold no quote or backslash; refused if one did)."""
    if "'" in text or "\\" in text or "\n" in text:
        raise ValueError(f"cannot quote {text!r}")
    return f"'{text}'"


def _number(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(f"no Vega literal for {value!r}")
    text = repr(float(value))
    return f"({text})" if value < 0 else text


def vega(expr: Expr, signals: Iterable[str] = ()) -> str:
    """The formula as a Vega expression: a Var named in ``signals`` is a signal (a slider), any other a field of the row."""
    signals = frozenset(signals)

    def walk(node: Expr) -> str:
        if isinstance(node, Num):
            return _number(node.value)
        if isinstance(node, Text):
            return _literal(node.text)
        if isinstance(node, Var):
            return node.name if node.name in signals else f"datum.{node.name}"
        symbols = {Add: "+", Sub: "-", Mul: "*", Div: "/"}
        if type(node) in symbols:
            return f"({walk(node.left)} {symbols[type(node)]} {walk(node.right)})"
        if isinstance(node, Pow):
            return f"pow({walk(node.base)}, {walk(node.exponent)})"
        if isinstance(node, Abs):
            return f"abs({walk(node.value)})"
        if isinstance(node, Compare):
            return f"({walk(node.left)} {node.op} {walk(node.right)})"
        if isinstance(node, Cond):
            return f"({walk(node.test)} ? {walk(node.then)} : {walk(node.otherwise)})"
        if isinstance(node, Round | Fixed):
            value, decimals = walk(node.value), walk(node.decimals)
            units = f"round(abs(round({value} * pow(10, {NOISE_DIGITS}))) / pow(10, {NOISE_DIGITS} - {decimals}))"
            if isinstance(node, Round):
                return f"(({value} < 0 ? -1 : 1) * {units} / pow(10, {decimals}))"
            # d3-format writes a negative with U+2212, so the sign is written here, as figure() writes it.
            sign = f"({value} < 0 ? '-' : {_literal('+' if node.signed else '')})"
            specifier = _literal(f".{int(node.decimals.value)}f") if isinstance(node.decimals, Num) else f"('.' + {decimals} + 'f')"
            return f"({units} == 0 ? '0' : {sign} + format({units} / pow(10, {decimals}), {specifier}))"
        if isinstance(node, Concat):
            # '' first, so that two numbers side by side are joined as text, as Python's join does
            return "(" + " + ".join(["''", *(walk(p) for p in node.parts)]) + ")"
        raise TypeError(f"not a formula node: {node!r}")

    return walk(expr)


def transforms(program: Program, signals: Iterable[str] = ()) -> list[dict]:
    """The program as Vega-Lite calculate transforms, one per step, in order."""
    signals = tuple(signals)
    return [{"calculate": vega(expr, signals), "as": name} for name, expr in program]
