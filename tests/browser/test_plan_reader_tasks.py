"""A reader searches the plan, opens a passage, reloads and shares it: the same view each time."""

import re

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SCREENSHOTS, VIEWPORTS, assert_task_clean, reopen, wait_until_idle

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", list(VIEWPORTS.values()), ids=list(VIEWPORTS))
def test_search_open_a_passage_reload_and_share(watched: Page, app_url, new_context, viewport):
    watched.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    watched.goto(f"{app_url}/plan_reader")
    wait_until_idle(watched)
    box = watched.get_by_label("全文检索（多个词用空格分开）")
    box.fill("页岩气")
    box.press("Enter")
    wait_until_idle(watched)
    expect(watched.get_by_text("找到", exact=False).first).to_be_visible()
    # The first hit for 页岩气 is in 第三章第四节 (lib.plan.search order = the plan's order).
    watched.get_by_role("button", name="阅读本节").first.click()
    wait_until_idle(watched)
    expect(watched).to_have_url(re.compile(r"chapter=.+section="))

    def same_view(page: Page):
        expect(page.get_by_role("combobox", name="章")).to_have_value(re.compile("^第三章"))
        expect(page.get_by_role("combobox", name="节")).to_have_value(re.compile("^第四节"))
        assert_task_clean(page)

    same_view(watched)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    watched.screenshot(path=SCREENSHOTS / f"plan_reader-section-{viewport[0]}x{viewport[1]}.png")
    url = watched.url
    watched.reload()
    wait_until_idle(watched)
    same_view(watched)
    same_view(reopen(new_context, url, viewport))


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
