"""Projection engine for the studio: where 2020 lands at an assumed pace.

The pace means what the engine means by it (lib/engine/pace.py), by kind:
% a year for levels, points a year for shares and thresholds, change a year
for ratios, the yearly amount for five-year totals and the yearly cut for
five-year reductions. Plain numbers in, plain numbers out.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

from lib.engine.rates import compound_rate, project
from lib.present.formula import Expr, Var, compare, function

BASE_YEAR = 2015
TARGET_YEAR = 2020
HORIZON = 2025  # "not by 2025" beyond this
PLAN_YEARS = tuple(range(BASE_YEAR + 1, TARGET_YEAR + 1))  # 2016 … 2020, one pace each
SCENARIO_KINDS = ("level", "share", "ratio", "threshold", "total", "reduction")


@dataclass(frozen=True)
class Outcome:
    years: tuple[int, ...]  # 2015 … 2025
    values: tuple[float, ...]  # the path, in the indicator's measure (cumulative for totals/reductions)
    value_2020: float
    target: float
    gap: float  # value_2020 − target, in the indicator's unit
    gap_pct: float | None  # gap as % of the target, None where the target is 0
    met: bool
    year_reached: int | None  # first year the path meets the target, None if not by HORIZON
    still_needed: dict[int, float | None]  # after year k, the pace needed in the years left
    year_breached: int | None = None  # for a cap (＜【…】): the first year the total passes it


def step(kind: str, value: float, pace: float) -> float:
    """One year forward at ``pace`` from ``value``: lib.engine.rates.PROJECTIONS over one year
    (for a reduction, value is the cumulative cut in %, pace the cut this year in %)."""
    if kind not in SCENARIO_KINDS:
        raise ValueError(f"no scenario for kind {kind!r}")
    return project(value, pace, 1, kind)


TOLERANCE = 1e-9  # a raw value this close to the target is on it (45 + 5 × 0.2 is 46.000000000000014)


def meets_formula(direction: str, qualifier: str = "exact", value: Expr = Var("value"), target: Expr = Var("target")) -> Expr:
    """The met / not-met rule as a formula: above a floor (＞), under a ceiling (＜), else at least
    (or, for a "lower" target, at most) the target. The studio applies it to the figure as shown."""
    if qualifier == "greater_than":
        return compare(">", value, target)
    if qualifier == "less_than":
        return compare("<", value, target)
    if direction == "lower":
        return compare("<=", value, target + TOLERANCE)
    return compare(">=", value, target - TOLERANCE)


@functools.cache
def _meets(direction: str, qualifier: str) -> Callable[..., bool]:
    return function(meets_formula(direction, qualifier), "value", "target")


def meets(kind: str, direction: str, value: float, target: float, qualifier: str = "exact") -> bool:
    return _meets(direction, qualifier)(value, target)


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
    still_needed = {year: pace_needed(kind, values[year - BASE_YEAR], target, TARGET_YEAR - year) for year in range(BASE_YEAR, TARGET_YEAR)}
    gap = value_2020 - target
    return Outcome(
        years=tuple(years),
        values=tuple(values),
        value_2020=value_2020,
        target=target,
        gap=gap,
        gap_pct=None if target == 0 else gap / abs(target) * 100,
        met=meets(kind, direction, value_2020, target, qualifier),
        year_reached=reached,
        still_needed=still_needed,
        year_breached=breached,
    )
