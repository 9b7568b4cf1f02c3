"""The pace 2011–2015 achieved, read from 专栏1.

The published 年均 rate where printed (labelled with its price basis), otherwise
computed from two printed levels that share a basis; a 口径 or 标准 break is
reported as a break, never as a rate.
"""

from __future__ import annotations

import functools

import pandas as pd

from lib.engine.pace import LINEAR_LEVEL_UNITS, Pace, linear_pace, share_pace, signed
from lib.engine.rates import YEARS, annual_average, annual_reduction, compound_rate, points_per_year
from lib.plan import data
from lib.present.numbers import plain


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
        return Pace(float(published.value), "%/年", f"年均 {plain(published.value, 2)}%", basis)
    if kind == "reduction" and total is not None and _value(total) is not None:
        yearly = annual_reduction(_value(total))
        return Pace(yearly, "%/年", f"年均降低 {plain(yearly, 2)}%", "computed")
    if kind == "total" and total is not None and _value(total) is not None and total.five_year_total:
        average = annual_average(_value(total))
        return Pace(average, f"{unit}/年", f"年均 {plain(average, 2)} {unit}", "computed")
    if start is None or end is None:
        return Pace(None, "", "―", reason="专栏1未列2010—2015年数据")
    if start.basis or end.basis:
        return Pace(None, "", "口径调整", "break", reason=f"2010年为{start.basis}，2015年为{end.basis}")
    base, current = _value(start), _value(end)
    if base is None or current is None:
        return Pace(None, "", "―", reason="专栏1未列2010—2015年数据")
    if kind == "share":
        if published is not None and published.measure == "five_year_change" and published.unit == "个百分点":
            return share_pace(float(published.value) / YEARS, unit, "published_change")
        return share_pace(points_per_year(base, current), unit, "computed")
    if kind == "level" and unit in LINEAR_LEVEL_UNITS:
        # 专栏1 prints “五年提高1岁”: a change in years, read as years a year.
        if published is not None and published.measure == "five_year_change" and published.unit == unit:
            return linear_pace(float(published.value) / YEARS, unit, "published_change")
        return linear_pace(points_per_year(base, current), unit, "computed")
    if kind == "level":
        rate = compound_rate(base, current)
        if rate is None:
            return Pace(None, "", "―", reason="数值不为正")
        basis = "computed_nominal" if start.price_basis == "current" and end.price_basis == "current" else "computed"
        return Pace(rate * 100, "%/年", f"年均 {signed(rate * 100, 2)}%", basis)
    return Pace(None, "", "―", reason="无可比的速度")
