"""讲义 (issue 25): one indicator on one A4 page, from the Views it already has; its permalink never localhost."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from lib.present.blocks import Target
from lib.present.permalink import UNSET_NOTE, permalink, public_base
from lib.views import handout
from lib.views.handout import PRINT_FONT, PRINT_WIDTH, State
from lib.views.query import Notice


@pytest.mark.parametrize(
    "indicator, title, place, verdict, date_words, permalink_query",
    [
        # 专栏2 row 12's sub-row; no official 2020 figure found in data/outcomes.csv (latest source 2023-09-01)
        (
            "t2_forest_cover",
            "森林覆盖率",
            "专栏2 · 第12行“森林增长”下的分项",
            "2020年结果：未找到官方数字（目标46%）。",
            "查阅至2023-09-01",
            ("trajectories", "t2_forest_cover"),
        ),
        # 统计公报 2021-03-18: 52.8 against 50左右
        (
            "t2_services_share",
            "服务业增加值占地区生产总值比重",
            "专栏2 · 第4行",
            "2020年结果：达到：2020年52.8%",
            "2021-03-18发布",
            ("trajectories", "t2_services_share"),
        ),
        # 专栏1 ended in 2015: no verdict; the default series is still named in the printed link
        ("t1_gdp", "地区生产总值", "专栏1 · 第1行", "", "2016年2月印发", ("trajectories", "t1_gdp")),
        # a continued 专栏1 row prints the 专栏2 series' chart and links to it
        ("t1_forest_cover", "森林覆盖率", "专栏1 · 第25行", "", "2016年2月印发", ("trajectories", "t2_forest_cover")),
        # a heading has no line: its row in 指标总览
        ("t2_forest_growth", "森林增长", "专栏2 · 第12行", "", "2016年2月印发", ("indicators", "t2_forest_growth")),
    ],
)
def test_build(indicator, title, place, verdict, date_words, permalink_query):
    view = handout.build(State(indicator))
    assert (view.title, view.place) == (title, place)
    assert view.title != "指标轨迹"
    assert view.verdict.startswith(verdict) if verdict else view.verdict == ""
    assert date_words in view.data_date and view.data_date.startswith("数据日期：")
    page, named = permalink_query
    assert view.permalink.target.page == page and named in dict(view.permalink.target.query).values()
    assert view.source.startswith("出处：")
    json.dumps(asdict(view), ensure_ascii=False)  # plain data


def test_the_chart_is_the_trajectory_at_print_size():
    view = handout.build(State("t2_forest_cover"))
    spec = view.chart.spec
    assert spec["width"] == PRINT_WIDTH and spec["config"]["axis"]["labelFontSize"] == PRINT_FONT
    lines = {row["line_key"] for rows in spec["datasets"].values() for row in rows if "line_key" in row}
    # 2010 → 2015 → 2020: the printed values, the required path and the target
    assert {"actual", "required", "target"} <= lines
    # 14 px type in a 640 px chart printed 170 mm (643 px) wide stays above 8 pt (10.7 px)
    assert PRINT_FONT * (170 / 25.4 * 96) / PRINT_WIDTH * 0.75 >= 8


@pytest.mark.parametrize(
    "query, indicator, notices",
    [
        ({"indicator": ["t2_forest_cover"]}, "t2_forest_cover", ()),
        ({"indicator": ["nope"]}, "t1_gdp", (Notice("indicator", "nope"),)),
    ],
)
def test_parse(query, indicator, notices):
    state = handout.parse(query)
    assert (state.indicator, state.notices) == (indicator, notices)
    assert handout.parse(handout.to_query(state)) == State(indicator)


@pytest.mark.parametrize(
    "environ, base",
    [
        ({"DASHBOARD_PUBLIC_URL": "https://plan.example.org/"}, "https://plan.example.org"),
        ({"DASHBOARD_PUBLIC_URL": "http://localhost:8501"}, ""),
        ({"DASHBOARD_PUBLIC_URL": "http://127.0.0.1:8501"}, ""),
        ({"DASHBOARD_PUBLIC_URL": "plan.example.org"}, ""),  # no scheme: not an address a reader can type
        ({}, ""),
    ],
)
def test_public_base_is_never_local(environ, base):
    assert public_base(environ) == base


def test_permalink_with_and_without_a_public_address():
    where = Target("trajectories", (("indicator", "t2_forest_cover"),))
    public = permalink(where, base="https://plan.example.org")
    assert (public.address, public.absolute, public.note) == ("https://plan.example.org/trajectories?indicator=t2_forest_cover", True, "")
    local = permalink(where, base="")
    assert (local.address, local.absolute, local.note) == ("/indicator/t2_forest_cover/", False, UNSET_NOTE)
