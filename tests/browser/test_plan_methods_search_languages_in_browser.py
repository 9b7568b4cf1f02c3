"""规划原文, 数据与方法 and 全文检索 in English and 繁體, in the app and the static edition, as a reader opens them (issue 27).

English shows no Han character outside what is marked Chinese (the plan's text, a document's title, the
printed chapter titles beside their English); <html lang> names the language; nothing overflows or is cut
at 1280×720 and 390×844; no console error. /en/search/ searches the English pages in English.
"""

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, UNMARKED_HAN, VIEWPORTS, assert_healthy, assert_no_overflow, wait_until_idle
from lib.views import methods, plan_reader

SIZES = {name: VIEWPORTS[name] for name in ("projector", "phone")}
# Text cut off: an element whose content is wider than it and hidden (ellipsis or overflow hidden).
CLIPPED = """() => [...document.querySelectorAll('main *, [data-testid=stMain] *')].filter(e => {
  const s = getComputedStyle(e);
  return e.scrollWidth > e.clientWidth + 1 && (s.textOverflow === 'ellipsis' || s.overflowX === 'hidden')
    && e.innerText && e.innerText.trim();
}).map(e => e.tagName + ': ' + e.innerText.trim().slice(0, 60))"""


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def size_to(page: Page, size: str) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))


APP_PAGES = {
    # 第十一章, with a search: results (snippets in 简体, marked), the chapter's passage (marked)
    "plan_reader": (
        "/plan_reader?lang=en&chapter=%E7%AC%AC%E5%8D%81%E4%B8%80%E7%AB%A0&q=%E8%BD%A8%E9%81%93%E4%BA%A4%E9%80%9A",
        "The plan's text",
    ),
    "methods": ("/methods?lang=en", "Data and methods"),
}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(APP_PAGES))
def test_the_app_pages_in_english(watched: Page, app_url, name, size):
    path, title = APP_PAGES[name]
    size_to(watched, size)
    watched.goto(app_url + path)
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name=title, exact=True)).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", "en")
    for expander in watched.locator("[data-testid=stExpander] summary").all():
        expander.click()  # the data dictionary, opened: its quoted columns are checked too
    found = watched.evaluate(UNMARKED_HAN)
    assert found == [], "\n".join(found)
    if name == "methods":
        # The dictionary's descriptions are English, unmarked; only Chinese allowed values are quoted 简体.
        expect(watched.locator('[data-testid=stExpander] [lang="zh-CN"]')).to_have_count(quoted_values("en"))
    assert watched.evaluate(CLIPPED) == []
    assert_healthy(watched)
    assert_no_overflow(watched)
    shot(watched, f"{name}-en-app-{size}")


def quoted_values(lang: str) -> int:
    """How many allowed-values cells the dictionary quotes as 简体 (one per quoted row)."""
    return sum(len(table.quoted_rows) for table in methods.build(methods.State(lang=lang)).tables)


def test_the_app_reader_keeps_the_language_from_a_result_to_its_sentence(watched: Page, app_url):
    watched.goto(app_url + APP_PAGES["plan_reader"][0])
    wait_until_idle(watched)
    watched.locator("a.read-sentence").first.click()
    wait_until_idle(watched)
    assert "lang=en" in watched.url and "#p-373-1" in watched.url  # 轨道交通's first hit: 第三章's 专栏4
    expect(watched.locator("html")).to_have_attribute("lang", "en")
    expect(watched.locator('[lang="zh-CN"] #p-373-1')).to_be_attached()
    assert_healthy(watched)


# Each static page and its 简体 path; its h1 is read from its View in the test (``heading``), not at import.
STATIC_PAGES = {
    "/en/plan/11/": "/plan/11/",
    "/en/plan/": "/plan/",
    "/en/methods/": "/methods/",
    "/en/search/": "/search/",
    "/zh-hant/plan/11/": "/plan/11/",
    "/zh-hant/methods/": "/methods/",
}


def heading(path: str) -> str:
    lang = "en" if path.startswith("/en/") else "zh-Hant"
    if "/plan/11/" in path:
        return plan_reader.build(plan_reader.State(chapter="第十一章", lang=lang)).chapter_labels["第十一章"]
    if path.endswith("/plan/"):
        return plan_reader.build(plan_reader.State(lang=lang)).title
    if path.endswith("/methods/"):
        return methods.build(methods.State(lang=lang)).title
    return "Full-text search"


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", list(STATIC_PAGES))
def test_the_static_pages(watched: Page, site_url, path, size):
    plain = STATIC_PAGES[path]
    lang = "en" if path.startswith("/en/") else "zh-Hant"
    size_to(watched, size)
    watched.goto(site_url + path)
    expect(watched.locator("html")).to_have_attribute("lang", lang)
    expect(watched.get_by_role("heading", level=1)).to_have_text(heading(path))
    alternates = watched.locator('link[rel="alternate"][hreflang]')
    assert sorted(alternates.evaluate_all("ls => ls.map(l => l.hreflang + ' ' + new URL(l.href).pathname)")) == sorted(
        [f"en /en{plain}", f"x-default {plain}", f"zh-CN {plain}", f"zh-Hant /zh-hant{plain}"]
    )
    for details in watched.locator("main details").all():
        details.evaluate("d => d.open = true")
    if lang == "en":
        found = watched.evaluate(UNMARKED_HAN)
        assert found == [], "\n".join(found)
    if path.endswith("/methods/"):
        # The dictionary's descriptions in the page's language, unmarked; only Chinese allowed values quoted 简体 (English).
        expect(watched.locator('main details td[lang="zh-CN"]')).to_have_count(quoted_values(lang))
        assert quoted_values(lang) > 0 if lang == "en" else quoted_values(lang) == 0
    assert watched.evaluate(CLIPPED) == []
    assert_no_overflow(watched)
    assert not watched.problems, watched.problems
    shot(watched, f"static{path.replace('/', '-').rstrip('-')}-{size}")


@pytest.mark.parametrize("size", list(SIZES))
def test_an_english_search_finds_an_english_page(watched: Page, site_url, size):
    size_to(watched, size)
    watched.goto(site_url + "/en/search/")
    box = watched.get_by_label("Search every page of this site")
    box.fill("infrastructure")
    links = watched.locator(".pagefind-ui__result-link")
    expect(links.first).to_be_visible()
    hrefs = links.evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    # Chapter 11: Accelerating the Interconnection of Infrastructure, in the English index (not the 简体 page)
    assert "/en/plan/11/" in hrefs and all(h.startswith("/en/") for h in hrefs), hrefs
    expect(watched.locator(".pagefind-ui__message")).to_contain_text("Results for infrastructure")
    found = watched.evaluate(UNMARKED_HAN)
    assert found == [], "\n".join(found)
    assert_no_overflow(watched)
    assert not watched.problems, watched.problems
    shot(watched, f"static-en-search-infrastructure-{size}")
    watched.locator(".pagefind-ui__result-link", has_text="Chapter 11").first.click()
    # Pagefind's link carries the words (?q=), which plan.js marks in the chapter
    expect(watched).to_have_url(site_url + "/en/plan/11/?q=infrastructure")
    expect(watched.get_by_role("heading", level=1)).to_have_text(heading("/en/plan/11/"))


def test_a_sentence_link_lands_in_english_and_in_zh_hant(watched: Page, site_url):
    """#p-<line>-<n> and ?q= keep working under /en/plan/ and /zh-hant/plan/: the sentence highlighted, the words marked."""
    for prefix in ("/en", "/zh-hant"):
        watched.goto(f"{site_url}{prefix}/plan/3/?q=%E8%BD%A8%E9%81%93%E4%BA%A4%E9%80%9A#p-373-1")
        sentence = watched.locator("#p-373-1")
        expect(sentence).to_be_in_viewport()
        assert sentence.evaluate("e => e.matches(':target')")
        expect(watched.locator(".plan-text mark.pagefind-highlight", has_text="轨道交通")).not_to_have_count(0)
        expect(watched.locator("#anchor-missing")).to_be_hidden()
    watched.goto(f"{site_url}/en/plan/3/#p-999-9")
    expect(watched.locator("#anchor-missing")).to_be_visible()
    expect(watched.locator("#anchor-missing")).to_contain_text("The sentence the link points to (p-999-9) is not on this page")
    assert not watched.problems, watched.problems


def test_the_static_switch_keeps_the_chapter(watched: Page, site_url):
    watched.goto(site_url + "/en/plan/11/")
    watched.locator('nav.lang-switch a[hreflang="zh-Hant"]').click()
    expect(watched).to_have_url(site_url + "/zh-hant/plan/11/")
    watched.locator('nav.lang-switch a[hreflang="zh-CN"]').click()
    expect(watched).to_have_url(site_url + "/plan/11/")
    assert not watched.problems, watched.problems
