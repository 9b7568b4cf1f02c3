"""The 2020 report card in English and 繁體, in the app and the static edition, as a reader opens it (issue 27).

English shows no Han character outside what is marked Chinese (the sources, named
as published; the switch's own language names); <html lang> names the language;
nothing overflows or is cut at the three sizes; every link keeps the language.
"""

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, UNMARKED_HAN, VIEWPORTS, alternates, assert_healthy, assert_no_overflow, wait_until_idle
from lib.views import report_card

# Text cut off inside a table cell: a cell whose content is wider than the cell and hidden.
CLIPPED_CELLS = """() => [...document.querySelectorAll('td, th')].filter(c => {
  const s = getComputedStyle(c);
  return c.scrollWidth > c.clientWidth + 1 && (s.overflow === 'hidden' || s.textOverflow === 'ellipsis');
}).map(c => c.textContent.trim().slice(0, 60))"""


def title(lang: str) -> str:
    return report_card.build(report_card.State(lang=lang)).title


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def size_to(page: Page, size: str) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size])))


@pytest.mark.parametrize("size", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_app_report_card(watched: Page, app_url, lang, size):
    size_to(watched, size)
    watched.goto(f"{app_url}/report_card?lang={lang}")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name=title(lang), exact=True)).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", lang)
    if lang == "en":
        found = watched.evaluate(UNMARKED_HAN)
        assert found == [], "\n".join(found)
    # Every indicator link opens its row in the reader's language.
    hrefs = watched.locator('[data-testid="stMarkdownContainer"] a[href*="row="]').evaluate_all("as => as.map(a => a.href)")
    assert len(hrefs) == len(report_card.targets_frame()) and all(f"lang={lang}" in h for h in hrefs)
    assert watched.evaluate(CLIPPED_CELLS) == []
    assert_healthy(watched)
    assert_no_overflow(watched)
    shot(watched, f"report-{lang}-app-{size}")


@pytest.mark.parametrize("size", list(VIEWPORTS))
@pytest.mark.parametrize(("path", "lang"), [("/en/report/", "en"), ("/zh-hant/report/", "zh-Hant")])
def test_the_static_report_card(watched: Page, site_url, path, lang, size):
    size_to(watched, size)
    watched.goto(site_url + path)
    expect(watched.locator("html")).to_have_attribute("lang", lang)
    expect(watched.get_by_role("heading", level=1)).to_have_text(title(lang))
    assert alternates(watched) == [
        "en /en/report/",
        "x-default /report/",
        "zh-CN /report/",
        "zh-Hant /zh-hant/report/",
    ]
    if lang == "en":
        assert watched.evaluate(UNMARKED_HAN) == []
    assert watched.evaluate(CLIPPED_CELLS) == []
    assert_no_overflow(watched)
    assert not watched.problems, watched.problems
    shot(watched, f"report-static-{lang}-{size}")


def test_the_static_switch_and_links_keep_the_language(watched: Page, site_url):
    watched.goto(site_url + "/en/report/")
    # The overview and the report card are baked in English; the rest of the site is 简体 and marked so.
    expect(watched.locator('header.site a[aria-current="page"]')).to_have_attribute("href", "/en/report/")
    expect(watched.locator("header.site a.brand")).to_have_attribute("href", "/en/")
    watched.locator('nav.lang-switch a[hreflang="zh-Hant"]').click()
    expect(watched).to_have_url(site_url + "/zh-hant/report/")
    expect(watched.get_by_role("heading", level=1)).to_have_text(title("zh-Hant"))
    watched.locator('nav.lang-switch a[hreflang="zh-CN"]').click()
    expect(watched).to_have_url(site_url + "/report/")
    assert not watched.problems, watched.problems
