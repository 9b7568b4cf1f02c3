"""2020年目标完成情况 in Chromium: it prints on one A4 landscape page, and on a phone the name stays in view."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import SCREENSHOTS

pytestmark = pytest.mark.browser


def test_the_report_card_prints_on_one_page(page, site_url):
    page.goto(f"{site_url}/report/")
    expect(page.get_by_role("heading", name="2020年目标完成情况")).to_be_visible()
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    # Each page of a PDF is one “/Type /Page” object (the page tree is “/Type /Pages”).
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1


def test_on_a_phone_the_name_stays_in_view_while_the_table_scrolls(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}/report/")
    group = page.locator("section.report-group", has=page.get_by_role("heading", name=re.compile("绿色发展")))
    scroller = group.locator(".table-scroll")
    name = group.get_by_role("link", name="长江干流水质")
    name.scroll_into_view_if_needed()
    before = name.bounding_box()["x"]
    scroller.evaluate("element => { element.scrollLeft = 400; }")
    assert scroller.evaluate("element => element.scrollLeft") > 0  # the table is wider than the phone
    expect(name).to_be_in_viewport()
    assert abs(name.bounding_box()["x"] - before) < 2
    page.screenshot(path=str(SCREENSHOTS / "report_card_phone.png"))
