"""概览 in English and 繁體, in the app and the static edition, as a reader opens it (issue 27).

English must show no Han character outside an element marked as Chinese
(``lang="zh-…"``: a quote of the plan, a language's own name in the switch);
``<html lang>`` must name the language; the switch keeps the page.
"""

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import (
    SCREENSHOTS,
    UNMARKED_HAN,
    VIEWPORTS,
    alternates,
    assert_healthy,
    assert_no_overflow,
    assert_no_truncated_metric,
    wait_until_idle,
)
from lib.views import overview


def english_title() -> str:
    return overview.build(overview.State(lang="en")).title


def hant_title() -> str:
    return overview.build(overview.State(lang="zh-Hant")).title


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_the_app_overview_in_english(watched: Page, app_url, size):
    watched.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size])))
    watched.goto(f"{app_url}/?lang=en")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name=english_title())).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", "en")
    assert watched.evaluate(UNMARKED_HAN) == []
    assert_healthy(watched)
    assert_no_overflow(watched)
    assert_no_truncated_metric(watched)
    shot(watched, f"overview-en-app-{size}")


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_the_app_overview_in_zh_hant_and_back(watched: Page, app_url, size):
    watched.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size])))
    watched.goto(f"{app_url}/?lang=zh-Hant")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name=hant_title())).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", "zh-Hant")
    assert_no_overflow(watched)
    shot(watched, f"overview-zh-hant-app-{size}")
    # The switch: the same page in 简体, the language gone from the URL.
    watched.locator('nav.lang-switch a[hreflang="zh-CN"]').click()
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name=overview.build(overview.State()).title)).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", "zh-CN")
    assert "lang=" not in watched.url
    assert_healthy(watched)


def test_an_unknown_language_is_refused_in_both_languages(watched: Page, app_url):
    watched.goto(f"{app_url}/?lang=fr")
    wait_until_idle(watched)
    expect(watched.get_by_text("Unknown language")).to_be_visible()
    expect(watched.get_by_text("lang=fr")).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", "zh-CN")
    assert_healthy(watched)


@pytest.mark.parametrize("size", list(VIEWPORTS))
@pytest.mark.parametrize(("path", "lang"), [("/en/", "en"), ("/zh-hant/", "zh-Hant"), ("/", "zh-CN")])
def test_the_static_overview_in_each_language(watched: Page, site_url, path, lang, size):
    watched.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size])))
    watched.goto(site_url + path)
    expect(watched.locator("html")).to_have_attribute("lang", lang)
    title = overview.build(overview.State(lang=lang)).title
    expect(watched.get_by_role("heading", level=1)).to_have_text(title)
    # Each language names the other two as alternates, and itself.
    assert alternates(watched) == [
        "en /en/",
        "x-default /",
        "zh-CN /",
        "zh-Hant /zh-hant/",
    ]
    if lang == "en":
        assert watched.evaluate(UNMARKED_HAN) == []
    assert_no_overflow(watched)
    assert not watched.problems, watched.problems
    shot(watched, f"overview-static-{lang}-{size}")


def test_the_static_switch_keeps_the_place(watched: Page, site_url):
    watched.goto(site_url + "/en/")
    watched.locator('nav.lang-switch a[hreflang="zh-Hant"]').click()
    expect(watched).to_have_url(site_url + "/zh-hant/")
    expect(watched.get_by_role("heading", level=1)).to_have_text(hant_title())
    watched.locator('nav.lang-switch a[hreflang="zh-CN"]').click()
    expect(watched).to_have_url(site_url + "/")
    assert not watched.problems, watched.problems
