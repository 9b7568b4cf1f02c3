"""The static edition's shared chrome in Chromium (issue 26): nothing moves when the live chart
takes its picture's place, every header and footer link is a 44 px tap target on a phone, and
数据更新记录 reads at three sizes with its feed linked.

Served with the edition's CSP (bake.serve), from the session's bake (tests/conftest.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import ENGLISH, SCREENSHOTS, VIEWPORTS, assert_no_overflow

pytestmark = pytest.mark.browser
PHONE = VIEWPORTS["phone"]
TAP = 44  # px, WCAG 2.5.5's target size
# The trajectory and the pace slider (one slider); the trajectory and the studio's 地区生产总值 (three).
CHART_PAGES = {"t2_forest_cover": 2, "t1_gdp": 2}
CHROME_PAGES = ("/", "/indicator/t2_forest_cover/", "/indicators/", "/report/", "/zones/", "/plan/", "/changes/", "/search/")
# Layout shifts the page has had, including those before this script ran (buffered); shifts
# right after a person's input are not layout instability (hadRecentInput), as CLS counts them.
LAYOUT_SHIFT = """() => new Promise(done => {
  const shifts = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) shifts.push(e.value); }))
    .observe({type: 'layout-shift', buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => done(shifts)));
})"""
TOO_SMALL = """(size) => [...document.querySelectorAll('header.site a, footer.site a')]
  .map(a => [a.textContent.trim(), a.getBoundingClientRect()])
  .filter(([, box]) => box.width < size || box.height < size)
  .map(([text, box]) => `${text}: ${Math.round(box.width)}×${Math.round(box.height)}`)"""


def _watched(browser, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    return context, page, problems


@pytest.mark.parametrize("indicator", CHART_PAGES)
def test_the_live_chart_takes_its_pictures_place_without_moving_anything(browser, site_url, indicator):
    context, page, problems = _watched(browser, PHONE)
    page.goto(f"{site_url}/indicator/{indicator}/")
    page.mouse.move(5, 5)  # a pointer move is no "recent input" for layout shifts, unlike a tap or a key
    expect(page.locator(".vega.drawn svg.marks")).to_have_count(CHART_PAGES[indicator])
    expect(page.locator(".vega img")).to_have_count(0)  # every picture replaced
    sliders = page.locator(".vega-bindings input[type=range]")
    expect(sliders.first).to_be_visible()
    shifts = page.evaluate(LAYOUT_SHIFT)
    assert sum(shifts) < 0.05, shifts  # was 0.318 (Lighthouse, 390 px) when Vega drew at its own size
    for box in page.evaluate("() => [...document.querySelectorAll('.vega-bindings input')].map(i => i.getBoundingClientRect().height)"):
        assert box >= TAP
    assert_no_overflow(page)
    assert problems == []
    context.close()


def test_a_reader_who_only_reads_never_runs_vega(browser, site_url):
    """The pictures are the page: the bundle is fetched and run at the reader's first interaction."""
    context, page, problems = _watched(browser, PHONE)
    page.goto(f"{site_url}/indicator/t2_forest_cover/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => typeof window.vega") == "undefined"
    expect(page.locator(".vega img")).to_have_count(2)
    assert page.evaluate("() => [...document.querySelectorAll('.vega img')].every(i => i.complete && i.naturalWidth > 0)")
    assert not page.evaluate("() => performance.getEntriesByType('resource').some(r => r.name.endsWith('/assets/vega.js'))")
    page.mouse.move(5, 5)
    expect(page.locator(".vega.drawn")).to_have_count(2)
    assert problems == []
    context.close()


@pytest.mark.parametrize("path", CHROME_PAGES)
def test_every_header_and_footer_link_is_a_tap_target_on_a_phone(browser, site_url, path):
    context, page, problems = _watched(browser, PHONE)
    page.goto(f"{site_url}{path}")
    expect(page.locator("footer.site a").first).to_be_attached()
    assert page.evaluate(TOO_SMALL, TAP) == []
    page.keyboard.press("Tab")  # the skip link, shown on focus
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["height"] >= TAP and box["width"] >= TAP
    assert problems == []
    context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
def test_the_changes_page_reads_at_every_size_and_names_its_feed(browser, site_url, viewport):
    context, page, problems = _watched(browser, VIEWPORTS[viewport])
    page.goto(f"{site_url}/changes/")
    expect(page.locator("h1")).to_have_text("数据更新记录")
    expect(page.locator("main h2").first).to_contain_text("版")
    expect(page.locator("footer.site .data-date")).to_contain_text("数据截至")
    feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    assert feed.get_attribute("href") == "/changes.atom"
    expect(page.locator('footer.site a[href="/changes/"]')).to_have_text("数据更新记录")
    assert ENGLISH.findall(page.locator("main").inner_text()) == []
    assert_no_overflow(page)
    page.screenshot(path=SCREENSHOTS / "bake" / f"changes_{viewport}.png", full_page=True)
    answer = page.request.get(f"{site_url}/changes.atom")
    assert answer.ok and answer.headers["content-type"].startswith("application/atom+xml")
    assert "<feed" in answer.text()
    page.goto(f"{site_url}/indicator/t2_forest_cover/")
    page.mouse.move(5, 5)
    expect(page.locator(".vega.drawn svg.marks")).to_have_count(2)
    assert_no_overflow(page)
    page.screenshot(path=SCREENSHOTS / "bake" / f"indicator_chrome_{viewport}.png", full_page=True)
    assert problems == []
    context.close()
