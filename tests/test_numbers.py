"""lib.present.numbers: the one formatter and its one rounding rule (half away from zero, noise dropped first)."""

import pytest

from lib.present.numbers import figure, plain, rounded


@pytest.mark.parametrize(
    "value, decimals, signed, shown",
    [
        (0.125, 2, False, "0.13"),  # a true half: away from zero (half-to-even gave 0.12)
        (-0.125, 2, True, "-0.13"),
        (2.675, 2, False, "2.68"),  # stored as 2.67499999…; the decimal 2.675 is a half
        (-2.675, 2, False, "-2.68"),
        (46.5, 0, False, "47"),
        (0.5, 0, True, "+1"),
        (-0.5, 0, True, "-1"),
        (1.421e-14, 1, True, "0"),  # float noise at the plan's defaults
        (-2.22e-16, 2, True, "0"),  # no −0
        (3.579e-05, 1, True, "0"),
        (46.000000000000014, 0, False, "46"),  # 45 + 5 × 0.2
        (-0.05000000000000071, 2, True, "-0.05"),  # 45.95 − 46
        (0.5, 1, True, "+0.5"),
        (2.4000000000000004, 2, False, "2.40"),
        (float("nan"), 1, False, "―"),
        (None, 1, False, "―"),
        (float("inf"), 1, False, "―"),
    ],
)
def test_figure(value, decimals, signed, shown):
    assert figure(value, decimals, signed) == shown


@pytest.mark.parametrize(
    "value, decimals, shown",
    [
        (7926.0, None, "7926"),
        (0.08, None, "0.08"),
        (12.8, 1, "12.8"),
        (12.80, 2, "12.8"),  # at most two decimals, no trailing zero
        (0.125, 2, "0.13"),
        (2.675, 2, "2.68"),
        (-0.125, 2, "-0.13"),
        (-0.0001, 2, "0"),
        (15719.72, None, "15719.72"),
        (None, None, "―"),
    ],
)
def test_plain(value, decimals, shown):
    assert plain(value, decimals) == shown


def test_figure_and_plain_round_alike():
    for value in (0.125, 2.675, -0.125, 1.005, 0.0449999, 45.95):
        for decimals in (0, 1, 2):
            assert float(plain(value, decimals)) == float(figure(value, decimals)) == float(rounded(value, decimals))
