"""lib.views.indicators: the URL → State → View of 指标总览, without Streamlit."""

import pytest

from lib.plan import data
from lib.views import indicators as page
from lib.views.indicators import State
from lib.views.indicators import row_detail as indicator_detail
from lib.views.query import Notice

GREEN = ("绿色发展",)


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, State()),
        ({"table": ["1"]}, State(table=1)),
        ({"table": ["2"]}, State()),
        # The labels today's links carry, old and new.
        ({"table": ["专栏1 “十二五”（2010→2015）"]}, State(table=1)),
        ({"table": ["专栏2 “十三五”（2015→2020）"]}, State()),
        ({"table": ["专栏1 “十二五”"]}, State(table=1)),
        ({"pillar": ["绿色发展"]}, State(pillar=GREEN)),
        # Kept in the order of the plan's groups, each once.
        ({"pillar": ["开放发展", "绿色发展", "开放发展"]}, State(pillar=("绿色发展", "开放发展"))),
        ({"attribute": ["约束性"]}, State(attribute=("约束性",))),
        ({"kind": ["total"]}, State(kind=("total",))),
        ({"kind": ["五年累计（【】）", "share"]}, State(kind=("share", "total"))),  # a label from an older link
        ({"q": ["森林"]}, State(q="森林")),
        ({"row": ["t2_forest_cover"]}, State(row="t2_forest_cover")),
        ({"columns": ["compact"]}, State(columns="compact")),
    ],
)
def test_parse_reads_good_and_legacy_values(query, expected):
    assert page.parse(query) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"table": ["专栏9"]}, State(notices=(Notice("table", "专栏9"),))),
        ({"table": ["１"]}, State(notices=(Notice("table", "１"),))),  # full-width digit
        ({"table": ["1", "2"]}, State(table=1, notices=(Notice("table", "2"),))),  # repeated: the first counts
        ({"pillar": ["绿色发展", "<b>x</b>"]}, State(pillar=GREEN, notices=(Notice("pillar", "<b>x</b>"),))),
        ({"kind": ["group"]}, State(notices=(Notice("kind", "group"),))),  # headings are not a kind to filter by
        ({"q": ["x" * 61]}, State(notices=(Notice("q", "x" * 61),))),
        ({"row": ["t9_nothing"]}, State(notices=(Notice("row", "t9_nothing"),))),
        ({"row": ["t2_forest_cover", "t2_gdp_growth"]}, State(row="t2_forest_cover", notices=(Notice("row", "t2_gdp_growth"),))),
        ({"columns": ["wide"]}, State(notices=(Notice("columns", "wide"),))),
        ({"sort": ["x"]}, State(notices=(Notice("sort", "x"),))),
    ],
)
def test_parse_refuses_hostile_values_with_a_notice(query, expected):
    assert page.parse(query) == expected


@pytest.mark.parametrize(
    "state, query",
    [
        (State(), {}),
        (State(table=1), {"table": ["1"]}),
        (State(kind=("share", "total")), {"kind": ["share", "total"]}),
        (
            State(pillar=GREEN, q="森林", row="t2_forest_cover", columns="compact"),
            {"pillar": ["绿色发展"], "q": ["森林"], "row": ["t2_forest_cover"], "columns": ["compact"]},
        ),
        (State(attribute=("预期性", "约束性")), {"attribute": ["预期性", "约束性"]}),
    ],
)
def test_to_query_is_the_shortest_link_and_round_trips(state, query):
    assert page.to_query(state) == query
    assert page.parse(page.to_query(state)) == state


@pytest.mark.parametrize(
    "state, counts, first_ids",
    [
        # 专栏2 has 43 rows (28 numbered, 15 sub-rows); 专栏1 41 (34 numbered, 7 sub-rows): data/indicators.csv
        (State(), "显示 43 / 43 行", ("t2_gdp_growth", "t2_income_growth")),
        (State(table=1), "显示 41 / 41 行", ("t1_gdp", "t1_gdp_per_capita")),
        # 绿色发展: 专栏2 rows 12 (+2 sub-rows), 13, 14 (+2), 15 (+4), 16, 17, 18, 19 = 16
        (State(pillar=GREEN), "显示 16 / 43 行", ("t2_forest_growth", "t2_forest_cover")),
        # 森林: 森林增长, 森林覆盖率, 森林蓄积量
        (State(q="森林"), "显示 3 / 43 行", ("t2_forest_growth", "t2_forest_cover", "t2_forest_stock")),
        # five-year totals in 专栏1: rows 4, 7, 8 and 31
        (State(table=1, kind=("total",)), "显示 4 / 41 行", ("t1_fixed_investment", "t1_domestic_capital")),
        # 专栏1 has no 五大发展 groups, so a pillar in the link filters nothing there
        (State(table=1, pillar=GREEN), "显示 41 / 41 行", ("t1_gdp",)),
    ],
)
def test_build_filters_rows(state, counts, first_ids):
    view = page.build(state)
    assert view.counts == counts
    assert view.row_ids[: len(first_ids)] == first_ids
    assert len(view.rows) == len(view.row_ids)


@pytest.mark.parametrize(
    "state, column, row, expected",
    [
        # Values as printed (专栏2 rows 4, 19, 20): 左右, ＜ and 【】 kept
        (State(), "2020年", "t2_services_share", "50左右"),
        (State(), "2020年", "t2_new_construction_land", "＜【75000】"),
        (State(), "2020年", "t2_port_external_share", "＞50"),
        # 45 → 46 over five years: (46 − 45)/5 = 0.2 个百分点 a year
        (State(), "所需速度", "t2_forest_cover", "年均 +0.2 个百分点"),
        # 专栏1 row 25, 五年提高8个百分点: 8/5 = 1.6 a year; ratio 1.6/0.2 = 800 %
        (State(), "以往÷所需", "t2_forest_cover", 800),
        (State(), "难度", "t2_forest_cover", "●\u00a0以往速度已足够"),
        # 专栏2 row 3 has no counterpart in 专栏1; row 6 changed 口径 (专栏1 row 12, 备注3)
        (State(), "难度", "t2_restructuring_investment_share", "○\u00a0无法比较：专栏1无此指标"),
        (State(), "难度", "t2_emerging_industry_share", "○\u00a0无法比较：统计口径改变"),
        (State(), "以往÷所需", "t2_restructuring_investment_share", None),
        (State(table=1), "2010年", "t1_nonagri_hukou_share", "33.5（旧口径）"),
        (State(columns="compact"), "指标", "t2_forest_cover", "森林覆盖率"),  # no indent in the narrow column
        # The narrow 难度 column is the badge alone; the reason is in the row's detail.
        (State(columns="compact"), "难度", "t2_restructuring_investment_share", "○无法比较"),
        # 2020 verdicts (data/outcomes.csv, lib.engine.verdicts.verdict): 统计公报 52.8 against 50左右 (±0.5 points);
        # 政府工作报告 五年年均7.2% against 9%左右; 2.11 against 2.2; Ⅱ类 against Ⅲ类; 333天 (全市) against 主城区 %.
        (State(), "2020年结果", "t2_services_share", "达到"),
        (State(), "2020年结果", "t2_gdp_growth", "未达到"),
        (State(), "2020年结果", "t2_rd_share", "未达到"),
        (State(), "2020年结果", "t2_yangtze_water", "达到"),
        (State(), "2020年结果", "t2_good_air_days", "口径不同"),
        (State(), "2020年结果", "t2_forest_cover", "未找到官方数字"),
        (State(), "2020年结果", "t2_new_construction_land", "未找到官方数字"),
        # issue 23 §2: “动态识别的190.6万农村贫困人口全部脱贫” covers the plan's 【70.6】
        (State(columns="compact"), "2020年结果", "t2_poverty_exit", "达到"),
        # A ceiling (＜【75000】, 专栏2 row 19) is "at most" a five-year sum, never a required 年均 amount.
        (State(), "所需速度", "t2_new_construction_land", "五年累计不超过 75000 公顷（上限）"),
        # Required rates carry their price basis: 专栏2's 9 is real growth, 9%左右 in 第一章第三节.
        (State(), "所需速度", "t2_gdp_growth", "年均约 9%（实际）"),
    ],
)
def test_build_cells(state, column, row, expected):
    view = page.build(state)
    names = [c.name for c in view.columns]
    assert view.rows[view.row_ids.index(row)][names.index(column)] == expected


@pytest.mark.parametrize(
    "state, names",
    [
        (State(), ["序号", "指标", "单位", "属性", "2015年", "2020年", "所需速度", "以往速度", "以往÷所需", "难度", "2020年结果"]),
        # On a phone 专栏2 keeps the target, its 2020 verdict and the difficulty badge.
        (State(columns="compact"), ["指标", "2020年", "2020年结果", "难度"]),
        (State(table=1, columns="compact"), ["指标", "2015年", "2011—2015年速度"]),
    ],
)
def test_column_sets(state, names):
    view = page.build(state)
    assert [c.name for c in view.columns] == names
    assert view.row_height == (page.COMPACT_ROW_HEIGHT if state.columns == "compact" else None)


def test_every_cannot_assess_row_says_why():
    view = page.build(State())
    difficulty = [c.name for c in view.columns].index("难度")
    cannot = [row[difficulty] for row in view.rows if "无法比较" in str(row[difficulty])]
    assert cannot and all(cell.split("：", 1)[1] for cell in cannot)


@pytest.mark.parametrize(
    "state, title, source, printed",
    [
        # 专栏2 row 12 森林增长, sub-row 森林覆盖率: 45 (2015) → 46 (2020)
        (
            State(row="t2_forest_cover"),
            "森林覆盖率",
            "出处：第一章“指导思想和发展目标” 第三节“发展目标”，专栏2《“十三五”经济社会发展主要指标表》第12行“森林增长”下的分项",
            "原表本行：指标属性：约束性　2015年：45　2020年：46",
        ),
        # 专栏1 row 1: 7926 (2010), 15720 (2015), 12.8 年均
        (
            State(table=1, row="t1_gdp"),
            "地区生产总值",
            "出处：第一章“指导思想和发展目标” 第一节“发展环境”，专栏1《“十二五”规划主要发展指标进展情况表》第1行",
            "原表本行：2010年：7926　2015年：15720　“十二五”年均（%）：12.8　指标属性：预期性",
        ),
    ],
)
def test_build_detail(state, title, source, printed):
    view = page.build(state)
    assert view.row_ids[view.selected] == state.row
    assert (view.detail.title, view.detail.source, view.detail.printed) == (title, source, printed)
    assert view.detail_missing == ""


def test_detail_of_a_row_that_cannot_be_compared_gives_the_reason():
    detail = page.build(State(row="t2_emerging_industry_share")).detail
    # 专栏1 row 12: 11（旧口径） in 2010, 18.5（新口径） in 2015
    assert any("2010年为旧口径，2015年为新口径" in line for line in detail.pace_lines)
    assert "备注6：2015年最终数据以市统计局发布为准" in detail.notes


@pytest.mark.parametrize("state", [State(row="t2_forest_cover", q="收入"), State(row="t2_forest_cover", table=1)])
def test_a_row_filtered_out_shows_no_detail_and_says_so(state):
    view = page.build(state)
    assert view.selected is None and view.detail is None
    assert view.detail_missing == "所选指标：森林覆盖率"


def test_grid_key_changes_with_the_rows_not_with_the_selection():
    assert page.build(State()).grid_key == page.build(State(row="t2_forest_cover")).grid_key
    assert page.build(State()).grid_key != page.build(State(q="森林")).grid_key


def test_the_detail_gives_the_definition_where_one_is_written():
    assert page.build(State(row="t2_forest_cover")).detail.definition == "定义：森林面积占土地总面积的百分比。（依据：统计通用定义）"
    # 专栏2 row 23's sub-rows have no definition written (their exact scope is not given in the plan)
    assert page.build(State(row="t2_port_external_share")).detail.definition == ""


def test_definitions_name_only_indicators_with_values(tmp_path):
    from lib.plan.validation import DataFileError

    definitions = data.load_definitions()
    assert len(definitions) == 71  # 84 rows less 7 headings = 77 with values; 6 of them left undefined
    damaged = tmp_path / "definitions.csv"
    damaged.write_text(data.PATHS["definitions"].read_text(encoding="utf-8") + "t2_forest_growth,x,y\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 73: column 'indicator_id' names 't2_forest_growth'"):
        data.read_definitions(damaged)


@pytest.mark.parametrize(
    "row, lines",
    [
        # data/outcomes.csv o_services_share: 统计公报 "三次产业结构比为7.2:40.0:52.8", reprinted on sx-sn.com
        (
            "t2_services_share",
            [
                "2020年结果：达到：2020年52.8%，目标50%左右（容差±0.5个百分点）。",
                "来源：重庆市统计局、国家统计局重庆调查总队《2020年重庆市国民经济和社会发展统计公报》，2021-03-18（其他网站转载）",
                "原句：“三次产业结构比为7.2:40.0:52.8。”",
                "网址：http://sx-sn.com/zwgk/zfxxgkml/sjfb_120853/tjgb/202103/t20210318_9009790.html",
            ],
        ),
        # o_good_air_days: 333天 for the whole city, the plan counts 主城区 in %
        ("t2_good_air_days", ["实际数：333天（全市优良天数（天）；规划指标是主城区优良天数比率（%））"]),
        # no row in data/outcomes.csv for 森林覆盖率: no figure, no source lines
        ("t2_forest_cover", ["2020年结果：未找到官方数字（目标46%）。"]),
    ],
)
def test_the_detail_shows_the_outcome_its_source_quote_and_url(row, lines):
    detail = page.build(State(row=row)).detail
    assert set(lines) <= set(detail.outcome_lines)
    assert detail.outcome_lines[-1] == indicator_detail.RULE_NOTE
    if row == "t2_forest_cover":
        assert not any(line.startswith(("来源：", "网址：")) for line in detail.outcome_lines)


def test_heading_rows_and_table_one_have_no_outcome():
    assert page.build(State(row="t2_forest_growth")).detail.outcome_lines == ()
    assert page.build(State(table=1, row="t1_gdp")).detail.outcome_lines == ()
    assert "2020年结果" not in [c.name for c in page.build(State(table=1)).columns]


@pytest.mark.parametrize(
    "state, line",
    [
        # 专栏2 row 1 prints 9; 第一章第三节 "经济保持年均增长9%左右"
        (State(row="t2_gdp_growth"), "原表印“9”，正文作“9%左右”（第一章第三节）：按约数处理"),
        # 专栏2 row 22 prints 【500】; 第二十四章第二节 "实际利用外资每年保持在100亿美元以上"
        (State(row="t2_fdi"), "原表印“【500】”，正文作“100亿美元以上”（每年，第二十四章第二节）：按下限处理（至少达到）"),
        # 专栏1 row 16, 3.79‰ → 3.86‰: (3.86 − 3.79)/5 = 0.014‰ a year, not 个百分点; 第三十一章 "促进人口适度增长"
        (State(table=1, row="t1_natural_pop_growth"), "2011—2015年速度：年均 +0.014‰（按公布数计算）"),
        (State(table=1, row="t1_natural_pop_growth"), "方向：促进人口适度增长（第三十一章），不以越高或越低为好"),
        # 专栏2 row 20 进出口总额 4644 → 10000 亿元: 16.58% a year; the plan does not say at which prices
        (State(row="t2_trade"), "所需速度（2016—2020）：年均 +16.58%（价格口径未说明）"),
    ],
)
def test_the_detail_reads_the_target_as_the_text_means_it(state, line):
    assert line in page.build(state).detail.pace_lines


@pytest.mark.parametrize("state", [State(row="t2_services_share"), State(table=1, row="t1_forest_cover", columns="compact")])
def test_the_view_is_plain_data(state):
    # The grid's Arrow table is the app's business at draw time (pages/_blocks.arrow_table); the View is JSON as it is.
    import dataclasses
    import json

    view = page.build(state)
    assert not hasattr(view, "grid")
    assert json.loads(json.dumps(dataclasses.asdict(view), ensure_ascii=False))["row_ids"] == list(view.row_ids)


def test_the_detail_links_are_targets_its_pages_read():
    from lib.views import plan_reader, trajectories

    detail = page.build(State(table=1, row="t1_forest_cover")).detail
    # 专栏1 row 25 continues as 专栏2 row 12 (data/indicators.csv previous_id): drawn on that series
    assert trajectories.parse(detail.trajectory.target.params()) == trajectories.State("t2_forest_cover")
    assert plan_reader.parse(detail.reader.target.params()) == plan_reader.State(chapter="第一章", section="第一节")
    heading = page.build(State(row="t2_forest_growth")).detail
    assert heading.trajectory is None
    assert [link.label for link in heading.children] == ["森林覆盖率", "森林蓄积量"]  # 专栏2 row 12's sub-rows
    assert [page.parse(link.target.params()).row for link in heading.children] == ["t2_forest_cover", "t2_forest_stock"]
