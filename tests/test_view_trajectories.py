"""lib.views.trajectories: the URL read into a State, and what each State shows (datasette test_api style)."""

import functools
import re

import pandas as pd
import pyarrow as pa
import pytest

from lib import charts
from lib.series import series_catalogue
from lib.trajectory import LINES, trajectory
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
        # 第一章第三节 "迈上2.5万亿元新台阶"; 15720 → 25000 亿元: (25000/15720)^(1/5) − 1 = 9.72 % a year.
        # The level-implied 2011–2015 pace is nominal, (15720/7926)^(1/5) − 1 = 14.68 %, never the printed real 12.8 %.
        ("t1_gdp", "2020年目标：2\\.5万亿元（第一章第三节）　·　完成目标所需：年均 \\+9\\.72%",
         "实线：规划公布的2010、2015年数值；虚线", ["14\\.68%（名义，现价）", "年均 \\+9\\.72%"], True, ""),
        # 专栏2 row 12: 45 → 46: (46 − 45)/5 = 0.2 points a year; 专栏1: +8 points in 2011–2015 = 1.6 a year.
        ("t2_forest_cover", "2020年目标：46（专栏2）　·　完成目标所需：年均 \\+0\\.2 个百分点",
         "菱形：2020年目标", ["年均 \\+1\\.6 个百分点"], True, ""),
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


def datasets(spec: dict) -> list[pd.DataFrame]:
    return [pa.ipc.open_stream(raw).read_all().to_pandas() for raw in spec.get("datasets", {}).values()]


def layers(spec: dict) -> list[dict]:
    return spec["layer"]


def mark_type(layer: dict) -> str:
    return layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]


@pytest.mark.parametrize("series_id", DRAWN)
def test_chart_values_carry_the_printed_precision_and_no_float_noise(series_id):
    digits = int(CATALOGUE.set_index("series_id").loc[series_id, "digits"])
    for frame in datasets(built(series_id).chart):
        for text in frame.get("shown", []):
            assert not re.search(r"e[-+]?\d", text), text
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
