"""The studio's answers as formulas: from the sliders (or a scenario's 2020 value) to the texts shown.

Each panel's arithmetic and display rounding is a ``Program`` of lib.present.formula:
the app runs it in Python (studio.py), the static edition as Vega formula
transforms (bake/studio.py, bake/charts.py), both from the View. So a verdict
is always taken on the figure as shown, and the two editions write the same
figure with the same words.
"""

from __future__ import annotations

import re

from lib.engine import economy
from lib.engine.rates import PROJECTIONS
from lib.engine.scenario import BASE_YEAR, TARGET_YEAR, meets_formula
from lib.present.formula import Abs, Expr, Num, Program, Var, compare, concat, cond, fixed, function, round_to, substitute
from lib.present.i18n import N_, ZH_CN, gettext
from lib.present.numbers import EXACT, change_unit
from lib.views.query import written
from lib.views.scenarios import words
from lib.views.scenarios.catalogue import IndicatorOption
from lib.views.scenarios.chart import SCENARIO_A

FINEST = 4  # no answer is shown with more decimals
PANEL_DECIMALS = 2  # the GDP and income answers: 2.28 万亿元, one decimal more than 2.5万亿元 prints
WAN_YI = economy.UNIT_FACTORS["万亿元"]  # 亿元 per 万亿元
WAN = economy.UNIT_FACTORS["万元"]  # 元 per 万元
SINCE_BASE = Var("year") - BASE_YEAR  # a drawn path's years since 2015, from its row's year


def decimals_for(gap: Expr, printed: int, resolution: float, finest: int = FINEST) -> Expr:
    """The plan's decimals, or more where a slider step moves the result by less than its last digit.

    ``resolution`` is how far one slider step moves the 2020 value. A gap
    within half of it of its rounded figure is shown at that figure: the
    plan's pace, rounded onto the slider grid, overshoots 6 件 by 0.00004 and
    shows 0. A larger one gets the digits it needs: 45.95 against 46 shows
    -0.05, not 0, and 46.5 shows +0.5.
    """
    tolerance = max(resolution / 2, EXACT)
    chosen: Expr = Num(max(finest, printed))
    for decimals in reversed(range(printed, finest)):
        chosen = cond(compare("<=", Abs(round_to(gap, decimals) - gap), tolerance), decimals, chosen)
    return chosen


def gap_decimals(gap: float, printed: int, resolution: float, finest: int = FINEST) -> int:
    return int(function(decimals_for(Var("gap"), printed, resolution, finest), "gap")(gap))


def path(option: IndicatorOption, pace: Expr = Var("pace")) -> Expr:
    """The scenario's value in a row's year at a constant ``pace``: the kind's projection from 2015."""
    start = 0.0 if option.base is None else option.base  # a five-year total or cut starts from nothing
    return substitute(PROJECTIONS[option.kind], {"start": start, "pace": pace, "years": SINCE_BASE})


GOAL, START, SPAN = Var("goal"), Var("start"), Var("years")
# Each projection of lib.engine.rates.PROJECTIONS solved for its pace: the pace that lands on
# ``goal`` after ``years`` years from ``start`` (tests/test_view_scenarios.py runs each back
# through its projection). A level compounds: (goal/start)^(1/years) − 1; a share, ratio or
# total adds: (goal − start)/years; a reduction cuts what is left each year.
PACE_FOR = {
    "level": ((GOAL / START) ** (1 / SPAN) - 1) * 100,
    **{kind: (GOAL - START) / SPAN for kind in ("share", "ratio", "threshold", "total")},
    "reduction": (1 - ((1 - GOAL / 100) / (1 - START / 100)) ** (1 / SPAN)) * 100,
}
_PACE_FOR = {kind: function(formula, "goal", "start", "years") for kind, formula in PACE_FOR.items()}
SOLVED_DECIMALS = 8  # the most digits a slider's figure shows


def pace_for(option: IndicatorOption, goal: float) -> float | None:
    """The constant pace 2016–2020 that lands exactly on ``goal`` in 2020, or None where none can."""
    start = 0.0 if option.base is None else option.base  # a five-year total or cut starts from nothing
    try:
        pace = _PACE_FOR[option.kind](goal, start, TARGET_YEAR - BASE_YEAR)
    except (ZeroDivisionError, ValueError):
        return None
    if isinstance(pace, complex) or not option.low <= pace <= option.high:
        return None
    return float(written(pace))  # as the URL carries it (six significant digits), so the link reopens this very pace


def value_unit(option: IndicatorOption, lang: str = ZH_CN) -> str:
    if option.kind == "ratio":
        return gettext(lang)(RATIO_UNIT)
    return f" {words.unit(option.unit, lang)}" if option.unit else ""


def sentence(text: str, **parts: Expr | str) -> Expr:
    """A sentence of the catalogs whose ``{name}`` places are formulas: its words around them, joined."""
    pieces = re.split(r"\{(\w+)\}", text)
    return concat(*(parts[piece] if odd % 2 else piece for odd, piece in enumerate(pieces) if piece or odd % 2))


VERDICTS = (N_("达到目标"), N_("未达目标"))
RATIO_UNIT = N_("∶1")  # after a ratio's figure: 2.40∶1


def landing(option: IndicatorOption, lang: str = ZH_CN) -> Program:
    """From ``value`` (a scenario's 2020 value) to what the studio shows: the value, the gap, the verdict.

    The gap gets the digits it needs (``decimals_for``), the value the same, and
    the verdict is taken on the value so rounded: what the reader sees is what is judged.
    """
    _ = gettext(lang)
    value, gap, digits = Var("value"), Var("gap"), Var("digits")
    gap_unit = words.gap_unit(change_unit(option.kind, option.unit), lang)
    return (
        ("gap", value - option.target),
        ("digits", decimals_for(gap, option.decimals, option.resolution)),
        ("value_text", concat(fixed(value, digits), value_unit(option, lang))),
        ("gap_shown", fixed(gap, digits, signed=True)),
        ("gap_text", concat(Var("gap_shown"), f" {gap_unit}" if gap_unit else "")),
        ("met", meets_formula(option.direction, option.qualifier, round_to(value, digits), Num(option.target))),
        ("verdict", cond(Var("met"), _(VERDICTS[0]), _(VERDICTS[1]))),
    )


def _against(
    name: str,
    gap: Expr,
    unit: str,
    target_raw: str,
    off_colour: str = "off",
    on_colour: str = "normal",
    lower: bool = False,
    lang: str = ZH_CN,
) -> Program:
    """A delta and verdict against a printed target, in the indicator panel's words:
    "-0.22 万亿元，未达目标（2020年目标：2.5万亿元）", or "达到目标：与2020年目标持平（2.5万亿元）" when
    level. The signed figure leads: Streamlit colours a delta and turns its arrow by its first character.

    The verdict is taken on the gap as shown (two decimals), as the indicator panel's is;
    ``lower``: a smaller figure is better (the income ratio). ``unit`` and ``target_raw`` are the
    plan's (万亿元, 2.5万亿元), worded here in ``lang``.
    """
    _ = gettext(lang)
    target = words.plan_figure(target_raw, lang)
    amount = concat(Var(f"{name}_gap"), f" {words.gap_unit(unit, lang)}" if unit else "")
    verdict = Var(f"{name}_verdict")
    level = compare("==", Var(f"{name}_gap"), "0")
    met = compare("<=" if lower else ">=", round_to(gap, PANEL_DECIMALS), 0)
    return (
        (f"{name}_gap", fixed(gap, PANEL_DECIMALS, signed=True)),
        (f"{name}_verdict", cond(met, _(VERDICTS[0]), _(VERDICTS[1]))),
        (
            f"{name}_delta",
            cond(
                level,
                sentence(_("{verdict}：与{year}年目标持平（{target}）"), verdict=verdict, year=str(TARGET_YEAR), target=target),
                sentence(
                    _("{gap}，{verdict}（{year}年目标：{target}）"), gap=amount, verdict=verdict, year=str(TARGET_YEAR), target=target
                ),
            ),
        ),
        (f"{name}_colour", cond(level, off_colour, on_colour)),
    )


def _answer(name: str, formula: Expr, scale: float, unit: str) -> Program:
    return ((name, formula), (f"{name}_value", concat(fixed(Var(name) / scale, PANEL_DECIMALS), unit)))


def gdp_program(lang: str = ZH_CN) -> Program:
    """地区生产总值: the sliders gdp_real, gdp_deflator and population to the two answers and their deltas."""
    plan = economy.figures()
    gdp, per_capita = Var("gdp"), Var("per_capita")
    return (
        *_answer("gdp", economy.bound(economy.GDP), WAN_YI, " " + words.unit("万亿元", lang)),
        *_against("gdp", (gdp - plan.gdp_target.value) / WAN_YI, "万亿元", plan.gdp_target.raw, lang=lang),
        *_answer("per_capita", economy.bound(economy.GDP_PER_CAPITA), WAN, " " + words.unit("万元", lang)),
        *_against("per_capita", (per_capita - plan.gdp_per_capita_target.value) / WAN, "万元", plan.gdp_per_capita_target.raw, lang=lang),
    )


def income_program(lang: str = ZH_CN) -> Program:
    """城乡收入: the sliders urban_income, rural_income and urbanization to the ratio and the average's growth."""
    plan = economy.figures()
    ratio, growth = Var("ratio"), Var("growth")
    return (
        *_answer("ratio", economy.bound(economy.INCOME_RATIO), 1, gettext(lang)(RATIO_UNIT)),
        # A narrower gap is better: a ratio above the target shows red.
        *_against(
            "ratio", ratio - plan.income_ratio_target.value, "", plan.income_ratio_target.raw, on_colour="inverse", lower=True, lang=lang
        ),
        *_answer("growth", economy.bound(economy.AVERAGE_INCOME_GROWTH), 1, "%"),
        *_against("growth", growth - plan.income_growth_target.value, "个百分点", f"{plan.income_growth_target.raw}%", lang=lang),
    )


def gdp_paths(lang: str = ZH_CN) -> tuple[tuple[str, Expr], ...]:
    """The GDP panel's drawn scenario, in a row's year (named as the chart's rows name it)."""
    return ((gettext(lang)(SCENARIO_A), economy.bound(economy.GDP, SINCE_BASE)),)


def income_paths(lang: str = ZH_CN) -> tuple[tuple[str, Expr], ...]:
    """The income panel's two incomes, in a row's year (the static edition draws them)."""
    _ = gettext(lang)
    return (
        (_("城镇居民收入"), economy.bound(economy.URBAN_INCOME, SINCE_BASE)),
        (_("农村居民收入"), economy.bound(economy.RURAL_INCOME, SINCE_BASE)),
    )
