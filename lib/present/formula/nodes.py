"""The formula nodes, and the builders that take plain numbers and texts (lib/present/formula/__init__.py says why)."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar


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
class Binary(Expr):
    """Arithmetic on two formulas; each subclass names its operator (the same symbol in Python and Vega)."""

    left: Expr
    right: Expr
    symbol: ClassVar[str] = ""
    apply: ClassVar[Callable[[float, float], float]]


class Add(Binary):
    symbol, apply = "+", operator.add


class Sub(Binary):
    symbol, apply = "-", operator.sub


class Mul(Binary):
    symbol, apply = "*", operator.mul


class Div(Binary):
    symbol, apply = "/", operator.truediv


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


# Builders that take plain numbers and texts too.
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
        values = {f.name: getattr(node, f.name) for f in dataclasses.fields(node)}
        return type(node)(**{name: walk(v) if isinstance(v, Expr) else v for name, v in values.items()})

    return walk(expr)


def names(expr: Expr) -> set[str]:
    """The Vars a formula reads."""
    if isinstance(expr, Var):
        return {expr.name}
    if isinstance(expr, Concat):
        return set().union(*(names(p) for p in expr.parts))
    parts = (getattr(expr, f.name) for f in dataclasses.fields(expr))
    return set().union(set(), *(names(part) for part in parts if isinstance(part, Expr)))
