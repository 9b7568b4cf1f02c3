"""Required and achieved pace for every kind of indicator, worked by hand."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.engine.achieved import achieved_pace
from lib.engine.indicator_pace import compare, indicator_pace, pace_table
from lib.engine.pace import required_pace
from lib.engine.rates import annual_reduction, compound_rate, project
from lib.plan import data


@pytest.mark.parametrize(
    "kind, base, target, unit, value, text",
    [
        # 专栏2 row 20, 进出口总额: 4644 → 10000 亿元 over five years:
        # (10000/4644)^(1/5) − 1 = 16.579 %
        ("level", 4644, 10000, "亿元", 16.5793, "年均 +16.58%"),
        # 专栏2 row 5, R&D share: (2.2 − 1.53)/5 = 0.134 points a year
        ("share", 1.53, 2.2, "%", 0.134, "年均 +0.13 个百分点"),
        # 专栏2 row 10, urban–rural income ratio 2.6∶1 → 2.4∶1: (2.4 − 2.6)/5 = −0.04 a year
        ("ratio", 2.6, 2.4, "", -0.04, "比值年均 −0.04"),
        # 专栏2 row 25, new urban jobs 【300】万人: 300/5 = 60 a year
        ("total", None, 300, "万人", 60, "年均 60 万人"),
        # 专栏2 row 16, energy intensity 【15】: 1 − 0.85^(1/5) = 3.1981 % a year
        ("reduction", None, 15, "%", 3.1981, "年均降低 3.2%"),
        # 专栏2 row 1: GDP growth 9 % a year is its own pace
        ("growth_rate", None, 9, "%", 9, "年均 9%"),
        # 专栏2 row 23, port freight share 43 → ＞50: 7 points still to cover
        ("threshold", 43, 50, "%", 7, "还差 7 个百分点"),
        # 专栏2 row 13, water class Ⅲ → Ⅲ: hold
        ("class", 3, 3, "类", None, "保持"),
    ],
)
def test_required_pace_by_kind(kind, base, target, unit, value, text):
    pace = required_pace(kind, base, target, unit)
    if value is None:
        assert pace.value is None
    else:
        assert pace.value == pytest.approx(value, abs=1e-4)
    assert pace.text == text


def test_approximate_target_is_marked():
    # 专栏2 row 4, services share 47.7 → "50左右": (50 − 47.7)/5 = 0.46, central value, approximate
    pace = required_pace("share", 47.7, 50, "%", approx=True)
    assert pace.approx and pace.value == pytest.approx(0.46)
    assert pace.text == "年均约 +0.46 个百分点"


@pytest.mark.parametrize(
    "kind, base, target, reason_word",
    [
        ("level", 0, 10, "不为正"),
        ("level", -3, 10, "不为正"),
        ("share", None, 10, "无基数"),
        ("reduction", None, 100, "100%"),
        ("level", 5, None, "未列目标"),
    ],
)
def test_required_pace_without_an_answer_says_why(kind, base, target, reason_word):
    pace = required_pace(kind, base, target, "")
    assert pace.value is None and reason_word in pace.reason and pace.text == "―"


@pytest.mark.parametrize(
    "indicator_id, required, achieved, basis, ratio, status",
    [
        # GDP: required 9 % (专栏2 row 1); achieved 12.8 % real (专栏1 row 1): R = 12.8/9 = 1.4222
        ("t2_gdp_growth", 9, 12.8, "published_real", 1.4222, "on_track"),
        # R&D share: required (2.2 − 1.53)/5 = 0.134; achieved "五年提高0.26个百分点"/5 = 0.052;
        # R = 0.052/0.134 = 0.3881
        ("t2_rd_share", 0.134, 0.052, "published_change", 0.3881, "limited_progress"),
        # Energy intensity: required 1 − 0.85^(1/5) = 3.1981 %; achieved 【23】 → 1 − 0.77^(1/5) = 5.0930 %;
        # R = 5.0930/3.1981 = 1.5925
        ("t2_energy_intensity_cut", 3.1981, 5.0930, "computed", 1.5925, "on_track"),
        # Foreign capital: required 【500】/5 = 100 亿美元; achieved 【532】/5 = 106.4; R = 1.064
        ("t2_fdi", 100, 106.4, "computed", 1.064, "on_track"),
        # Life expectancy 76.7 → 78 岁 in years a year (issue 23 §6): (78 − 76.7)/5 = 0.26 岁; achieved
        # 专栏1 “五年提高1岁” / 5 = 0.2 岁; R = 0.2/0.26 = 0.7692
        ("t2_life_expectancy", 0.26, 0.2, "published_change", 0.7692, "acceleration_needed"),
        # Schooling 10.3 → 11 年: (11 − 10.3)/5 = 0.14 年; achieved “五年提高0.3年” / 5 = 0.06; R = 0.4286
        ("t2_schooling_years", 0.14, 0.06, "published_change", 0.4286, "limited_progress"),
    ],
)
def test_indicator_pace_against_hand_arithmetic(indicator_id, required, achieved, basis, ratio, status):
    result = indicator_pace(indicator_id)
    assert result.required.value == pytest.approx(required, abs=1e-3)
    assert result.achieved.value == pytest.approx(achieved, abs=1e-3)
    assert result.achieved.basis == basis
    assert result.assessment.ratio == pytest.approx(ratio, abs=1e-3)
    assert result.assessment.status == status


def test_a_basis_break_is_shown_as_a_break_never_a_rate():
    # 专栏1 row 9: 非农户籍人口比重 33.5 (旧口径) → 44.56 (新口径)
    result = indicator_pace("t2_hukou_urbanization")
    assert result.achieved.basis == "break" and result.achieved.value is None
    assert result.assessment.status == "cannot_assess"


def test_gdp_published_real_rate_is_never_the_nominal_level_rate():
    # The levels 7926 → 15720 at current prices imply 14.7 %; the plan prints 12.8 % real growth.
    achieved = indicator_pace("t2_gdp_growth").achieved
    assert achieved.value == 12.8
    assert achieved.basis_label == "公布值（实际增速）"


def test_class_target_held():
    # 专栏2 row 13: Ⅲ in 2015, Ⅲ in 2020
    assert indicator_pace("t2_yangtze_water").assessment.status == "target_met"


def test_pace_table_covers_every_indicator_with_a_target_and_never_shows_nan_as_a_number():
    table = pace_table()
    indicators = data.load_indicators()
    expected = indicators[(indicators.table_no == 2) & (indicators.kind != "group")]
    assert list(table.indicator_id) == list(expected.indicator_id)
    no_ratio = table.ratio.isna()
    assert (table.status[no_ratio].isin(["cannot_assess", "target_met"])).all()
    assert (table.reason[table.status == "cannot_assess"] != "").all()
    assert not table.required_text.str.contains("nan").any()
    assert not table.achieved_text.str.contains("nan").any()


@pytest.mark.parametrize("bad_id", ["t1_gdp", "t2_innovation_efficiency", "nope", ""])
def test_indicator_pace_rejects_ids_without_a_target(bad_id):
    with pytest.raises((KeyError, ValueError)):
        indicator_pace(bad_id)


@given(base=st.floats(0.01, 1e7), target=st.floats(0.01, 1e7))
def test_projecting_the_base_at_the_required_rate_reaches_the_target(base, target):
    rate = compound_rate(base, target)
    assert project(base, rate * 100) == pytest.approx(target, rel=1e-9)


@given(st.floats(0.0, 99.9))
def test_five_annual_cuts_compound_to_the_five_year_reduction(cut):
    yearly = annual_reduction(cut) / 100
    assert 1 - (1 - yearly) ** 5 == pytest.approx(cut / 100, abs=1e-9)


@given(st.floats(0.0, 1e6))
def test_five_annual_averages_add_up_to_the_total(total):
    pace = required_pace("total", None, total, "万人")
    assert pace.value * 5 == pytest.approx(total)


# Issue 15 §2: meanings — units, caps, price bases, qualifiers the text adds.


@pytest.mark.parametrize(
    "indicator_id, value, unit, text",
    [
        # 专栏1 row 16, 人口自然增长率 3.79‰ (2010) → 3.86‰ (2015): (3.86 − 3.79)/5 = 0.014 ‰ a year
        ("t1_natural_pop_growth", 0.014, "‰/年", "年均 +0.014‰"),
        # 专栏1 row 24, 工业固体废弃物综合利用率 "五年提高2.6个百分点": 2.6/5 = 0.52 points a year
        ("t1_solid_waste_use", 0.52, "个百分点/年", "年均 +0.52 个百分点"),
    ],
)
def test_a_share_moves_in_its_own_unit(indicator_id, value, unit, text):
    pace = achieved_pace(indicator_id)
    assert (pace.unit, pace.text) == (unit, text)
    assert pace.value == pytest.approx(value)


@pytest.mark.parametrize(
    "kind, base, target, unit, value, pace_unit, text",
    [
        # A ‰ rate moves in ‰: 3.86 → 4.0 would be (4.0 − 3.86)/5 = 0.028 ‰ a year, not 个百分点
        ("share", 3.86, 4.0, "‰", 0.028, "‰/年", "年均 +0.028‰"),
        # A % share in points: 专栏2 row 5, (2.2 − 1.53)/5 = 0.134
        ("share", 1.53, 2.2, "%", 0.134, "个百分点/年", "年均 +0.13 个百分点"),
    ],
)
def test_required_share_pace_units(kind, base, target, unit, value, pace_unit, text):
    pace = required_pace(kind, base, target, unit)
    assert (pace.unit, pace.text) == (pace_unit, text)
    assert pace.value == pytest.approx(value)


def test_the_construction_land_cap_is_at_most_never_a_yearly_requirement():
    # 专栏2 row 19: ＜【75000】 公顷 is a ceiling on the five-year total.
    pace = indicator_pace("t2_new_construction_land").required
    assert pace.ceiling
    assert pace.text == "五年累计不超过 75000 公顷（上限）"
    assert "年均" not in pace.text and "15000" not in pace.text
    row = pace_table().set_index("indicator_id").loc["t2_new_construction_land"]
    assert row.required_ceiling and row.required_text == pace.text


@pytest.mark.parametrize(
    "kind, base, target, price_basis, label, text",
    [
        # 第一章第三节 2.5万亿元 from 专栏1's 15720 亿元 (both current prices):
        # (25000/15720)^(1/5) − 1 = 9.72 % a year, nominal
        ("level", 15720, 25000, "current", "名义，按现价", "年均 +9.72%（名义，按现价）"),
        # 专栏2 row 1: 9 % a year is real growth (like 12.8 %, 第一章第一节)
        ("growth_rate", None, 9, "real", "实际", "年均 9%（实际）"),
        # 专栏2 row 20, 进出口总额 4644 → 10000 亿元: the plan does not say
        ("level", 4644, 10000, "unstated", "价格口径未说明", "年均 +16.58%（价格口径未说明）"),
        # A share has no price basis
        ("share", 1.53, 2.2, "", "", "年均 +0.13 个百分点"),
    ],
)
def test_required_rates_are_labelled_with_their_price_basis(kind, base, target, price_basis, label, text):
    pace = required_pace(kind, base, target, "亿元", price_basis=price_basis)
    assert pace.price_label == label
    assert pace.labelled_text == text


def test_the_real_9_percent_and_the_nominal_level_rate_are_labelled_apart():
    # 专栏2 row 1 (real) beside 2.5万亿元 from 15720 (nominal, current prices)
    assert indicator_pace("t2_gdp_growth").required.price_label == "实际"
    assert required_pace("level", 15720, 25000, "亿元", price_basis="current").basis == "computed_nominal"


@pytest.mark.parametrize(
    "indicator_id, text",
    [
        # 专栏2 prints 9, 50, 4 and 【300】; the text says 9%左右 (第一章第三节), 50%左右 (第二章第一节),
        # 4%左右 (第一章第三节), 300万人左右 (第一章第三节): the pace is marked approximate.
        ("t2_gdp_growth", "年均约 9%"),
        ("t2_restructuring_investment_share", "年均约 +1.18 个百分点"),  # (50 − 44.1)/5 = 1.18
        ("t2_culture_share", "年均约 +0.12 个百分点"),  # (4 − 3.4)/5 = 0.12
        ("t2_new_urban_jobs", "年均约 60 万人"),  # 300/5 = 60
        # 专栏2 prints 50左右 itself (row 4)
        ("t2_services_share", "年均约 +0.46 个百分点"),
        # a plain cell stays plain: 专栏2 row 22, 【500】 with "每年…100亿美元以上" (at least, not approx)
        ("t2_fdi", "年均 100 亿美元"),
    ],
)
def test_the_texts_zuoyou_marks_the_required_pace_approximate(indicator_id, text):
    assert indicator_pace(indicator_id).required.text == text


def test_moderate_direction_is_never_compared():
    # 人口自然增长率: 适度增长 (第三十一章), neither higher nor lower is better
    assessment = compare(required_pace("share", 3.86, 4.0, "‰"), achieved_pace("t1_natural_pop_growth"), "moderate", False)
    assert assessment.status == "cannot_assess"


# issue 23 §1: an indicator whose linked text target sets an earlier date than 2020 is paced to it.
@pytest.mark.parametrize(
    "indicator_id, year, where, sentence, value, text",
    [
        # 专栏2 row 24 【70.6】万人 by 2017: 70.6 / (2017 − 2015) = 35.3 万人 a year over 2016—2017,
        # approximate for the sentence's 基本; 第二十五章's “2018年全面‘扫尾’” is later and does not rule.
        (
            "t2_poverty_exit",
            2017,
            "第一章第三节",
            "到2017年，基本实现我国现行标准下农村贫困人口脱贫",
            35.3,
            "2016—2017年 年均约 35.3 万人",
        ),
    ],
)
def test_an_earlier_deadline_sets_the_pace(indicator_id, year, where, sentence, value, text):
    from lib.plan.milestones import deadline
    from lib.plan.plan_text import passage

    assert sentence in passage(where[: where.index("章") + 1], where[where.index("章") + 1 :])
    early = deadline(indicator_id)
    assert (early.year, early.where, early.clause) == (year, where, sentence)
    required = indicator_pace(indicator_id).required
    assert required.value == pytest.approx(value, abs=1e-9)
    assert required.text == text
    assert required.deadline_year == year
    assert f"{where}：“{sentence}”" in required.labelled_text


def test_only_poverty_has_an_earlier_deadline():
    # The other linked targets before 2020 are 翻一番 (a different level, issue 23 §4) on 专栏1 rows.
    from lib.plan.milestones import deadline

    early = {i for i in data.load_indicators().indicator_id if deadline(i) is not None}
    assert early == {"t2_poverty_exit"}


@pytest.mark.parametrize(
    "kind, base, target, deadline_year, value, text",
    [
        # 【70.6】 by 2017: 70.6/2 = 35.3
        ("total", None, 70.6, 2017, 35.3, "2016—2017年 年均 35.3 万人"),
        # 100 → 121 by 2017: (121/100)^(1/2) − 1 = 10 %
        ("level", 100, 121, 2017, 10.0, "2016—2017年 年均 +10%"),
        # 40 → 46 by 2018: (46 − 40)/3 = 2 points a year
        ("share", 40, 46, 2018, 2.0, "2016—2018年 年均 +2 个百分点"),
        # 2020 is the plan's own end: no years named
        ("total", None, 70.6, 2020, 14.12, "年均 14.12 万人"),
    ],
)
def test_required_pace_to_a_deadline(kind, base, target, deadline_year, value, text):
    pace = required_pace(kind, base, target, "万人" if kind == "total" else "%", deadline_year=deadline_year)
    assert pace.value == pytest.approx(value, abs=1e-9)
    assert pace.text == text


@pytest.mark.parametrize(
    "kind, base, target, qualifier, text",
    [
        # 专栏2 row 23 ＞50: 43 → 50 is 7 points, and touching 50 is not passing it
        ("threshold", 43, 50, "greater_than", "还差 7 个百分点以上（须超过50%，恰好等于不算）"),
        # the same line read as a share path (the trajectory's): (50 − 43)/5 = 1.4 a year, and more
        ("share", 43, 50, "greater_than", "年均 +1.4 个百分点以上（须超过50%，恰好等于不算）"),
        # a plain 50 is reached by touching it
        ("threshold", 43, 50, "exact", "还差 7 个百分点"),
    ],
)
def test_a_more_than_target_must_be_passed(kind, base, target, qualifier, text):
    assert required_pace(kind, base, target, "%", qualifier=qualifier).text == text


def test_the_port_share_pace_says_it_must_pass_50():
    # 专栏2 row 23: 港口外贸货物吞吐量占比 ＞50
    assert "须超过50%，恰好等于不算" in indicator_pace("t2_port_external_share").required.text


@pytest.mark.parametrize(
    "indicator_id, unit, required_text, achieved_text",
    [
        # issue 23 §6: 岁 and 年 are paced in years a year, never in compound %
        ("t2_life_expectancy", "岁/年", "年均 +0.26 岁", "年均 +0.2 岁"),
        ("t2_schooling_years", "年/年", "年均 +0.14 年", "年均 +0.06 年"),
    ],
)
def test_levels_in_years_are_paced_in_years_a_year(indicator_id, unit, required_text, achieved_text):
    result = indicator_pace(indicator_id)
    assert (result.required.unit, result.achieved.unit) == (unit, unit)
    assert (result.required.text, result.achieved.text) == (required_text, achieved_text)


def test_the_pace_table_shows_the_deadline_pace_and_its_sentence():
    from lib.engine import tables

    row = tables.indicator_table(2).set_index("indicator_id").loc["t2_poverty_exit"]
    # 指标总览's 所需速度 column: the years and the amount; its detail: the plan's sentence too
    assert row["所需速度"] == "2016—2017年 年均约 35.3 万人"
    assert row["所需速度说明"].endswith("（期限为2017年，见第一章第三节：“到2017年，基本实现我国现行标准下农村贫困人口脱贫”）")
    assert row["所需#value"] == pytest.approx(35.3)
