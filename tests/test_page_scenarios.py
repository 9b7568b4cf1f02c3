"""AppTest: the studio's numbers are the engine's, its URL round-trips, bad URLs are harmless."""

import pytest
from helpers import inert, open_page
from lib import scenario
from lib.values import format_number

OPTIONS = scenario.scenario_options().set_index("indicator_id")


def run(query=None):
    return open_page("scenarios", query)


def metrics(at):
    return {m.label: m.value for m in at.metric}


def test_moving_the_slider_shows_the_engines_numbers():
    at = run()
    assert not at.exception
    iid = OPTIONS.index[0]
    row = OPTIONS.loc[iid]
    at.slider(key=f"pace_{iid}").set_value(0.5).run()
    assert not at.exception
    expected = scenario.run(row.kind, row.direction, row.base, row.target, [0.5], row.qualifier)
    shown = metrics(at)
    assert shown["情景A：2020年"] == f"{format_number(expected.value_2020, 2)} {row.unit}"
    assert shown["与目标之差"] == f"{expected.gap:+,.4g} {row.unit}"
    reached = "2025年前不能达标" if expected.year_reached is None else f"{expected.year_reached}年"
    assert shown["按此速度达标年份"] == reached


@pytest.mark.parametrize("iid", list(OPTIONS.index))
def test_every_indicator_runs_at_plan_pace_and_meets_its_target(iid):
    at = run({"indicator": OPTIONS.loc[iid, "label"]})
    assert not at.exception
    assert metrics(at)["结论"] == "达到目标"


def test_gdp_sliders():
    at = run({"section": "地区生产总值"})
    at.slider(key="gdp_real").set_value(7.0).run()
    assert not at.exception
    # 15720 × (1.07 × 1.0066)^5 = 22787 亿元 = 2.28 万亿元 (deflator slider at its 2-decimal default 0.66)
    expected = scenario.gdp_2020(7.0, 0.66)
    assert metrics(at)["2020年地区生产总值（现价）"] == f"{expected / 10000:.2f} 万亿元"


def test_income_sliders():
    at = run({"section": "城乡收入"})
    at.slider(key="urban_income").set_value(8.0)
    at.slider(key="rural_income").set_value(8.0).run()
    assert not at.exception
    # Same growth keeps 27239/10505 = 2.59∶1
    assert metrics(at)["2020年城乡收入比"] == "2.59∶1"


def test_a_prepared_link_reopens_the_same_scenario():
    at = run({"section": "地区生产总值", "gdp_real": "6.5", "gdp_deflator": "0", "presenter": "true"})
    assert not at.exception
    assert at.slider(key="gdp_real").value == 6.5
    assert at.slider(key="gdp_deflator").value == 0.0
    assert at.toggle(key="presenter").value is True
    # 15720 × (1.065 × 1.0)^5 × … = 21538 亿元
    assert metrics(at)["2020年地区生产总值（现价）"] == f"{scenario.gdp_2020(6.5, 0.0) / 10000:.2f} 万亿元"


def test_presenter_mode_hides_the_chrome():
    at = run({"presenter": "true"})
    styles = [m.value for m in at.markdown if "<style>" in m.value]
    assert any('[data-testid="stSidebar"]' in s and "display: none" in s for s in styles)
    plain = run()
    assert not [m for m in plain.markdown if "stSidebar" in m.value]


def test_reset_to_plan_restores_every_slider():
    at = run({"section": "地区生产总值", "gdp_real": "5"})
    at.button[0].click().run()
    assert at.slider(key="gdp_real").value == scenario.PLAN_REAL_GROWTH


def test_a_preset_sets_its_controls():
    at = run()
    at.selectbox(key="preset").select("经济放缓：实际增长7%").run()
    assert not at.exception
    assert at.slider(key="gdp_real").value == 7.0


@pytest.mark.parametrize(
    "query",
    [
        {"gdp_real": "abc", "section": "地区生产总值"},
        {"gdp_real": "1e308", "section": "地区生产总值"},
        {"gdp_real": "nan", "section": "地区生产总值"},
        {"section": "<b>bold</b>"},
        {"indicator": "t2_nope"},
        {"presenter": "maybe"},
        {"unknown_key": "1"},
        {"pace_t2_trade": "-999"},
    ],
)
def test_bad_url_values_give_a_notice_and_no_exception(query):
    at = run(query)
    assert not at.exception
    assert any("已忽略" in info.value for info in at.info)
    assert all(inert(e.value) for e in list(at.markdown) + list(at.info))
