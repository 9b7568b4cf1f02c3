"""The body text's targets: those without an Arabic numeral, links to the tables, and their meanings (issue 15)."""

import pytest

from lib.engine import trajectory
from lib.plan import data, milestones


@pytest.mark.parametrize(
    "raw, place, target_type, year, indicator_id",
    [
        # the examples, each at its place in the plan
        ("翻一番", "第一章第三节", "doubling", 2017, "t1_gdp"),  # "到2017年，地区生产总值和城乡居民人均收入比2010年翻一番"
        ("贫困区县（自治县）全部“摘帽”", "第一章第三节", "milestone", 2017, ""),  # "到2017年…全部“摘帽”"
        ("实现“县县通高速”", "第十一章第一节", "full_coverage", 2020, ""),
        ("化肥、农药零增长", "第十七章第三节", "zero_growth", 2020, ""),
        ("农村贫困地区义务教育学生营养餐实现全覆盖", "第十二章第四节", "full_coverage", 2020, ""),  # 专栏16
        ("Ⅲ类", "第一章第三节", "class", 2020, "t2_yangtze_water"),  # "长江干流水质总体稳定在Ⅲ类"
        ("力争达到全国平均水平", "第一章第三节", "national_parity", 2020, "t2_income_growth"),
        ("2017年基本完成", "第二十五章", "milestone", 2017, "t2_poverty_exit"),
        ("2018年全面“扫尾”", "第二十五章", "milestone", 2018, "t2_poverty_exit"),
        ("完成农村光纤“村村通”", "第四章第一节", "full_coverage", 2020, ""),
        ("全部纳入农村低保范围，实现应保尽保", "第二十五章第二节", "full_coverage", 2017, ""),
        ("基本消除农村危房", "第十二章第四节", "elimination", 2020, ""),
        ("确保困难家庭至少有一个人就业", "第二十七章第二节", "full_coverage", 2020, ""),
    ],
)
def test_targets_without_a_numeral_are_recorded(raw, place, target_type, year, indicator_id):
    targets = data.load_text_targets()
    hits = targets[(targets.raw == raw) & ((targets.chapter + targets.section) == place)]
    assert len(hits) >= 1, raw
    row = hits.iloc[0]
    assert (row.target_type, row.year, row.indicator_id) == (target_type, year, indicator_id)


def test_counts_by_type_match_data_readme():
    # data/README.md states these counts; 193 numeric rows were recorded before issue 15, 1 more
    # (专栏7's 配送点) and 6 borderline ones with issue 23 §7.
    targets = data.load_text_targets()
    counts = targets.target_type.value_counts().to_dict()
    assert counts == {
        "number": 194,
        "full_coverage": 20,
        "milestone": 14,
        "elimination": 8,
        "doubling": 3,
        "national_parity": 3,
        "zero_growth": 2,
        "class": 1,
        "direction": 2,
    }
    words = targets[targets.target_type != "number"]
    assert (len(words), int(words.borderline.sum())) == (53, 20)  # 33 clear, 20 borderline
    assert not targets[targets.target_type == "number"].borderline.any()


def test_every_borderline_row_says_why():
    targets = data.load_text_targets()
    borderline = targets[targets.borderline]
    assert borderline.note.str.startswith("边界：").all()


@pytest.mark.parametrize(
    "target_id, indicator_id, value",
    [
        ("tt_118", "t1_solid_waste_use", 84),  # 第十五章第一节 "工业固体废弃物综合利用率达到84%" → 专栏1 row 24
        ("tt_163", "t1_compulsory_retention", 95),  # 第二十六章第一节 "九年义务教育巩固率保持在95%以上" → 专栏1 row 29
    ],
)
def test_missing_links_give_the_table_one_chart_its_2020_target(target_id, indicator_id, value):
    assert data.load_text_targets().set_index("target_id").loc[target_id, "indicator_id"] == indicator_id
    points = trajectory.trajectory(indicator_id)
    target = points[points.line_key == "target"]
    assert list(target.value) == [value]


def test_the_text_restates_exactly_these_table_indicators():
    """Every 专栏1/2 indicator checked for a numeric text target that restates it (issue 15 §2).

    Searched: each indicator's 2020 value next to its name in the body text,
    and each name's key words; only these restate a table indicator.
    """
    targets = data.load_text_targets()
    numbers = targets[(targets.target_type == "number") & (targets.indicator_id != "")]
    assert set(numbers.indicator_id) == {
        "t1_gdp", "t1_gdp_per_capita", "t1_fixed_investment", "t1_retail_sales", "t1_industrial_output",
        "t1_finance_share", "t1_water_intensity_cut", "t1_solid_waste_use", "t1_compulsory_retention",
        "t1_accident_death_rate",
        "t2_gdp_growth", "t2_culture_share", "t2_good_air_days", "t2_forest_cover", "t2_new_urban_jobs",
        "t2_restructuring_investment_share", "t2_rd_share", "t2_labour_productivity", "t2_emerging_industry_share",
        "t2_water_intensity_cut", "t2_services_trade", "t2_fdi", "t2_schooling_years",
    }  # fmt: skip


@pytest.mark.parametrize(
    "indicator_id, printed_raw, qualifier",
    [
        # the printed cell stays as printed; the text's reading is available beside it
        ("t2_gdp_growth", "9", "approx"),  # 第一章第三节 "年均增长9%左右"
        ("t2_restructuring_investment_share", "50", "approx"),  # 第二章第一节 "50%左右"
        ("t2_culture_share", "4", "approx"),  # 第一章第三节 "4%左右"
        ("t2_new_urban_jobs", "【300】", "approx"),  # 第一章第三节 "300万人左右"
        ("t2_services_share", "50左右", "approx"),  # printed so in 专栏2 row 4
        ("t2_forest_cover", "46", "at_least"),  # 第十八章第二节 "保持在46%以上"
        ("t2_fdi", "【500】", "at_least"),  # 第二十四章 "每年保持在100亿美元以上"
        ("t2_new_construction_land", "＜【75000】", "less_than"),
        ("t2_port_external_share", "＞50", "greater_than"),
        ("t2_trade", "10000", "exact"),
    ],
)
def test_effective_qualifier_of_table_two(indicator_id, printed_raw, qualifier):
    observations = data.load_observations().set_index("obs_id")
    target = [o for o in (f"{indicator_id}.2020.target", f"{indicator_id}.2016-2020.target") if o in observations.index][0]
    assert observations.loc[target, "raw"] == printed_raw
    assert milestones.effective_qualifier(indicator_id) == qualifier


@pytest.mark.parametrize(
    "target_id, qualifier",
    [
        ("tt_002", "at_least"),  # "迈上2.5万亿元新台阶": at least
        ("tt_003", "approx"),  # "7.5万元左右"
        ("tt_031", "greater_than"),  # "金融业增加值占地区生产总值比重超过10%"
        ("tt_193", "at_most"),  # "0.05人/亿元以下"
    ],
)
def test_text_qualifiers(target_id, qualifier):
    assert data.load_text_targets().set_index("target_id").loc[target_id, "qualifier"] == qualifier


@pytest.mark.parametrize(
    "indicator_id, raw, qualifier, years",
    [
        # 第二十四章第二节 "实际利用外资每年保持在100亿美元以上"; 第二十七章 "每年新增就业稳定在60万人左右"
        ("t2_fdi", "100亿美元以上", "at_least", (2016, 2017, 2018, 2019, 2020)),
        ("t2_new_urban_jobs", "60万人左右", "approx", (2016, 2017, 2018, 2019, 2020)),
        ("t2_trade", None, None, None),
    ],
)
def test_yearly_floors_hold_every_year(indicator_id, raw, qualifier, years):
    floors = milestones.yearly_floors(indicator_id)
    if raw is None:
        assert floors == ()
        return
    (floor,) = floors
    assert (floor.raw, floor.qualifier, floor.years) == (raw, qualifier, years)


@pytest.mark.parametrize(
    "target_id, year",
    [
        # 第二十五章 opens "确保脱贫攻坚任务2017年基本完成、2018年全面“扫尾”"
        ("tt_155", 2017),  # 25万建卡贫困人口易地扶贫搬迁
        ("tt_156", 2017),  # 50万户农村危旧房改造
        ("tt_151", 2017),  # "到2017年，完成贫困村通畅道路硬化工程3500公里" (stated)
    ],
)
def test_poverty_chapter_targets_take_the_chapters_years(target_id, year):
    assert data.load_text_targets().set_index("target_id").loc[target_id, "year"] == year


@pytest.mark.parametrize(
    "indicator_id, base_value, level, comparable",
    [
        # 专栏1 row 1: 2010 GDP 7926 亿元 × 2 = 15852 亿元 by 2017 (current prices)
        ("t1_gdp", 7926, 15852, True),
        # 专栏1 rows 26–27: 17532 and 5277 元 are 旧口径, the 2015 figures 新口径 (备注3)
        ("t1_urban_income", 17532, 35064, False),
        ("t1_rural_income", 5277, 10554, False),
    ],
)
def test_doubling_milestones_from_the_printed_2010_levels(indicator_id, base_value, level, comparable):
    (doubling,) = milestones.doublings(indicator_id)
    assert (doubling.year, doubling.base_year, doubling.factor) == (2017, 2010, 2)
    assert (doubling.base_value, doubling.level, doubling.comparable) == (base_value, level, comparable)
    assert doubling.price_basis == "current" and "当年价" in doubling.caveat


@pytest.mark.parametrize(
    "target_id, restated_by",
    [
        # 三甲医院 40: 第三十章第二节 "40个" and 专栏20 "40所" — one target, linked
        ("tt_169", "tt_189"),
    ],
)
def test_a_target_printed_twice_is_linked(target_id, restated_by):
    assert data.load_text_targets().set_index("target_id").loc[restated_by, "restates"] == target_id
    targets = data.load_text_targets()
    assert targets.set_index("target_id").loc[target_id, "value"] == targets.set_index("target_id").loc[restated_by, "value"]


def test_forest_cover_46_and_46_or_more_are_one_target():
    # 第一章第三节 "稳步提高至46%" (exact) and 第十八章第二节 "保持在46%以上" (at least)
    targets = data.load_text_targets()
    rows = targets[targets.indicator_id == "t2_forest_cover"].set_index("target_id")
    assert rows.qualifier.to_dict() == {"tt_006": "exact", "tt_121": "at_least"}
    assert milestones.effective_qualifier("t2_forest_cover") == "at_least"


@pytest.mark.parametrize(
    "indicator_id, has_caveat",
    [
        ("t1_basic_farmland", True),  # 专栏1 row 23 sub-row: "在规划控制目标内"
        ("t1_cultivated_land", True),  # 专栏1 row 23: "在规划控制目标内"
        ("t1_forest_cover", False),  # "五年提高8个百分点"
    ],
)
def test_a_change_within_a_control_target_is_not_a_trend(indicator_id, has_caveat):
    assert bool(milestones.carry_forward_caveat(indicator_id)) == has_caveat


@pytest.mark.parametrize(
    "year, year_basis, years",
    [(2020, "each_year", (2016, 2017, 2018, 2019, 2020)), (2017, "chapter", (2017,)), (2020, "stated", (2020,))],
)
def test_years_covered(year, year_basis, years):
    assert milestones.years_covered(year, year_basis) == years


# issue 23 §4: 翻一番 read at comparable prices, from the published real growth; current prices only as an aside.
@pytest.mark.parametrize(
    "indicator_id, sentence, real_growth, real_index, needed",
    [
        # 第一章第三节 “到2017年…地区生产总值…比2010年翻一番”; 专栏1 row 1: 2011–2015 real growth 12.8 %/年:
        # 1.128^5 = 1.826188 by 2015; (2 / 1.826188)^(1/2) − 1 = 4.6507 %/年 over 2016–2017.
        ("t1_gdp", "比2010年翻一番", 12.8, 1.826188, 4.6507),
        # The incomes' 11.2 and 14.3 %/年 name no price basis (专栏1 备注): no comparable-price reading.
        ("t1_urban_income", "比2010年翻一番", None, None, None),
        ("t1_rural_income", "比2010年翻一番", None, None, None),
    ],
)
def test_doubling_is_read_at_comparable_prices(indicator_id, sentence, real_growth, real_index, needed):
    from lib.engine.trajectory_marks import milestone_label, milestone_words
    from lib.plan.milestones import doublings

    (mark,) = doublings(indicator_id)
    texts = data.load_text_targets().set_index("target_id")
    assert sentence in texts.loc[mark.target_id, "sentence"]
    assert (mark.year, mark.base_year, mark.factor) == (2017, 2010, 2)
    if real_growth is None:
        assert mark.real_index is None and "可比价：" not in milestone_words(mark)
        return
    assert mark.real_growth == real_growth
    assert mark.real_index == pytest.approx(real_index, abs=1e-6)
    assert mark.real_pace_needed == pytest.approx(needed, abs=1e-4)
    words = milestone_words(mark)
    # the comparable-price reading comes first; 2 × 7926 = 15852 at current prices is the labelled aside
    assert words.index("按可比价") < words.index("现价读法（参考）：不低于15852亿元")
    assert "2015年为2010年的1.826倍" in words and "约4.65%" in words
    assert milestone_label(mark) == "2017年翻一番·现价读法（参考） ≥15852"


# issue 23 §7: the targets the audit found missing, each at its place, and tt_155's unit.
@pytest.mark.parametrize(
    "raw, place, target_type, year, borderline",
    [
        ("1―2个配送点", "第六章第一节", "number", 2020, False),  # 专栏7 “各区县（自治县）形成服务本行政区域的1―2个配送点”
        ("实现公共交通出行“零换乘”", "第十一章第二节", "elimination", 2020, True),
        ("基本解决部分区域工程性缺水问题", "第十一章第四节", "elimination", 2020, True),
        ("解决贫困人口饮水问题", "第二十五章第一节", "elimination", 2017, True),  # 第二十五章's 2017
        ("建成生态文明城市", "第一章第三节", "milestone", 2020, True),
        ("初步实现基本公共服务均等化", "第一章第三节", "milestone", 2020, True),
        ("物价保持基本稳定", "第一章第三节", "direction", 2020, True),
    ],
)
def test_the_missing_targets_are_recorded(raw, place, target_type, year, borderline):
    from lib.plan import plan_text

    targets = data.load_text_targets()
    (row,) = targets[targets.raw == raw].itertuples()
    assert (row.chapter + row.section, row.target_type, row.year, bool(row.borderline)) == (place, target_type, year, borderline)
    where = plan_text.box(row.box).text if row.box else plan_text.passage(row.chapter, row.section)
    assert row.sentence in where and raw in row.sentence


def test_relocation_counts_people():
    # 第二十五章第一节 “实施25万建卡贫困人口易地扶贫搬迁”: 25万 people
    by_id = data.load_text_targets().set_index("target_id")
    assert (by_id.loc["tt_155", "value"], by_id.loc["tt_155", "unit"]) == (25, "万人")


@pytest.mark.parametrize("indicator_id", ["t1_schooling_years", "t2_schooling_years"])
def test_the_schooling_definition_claims_no_age_range_it_cannot_source(indicator_id):
    # issue 23 §7: the plan says 主要劳动年龄人口 and gives no ages; 16—59 is the “十四五” 劳动年龄人口's range
    # and the national outline is said to use 20—59 for 主要劳动年龄人口, which no stored copy here quotes.
    definition = data.load_definitions().set_index("indicator_id").loc[indicator_id, "definition"]
    assert "16—59" not in definition and "20—59" not in definition
    assert definition.startswith("主要劳动年龄人口平均接受学历教育的年数")
