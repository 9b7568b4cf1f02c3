"""指标总览 in English and 繁體, in the app and the static edition, as a reader opens it (issue 27).

English shows no Han character outside what is marked Chinese (the plan's and the
data's texts in a row's detail; the switch's own language names); 繁體 shows no
character OpenCC would still convert; <html lang> names the language; nothing
overflows the window or is cut inside a cell at 1280×720 and 390×844.
"""

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, UNMARKED_HAN, VIEWPORTS, assert_healthy, assert_no_overflow, wait_until_idle
from lib.present.i18n import hant
from lib.views import indicators

SIZES = ["projector", "phone"]
# Text cut off inside a table cell: a cell whose content is wider than the cell and hidden.
CLIPPED_CELLS = """() => [...document.querySelectorAll('td, th')].filter(c => {
  const s = getComputedStyle(c);
  return c.scrollWidth > c.clientWidth + 1 && (s.overflow === 'hidden' || s.textOverflow === 'ellipsis');
}).map(c => c.textContent.trim().slice(0, 60))"""
# Every text a reader sees outside what is marked 简体 (the 繁體 page's words).
UNMARKED_TEXT = """() => {
  const simplified = el => { const m = el.closest('[lang]'); return m && m !== document.documentElement && m.lang === 'zh-CN'; };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || el.closest('script, style, noscript, template') || simplified(el)) continue;
    const text = walker.currentNode.textContent.trim();
    if (text) found.push(text);
  }
  return found;
}"""


def title(lang: str) -> str:
    return indicators.build(indicators.State(lang=lang)).title


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def size_to(page: Page, size: str) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size])))


def assert_in_its_language(page: Page, lang: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", lang)
    if lang == "en":
        found = page.evaluate(UNMARKED_HAN)
        assert found == [], "\n".join(found)
    else:
        found = [text for text in page.evaluate(UNMARKED_TEXT) if hant(text) != text]
        assert found == [], "\n".join(found)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_app_indicators_with_a_row_open(watched: Page, app_url, lang, size):
    size_to(watched, size)
    query = "&columns=compact" if size == "phone" else ""
    watched.goto(f"{app_url}/indicators?lang={lang}&row=t2_gdp_growth{query}")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name=title(lang), exact=True)).to_be_visible()
    detail = indicators.build(indicators.State(lang=lang, row="t2_gdp_growth")).detail
    expect(watched.get_by_role("heading", name=detail.title, exact=True)).to_be_visible()
    expect(watched.locator('.quotes span[lang="zh-CN"]').first).to_be_attached()
    assert_in_its_language(watched, lang)
    assert_healthy(watched)
    assert_no_overflow(watched)
    shot(watched, f"indicators-{lang}-app-{size}")


def test_the_app_switch_keeps_the_filters(watched: Page, app_url):
    watched.goto(f"{app_url}/indicators?lang=en&attribute=约束性")
    wait_until_idle(watched)
    watched.locator('nav.lang-switch a[hreflang="zh-Hant"]').click()
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name=title("zh-Hant"), exact=True)).to_be_visible()
    assert "attribute=" in watched.url and "lang=zh-Hant" in watched.url
    assert_healthy(watched)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("path", "lang"), [("/en/indicators/", "en"), ("/zh-hant/indicators/", "zh-Hant")])
def test_the_static_indicators(watched: Page, site_url, path, lang, size):
    size_to(watched, size)
    watched.goto(site_url + path)
    expect(watched.get_by_role("heading", level=1)).to_have_text(title(lang))
    alternates = watched.locator('link[rel="alternate"][hreflang]')
    assert sorted(alternates.evaluate_all("ls => ls.map(l => l.hreflang + ' ' + new URL(l.href).pathname)")) == [
        "en /en/indicators/",
        "x-default /indicators/",
        "zh-CN /indicators/",
        "zh-Hant /zh-hant/indicators/",
    ]
    expect(watched.locator("form.table-tools").first).to_be_visible()  # tables.js ran
    assert_in_its_language(watched, lang)
    assert watched.evaluate(CLIPPED_CELLS) == []
    assert_no_overflow(watched)
    assert not watched.problems, watched.problems
    shot(watched, f"indicators-static-{lang}-{size}")


def test_the_static_english_filter_finds_english_words(watched: Page, site_url):
    watched.goto(site_url + "/en/indicators/")
    view = indicators.build(indicators.State(lang="en"))
    # tables.js's rule: the words in the row's name (English beside 简体) or its id
    kept = [f for f, rid in zip(view.filters, view.row_ids) if "forest" in f.name.lower() or "forest" in rid]
    assert kept
    watched.locator("form.table-tools[data-table=table2] input[name=q]").fill("forest")
    expect(watched.locator("#table2-count")).to_have_text(view.counts_format.format(shown=len(kept), total=len(view.rows)))
    watched.locator('nav.lang-switch a[hreflang="zh-Hant"]').click()
    expect(watched).to_have_url(site_url + "/zh-hant/indicators/")
    assert not watched.problems, watched.problems
