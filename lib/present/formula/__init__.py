"""A formula written once, as data: the Python function and the Vega expression are both generated from it.

The studio's arithmetic runs in two places: in Python (the app's View) and in
the browser (the static edition's sliders, as Vega expressions). Written twice
by hand, the two drift; so each formula is a small expression tree, and
``function``/``run`` (python.py) and ``vega``/``transforms`` (vega.py) read the same
tree (nodes.py). tests/test_formula.py and tests/browser/test_formula_in_vega.py check
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

from lib.present.formula.nodes import (
    COMPARISONS,
    Abs,
    Add,
    Binary,
    Compare,
    Concat,
    Cond,
    Div,
    Expr,
    Fixed,
    Mul,
    Num,
    Pow,
    Round,
    Sub,
    Text,
    Var,
    compare,
    concat,
    cond,
    fixed,
    lift,
    names,
    round_to,
    substitute,
)
from lib.present.formula.python import Program, compile_python, function, run
from lib.present.formula.vega import transforms, vega

__all__ = [
    "COMPARISONS",
    "Abs",
    "Add",
    "Binary",
    "Compare",
    "Concat",
    "Cond",
    "Div",
    "Expr",
    "Fixed",
    "Mul",
    "Num",
    "Pow",
    "Program",
    "Round",
    "Sub",
    "Text",
    "Var",
    "compare",
    "compile_python",
    "concat",
    "cond",
    "fixed",
    "function",
    "lift",
    "names",
    "round_to",
    "run",
    "substitute",
    "transforms",
    "vega",
]
