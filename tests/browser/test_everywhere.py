"""What every visitor meets on any page: Chinese for unknown paths, the document language, a tab title per page."""

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, VIEWPORTS, assert_healthy, assert_no_overflow, wait_until_idle

pytestmark = pytest.mark.browser

TITLES = {
    "": "概览",
    "indicators": "指标总览",
    "trajectories": "指标轨迹",
    "scenarios": "情景推演",
    "zones_map": "功能区域地图",
    "plan_reader": "规划原文",
    "methods": "数据与方法",
}


@pytest.mark.parametrize("path", ["foo", "Indicators", "no_such_page"])
def test_an_unknown_path_gets_the_chinese_not_found_page(watched: Page, app_url, path):
    # Until some session has run app.py, Streamlit is in its legacy multipage mode and
    # answers an unknown path itself, in English (docs/deployment.md, "English that remains"); a
    # visit to the home page first is what any earlier visitor does.
    watched.goto(app_url)
    wait_until_idle(watched)
    watched.goto(f"{app_url}/{path}")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name="页面不存在")).to_be_visible()
    expect(watched.get_by_text("Page not found")).to_have_count(0)
    watched.get_by_role("link", name="回到概览").click()
    expect(watched.get_by_role("heading", name="重庆“十三五”规划：承诺与难度")).to_be_visible(timeout=60_000)
    assert_healthy(watched)


@pytest.mark.parametrize("path, title", list(TITLES.items()))
def test_every_page_has_its_own_tab_title_and_says_it_is_chinese(watched: Page, app_url, path, title):
    watched.goto(f"{app_url}/{path}")
    wait_until_idle(watched)
    expect(watched).to_have_title(f"{title} · 重庆“十三五”规划纲要")
    assert watched.evaluate("document.documentElement.lang") == "zh-CN"


@pytest.mark.parametrize("viewport", list(VIEWPORTS.values()), ids=list(VIEWPORTS))
def test_the_not_found_page_fits_every_screen(watched: Page, app_url, viewport):
    watched.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    watched.goto(f"{app_url}/home2")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name="页面不存在")).to_be_visible()
    assert_no_overflow(watched)


def test_printing_a_page_hides_the_navigation(watched: Page, app_url):
    watched.goto(f"{app_url}/methods")
    wait_until_idle(watched)
    watched.emulate_media(media="print")
    expect(watched.get_by_test_id("stSidebar")).to_be_hidden()
    expect(watched.get_by_role("heading", name="数据与方法")).to_be_visible()
    watched.pdf(path=str(SCREENSHOTS / "methods-print.pdf"), format="A4")
