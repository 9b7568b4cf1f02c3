"""难度 (difficulty): the UN progress-chart ratio, status and score as Open SDG implements it.

Statistics Canada's method, adopted by Open SDG (v2.4.0, "Progress Measurement
Methodology for the Sustainable Development Goals"):

- observed growth CAGR_i = (y_i / y_0)^(1/(t_i − t_0)) − 1
- required growth CAGR_T = (y_T / y_0)^(1/(t_T − t_0)) − 1
- R = d × CAGR_i / |CAGR_T|, d = +1 where higher is better, −1 where lower is
- target achieved overrides everything; R ≥ 95 % on track; 60 % ≤ R < 95 %
  acceleration needed; 0 ≤ R < 60 % limited progress; R < 0 deterioration
- score: R ≤ −60 % → −5, linear to 0 at R = 60 %, linear to +5 at R = 130 %,
  capped at +5; a met target scores +5
- a zero base or target is replaced by 0.001; values of mixed sign, or fewer
  than two observations, cannot be assessed.

``assess`` follows that method to the letter so it can be checked against it.
``classify`` applies the same thresholds to any ratio, which is how the
dashboard compares the pace achieved in 2011–2015 with the pace 2016–2020
requires (see lib/engine/pace.py): a measure of difficulty, not of outcome.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Labels speak of difficulty, not outcome: the two paces come from two plans.
STATUSES = {
    "target_met": "已达到目标",
    "on_track": "以往速度已足够",
    "acceleration_needed": "需要加速",
    "limited_progress": "需大幅加速",
    "deterioration": "需扭转方向",
    "cannot_assess": "无法比较",
}
# Open SDG replaces a zero base or target with this before taking logs.
ZERO_REPLACEMENT = 0.001


@dataclass(frozen=True)
class Assessment:
    status: str
    ratio: float | None = None
    score: float | None = None
    reason: str = ""

    @property
    def label(self) -> str:
        return STATUSES[self.status]


def direction_sign(direction: str) -> int:
    signs = {"higher": 1, "lower": -1}
    if direction not in signs:
        raise ValueError(f"direction must be 'higher' or 'lower', not {direction!r}")
    return signs[direction]


def score(ratio: float) -> float:
    """Open SDG's score for a ratio R (1.0 = 100 %), in [−5, 5]."""
    if ratio <= -0.6:
        return -5.0
    if ratio < 0.6:
        return -5.0 + 5.0 * (ratio + 0.6) / 1.2  # not a plan figure: Open SDG score slope
    if ratio < 1.3:  # not a plan figure: Open SDG threshold (130 %)
        return 5.0 * (ratio - 0.6) / 0.7
    return 5.0


def classify(ratio: float | None, target_met: bool = False, reason: str = "") -> Assessment:
    if target_met:
        return Assessment("target_met", ratio, 5.0)
    if ratio is None or not math.isfinite(ratio):
        return Assessment("cannot_assess", None, None, reason or "无可比的速度")
    if ratio >= 0.95:
        status = "on_track"
    elif ratio >= 0.6:
        status = "acceleration_needed"
    elif ratio >= 0:
        status = "limited_progress"
    else:
        status = "deterioration"
    return Assessment(status, ratio, score(ratio))


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def target_met(current_value: float, target_value: float, direction: str) -> bool:
    return direction_sign(direction) * (current_value - target_value) >= 0


def assess(
    base_value: float | None,
    base_year: int,
    current_value: float | None,
    current_year: int,
    target_value: float | None,
    target_year: int,
    direction: str,
) -> Assessment:
    """Open SDG's progress assessment for an indicator with a quantitative target."""
    values = (base_value, current_value, target_value)
    if not all(_is_number(v) for v in values):
        return Assessment("cannot_assess", reason="缺少基期、当前或目标值")
    if not current_year > base_year or not target_year > base_year:
        return Assessment("cannot_assess", reason="年份顺序不对：当前年和目标年须晚于基期")
    sign = direction_sign(direction)
    if target_met(current_value, target_value, direction):
        return classify(None, target_met=True)
    base, current, target = (ZERO_REPLACEMENT if v == 0 else v for v in values)
    if not (all(v > 0 for v in (base, current, target)) or all(v < 0 for v in (base, current, target))):
        return Assessment("cannot_assess", reason="数值有正有负，不能用复合增长率")
    if base < 0:
        # All negative: Open SDG flips the desired direction and works on magnitudes.
        base, current, target, sign = -base, -current, -target, -sign
    observed = (current / base) ** (1 / (current_year - base_year)) - 1
    required = (target / base) ** (1 / (target_year - base_year)) - 1
    if required == 0:
        return Assessment("cannot_assess", reason="目标等于基期值，无需增长")
    return classify(sign * observed / abs(required))
