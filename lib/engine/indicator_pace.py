"""Required against achieved pace for each 专栏2 indicator: R = d × achieved ÷ |required| and its status."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from lib.engine.achieved import _indicators, _obs, _observations, _value, achieved_pace
from lib.engine.difficulty import Assessment, classify
from lib.engine.pace import Pace, required_pace, target_is_met
from lib.plan.milestones import deadline, effective_qualifier
from lib.plan.targets import target_obs_id


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
    # An earlier date in the body text (脱贫: 2017) is the one the pace runs to; its 基本 makes it approximate.
    early = deadline(indicator_id)
    approx = qualifier == "approx" or (early is not None and early.qualifier == "approx")
    required = required_pace(
        indicator.kind,
        base,
        target,
        indicator.unit,
        approx,
        qualifier,
        _price_basis(base_row, target_row),
        *((early.year, early.words) if early else ()),
    )
    achieved = (
        achieved_pace(indicator.previous_id, indicator.kind) if indicator.previous_id else Pace(None, "", "―", reason="专栏1无对应指标")
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
                "achieved_basis": result.achieved.basis_label
                if result.achieved.value is not None or result.achieved.basis == "break"
                else "",
                "ratio": result.assessment.ratio,
                "status": result.assessment.status,
                "status_label": result.assessment.label,
                "score": result.assessment.score,
                "reason": result.assessment.reason,
            }
        )
    frame = pd.DataFrame(rows)
    return frame
