"""The baked static edition in Chromium, served with its Content-Security-Policy (bake.serve).

One page per viewport walks the four things a visitor does: the overview,
one indicator (both charts drawn by Vega; the slider moves the 2020
value to what lib computes), the map (a district link opens its page) and a
search in Chinese. Any console error, failed request or CSP violation fails.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bake import serve
from browser_helpers import SCREENSHOTS, assert_no_overflow
from lib import scenario
from lib.figures import figure
from lib.scenario_catalogue import options_by_id

pytestmark = pytest.mark.browser
VIEWPORTS = {"projector": (1280, 720), "phone": (390, 844)}
INDICATOR = "t2_forest_cover"  # a share with a slider (专栏2 row 12)
SLIDER_PACE = "-0.5"  # far from the plan's pace, so the printed 2020 value must change


@pytest.fixture(scope="module")
def site_url(baked_site):
    server = serve.start(baked_site[0], 0)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _watch(page):
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") and "fit-y" not in m.text else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    return problems


def _landing(option, pace: float) -> str:
    outcome = scenario.run(option.kind, option.direction, option.base, option.target, [pace], option.qualifier)
    return f"2020年：{figure(outcome.value_2020, option.decimals)}"


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
def test_a_visitor_reads_moves_maps_and_searches(browser, site_url, viewport):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    problems = _watch(page)
    shots = SCREENSHOTS / "bake"
    shots.mkdir(parents=True, exist_ok=True)

    page.goto(f"{site_url}/")
    expect(page.locator("h1")).to_contain_text("十三五")
    expect(page.locator(".card")).not_to_have_count(0)
    assert_no_overflow(page)
    page.screenshot(path=shots / f"index_{viewport}.png", full_page=True)

    page.goto(f"{site_url}/indicator/{INDICATOR}/")
    expect(page.locator(".vega.drawn svg.marks")).to_have_count(2)  # trajectory and pace chart
    option = options_by_id()[INDICATOR]
    landing = page.locator(".vega.drawn text", has_text="2020年：")
    expect(landing).to_contain_text(_landing(option, option.plan_pace))
    slider = page.locator(".vega-bindings input[type=range]")
    slider.fill(SLIDER_PACE)
    expect(landing).to_contain_text(_landing(option, float(SLIDER_PACE)))
    assert _landing(option, float(SLIDER_PACE)) != _landing(option, option.plan_pace)
    assert_no_overflow(page)
    page.screenshot(path=shots / f"indicator_{viewport}.png", full_page=True)

    page.goto(f"{site_url}/zones/")
    districts = page.locator("svg.zone-map a")
    expect(districts).to_have_count(38)  # data/districts.csv: 38 districts
    page.locator('svg.zone-map a[href="/zones/500101/"]').click()  # 万州区
    expect(page.locator("h1")).to_have_text("万州区")
    page.screenshot(path=shots / f"district_{viewport}.png", full_page=False)

    page.goto(f"{site_url}/search/")
    page.locator(".pagefind-ui__search-input").fill("页岩气")
    result = page.locator(".pagefind-ui__result-link").first
    expect(result).to_be_visible()
    expect(page.locator(".pagefind-ui__result-link", has_text="第十一章")).not_to_have_count(0)
    page.screenshot(path=shots / f"search_{viewport}.png", full_page=False)

    assert problems == []
    context.close()


def test_an_indicator_page_reads_without_javascript(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, java_script_enabled=False)
    page = context.new_page()
    problems = _watch(page)
    page.goto(f"{site_url}/indicator/{INDICATOR}/")
    pictures = page.locator(".vega img")
    expect(pictures).to_have_count(2)
    assert page.evaluate("() => [...document.querySelectorAll('.vega img')].every(i => i.complete && i.naturalWidth > 0)")
    page.screenshot(path=SCREENSHOTS / "bake" / "indicator_no_js.png", full_page=True)
    assert problems == []
    context.close()
