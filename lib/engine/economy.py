"""The GDP and income model behind the studio's 地区生产总值 and 城乡收入 panels.

Every figure is read from data/ (observations.csv for 专栏1/专栏2 cells,
text_targets.csv for the body text), never written here: ``figures()`` names
each cell it uses. What the plan does not print (a price index, a population
growth rate, the income growths that meet both income targets) is derived
from what it does, and each derivation says how.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from lib.engine.rates import YEARS, compound_rate
from lib.plan import data
from lib.present.formula import Expr, Var, function, substitute

# Units the body text prints in, and the unit the tables use for the same thing.
UNIT_FACTORS = {"万亿元": 10_000, "万元": 10_000, "万": 1}


@dataclass(frozen=True)
class PlanFigure:
    value: float  # in the tables' unit (亿元, 元, %, 万人)
    raw: str  # as printed, e.g. "2.5万亿元", "9%左右", "2.4∶1"
    place: str  # where it is printed, e.g. "第一章第三节", "专栏1第1行"


@dataclass(frozen=True)
class Figures:
    gdp_2015: PlanFigure  # 亿元, current prices
    gdp_per_capita_2015: PlanFigure  # 元
    gdp_target: PlanFigure  # 亿元 (printed in 万亿元)
    gdp_per_capita_target: PlanFigure  # 元 (printed in 万元, 左右)
    real_growth: PlanFigure  # % a year, real (专栏2 row 1; the text says 左右)
    urban_income_2015: PlanFigure  # 元, 新口径
    rural_income_2015: PlanFigure  # 元, 新口径
    income_ratio_target: PlanFigure  # urban ÷ rural, 2020
    income_growth_target: PlanFigure  # % a year, resident average
    urbanization_2015: PlanFigure  # 常住人口城镇化率, %
    urbanization_change: PlanFigure  # points over 2011–2015 ("五年提高…个百分点")
    population_increase: PlanFigure  # 万人 over 2016–2020


def _cell(observations, obs_id: str) -> PlanFigure:
    row = observations.loc[obs_id]
    indicators = data.load_indicators().set_index("indicator_id")
    indicator = indicators.loc[row.indicator_id]
    # A sub-row (常住人口城镇化率 under 城镇化率) stands in its parent's numbered row.
    number = indicator.number or indicators.loc[indicator.parent_id, "number"]
    return PlanFigure(float(row.value), "".join(str(row.raw).split()), f"专栏{indicator.table_no}第{number}行")


def _text(texts, target_id: str) -> PlanFigure:
    row = texts.loc[target_id]
    return PlanFigure(float(row.value) * UNIT_FACTORS.get(row.unit, 1), row.raw, f"{row.chapter}{row.section}")


@functools.cache
def figures() -> Figures:
    observations = data.load_observations().set_index("obs_id")
    texts = data.load_text_targets().set_index("target_id")
    return Figures(
        gdp_2015=_cell(observations, "t1_gdp.2015.actual"),
        gdp_per_capita_2015=_cell(observations, "t1_gdp_per_capita.2015.actual"),
        gdp_target=_text(texts, "tt_002"),  # 地区生产总值迈上2.5万亿元新台阶
        gdp_per_capita_target=_text(texts, "tt_003"),  # 人均地区生产总值达到7.5万元左右
        real_growth=_cell(observations, "t2_gdp_growth.2016-2020.target"),
        urban_income_2015=_cell(observations, "t1_urban_income.2015.actual"),
        rural_income_2015=_cell(observations, "t1_rural_income.2015.actual"),
        income_ratio_target=_cell(observations, "t2_urban_rural_income_ratio.2020.target"),
        income_growth_target=_cell(observations, "t2_income_growth.2016-2020.target"),
        urbanization_2015=_cell(observations, "t1_urbanization_resident.2015.actual"),
        urbanization_change=_cell(observations, "t1_urbanization_resident.2011-2015.published_growth"),
        population_increase=_text(texts, "tt_102"),  # 常住人口累计增加200万左右
    )


def real_growth_text() -> PlanFigure:
    """The growth target as the body text words it ("9%左右", 第一章第三节)."""
    return _text(data.load_text_targets().set_index("target_id"), "tt_001")


def implied_deflator(real_growth: float | None = None) -> float:
    """The yearly price rise that, with ``real_growth``, takes 2015's GDP to the 2020 target.

    The plan prints no deflator; this is derived from its two figures:
    (25000/15720)^(1/5) = 1.09723, and 1.09723/1.09 − 1 = 0.663 %.
    """
    plan = figures()
    real_growth = plan.real_growth.value if real_growth is None else real_growth
    nominal = compound_rate(plan.gdp_2015.value, plan.gdp_target.value)
    return ((1 + nominal) / (1 + real_growth / 100) - 1) * 100


# The models as formulas (lib/present/formula.py), written once: the functions below evaluate them,
# and the static edition's panels run the same formulas in Vega (bake/studio.py, from the studio View).
# Their inputs are the sliders (named by their URL keys), the years since 2015, and the plan
# figures of ``figures()``, named by their field there and bound by ``bound``.
GROWTH_YEARS = Var("years")
GDP_FACTOR = (1 + Var("gdp_real") / 100) * (1 + Var("gdp_deflator") / 100)
GDP = Var("gdp_2015") * GDP_FACTOR**GROWTH_YEARS  # nominal, 亿元
# Per-capita GDP grows with nominal GDP and shrinks with population.
GDP_PER_CAPITA = Var("gdp_per_capita_2015") * (GDP_FACTOR / (1 + Var("population") / 100)) ** GROWTH_YEARS
URBAN_INCOME = Var("urban_income_2015") * (1 + Var("urban_income") / 100) ** GROWTH_YEARS
RURAL_INCOME = Var("rural_income_2015") * (1 + Var("rural_income") / 100) ** GROWTH_YEARS
INCOME_RATIO = URBAN_INCOME / RURAL_INCOME


def _average(share_pct: Expr, urban: Expr, rural: Expr) -> Expr:
    """The resident average: share urban × urban income + share rural × rural income."""
    return share_pct / 100 * urban + (1 - share_pct / 100) * rural


# Yearly growth of the resident average, weighting by where people live: the 2015 weights are
# 专栏1 row 9's, the 2020 weights the slider's.
AVERAGE_INCOME_GROWTH = (
    (
        _average(Var("urbanization"), URBAN_INCOME, RURAL_INCOME)
        / _average(Var("urbanization_2015"), Var("urban_income_2015"), Var("rural_income_2015"))
    )
    ** (1 / GROWTH_YEARS)
    - 1
) * 100
PLAN_INPUTS = ("gdp_2015", "gdp_per_capita_2015", "urban_income_2015", "rural_income_2015", "urbanization_2015")


def plan_values() -> dict[str, float]:
    """The plan figures the formulas read, by name."""
    plan = figures()
    return {name: getattr(plan, name).value for name in PLAN_INPUTS}


def bound(formula: Expr, years: Expr | float = YEARS) -> Expr:
    """``formula`` with the plan's figures written in, over ``years`` (5: to 2020)."""
    return substitute(formula, {**plan_values(), "years": years})


_GDP = function(GDP, "gdp_real", "gdp_deflator", "years", *PLAN_INPUTS)
_GDP_PER_CAPITA = function(GDP_PER_CAPITA, "gdp_real", "gdp_deflator", "population", "years", *PLAN_INPUTS)
_INCOME_RATIO = function(INCOME_RATIO, "urban_income", "rural_income", "years", *PLAN_INPUTS)
_AVERAGE_INCOME_GROWTH = function(AVERAGE_INCOME_GROWTH, "urban_income", "rural_income", "urbanization", "years", *PLAN_INPUTS)


def gdp_2020(real_growth: float, deflator: float) -> float:
    return gdp_path(real_growth, deflator)[-1]


def gdp_path(real_growth: float, deflator: float) -> list[float]:
    """Nominal GDP 2015–2020 (亿元) at constant real growth and price rise."""
    return [_GDP(real_growth, deflator, k, **plan_values()) for k in range(YEARS + 1)]


def gdp_path_required() -> list[float]:
    """The path that reaches the 2020 target at an even nominal rate: 15720 × 1.0972^k."""
    plan = figures()
    rate = compound_rate(plan.gdp_2015.value, plan.gdp_target.value)
    return [plan.gdp_2015.value * (1 + rate) ** k for k in range(YEARS + 1)]


def gdp_per_capita_2020(real_growth: float, deflator: float, population_growth: float) -> float:
    return _GDP_PER_CAPITA(real_growth, deflator, population_growth, YEARS, **plan_values())


def income_ratio_2020(urban_growth: float, rural_growth: float) -> float:
    return _INCOME_RATIO(urban_growth, rural_growth, YEARS, **plan_values())


def average_income_growth(urban_growth: float, rural_growth: float, urbanization_2020: float) -> float:
    """Yearly growth of the resident average income (``AVERAGE_INCOME_GROWTH``), in %."""
    return _AVERAGE_INCOME_GROWTH(urban_growth, rural_growth, urbanization_2020, YEARS, **plan_values())


def implied_population_growth() -> float:
    """Yearly population growth from "常住人口累计增加200万左右" (第十二章第二节).

    The 2015 population behind per-capita GDP is 15720亿元 / 52330元 = 3004万;
    adding 200万 by 2020 is ((3004 + 200)/3004)^(1/5) − 1 = 1.30 % a year.
    """
    plan = figures()
    population_2015 = plan.gdp_2015.value * 1e8 / plan.gdp_per_capita_2015.value / 1e4  # 万人
    return (compound_rate(population_2015, population_2015 + plan.population_increase.value) or 0) * 100


def urbanization_step_2011_2015() -> float:
    """Points a year of the resident urbanization rate, 2011–2015 ("五年提高7.9个百分点" ÷ 5)."""
    return figures().urbanization_change.value / YEARS


def default_urbanization_2020() -> float:
    """The plan sets no 2020 resident urbanization rate; carry 2011–2015's pace forward."""
    return figures().urbanization_2015.value + YEARS * urbanization_step_2011_2015()


def plan_income_growths(urbanization_2020: float | None = None) -> tuple[float, float]:
    """Urban and rural income growth that meet both plan figures at once.

    The ratio 2.4∶1 fixes (1+u)/(1+r); the 9.5 % average then fixes r. Solved
    by bisection on r, since the average is increasing in r.
    """
    plan = figures()
    urbanization_2020 = default_urbanization_2020() if urbanization_2020 is None else urbanization_2020
    ratio_2015 = plan.urban_income_2015.value / plan.rural_income_2015.value
    relative = (plan.income_ratio_target.value / ratio_2015) ** (1 / YEARS)

    def urban(rural_growth):
        return ((1 + rural_growth / 100) * relative - 1) * 100

    low, high = -20.0, 50.0
    for _ in range(100):  # halves 70 points a hundred times: far below any shown digit
        middle = (low + high) / 2
        if average_income_growth(urban(middle), middle, urbanization_2020) < plan.income_growth_target.value:
            low = middle
        else:
            high = middle
    rural_growth = (low + high) / 2
    return urban(rural_growth), rural_growth


def real_index(rates: list[float] | tuple[float, ...]) -> list[float]:
    """Real GDP as an index, 2015 = 1, from each year's real growth in %."""
    path = [1.0]
    for rate in rates:
        path.append(path[-1] * (1 + rate / 100))
    return path


def reported_real_index() -> list[float]:
    """The index the reported years give (2016 10.7 … 2020 3.9, lib.plan.yearly): 1.4166 by 2020.

    Against the plan's 9 %左右 a year (1.09^5 = 1.5386): where the two paths part. Empty
    unless all five years are read.
    """
    from lib.plan.yearly import reported_growth

    rates = [rate for _, rate, _ in reported_growth()]
    return real_index(rates) if len(rates) == YEARS else []
