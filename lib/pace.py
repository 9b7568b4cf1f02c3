"""The pace 2016–2020 requires, the pace 2011–2015 achieved, and how they compare.

The arithmetic depends on the indicator's kind (lib/schemas.KINDS):

| kind        | required pace 2015→2020                        | unit            |
|-------------|------------------------------------------------|-----------------|
| level       | (T/B)^(1/5) − 1                                 | % a year        |
| share       | (T − B)/5                                       | points a year (‰ a year for a ‰ rate) |
| ratio       | (T − B)/5, signed                               | a year          |
| total       | T/5; a ceiling (＜【】) is shown as "at most T"  | unit a year     |
| reduction   | 1 − (1 − X)^(1/5)                               | % cut a year    |
| growth_rate | the printed rate                                | % a year        |
| threshold   | T − B still to cover                            | points          |
| class       | hold the class                                  |                 |

The achieved pace comes from 专栏1: the published 年均 rate where printed
(labelled with its price basis: GDP is real growth, while its levels are at
current prices, 专栏1 备注1), otherwise computed from two printed levels that
share a basis; a 口径 or 标准 break is reported as a break, never as a rate.

A rate carries its price basis (``Pace.price_label``): the 9.72 % a year from
15720 to 25000 亿元 is nominal, read off current-price levels, while 专栏2's
9 % is real growth; the two are never compared.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from lib import data
from lib.milestones import effective_qualifier
from lib.difficulty import Assessment, classify
from lib.targets import target_obs_id
from lib.values import format_number

YEARS = 5  # both plan periods run five years

BASIS_LABELS = {
    "published_real": "公布值（实际增速）",
    "published_nominal": "公布值（名义增速）",
    "published": "公布值",
    "published_change": "由公布的五年变化折算",
    "computed_nominal": "按现价水平计算（名义）",
    "computed": "按公布数计算",
    "break": "口径或标准调整，不可比",
    "none": "无",
}
# What a rate measures, by the price basis of the figures it comes from (专栏1 备注1).
PRICE_LABELS = {"current": "名义，按现价", "nominal": "名义", "real": "实际", "unstated": "价格口径未说明"}
PER_MILLE = "‰"


@dataclass(frozen=True)
class Pace:
    value: float | None
    unit: str  # "%/年", "个百分点/年", "万人/年" …
    text: str  # ready to show, in Chinese
    basis: str = "none"  # a key of BASIS_LABELS
    approx: bool = False
    reason: str = ""  # why there is no value
    price_basis: str = ""  # a key of PRICE_LABELS for a rate of money; "" otherwise
    ceiling: bool = False  # a five-year cap: "at most", never a pace to keep up

    @property
    def basis_label(self) -> str:
        return BASIS_LABELS[self.basis]

    @property
    def price_label(self) -> str:
        return PRICE_LABELS.get(self.price_basis, "")

    @property
    def labelled_text(self) -> str:
        """The text with its price basis, e.g. "年均 +9.72%（名义，按现价）"."""
        return f"{self.text}（{self.price_label}）" if self.price_label and self.value is not None else self.text


def _signed(value: float, digits: int) -> str:
    text = format_number(abs(value), digits)
    if text == "0":
        return "0"
    return ("+" if value > 0 else "−") + text


# Plain-number arithmetic, one function per kind, so each can be tested by hand.


def compound_rate(base: float, target: float, years: int = YEARS) -> float | None:
    """(target/base)^(1/years) − 1, or None where it is undefined."""
    if base is None or target is None or base <= 0 or target <= 0 or years <= 0:
        return None
    return (target / base) ** (1 / years) - 1


def points_per_year(base: float, target: float, years: int = YEARS) -> float:
    return (target - base) / years


def annual_average(total: float, years: int = YEARS) -> float:
    return total / years


def annual_reduction(five_year_reduction_pct: float, years: int = YEARS) -> float | None:
    """The yearly cut that compounds to the five-year cut: 1 − (1 − X)^(1/years), in %."""
    share_left = 1 - five_year_reduction_pct / 100
    if share_left <= 0:
        return None
    return (1 - share_left ** (1 / years)) * 100


def project(base: float, pace: float, years: int = YEARS, kind: str = "level") -> float:
    """Where ``base`` stands after ``years`` years at a constant ``pace``, in the arithmetic of ``kind``.

    The one projection every path uses (the trajectories' required and
    carried-forward paths, a scenario's year-by-year steps with ``years=1``):
    a level compounds at ``pace`` % a year; a share, ratio, threshold or
    five-year total adds ``pace`` each year; a reduction is a cumulative cut
    in %, each year cutting what is left by ``pace`` %.
    """
    if kind == "level":
        return base * (1 + pace / 100) ** years
    if kind in ("share", "ratio", "threshold", "total"):
        return base + pace * years
    if kind == "reduction":
        return (1 - (1 - base / 100) * (1 - pace / 100) ** years) * 100
    raise ValueError(f"no projection for kind {kind!r}")


def required_pace(
    kind: str,
    base: float | None,
    target: float | None,
    unit: str,
    approx: bool = False,
    qualifier: str = "exact",
    price_basis: str = "",
) -> Pace:
    """The pace 2016–2020 requires, from the 2015 base and the 2020 target.

    A "左右" target is taken at its central value and the pace is marked approximate.
    ``price_basis`` is that of the figures (专栏1 备注1: levels at current prices);
    it labels the rates of levels and growth targets.
    """
    pace = _required_pace(kind, base, target, unit, qualifier)
    text = pace.text.replace("年均 ", "年均约 ", 1) if approx and pace.value is not None else pace.text
    rate_basis = price_basis if kind in ("level", "growth_rate") else ""
    basis = "computed_nominal" if kind == "level" and price_basis == "current" and pace.basis == "computed" else pace.basis
    return Pace(pace.value, pace.unit, text, basis, approx, pace.reason, rate_basis, pace.ceiling)


def _share_pace(step: float, unit: str, basis: str) -> Pace:
    """A share moves in points a year; a ‰ rate (人口自然增长率) in ‰ a year."""
    if unit == PER_MILLE:
        return Pace(step, f"{PER_MILLE}/年", f"年均 {_signed(step, 3)}{PER_MILLE}", basis)
    return Pace(step, "个百分点/年", f"年均 {_signed(step, 2)} 个百分点", basis)


def _required_pace(kind: str, base: float | None, target: float | None, unit: str, qualifier: str = "exact") -> Pace:
    if kind == "class":
        return Pace(None, "", "保持")
    if target is None:
        return Pace(None, "", "―", reason="未列目标值")
    if kind == "growth_rate":
        return Pace(target, "%/年", f"年均 {format_number(target, 2)}%", "published")
    if kind == "total":
        average = annual_average(target)
        if qualifier in ("less_than", "at_most"):
            # ＜【75000】: a ceiling on the five-year sum, not a pace to keep up.
            return Pace(average, f"{unit}/年", f"五年累计不超过 {format_number(target)} {unit}（上限）", "computed", ceiling=True)
        return Pace(average, f"{unit}/年", f"年均 {format_number(average, 2)} {unit}", "computed")
    if kind == "reduction":
        yearly = annual_reduction(target)
        if yearly is None:
            return Pace(None, "", "―", reason="降幅不小于100%")
        return Pace(yearly, "%/年", f"年均降低 {format_number(yearly, 2)}%", "computed")
    if base is None:
        return Pace(None, "", "―", reason="2015年无基数")
    if kind == "level":
        rate = compound_rate(base, target)
        if rate is None:
            return Pace(None, "", "―", reason="基数或目标不为正，不能算复合增速")
        return Pace(rate * 100, "%/年", f"年均 {_signed(rate * 100, 2)}%", "computed")
    if kind == "share":
        return _share_pace(points_per_year(base, target), unit, "computed")
    if kind == "ratio":
        step = points_per_year(base, target)
        return Pace(step, "/年", f"比值年均 {_signed(step, 3)}", "computed")
    if kind == "threshold":
        margin = target - base
        if margin <= 0:
            return Pace(0.0, "个百分点", "已超过门槛", "computed")
        return Pace(margin, "个百分点", f"还差 {format_number(margin, 2)} 个百分点", "computed")
    raise ValueError(f"no required pace for kind {kind!r}")


def target_is_met(kind: str, direction: str, base: float | None, target: float | None, qualifier: str) -> bool:
    if base is None or target is None:
        return False
    if kind == "class":
        return base <= target  # Ⅲ类 or better: a lower class number is cleaner water
    if kind in ("total", "reduction", "growth_rate"):
        return False  # a five-year total or rate cannot be met by a 2015 level
    if qualifier == "greater_than":
        return base > target
    if qualifier == "less_than":
        return base < target
    if direction == "higher":
        return base >= target
    if direction == "lower":
        return base <= target
    return False


# Reading 专栏1 for the pace achieved.


@functools.cache
def _observations() -> pd.DataFrame:
    return data.load_observations().set_index("obs_id")


@functools.cache
def _indicators() -> pd.DataFrame:
    return data.load_indicators().set_index("indicator_id")


def _obs(obs_id: str) -> pd.Series | None:
    observations = _observations()
    return observations.loc[obs_id] if obs_id in observations.index else None


def _value(row: pd.Series | None) -> float | None:
    if row is None or pd.isna(row.value):
        return None
    return float(row.value)


def achieved_pace(indicator_id: str, kind: str | None = None) -> Pace:
    """The 2011–2015 pace of a 专栏1 indicator, in the arithmetic of ``kind``.

    ``kind`` is the kind of the 专栏2 row being compared (default: the 专栏1 row's own).
    """
    indicator = _indicators().loc[indicator_id]
    kind = kind or indicator.kind
    unit = indicator.unit
    start = _obs(f"{indicator_id}.2010.actual")
    end = _obs(f"{indicator_id}.2015.actual")
    published = _obs(f"{indicator_id}.2011-2015.published_growth")
    total = _obs(f"{indicator_id}.2011-2015.actual")

    if kind in ("level", "growth_rate") and published is not None and published.measure == "annual_rate":
        basis = {"real": "published_real", "nominal": "published_nominal"}.get(published.price_basis, "published")
        return Pace(float(published.value), "%/年", f"年均 {format_number(published.value, 2)}%", basis)
    if kind == "reduction" and total is not None and _value(total) is not None:
        yearly = annual_reduction(_value(total))
        return Pace(yearly, "%/年", f"年均降低 {format_number(yearly, 2)}%", "computed")
    if kind == "total" and total is not None and _value(total) is not None and total.five_year_total:
        average = annual_average(_value(total))
        return Pace(average, f"{unit}/年", f"年均 {format_number(average, 2)} {unit}", "computed")
    if start is None or end is None:
        return Pace(None, "", "―", reason="专栏1未列2010—2015年数据")
    if start.basis or end.basis:
        return Pace(None, "", "口径调整", "break", reason=f"2010年为{start.basis}，2015年为{end.basis}")
    base, current = _value(start), _value(end)
    if base is None or current is None:
        return Pace(None, "", "―", reason="专栏1未列2010—2015年数据")
    if kind == "share":
        if published is not None and published.measure == "five_year_change" and published.unit == "个百分点":
            return _share_pace(float(published.value) / YEARS, unit, "published_change")
        return _share_pace(points_per_year(base, current), unit, "computed")
    if kind == "level":
        rate = compound_rate(base, current)
        if rate is None:
            return Pace(None, "", "―", reason="数值不为正")
        basis = "computed_nominal" if start.price_basis == "current" and end.price_basis == "current" else "computed"
        return Pace(rate * 100, "%/年", f"年均 {_signed(rate * 100, 2)}%", basis)
    return Pace(None, "", "―", reason="无可比的速度")


def compare(required: Pace, achieved: Pace, direction: str, met: bool) -> Assessment:
    """R = d × achieved / |required|, classified with Open SDG's thresholds."""
    if met:
        return classify(None, target_met=True)
    if required.value is None or achieved.value is None:
        return classify(None, reason=achieved.reason or required.reason or "无可比的速度")
    if required.value == 0:
        return classify(None, reason="所需速度为零")
    sign = {"higher": 1, "lower": -1}.get(direction)
    if sign is None:
        return classify(None, reason="该指标不比较速度")
    if required.unit != achieved.unit:
        return classify(None, reason=f"单位不同：{required.unit} 与 {achieved.unit}")
    # Reductions are stored as positive cuts with direction "higher", so a
    # bigger cut already counts as better.
    return classify(sign * achieved.value / abs(required.value))


@dataclass(frozen=True)
class IndicatorPace:
    indicator_id: str
    base: float | None
    target: float | None
    required: Pace
    achieved: Pace
    assessment: Assessment


@functools.cache  # frozen result from fixed data; the overview asks for every row six times
def indicator_pace(indicator_id: str) -> IndicatorPace:
    """Required and achieved pace and their comparison for one 专栏2 indicator."""
    indicators = _indicators()
    if indicator_id not in indicators.index:
        raise KeyError(f"unknown indicator {indicator_id!r}")
    indicator = indicators.loc[indicator_id]
    if indicator.table_no != 2 or indicator.kind == "group":
        raise ValueError(f"{indicator_id} is not a 专栏2 indicator with a target")
    base_row = _obs(f"{indicator_id}.2015.actual")
    target_id = target_obs_id(indicator_id, _observations().index)
    target_row = None if target_id is None else _obs(target_id)
    base, target = _value(base_row), _value(target_row)
    # The printed cell may be bare where the text says 左右 (专栏2 "9", 第一章 "9%左右").
    qualifier = effective_qualifier(indicator_id)
    approx = qualifier == "approx"
    required = required_pace(indicator.kind, base, target, indicator.unit, approx, qualifier, _price_basis(base_row, target_row))
    achieved = achieved_pace(indicator.previous_id, indicator.kind) if indicator.previous_id else Pace(
        None, "", "―", reason="专栏1无对应指标"
    )
    met = target_is_met(indicator.kind, indicator.direction, base, target, qualifier)
    assessment = compare(required, achieved, indicator.direction, met)
    return IndicatorPace(indicator_id, base, target, required, achieved, assessment)


def _price_basis(base_row: pd.Series | None, target_row: pd.Series | None) -> str:
    """The price basis of a required rate: the target's, and the base's too where there is one."""
    bases = {row.price_basis for row in (base_row, target_row) if row is not None and row.price_basis}
    return bases.pop() if len(bases) == 1 else ("unstated" if bases else "")


def pace_table() -> pd.DataFrame:
    """One row per 专栏2 indicator with a target: required, achieved, ratio, status."""
    rows = []
    for indicator_id, indicator in _indicators().iterrows():
        if indicator.table_no != 2 or indicator.kind == "group":
            continue
        result = indicator_pace(indicator_id)
        rows.append(
            {
                "indicator_id": indicator_id,
                "required_value": result.required.value,
                "required_unit": result.required.unit,
                "required_text": result.required.text,
                "required_approx": result.required.approx,
                "required_price_label": result.required.price_label,
                "required_ceiling": result.required.ceiling,
                "achieved_value": result.achieved.value,
                "achieved_unit": result.achieved.unit,
                "achieved_text": result.achieved.text,
                "achieved_basis": result.achieved.basis_label if result.achieved.value is not None or result.achieved.basis == "break" else "",
                "ratio": result.assessment.ratio,
                "status": result.assessment.status,
                "status_label": result.assessment.label,
                "score": result.assessment.score,
                "reason": result.assessment.reason,
            }
        )
    frame = pd.DataFrame(rows)
    return frame
