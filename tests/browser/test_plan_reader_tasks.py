"""A reader searches the plan, opens a hit at its sentence, reloads and shares it: the same sentence each time."""

import re

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, VIEWPORTS, assert_task_clean, reopen, wait_until_idle

pytestmark = pytest.mark.browser
LANDING = {"projector": VIEWPORTS["projector"], "phone": VIEWPORTS["phone"]}
# lib.plan.search ranks the exact 万州机场 (专栏12, line 520) first, then 改扩建万州、黔江机场 (line 514, its 3rd sentence).
SENTENCE = "p-514-3"


def landed_on(page: Page, anchor: str) -> None:
    """The sentence is on screen, marked as a hit and underlined as the place the link names."""
    sentence = page.locator(f"#{anchor}")
    expect(sentence).to_have_class(re.compile(r"\bhit\b.*\blanded\b|\blanded\b.*\bhit\b"))
    expect(sentence).to_be_in_viewport()
    assert "万州、黔江机场" in sentence.inner_text()
    expect(page.locator("#anchor-missing")).to_be_hidden()
    assert_task_clean(page)


@pytest.mark.parametrize("viewport", list(LANDING.values()), ids=list(LANDING))
def test_a_hit_opens_at_its_sentence_and_its_link_reopens_there(watched: Page, app_url, new_context, viewport):
    watched.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    watched.goto(f"{app_url}/plan_reader")
    wait_until_idle(watched)
    box = watched.get_by_label("全文检索（多个词用空格分开）")
    box.fill("万州机场")
    box.press("Enter")
    wait_until_idle(watched)
    expect(watched.get_by_text("找到", exact=False).first).to_be_visible()
    hits = watched.get_by_role("link", name="阅读本句")
    expect(hits).to_have_count(3)
    hits.nth(1).click()
    wait_until_idle(watched)
    expect(watched).to_have_url(re.compile(rf"chapter=.+q=.+#{SENTENCE}$"))
    landed_on(watched, SENTENCE)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    watched.screenshot(path=SCREENSHOTS / f"plan_reader-landed-{viewport[0]}x{viewport[1]}.png")
    copied = watched.url
    watched.reload()
    wait_until_idle(watched)
    landed_on(watched, SENTENCE)
    landed_on(reopen(new_context, copied, viewport), SENTENCE)


@pytest.mark.parametrize(
    "fragment, shown",
    [
        ("p-9999-1", "p-9999-1"),  # a sentence the plan has not (a cut or edited link)
        ("%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "<img src=x onerror=alert(1)>"),  # shown as text, never markup
    ],
)
def test_a_stale_or_hostile_anchor_gets_a_chinese_notice(watched: Page, app_url, fragment, shown):
    watched.goto(f"{app_url}/plan_reader?chapter=%E7%AC%AC%E5%8D%81%E4%B8%80%E7%AB%A0#{fragment}")
    wait_until_idle(watched)
    notice = watched.locator("#anchor-missing")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(f"链接指向的句子（{shown}）不在本页")
    expect(watched.locator("#main img, [data-testid=stMain] img[src=x]")).to_have_count(0)
    assert_task_clean(watched)


def test_a_search_survives_a_reload(watched: Page, app_url):
    watched.goto(f"{app_url}/plan_reader")
    wait_until_idle(watched)
    box = watched.get_by_label("全文检索（多个词用空格分开）")
    box.fill("渝新欧")
    box.press("Enter")
    wait_until_idle(watched)
    expect(watched).to_have_url(re.compile(r"q="))
    watched.reload()
    wait_until_idle(watched)
    expect(watched.get_by_label("全文检索（多个词用空格分开）")).to_have_value("渝新欧")
    expect(watched.get_by_text("找到", exact=False).first).to_be_visible()
