"""AppTest: the studio draws its View, every widget writes the URL, bad URLs are harmless."""

import html
import re

import pytest

from helpers import data_rows, inert, open_page
from lib.engine import economy, scenario
from lib.present.numbers import figure
from lib.views import scenarios as page
from lib.views.scenarios.catalogue import options_by_id


def run(query=None):
    return open_page("scenarios", query)


def preset(at):
    """The 预设情景 box (a new widget for each preset shown, so found by its label)."""
    (found,) = [box for box in at.selectbox if box.label == "预设情景"]
    return found


def metrics(at):
    return {m.label: m.value for m in at.metric}


def test_opens_on_a_headline_indicator_at_the_plans_pace():
    at = run()
    assert not at.exception
    # 服务业比重 47.7 → 50左右 at 0.46 points a year: 47.7 + 2.3 = 50.0, printed with one decimal
    assert metrics(at) == {"情景A：2020年": "50.0 %", "与目标之差": "0 个百分点", "结论": "达到目标"}
    assert preset(at).value == "规划情景：全部按规划数字"


def test_moving_the_slider_shows_the_engines_numbers_and_writes_the_url():
    at = run({"indicator": "t2_trade"})
    at.slider(key="pace_t2_trade").set_value(10.0).run()
    assert not at.exception
    # 进出口总额 4644 at 10 %/yr: 4644 × 1.61051 = 7479.2 亿元; 1.1^9 × 4644 = 10950 → 2024
    expected = scenario.run("level", "higher", 4644, 10000, [10.0])
    shown = metrics(at)
    assert shown["情景A：2020年"] == f"{figure(expected.value_2020, 0)} 亿元" == "7479 亿元"
    assert shown["与目标之差"] == "-2521 亿元"
    assert at.query_params["pace"] == "10"
    assert preset(at).value is None  # no preset is this State


@pytest.mark.parametrize(
    "iid", [r["indicator_id"] for r in data_rows("indicators.csv", table_no="2") if r["kind"] in scenario.SCENARIO_KINDS]
)
def test_every_indicator_runs_at_plan_pace_and_meets_its_target(iid):
    at = run({"indicator": iid})
    assert not at.exception
    assert metrics(at)["结论"] == "达到目标"


def test_the_forest_link_shows_no_float_noise():
    at = run({"presenter": "true", "indicator": "森林覆盖率（专栏2·12）", "compare": "true"})
    assert not at.exception
    # 45 + 5 × 0.2 = 46.000000000000014 showed "+1.421e-14 %" before
    gaps = [m.value for m in at.metric if m.label == "与目标之差"]
    assert gaps == ["0 个百分点", "0 个百分点"]
    assert not [m for m in at.metric if m.delta and "e-" in m.delta]


def test_gdp_sliders():
    at = run({"section": "地区生产总值"})
    at.slider(key="gdp_real").set_value(7.0).run()
    assert not at.exception
    # 15720 × (1.07 × 1.0066)^5 = 22787 亿元 = 2.28 万亿元 (deflator slider at its 2-decimal default 0.66)
    expected = economy.gdp_2020(7.0, 0.66)
    assert metrics(at)["2020年地区生产总值（现价）"] == f"{expected / 10000:.2f} 万亿元" == "2.28 万亿元"
    assert preset(at).value == "经济放缓：实际增长7%"  # the State is that preset


def test_income_sliders():
    at = run({"section": "城乡收入"})
    at.slider(key="urban_income").set_value(8.0).run()
    at.slider(key="rural_income").set_value(8.0).run()
    assert not at.exception
    # Same growth keeps 27239/10505 = 2.59∶1
    assert metrics(at)["2020年城乡收入比"] == "2.59∶1"
    assert preset(at).value == "城乡收入同速增长8%"


def test_a_prepared_link_reopens_the_same_scenario():
    at = run({"section": "地区生产总值", "gdp_real": "6.5", "gdp_deflator": "0", "presenter": "true"})
    assert not at.exception
    assert at.slider(key="gdp_real").value == 6.5
    assert at.slider(key="gdp_deflator").value == 0.0
    assert at.button_group(key="presenter").value == "演示模式"  # the one pill, selected
    # 15720 × 1.065^5 = 21538 亿元
    assert metrics(at)["2020年地区生产总值（现价）"] == f"{economy.gdp_2020(6.5, 0.0) / 10000:.2f} 万亿元" == "2.15 万亿元"


def test_presenter_mode_hides_the_chrome_and_the_working():
    at = run({"presenter": "true"})
    styles = [m.value for m in at.markdown if "<style>" in m.value]
    assert any('[data-testid="stSidebar"]' in s and "display: none" in s for s in styles)
    assert not [m for m in at.markdown if "剩余年份所需速度" in m.value]  # the still-needed table stays on the desk
    plain = run()
    assert not [m for m in plain.markdown if "stSidebar" in m.value]
    assert [m for m in plain.markdown if "剩余年份所需速度" in m.value]


def test_reset_to_plan_restores_every_slider():
    at = run({"section": "地区生产总值", "gdp_real": "5"})
    next(b for b in at.button if b.label == "恢复规划数字").click().run()
    assert at.slider(key="gdp_real").value == economy.figures().real_growth.value
    assert "gdp_real" not in at.query_params and at.query_params["section"] == "地区生产总值"


def test_a_preset_writes_its_sliders_to_the_url():
    at = run()
    preset(at).select("经济放缓：实际增长7%").run()
    assert not at.exception
    assert at.slider(key="gdp_real").value == 7.0
    assert dict(at.query_params) == {"section": "地区生产总值", "gdp_real": "7"}
    assert metrics(at)["2020年地区生产总值（现价）"] == "2.28 万亿元"


def test_another_indicator_starts_at_its_own_plan_pace():
    at = run({"indicator": "t2_forest_cover", "pace": "1"})
    at.selectbox(key="indicator").select("t2_rd_share").run()
    assert not at.exception
    assert at.slider(key="pace_t2_rd_share").value == options_by_id()["t2_rd_share"].plan_pace
    assert "pace" not in at.query_params


def shared_link(at) -> str:
    """The link in the share box (pages/_compat.copy_link), as the reader sees it."""
    boxes = [e.proto.body for e in at.get("html") if "<span data-link>" in e.proto.body]
    assert len(boxes) == 1, boxes
    return html.unescape(re.search(r"<span data-link>(.*?)</span>", boxes[0]).group(1))


def test_the_share_link_is_visible_and_encodes_the_state():
    at = run({"section": "地区生产总值", "gdp_real": "7"})
    link = shared_link(at)
    assert "复制链接" in next(e.proto.body for e in at.get("html") if "<span data-link>" in e.proto.body)
    assert link.startswith("/scenarios?") and "gdp_real=7" in link  # AppTest has no browser address: a relative link
    assert page.parse({k: [v] for k, v in (p.split("=") for p in link.split("?")[1].split("&"))}).gdp_real == 7.0
    assert len(at.get("image")) == 1  # the QR code (its SVG is checked in tests/test_qr.py)


def test_the_handout_shows_the_answer_without_widgets():
    at = run({"handout": "true", "section": "地区生产总值", "gdp_real": "7"})
    assert not at.exception
    assert metrics(at)["2020年地区生产总值（现价）"] == "2.28 万亿元"
    assert not at.slider and not at.selectbox
    assert "handout" not in shared_link(at)  # the handout's link opens the studio


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
        {"pace": "-999"},
    ],
)
def test_bad_url_values_give_a_notice_and_no_exception(query):
    at = run(query)
    assert not at.exception
    assert any("已忽略" in info.value for info in at.info)
    assert all(inert(e.value) for e in list(at.markdown) + list(at.info))


def test_the_presenter_and_method_pills_write_the_url():
    at = run({"indicator": "t2_forest_cover"})
    at.button_group(key="switches").set_value(["对比情景B"]).run()
    assert not at.exception
    assert at.query_params["compare"] == "true" and "yearly" not in at.query_params
    at.button_group(key="presenter").set_value("演示模式").run()
    assert at.query_params["presenter"] == "true"
    at.button_group(key="presenter").set_value(None).run()
    assert "presenter" not in at.query_params


def test_with_a_public_address_the_link_and_its_qr_code_name_it(monkeypatch):
    # No QR decoder is installed here (zxing-cpp, pyzbar: none in the environment), so the QR code
    # is checked by making it again with segno from the address expected: the same symbol, byte for byte.
    from lib.present.qr import qr_svg
    from pages._shared import svg_uri

    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://dash.example.org/")
    at = run({"section": "地区生产总值", "gdp_real": "7"})
    expected = "https://dash.example.org/scenarios?section=%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC&gdp_real=7"
    assert shared_link(at) == expected
    (image,) = at.get("image")
    assert svg_uri(qr_svg(expected)) in str(image.proto)
    assert not at.warning  # a public address: nothing to warn about


def field(at, words: str):
    (found,) = [f for f in at.number_input if words in f.label]
    return found


def test_a_number_field_and_a_goal_set_the_pace_exactly():
    at = run({"indicator": "t2_rd_share"})
    field(at, "精确值").set_value(0.094).run()
    assert not at.exception
    assert at.query_params["pace"] == "0.094" and metrics(at)["情景A：2020年"] == "2.00 %"
    assert at.slider(key="pace_t2_rd_share").value == 0.094  # the slider moved with it, and reads 0.094 (format)
    at = run({"indicator": "t2_trade"})
    field(at, "目标值").set_value(9000.0).run()
    assert not at.exception
    assert metrics(at)["情景A：2020年"] == "9000 亿元"  # 4644 × (1 + p)^5 = 9000: p = 14.1485 %
    assert at.query_params["pace"] == "14.1485"


def test_a_goal_no_pace_in_range_reaches_leaves_the_scenario_and_the_entry_as_they_were():
    # 森林覆盖率 45 % in 2015: 99 % in 2020 needs 10.8 个百分点/年, beyond the slider's range
    at = run({"indicator": "t2_forest_cover"})
    field(at, "目标值").set_value(99.0).run()
    assert not at.exception
    assert "pace" not in at.query_params and metrics(at)["情景A：2020年"] == "46 %"
    assert field(at, "目标值").value == 46.0  # back to what the scenario reaches, not the 99 typed
