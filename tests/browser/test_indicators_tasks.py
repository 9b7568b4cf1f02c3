"""An official on 指标总览: filter 专栏1, open a row's source, share the link, take the tables away.

At a projector (1280×720), a desktop (1920×1080) and a phone (390×844).
"""

import io
import re

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from tests.browser.browser_helpers import SCREENSHOTS, VIEWPORTS, assert_task_clean, reopen, wait_until_idle

pytestmark = pytest.mark.browser

# 专栏1, 约束性, "森林": row 25 森林覆盖率 alone (data/indicators.csv); 37 (2010) → 45 (2015)
COUNTS = "显示 1 / 41 行"
SOURCE = "专栏1《“十二五”规划主要发展指标进展情况表》第25行"
PRINTED = "原表本行：2010年：37　2015年：45"


def grid(page: Page):
    return page.get_by_test_id("stDataFrame").first


def click_first_row(page: Page) -> None:
    """Tick the first data row's box: the grid is a canvas, so click where the box is drawn."""
    grid(page).scroll_into_view_if_needed()
    box = grid(page).bounding_box()
    row_height = 72 if "columns=compact" in page.url else 35
    page.mouse.click(box["x"] + 17, box["y"] + 36 + row_height / 2)


def check_view(page: Page) -> None:
    expect(page.get_by_text(COUNTS)).to_be_visible(timeout=30_000)
    expect(page.get_by_text(SOURCE)).to_be_visible(timeout=30_000)
    expect(page.get_by_text(PRINTED)).to_be_visible()
    expect(page.get_by_role("heading", name="森林覆盖率")).to_be_visible()
    expect(page.get_by_role("button", name="约束性")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("radio", name="专栏1 “十二五”")).to_have_attribute("aria-checked", "true")
    expect(page.get_by_label("搜索指标")).to_have_value("森林")


def assert_grid_inside_page(page: Page, fits: bool = False) -> None:
    """Every column fits in the grid or scrolls inside it; the grid itself never leaves the page.

    ``fits``: no column is left to scroll to (专栏2 at 1920, the compact set on a phone).
    """
    box = grid(page).bounding_box()
    width = page.evaluate("() => window.innerWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (box, width)
    # The grid's own scroller reaches its last column (glide-data-grid's .dvn-scroller).
    scroller = grid(page).locator(".dvn-scroller")
    reach = scroller.evaluate("e => { e.scrollLeft = e.scrollWidth; return [e.scrollLeft + e.clientWidth, e.scrollWidth]; }")
    assert reach[0] >= reach[1] - 1, reach
    if fits:
        assert reach[1] <= scroller.evaluate("e => e.clientWidth") + 1, reach
    scroller.evaluate("e => { e.scrollLeft = 0; }")


def shot(page: Page, what: str, viewport) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"indicators-{what}-{viewport[0]}x{viewport[1]}.png")


@pytest.mark.parametrize("viewport", list(VIEWPORTS.values()), ids=list(VIEWPORTS))
def test_official_filters_opens_a_source_shares_and_downloads(watched: Page, app_url, new_context, viewport):
    page = watched
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{app_url}/indicators")
    wait_until_idle(page)
    assert_grid_inside_page(page, fits=viewport[0] >= 1920)
    assert_task_clean(page)
    shot(page, "default", viewport)

    page.get_by_role("radio", name="专栏1 “十二五”").click()
    expect(page.get_by_text("显示 41 / 41 行")).to_be_visible(timeout=30_000)
    page.get_by_test_id("stButtonGroup").filter(has_text="指标属性").get_by_role("button", name="约束性").click()
    wait_until_idle(page)
    search = page.get_by_label("搜索指标")
    search.fill("森林")
    search.press("Enter")
    expect(page.get_by_text(COUNTS)).to_be_visible(timeout=30_000)
    if viewport[0] < 500:  # on a phone the official picks the narrow column set
        page.get_by_role("radio", name="精简列（适合手机）").click()
        expect(page).to_have_url(re.compile("columns=compact"), timeout=30_000)
        wait_until_idle(page)
    click_first_row(page)
    wait_until_idle(page)
    check_view(page)
    assert "row=t1_forest_cover" in page.url
    assert_grid_inside_page(page, fits=viewport[0] < 500)
    assert_task_clean(page)
    page.get_by_text(SOURCE).scroll_into_view_if_needed()
    shot(page, "detail", viewport)

    page.reload()
    wait_until_idle(page)
    check_view(page)
    assert_task_clean(page)

    fresh = reopen(new_context, page.url, viewport)
    check_view(fresh)
    assert_task_clean(fresh)
    fresh.close()

    wait_until_idle(page)
    with page.expect_download(timeout=60_000) as csv_download:
        page.get_by_role("button", name="下载 CSV").click()
    csv_text = open(csv_download.value.path(), encoding="utf-8-sig").read().splitlines()
    assert len(csv_text) == 2 and csv_text[1].startswith("t1_forest_cover,25,森林覆盖率")
    wait_until_idle(page)
    with page.expect_download(timeout=60_000) as excel_download:
        page.get_by_role("button", name="下载 Excel").click()
    assert excel_download.value.suggested_filename == "zhuanlan1.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(open(excel_download.value.path(), "rb").read()))
    header, row = book["专栏1"].iter_rows(values_only=True)
    values = dict(zip(header, row))
    assert (values["2010年"], values["2015年"], values["2015年原文"]) == (37, 45, "45")
    assert "2016年2月" in dict(book["说明"].iter_rows(min_row=2, values_only=True))["来源"]


def wrapped_lines(page: Page, text: str, width: float) -> int:
    """How many lines ``text`` takes in ``width`` px, broken anywhere (CJK), in the page's font at its size."""
    return page.evaluate(
        """([text, width]) => {
            const grid = document.querySelector('[data-testid=stDataFrame]');
            const style = getComputedStyle(grid);
            const context = document.createElement('canvas').getContext('2d');
            context.font = `${style.fontSize} ${style.fontFamily}`;
            let lines = 1, line = '';
            for (const ch of text) {
                if (context.measureText(line + ch).width > width && line) { lines += 1; line = ch; } else { line += ch; }
            }
            return lines;
        }""",
        [text, width],
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS.values()), ids=list(VIEWPORTS))
def test_official_reads_how_2020_turned_out(watched: Page, app_url, viewport):
    """One page load per size: the 2020年结果 column is on screen, its labels whole, the row's source in plain text."""
    from lib.views import indicators as view

    page = watched
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    phone = viewport[0] < 500
    page.goto(f"{app_url}/indicators?row=t2_services_share" + ("&columns=compact" if phone else ""))
    wait_until_idle(page)
    # 专栏2's narrow set fits a phone (no column left to scroll to), and 1920 px shows every column.
    fits = phone or viewport[0] >= 1920
    assert_grid_inside_page(page, fits=fits)
    if not fits:  # the grid draws (and copies for screen readers) only the columns in view
        grid(page).locator(".dvn-scroller").evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    # The grid's accessible copy names the column and holds the first rows' verdicts (data/outcomes.csv):
    # row 1 GDP growth 7.2 against 9左右, row 2 income growth none found, row 4 services 52.8 against 50左右.
    expect(grid(page).locator("th", has_text="2020年结果")).to_have_count(1, timeout=30_000)
    cells = set(grid(page).evaluate("e => [...e.querySelectorAll('td')].map(c => c.innerText)"))
    assert {"达到", "未达到", "未找到官方数字"} <= cells, cells
    if phone:
        # Each label fits the column's 72 px row: at most three lines at the page's own font size (17 px,
        # larger than the grid's), in the column less its 8 px padding each side.
        width = view.COMPACT_WIDTHS[2] - 16
        assert max(wrapped_lines(page, label, width) for label in ("未找到官方数字", "口径不同", "未达到")) <= 3
    # o_services_share: 统计公报 "三次产业结构比为7.2:40.0:52.8", against 50左右 (±0.5 个百分点)
    expect(page.get_by_text("2020年结果：达到：2020年52.8%，目标50%左右（容差±0.5个百分点）。", exact=False)).to_be_visible()
    url = page.get_by_text("网址：http://sx-sn.com/zwgk/zfxxgkml/sjfb_120853/tjgb/202103/t20210318_9009790.html", exact=False)
    url.scroll_into_view_if_needed()
    expect(url).to_be_visible()
    assert url.locator("a").count() == 0  # the URL is plain text, not a link
    assert_task_clean(page)
    shot(page, "outcome", viewport)

    # From the row to its trajectory: the reported point is named under the chart, with its source.
    page.get_by_role("link", name="查看该指标的轨迹").click()
    page.wait_for_url("**indicator=t2_services_share**", timeout=60_000)
    wait_until_idle(page)
    caption = page.get_by_text("实际（2020年统计公报）：达到：2020年52.8%", exact=False)
    caption.scroll_into_view_if_needed()
    expect(caption).to_be_visible()
    expect(caption).to_contain_text("《2020年重庆市国民经济和社会发展统计公报》")
    expect(page.get_by_text("绿色方块：已发布的实际数（不是目标）", exact=False)).to_be_visible()
    assert_task_clean(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"trajectories-outcome-{viewport[0]}x{viewport[1]}.png")
