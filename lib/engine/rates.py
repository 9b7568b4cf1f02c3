"""Plain-number arithmetic of paces, one function per kind, so each can be tested by hand.

No data is read here: lib/engine/pace.py (the required pace), lib/engine/achieved.py (the
pace 2011–2015 reached), lib/engine/trajectory.py and the scenarios all use these.
"""

from __future__ import annotations

from lib.present.formula import Var, function

YEARS = 5  # both plan periods run five years


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


START, PACE, SPAN = Var("start"), Var("pace"), Var("years")
# Each kind's projection, written once as a formula (lib/present/formula.py): the Python below
# and the static edition's slider (bake/charts.pace_spec, a Vega expression) are both generated from it.
PROJECTIONS = {
    "level": START * (1 + PACE / 100) ** SPAN,
    **{kind: START + PACE * SPAN for kind in ("share", "ratio", "threshold", "total")},
    "reduction": (1 - (1 - START / 100) * (1 - PACE / 100) ** SPAN) * 100,
}
_PROJECT = {kind: function(formula, "start", "pace", "years") for kind, formula in PROJECTIONS.items()}


def project(base: float, pace: float, years: int = YEARS, kind: str = "level") -> float:
    """Where ``base`` stands after ``years`` years at a constant ``pace``, in the arithmetic of ``kind``.

    The one projection every path uses (the trajectories' required and
    carried-forward paths, a scenario's year-by-year steps with ``years=1``):
    a level compounds at ``pace`` % a year; a share, ratio, threshold or
    five-year total adds ``pace`` each year; a reduction is a cumulative cut
    in %, each year cutting what is left by ``pace`` %.
    """
    if kind not in _PROJECT:
        raise ValueError(f"no projection for kind {kind!r}")
    return _PROJECT[kind](base, pace, years)
