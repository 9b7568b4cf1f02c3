"""The public deployment in a browser: every page draws under nginx's Content-Security-Policy."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import wait_until_idle
from deploy import serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()), reason="nginx is not installed"),
]
PAGES = ["", "indicators", "trajectories", "scenarios", "report_card", "zones_map", "plan_reader", "methods"]


@pytest.fixture(scope="module")
def public_url():
    with serve.stack(replicas=1) as running:
        yield f"http://127.0.0.1:{running['front']}"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_draws_under_the_csp(page: Page, public_url, path):
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    page.goto(f"{public_url}/{path}")
    wait_until_idle(page)
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    expect(page.locator("h1").first).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert not refused, refused


def test_the_charts_keyboard_readout_loads_under_the_csp(page: Page, public_url):
    """chart2music and readout.js come from /app/static/ through nginx, their loader is allowed by its hash (deploy/csp.py)."""
    page.goto(f"{public_url}/trajectories?indicator=t2_forest_cover")
    wait_until_idle(page)
    expect(page.locator(".readout[data-readout-ready]")).to_have_count(2, timeout=30_000)  # the trajectory and the ranking


@pytest.mark.parametrize("path", ["/foo", "/home", "/indicators%20", "/%20indicators", "/methods%09"])
def test_a_path_that_is_no_page_gets_the_chinese_page_in_a_browser(page: Page, public_url, path):
    """Streamlit answered these with its English “Page not found” dialog (/foo, /home: until
    some session had run app.py, and /home always) or “This app has encountered an error”;
    nginx now passes only the app's pages to it (issue 24, finding 8)."""
    response = page.goto(f"{public_url}{path}")
    assert response.status == 404
    expect(page.get_by_role("heading", name="页面不存在")).to_be_visible()
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_text("encountered an error")).to_have_count(0)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
