"""Every figure in data/ is proven against the plan text, at its place in the plan."""

import math
import re

import pytest

from helpers import data_ids, row_of
from lib.plan import data, milestones, plan_text

# Column of each printed value in the rows that lib.plan.plan_text.table_rows returns.
# 专栏1: 序号 | 指标名称 | 2010年 | 2015年 | “十二五”年均 | 指标属性
# 专栏2: 序号 | 指标名称 | 指标属性 | 2015年 | 2020年
ATTRIBUTE_COLUMN = {1: 5, 2: 2}


def value_column(table_no: int, role: str, period: str) -> int:
    if table_no == 1:
        if role == "published_growth":
            return 4
        return 2 if period.endswith("2010") else 3
    return 3 if role == "actual" else 4


def printed_rows(table_no: int) -> list[list[str]]:
    return plan_text.table_rows(f"专栏{table_no}")[1:]


def printed_row(table_no: int, name_printed: str) -> list[str]:
    matches = [cells for cells in printed_rows(table_no) if cells[1] == name_printed]
    assert len(matches) == 1, f"{name_printed} printed {len(matches)} times in 专栏{table_no}"
    return matches[0]


@pytest.mark.parametrize("obs_id", data_ids("observations.csv", "obs_id"))
def test_observation_raw_is_the_printed_cell(obs_id):
    obs = row_of(data.load_observations(), "obs_id", obs_id)
    indicator = data.load_indicators().set_index("indicator_id").loc[obs.indicator_id]
    cells = printed_row(indicator.table_no, indicator.name_printed)
    assert cells[value_column(indicator.table_no, obs.role, obs.period)] == obs.raw


def test_every_printed_value_cell_has_one_observation():
    for table_no, value_columns in ((1, (2, 3, 4)), (2, (3, 4))):
        indicators = data.load_indicators()
        rows = indicators[(indicators.table_no == table_no) & (indicators.kind != "group")]
        observations = data.load_observations()
        assert len(observations[observations.indicator_id.isin(rows.indicator_id)]) == len(rows) * len(value_columns)


@pytest.mark.parametrize("table_no, numbered, sub_rows", [(1, 34, 7), (2, 28, 15)])
def test_row_counts_match_the_plan(table_no, numbered, sub_rows):
    # 专栏1: 34 numbered rows; sub-rows under 9 (2), 22 (4) and 23 (1).
    # 专栏2: 28 numbered rows; sub-rows under 5 (4), 12 (2), 14 (2), 15 (4) and 23 (3).
    indicators = data.load_indicators()
    table = indicators[indicators.table_no == table_no]
    assert (table.number != "").sum() == numbered
    assert (table.number == "").sum() == sub_rows
    printed = [c for c in printed_rows(table_no) if not re.fullmatch(r"[一二三四五]", c[0])]
    assert len(printed) == numbered + sub_rows


@pytest.mark.parametrize("table_no", [1, 2])
def test_indicators_follow_the_printed_order_numbering_and_attribute(table_no):
    indicators = data.load_indicators()
    table = indicators[indicators.table_no == table_no].sort_values("position")
    printed = [c for c in printed_rows(table_no) if not re.fullmatch(r"[一二三四五]", c[0])]
    assert list(table.name_printed) == [c[1] for c in printed]
    assert list(table.number) == [c[0] for c in printed]
    for (_, row), cells in zip(table.iterrows(), printed):
        attribute = cells[ATTRIBUTE_COLUMN[table_no]] if len(cells) > ATTRIBUTE_COLUMN[table_no] else ""
        assert row.attribute == attribute.strip(), row.indicator_id
        assert row.name_printed.startswith(row.name_zh)
        if row.unit:
            assert row.name_printed.endswith(f"（{row.unit}）")


def test_sub_rows_follow_their_parent():
    for table_no in (1, 2):
        indicators = data.load_indicators()
        table = indicators[indicators.table_no == table_no].sort_values("position")
        current_numbered = None
        for row in table.itertuples():
            if row.number:
                current_numbered = row.indicator_id
            else:
                assert row.parent_id == current_numbered, row.indicator_id


def test_pillars_follow_the_printed_group_headings():
    # 专栏2 prints "一\t创新发展" … "五\t共享发展" before each group; rows 1–2 stand before them.
    pillar = "总体"
    expected = {}
    for cells in printed_rows(2):
        if re.fullmatch(r"[一二三四五]", cells[0]):
            pillar = cells[1]
            continue
        expected[cells[1]] = pillar
    indicators = data.load_indicators()
    table = indicators[indicators.table_no == 2]
    assert dict(zip(table.name_printed, table.pillar)) == expected


def test_notes_are_printed_under_their_table():
    notes = data.load_notes()
    for note in notes.itertuples():
        printed = plan_text.box(f"专栏{note.table_no}").notes
        # The 备注 line numbers its notes "1．", "2．" … (专栏1 note 6 uses "6. ").
        assert re.search(rf"{note.note_no}[．.]\s*" + re.escape(note.text) + "[；。]", printed), note.note_id


def test_basis_change_note_lists_exactly_the_rows_marked_with_a_basis():
    # 专栏1 备注3 names six rows whose 2015 figure is on a new basis.
    note = data.load_notes().set_index("note_id").loc["t1.n3", "text"]
    observations = data.load_observations()
    marked = observations[(observations.basis != "") & observations.indicator_id.str.startswith("t1")]
    names = data.load_indicators().set_index("indicator_id").loc[marked.indicator_id.unique(), "name_zh"]
    # The note says 战略性新兴产业"增加值"比重 while the row prints "产值占工业总产值比重":
    # the same row, named loosely in the note.
    aliases = {"战略性新兴产业产值占工业总产值比重": "战略性新兴产业增加值比重"}
    for name in names:
        assert aliases.get(name, name) in note
    assert len(names) == 6


def test_five_year_totals_are_exactly_the_bracketed_cells():
    bracketed = data.load_observations().raw.str.contains("【")
    assert (bracketed == data.load_observations().five_year_total).all()
    # Totals carry the period they sum over, never a single year.
    assert data.load_observations()[bracketed].period.str.contains("-").all()


def test_2015_values_agree_between_the_two_tables():
    # 专栏2's 2015 column restates 专栏1's 2015 column where both print the indicator.
    by_id = data.load_observations().set_index("obs_id")
    indicators = data.load_indicators()
    for row in indicators[indicators.previous_id != ""].itertuples():
        new = by_id.loc[f"{row.indicator_id}.2015.actual"]
        if new.qualifier == "not_applicable":
            continue
        old = by_id.loc[f"{row.previous_id}.2015.actual"]
        assert old.value == new.value, row.indicator_id


# Spot checks typed by hand from the plan, independent of the extraction.
@pytest.mark.parametrize(
    "obs_id, value",
    [
        ("t1_gdp.2010.actual", 7926),  # 专栏1 row 1
        ("t1_gdp.2015.actual", 15720),  # 专栏1 row 1
        ("t1_gdp.2011-2015.published_growth", 12.8),  # 专栏1 row 1, and 第一章第一节 "年均增长12.8%"
        ("t1_gdp_per_capita.2015.actual", 52330),  # 专栏1 row 2
        ("t1_fixed_investment.2011-2015.actual", 56975),  # 专栏1 row 4, 【56975】
        ("t1_nonagri_hukou_share.2010.actual", 33.5),  # 专栏1 row 9, (旧口径)
        ("t1_cod_cut.2011-2015.actual", 10.66),  # 专栏1 row 22
        ("t2_gdp_growth.2016-2020.target", 9),  # 专栏2 row 1
        ("t2_services_share.2020.target", 50),  # 专栏2 row 4, 50左右
        ("t2_urban_rural_income_ratio.2015.actual", 2.6),  # 专栏2 row 10, 2.6∶1
        ("t2_new_construction_land.2016-2020.target", 75000),  # 专栏2 row 19, ＜【75000】
        ("t2_trade.2015.actual", 4644),  # 专栏2 row 20 (亿元, while 专栏1 row 6 is in 亿美元)
        ("t2_poverty_exit.2016-2020.target", 70.6),  # 专栏2 row 24
    ],
)
def test_spot_values(obs_id, value):
    assert data.load_observations().set_index("obs_id").loc[obs_id, "value"] == value


@pytest.mark.parametrize(
    "indicator_id, basis",
    [
        ("t1_industrial_output", "nominal"),
        ("t1_retail_sales", "nominal"),
        ("t1_trade", "nominal"),
        ("t1_gdp", "real"),
        ("t1_gdp_per_capita", "real"),
    ],
)
def test_published_growth_price_basis_is_what_the_levels_imply(indicator_id, basis):
    """Nominal rates match the current-price levels; real ones fall clearly short of them.

    GDP: 7926 → 15720 implies (15720/7926)^(1/5) − 1 = 14.7 % a year at current
    prices, against 12.8 % printed: the printed rate is real growth.
    """
    by_id = data.load_observations().set_index("obs_id")
    start = by_id.loc[f"{indicator_id}.2010.actual", "value"]
    end = by_id.loc[f"{indicator_id}.2015.actual", "value"]
    published = by_id.loc[f"{indicator_id}.2011-2015.published_growth"]
    implied = ((end / start) ** (1 / 5) - 1) * 100
    assert published.price_basis == basis
    if basis == "nominal":
        assert abs(implied - published.value) < 0.15
    else:
        assert implied - published.value > 1.5


def test_investment_is_printed_in_box_3_and_adds_up_to_the_text():
    investment = data.load_investment()
    rows = {cells[0]: cells for cells in plan_text.table_rows("专栏3")[1:]}
    for row in investment.itertuples():
        cells = rows[row.field_zh]
        assert [cells[1], cells[2], cells[3]] == [row.content, row.plan_amount_raw, row.reserve_amount_raw]
    # 第二章第一节: "累计完成全社会固定资产投资9万亿元" = 45000 + 22500 + 22500 亿元
    assert "累计完成全社会固定资产投资9万亿元" in plan_text.passage("第二章", "第一节")
    assert investment.plan_amount.sum() == 90000
    # … and "产业结构调整投资比重提升至50%左右": 45000 / 90000 = 50 %
    assert investment.set_index("field_id").loc["industry", "plan_amount"] / 90000 == 0.5


def test_text_targets_are_printed_in_their_chapter_and_section():
    for row in data.load_text_targets().itertuples():
        where = plan_text.box(row.box).text if row.box else plan_text.passage(row.chapter, row.section)
        assert row.sentence in where, row.target_id
        assert row.raw in row.sentence, row.target_id
        if row.box:
            box = plan_text.box(row.box)
            assert (box.chapter, box.section) == (row.chapter, row.section), row.target_id


def test_text_targets_cover_the_headline_examples():
    # The figures the brief lists; each must be found with its value.
    expected = [
        ("2.5万亿元", 2.5),
        ("7.5万元左右", 7.5),
        ("4万亿元", 4),
        ("415公里", 415),
        ("3500公里", 3500),
        ("5000万人次", 5000),
        ("2.2亿吨", 2.2),
        ("500万标箱", 500),
        ("300亿立方米", 300),
        ("46%", 46),
    ]
    for raw, value in expected:
        targets = data.load_text_targets()
        hits = targets[targets.raw.str.contains(re.escape(raw))]
        assert len(hits) >= 1, raw
        assert any(math.isclose(v, value) for v in hits.value), raw
    assert len(data.load_text_targets()) > 100


@pytest.mark.parametrize(
    "target_id, indicator_id, value_in_table_unit",
    [
        # 第一章第三节: 2.5万亿元 = 25000亿元, the unit of 专栏1 row 1
        ("tt_002", "t1_gdp", 25000),
        # 第一章第三节: 7.5万元左右 = 75000元 (专栏1 row 2)
        ("tt_003", "t1_gdp_per_capita", 75000),
        # 第二章第一节: 累计 9万亿元 = 90000亿元, the sum of 专栏3
        ("tt_008", "t1_fixed_investment", 90000),
        # 第五章: 工业总产值 4万亿元 = 40000亿元 (专栏1 row 3)
        ("tt_024", "t1_industrial_output", 40000),
    ],
)
def test_text_targets_linked_to_table_one_convert_to_its_unit(target_id, indicator_id, value_in_table_unit):
    from lib.engine.trajectory import convert

    target = data.load_text_targets().set_index("target_id").loc[target_id]
    unit = data.load_indicators().set_index("indicator_id").loc[indicator_id, "unit"]
    assert target.indicator_id == indicator_id
    assert convert(target.value, target.unit, unit) == value_in_table_unit


def test_linked_text_targets_agree_with_the_tables():
    """Where the text restates a 专栏2 target in numbers, the numbers are the same.

    A yearly floor (year_basis each_year) restates a five-year total per year:
    第二十四章 "实际利用外资每年保持在100亿美元以上" (专栏2 【500】) and
    第二十七章 "每年新增就业稳定在60万人左右" (专栏2 【300】).
    """
    by_id = data.load_observations().set_index("obs_id")
    targets = data.load_text_targets()
    numbers = targets[targets.indicator_id.str.startswith("t2_") & (targets.target_type == "number")]
    assert len(numbers) >= 10
    for row in numbers.itertuples():
        targets = [i for i in (f"{row.indicator_id}.2020.target", f"{row.indicator_id}.2016-2020.target") if i in by_id.index]
        table_value = by_id.loc[targets[0], "value"]
        years = len(milestones.years_covered(row.year, row.year_basis))
        assert math.isclose(row.value * years, table_value), row.target_id


def test_the_yearly_floors_are_the_two_the_text_sets():
    targets = data.load_text_targets()
    floors = targets[targets.year_basis == "each_year"]
    assert dict(zip(floors.target_id, floors.indicator_id)) == {"tt_150": "t2_fdi", "tt_167": "t2_new_urban_jobs"}


def test_chapter_years_come_from_the_chapters_opening():
    # 第二十五章 opens "确保脱贫攻坚任务2017年基本完成、2018年全面“扫尾”": its targets
    # that name no year of their own take 2017 (tt_157/158 share a sentence with
    # "到2017年，完成300个行政村…", which names the year for that clause only).
    targets = data.load_text_targets()
    rows = targets[targets.year_basis == "chapter"]
    assert set(rows.chapter) == {"第二十五章"}
    assert {"tt_155", "tt_156"} <= set(rows.target_id)  # 25万人易地扶贫搬迁, 50万户危旧房改造
    for row in rows.itertuples():
        opening = [ln.text for ln in plan_text.plan_lines() if ln.chapter == row.chapter and not ln.section]
        assert any(f"{row.year}年基本完成" in text for text in opening), row.target_id


def test_table_directions_that_rest_on_a_sentence():
    # 人口自然增长率 (专栏1 row 16): neither higher nor lower is better; the plan
    # asks for "促进人口适度增长" (第三十一章).
    direction = data.load_indicators().set_index("indicator_id").loc["t1_natural_pop_growth", "direction"]
    targets = data.load_text_targets()
    said = targets[(targets.target_type == "direction") & (targets.indicator_id == "t1_natural_pop_growth")]
    assert direction == "moderate"
    assert len(said) == 1 and "适度增长" in said.sentence.iloc[0]
    assert said.sentence.iloc[0] in plan_text.passage("第三十一章")


def test_growth_targets_carry_their_price_basis():
    # 专栏2 row 1: GDP growth 9 is real growth like the 12.8 % it follows (第一章第一节);
    # row 2 (income growth) does not say.
    by_id = data.load_observations().set_index("obs_id")
    assert by_id.loc["t2_gdp_growth.2016-2020.target", "price_basis"] == "real"
    assert by_id.loc["t2_income_growth.2016-2020.target", "price_basis"] == "unstated"
