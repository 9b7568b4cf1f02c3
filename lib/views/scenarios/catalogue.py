"""The studio's sliders: which indicators take one, their ranges and the plan's values.

Built once per process from data/ (functools.cache); every range is wide
enough for the plan's pace and the 2011–2015 one, in round numbers.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import NamedTuple

from lib.engine import economy
from lib.engine.indicator_pace import indicator_pace
from lib.engine.pace import LINEAR_LEVEL_UNITS
from lib.engine.scenario import SCENARIO_KINDS, run
from lib.plan import aliases, data
from lib.plan.targets import target_obs_id
from lib.present.i18n import N_
from lib.present.numbers import printed_decimals, step_decimals

PACE_UNITS = {
    "level": "%/年",
    "share": "个百分点/年",
    "threshold": "个百分点/年",
    "ratio": "/年",
    "reduction": "%/年（降低）",
}


@dataclass(frozen=True)
class IndicatorOption:
    """One 专栏2 indicator a presenter can move."""

    indicator_id: str
    label: str  # "森林覆盖率（专栏2·12）": the name and its place, as older links spelled it
    name: str
    kind: str  # the engine's kind (a threshold moves like a share)
    unit: str
    pace_unit: str
    direction: str
    base: float | None  # 2015, None for five-year totals and cuts
    base_raw: str
    target: float
    target_raw: str
    qualifier: str
    plan_pace: float  # on the slider grid, on the side that still meets the target
    achieved_pace: float | None  # 2011–2015, None where not comparable
    achieved_text: str
    low: float
    high: float
    step: float
    decimals: int  # as the plan prints base and target
    resolution: float  # how far one slider step moves the 2020 value, near the plan's pace
    pace_decimals: int  # as the slider moves
    required_value: float | None = None
    required_text: str = ""  # the pace 2016–2020 needs, worded as 指标总览 words it (lib.engine.pace)
    aliases: tuple[str, ...] = ()  # other names a presenter types in the indicator box
    number: str = ""  # its row in 专栏2, as printed (12)

    @property
    def target_text(self) -> str:
        """The printed target with its unit: 50 → “50%”, 50左右 → “50%左右”, ＜【75000】 → “＜【75000】公顷”."""
        unit = "" if self.kind == "ratio" else self.unit
        raw = self.target_raw
        return raw[: -len("左右")] + unit + "左右" if raw.endswith("左右") else raw + unit

    @property
    def search_label(self) -> str:
        """The label the indicator box shows and searches: the aliases too, so “研发投入” finds R&D."""
        return self.label if not self.aliases else f"{self.label}（又称{'、'.join(self.aliases)}）"

    @property
    def is_cap(self) -> bool:
        """A ceiling on a running total (＜【…】): met by staying under it."""
        return self.kind == "total" and self.direction == "lower"


class Control(NamedTuple):
    """One GDP or income slider; the key is also its URL key."""

    label: str
    low: float
    high: float
    step: float
    plan: float


def _slider_range(kind: str, plan_pace: float, achieved: float | None) -> tuple[float, float, float]:
    """(min, max, step) wide enough for the plan's pace and the past one, in round numbers."""
    reference = max(abs(plan_pace), abs(achieved or 0.0))
    if kind == "level":
        return -5.0, float(max(15, math.ceil(reference * 2 / 5) * 5)), 0.01
    if kind in ("share", "threshold"):
        return -2.0, float(max(3, math.ceil(reference * 2))), 0.01
    if kind == "ratio":
        return -0.1, 0.05, 0.001  # not a plan figure: slider range
    if kind == "reduction":
        return 0.0, float(max(10, math.ceil(reference * 2))), 0.01
    if kind == "total":
        top = 10 ** math.floor(math.log10(max(reference * 2.5, 1e-9)))  # not a plan figure: slider headroom
        high = math.ceil(reference * 2.5 / top) * top  # not a plan figure: slider headroom
        return 0.0, float(high), float(top / 100)
    raise ValueError(kind)


def toward_target(pace: float, step_size: float, direction: str) -> float:
    """Round the plan's pace onto the slider grid on the side that still meets the target."""
    scaled = pace / step_size
    rounded = math.floor(scaled + 1e-9) if direction == "lower" else math.ceil(scaled - 1e-9)
    return round(rounded * step_size, 10)


def on_grid(pace: float, option: IndicatorOption) -> float:
    """A pace rounded to the slider's step and kept within its range."""
    return min(max(round(round(pace / option.step) * option.step, 10), option.low), option.high)


def _resolution(kind: str, base: float | None, pace: float, step_size: float) -> float:
    def lands(chosen: float) -> float:
        return run(kind, "higher", base, 0.0, [chosen]).value_2020

    return abs(lands(pace + step_size) - lands(pace))


@functools.cache
def indicator_options() -> tuple[IndicatorOption, ...]:
    """Every 专栏2 indicator with a target the engine can project, in printed order."""
    indicators = data.load_indicators()
    by_id = indicators.set_index("indicator_id")
    observations = data.load_observations().set_index("obs_id")
    options = []
    for row in indicators[(indicators.table_no == 2) & indicators.kind.isin(SCENARIO_KINDS)].itertuples():
        result = indicator_pace(row.indicator_id)
        if result.target is None or (result.base is None and row.kind not in ("total", "reduction")):
            continue
        target_obs = observations.loc[target_obs_id(row.indicator_id, observations.index)]
        base_id = f"{row.indicator_id}.2015.actual"
        base_raw = observations.loc[base_id, "raw"] if result.base is not None else ""
        # A threshold moves like a share; so does a level in years (岁, 年: years a year, lib.engine.pace).
        kind = "share" if row.kind == "threshold" or row.unit in LINEAR_LEVEL_UNITS else row.kind
        if kind in ("share", "ratio"):
            plan_pace = (result.target - result.base) / 5
        elif kind == "total" and result.required.deadline_year != 2020:
            plan_pace = result.target / 5  # the studio's constant pace runs to 2020; the early date is the overview's
        else:
            plan_pace = result.required.value
        low, high, step_size = _slider_range(row.kind, plan_pace, result.achieved.value)
        # A threshold (＞50) is met only above the line: start one step past it.
        nudge = step_size if target_obs.qualifier in ("greater_than", "less_than") else 0.0
        plan_default = toward_target(plan_pace + (nudge if row.direction != "lower" else -nudge), step_size, row.direction)
        number = row.number if isinstance(row.number, str) and row.number else by_id.loc[row.parent_id, "number"]
        options.append(
            IndicatorOption(
                indicator_id=row.indicator_id,
                label=f"{row.name_zh}（专栏2·{number}）",
                name=row.name_zh,
                kind=kind,
                unit=row.unit,
                pace_unit=f"{row.unit}/年" if row.kind == "total" or row.unit in LINEAR_LEVEL_UNITS else PACE_UNITS[row.kind],
                direction=row.direction,
                base=result.base,
                base_raw=base_raw,
                target=float(result.target),
                target_raw=target_obs.raw,
                qualifier=target_obs.qualifier,
                plan_pace=plan_default,
                achieved_pace=result.achieved.value,
                achieved_text=result.achieved.text,
                low=low,
                high=max(high, plan_default),
                step=step_size,
                decimals=printed_decimals(base_raw, target_obs.raw),
                resolution=_resolution(kind, result.base, plan_default, step_size),
                pace_decimals=step_decimals(step_size),
                required_value=result.required.value,
                required_text=result.required.text,
                aliases=aliases.aliases_of(row.indicator_id),  # data/aliases.csv, the same table 指标总览 searches
                number=str(number),
            )
        )
    return tuple(options)


@functools.cache
def options_by_id() -> dict[str, IndicatorOption]:
    return {option.indicator_id: option for option in indicator_options()}


@functools.cache
def gdp_controls() -> dict[str, Control]:
    return {
        "gdp_real": Control(N_("实际增速（%/年）"), 0.0, 15.0, 0.1, economy.figures().real_growth.value),
        "gdp_deflator": Control(N_("价格指数涨幅（%/年）"), -3.0, 8.0, 0.01, round(economy.implied_deflator(), 2)),
        "population": Control(N_("常住人口增速（%/年）"), -1.0, 3.0, 0.01, round(economy.implied_population_growth(), 2)),
    }


@functools.cache
def income_controls() -> dict[str, Control]:
    urban, rural = economy.plan_income_growths()
    return {
        "urban_income": Control(N_("城镇居民收入增速（%/年）"), 0.0, 20.0, 0.01, round(urban, 2)),
        "rural_income": Control(N_("农村居民收入增速（%/年）"), 0.0, 20.0, 0.01, round(rural, 2)),
        "urbanization": Control(N_("2020年常住人口城镇化率（%）"), 55.0, 80.0, 0.1, round(economy.default_urbanization_2020(), 1)),
    }
