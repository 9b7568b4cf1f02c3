"""A formula as a Vega expression, and a program as Vega-Lite calculate transforms."""

from __future__ import annotations

import math
from collections.abc import Iterable

from lib.present.formula.nodes import Abs, Binary, Compare, Concat, Cond, Expr, Fixed, Num, Pow, Round, Text, Var
from lib.present.formula.python import Program
from lib.present.numbers import NOISE_DIGITS


def _literal(text: str) -> str:
    """A Vega string literal (the plan's words hold no quote or backslash; English may hold an
    apostrophe, quoted then with double quotes; a text with both, or a backslash, is refused)."""
    if ("'" in text and '"' in text) or "\\" in text or "\n" in text:
        raise ValueError(f"cannot quote {text!r}")
    return f'"{text}"' if "'" in text else f"'{text}'"


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
        if isinstance(node, Binary):
            return f"({walk(node.left)} {node.symbol} {walk(node.right)})"
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
