"""lib.views.trajectories: the URL read into a State, and what each State shows (datasette test_api style)."""

import functools

import pytest

from helpers import series_ids
from lib.plan.series import series_catalogue
from lib.present.blocks import Chart, plain_text
from lib.views import trajectories as view
from lib.views.query import Notice

# build() for one State is what the page caches (view_of); the tests share one per State too.
built = functools.cache(lambda series_id="t1_gdp": view.build(view.State(series_id)))


def caption(shown) -> str:
    """The legend in words under the chart ("" where nothing is drawn)."""
    return shown.chart.caption if shown.chart is not None else ""


def table_text(shown) -> str:
    return plain_text([shown.class_table]) if shown.class_table is not None else ""


@pytest.mark.parametrize(
    "query, indicator, notices",
    [
        ({}, "t1_gdp", ()),
        ({"indicator": ["t2_forest_cover"]}, "t2_forest_cover", ()),
        # The spelling links carried before (the bound drop-down wrote its label).
        ({"indicator": ["森林覆盖率（专栏2·12）"]}, "t2_forest_cover", ()),
        ({"indicator": ["地区生产总值（专栏1·1）"]}, "t1_gdp", ()),
        ({"indicator": ["t2_nope"]}, "t1_gdp", (Notice("indicator", "t2_nope"),)),
        ({"indicator": ["<img src=x onerror=alert(1)>"]}, "t1_gdp", (Notice("indicator", "<img src=x onerror=alert(1)>"),)),
        ({"indicator": ["地区生产总值"]}, "t1_gdp", (Notice("indicator", "地区生产总值"),)),  # a name without its row
        ({"indicator": ["ｔ2_forest_cover"]}, "t1_gdp", (Notice("indicator", "ｔ2_forest_cover"),)),  # full-width letter
        ({"indicator": ["T2_FOREST_COVER"]}, "t1_gdp", (Notice("indicator", "T2_FOREST_COVER"),)),
        ({"indicator": ["t2_forest_cover", "t1_gdp"]}, "t2_forest_cover", (Notice("indicator", "t1_gdp"),)),
        ({"indicator": "t2_trade"}, "t2_trade", ()),  # a plain dict from a caller
        ({"pillar": ["创新发展"]}, "t1_gdp", (Notice("pillar", "创新发展"),)),
    ],
)
def test_parse(query, indicator, notices):
    assert view.parse(query) == view.State(indicator=indicator, notices=notices)


@pytest.mark.parametrize("series_id", series_ids())
def test_every_series_round_trips_through_the_url(series_id):
    state = view.State(indicator=series_id)
    assert view.parse(view.to_query(state)) == state


def test_the_default_needs_no_query():
    assert view.to_query(view.State()) == {}
    assert view.to_query(view.State("t2_trade")) == {"indicator": ["t2_trade"]}


@pytest.mark.parametrize(
    "series_id, summary, caption_has, notes_have, has_chart, table_has",
    [
        # 第一章第三节 "迈上2.5万亿元新台阶" (at least); 15720 → 25000 亿元: (25000/15720)^(1/5) − 1 = 9.72 % a year,
        # nominal: both levels at current prices (专栏1 备注1), beside the real 9% of 专栏2 row 1.
        # The level-implied 2011–2015 pace is nominal, (15720/7926)^(1/5) − 1 = 14.68 %, never the printed real 12.8 %.
        (
            "t1_gdp",
            "2020年目标：至少2.5万亿元（第一章第三节）　·　完成目标所需：年均 +9.72%（名义，按现价）",
            "实线：规划公布的2010、2015年数值；虚线",
            ["14.68%（名义，按现价）", "年均 +9.72%（名义，按现价）"],
            True,
            "",
        ),
        # 专栏2 row 12: 45 → 46: (46 − 45)/5 = 0.2 points a year; 专栏1: +8 points in 2011–2015 = 1.6 a year.
        # 第十八章第二节 "森林覆盖率…46%以上": at least.
        (
            "t2_forest_cover",
            "2020年目标：至少46（专栏2）　·　完成目标所需：年均 +0.2 个百分点",
            "菱形：2020年目标",
            ["年均 +1.6 个百分点"],
            True,
            "",
        ),
        # 专栏1 备注3: 户籍人口城镇化率 changed basis between 2010 and 2015.
        ("t2_hukou_urbanization", None, "统计口径不同（旧口径→新口径）", [], True, ""),
        # 专栏2 row 24: 【70.6】万人 is a five-year total, drawn as a bar for its period.
        ("t2_poverty_exit", "2020年目标：【70.6】（专栏2）", "五年累计数", [], True, ""),
        # 长江干流水质 is a class (Ⅲ类): rows, never a line.
        ("t2_yangtze_water", None, "", [], False, "Ⅲ（专栏2）"),
    ],
)
def test_build(series_id, summary, caption_has, notes_have, has_chart, table_has):
    shown = built(series_id)
    assert shown.indicator == series_id and shown.options == tuple(series_catalogue().series_id)
    if summary is not None:
        assert plain_text(shown.summary) == summary
    assert caption_has in caption(shown)
    assert all(note in plain_text(shown.notes) for note in notes_have)
    assert (shown.chart is not None) == has_chart
    assert table_has in table_text(shown)
    assert isinstance(shown.ranking_chart, Chart) and shown.ranking_chart.spec["layer"]


def test_related_text_targets_link_to_their_passage():
    related = built("t1_gdp").related
    # 第一章第三节 restates the GDP target: "全市地区生产总值迈上2.5万亿元新台阶" (after the
    # sentence before it, "到2017年…比2010年翻一番", which is recorded too: rows are in plan order)
    restated = next(r for r in related if "2.5万亿元新台阶" in r.text)
    assert restated.text.endswith("（第一章第三节）")
    assert restated.link.target.page == "plan_reader"
    assert restated.link.target.params() == {"chapter": ["第一章"], "section": ["第三节"]}
    assert restated.link.label == "在原文中阅读 第一章第三节"
    assert any("翻一番" in r.text for r in related)


@pytest.mark.parametrize("series_id", series_ids())
def test_a_sentence_is_listed_once_among_the_related_targets(series_id):
    # data/text_targets.csv records two targets from one 第二十五章 sentence for 脱贫
    # (2017年基本完成, 2018年全面“扫尾”); the reader sees the sentence once
    texts = [r.text for r in built(series_id).related]
    assert len(texts) == len(set(texts))


def test_the_water_class_table_lists_the_reported_class():
    # o_yangtze_water: 15个监测断面水质均达到Ⅱ类, against Ⅲ类
    table = built("t2_yangtze_water").class_table
    assert ("2020", "实际（2020年生态环境状况公报）", "Ⅱ类") in table.rows and table.headers == ("年份", "系列", "原文")


@pytest.mark.parametrize(
    "series_id, marks_have",
    [
        # 第二十四章第二节 "实际利用外资每年保持在100亿美元以上", every year of the plan
        ("t2_fdi", ["2016年、2017年、2018年、2019年、2020年每年都达到100亿美元以上"]),
        # 第二十七章 "每年新增就业稳定在60万人左右"
        ("t2_new_urban_jobs", ["2016年、2017年、2018年、2019年、2020年每年都达到60万人左右"]),
        # 专栏2 row 19 ＜【75000】: a ceiling on the five-year sum, never a required 年均 15000
        ("t2_new_construction_land", ["累计至多75000公顷（不超过），不是每年必须达到的量"]),
        # 专栏1 row 23 prints 在规划控制目标内 for the change of 基本农田
        ("t1_basic_farmland", ["在规划控制目标内", "按此速度外推仅为示意"]),
    ],
)
def test_floors_caps_and_caveats_are_said_under_the_chart(series_id, marks_have):
    marks = plain_text(built(series_id).marks)
    assert all(text in marks for text in marks_have), marks
    assert "15000" not in marks + plain_text(built(series_id).summary)


@pytest.mark.parametrize(
    "series_id, summary",
    [
        # 专栏2 row 1 prints 9; 第一章第三节 "年均增长9%左右": approximate
        ("t2_gdp_growth", "2020年目标：约9（专栏2）"),
        # 专栏2 row 11 prints 4; the text says 4%左右
        ("t2_culture_share", "2020年目标：约4（专栏2）　·　完成目标所需：年均约 +0.12 个百分点"),
        # 第一章第三节 "人均地区生产总值达到7.5万元左右": already printed with 左右
        ("t1_gdp_per_capita", "2020年目标：7.5万元左右（第一章第三节）"),
        # 专栏1 row 16 人口自然增长率 has no 2020 figure; 第三十一章 "促进人口适度增长"
        ("t1_natural_pop_growth", "方向：促进人口适度增长（第三十一章），不以越高或越低为好"),
    ],
)
def test_the_summary_reads_the_target_as_the_text_means_it(series_id, summary):
    assert plain_text(built(series_id).summary).startswith(summary)


def test_the_natural_growth_rate_moves_in_per_mille_a_year():
    # 专栏1 row 16: 3.79‰ (2010) → 3.86‰ (2015): (3.86 − 3.79)/5 = 0.014‰ a year, not 个百分点
    notes = plain_text(built("t1_natural_pop_growth").notes)
    assert "0.014‰" in notes and "个百分点" not in notes


@pytest.mark.parametrize("series_id", ["t1_gdp", "t2_yangtze_water", "t2_poverty_exit"])
def test_the_view_is_plain_data(series_id):
    # No Arrow bytes, Markdown or widget words: json.dumps(asdict(view)) is the data API (issue 22).
    import dataclasses
    import json

    text = json.dumps(dataclasses.asdict(built(series_id)), ensure_ascii=False)
    assert "st.info" not in text and "**" not in text


def test_the_collection_list_of_series_is_the_catalogue():
    # tests/helpers.series_ids reads data/indicators.csv with the csv module, for cheap parametrize lists
    assert series_ids() == list(series_catalogue().series_id)
