"""How a number is shown: the project's one formatter and its one rounding rule.

Every number on a page (the plan's own figures, paces, a scenario's 2020
value) is written here, rounded the way a reader rounds: float noise dropped
first (45 + 5 × 0.2 is 46.000000000000014; 2.675 is stored as 2.67499999…),
then half away from zero (0.125 → 0.13, 46.5 → 47, -0.125 → -0.13), on the
decimal value (``decimal.Decimal``), never on the binary one.

Two spellings over that one rule:

- ``figure(value, decimals, signed)``: exactly ``decimals`` decimals, as a
  scenario's answer is shown (2.50 万亿元, 6.0 件); "+"/"-" when ``signed``.
- ``plain(value, decimals)``: at most ``decimals`` decimals (6 when None),
  trailing zeros dropped, as the plan prints a figure (7926, 0.08, 12.8).

Both write a value that rounds to nothing as "0" (never "-0" or "+0"), and
a missing value as "―". The same rule in Vega is lib.present.formula's
``Round`` and ``Fixed``, generated from one definition and checked through
real Vega (tests/browser/test_formula_in_vega.py).
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

_PRINTED_NUMBER = re.compile(r"\d+(?:\.(\d+))?")
EXACT = 1e-9  # a gap this small is arithmetic noise, not a miss
NOISE_DIGITS = 10  # float noise lives below the 10th decimal; no figure of the plan has more than 4
MOST_DECIMALS = 6  # plain() without decimals: enough for every printed figure, none of the noise
MISSING = "―"


def rounded(value: float, decimals: int) -> Decimal:
    """``value`` to ``decimals`` decimals, half away from zero, after dropping float noise.

    ``round(value, 10)`` then ``repr`` gives the shortest decimal of the nearest
    10-decimal value (2.675 → "2.675", not 2.67499999999999982236431605997495353221893310546875),
    and ROUND_HALF_UP in ``decimal`` rounds a tie away from zero (-0.125 → -0.13).
    """
    return Decimal(repr(round(float(value), NOISE_DIGITS))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def _missing(value: float | None) -> bool:
    return value is None or not math.isfinite(value)


def figure(value: float | None, decimals: int, signed: bool = False) -> str:
    """``value`` with exactly ``decimals`` decimals; "0" when it rounds to nothing; "+"/"-" when ``signed``.

    The minus is ASCII so that st.metric reads a negative delta as one.
    """
    if _missing(value):
        return MISSING
    number = rounded(value, decimals)
    if number == 0:
        return "0"
    text = f"{abs(number):.{decimals}f}"
    if number < 0:
        return "-" + text
    return ("+" + text) if signed else text


def plain(value: float | None, decimals: int | None = None) -> str:
    """``value`` as the plan prints a figure: at most ``decimals`` decimals, no trailing zeros,
    no thousands separators (7926, 0.08, 12.8; 0.125 at 2 → 0.13)."""
    if _missing(value):
        return MISSING
    text = figure(value, MOST_DECIMALS if decimals is None else decimals)
    return text.rstrip("0").rstrip(".") if "." in text else text


def printed_decimals(*raws: str) -> int:
    """The most decimals among the numbers printed in these cells ("1.53" → 2, "【12.3】" → 1, "2.4∶1" → 1)."""
    found = [len(m.group(1) or "") for raw in raws for m in _PRINTED_NUMBER.finditer(str(raw or ""))]
    return max(found, default=0)


def step_decimals(step: float) -> int:
    """Decimals a slider with this step moves in (0.01 → 2, 100 → 0)."""
    return max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0


def gap_decimals(gap: float, printed: int, resolution: float, finest: int = 4) -> int:
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
