"""Issue 26 in the baked site: the slider charts on an indicator page (the pace chart, the
地区生产总值 panel) get a readout of their rows at the plan's values, told which of the live
Vega view's datasets to follow once the slider moves (static/readout.js)."""

from __future__ import annotations

import html
import json
import re

import pytest

from bake import charts, studio
from lib.present import routes
from lib.views.scenarios.catalogue import options_by_id

READOUT = re.compile(r'<div class="readout" data-readout="([^"]*)" hidden>')


@pytest.fixture(scope="module")
def out(baked_site):
    return baked_site[0]


def _readouts(out, indicator: str) -> list[dict]:
    page = (out / routes.indicator(indicator).lstrip("/") / "index.html").read_text(encoding="utf-8")
    return [json.loads(html.unescape(found)) for found in READOUT.findall(page)]


def _vega(out, indicator: str, name: str) -> dict:
    return json.loads((out / routes.indicator(indicator).lstrip("/") / f"{name}.json").read_text(encoding="utf-8"))


def _live_rows_are_its_points(vega: dict, live: dict) -> None:
    """Each dataset named is one a symbol mark draws, and carries the fields the readout reads."""
    drawn = charts.point_sources(vega)
    assert live["sources"] and set(live["sources"]) == set(drawn)
    assert (live["x"], live["series"], live["value"]) == ("year", "series", "value")


@pytest.mark.parametrize(
    ("indicator", "words_2020"),
    [
        # 森林覆盖率: 45 → at least 46 %, no decimals (专栏2 row 12); the target as printed beside the diamond
        ("t2_forest_cover", {"按假设速度推算": "46 %", "2020年目标": "目标 46"}),
    ],
)
def test_the_pace_chart_reads_the_plan_pace_then_follows_the_slider(out, indicator, words_2020):
    found = _readouts(out, indicator)
    (pace,) = [r for r in found if r["live"] and r["series"][0]["name"] == charts.PACE_SERIES]
    option = options_by_id()[indicator]
    assert pace == json.loads(charts.pace_readout(option, _vega(out, indicator, "pace")).json())
    assert {s["name"]: s["points"][-1][2] for s in pace["series"]} == words_2020
    assert [pace["x_texts"][p[0]] for p in pace["series"][0]["points"]] == [f"{y}年" for y in range(2015, 2021)]
    _live_rows_are_its_points(_vega(out, indicator, "pace"), pace["live"])


def test_the_gdp_panel_reads_the_apps_chart_at_the_plan_values(out):
    found = _readouts(out, "t1_gdp")
    (panel,) = [r for r in found if r["live"]]
    assert panel["label"] == "情景推演：地区生产总值（亿元）"
    names = [s["name"] for s in panel["series"]]
    assert names[0] == "情景A" and "实际（统计公报）" in names and names[-1] == "2020年目标"
    assert panel["series"][-1]["points"] == [[5, 25000.0, "2.5万亿元"]]
    _live_rows_are_its_points(_vega(out, "t1_gdp", "studio"), panel["live"])


def test_the_income_panel_has_no_readout(out):
    # 城乡收入 is a panel of its own in the static edition only; its rows carry no figure as printed
    assert studio.readout(studio.panel(studio.INCOMES), {}) is None
    assert all(not r.get("live") for r in _readouts(out, "t1_urban_income"))
