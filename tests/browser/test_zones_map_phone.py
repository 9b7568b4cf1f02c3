"""功能区域地图 on a phone, a projector and a desktop, in both editions: a district's page opens with the
map zoomed to it, every control and list item is a 44 px tap target, and 下载 gives the place's files.

The static edition is baked for a few places only (bake.map.bake_map's ``only``): the zones pages need
nothing else of the site but its stylesheet and script.
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import openpyxl
import pytest
from playwright.sync_api import expect

from bake import map as zone_map
from bake import serve, site
from bake.render import Writer
from browser_helpers import SCREENSHOTS, VIEWPORTS, assert_no_overflow, assert_task_clean, wait_until_idle
from lib.plan import zones
from lib.plan.zones.boundaries import bounds_of
from lib.present.maps.camera import screen_offset
from lib.views import zones_map

pytestmark = pytest.mark.browser

DISTRICT, DISTRICT_NAME = "500103", "渝中区"  # districts.csv: the smallest district, one the whole map cannot name
TAP = 44  # px: WCAG 2.5.5's target size
PLACES = ("all", "northeast", DISTRICT)

# Every control and list item a visitor taps on the app's page (Streamlit's own test ids).
APP_TARGETS = (
    "[data-testid=stMain] [data-testid=stButtonGroup] button, [data-testid=stMain] [data-testid=stDownloadButton] button,"
    " [data-testid=stMain] [data-testid=stSelectbox] [role=group], [data-testid=stMain] [data-testid=stSelectbox] button,"
    " [data-testid=stMain] [data-testid=stCheckbox] label"
)
STATIC_TARGETS = "main a.chip, main a.button"
SMALL = """selector => [...document.querySelectorAll(selector)].filter(e => e.offsetParent !== null)
    .map(e => { const r = e.getBoundingClientRect(); return [e.innerText.trim(), Math.round(r.width), Math.round(r.height)]; })"""


@pytest.fixture(scope="module")
def zones_site(tmp_path_factory):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = tmp_path_factory.mktemp("zones") / "public"
    writer = Writer(out, site.DEFAULT_APP_URL, site.NAV, site_url="https://plan.example.org")
    for source in sorted(p for p in site.STATIC.iterdir() if p.is_file()):
        writer.file(f"/assets/{source.name}", source.read_bytes())
    zone_map.bake_map(writer, only=PLACES)
    server = serve.start(out, 0)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    return problems


def too_small(page, selector: str) -> list:
    found = page.evaluate(SMALL, selector)
    assert found, f"nothing matches {selector}"
    return [item for item in found if item[1] < TAP or item[2] < TAP]


def rows_shown(place: str) -> int:
    return len(zones_map.build(zones_map.State(place=place)).projects.rows)


def check_workbook(payload: bytes, place: str, base: str) -> None:
    book = openpyxl.load_workbook(io.BytesIO(payload))
    assert book.sheetnames == ["项目", "线状工程", "说明"]
    body = list(book["项目"].iter_rows(values_only=True))
    header, rows = body[0], body[1:]
    assert len(rows) == rows_shown(place)
    links = [dict(zip(header, row))["原文链接"] for row in rows]
    assert all(urlsplit(link).scheme in ("http", "https") and link.startswith(base) for link in links), links[:3]
    assert "2016年2月" in dict(book["说明"].iter_rows(min_row=2, values_only=True))["数据日期"]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
def test_static_district_page_is_zoomed_tappable_and_downloads(browser, zones_site, viewport):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = context.new_page()
    problems = watch(page)
    page.goto(f"{zones_site}/zones/{DISTRICT}/")
    expect(page.locator("h1")).to_have_text(DISTRICT_NAME)
    # The map shows the district, not the city: its outline fills most of the drawn map.
    fill = page.evaluate(
        """() => { const map = document.querySelector('svg.zone-map').getBoundingClientRect();
                   const shape = document.querySelector('svg.zone-map path[stroke="#000000"]').getBoundingClientRect();
                   return [shape.width / map.width, shape.height / map.height, shape.left >= map.left - 1 && shape.right <= map.right + 1]; }"""
    )
    assert max(fill[0], fill[1]) >= 0.6 and fill[2], fill
    assert not too_small(page, STATIC_TARGETS)
    # Every district is one tap from the list under the map, the inner ones the whole map cannot name too.
    chips = page.locator(".place-list a.chip")
    assert chips.count() == 1 + len(zones.ZONE_IDS) + 38  # 全市, the zones, the districts (districts.csv)
    expect(page.locator(".place-list a[aria-current=page]")).to_have_text(DISTRICT_NAME)
    assert_no_overflow(page)
    page.locator("svg.zone-map").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"zones_static_district_{viewport}.png"))
    page.locator(".downloads").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"zones_static_downloads_{viewport}.png"))
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 Excel（项目与线状工程，含说明）").click()
    assert download.value.suggested_filename == f"{DISTRICT_NAME}_项目.xlsx"
    check_workbook(open(download.value.path(), "rb").read(), DISTRICT, "https://plan.example.org/plan/")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载线状工程 CSV").click()
    assert download.value.suggested_filename == f"{DISTRICT_NAME}_线状工程.csv"
    assert not problems, problems
    context.close()


def test_static_city_list_names_the_inner_districts_on_a_phone(browser, zones_site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    problems = watch(page)
    page.goto(f"{zones_site}/zones/")
    for name in ("渝中区", "南岸区", "江北区", "沙坪坝区", "九龙坡区", "大渡口区"):  # no label on the whole map
        link = page.locator(".place-list a.chip", has_text=name)
        expect(link).to_be_visible()
    page.locator(".place-list a.chip", has_text=DISTRICT_NAME).click()
    expect(page.locator("h1")).to_have_text(DISTRICT_NAME)
    assert not problems, problems
    page.close()


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
def test_app_district_page_is_zoomed_tappable_and_downloads(browser, app_url, viewport):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))
    page.goto(f"{app_url}/zones_map?place={DISTRICT}")
    wait_until_idle(page)
    chart = page.locator("[data-testid=stDeckGlJsonChart]")
    expect(chart.locator("canvas").first).to_be_visible(timeout=60_000)
    # The deck opens at the View's view state; drawn in the map's real size, the district fills most of it.
    box = chart.bounding_box()
    view = zones_map.build(zones_map.State(place=DISTRICT)).deck.initial_view_state
    west, south, east, north = bounds_of(zones.load_boundaries(), {DISTRICT})
    (x0, y0), (x1, y1) = screen_offset(west, north, view), screen_offset(east, south, view)
    assert abs(x0) <= box["width"] / 2 and abs(x1) <= box["width"] / 2 and abs(y0) <= box["height"] / 2 and abs(y1) <= box["height"] / 2
    if viewport == "phone":  # wider screens show the same view with room round it (lib.present.maps.camera)
        assert max((x1 - x0) / box["width"], (y1 - y0) / box["height"]) >= 0.6
    assert not too_small(page, APP_TARGETS)
    cut = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid=stDownloadButton] button, [data-testid=stDownloadButton] button *')]
               .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"""
    )
    assert not cut, cut  # a label cut to “…”
    # The list beside (on a phone: under) the map reaches the six inner districts by name, and shows
    # every district whole: none hidden past the edge of a row that scrolls sideways.
    for name in ("渝中区", "南岸区", "江北区", "沙坪坝区", "九龙坡区", "大渡口区"):
        expect(page.locator("[data-testid=stButtonGroup] button", has_text=name)).to_have_count(1)
    hidden = page.evaluate(
        """() => [...document.querySelectorAll('[class*="st-key-district_list_"] button')].filter(b => {
               const r = b.getBoundingClientRect(), row = b.closest('[role=radiogroup]').getBoundingClientRect();
               return r.right > row.right + 1 || r.left < row.left - 1; }).map(b => b.innerText)"""
    )
    assert not hidden, hidden
    assert page.locator('[class*="st-key-district_list_"] button').count() == 38  # districts.csv
    assert_task_clean(page)
    chart.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"zones_app_district_{viewport}.png"))
    box_element = page.locator(".st-key-zones_downloads")
    box_element.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"zones_app_downloads_{viewport}.png"))
    with page.expect_download(timeout=60_000) as download:
        box_element.get_by_role("button", name="下载 Excel（项目与线状工程，含说明）").click()
    assert download.value.suggested_filename == f"{DISTRICT_NAME}_项目.xlsx"
    # No public address is set for the test app: the links name the address the browser used, whole.
    check_workbook(open(download.value.path(), "rb").read(), DISTRICT, f"{app_url}/plan_reader?")
    wait_until_idle(page)
    with page.expect_download(timeout=60_000) as download:
        box_element.get_by_role("button", name="下载项目 CSV").click()
    assert download.value.suggested_filename == f"{DISTRICT_NAME}_项目.csv"
    assert_task_clean(page)
    context.close()
