"""The dashboard in a real browser, used as a person would."""

import io

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, assert_healthy, wait_until_idle

pytestmark = pytest.mark.browser

PAGES = [
    ("概览", "overview", "重庆“十三五”规划：承诺与难度"),
    ("指标总览", "indicators", "指标总览"),
    ("指标轨迹", "trajectories", "指标轨迹"),
    ("情景推演", "scenarios", "情景推演"),
    ("2020年完成情况", "report_card", "2020年目标完成情况"),
    ("功能区域地图", "zones_map", "功能区域地图"),
    ("规划原文", "plan_reader", "规划原文"),
    ("数据与方法", "methods", "数据与方法"),
]
SIZES = [(1920, 1080), (1280, 720)]


@pytest.mark.parametrize("width, height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_page_loads_from_the_sidebar(watched: Page, app_url, width, height):
    watched.set_viewport_size({"width": width, "height": height})
    watched.goto(app_url)
    wait_until_idle(watched)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for link_text, name, heading in PAGES:
        # app.py's own page links (pages/_navigation.py), each by its accessible name
        watched.locator(".st-key-site_navigation").get_by_role("link", name=link_text, exact=True).click()
        expect(watched.get_by_role("heading", name=heading)).to_be_visible(timeout=60_000)
        wait_until_idle(watched)
        assert_healthy(watched)
        watched.screenshot(path=SCREENSHOTS / f"{name}-{width}x{height}.png", full_page=False)


def test_moving_a_scenario_slider_changes_the_2020_value(watched: Page, app_url):
    watched.goto(f"{app_url}/scenarios?section=地区生产总值")
    wait_until_idle(watched)
    value = watched.get_by_test_id("stMetricValue").first
    expect(value).to_have_text("2.50 万亿元")
    thumb = watched.get_by_role("slider").first
    thumb.focus()
    for _ in range(10):
        thumb.press("ArrowLeft")  # 9.0 → 8.0 % real growth, one 0.1 step at a time
    expect(value).not_to_have_text("2.50 万亿元", timeout=30_000)
    wait_until_idle(watched)
    assert_healthy(watched)


def test_a_shared_link_reopens_the_same_scenario(watched: Page, app_url):
    watched.goto(f"{app_url}/scenarios?section=地区生产总值&gdp_real=7")
    wait_until_idle(watched)
    # 15720 × (1.07 × 1.0066)^5 = 22787 亿元
    expect(watched.get_by_test_id("stMetricValue").first).to_have_text("2.28 万亿元")
    expect(watched.get_by_role("slider", name="实际增速（%/年）")).to_have_value("7")
    assert_healthy(watched)


def test_presenter_mode_hides_the_chrome(watched: Page, app_url):
    watched.set_viewport_size({"width": 1280, "height": 720})
    watched.goto(f"{app_url}/scenarios?presenter=true&section=地区生产总值")
    wait_until_idle(watched)
    expect(watched.get_by_test_id("stSidebar")).to_be_hidden()
    expect(watched.get_by_test_id("stHeader")).to_be_hidden()
    watched.screenshot(path=SCREENSHOTS / "scenarios-presenter-1280x720.png")
    assert_healthy(watched)


def test_a_bad_url_shows_a_notice_not_a_traceback(watched: Page, app_url):
    watched.goto(f"{app_url}/scenarios?gdp_real=abc&section=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    wait_until_idle(watched)
    expect(watched.get_by_text("已忽略", exact=False)).to_be_visible()
    expect(watched.locator("img[src=x]")).to_have_count(0)
    assert_healthy(watched)


def test_search_highlights_matches(watched: Page, app_url):
    watched.goto(f"{app_url}/plan_reader?q=页岩气")
    wait_until_idle(watched)
    expect(watched.get_by_text("找到", exact=False).first).to_be_visible()
    assert_healthy(watched)


def test_the_map_canvas_draws(watched: Page, app_url):
    watched.set_viewport_size({"width": 1280, "height": 900})
    watched.goto(f"{app_url}/zones_map")
    wait_until_idle(watched)
    canvas = watched.locator("[data-testid=stDeckGlJsonChart] canvas").first
    expect(canvas).to_be_visible(timeout=60_000)
    # deck.gl draws asynchronously; poll the pixels until they are not all one colour.
    distinct = 0
    for _ in range(40):
        png = canvas.screenshot()
        distinct = len(Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 24))
        if distinct > 20:
            break
        watched.wait_for_timeout(250)
    assert distinct > 20, f"the map canvas has only {distinct} colours"
    watched.screenshot(path=SCREENSHOTS / "zones_map-canvas-1280x900.png")
    assert_healthy(watched)


def test_first_visitor_on_a_sub_path_gets_the_apps_navigation(watched: Page):
    """Right after a restart, /scenarios must run through app.py (see pages/_shared.py)."""
    from bench.stream import ROOT, server

    with server(ROOT / "app.py") as (port, _):
        watched.goto(f"http://127.0.0.1:{port}/scenarios")
        wait_until_idle(watched)
        navigation = watched.locator(".st-key-site_navigation")
        expect(navigation.get_by_text("指标与目标")).to_be_visible()  # a section of app.py's navigation
        # Streamlit's own list is hidden (pages/_navigation.py); a folder listing would bring it back
        expect(watched.get_by_test_id("stSidebarNav")).to_have_count(0)
        expect(watched.get_by_text("_shared", exact=False)).to_have_count(0)
        expect(watched.get_by_role("heading", name="情景推演")).to_be_visible()
        assert_healthy(watched)


def test_indicator_filters_live_in_a_link_that_reopens_them(watched: Page, app_url):
    watched.goto(f"{app_url}/indicators")
    wait_until_idle(watched)
    filters = watched.get_by_test_id("stButtonGroup").filter(has_text="五大发展")
    filters.get_by_role("button", name="绿色发展").click()
    # 绿色发展 in 专栏2: 16 rows (tests/test_page_indicators.py)
    expect(watched.get_by_text("显示 16 / 43 行")).to_be_visible(timeout=30_000)
    filters.get_by_role("button", name="开放发展").click()
    # + 开放发展's 7 rows = 23
    expect(watched.get_by_text("显示 23 / 43 行")).to_be_visible(timeout=30_000)
    wait_until_idle(watched)
    shared = watched.url
    assert "pillar=" in shared
    watched.goto("about:blank")
    watched.goto(shared)
    wait_until_idle(watched)
    expect(watched.get_by_text("显示 23 / 43 行")).to_be_visible(timeout=30_000)
    assert_healthy(watched)


def test_a_typed_overview_link_opens_the_overview_without_a_page_not_found(watched: Page, app_url):
    watched.goto(app_url)  # not the first visit after a restart, which Streamlit routes by file name
    wait_until_idle(watched)
    watched.goto(f"{app_url}/overview")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name="重庆“十三五”规划：承诺与难度")).to_be_visible(timeout=30_000)
    expect(watched.get_by_text("Page not found")).to_have_count(0)
    assert watched.url.rstrip("/") == app_url.rstrip("/")
    assert_healthy(watched)
