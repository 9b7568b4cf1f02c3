"""Open SDG's progress ratio, status and score, checked against its published method."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.engine.difficulty import assess, classify, score


# The score transformation Open SDG publishes (progress-methodology.md, Figure 2):
# R ≤ −60 % → −5; linear to 0 at R = 60 %; linear to +5 at R = 130 %; capped at +5.
# Category edges fall on the quarter marks: R = 95 % → 2.5, R = 0 → −2.5.
@pytest.mark.parametrize(
    "ratio, expected",
    [(-2.0, -5.0), (-0.6, -5.0), (0.0, -2.5), (0.6, 0.0), (0.95, 2.5), (1.3, 5.0), (4.0, 5.0)],
)
def test_score_matches_the_published_transformation(ratio, expected):
    assert score(ratio) == pytest.approx(expected)


# Status thresholds from the same document: ≥95 % on track, 60–95 % acceleration
# needed, 0–60 % limited progress, < 0 deterioration.
@pytest.mark.parametrize(
    "ratio, status",
    [
        (0.95, "on_track"),
        (0.9499, "acceleration_needed"),
        (0.6, "acceleration_needed"),
        (0.5999, "limited_progress"),
        (0.0, "limited_progress"),
        (-0.0001, "deterioration"),
    ],
)
def test_status_thresholds(ratio, status):
    assert classify(ratio).status == status


def test_score_and_status_agree_at_every_ratio():
    # Open SDG divides the score range equally between the four categories.
    bands = {"on_track": (2.5, 5), "acceleration_needed": (0, 2.5), "limited_progress": (-2.5, 0), "deterioration": (-5, -2.5)}
    for step in range(-200, 300):
        result = classify(step / 100)
        low, high = bands[result.status]
        assert low - 1e-9 <= result.score <= high + 1e-9, step


@pytest.mark.parametrize(
    "args, status, ratio",
    [
        # Worked by hand, Open SDG style (base 2015, latest 2020, target 2030, higher is better):
        # CAGR_i = (110/100)^(1/5) − 1 = 1.924 %; CAGR_T = (150/100)^(1/15) − 1 = 2.740 %;
        # R = 1.9245 / 2.7400 = 0.7024 → acceleration needed; score = 5 × (0.7024 − 0.6)/0.7 = 0.731.
        ((100, 2015, 110, 2020, 150, 2030, "higher"), "acceleration_needed", 0.7024),
        # Lower is better: 50 → 40 over 5 years, target 25 by 2030.
        # CAGR_i = 0.8^(1/5) − 1 = −4.365 %; CAGR_T = 0.5^(1/15) − 1 = −4.516 %;
        # R = −1 × −4.365 / 4.516 = 0.9666 → on track.
        ((50, 2015, 40, 2020, 25, 2030, "lower"), "on_track", 0.9666),
        # Moving the wrong way: 100 → 90, target 150. CAGR_i = −2.085 %, R = −0.761.
        ((100, 2015, 90, 2020, 150, 2030, "higher"), "deterioration", -0.7610),
        # Slow: 100 → 101, target 150. CAGR_i = 0.199 %, R = 0.199/2.740 = 0.0727.
        ((100, 2015, 101, 2020, 150, 2030, "higher"), "limited_progress", 0.0727),
    ],
)
def test_assess_worked_examples(args, status, ratio):
    result = assess(*args)
    assert result.status == status
    assert result.ratio == pytest.approx(ratio, abs=1e-4)


def test_assess_example_score():
    # From the first worked example: score = 5 × (0.70238 − 0.6)/0.7 = 0.7313
    assert assess(100, 2015, 110, 2020, 150, 2030, "higher").score == pytest.approx(0.7313, abs=1e-4)


def test_target_already_met_overrides_a_falling_trend():
    # Open SDG: "Indicators that achieve the target are automatically assigned a score of 5
    # regardless of the underlying trend."
    result = assess(100, 2015, 90, 2020, 80, 2030, "higher")
    assert (result.status, result.score) == ("target_met", 5.0)


@pytest.mark.parametrize(
    "args, reason_word",
    [
        ((None, 2015, 110, 2020, 150, 2030, "higher"), "缺少"),
        ((100, 2015, float("nan"), 2020, 150, 2030, "higher"), "缺少"),
        ((100, 2015, 110, 2020, float("inf"), 2030, "higher"), "缺少"),
        ((-5, 2015, 10, 2020, 20, 2030, "higher"), "正有负"),
        ((100, 2020, 110, 2015, 150, 2030, "higher"), "年份"),
        ((100, 2015, 110, 2015, 150, 2030, "higher"), "年份"),
    ],
)
def test_cannot_assess_with_a_reason(args, reason_word):
    result = assess(*args)
    assert result.status == "cannot_assess"
    assert result.ratio is None and result.score is None
    assert reason_word in result.reason


def test_zero_base_is_replaced_as_open_sdg_does():
    # Base 0 → 0.001: CAGR_i = (5/0.001)^(1/5) − 1, CAGR_T = (10/0.001)^(1/15) − 1 → R = 5.47/0.849 ≫ 1
    result = assess(0, 2015, 5, 2020, 10, 2030, "higher")
    assert result.status == "on_track"
    assert math.isfinite(result.ratio)


def test_all_negative_values_flip_the_direction():
    # −100 → −90 with target −50 and "higher is better" means shrinking the magnitude:
    # on magnitudes it is 100 → 90 toward 50, lower is better. CAGR_i = −2.085 %,
    # CAGR_T = (0.5)^(1/15) − 1 = −4.516 %, R = 2.085/4.516 = 0.4617.
    result = assess(-100, 2015, -90, 2020, -50, 2030, "higher")
    assert result.ratio == pytest.approx(0.4617, abs=1e-4)


@given(
    base=st.floats(0.01, 1e6),
    growth=st.floats(-0.5, 2.0),
    target_growth=st.floats(0.01, 3.0),
)
def test_assess_never_crashes_and_score_stays_in_range(base, growth, target_growth):
    result = assess(base, 2015, base * (1 + growth), 2020, base * (1 + target_growth), 2030, "higher")
    if result.score is not None:
        assert -5 <= result.score <= 5


@given(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)), st.floats(allow_nan=True, allow_infinity=True))
def test_assess_with_any_floats_gives_a_defined_answer(current, target):
    result = assess(10.0, 2015, current, 2020, target, 2030, "lower")
    assert result.status in {"target_met", "on_track", "acceleration_needed", "limited_progress", "deterioration", "cannot_assess"}
    if result.ratio is not None:
        assert math.isfinite(result.ratio)
