"""Issue 26: the studio's charts (情景推演) read out as currently set: every panel's readout is its
chart's rows (the series its legend names, each point the words its tooltip shows), and a slider
moved in the View moves the words."""

from __future__ import annotations

import pytest

from lib.present import numbers, readout
from lib.views import scenarios
from lib.views.scenarios.chart import TARGET_SERIES

GDP, INCOMES = scenarios.SECTIONS[1], scenarios.SECTIONS[2]
SERVICES = "t2_services_share"  # 专栏2: services 47.7 % of GDP in 2015, about 50 % in 2020

PANELS = {
    "the indicator panel": scenarios.State(indicator=SERVICES),
    "year by year": scenarios.State(indicator=SERVICES, yearly=True, yearly_paces=(0.2, 0.4, 0.6, 0.8, 1.0)),
    "scenario B": scenarios.State(indicator=SERVICES, compare=True, pace_b=0.2),
    "a pace set": scenarios.State(indicator=SERVICES, pace=1.0),
    "地区生产总值": scenarios.State(section=GDP),
    "地区生产总值, growth set": scenarios.State(section=GDP, gdp_real=6.0),
    "presenter": scenarios.State(indicator=SERVICES, presenter=True),
}


def _chart(state):
    return scenarios.build(state).studio.chart


def _legend(spec) -> list[str]:
    return spec["layer"][0]["encoding"]["color"]["scale"]["domain"]


@pytest.mark.parametrize("state", PANELS.values(), ids=PANELS.keys())
def test_every_studio_chart_reads_its_rows_as_drawn(state):
    chart = _chart(state)
    found = readout.read(chart)
    assert found is not None
    assert found.kind == "line" and found.x_label == "年份"
    assert found.x_texts == tuple(f"{year}年" for year in range(2015, 2021))
    names = [series.name for series in found.series]
    assert [name for name in names if name != TARGET_SERIES] == [n for n in _legend(chart.spec) if n in names]
    assert set(names) - {TARGET_SERIES} == set(_legend(chart.spec))  # every line of the legend, nothing else
    assert TARGET_SERIES in names
    (rows,) = chart.spec["datasets"].values()
    unit = found.y_label
    for series in found.series:
        drawn = [row for row in rows if row["series"] == series.name]
        assert len(series.points) == len(drawn), series.name
        for (x, y, words), row in zip(series.points, sorted(drawn, key=lambda r: r["year"]), strict=True):
            assert found.x_texts[x] == f"{row['year']}年"
            assert y == row["value"]
            # the tooltip's words: the target its printed figure, a path its figure with the unit
            assert words == (row["label"] if series.name == TARGET_SERIES else f"{row['shown']} {unit}"), (series.name, x)


@pytest.mark.parametrize(
    ("state", "series", "year", "words"),
    [
        # 47.7 + (50 − 47.7) / 5 = 48.16 in 2016, shown with the page's one decimal
        (PANELS["the indicator panel"], "情景A", 2016, f"{numbers.figure(48.16, 1)} %"),
        (PANELS["the indicator panel"], TARGET_SERIES, 2020, "50%左右"),
        # scenario B at 0.2 points a year: 47.7 + 5 × 0.2 = 48.7 in 2020
        (PANELS["scenario B"], "情景B", 2020, f"{numbers.figure(48.7, 1)} %"),
        # year by year: 47.7 + 0.2 + 0.4 + 0.6 + 0.8 + 1.0 = 50.7 in 2020
        (PANELS["year by year"], "情景A", 2020, f"{numbers.figure(50.7, 1)} %"),
        # scenario A at 1 point a year: 52.7 in 2020
        (PANELS["a pace set"], "情景A", 2020, f"{numbers.figure(52.7, 1)} %"),
        # GDP: 15720 亿元 in 2015 (the plan's base), the target printed as 2.5万亿元
        (PANELS["地区生产总值"], "实际（统计公报）", 2015, "15720 亿元"),
        (PANELS["地区生产总值"], TARGET_SERIES, 2020, "2.5万亿元"),
    ],
)
def test_a_studio_point_reads_the_figure_as_set(state, series, year, words):
    found = readout.read(_chart(state))
    (picked,) = [s for s in found.series if s.name == series]
    assert {found.x_texts[x]: text for x, _y, text in picked.points}[f"{year}年"] == words


def test_moving_a_slider_changes_what_2020_reads():
    def in_2020(state):
        found = readout.read(_chart(state))
        (picked,) = [s for s in found.series if s.name == "情景A"]
        return picked.points[-1][2]

    assert in_2020(PANELS["the indicator panel"]) != in_2020(PANELS["a pace set"])
    assert in_2020(PANELS["地区生产总值"]) != in_2020(PANELS["地区生产总值, growth set"])


def test_the_incomes_panel_has_no_chart_in_the_app_so_no_readout():
    assert _chart(scenarios.State(section=INCOMES)) is None
