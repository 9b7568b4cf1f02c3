"""情景推演 in English and 繁體 as a presenter opens it (issue 27): no Han character outside what is
marked Chinese, <html lang> names the language, nothing overflows or is cut to “…” at the three
sizes (English is longer than Chinese), a slider move keeps the language in the URL, and presenter
mode in English keeps the answer and the chart on one 1280×720 screen."""

import re

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import (
    SCREENSHOTS,
    UNMARKED_HAN,
    VIEWPORTS,
    assert_healthy,
    assert_no_overflow,
    assert_no_truncated_metric,
    assert_nothing_cut,
    metric,
    wait_until_idle,
)
from lib.views import scenarios

pytestmark = pytest.mark.browser
QUERIES = {
    "indicator": "indicator=t2_forest_cover&compare=true&pace_b=1.6",
    "gdp": "section=地区生产总值&gdp_real=7",
    "incomes": "section=城乡收入&urban_income=8&rural_income=8",
}


@pytest.fixture()
def watched(watched: Page):
    watched.set_default_timeout(60_000)  # two cores shared with other sessions
    return watched


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("panel", list(QUERIES))
@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_the_studio_in_english(watched: Page, app_url, size, panel):
    page = watched
    page.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size])))
    page.goto(f"{app_url}/scenarios?lang=en&{QUERIES[panel]}")
    wait_until_idle(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Scenarios", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text=re.compile("Target met|Target missed")).first).to_be_visible()
    if panel != "incomes":  # the income panel draws no chart
        expect(page.get_by_test_id("stVegaLiteChart").locator("canvas, svg").first).to_be_visible()
    found = page.evaluate(UNMARKED_HAN)
    assert found == [], "\n".join(found)
    assert_healthy(page)
    assert_no_overflow(page)
    assert_no_truncated_metric(page)
    assert_nothing_cut(page)
    shot(page, f"scenarios-en-{panel}-{size}")


def test_the_studio_in_traditional_chinese(watched: Page, app_url):
    page = watched
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/scenarios?lang=zh-Hant&{QUERIES['gdp']}")
    wait_until_idle(page)
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(metric(page, "2020年地區生產總值（現價）")).to_have_text("2.28 萬億元")
    assert_healthy(page)
    assert_no_overflow(page)
    assert_nothing_cut(page)
    shot(page, "scenarios-zh-Hant-gdp-projector")


def test_a_slider_move_keeps_the_language(watched: Page, app_url):
    # 森林覆盖率 at the plan's 0.2 个百分点/年; five 0.01 steps: 0.25, so 45 + 5 × 0.25 = 46.25 → 46.3 %
    page = watched
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/scenarios?lang=en&indicator=t2_forest_cover")
    wait_until_idle(page)
    thumb = page.get_by_role("slider", name=re.compile("Scenario A"))
    thumb.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"pace=0\.25(&|$)"), timeout=30_000)
    wait_until_idle(page)
    assert "lang=en" in page.url, page.url
    expected = scenarios.build(scenarios.State(indicator="t2_forest_cover", pace=0.25, lang="en")).studio.metric_rows[0][0]
    expect(metric(page, expected.label)).to_have_text(expected.value)
    # a reload of the copied link opens the same scenario, in English
    page.reload()
    wait_until_idle(page)
    expect(metric(page, expected.label)).to_have_text(expected.value)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.evaluate(UNMARKED_HAN) == []
    assert_healthy(page)


@pytest.mark.parametrize("panel", ["indicator", "gdp"])
def test_presenter_mode_in_english_fits_one_projector_screen(watched: Page, app_url, panel):
    page = watched
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/scenarios?presenter=true&lang=en&{QUERIES[panel]}")
    wait_until_idle(page)
    expect(page.get_by_test_id("stVegaLiteChart").locator("canvas, svg").first).to_be_visible()
    assert page.evaluate(UNMARKED_HAN) == []
    assert_healthy(page)
    assert_no_overflow(page)
    assert_nothing_cut(page)
    for found in page.get_by_test_id("stMetric").all():
        box = found.bounding_box()
        assert box["y"] + box["height"] <= 720, (panel, box)
    box = page.get_by_test_id("stVegaLiteChart").first.bounding_box()
    assert box["y"] + box["height"] <= 720, (panel, box)
    page.screenshot(path=str(SCREENSHOTS / f"scenarios-en-presenter-{panel}-1280x720.png"))
