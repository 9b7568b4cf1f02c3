"""Scenario arithmetic, checked by hand and by property."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import data_rows
from lib.engine import economy, scenario
from lib.views.scenarios import catalogue as scenario_catalogue


@pytest.mark.parametrize(
    "kind, direction, base, target, paces, value_2020, reached",
    [
        # 进出口总额 4644 at 10 %/yr: 4644 × 1.61051 = 7479.208; not 10000 by 2020;
        # 1.1^8 × 4644 = 9954.8 (2023), 1.1^9 × 4644 = 10950.3 → 2024
        ("level", "higher", 4644, 10000, [10.0], 7479.2084, 2024),
        # R&D share 1.53 at +0.134 points a year: 1.53 + 0.67 = 2.2 in 2020
        ("share", "higher", 1.53, 2.2, [0.134], 2.2, 2020),
        # Income ratio 2.6 at −0.03 a year: 2.6 − 0.15 = 2.45; 2.4 after 6.67 years → 2022
        ("ratio", "lower", 2.6, 2.4, [-0.03], 2.45, 2022),
        # New jobs 50万 a year: 250 by 2020, 300 in 2021
        ("total", "higher", None, 300, [50.0], 250.0, 2021),
        # Energy intensity cut 3 % a year: 1 − 0.97^5 = 14.13 %; 15 % in 2021 (1 − 0.97^6 = 16.70 %)
        ("reduction", "higher", None, 15, [3.0], 14.1266, 2021),
        # Year by year: 44.1 + 1 + 1 + 1 + 1 + 2 = 50.1 ≥ 50 in 2020
        ("share", "higher", 44.1, 50, [1, 1, 1, 1, 2], 50.1, 2020),
    ],
)
def test_run_against_hand_arithmetic(kind, direction, base, target, paces, value_2020, reached):
    outcome = scenario.run(kind, direction, base, target, paces)
    assert outcome.value_2020 == pytest.approx(value_2020, abs=1e-3)
    assert outcome.year_reached == reached
    assert outcome.gap == pytest.approx(value_2020 - target, abs=1e-3)


def test_not_by_2025():
    # 4644 growing 1 % a year reaches 4644 × 1.01^10 = 5129.9 by 2025, far below 10000
    assert scenario.run("level", "higher", 4644, 10000, [1.0]).year_reached is None


def test_threshold_needs_to_be_passed_not_touched():
    # 专栏2 row 23: port share ＞50. Exactly 50 in 2020 does not meet "greater than".
    outcome = scenario.run("share", "higher", 43, 50, [1.4], qualifier="greater_than")
    assert outcome.value_2020 == pytest.approx(50) and not outcome.met


def test_a_cap_reports_when_it_is_breached():
    # 专栏2 row 19: net new construction land ＜【75000】公顷. 16000 a year passes it in 2020 (80000).
    outcome = scenario.run("total", "lower", None, 75000, [16000.0], qualifier="less_than")
    assert not outcome.met and outcome.year_breached == 2020 and outcome.year_reached is None


def test_still_needed_after_a_slow_start():
    # 44.1 at +0.5 a year: 44.6 after 2016; (50 − 44.6)/4 = 1.35 points a year still needed
    outcome = scenario.run("share", "higher", 44.1, 50, [0.5])
    assert outcome.still_needed[2016] == pytest.approx(1.35)
    # Before the first year, the plan's own required pace: (50 − 44.1)/5 = 1.18
    assert outcome.still_needed[2015] == pytest.approx(1.18)


@pytest.mark.parametrize("paces", [[], [float("nan")], [float("inf")], [1, 2], ["7"]])
def test_bad_paces_are_refused(paces):
    with pytest.raises(ValueError):
        scenario.run("level", "higher", 100, 200, paces)


def test_gdp_with_the_plans_figures_lands_on_25000():
    # The deflator is derived so that 9 % real growth reaches 2.5万亿元:
    # (25000/15720)^(1/5) = 1.097230; 1.097230/1.09 − 1 = 0.6633 %
    assert economy.implied_deflator() == pytest.approx(0.6633, abs=1e-4)
    assert economy.gdp_2020(9.0, economy.implied_deflator()) == pytest.approx(25000)


def test_gdp_at_seven_percent():
    # 15720 × (1.07 × 1.006633)^5 = 15720 × 1.44971 = 22789.4 亿元
    assert economy.gdp_2020(7.0, economy.implied_deflator()) == pytest.approx(22789.4, abs=0.5)


def test_population_growth_from_the_text():
    # 15720亿元 / 52330元 = 3004.0万人; ((3004.0 + 200)/3004.0)^(1/5) − 1 = 1.2974 %
    assert economy.implied_population_growth() == pytest.approx(1.2974, abs=1e-4)


def test_plan_income_growths_meet_both_targets():
    urban, rural = economy.plan_income_growths()
    assert economy.income_ratio_2020(urban, rural) == pytest.approx(2.4)
    assert economy.average_income_growth(urban, rural, economy.default_urbanization_2020()) == pytest.approx(9.5)
    assert rural > urban  # narrowing the gap needs rural incomes to grow faster


def test_equal_income_growth_keeps_the_2015_ratio():
    # 27239 / 10505 = 2.5930
    assert economy.income_ratio_2020(8, 8) == pytest.approx(2.5930, abs=1e-4)


# Every 专栏2 indicator of a kind the engine projects, read cheaply (the options are built in the test).
SCENARIO_IDS = [r["indicator_id"] for r in data_rows("indicators.csv", table_no="2") if r["kind"] in scenario_catalogue.SCENARIO_KINDS]


def test_every_indicator_of_a_projected_kind_is_a_scenario_option():
    assert [option.indicator_id for option in scenario_catalogue.indicator_options()] == SCENARIO_IDS


@pytest.mark.parametrize("indicator_id", SCENARIO_IDS)
def test_every_plan_default_meets_its_target(indicator_id):
    row = scenario_catalogue.options_by_id()[indicator_id]
    outcome = scenario.run(row.kind, row.direction, row.base, row.target, [row.plan_pace], row.qualifier)
    assert outcome.met
    assert row.low <= row.plan_pace <= row.high


@given(base=st.floats(1, 1e6), target=st.floats(1, 1e6), years_left=st.integers(1, 5))
def test_pace_needed_gets_there(base, target, years_left):
    pace = scenario.pace_needed("level", base, target, years_left)
    value = base
    for _ in range(years_left):
        value = scenario.step("level", value, pace)
    assert value == pytest.approx(target, rel=1e-9)


@given(cut=st.floats(0, 99), years_left=st.integers(1, 5))
def test_reduction_pace_needed_gets_there(cut, years_left):
    pace = scenario.pace_needed("reduction", 0.0, cut, years_left)
    value = 0.0
    for _ in range(years_left):
        value = scenario.step("reduction", value, pace)
    assert value == pytest.approx(cut, abs=1e-9)


def test_gdp_paths_start_at_2015_and_end_where_2020_lands():
    # 15720亿元: 专栏1 row 1, 2015; 25000 = 2.5万亿元 (第一章第三节)
    path = economy.gdp_path(7.0, 0.66)
    assert path[0] == 15720 and path[-1] == pytest.approx(economy.gdp_2020(7.0, 0.66))
    required = economy.gdp_path_required()
    assert required[0] == 15720 and required[-1] == pytest.approx(25000)


def test_slider_defaults_are_the_plans_figures():
    gdp = scenario_catalogue.gdp_controls()
    # 专栏2 row 1: 9 %; the deflator and population growth derived above, to 2 decimals
    assert [spec.plan for spec in gdp.values()] == [9.0, 0.66, 1.3]
    for _label, low, high, _step, plan in {**gdp, **scenario_catalogue.income_controls()}.values():
        assert low <= plan <= high


@pytest.mark.parametrize(
    "figure, value, raw, place",
    [
        # Each figure the GDP and income panels use, with the cell or sentence it is read from.
        ("gdp_2015", 15720, "15720", "专栏1第1行"),
        ("gdp_per_capita_2015", 52330, "52330", "专栏1第2行"),
        ("gdp_target", 25000, "2.5万亿元", "第一章第三节"),  # 2.5 万亿元 = 25000 亿元
        ("gdp_per_capita_target", 75000, "7.5万元左右", "第一章第三节"),  # 7.5 万元 = 75000 元
        ("real_growth", 9, "9", "专栏2第1行"),
        ("urban_income_2015", 27239, "27239（新口径）", "专栏1第26行"),
        ("rural_income_2015", 10505, "10505（新口径）", "专栏1第27行"),
        ("income_ratio_target", 2.4, "2.4∶1", "专栏2第10行"),
        ("income_growth_target", 9.5, "9.5", "专栏2第2行"),
        ("urbanization_2015", 60.9, "60.9", "专栏1第9行"),
        ("urbanization_change", 7.9, "五年提高7.9个百分点", "专栏1第9行"),
        ("population_increase", 200, "200万左右", "第十二章第二节"),
    ],
)
def test_the_models_figures_come_from_the_data(figure, value, raw, place):
    found = getattr(economy.figures(), figure)
    assert (found.value, found.raw, found.place) == (pytest.approx(value), raw, place)
