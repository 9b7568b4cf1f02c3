"""指标对比, 讲义, 页面不存在 and 数据更新记录 in English and 繁體, as a reader opens them (issue 27).

What this page's own code draws must be in the reader's language: no Han character outside an
element marked Chinese (lang="zh-…": the plan's title as printed, the record as written, the
switch's language names). A panel's summary and chart and the handout's row detail are 指标轨迹's
and 指标总览's Views (their own tests hold their words); here they are checked to draw without a
fault, overflow or cut text. The English handout PDF is one A4 page with English labels and the
plan's title still in a CJK font.
"""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, UNMARKED_HAN, VIEWPORTS, assert_healthy, assert_no_overflow, wait_until_idle
from lib.engine.tables import PLAN_TITLE
from lib.views import changes, compare, handout, not_found

pytestmark = pytest.mark.browser
SIZES = ("projector", "phone")  # 1280×720 and 390×844: English is longer than Chinese
PUBLIC = "https://plan.example.org"
# Text cut off: an element whose content is wider than its box and hidden or ended with "…".
CUT_TEXT = """() => [...document.querySelectorAll('[data-testid=stMain] *, main *')].filter(e => {
  const s = getComputedStyle(e);
  return e.scrollWidth > e.clientWidth + 1 && (s.textOverflow === 'ellipsis' || (s.overflowX === 'hidden' && e.children.length === 0));
}).map(e => e.textContent.trim().slice(0, 60)).filter(Boolean)"""
# Han characters in the texts of the elements the selector names (outside any marked Chinese).
HAN_IN = """(selector) => [...document.querySelectorAll(selector)].filter(e => !e.closest('[lang^="zh"]'))
  .map(e => e.innerText.trim()).filter(t => /[\\u3400-\\u9fff]/.test(t))"""


def size_to(page: Page, size: str) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size])))


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def assert_whole(page: Page) -> None:
    assert page.evaluate(CUT_TEXT) == []
    assert_no_overflow(page)
    assert_healthy(page)


@pytest.mark.parametrize("size", SIZES)
def test_compare_in_english_with_nothing_chosen_has_no_unmarked_han(watched: Page, app_url, size):
    size_to(watched, size)
    watched.goto(f"{app_url}/compare?lang=en")
    wait_until_idle(watched)
    view = compare.build(compare.State(lang="en"))
    expect(watched.get_by_role("heading", name=view.title, exact=True)).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", "en")
    expect(watched.get_by_text(view.empty)).to_be_visible()
    assert watched.evaluate(UNMARKED_HAN) == []
    # Each example keeps the language (test_compare_with_panels opens two).
    for example in view.examples:
        href = watched.get_by_role("link", name=example.label).get_attribute("href")
        assert href.startswith("/compare?indicator=") and href.endswith("&lang=en"), href
    assert_whole(watched)
    shot(watched, f"compare-en-app-{size}")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "lang, indicators",
    [
        ("en", ("t2_forest_cover", "t2_forest_stock")),
        ("zh-Hant", ("t2_forest_cover", "t2_forest_stock")),
        # The longest English names: their chips wrap rather than end in "…" (pages/_compat.wrapped_chips).
        ("en", ("t2_rd_share", "t2_invention_patents", "t2_emerging_industry_share")),
    ],
)
def test_compare_with_panels(watched: Page, app_url, lang, indicators, size):
    size_to(watched, size)
    watched.goto(f"{app_url}/compare?" + "&".join(f"indicator={i}" for i in indicators) + f"&lang={lang}")
    wait_until_idle(watched)
    view = compare.build(compare.State(indicators, lang=lang))
    for panel in view.panels:
        expect(watched.get_by_role("heading", name=panel.title, exact=True)).to_be_visible()
        expect(watched.get_by_role("link", name=panel.trajectory.label).first).to_be_visible()
    # The chosen indicators' chips in the selector, named in the language.
    expect(watched.get_by_test_id("stMultiSelect")).to_contain_text(view.panels[0].title)
    if lang == "en":
        own = "h1, h3, [data-testid=stMultiSelect], [data-testid=stPageLink], [data-testid=stMarkdownContainer] li"
        assert watched.evaluate(HAN_IN, own) == []
    expect(watched.locator(".vega-embed")).to_have_count(len(indicators), timeout=30_000)
    assert_whole(watched)
    shot(watched, f"compare-{lang}-{len(indicators)}-panels-app-{size}")


@pytest.mark.parametrize("size", SIZES)
def test_the_handout_in_english(watched: Page, app_url, size):
    size_to(watched, size)
    watched.goto(f"{app_url}/handout?indicator=t2_forest_cover&lang=en")
    wait_until_idle(watched)
    view = handout.build(handout.State("t2_forest_cover", lang="en"))
    expect(watched.locator("html")).to_have_attribute("lang", "en")
    expect(watched.get_by_text(view.hint)).to_be_visible()
    expect(watched.get_by_text(view.data_date)).to_be_visible()
    expect(watched.get_by_text(view.plan, exact=False)).to_be_visible()
    # The plan's title as printed, marked Chinese.
    expect(watched.locator('[lang="zh-CN"]', has_text=PLAN_TITLE)).to_be_visible()
    own = "[data-testid=stCaption], [data-testid=stText]"
    leftover = [t for t in watched.evaluate(HAN_IN, own) if view.plan in t or view.data_date in t or view.hint in t]
    assert leftover == []
    assert_whole(watched)
    shot(watched, f"handout-en-app-{size}")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_app_s_not_found_page(watched: Page, app_url, lang, size):
    size_to(watched, size)
    watched.goto(app_url)  # Streamlit's legacy multipage mode answers an unknown path until app.py has run once
    wait_until_idle(watched)
    watched.goto(f"{app_url}/no_such_page?lang={lang}")
    wait_until_idle(watched)
    view = not_found.build(lang)
    expect(watched.get_by_role("heading", name=view.title)).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", lang)
    if lang == "en":
        assert watched.evaluate(UNMARKED_HAN) == []
    assert_whole(watched)
    shot(watched, f"not-found-{lang}-app-{size}")
    watched.get_by_role("link", name=view.home.label).click()
    expect(watched.locator("h1").first).not_to_have_text(view.title, timeout=60_000)
    assert f"lang={lang}" in watched.url


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("path", "lang"), [("/en/changes/", "en"), ("/zh-hant/changes/", "zh-Hant")])
def test_the_static_change_log(watched: Page, site_url, path, lang, size):
    size_to(watched, size)
    watched.goto(site_url + path)
    expect(watched.locator("html")).to_have_attribute("lang", lang)
    expect(watched.get_by_role("heading", level=1)).to_have_text(changes.build(changes.State(lang=lang)).title)
    if lang == "en":
        assert watched.evaluate(UNMARKED_HAN) == []
    assert watched.evaluate(CUT_TEXT) == []
    assert_no_overflow(watched)
    assert not watched.problems, watched.problems
    shot(watched, f"changes-static-{lang}-{size}")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("path", "lang"), [("/en/no/such/page", "en"), ("/zh-hant/nothing", "zh-Hant"), ("/nothing", "zh-CN")])
def test_the_static_not_found_page_of_each_folder(watched: Page, site_url, path, lang, size):
    size_to(watched, size)
    response = watched.goto(site_url + path)
    assert response.status == 404
    expect(watched.locator("html")).to_have_attribute("lang", lang)
    expect(watched.get_by_role("heading", level=1)).to_have_text(not_found.build(lang).title)
    if lang == "en":
        assert watched.evaluate(UNMARKED_HAN) == []
    assert_no_overflow(watched)
    shot(watched, f"not-found-static-{lang}-{size}")


def test_the_english_handout_pdf_is_one_a4_page_with_english_labels(tmp_path, browser):
    from pypdf import PdfReader

    from bake import handouts

    (pdf_path,) = handouts.print_with(browser, tmp_path, ["t2_forest_cover"], PUBLIC, langs=("en",))
    assert pdf_path.relative_to(tmp_path).as_posix() == "en/indicator/t2_forest_cover/handout.pdf"
    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait, pt
    text = " ".join(reader.pages[0].extract_text().split())
    for words in (
        "Figures as printed",
        "2020 verdict",
        "Data date: plan figures as printed in the Outline issued in February 2016",
        "This indicator online:",
    ):
        assert words in text, words
    # The link opens the English page; the plan's title as printed is set in the CJK face, the English in a Latin one.
    assert f"{PUBLIC}/trajectories?indicator=t2_forest_cover&lang=en" in text.replace(" ", "")
    fonts = {str(font.get_object().get("/BaseFont")) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("WenQuanYi" in f for f in fonts) and any("Liberation" in f for f in fonts), fonts
