"""Officials (issue 25): the 2020 verdicts on 指标总览, two indicators side by side, a one-page A4 handout.

At a projector (1280×720), a desktop (1920×1080) and a phone (390×844); the
handout's PDF as the static edition bakes it (bake/handouts.py).
"""

import re
import shutil

import pytest
from playwright.sync_api import Page, expect

from tests.browser.browser_helpers import SCREENSHOTS, VIEWPORTS, assert_task_clean, wait_until_idle

pytestmark = pytest.mark.browser
PUBLIC = "https://plan.example.org"
# A4 less bake/templates/indicator_handout.html's margins (13 mm each side): the printed width in CSS px.
PRINTED_WIDTH = round((210 - 26) / 25.4 * 96)


def shot(page: Page, what: str, viewport) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"officials-{what}-{viewport[0]}x{viewport[1]}.png", full_page=what == "handout")


@pytest.mark.parametrize("viewport", list(VIEWPORTS.values()), ids=list(VIEWPORTS))
def test_official_asks_how_2020_turned_out(watched: Page, app_url, viewport):
    page = watched
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{app_url}/indicators?attribute=约束性")
    wait_until_idle(page)
    # data/outcomes.csv over the 16 约束性 rows of 专栏2 (issue 25's count)
    expect(page.get_by_text("2020年结果：达到 2 · 未达到 0 · 口径不同 1 · 未找到官方数字 13")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="口径不同（1）").click()
    expect(page.get_by_text("显示 1 / 43 行（另有1行上级分组作参照）")).to_be_visible(timeout=30_000)
    expect(page).to_have_url(re.compile("outcome=basis_differs"))
    wait_until_idle(page)
    assert_task_clean(page)
    shot(page, "outcome", viewport)


@pytest.mark.parametrize("viewport", list(VIEWPORTS.values()), ids=list(VIEWPORTS))
def test_official_puts_two_indicators_side_by_side(watched: Page, app_url, viewport):
    page = watched
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{app_url}/compare")
    wait_until_idle(page)
    example = page.get_by_role("link", name="森林覆盖率与森林蓄积量")
    # A Markdown link opens in a new tab; follow it here, where the console is watched.
    page.goto(app_url + example.get_attribute("href"))
    wait_until_idle(page)
    expect(page.get_by_role("heading", name="森林覆盖率（专栏2·12）")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="森林蓄积量（专栏2·12）")).to_be_visible()
    expect(page.locator("[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg")).to_have_count(2, timeout=30_000)
    expect(page).to_have_url(re.compile("indicator=t2_forest_cover&indicator=t2_forest_stock"))
    assert_task_clean(page)
    shot(page, "compare", viewport)


@pytest.mark.parametrize("viewport", list(VIEWPORTS.values()), ids=list(VIEWPORTS))
def test_official_opens_the_handout_from_the_trajectory(watched: Page, app_url, viewport):
    page = watched
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{app_url}/trajectories?indicator=t2_forest_cover")
    wait_until_idle(page)
    page.get_by_role("link", name="打印讲义（A4一页）").click()
    wait_until_idle(page)
    expect(page.get_by_role("heading", name="森林覆盖率")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("数据日期：", exact=False)).to_be_visible()
    assert "localhost" not in page.locator("[data-testid=stMain]").inner_text()
    assert_task_clean(page)
    page.emulate_media(media="print")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    shot(page, "handout", viewport)
    page.emulate_media(media="screen")


def test_the_baked_handout_is_one_a4_page_with_name_date_and_public_link(tmp_path, browser):
    from bake import handouts

    assert shutil.which("chromium")
    (pdf_path,) = handouts.print_with(browser, tmp_path, ["t2_forest_cover"], PUBLIC)
    pdf = pdf_path.read_bytes()
    assert pdf_path.name == "handout.pdf" and pdf_path.parent.name == "t2_forest_cover"
    assert handouts.page_count(pdf) == 1
    # A4 portrait: 595 × 842 pt
    (box,) = set(re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf))
    assert (round(float(box[0])), round(float(box[1]))) == (595, 842)
    title = bytes.fromhex(re.search(rb"/Title\s*<([0-9A-Fa-f]+)>", pdf).group(1).decode()).decode("utf-16")
    assert title.startswith("森林覆盖率")
    assert re.findall(rb"/URI\s*\(([^)]*)\)", pdf) == [f"{PUBLIC}/trajectories?indicator=t2_forest_cover".encode()]
    assert b"localhost" not in pdf and b"127.0.0.1" not in pdf

    # The same document at its printed width, as print media: the date is on it and no label is under 8 pt.
    page = browser.new_page(viewport={"width": PRINTED_WIDTH, "height": 1123})
    page.emulate_media(media="print")
    page.set_content(handouts.html("t2_forest_cover", PUBLIC, "2026-12-07"))
    expect(page.get_by_role("heading", name="森林覆盖率")).to_be_visible()
    expect(page.get_by_text("数据日期：规划数值：《纲要》2016年2月印发时所列")).to_be_visible()
    expect(page.get_by_text(f"{PUBLIC}/trajectories?indicator=t2_forest_cover")).to_be_visible()
    sizes = page.evaluate(
        """() => { const svg = document.querySelector('figure svg');
                   const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                   return [...svg.querySelectorAll('.role-axis-label text, .role-axis-title text, .role-legend-label text')]
                     .map(t => parseFloat(t.getAttribute('font-size')) * scale * 0.75); }"""
    )
    assert sizes and min(sizes) >= 8, sizes  # pt: CSS px × 0.75
    # Everything ends within one page: A4's 297 mm less the 12 mm margins top and bottom.
    assert page.evaluate("document.querySelector('footer').getBoundingClientRect().bottom") <= (297 - 24) / 25.4 * 96
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "officials-handout-pdf-view.png", full_page=True)
    page.close()
