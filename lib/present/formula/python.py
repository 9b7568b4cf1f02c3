"""A formula as a Python function: closures built once from the tree, rounding as lib.present.numbers rounds."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from lib.present.formula.nodes import COMPARISONS, Abs, Binary, Compare, Concat, Cond, Expr, Fixed, Num, Pow, Round, Text, Var, names
from lib.present.numbers import figure, rounded


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
    if isinstance(expr, Binary):
        op, left, right = type(expr).apply, compile_python(expr.left), compile_python(expr.right)
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
