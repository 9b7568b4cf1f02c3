"""The studio's chart: one cached spec without data, the numbers passed beside it."""

import pytest
from test_charts import text_layers

from lib.views.scenarios.chart import SCENARIO_COLOURS, TARGET_SERIES, scenario_chart, scenario_rows, scenario_spec


def test_a_spec_without_data_leaves_the_data_to_the_page():
    spec = scenario_spec("亿元", 1.0, ("情景A", "完成目标所需路径"))
    assert "datasets" not in spec and "data" not in spec


def test_the_target_label_sits_on_a_white_halo_of_itself():
    # as tests/test_charts.py checks the trajectory chart's
    halo, label = text_layers(scenario_chart("亿元").to_dict())[:2]
    assert halo["mark"]["stroke"] == "#ffffff" and halo["mark"]["strokeWidth"] > 0
    assert "stroke" not in label["mark"]
    # Same text, place and offset, drawn first: the halo is under the label, never beside it.
    assert halo["encoding"] == label["encoding"]
    assert {k: v for k, v in halo["mark"].items() if not k.startswith("stroke")} == label["mark"]


@pytest.mark.parametrize("series", [("情景A", "完成目标所需路径"), ("情景A", "完成目标所需路径", "情景B")])
def test_the_legend_lists_only_the_series_drawn(series):
    encoding = scenario_chart("%", 1.0, series).to_dict()["layer"][0]["encoding"]
    assert encoding["color"]["scale"]["domain"] == encoding["strokeDash"]["scale"]["domain"]
    assert set(encoding["strokeDash"]["scale"]["domain"]) == set(series) <= set(SCENARIO_COLOURS)


def test_the_frame_shows_values_at_the_pages_precision():
    # 森林覆盖率 45 → 46 at 0.2 points a year: 45 + 5 × 0.2 = 46.000000000000014 in floating point
    path = [45 + 0.2 * k for k in range(6)]
    rows = scenario_rows({"情景A": path}, 46, "46", decimals=0)
    # 45, 45.2, 45.4 → 45; 45.6, 45.8, 46 (and the target) → 46: half up, no noise
    assert [row["shown"] for row in rows] == ["45", "45", "45", "46", "46", "46", "46"]
    assert [row["year"] for row in rows] == [2015, 2016, 2017, 2018, 2019, 2020, 2020]
    assert rows[-1]["series"] == TARGET_SERIES and rows[-1]["label"] == "46"


@pytest.mark.parametrize(
    "query, title, about",
    [
        # the GDP panel: its levels are at current prices (专栏2 and 第一章第三节 print 2.5万亿元)
        ({"section": ["地区生产总值"]}, "情景推演：地区生产总值", "地区生产总值（现价），单位：亿元"),
        # any indicator: its name, its place in 专栏2 and its unit, from data/indicators.csv
        ({"section": ["任选指标"], "indicator": ["t2_forest_cover"]}, "情景推演：森林覆盖率", "森林覆盖率（专栏2·12），单位：%"),
    ],
)
def test_a_saved_chart_image_says_what_it_shows_and_where_it_comes_from(query, title, about):
    from lib.views import scenarios

    chart = scenarios.build(scenarios.parse(query)).studio.chart
    assert chart.spec["title"]["text"] == title
    assert chart.spec["title"]["subtitle"] == [about, "来源：《重庆市国民经济和社会发展第十三个五年规划纲要》"]
