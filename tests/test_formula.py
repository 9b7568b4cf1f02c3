"""lib.present.formula: one tree, a Python function and a Vega expression (the Vega side runs in tests/browser/test_formula_in_vega.py)."""

import math

import pytest

from lib.engine import economy, scenario
from lib.engine.rates import PROJECTIONS, project
from lib.present.formula import (
    Abs,
    Num,
    Text,
    Var,
    compare,
    concat,
    cond,
    fixed,
    function,
    names,
    round_to,
    run,
    substitute,
    transforms,
    vega,
)
from lib.present.numbers import figure
from lib.views.scenarios import formulas
from lib.views.scenarios.catalogue import options_by_id

X, D = Var("x"), Var("d")


@pytest.mark.parametrize(
    "x, decimals, rounded, text, signed",
    [
        (0.125, 2, 0.13, "0.13", "+0.13"),  # a true half: away from zero
        (-0.125, 2, -0.13, "-0.13", "-0.13"),
        (2.675, 2, 2.68, "2.68", "+2.68"),  # stored as 2.67499999…, read as the decimal 2.675
        (46.5, 0, 47.0, "47", "+47"),
        (45.95, 1, 46.0, "46.0", "+46.0"),
        (1.421e-14, 1, 0.0, "0", "0"),  # noise is nothing, never "+0.0"
        (-0.05000000000000071, 2, -0.05, "-0.05", "-0.05"),
        (2.4000000000000004, 2, 2.4, "2.40", "+2.40"),
    ],
)
def test_round_and_fixed_in_python(x, decimals, rounded, text, signed):
    shown = run((("r", round_to(X, D)), ("t", fixed(X, D)), ("s", fixed(X, D, signed=True))), {"x": x, "d": decimals})
    assert (shown["r"], shown["t"], shown["s"]) == (rounded, text, signed)
    assert shown["t"] == figure(x, decimals)  # the one formatter


@pytest.mark.parametrize(
    "formula, env, value",
    [
        (X * 2 + 1, {"x": 3}, 7.0),
        (1 - X / 4, {"x": 2}, 0.5),
        (X**0.5, {"x": 9}, 3.0),
        ((-X) ** 0.5, {"x": 9}, math.nan),  # JavaScript's Math.pow gives NaN too, not a complex number
        (Abs(X - 5), {"x": 2}, 3.0),
        (cond(compare(">=", X, 46 - 1e-9), "达到目标", "未达目标"), {"x": 46.000000000000014}, "达到目标"),
        (concat("2020年：", fixed(X, 0), " %"), {"x": 45.6}, "2020年：46 %"),
        (concat(fixed(X, 1), fixed(X, 0)), {"x": 1.25}, "1.31"),  # texts joined, never added
    ],
)
def test_a_formula_in_python(formula, env, value):
    got = run((("v", formula),), env)["v"]
    assert got == value or (isinstance(value, float) and math.isnan(value) and math.isnan(got))


@pytest.mark.parametrize(
    "formula, signals, expression",
    [
        (X + 1, (), "(datum.x + 1.0)"),
        (Var("pace") * Var("year"), ("pace",), "(pace * datum.year)"),
        (X - (-2.5), (), "(datum.x - (-2.5))"),
        (X**2, (), "pow(datum.x, 2.0)"),
        (cond(compare("<", X, 0), "低", Text("高")), (), "((datum.x < 0.0) ? '低' : '高')"),
        (concat("a", X), (), "('' + 'a' + datum.x)"),
        (round_to(X, 2), (), "((datum.x < 0 ? -1 : 1) * round(abs(round(datum.x * pow(10, 10))) / pow(10, 10 - 2.0)) / pow(10, 2.0))"),
    ],
)
def test_the_vega_expression(formula, signals, expression):
    assert vega(formula, signals) == expression


@pytest.mark.parametrize("text", ['it\'s "so"', "a\\b", "two\nlines"])
def test_a_text_vega_cannot_quote_is_refused(text):
    with pytest.raises(ValueError):
        vega(Text(text))


def test_an_apostrophe_is_quoted_with_double_quotes():
    # English words (issue 27): “residents' income”
    assert vega(Text("residents' income")) == '"residents\' income"'


def test_fixed_writes_its_specifier_literally_when_it_can():
    assert "format(" in vega(fixed(X, 2)) and "'.2f'" in vega(fixed(X, 2))
    assert "('.' + datum.d + 'f')" in vega(fixed(X, D))


def test_a_function_names_what_it_reads():
    with pytest.raises(ValueError, match="also reads"):
        function(X + Var("y"), "x")
    assert function(X + Var("y"), "x", "y")(1, y=2) == 3.0
    assert names(substitute(X + Var("y"), {"y": 2})) == {"x"}
    assert substitute(X + Var("y"), {"y": 2}) == X + Num(2.0)


def test_a_program_is_calculate_steps_in_order():
    program = (("a", X + 1), ("b", Var("a") * 2))
    assert run(program, {"x": 1}) == {"x": 1, "a": 2.0, "b": 4.0}
    assert transforms(program, ("x",)) == [{"calculate": "(x + 1.0)", "as": "a"}, {"calculate": "(datum.a * 2.0)", "as": "b"}]


@pytest.mark.parametrize(
    "kind, start, pace, years, value",
    [
        # 进出口总额 4644 at 10 % a year for five years: 4644 × 1.1^5 = 7479.2084
        ("level", 4644, 10.0, 5, 4644 * 1.1**5),
        # 森林覆盖率 45 + 5 × 0.2 = 46 (46.000000000000014 in floating point)
        ("share", 45, 0.2, 5, 45 + 0.2 * 5),
        # energy intensity cut 3 % a year: 1 − 0.97^5 = 14.1266 %
        ("reduction", 0, 3.0, 5, (1 - 0.97**5) * 100),
        ("total", 0, 14900.0, 5, 74500.0),
    ],
)
def test_each_kinds_projection(kind, start, pace, years, value):
    assert project(start, pace, years, kind) == pytest.approx(value, rel=1e-15)
    assert scenario.step(kind, start, pace) == project(start, pace, 1, kind)
    assert set(PROJECTIONS) == {"level", "share", "ratio", "threshold", "total", "reduction"}


@pytest.mark.parametrize(
    "direction, qualifier, value, target, met",
    [
        ("higher", "exact", 46.000000000000014, 46, True),
        ("higher", "exact", 45.95, 46, False),
        ("higher", "greater_than", 50, 50, False),  # ＞50: exactly 50 is not above it
        ("lower", "less_than", 74500, 75000, True),
        ("lower", "exact", 2.4000000000000004, 2.4, True),
    ],
)
def test_the_met_rule(direction, qualifier, value, target, met):
    assert scenario.meets("level", direction, value, target, qualifier) is met


@pytest.mark.parametrize(
    "indicator_id, value, shown, verdict",
    [
        # 森林覆盖率 45 → 46: 45.95 shows its two decimals and misses; 46.000000000000014 shows 46 and meets
        ("t2_forest_cover", 45.95, "45.95 %", "未达目标"),
        ("t2_forest_cover", 46.000000000000014, "46 %", "达到目标"),
        # 万人发明专利 6.0000358 (the plan's pace on the slider grid): shown 6.0, judged on 6.0
        ("t2_invention_patents", 6.0000358, "6.0 件", "达到目标"),
        # a value a hair under the target, within half a slider step of it, shows as the target and is judged so
        ("t2_forest_cover", 45.99999, "46 %", "达到目标"),
    ],
)
def test_the_verdict_is_taken_on_the_figure_as_shown(indicator_id, value, shown, verdict):
    answer = run(formulas.landing(options_by_id()[indicator_id]), {"value": value})
    assert (answer["value_text"], answer["verdict"]) == (shown, verdict)


def test_the_models_are_the_formulas():
    # 15720 × (1.07 × 1.0066)^5 = 22785 亿元; the function and the bound formula agree to the bit
    bound = run((("gdp", economy.bound(economy.GDP)),), {"gdp_real": 7.0, "gdp_deflator": 0.66})["gdp"]
    assert bound == economy.gdp_2020(7.0, 0.66) == pytest.approx(22785.37, abs=0.01)
    assert names(economy.bound(economy.AVERAGE_INCOME_GROWTH)) == {"urban_income", "rural_income", "urbanization"}
