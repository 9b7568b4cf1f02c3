"""The accessibility gate: axe-core on every page of both editions, and no English in the app.

axe-core is the npm release pinned in tests/a11y/package.json (`npm ci` there;
.ci/run does it), injected into each page as it is and run with the WCAG 2.0
and 2.1 A and AA rules, plus the two best-practice rules this project had
broken (heading-order, label-title-only). A failure lists each violation as
rule (impact) · page · size · the element's selector · what axe says is wrong.
One Streamlit server (tests/browser/conftest.py app_url), one baked site and
one browser serve the whole module; each edition and size keeps one tab.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import AXE, SCREENSHOTS, assert_fits_a_phone_with_its_sections_open, violations, wait_until_idle
from lib.present import i18n, routes
from lib.present.blocks import Target

pytestmark = pytest.mark.browser

SIZES = {"1280x720": (1280, 720), "390x844": (390, 844)}

# Every page in app.py's navigation, the studio in presenter mode and as a handout, a zone
# picked on the map, the printable handout of 指标轨迹 and the not-found page.
APP_PAGES = [
    "/",
    "/indicators",
    "/indicators?row=t2_forest_cover",
    "/trajectories",
    "/compare",
    "/scenarios",
    "/scenarios?presenter=true&section=地区生产总值",
    "/scenarios?handout=true",
    "/handout?indicator=t2_forest_cover",
    "/report_card",
    "/zones_map",
    "/zones_map?place=core",
    "/plan_reader",
    "/methods",
    "/no_such_page",
]
# One of each template kind the bake writes (docs/code.md, "The static edition").
STATIC_PAGES = [
    "/",
    "/indicators/",
    "/indicator/t2_forest_cover/",
    "/indicator/t1_gdp/",
    "/report/",
    "/methods/",
    "/zones/",
    "/zones/core/",
    "/zones/500101/",
    "/plan/",
    "/plan/18/",
    "/search/?q=轨道交通",  # results drawn (页岩气 finds 0 or 1 page depending on the bake: Pagefind's Chinese words, left open)
    "/embed/indicator/t2_forest_cover/",
    "/no/such/page/",
]

# Every translated page (routes.TRANSLATED, issue 27) in English and 繁體, in both editions: the lists
# grow as pages are translated. The app's 繁體 is held at the default state only, like its English.
TRANSLATED_APP_PAGES = [
    routes.app_path(routes.with_lang(Target(page), lang)) for page in sorted(routes.TRANSLATED) for lang in (i18n.EN, i18n.ZH_HANT)
]
TRANSLATED_STATIC_PAGES = [
    path
    for page in sorted(routes.TRANSLATED)
    for lang in (i18n.EN, i18n.ZH_HANT)
    if (path := routes.static_path(routes.with_lang(Target(page), lang)))
]
# The translated app pages' axe run and phone check are part of their walk
# (test_languages_walk_in_browser.py: one load a page and size, not three).
SIMPLIFIED_APP_PAGES = list(APP_PAGES)
APP_PAGES += TRANSLATED_APP_PAGES
STATIC_PAGES += TRANSLATED_STATIC_PAGES


@pytest.fixture(scope="module")
def tabs(browser):
    """One tab per edition and size, reused by every test of the module."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` in tests/a11y (.ci/run does)")
    opened: dict[tuple[str, str], Page] = {}

    def tab(edition: str, size: str) -> Page:
        if (edition, size) not in opened:
            width, height = SIZES[size]
            # The static edition's CSP allows no inline script, which add_script_tag is; the CSP
            # itself is tested in test_bake_in_browser.py.
            context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=edition == "static")
            opened[edition, size] = context.new_page()
        return opened[edition, size]

    yield tab
    for page in opened.values():
        page.context.close()


def test_the_gate_sees_a_violation(tabs):
    """The gate itself: a page with the faults this project had must fail it, each named."""
    page = tabs("static", "1280x720")
    page.set_content(
        '<html lang="zh-CN"><head><title>坏页</title></head><body><main><h1>标题</h1><h4>小标题</h4>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text" title="搜索">'
        "<ul><div><li>项</li></div></ul></main></body></html>"
    )
    report = "\n".join(violations(page, "坏页 1280x720"))
    for rule in ("image-alt (critical)", "heading-order (moderate)", "label-title-only (serious)", "list (serious)"):
        assert rule in report, report


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", SIMPLIFIED_APP_PAGES)
def test_every_app_page_passes_axe(tabs, app_url, path, size):
    page = tabs("app", size)
    page.goto(app_url + path)
    wait_until_idle(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    found = violations(page, f"app {path} {size}")
    assert not found, "\n" + "\n".join(found)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", STATIC_PAGES)
def test_every_static_page_passes_axe(tabs, site_url, path, size):
    page = tabs("static", size)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    if path.startswith("/search/"):
        # Pagefind draws its box and the results after load
        expect(page.locator(".pagefind-ui__result-link").first).to_be_visible()
    found = violations(page, f"static {path} {size}")
    assert not found, "\n" + "\n".join(found)


# Latin letters a reader may meet in the app, each with the reason it is not a leak. Anything
# written like code (a column name, a file, a host, an environment variable: lower case, or
# with _ . / or a digit) is quoted as it is and passes; every other word must be here.
PHRASES = {
    "Open SDG": "the progress method 难度 follows (加拿大统计局's Open SDG), a proper name",
    "English": "the language switch on every page names each language in itself, marked lang=en (issue 27)",
}
WORDS = {
    "CSV": "a file format, named on its download",
    "PNG": "a file format (the chart toolbar's 下载为 PNG)",
    "Excel": "a file format, named on its download",
    "PM": "PM2.5, the pollutant's name as the plan prints it",
    "LNG": "液化天然气 as the plan writes it",
    "MIT": "a licence's name (数据与方法's sources)",
    "URL": "the plain word for a web address, as the plan's sources are cited",
    "PyPI": "the Python package index, a proper name (数据与方法's licences)",
    "GDP": "the plan's own abbreviation beside 地区生产总值",
    "R&D": "研究与试验发展, as the plan writes it",
    "PDF": "a file format (the printed handout)",
    "Mac": "the print hint names the keys on each system (Ctrl+P, on a Mac ⌘+P)",
    "WGS": "WGS 84, the coordinate system's name (数据与方法)",
    "Tab": "a key's name as printed on the keyboard (the chart readout's 按 Tab 键)",
    "PageUp": "a key's name as printed on the keyboard (the chart readout's help)",
    "PageDown": "a key's name as printed on the keyboard (the chart readout's help)",
}
# Also code-like: up to three capitals (情景A and B, a category's letter, a class code such as BA)
# and a link's query (presenter=true&section=…) shown for copying.
CODE_LIKE = re.compile(r"^(?:[a-z][a-z0-9_./:-]*|.*[_./0-9&=+].*|[A-Z]{1,3})$")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9_./&:+?=-]*")  # a shown link (/scenarios?lang=zh-Hant) is one code-like token
NAMES = """() => {
  const names = [['页面文字', document.body.innerText]];
  const attributes = ['aria-label', 'title', 'alt', 'placeholder', 'aria-roledescription', 'aria-description'];
  for (const e of document.querySelectorAll(attributes.map(a => `[${a}]`).join(','))) {
    if (e.closest('[aria-hidden="true"]')) continue;  // not in the accessibility tree
    for (const a of attributes) {
      const v = e.getAttribute(a);
      if (v) names.push([`${a} of <${e.tagName.toLowerCase()}${e.dataset.testid ? ' ' + e.dataset.testid : ''}>`, v]);
    }
  }
  return names;
}"""
# What carries a hover toolbar (fullscreen, search, download …): each is hovered.
TOOLBARS = "[data-testid=stDataFrame], [data-testid=stVegaLiteChart], [data-testid=stDeckGlJsonChart], [data-testid=stImage]"


def english(page: Page, where: str) -> set[str]:
    found = set()
    for place, text in page.evaluate(NAMES):
        for phrase in PHRASES:
            text = text.replace(phrase, " ")
        for word in LATIN.findall(text):
            word = word.rstrip(".:")
            if word and word not in WORDS and not CODE_LIKE.match(word):
                found.add(f"{word!r} in {place} · {where}")
    return found


def test_no_english_on_any_app_page(tabs, app_url):
    """Every page at 1280×720, every hover toolbar and its tips included: no English UI string."""
    page = tabs("app", "1280x720")
    found: set[str] = set()
    for path in (p for p in APP_PAGES if "lang=en" not in p):  # a page asked for in English is English; 繁體 is held
        page.goto(app_url + path)
        wait_until_idle(page)
        found |= english(page, path)
        for element in page.locator(TOOLBARS).filter(visible=True).all()[:4]:
            element.hover()
            own = element.locator("xpath=ancestor::*[@data-testid='stElementContainer'][1]")
            for button in own.get_by_test_id("stElementToolbar").get_by_role("button").all():
                # its tip shows on keyboard focus too (a hover would land on the map's canvas)
                button.focus()
                found |= english(page, f"{path}, toolbar")
    assert not found, "\n" + "\n".join(sorted(found))


def test_a_select_box_without_a_match_says_so_in_chinese(tabs, app_url):
    page = tabs("app", "1280x720")
    page.goto(app_url + "/trajectories")
    wait_until_idle(page)
    box = page.get_by_role("combobox").first
    box.click()
    box.press_sequentially("zzzz")
    expect(page.get_by_text("没有匹配项")).to_be_visible()
    found = english(page, "/trajectories, the open select box")
    page.keyboard.press("Escape")
    assert not found, "\n" + "\n".join(sorted(found))


@pytest.mark.parametrize("path", SIMPLIFIED_APP_PAGES)
def test_no_app_page_is_wider_than_a_phone_with_its_sections_open(tabs, app_url, path):
    """At 390×844, every expander opened: nothing runs past the screen, scrolled or clipped.
    Tables and charts that scroll inside their own frame (st.dataframe, Vega, the map) are theirs."""
    page = tabs("app", "390x844")
    page.goto(app_url + path)
    wait_until_idle(page)
    assert_fits_a_phone_with_its_sections_open(page, path)


NAVIGATION = ["概览", "指标总览", "指标轨迹", "指标对比", "情景推演", "2020年完成情况", "功能区域地图", "规划原文", "数据与方法"]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (390, 844)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_navigation_lists_every_page_and_marks_this_one(browser, app_url, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(app_url + "/compare")
    wait_until_idle(page)
    if size[0] < 640:  # the phone's sidebar starts closed
        page.get_by_test_id("stExpandSidebarButton").click()
    navigation = page.locator(".st-key-site_navigation")
    links = navigation.get_by_role("link")
    expect(links).to_have_count(len(NAVIGATION))
    for number, name in enumerate(NAVIGATION):  # the icon's ligature text is aria-hidden
        expect(links.nth(number)).to_have_accessible_name(name)
    # Each link's address is its own page's, for a new tab or a copied link: 概览's was this page's (/compare).
    paths = links.evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    assert paths == [
        "/",
        "/indicators",
        "/trajectories",
        "/compare",
        "/scenarios",
        "/report_card",
        "/zones_map",
        "/plan_reader",
        "/methods",
    ]
    weight = "e => Number(getComputedStyle(e.querySelector('p') || e).fontWeight)"
    assert navigation.get_by_role("link", name="指标对比").evaluate(weight) >= 600  # this page
    assert navigation.get_by_role("link", name="指标总览").evaluate(weight) < 600
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    (SCREENSHOTS / "a11y").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "a11y" / f"navigation-{size[0]}x{size[1]}.png")
    navigation.get_by_role("link", name="概览").click()
    expect(page.get_by_role("heading", name="重庆“十三五”规划：承诺与难度")).to_be_visible(timeout=60_000)
    assert page.url.rstrip("/") == app_url  # 概览 is served at /
    context.close()
