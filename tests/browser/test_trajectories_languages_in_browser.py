"""指标轨迹 and the static indicator page in English and 繁體, as a reader opens them (issue 27).

English shows no Han character outside what is marked Chinese (the plan's sentences and the
sources, as printed; the switch's own language names); the chart's keyboard readout speaks
English; nothing overflows at 1280×720 and 390×844; the switch keeps the indicator. On the
static page only this page's own parts are held to that (the trajectory, its chart and readout,
the related sentences, the pace section's words, the data links, the frame): the row detail
(指标总览's View) and the studio's slider words are translated on their own branches.
"""

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, UNMARKED_HAN, VIEWPORTS, assert_healthy, assert_no_overflow, wait_until_idle
from lib.views import trajectories

FOREST = "t2_forest_cover"
SIZES = ["projector", "phone"]
# UNMARKED_HAN (browser_helpers) for the given parts of the page only.
UNMARKED_HAN_IN = (
    "(selectors) => { const all = ("
    + UNMARKED_HAN.replace("() => {", "(root) => {", 1)
    .replace("document.body", "root")
    .replace("if (han.test(document.title)) found.push('title=' + document.title);", "")
    + "); return selectors.flatMap(s => [...document.querySelectorAll(s)]).flatMap(root => all(root)); }"
)
# Vega cuts a text longer than its limit to “…”: a legend label, an axis title, a chart title.
CUT_CHART_TEXT = (
    "() => [...document.querySelectorAll('.vega svg text, .vega-embed svg text')].map(t => t.textContent).filter(t => t.includes('…'))"
)
OWN_PARTS = [
    "header.site",
    "footer",
    "div.summary",
    "section[aria-labelledby=chart-h]",
    "#pace-h",
    "section[aria-labelledby=pace-h] > p",
    "#source-h",
    "ul.related",
    "p.language-note",
    "p.data-links",
    # The embed box's words; its code names the row by 指标总览's title (that View's own translation).
    "details.embed-box > summary",
    "details.embed-box > p",
    "details.embed-box > label",
]
LIVE_CHART = "section[aria-labelledby=chart-h] .vega svg"


def drawn(page: Page) -> None:
    """The live chart drawn (site.js fetches Vega at the reader's first sign of life): nothing is loading after."""
    page.mouse.move(5, 5)
    expect(page.locator(LIVE_CHART).first).to_be_attached(timeout=30_000)


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def size_to(page: Page, size: str) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size])))


def second_point(lang: str) -> str:
    """The printed line's 2015 point as the readout must say it: its year, then its value as the View shows it."""
    chart = trajectories.build(trajectories.State(indicator=FOREST, lang=lang)).chart
    rows = sorted((r for rows in chart.spec["datasets"].values() for r in rows if r.get("line_key") == "actual"), key=lambda r: r["year"])
    return f"{rows[1]['year']}, {rows[1]['shown']} %"


def read_by_keyboard(page: Page) -> str:
    holder = page.locator(".readout[data-readout-ready]").first
    expect(holder).to_be_visible(timeout=30_000)
    holder.scroll_into_view_if_needed()
    holder.locator(".readout-control").focus()
    page.keyboard.press("ArrowRight")
    expect(holder.locator(".readout-cc")).to_contain_text(second_point("en"))  # “2015, 45 %”
    expect(holder.locator(".readout-cc")).to_have_attribute("lang", "en")
    return holder.inner_text()


@pytest.mark.parametrize("size", SIZES)
def test_the_app_page_in_english(watched: Page, app_url, size):
    size_to(watched, size)
    watched.goto(f"{app_url}/trajectories?indicator={FOREST}&lang=en")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name="Trajectories", exact=True)).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", "en")
    said = read_by_keyboard(watched)
    assert "Keyboard readout" in said
    found = watched.evaluate(UNMARKED_HAN)
    assert found == [], "\n".join(found)
    assert_healthy(watched)
    assert_no_overflow(watched)
    shot(watched, f"trajectories-en-app-{size}")


def test_the_app_switch_keeps_the_indicator(watched: Page, app_url):
    watched.goto(f"{app_url}/trajectories?indicator={FOREST}&lang=en")
    wait_until_idle(watched)
    watched.locator('nav.lang-switch a[hreflang="zh-Hant"]').click()
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name="指標軌跡", exact=True)).to_be_visible()
    assert "indicator=t2_forest_cover" in watched.url and "lang=zh-Hant" in watched.url
    watched.reload()
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name="指標軌跡", exact=True)).to_be_visible()
    assert_healthy(watched)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("folder", "lang"), [("/en", "en"), ("/zh-hant", "zh-Hant")])
def test_the_static_indicator_page(watched: Page, site_url, folder, lang, size):
    size_to(watched, size)
    watched.goto(f"{site_url}{folder}/indicator/{FOREST}/")
    expect(watched.locator("html")).to_have_attribute("lang", lang)
    expect(watched.locator("#chart-h")).to_have_text("Trajectory" if lang == "en" else "軌跡")
    alternates = watched.locator('link[rel="alternate"][hreflang]')
    assert sorted(alternates.evaluate_all("ls => ls.map(l => l.hreflang + ' ' + new URL(l.href).pathname)")) == [
        "en /en/indicator/t2_forest_cover/",
        "x-default /indicator/t2_forest_cover/",
        "zh-CN /indicator/t2_forest_cover/",
        "zh-Hant /zh-hant/indicator/t2_forest_cover/",
    ]
    # The live chart replaces its picture (site.js), then nothing of it is cut to “…”.
    drawn(watched)
    if lang == "en":
        read_by_keyboard(watched)
        found = watched.evaluate(UNMARKED_HAN_IN, OWN_PARTS)
        assert found == [], "\n".join(found)
        # The plan's sentences are there, marked as the Chinese they are printed in.
        assert watched.locator('ul.related span[lang="zh-CN"]').count() == 2
    else:
        # The readout speaks 繁體: chart2music's summary and its key list were 简体 on this page.
        holder = watched.locator(".readout[data-readout-ready]").first
        expect(holder).to_be_visible(timeout=30_000)
        holder.scroll_into_view_if_needed()
        holder.locator(".readout-control").focus()
        expect(holder.locator(".readout-cc")).to_contain_text("圖表")
        watched.keyboard.press("h")
        dialog = watched.locator("dialog[open]")
        expect(dialog).to_contain_text("鍵盤")
        said = holder.locator(".readout-cc").inner_text() + dialog.inner_text()
        assert not [word for word in ("图表", "键盘", "按键", "个系列", "Keyboard Shortcut") if word in said], said
        expect(dialog.locator("th").first).to_have_text("操作")  # chart2music's English headings replaced
        watched.keyboard.press("Escape")
    assert watched.evaluate(CUT_CHART_TEXT) == []
    assert_no_overflow(watched)
    assert not watched.problems, watched.problems
    shot(watched, f"indicator-static-{lang}-{size}")


def test_the_static_switch_keeps_the_indicator(watched: Page, site_url):
    watched.goto(f"{site_url}/en/indicator/{FOREST}/")
    drawn(watched)
    watched.locator('nav.lang-switch a[hreflang="zh-Hant"]').click()
    expect(watched).to_have_url(f"{site_url}/zh-hant/indicator/{FOREST}/")
    drawn(watched)
    watched.locator('nav.lang-switch a[hreflang="zh-CN"]').click()
    expect(watched).to_have_url(f"{site_url}/indicator/{FOREST}/")
    expect(watched.locator("#chart-h")).to_have_text("轨迹")
    assert not watched.problems, watched.problems
