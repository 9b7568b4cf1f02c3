"""AppTest: 大字号 / 高对比 in the app's sidebar, kept in the URL key ``display`` beside each page's own
query, never handed to a page's parse; a refused value gets a Chinese line; a chart gets its readout."""

import html
import json
import re

import pytest

from helpers import open_page
from lib.present import display


def _through_app_py() -> None:
    """As on a first visit, so AppTest runs app.py (where the sidebar's toggles are drawn) before the
    page: after the first run in a process AppTest's switch_page runs the page file alone
    (pages/_compat.ensure_navigation flips Streamlit's pages-directory flag once per process)."""
    from streamlit.runtime.pages_manager import PagesManager

    from pages import _compat

    _compat._navigation_checked = False
    PagesManager.uses_pages_directory = True


@pytest.fixture(autouse=True)
def through_app_py():
    _through_app_py()
    yield


def _toggle(at, mode: str):
    return at.toggle(key=f"display_{mode}")


def _param(at, key: str) -> list[str]:
    value = at.query_params[key]  # AppTest gives one value as a string, several as a list
    return value if isinstance(value, list) else [value]


def _styles(at) -> str:
    return " ".join(element.proto.body for element in at.get("html"))


@pytest.mark.parametrize(
    ("value", "modes"),
    [
        ("large", ("large",)),
        ("contrast", ("contrast",)),
        ("large,contrast", ("large", "contrast")),
        ("contrast,large", ("large", "contrast")),
    ],
)
def test_the_url_key_switches_the_modes_on(value, modes):
    at = open_page("trajectories", {"indicator": "t2_forest_cover", "display": value})
    assert not at.exception
    assert [m for m in display.MODES if _toggle(at, m).value] == list(modes)
    assert _param(at, "display") == [",".join(modes)]  # normalised, beside the page's own key
    assert _param(at, "indicator") == ["t2_forest_cover"]
    assert not at.info  # the page's parse never saw the key: no notice
    assert ("font-size: 20px" in _styles(at)) == ("large" in modes)
    assert ("opacity: 1 !important" in _styles(at)) == ("contrast" in modes)


@pytest.mark.parametrize("value", ["huge", "<img src=x onerror=alert(1)>", "large,１"])
def test_a_refused_value_is_said_in_chinese_and_breaks_nothing(value):
    at = open_page("trajectories", {"display": value})
    assert not at.exception
    assert any(display.NOTICE in caption.value for caption in at.sidebar.caption)
    assert not at.info
    assert _toggle(at, "large").value == ("large" in value.split(","))


def test_a_toggle_writes_the_url_and_the_next_page_keeps_it():
    at = open_page("trajectories", {"indicator": "t2_forest_cover"})
    assert "display" not in at.query_params
    _toggle(at, "large").set_value(True).run()
    assert _param(at, "display") == ["large"]
    assert _param(at, "indicator") == ["t2_forest_cover"]
    _through_app_py()
    at.switch_page("pages/indicators.py").run()
    assert not at.exception
    assert _toggle(at, "large").value is True
    assert _param(at, "display") == ["large"]
    _toggle(at, "large").set_value(False).run()
    assert "display" not in at.query_params


def test_every_chart_of_the_page_gets_its_readout():
    at = open_page("trajectories", {"indicator": "t2_forest_cover"})
    readouts = [element for element in at.get("html") if "data-readout=" in element.proto.body]
    assert len(readouts) == len(at.get("vega_lite_chart")) == 2  # the trajectory and the ranking
    assert "森林覆盖率（%）" in readouts[0].proto.body


def _studio_readout(at) -> dict:
    """The studio chart's readout as the app hands it to the browser (pages/_display.draw_readout)."""
    (body,) = [element.proto.body for element in at.get("html") if "data-readout=" in element.proto.body]
    return json.loads(html.unescape(re.search(r'data-readout="([^"]*)"', body).group(1)))


def _in_2020(found: dict, series: str) -> str:
    (picked,) = [s for s in found["series"] if s["name"] == series]
    return {found["x_texts"][x]: words for x, _y, words in picked["points"]}["2020年"]


def test_the_studio_chart_reads_out_the_scenario_as_set_and_follows_the_slider():
    at = open_page("scenarios", {"indicator": "t2_trade"})
    assert not at.exception
    before = _studio_readout(at)
    assert before["label"] == "情景推演：进出口总额（亿元）"
    assert [s["name"] for s in before["series"]] == ["情景A", "完成目标所需路径", "2020年目标"]
    # 进出口总额 4644 亿元 (2015) at 10 %/yr: 4644 × 1.1^5 = 7479.2, shown as the answer shows it
    at.slider(key="pace_t2_trade").set_value(10.0).run()
    assert not at.exception
    after = _studio_readout(at)
    assert _in_2020(after, "情景A") == "7479 亿元" != _in_2020(before, "情景A")
    assert dict(m for m in ((m.label, m.value) for m in at.metric))["情景A：2020年"] == "7479 亿元"
    assert _in_2020(after, "2020年目标") == _in_2020(before, "2020年目标")


def test_the_gdp_section_reads_out_the_reported_years_beside_the_scenario():
    at = open_page("scenarios", {"section": "地区生产总值"})
    assert not at.exception
    names = [s["name"] for s in _studio_readout(at)["series"]]
    assert names == ["情景A", "完成目标所需路径", "实际（统计公报）", "2020年目标"]
