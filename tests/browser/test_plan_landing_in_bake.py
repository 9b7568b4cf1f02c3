"""The static edition's search lands on the sentence: Pagefind's hit opens the chapter at that sentence,
highlighted, and the copied link reopens there. Served with the site's CSP (bake.serve): any console
error, failed request or CSP violation fails, as does sideways overflow."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, assert_no_overflow

pytestmark = pytest.mark.browser
VIEWPORTS = {"projector": (1280, 720), "phone": (390, 844)}
HIGHLIGHT = "rgb(253, 230, 138)"  # site.css: a sentence a link landed on


def _watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    return problems


def _search(page: Page, site_url: str, words: str):
    page.goto(f"{site_url}/search/")
    box = page.get_by_label("检索本站全部页面")  # Pagefind's input, labelled in Chinese by search.js
    box.fill(words)
    links = page.locator(".pagefind-ui__result-link")
    expect(links.first).to_be_visible()
    return links


def _landed(page: Page, words: str) -> str:
    """The sentence the address names is on screen, highlighted, and holds what was searched for."""
    anchor = unquote(page.url.split("#", 1)[1])
    assert re.fullmatch(r"p-\d+-\d+", anchor), page.url
    sentence = page.locator(f"#{anchor}")
    expect(sentence).to_be_in_viewport()
    assert sentence.evaluate("e => e.matches(':target') && getComputedStyle(e).backgroundColor") == HIGHLIGHT
    assert all(piece in sentence.inner_text() for piece in words.split("|"))
    expect(page.locator("#anchor-missing")).to_be_hidden()
    assert_no_overflow(page)
    return sentence.inner_text()


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=list(VIEWPORTS))
def test_a_hit_lands_on_its_sentence_and_its_link_reopens_there(browser, site_url, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    problems = _watch(page)
    # Not 万州机场: on the whole site Pagefind's segmenter finds it only on 万州区's and 渝东北's pages (their
    # project lists), never in the plan's text; the app's own search (lib.plan.sentences) is the one that does.
    _search(page, site_url, "黔江机场")
    # 第十一章's hit: district and zone pages rank first (every page is indexed), so load more as a reader would
    chapter = page.locator('.pagefind-ui__result-link[href^="/plan/11/"]').first
    for _ in range(5):
        if chapter.count():
            break
        page.get_by_role("button", name="加载更多结果").click()
        page.wait_for_load_state("networkidle")
    expect(chapter).to_be_visible()
    href = chapter.get_attribute("href")
    assert re.fullmatch(r"/plan/11/\?q=%E9%BB%94%E6%B1%9F%E6%9C%BA%E5%9C%BA#p-\d+-\d+", href), href
    chapter.click()
    expect(page).to_have_url(re.compile(r"/plan/11/\?q=.+#p-"))
    text = _landed(page, "黔江机场")
    # Pagefind's highlight marks the words as typed inside the chapter's text
    expect(page.locator(".plan-text mark.pagefind-highlight", has_text="黔江机场")).not_to_have_count(0)
    shots = SCREENSHOTS / "bake"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shots / f"plan_landed_{viewport[0]}x{viewport[1]}.png")
    copied = page.url
    fresh = context.new_page()
    problems += _watch(fresh)
    fresh.goto(copied)
    assert _landed(fresh, "黔江机场") == text
    assert problems == []
    context.close()


def test_rail_transit_lands_on_the_415_km_sentence_not_the_chapter_top(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    problems = _watch(page)
    links = _search(page, site_url, "轨道交通")
    # 第十一章第二节's sub-result: the sentence with 轨道交通 twice (lib.plan.search lands there too)
    section = page.locator('.pagefind-ui__result-link[href$="#p-524-3"]')
    expect(section).not_to_have_count(0)
    assert links.count() > 1
    section.first.click()
    assert "城市轨道交通总里程达到415公里" in _landed(page, "轨道交通")
    assert problems == []
    context.close()


@pytest.mark.parametrize(
    "fragment, shown",
    [("p-9999-1", "p-9999-1"), ("%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "<img src=x onerror=alert(1)>")],
)
def test_a_stale_or_hostile_anchor_gets_a_chinese_notice(browser, site_url, fragment, shown):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    problems = _watch(page)
    page.goto(f"{site_url}/plan/11/?q=%3Cb%3E#{fragment}")
    notice = page.locator("#anchor-missing")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(f"链接指向的句子（{shown}）不在本页")
    expect(page.locator("main img, main b")).to_have_count(0)
    assert_no_overflow(page)
    assert problems == []
    context.close()
