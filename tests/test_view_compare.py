"""指标对比 (issue 25): up to four indicators side by side, in the URL, each chart 指标轨迹's own."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from lib.views import compare, trajectories
from lib.views.compare import State
from lib.views.query import Notice

FOREST = ("t2_forest_cover", "t2_forest_stock")


@pytest.mark.parametrize(
    "query, indicators, notices",
    [
        ({}, (), ()),
        ({"indicator": list(FOREST)}, FOREST, ()),
        # the order chosen is kept
        ({"indicator": ["t2_forest_stock", "t2_forest_cover"]}, ("t2_forest_stock", "t2_forest_cover"), ()),
        # 指标轨迹's drop-down labels are read too
        ({"indicator": ["森林覆盖率（专栏2·12）"]}, ("t2_forest_cover",), ()),
        ({"indicator": ["t2_forest_cover", "t2_forest_cover"]}, ("t2_forest_cover",), (Notice("indicator", "t2_forest_cover"),)),
        ({"indicator": ["t2_nothing"]}, (), (Notice("indicator", "t2_nothing"),)),
        (
            {"indicator": ["t2_forest_cover", "t2_forest_stock", "t2_rd_share", "t2_gdp_growth", "t1_gdp"]},
            ("t2_forest_cover", "t2_forest_stock", "t2_rd_share", "t2_gdp_growth"),
            (Notice("indicator", "t1_gdp"),),  # a fifth
        ),
        ({"indicator": ["t2_forest_cover"], "foo": ["1"]}, ("t2_forest_cover",), (Notice("foo", "1"),)),
    ],
)
def test_parse_and_round_trip(query, indicators, notices):
    state = compare.parse(query)
    assert (state.indicators, state.notices) == (indicators, notices)
    assert compare.parse(compare.to_query(state)) == State(indicators)


@pytest.mark.parametrize(
    "indicators, titles, summaries",
    [
        # 专栏2 row 12: 森林覆盖率 45 → 46 (+0.2 个百分点 a year); 森林蓄积量 in 亿立方米, its own scale.
        (FOREST, ["森林覆盖率（专栏2·12）", "森林蓄积量（专栏2·12）"], ["2020年目标：至少46（专栏2）", "2020年目标："]),
        # 户籍人口城镇化率 beside 专栏1's 常住人口城镇化率 (the officials' second pair)
        (("t2_hukou_urbanization", "t1_urbanization_resident"), ["户籍人口城镇化率（专栏2·9）", "常住人口城镇化率（专栏1·9）"], None),
    ],
)
def test_each_panel_is_the_trajectory_of_its_indicator(indicators, titles, summaries):
    view = compare.build(State(indicators))
    assert [p.title for p in view.panels] == titles
    assert not view.empty
    for panel in view.panels:
        full = trajectories.build(trajectories.State(panel.indicator))
        assert panel.summary == full.summary
        assert panel.chart.spec["height"] == compare.PANEL_HEIGHT
        assert panel.chart.spec["datasets"] == full.chart.spec["datasets"]  # the same rows: each on its own scale
        assert panel.trajectory.target.params() == {"indicator": [panel.indicator]}
    if summaries:
        for panel, summary in zip(view.panels, summaries):
            assert panel.summary[0].text.startswith(summary)


def test_nothing_chosen_says_what_to_do_and_offers_the_officials_examples():
    view = compare.build(State())
    assert view.panels == () and "选择两到四项指标" in view.empty
    assert [e.target.params()["indicator"] for e in view.examples][:2] == [
        list(FOREST),
        ["t2_hukou_urbanization", "t1_urbanization_resident"],
    ]
    json.dumps(asdict(view), ensure_ascii=False)  # plain data
