"""Scenario arithmetic for the studio: where 2020 lands at an assumed pace.

The pace means what the engine means by it (lib/pace.py), by kind:
% a year for levels, points a year for shares and thresholds, change a year
for ratios, the yearly amount for five-year totals and the yearly cut for
five-year reductions. Plain numbers in, plain numbers out.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import pandas as pd

from lib.pace import compound_rate
from lib.targets import target_obs_id

BASE_YEAR = 2015
TARGET_YEAR = 2020
HORIZON = 2025  # "not by 2025" beyond this
SCENARIO_KINDS = ("level", "share", "ratio", "threshold", "total", "reduction")


@dataclass(frozen=True)
class Outcome:
    years: list[int]  # 2015 … 2025
    values: list[float]  # the path, in the indicator's measure (cumulative for totals/reductions)
    value_2020: float
    target: float
    gap: float  # value_2020 − target, in the indicator's unit
    gap_pct: float | None  # gap as % of the target, None where the target is 0
    met: bool
    year_reached: int | None  # first year the path meets the target, None if not by HORIZON
    still_needed: dict[int, float | None]  # after year k, the pace needed in the years left
    year_breached: int | None = None  # for a cap (＜【75000】): the first year the total passes it


def step(kind: str, value: float, pace: float) -> float:
    """One year forward at ``pace`` from ``value``."""
    if kind == "level":
        return value * (1 + pace / 100)
    if kind in ("share", "ratio", "threshold", "total"):
        return value + pace
    if kind == "reduction":
        # value is the cumulative cut in %, pace the cut this year in %
        return (1 - (1 - value / 100) * (1 - pace / 100)) * 100
    raise ValueError(f"no scenario for kind {kind!r}")


def meets(kind: str, direction: str, value: float, target: float, qualifier: str = "exact") -> bool:
    if qualifier == "greater_than":
        return value > target
    if qualifier == "less_than":
        return value < target
    if direction == "lower":
        return value <= target + 1e-9
    return value >= target - 1e-9


def start_value(kind: str, base: float | None) -> float:
    """Totals and reductions start from nothing in 2015; levels from the 2015 base."""
    if kind in ("total", "reduction"):
        return 0.0
    if base is None:
        raise ValueError("this kind needs a 2015 base")
    return float(base)


def pace_needed(kind: str, current: float, target: float, years_left: int) -> float | None:
    """The constant pace that takes ``current`` to ``target`` in ``years_left`` years."""
    if years_left <= 0:
        return None
    if kind == "level":
        rate = compound_rate(current, target, years_left)
        return None if rate is None else rate * 100
    if kind in ("share", "ratio", "threshold", "total"):
        return (target - current) / years_left
    if kind == "reduction":
        left = (1 - target / 100) / (1 - current / 100) if current < 100 else None
        if left is None or left <= 0:
            return None
        return (1 - left ** (1 / years_left)) * 100
    raise ValueError(f"no scenario for kind {kind!r}")


def run(
    kind: str,
    direction: str,
    base: float | None,
    target: float,
    paces: list[float],
    qualifier: str = "exact",
) -> Outcome:
    """Project 2016–2020 at ``paces`` (one, or one per year), then on to 2025 at the last pace."""
    if kind not in SCENARIO_KINDS:
        raise ValueError(f"no scenario for kind {kind!r}")
    if not paces or not all(isinstance(p, (int, float)) and math.isfinite(p) for p in paces):
        raise ValueError("paces must be finite numbers")
    yearly = list(paces) * 5 if len(paces) == 1 else list(paces)
    if len(yearly) != 5:
        raise ValueError("give one pace, or one for each year 2016–2020")
    yearly += [yearly[-1]] * (HORIZON - TARGET_YEAR)
    values = [start_value(kind, base)]
    for pace in yearly:
        values.append(step(kind, values[-1], pace))
    years = list(range(BASE_YEAR, HORIZON + 1))
    value_2020 = values[TARGET_YEAR - BASE_YEAR]
    is_cap = kind == "total" and direction == "lower"
    pairs = list(zip(years[1:], values[1:]))
    # A cap is "met" from the start; what matters is when the running total passes it.
    reached = None if is_cap else next((y for y, v in pairs if meets(kind, direction, v, target, qualifier)), None)
    breached = next((y for y, v in pairs if not meets(kind, direction, v, target, qualifier)), None) if is_cap else None
    still_needed = {
        year: pace_needed(kind, values[year - BASE_YEAR], target, TARGET_YEAR - year)
        for year in range(BASE_YEAR, TARGET_YEAR)
    }
    gap = value_2020 - target
    return Outcome(
        years=years,
        values=values,
        value_2020=value_2020,
        target=target,
        gap=gap,
        gap_pct=None if target == 0 else gap / abs(target) * 100,
        met=meets(kind, direction, value_2020, target, qualifier),
        year_reached=reached,
        still_needed=still_needed,
        year_breached=breached,
    )


# GDP and incomes: the plan's own figures, and what follows from them.

GDP_2015 = 15720.0  # 亿元, current prices (专栏1 row 1)
GDP_PER_CAPITA_2015 = 52330.0  # 元 (专栏1 row 2)
GDP_TARGET_2020 = 25000.0  # 2.5万亿元 (第一章第三节)
GDP_PER_CAPITA_TARGET_2020 = 75000.0  # 7.5万元左右 (第一章第三节)
PLAN_REAL_GROWTH = 9.0  # 年均增长9%左右 (第一章第三节; 专栏2 row 1)
URBAN_INCOME_2015 = 27239.0  # 元, 新口径 (专栏1 row 26)
RURAL_INCOME_2015 = 10505.0  # 元, 新口径 (专栏1 row 27)
INCOME_RATIO_TARGET = 2.4  # 2.4∶1 (专栏2 row 10)
INCOME_GROWTH_TARGET = 9.5  # % a year (专栏2 row 2)
URBANIZATION_2015 = 60.9  # 常住人口城镇化率 % (专栏1 row 9)
URBANIZATION_STEP_2011_2015 = 7.9 / 5  # "五年提高7.9个百分点" (专栏1 row 9), points a year
POPULATION_INCREASE = 200.0  # 万人, "常住人口累计增加200万左右" (第十二章第二节)


def implied_deflator(real_growth: float = PLAN_REAL_GROWTH) -> float:
    """The yearly price rise that, with ``real_growth``, takes 15720 to 25000 亿元.

    The plan prints no deflator; this is derived from its two figures:
    (25000/15720)^(1/5) = 1.09723, and 1.09723/1.09 − 1 = 0.663 %.
    """
    nominal = compound_rate(GDP_2015, GDP_TARGET_2020)
    return ((1 + nominal) / (1 + real_growth / 100) - 1) * 100


def gdp_2020(real_growth: float, deflator: float, base: float = GDP_2015) -> float:
    return base * ((1 + real_growth / 100) * (1 + deflator / 100)) ** 5


def gdp_path(real_growth: float, deflator: float) -> list[float]:
    """Nominal GDP 2015–2020 (亿元) at constant real growth and price rise."""
    factor = (1 + real_growth / 100) * (1 + deflator / 100)
    return [GDP_2015 * factor**k for k in range(6)]


def gdp_path_required() -> list[float]:
    """The path that reaches 2.5万亿元 at an even nominal rate: 15720 × 1.0972^k."""
    rate = compound_rate(GDP_2015, GDP_TARGET_2020)
    return [GDP_2015 * (1 + rate) ** k for k in range(6)]


def gdp_per_capita_2020(real_growth: float, deflator: float, population_growth: float) -> float:
    """Per-capita GDP grows with nominal GDP and shrinks with population."""
    factor = (1 + real_growth / 100) * (1 + deflator / 100) / (1 + population_growth / 100)
    return GDP_PER_CAPITA_2015 * factor**5


def income_ratio_2020(urban_growth: float, rural_growth: float) -> float:
    urban = URBAN_INCOME_2015 * (1 + urban_growth / 100) ** 5
    rural = RURAL_INCOME_2015 * (1 + rural_growth / 100) ** 5
    return urban / rural


def average_income_growth(urban_growth: float, rural_growth: float, urbanization_2020: float) -> float:
    """Yearly growth of the resident average, weighting by where people live.

    Average = share urban × urban income + share rural × rural income; the
    2015 weights are 60.9 % (专栏1 row 9), the 2020 weights the slider's.
    """
    def average(share_pct, urban, rural):
        return share_pct / 100 * urban + (1 - share_pct / 100) * rural

    start = average(URBANIZATION_2015, URBAN_INCOME_2015, RURAL_INCOME_2015)
    end = average(
        urbanization_2020,
        URBAN_INCOME_2015 * (1 + urban_growth / 100) ** 5,
        RURAL_INCOME_2015 * (1 + rural_growth / 100) ** 5,
    )
    return (compound_rate(start, end) or 0) * 100


def implied_population_growth() -> float:
    """Yearly population growth from "常住人口累计增加200万左右" (第十二章第二节).

    The 2015 population behind per-capita GDP is 15720亿元 / 52330元 = 3004万;
    adding 200万 by 2020 is ((3004 + 200)/3004)^(1/5) − 1 = 1.30 % a year.
    """
    population_2015 = GDP_2015 * 1e8 / GDP_PER_CAPITA_2015 / 1e4  # 万人
    return (compound_rate(population_2015, population_2015 + POPULATION_INCREASE) or 0) * 100


def default_urbanization_2020() -> float:
    """The plan sets no 2020 resident urbanization rate; carry 2011–2015's pace (1.58 points a year)."""
    return URBANIZATION_2015 + 5 * URBANIZATION_STEP_2011_2015


def plan_income_growths(urbanization_2020: float | None = None) -> tuple[float, float]:
    """Urban and rural income growth that meet both plan figures at once.

    The ratio 2.4∶1 fixes (1+u)/(1+r); the 9.5 % average then fixes r. Solved
    by bisection on r, since the average is increasing in r.
    """
    urbanization_2020 = default_urbanization_2020() if urbanization_2020 is None else urbanization_2020
    relative = (INCOME_RATIO_TARGET / (URBAN_INCOME_2015 / RURAL_INCOME_2015)) ** (1 / 5)

    def urban(rural_growth):
        return ((1 + rural_growth / 100) * relative - 1) * 100

    low, high = -20.0, 50.0
    for _ in range(200):
        middle = (low + high) / 2
        if average_income_growth(urban(middle), middle, urbanization_2020) < INCOME_GROWTH_TARGET:
            low = middle
        else:
            high = middle
    rural_growth = (low + high) / 2
    return urban(rural_growth), rural_growth


# The studio's catalogue: which indicators take a slider, and its range.

PACE_UNITS = {
    "level": "%/年",
    "share": "个百分点/年",
    "threshold": "个百分点/年",
    "ratio": "/年",
    "total": "/年",
    "reduction": "%/年（降低）",
}


def _slider_range(kind: str, plan_pace: float, achieved: float | None) -> tuple[float, float, float]:
    """(min, max, step) wide enough for the plan's pace and the past one, in round numbers."""
    reference = max(abs(plan_pace), abs(achieved or 0.0))
    if kind == "level":
        return -5.0, float(max(15, math.ceil(reference * 2 / 5) * 5)), 0.01
    if kind in ("share", "threshold"):
        return -2.0, float(max(3, math.ceil(reference * 2))), 0.01
    if kind == "ratio":
        return -0.1, 0.05, 0.001
    if kind == "reduction":
        return 0.0, float(max(10, math.ceil(reference * 2))), 0.01
    if kind == "total":
        top = 10 ** math.floor(math.log10(max(reference * 2.5, 1e-9)))
        high = math.ceil(reference * 2.5 / top) * top
        return 0.0, float(high), float(top / 100)
    raise ValueError(kind)


def toward_target(pace: float, step_size: float, direction: str) -> float:
    """Round the plan's pace onto the slider grid on the side that still meets the target."""
    scaled = pace / step_size
    rounded = math.floor(scaled + 1e-9) if direction == "lower" else math.ceil(scaled - 1e-9)
    return round(rounded * step_size, 10)


def scenario_options() -> pd.DataFrame:
    """Every 专栏2 indicator a presenter can move, with the plan's pace and the slider range."""
    from lib import data
    from lib.pace import indicator_pace

    indicators = data.load_indicators()
    observations = data.load_observations().set_index("obs_id")
    rows = []
    for row in indicators[(indicators.table_no == 2) & indicators.kind.isin(SCENARIO_KINDS)].itertuples():
        result = indicator_pace(row.indicator_id)
        if result.target is None or (result.base is None and row.kind not in ("total", "reduction")):
            continue
        target_id = target_obs_id(row.indicator_id, observations.index)
        target_obs = observations.loc[target_id]
        kind = "share" if row.kind == "threshold" else row.kind
        if kind == "share" or kind == "ratio":
            plan_pace = (result.target - result.base) / 5
        else:
            plan_pace = result.required.value
        low, high, step_size = _slider_range(row.kind, plan_pace, result.achieved.value)
        # A threshold (＞50) is met only above the line: start one step past it.
        nudge = step_size if target_obs.qualifier in ("greater_than", "less_than") else 0.0
        plan_default = toward_target(plan_pace + (nudge if row.direction != "lower" else -nudge), step_size, row.direction)
        rows.append(
            {
                "indicator_id": row.indicator_id,
                "label": f"{row.name_zh}（专栏2·{row.number or indicators.set_index('indicator_id').loc[row.parent_id, 'number']}）",
                "kind": kind,
                "unit": row.unit,
                "pace_unit": PACE_UNITS[row.kind] if row.kind != "total" else f"{row.unit}/年",
                "direction": row.direction,
                "base": result.base,
                "target": result.target,
                "target_raw": target_obs.raw,
                "qualifier": target_obs.qualifier,
                "plan_pace": plan_default,
                "achieved_pace": result.achieved.value,
                "achieved_text": result.achieved.text,
                "min": low,
                "max": max(high, plan_default),
                "step": step_size,
            }
        )
    return pd.DataFrame(rows)


# Prepared scenarios: each sets some controls; everything it leaves out returns to the plan.
PRESETS = {
    "规划情景：全部按规划数字": {},
    "经济放缓：实际增长7%": {"section": "地区生产总值", "gdp_real": 7.0},
    "经济放缓：实际增长6.5%，物价持平": {"section": "地区生产总值", "gdp_real": 6.5, "gdp_deflator": 0.0},
    "城乡收入同速增长8%": {"section": "城乡收入", "urban_income": 8.0, "rural_income": 8.0},
    "森林覆盖率按“十二五”速度提高": {"section": "任选指标", "indicator": "t2_forest_cover", "pace_t2_forest_cover": 1.6},
    "研发投入按“十二五”速度提高": {"section": "任选指标", "indicator": "t2_rd_share", "pace_t2_rd_share": 0.05},
}


# The studio's GDP and income sliders: key → (label, min, max, step, plan value).
# Each key is also the URL parameter. Built once; the plan values are derived above.
YEARS = list(range(2016, 2021))


@functools.cache
def gdp_controls() -> dict[str, tuple]:
    return {
        "gdp_real": ("实际增速（%/年）", 0.0, 15.0, 0.1, PLAN_REAL_GROWTH),
        "gdp_deflator": ("价格指数涨幅（%/年）", -3.0, 8.0, 0.01, round(implied_deflator(), 2)),
        "population": ("常住人口增速（%/年）", -1.0, 3.0, 0.01, round(implied_population_growth(), 2)),
    }


@functools.cache
def income_controls() -> dict[str, tuple]:
    urban, rural = plan_income_growths()
    return {
        "urban_income": ("城镇居民收入增速（%/年）", 0.0, 20.0, 0.01, round(urban, 2)),
        "rural_income": ("农村居民收入增速（%/年）", 0.0, 20.0, 0.01, round(rural, 2)),
        "urbanization": ("2020年常住人口城镇化率（%）", 55.0, 80.0, 0.1, round(default_urbanization_2020(), 1)),
    }


def indicator_controls(indicator_id: str, plan_pace: float) -> dict[str, float]:
    """The slider keys of one indicator (one pace, scenario B, five yearly paces) at the plan's pace."""
    keys = {f"pace_{indicator_id}": plan_pace, f"paceb_{indicator_id}": plan_pace}
    keys.update({f"pace_{indicator_id}_{year}": plan_pace for year in YEARS})
    return keys
