"""Every translated page, drawn in English and 繁體 in both editions, as a reader meets it (issue 27).

The pages are ``routes.TRANSLATED``'s, so the walk grows as pages are translated; the app and
the session's one bake are reused (no bake here). At 1280×720 and 390×844 each page must name
its language in ``<html lang>``, show no exception, console error or failed request, nothing
wider than the window, no metric or table cell cut, no float noise, and in English no Han
character outside what is marked Chinese (browser_helpers.UNMARKED_HAN, the report card's rule).
The app's own chrome is the reader's language from the first paint, and the sidebar keeps the
language and says which page is shown (aria-current) in every language.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import (
    SCREENSHOTS,
    UNMARKED_HAN,
    assert_fits_a_phone_with_its_sections_open,
    assert_healthy,
    assert_no_overflow,
    assert_no_truncated_metric,
    violations,
    wait_until_idle,
)
from language_scan import NOISE
from lib.present import i18n, routes
from lib.present.blocks import Target
from pages import _chrome

# Latin a Chinese page's chrome may keep: none so far (the file formats, PNG and CSV, sit in the page).
ALLOWED_LATIN: set[str] = set()

pytestmark = pytest.mark.browser

SIZES = {"1280x720": (1280, 720), "390x844": (390, 844)}
LANGS = [i18n.EN, i18n.ZH_HANT]
SHOTS = SCREENSHOTS / "languages"
# Text cut off inside a table cell (the report card's check): wider than its cell and hidden.
CLIPPED_CELLS = """() => [...document.querySelectorAll('td, th')].filter(c => {
  const s = getComputedStyle(c);
  return c.scrollWidth > c.clientWidth + 1 && (s.overflow === 'hidden' || s.textOverflow === 'ellipsis');
}).map(c => c.textContent.trim().slice(0, 60))"""
# The chrome's names a screen reader reads: Streamlit's skip link and every accessible name outside the
# page's own content (the sidebar's buttons, the header's, the display switches).
CHROME_NAMES = """() => [...document.querySelectorAll('[aria-label], [data-testid=stSkipToContent]')]
  .filter(e => !e.closest('[data-testid=stMain]'))
  .map(e => e.getAttribute('aria-label') || e.textContent).filter(Boolean)"""


def app_path(page: str, lang: str) -> str:
    return routes.app_path(routes.with_lang(Target(page), lang))


def static_paths() -> list[tuple[str, str]]:
    found = []
    for page in sorted(routes.TRANSLATED):
        for lang in LANGS:
            if path := routes.static_path(routes.with_lang(Target(page), lang)):
                found.append((path, lang))
    return found


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_reads_in(page: Page, lang: str, where: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", lang)
    if lang == i18n.EN:
        found = page.evaluate(UNMARKED_HAN)
        assert found == [], f"{where}: Han outside what is marked Chinese:\n" + "\n".join(found)
    noise = NOISE.findall(page.locator("body").inner_text())
    assert not noise, f"{where}: float noise {noise}"
    assert page.evaluate(CLIPPED_CELLS) == [], f"{where}: a table cell is cut"
    assert_no_overflow(page)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page_name", sorted(routes.TRANSLATED))
@pytest.mark.parametrize("lang", LANGS)
def test_every_translated_app_page(watched: Page, app_url, lang, page_name, size):
    watched.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    path = app_path(page_name, lang)
    watched.goto(app_url + path)
    wait_until_idle(watched)
    assert_reads_in(watched, lang, path)
    assert_no_truncated_metric(watched)
    assert_healthy(watched)
    # The sidebar's links keep the language; the one of this page says so to a screen reader.
    links = watched.locator(".st-key-site_navigation a")
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(f"lang={lang}" in href for href in hrefs), hrefs
    current = watched.locator('.st-key-site_navigation a[aria-current="page"]')
    own = routes.app_path(Target(page_name))
    # A page the navigation does not list (the handout, opened from its button) has no link to mark.
    listed = own in links.evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    expect(current).to_have_count(1 if listed else 0)
    if listed:
        assert current.evaluate("a => new URL(a.href).pathname") == own
    shot(watched, f"app-{page_name}-{lang}-{size}")
    # The accessibility gate's checks on this very load (test_a11y.py leaves the translated pages to this walk).
    found = violations(watched, f"app {path} {size}")
    assert not found, "\n" + "\n".join(found)
    if size == "390x844":
        assert_fits_a_phone_with_its_sections_open(watched, path)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("path", "lang"), static_paths())
def test_every_translated_static_page(watched: Page, site_url, path, lang, size):
    watched.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    watched.goto(site_url + path)
    watched.wait_for_load_state("load")
    assert_reads_in(watched, lang, path)
    # The switch names all three languages and this page in each.
    switch = watched.locator("nav.lang-switch a[hreflang]")
    assert sorted(switch.evaluate_all("as => as.map(a => new URL(a.href).pathname)")) == sorted(
        i18n.localized(path.removeprefix(i18n.PREFIXES[lang]), other) for other in i18n.LANGS
    )
    assert not watched.problems, watched.problems
    shot(watched, f"static-{path.strip('/').replace('/', '-')}-{size}")


def test_an_english_app_page_shows_english_chrome_from_the_first_paint(browser):
    """The first visitor after a restart, the hardest case: from the first frame the sidebar is drawn,
    Streamlit's controls and ours are in English, no Chinese relabel shows and none arrives later (after
    a page switch in the sidebar either), and pages/'s file names never show (client.showSidebarNavigation)."""
    from bench.stream import ROOT, server

    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    with server(ROOT / "app.py") as (port, _):
        page.goto(f"http://127.0.0.1:{port}" + app_path("report_card", i18n.EN), wait_until="commit")
        page.locator("[data-testid=stSidebar]").wait_for(timeout=60_000)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "first-paint-en.png"))
        first = page.evaluate(CHROME_NAMES)
        files = page.get_by_test_id("stSidebarNav").count()
        wait_until_idle(page)
        later = page.evaluate(CHROME_NAMES)
        page.locator(".st-key-site_navigation a").first.click()
        wait_until_idle(page)
        moved = page.evaluate(CHROME_NAMES)
        assert "lang=en" in page.url and page.evaluate("document.documentElement.lang") == "en"
    han = [name for name in first + later + moved if any("\u3400" <= ch <= "\u9fff" for ch in name)]
    assert first and not han, han
    assert files == 0, "the first paint listed pages/'s files in the sidebar"
    context.close()


@pytest.mark.parametrize("lang", [i18n.ZH_CN, i18n.ZH_HANT])
def test_the_chinese_chrome_and_the_current_page_s_mark_across_a_page_switch(browser, app_url, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(app_url + app_path("report_card", lang))
    wait_until_idle(page)
    current = page.locator('.st-key-site_navigation a[aria-current="page"]')
    expect(current).to_have_count(1)
    assert current.evaluate("a => new URL(a.href).pathname") == routes.app_path(Target("report_card"))
    page.locator(".st-key-site_navigation a").first.click()
    wait_until_idle(page)
    # 概览 is now the page shown, and the one marked (the sidebar is redrawn, not reloaded)
    expect(current).to_have_count(1)
    assert current.evaluate("a => new URL(a.href).pathname") == routes.app_path(Target("overview"))
    label = _chrome.WORDS["Collapse sidebar"]
    label = i18n.hant(label) if lang == i18n.ZH_HANT else label
    expect(page.locator(f'[data-testid=stSidebar] [aria-label="{label}"]').first).to_be_attached()
    assert not {name for name in page.evaluate(CHROME_NAMES) if name.isascii() and name.strip()} - ALLOWED_LATIN
    assert page.evaluate("document.documentElement.lang") == lang
    assert (f"lang={lang}" in page.url) == (lang != i18n.DEFAULT)
    context.close()


# A cell whose text is wider than the cell: cut, or run into the next column (“patents” over 4.3).
SPILLING_CELLS = """() => [...document.querySelectorAll('td, th')].filter(c => c.scrollWidth > c.clientWidth + 1)
  .map(c => `${c.textContent.trim().slice(0, 40)} (${c.scrollWidth} px in ${c.clientWidth})`)"""
# None known: the report card's spills at 390 px (found by this walk, 8 December 2026) are fixed in site.css.
SPILLS_KNOWN: dict[tuple[str, str], str] = {}


def spill_cases() -> list:
    return [
        pytest.param(
            path, size, marks=pytest.mark.xfail(strict=True, reason=SPILLS_KNOWN[path, size]) if (path, size) in SPILLS_KNOWN else ()
        )
        # The 简体 report card too: its ＜【75000】 spilled the same way.
        for path in [*(path for path, _ in static_paths()), routes.static_path(Target("report_card"))]
        for size in SIZES
    ]


@pytest.mark.parametrize(("path", "size"), spill_cases())
def test_no_table_cell_of_a_translated_static_page_spills(watched: Page, site_url, path, size):
    watched.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    watched.goto(site_url + path)
    watched.wait_for_load_state("load")
    assert watched.evaluate(SPILLING_CELLS) == []
