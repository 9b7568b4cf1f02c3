"""Issue 26 in Chromium, both editions, at 1280×720, 1920×1080 and 390×844: a chart stepped through
by keyboard (chart2music) reads the next point's year and value; 大字号 and 高对比 switched on one
page stay on on the next and after a reload, with the body text's size and contrast measured."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import SCREENSHOTS, VIEWPORTS, assert_healthy, assert_no_english, assert_no_overflow, wait_until_idle
from lib.present import display
from lib.views import trajectories

pytestmark = pytest.mark.browser
INDICATOR = "t2_forest_cover"  # 专栏2 row 12: printed 37 (2010) and 45 (2015)
LEAST_BODY_PX = 18  # issue 26's floor for body text (after the 适老化 规范)
LEAST_RATIO = 7  # its preferred contrast (4.5:1 the least)

# WCAG's contrast ratio of an element's text colour against the page's background, in the page itself;
# the text's colour as seen: an element's or an ancestor's opacity blends it into the background.
CONTRAST = """(selector) => {
  const parse = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (rgb) => { const l = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const element = document.querySelector(selector);
  let back = element, colour = "rgba(0, 0, 0, 0)";
  while (back && (colour === "rgba(0, 0, 0, 0)" || colour === "transparent")) { colour = getComputedStyle(back).backgroundColor; back = back.parentElement; }
  if (colour === "rgba(0, 0, 0, 0)") colour = "rgb(255, 255, 255)";
  let alpha = 1;
  for (let e = element; e; e = e.parentElement) alpha *= parseFloat(getComputedStyle(e).opacity);
  const background = parse(colour);
  const seen = parse(getComputedStyle(element).color).map((v, i) => alpha * v + (1 - alpha) * background[i]);
  const a = lum(seen), b = lum(background);
  return { ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), size: parseFloat(getComputedStyle(element).fontSize) };
}"""


def second_printed_point() -> str:
    """What the readout must say after one ArrowRight from the first point: the printed line's second
    point (2015), its value as the View's rows show it (lib.present.numbers) and the unit."""
    chart = trajectories.build(trajectories.State(indicator=INDICATOR)).chart
    rows = sorted(
        (row for rows in chart.spec["datasets"].values() for row in rows if row.get("line_key") == "actual"), key=lambda r: r["year"]
    )
    return f"{rows[1]['year']}年, {rows[1]['shown']} %"


def _watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return problems


def _read_by_keyboard(page) -> None:
    holder = page.locator(".readout[data-readout-ready]").first
    expect(holder).to_be_visible(timeout=30_000)
    holder.locator(".readout-control").focus()
    page.keyboard.press("ArrowRight")
    expect(holder.locator(".readout-cc")).to_contain_text(second_printed_point())


def _measured(page, selector: str) -> None:
    expect(page.locator(selector).first).to_be_visible()
    found = page.evaluate(CONTRAST, selector)
    assert found["size"] >= LEAST_BODY_PX, found
    assert found["ratio"] >= LEAST_RATIO, found


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_static_edition(page, site_url, viewport):
    problems = _watch(page)
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{site_url}/indicator/{INDICATOR}/")
    for label in display.MODES.values():
        page.get_by_role("button", name=label).click()
        expect(page.get_by_role("button", name=label)).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".vega.drawn")).to_have_count(page.locator(".vega").count())
    page.screenshot(path=SCREENSHOTS / f"display-static-{viewport[0]}x{viewport[1]}.png")
    _read_by_keyboard(page)
    page.screenshot(path=SCREENSHOTS / f"display-static-readout-{viewport[0]}x{viewport[1]}.png")
    page.get_by_role("navigation", name="栏目").get_by_role("link", name="指标总览").click()
    expect(page).to_have_url(re.compile(r"/indicators/$"))
    for reopened in (False, True):
        if reopened:
            page.reload()
        expect(page.locator("html")).to_have_class(re.compile(r"display-large.*display-contrast|display-contrast.*display-large"))
        for label in display.MODES.values():
            expect(page.get_by_role("button", name=label)).to_have_attribute("aria-pressed", "true")
        _measured(page, "footer.site p")  # the smallest and greyest text of a page
    assert_no_overflow(page)
    text = page.locator("main").inner_text()
    assert not re.search(r"\b(Sonified|chart|Press|Use arrow)\b", text), text
    assert not problems, problems


def _app_sidebar(page) -> None:
    """Open the sidebar where a narrow window folds it away."""
    opener = page.locator("[data-testid=stExpandSidebarButton]")
    if opener.is_visible():
        opener.click()
    expect(page.locator("[data-testid=stSidebar]")).to_be_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_app(watched, app_url, viewport):
    page = watched
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{app_url}/trajectories?indicator={INDICATOR}")
    wait_until_idle(page)
    _app_sidebar(page)
    for label in display.MODES.values():
        page.locator("[data-testid=stSidebar]").get_by_text(label, exact=True).click()
        wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"display=large%2Ccontrast"))
    page.screenshot(path=SCREENSHOTS / f"display-app-{viewport[0]}x{viewport[1]}.png")
    _read_by_keyboard(page)
    page.screenshot(path=SCREENSHOTS / f"display-app-readout-{viewport[0]}x{viewport[1]}.png")
    _app_sidebar(page)
    page.locator(".st-key-site_navigation").get_by_role("link", name="指标总览").click()  # pages/_navigation.py
    wait_until_idle(page)
    for reopened in (False, True):
        if reopened:
            page.wait_for_load_state("networkidle")  # a reload amid the table's script chunks would abort them
            before = len(page.problems)
            page.reload()
            wait_until_idle(page)
            # On a busy machine the chunks may still be on their way: the reload aborts them, which the
            # browser logs as failed loads. A real missing file stays caught: its response (4xx) is kept.
            page.problems[before:] = [
                p for p in page.problems[before:] if not re.match(r"failed .*/static/js/|console: Failed to load resource", p)
            ]
        expect(page).to_have_url(re.compile(r"/indicators\?.*display=large%2Ccontrast"))
        _app_sidebar(page)
        for label in display.MODES.values():
            expect(page.locator("[data-testid=stSidebar] label").filter(has_text=label).locator("input")).to_be_checked()
        # a caption: Streamlit's smallest and greyest body text
        _measured(page, "[data-testid=stMain] [data-testid=stCaptionContainer]")
    assert_no_overflow(page)
    assert_no_english(page)
    assert_healthy(page)
