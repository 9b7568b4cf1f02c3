"""How a number is shown: to the precision the plan prints it, with no float noise.

One function, ``figure``, formats every number the 情景推演 page shows, so
an exact hit reads 0 (never 1.421e-14, -0 or +0) and a value keeps the
decimals its printed cells have: 45 → 46 has none, 1.53 → 2.2 has two.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

_PRINTED_NUMBER = re.compile(r"\d+(?:\.(\d+))?")
EXACT = 1e-9  # a gap this small is arithmetic noise, not a miss


def printed_decimals(*raws: str) -> int:
    """The most decimals among the numbers printed in these cells ("1.53" → 2, "【12.3】" → 1, "2.4∶1" → 1)."""
    found = [len(m.group(1) or "") for raw in raws for m in _PRINTED_NUMBER.finditer(str(raw or ""))]
    return max(found, default=0)


def step_decimals(step: float) -> int:
    """Decimals a slider with this step moves in (0.01 → 2, 100 → 0)."""
    return max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0


def figure(value: float | None, decimals: int, signed: bool = False) -> str:
    """``value`` rounded half away from zero to ``decimals``; 0 when it rounds to nothing;
    "+"/"-" when ``signed``. The minus is ASCII so that st.metric reads a negative delta as one.
    """
    if value is None or not math.isfinite(value):
        return "―"
    # Noise first (45.95 − 46 is −0.05000000000000071), then the rounding a reader expects (46.5 → 47).
    rounded = Decimal(repr(round(value, 10))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    if rounded == 0:
        return "0"
    text = f"{abs(rounded):.{decimals}f}"
    if rounded < 0:
        return "-" + text
    return ("+" + text) if signed else text


def gap_decimals(gap: float, printed: int, resolution: float, finest: int = 4) -> int:
    """The plan's decimals, or more where a slider step moves the result by less than its last digit.

    ``resolution`` is how far one slider step moves the 2020 value. A gap
    within half of it of its rounded figure is shown at that figure: the
    plan's pace, rounded onto the slider grid, overshoots 6 件 by 0.00004 and
    shows 0. A larger one gets the digits it needs: 45.95 against 46 shows
    -0.05, not 0, and 46.5 shows +0.5.
    """
    decimals = printed
    tolerance = max(resolution / 2, EXACT)
    while decimals < finest and abs(float(figure(gap, decimals).replace("+", "")) - gap) > tolerance:
        decimals += 1
    return decimals


def change_unit(kind: str, unit: str) -> str:
    """The unit of a difference: a share's change is in 个百分点, a rate's in its own unit; ‰ stays ‰."""
    if unit == "%" and kind in ("share", "threshold", "reduction"):
        return "个百分点"
    return unit
