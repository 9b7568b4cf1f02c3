"""lib.views.trajectories: the URL read into a State, and what each State shows (datasette test_api style)."""

import functools
import re

import pandas as pd
import pyarrow as pa
import pytest

from lib.engine import trajectory_marks
from lib.engine.trajectory import LINES, trajectory
from lib.plan.series import series_catalogue
from lib.present import charts
from lib.present.numbers import plain
from lib.views import trajectories as view
from lib.views.query import Notice

CATALOGUE = series_catalogue()
# build() for one State is what the page caches (view_of); the tests share one per State too.
built = functools.cache(lambda series_id="t1_gdp": view.build(view.State(series_id)))
DRAWN = [sid for sid, kind in zip(CATALOGUE.series_id, CATALOGUE.kind) if kind != "class" and not trajectory(sid).empty]


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


@pytest.mark.parametrize("series_id", list(CATALOGUE.series_id))
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
            "2020年目标：至少2\\.5万亿元（第一章第三节）　·　完成目标所需：年均 \\+9\\.72%（名义，按现价）",
            "实线：规划公布的2010、2015年数值；虚线",
            ["14\\.68%（名义，按现价）", "年均 \\+9\\.72%（名义，按现价）"],
            True,
            "",
        ),
        # 专栏2 row 12: 45 → 46: (46 − 45)/5 = 0.2 points a year; 专栏1: +8 points in 2011–2015 = 1.6 a year.
        # 第十八章第二节 "森林覆盖率…46%以上": at least.
        (
            "t2_forest_cover",
            "2020年目标：至少46（专栏2）　·　完成目标所需：年均 \\+0\\.2 个百分点",
            "菱形：2020年目标",
            ["年均 \\+1\\.6 个百分点"],
            True,
            "",
        ),
        # 专栏1 备注3: 户籍人口城镇化率 changed basis between 2010 and 2015.
        ("t2_hukou_urbanization", None, "统计口径不同（旧口径→新口径）", [], True, ""),
        # 专栏2 row 24: 【70.6】万人 is a five-year total, drawn as a bar for its period.
        ("t2_poverty_exit", "2020年目标：【70\\.6】（专栏2）", "五年累计数", [], True, ""),
        # 长江干流水质 is a class (Ⅲ类): rows, never a line.
        ("t2_yangtze_water", None, "", [], False, "Ⅲ（专栏2）"),
    ],
)
def test_build(series_id, summary, caption_has, notes_have, has_chart, table_has):
    shown = built(series_id)
    assert shown.indicator == series_id and shown.options == tuple(CATALOGUE.series_id)
    if summary is not None:
        assert shown.summary_markdown == summary
    assert caption_has in shown.chart_caption
    assert all(note in shown.notes_markdown for note in notes_have)
    assert (shown.chart is not None) == has_chart
    assert table_has in shown.class_table_markdown
    assert shown.ranking_chart["layer"]


def test_related_text_targets_link_to_their_passage():
    related = built("t1_gdp").related
    # 第一章第三节 restates the GDP target: "全市地区生产总值迈上2.5万亿元新台阶" (after the
    # sentence before it, "到2017年…比2010年翻一番", which is recorded too: rows are in plan order)
    restated = next(r for r in related if "2\\.5万亿元新台阶" in r.text_markdown)
    assert restated.text_markdown.endswith("（第一章第三节）")
    assert restated.link == {"chapter": "第一章", "section": "第三节"}
    assert restated.link_label == "在原文中阅读 第一章第三节"
    assert any("翻一番" in r.text_markdown for r in related)


@pytest.mark.parametrize("series_id", list(series_catalogue().series_id))
def test_a_sentence_is_listed_once_among_the_related_targets(series_id):
    # data/text_targets.csv records two targets from one 第二十五章 sentence for 脱贫
    # (2017年基本完成, 2018年全面“扫尾”); the reader sees the sentence once
    texts = [r.text_markdown for r in built(series_id).related]
    assert len(texts) == len(set(texts))


def datasets(spec: dict) -> list[pd.DataFrame]:
    return [pa.ipc.open_stream(raw).read_all().to_pandas() for raw in spec.get("datasets", {}).values()]


def layers(spec: dict) -> list[dict]:
    return spec["layer"]


def mark_type(layer: dict) -> str:
    return layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]


@pytest.mark.parametrize("series_id", DRAWN)
def test_chart_values_carry_the_printed_precision_and_no_float_noise(series_id):
    digits = int(CATALOGUE.set_index("series_id").loc[series_id, "digits"])
    # A reported 2020 figure keeps the decimals it was published with (78.15岁); see the outcome test below.
    reported = trajectory_marks.outcome(series_id)
    for frame in datasets(built(series_id).chart):
        lines = frame["line"] if "line" in frame else [""] * len(frame)
        for text, line in zip(frame.get("shown", []), lines):
            assert not re.search(r"e[-+]?\d", text), text
            if reported is not None and line == reported.label:
                continue
            decimals = text.split(".")[1] if "." in text else ""
            assert len(decimals) <= digits, (text, digits)


@pytest.mark.parametrize(
    "series_id, expected",
    [
        # 15720 × 1.0972^1 = 17248.4 亿元; the plan prints GDP in whole 亿元 (7926, 15720).
        ("t1_gdp", {"7926", "15720", "17248", "25000"}),
        # 45 + 0.2 = 45.2, shown as the plan prints forest cover: 45 (no decimals).
        ("t2_forest_cover", {"37", "45", "46", "53"}),
    ],
)
def test_chart_values_are_as_the_plan_prints_them(series_id, expected):
    shown = set().union(*(set(f["shown"]) for f in datasets(built(series_id).chart) if "shown" in f))
    assert expected <= shown
    assert "1.572e+04" not in shown  # what f"{v:,.4g}" gave before


@pytest.mark.parametrize("series_id", [s for s in DRAWN if CATALOGUE.set_index("series_id").loc[s, "kind"] not in view.PERIOD_KINDS])
def test_the_legend_lists_only_the_lines_drawn_each_with_its_dash(series_id):
    spec = built(series_id).chart
    drawn = sorted(set(trajectory(series_id).line) - {LINES["target"]})
    legended = [layer for layer in layers(spec) if "color" in layer.get("encoding", {})]
    # One layer feeds the legend, the line layer: points and diamonds use fill with no legend,
    # which kept the legend's symbols from turning into dots.
    assert [mark_type(layer) for layer in legended] == ["line"]
    encoding = legended[0]["encoding"]
    assert sorted(encoding["color"]["scale"]["domain"]) == drawn
    assert encoding["strokeDash"]["scale"]["domain"] == encoding["color"]["scale"]["domain"]
    assert encoding["strokeDash"]["scale"]["range"] == [charts.LINE_DASHES[line] for line in encoding["color"]["scale"]["domain"]]
    assert encoding["color"]["legend"]["symbolType"] == "stroke"
    for layer in layers(spec):
        if "fill" in layer.get("encoding", {}):
            assert layer["encoding"]["fill"]["legend"] is None


@pytest.mark.parametrize("series_id, about", [("t1_gdp", "专栏1·1　单位：亿元"), ("t2_poverty_exit", "专栏2·24　单位：万人")])
def test_a_saved_chart_image_carries_its_title_unit_and_source(series_id, about):
    title = built(series_id).chart["title"]
    assert title["text"] == CATALOGUE.set_index("series_id").loc[series_id, "name_zh"]
    assert title["subtitle"] == [about, "来源：《重庆市国民经济和社会发展第十三个五年规划纲要》"]


def test_the_ranking_names_sit_above_their_bars_not_on_an_axis():
    spec = built().ranking_chart
    assert spec["title"]["subtitle"][-1] == charts.SOURCE
    # No y-axis: its labels took the whole width of a phone and left no room for bars.
    for layer in layers(spec):
        y = layer.get("encoding", {}).get("y")
        assert y is None or y.get("axis", "absent") is None
    texts = [layer for layer in layers(spec) if mark_type(layer) == "text"]
    assert any(layer["encoding"]["x"] == {"value": 0} for layer in texts)  # names start at the left edge
    rows = next(frame for frame in datasets(spec) if "which" in frame)
    names = rows[rows.which == charts.NAME_ROW]
    # 服务贸易 170 → 500 亿美元 (专栏2 row 21): (500/170)^(1/5) − 1 = 24.08 % a year, the most required.
    assert names.text.iloc[0] == "服务贸易进出口总额（专栏2·21）"
    assert list(rows.text.iloc[:3]) == ["服务贸易进出口总额（专栏2·21）", "所需 24.08%", "以往：无可比数据"]
    # GDP at current prices: (25000/15720)^(1/5) − 1 = 9.72 %, and (15720/7926)^(1/5) − 1 = 14.68 % before.
    assert {"所需 9.72%", "以往 14.68%"} <= set(rows.text)


@pytest.mark.parametrize(
    "series_id, label, value, drawn, caption_has",
    [
        # data/outcomes.csv o_services_share: 统计公报 52.8 (%), on the chart beside the target 50左右
        ("t2_services_share", "实际（2020年统计公报）", 52.8, True, "达到：2020年52.8%"),
        # o_rd_share 2.11 against 2.2 (专栏2 row 5)
        ("t2_rd_share", "实际（2020年科技投入统计公报）", 2.11, True, "未达到：2020年2.11%"),
        # o_gdp_growth: 五年年均7.2%, a bar beside the 2016—2020 target 9
        ("t2_gdp_growth", "实际（2021年政府工作报告）", 7.2, True, "未达到：“十三五”年均7.2%"),
        # o_life_expectancy 78.15岁, same unit, 口径 unconfirmed; o_poverty_exit 190.6万 on another base than 【70.6】:
        # told under the chart, never drawn beside the target (it would read as met or missed)
        ("t2_life_expectancy", "实际（卫生健康“十四五”规划，口径不同）", 78.15, False, "（口径与规划指标不同，未画在图上）"),
        ("t2_poverty_exit", "实际（2021年政府工作报告，口径不同）", 190.6, False, "不判断是否达到"),
        # o_good_air_days is 333 days; the chart is 主城区 % : told, never drawn
        ("t2_good_air_days", "实际（2020年生态环境状况公报，口径不同）", 333, False, "单位为天，图中为%，未画在图上"),
        # o_new_urban_jobs_2020 is 2020 alone; the chart is the five-year total 【300】
        ("t2_new_urban_jobs", "实际（2020年统计公报，口径不同）", 65.56, False, "只是2020年一年的数"),
    ],
)
def test_the_reported_figure_is_its_own_mark_with_its_source(series_id, label, value, drawn, caption_has):
    shown = built(series_id)
    assert caption_has in shown.outcome_markdown.replace("\\", "")
    assert "来源：" in shown.outcome_markdown and "原句：" in shown.outcome_markdown and "http" in shown.outcome_markdown
    frames = [f for f in datasets(shown.chart) if "line" in f and label in set(f.line)]
    assert bool(frames) == drawn
    if drawn:
        point = frames[0][frames[0].line == label].iloc[0]
        assert point.value == pytest.approx(value)
        # as published, never rounded to the plan's precision (78.15, not 78.2 as 专栏2 prints 78)
        assert point.shown == plain(value)
        assert "原句" in point.note  # the tooltip carries the source
        # the target stays its own mark: the reported figure is never a point of a line
        assert label not in set().union(*(set(f.line) for f in datasets(shown.chart) if "line_key" in f and "segment" in f))


def test_series_without_a_reported_figure_say_nothing_of_one():
    assert built("t2_forest_cover").outcome_markdown == ""
    lines = {line for f in datasets(built("t2_forest_cover").chart) if "line" in f for line in f.line}
    assert {line for line in lines if line.startswith("实际（")} == {LINES["actual"]}  # the plan's own 2010, 2015


def test_the_water_class_table_lists_the_reported_class():
    # o_yangtze_water: 15个监测断面水质均达到Ⅱ类, against Ⅲ类
    table = built("t2_yangtze_water").class_table_markdown
    assert "| 2020 | 实际（2020年生态环境状况公报） | Ⅱ类 |" in table


def test_the_gdp_doubling_milestone_is_drawn_from_the_printed_2010_level():
    shown = built("t1_gdp")
    # 第一章第三节 "到2017年…比2010年翻一番"; 专栏1 row 1: 7926 亿元 in 2010, so 2 × 7926 = 15852 亿元 by 2017
    milestone = next(f for f in datasets(shown.chart) if "line" in f and any("翻一番" in line for line in f.line))
    assert list(milestone.year) == [2017] and list(milestone.value) == [15852]
    assert list(milestone.line) == ["2017年翻一番 ≥15852"]
    assert "里程碑：2017年比2010年翻一番，即不低于15852亿元" in shown.marks_markdown
    assert "不是实际数" in shown.marks_markdown and "空心三角" in shown.chart_caption


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
    marks = built(series_id).marks_markdown
    assert all(text in marks for text in marks_have), marks
    assert "15000" not in marks + built(series_id).summary_markdown


@pytest.mark.parametrize(
    "series_id, summary",
    [
        # 专栏2 row 1 prints 9; 第一章第三节 "年均增长9%左右": approximate
        ("t2_gdp_growth", "2020年目标：约9（专栏2）"),
        # 专栏2 row 11 prints 4; the text says 4%左右
        ("t2_culture_share", "2020年目标：约4（专栏2）　·　完成目标所需：年均约 \\+0\\.12 个百分点"),
        # 第一章第三节 "人均地区生产总值达到7.5万元左右": already printed with 左右
        ("t1_gdp_per_capita", "2020年目标：7\\.5万元左右（第一章第三节）"),
        # 专栏1 row 16 人口自然增长率 has no 2020 figure; 第三十一章 "促进人口适度增长"
        ("t1_natural_pop_growth", "方向：促进人口适度增长（第三十一章），不以越高或越低为好"),
    ],
)
def test_the_summary_reads_the_target_as_the_text_means_it(series_id, summary):
    assert built(series_id).summary_markdown.startswith(summary)


def test_the_natural_growth_rate_moves_in_per_mille_a_year():
    # 专栏1 row 16: 3.79‰ (2010) → 3.86‰ (2015): (3.86 − 3.79)/5 = 0.014‰ a year, not 个百分点
    notes = built("t1_natural_pop_growth").notes_markdown
    assert "0\\.014‰" in notes and "个百分点" not in notes
