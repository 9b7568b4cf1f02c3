"""功能区域地图 in English (and 繁體), in the app and the static edition, as a reader opens it (issue 27).

English shows no Han character outside what is marked Chinese (the names of projects and works
and the plan's sentences, as printed; the switch's own language names); the map's tooltip is
English with the projects' names marked; <html lang> names the language; nothing overflows or
is cut at 1280×720 and 390×844; the static pages have their alternates and English downloads.
Screenshots go to /tmp/shots-r5/ (named in the report of issue 27's zones work).
"""

import io
import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect
from test_zones_map_tasks import map_canvas, open_spot, scroll_to_map

from bake import map as zone_map
from bake import serve, site
from bake.render import Writer
from browser_helpers import UNMARKED_HAN, VIEWPORTS, assert_healthy, assert_no_overflow, wait_until_idle
from lib.views import zones_map

SHOTS = Path("/tmp/shots-r5")
SIZES = ("projector", "phone")
PLACES = ("all", "500101")
AIRPORT_DISTRICT = "500112"  # 渝北区: 江北机场's two rows are drawn at its site (projects.csv)
CLIPPED_CELLS = """() => [...document.querySelectorAll('td, th')].filter(c => {
  const s = getComputedStyle(c);
  return c.scrollWidth > c.clientWidth + 1 && (s.overflow === 'hidden' || s.textOverflow === 'ellipsis');
}).map(c => c.textContent.trim().slice(0, 60))"""
# The tooltip's text outside its lang="zh-CN" part.
TOOLTIP_UNMARKED = """() => { const t = document.querySelector('.deck-tooltip'); const c = t.cloneNode(true);
  c.querySelectorAll('[lang^="zh"]').forEach(e => e.remove()); return c.innerText; }"""
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def shot(page: Page, name: str, full: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def size_to(page: Page, size: str) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size])))


def english(place: str = "all") -> zones_map.View:
    return zones_map.build(zones_map.State(place=place, lang="en"))


@pytest.mark.parametrize("size", SIZES)
def test_the_app_map_in_english(watched: Page, app_url, size):
    size_to(watched, size)
    watched.goto(f"{app_url}/zones_map?lang=en")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name=english().title, exact=True)).to_be_visible()
    expect(watched.locator("html")).to_have_attribute("lang", "en")
    expect(watched.get_by_role("combobox", name=english().place_label)).to_have_value(english().place_labels["all"])
    canvas = map_canvas(watched)
    found = watched.evaluate(UNMARKED_HAN)
    assert found == [], "\n".join(found)
    assert_no_overflow(watched)
    assert_healthy(watched)
    scroll_to_map(watched)
    shot(watched, f"zones-en-app-map-{size}", full=False)
    shot(watched, f"zones-en-app-{size}")
    # The tooltip of a district with a drawn airport: English, the projects' names marked Chinese.
    box = canvas.bounding_box()
    x, y = open_spot(AIRPORT_DISTRICT, english().deck.initial_view_state, box["width"], box["height"])
    tooltip = watched.locator(".deck-tooltip")
    for step in range(20):  # deck.gl picks on the next frame after a move; nudge until it has
        watched.mouse.move(box["x"] + x + step % 2, box["y"] + y)
        if tooltip.is_visible():
            break
        watched.wait_for_timeout(250)
    expect(tooltip).to_contain_text("Yubei District")
    expect(tooltip).to_contain_text("Site drawn · Airports")
    expect(tooltip.locator('[lang="zh-CN"]')).to_contain_text("江北机场")
    assert not HAN.search(watched.evaluate(TOOLTIP_UNMARKED))
    shot(watched, f"zones-en-app-tooltip-{size}", full=False)
    assert_healthy(watched)


def test_the_app_place_in_english_keeps_its_state_across_the_switch(watched: Page, app_url):
    size_to(watched, "projector")
    watched.goto(f"{app_url}/zones_map?place=500101&lang=en")
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name="Wanzhou District", exact=True)).to_be_visible()
    # The zones' roles, the plan's words, are shown as printed and marked
    expect(watched.locator('[data-testid=stMarkdownContainer] p[lang="zh-CN"]').first).to_be_visible()
    assert watched.evaluate(UNMARKED_HAN) == []
    assert watched.evaluate(CLIPPED_CELLS) == []
    assert_no_overflow(watched)
    table = watched.locator("[data-testid=stMarkdownContainer] table").first
    table.evaluate("e => e.scrollIntoView({block: 'start'})")
    shot(watched, "zones-en-app-500101-projects", full=False)
    watched.locator('.lang-switch a[hreflang="zh-Hant"]').click()
    wait_until_idle(watched)
    expect(watched.get_by_role("heading", name="萬州區", exact=True)).to_be_visible()
    assert "place=500101" in watched.url and "lang=zh-Hant" in watched.url
    assert_healthy(watched)


@pytest.fixture(scope="module")
def zones_site(tmp_path_factory):
    """The zones pages of two places in every language (the rest of the site is not needed here)."""
    out = tmp_path_factory.mktemp("zones-languages") / "public"
    writer = Writer(out, site.DEFAULT_APP_URL, site.NAV, site_url="https://plan.example.org")
    for source in sorted(p for p in site.STATIC.iterdir() if p.is_file()):
        writer.file(f"/assets/{source.name}", source.read_bytes())
    zone_map.bake_map(writer, only=PLACES)
    server = serve.start(out, 0)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["/en/zones/", "/en/zones/500101/"])
def test_the_static_zones_pages_in_english(watched: Page, zones_site, path, size):
    size_to(watched, size)
    watched.goto(zones_site + path)
    expect(watched.locator("html")).to_have_attribute("lang", "en")
    place = "all" if path == "/en/zones/" else "500101"
    view = english(place)
    expect(watched.get_by_role("heading", level=1)).to_have_text(view.title if place == "all" else view.panel_heading)
    plain = path.removeprefix("/en")
    alternates = watched.locator('link[rel="alternate"][hreflang]')
    assert sorted(alternates.evaluate_all("ls => ls.map(l => l.hreflang + ' ' + new URL(l.href).pathname)")) == [
        f"en {path}",
        f"x-default {plain}",
        f"zh-CN {plain}",
        f"zh-Hant /zh-hant{plain}",
    ]
    found = watched.evaluate(UNMARKED_HAN)
    assert found == [], "\n".join(found)
    assert watched.evaluate(CLIPPED_CELLS) == []
    assert_no_overflow(watched)
    # A district's link on the map and in the list stays in English
    hrefs = watched.locator("svg.zone-map a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(hrefs) == 38 and all(h.startswith("/en/zones/") for h in hrefs)
    problems = [p for p in watched.problems if not p.startswith("404 ")]  # only these places are baked here
    assert not problems, problems
    shot(watched, f"zones-en-static-{place}-{size}")


def test_the_static_english_download_is_english(watched: Page, zones_site):
    watched.goto(zones_site + "/en/zones/500101/")
    link = watched.get_by_role("link", name=english("500101").downloads.xlsx_label)
    expect(link).to_have_attribute("download", "Wanzhou District_projects.xlsx")
    response = watched.request.get(zones_site + "/en/zones/500101/" + link.get_attribute("href"))
    assert response.ok
    book = openpyxl.load_workbook(io.BytesIO(response.body()))
    assert book.sheetnames == ["Projects", "Linear works", "About"]


def test_the_static_switch_keeps_the_place(watched: Page, zones_site):
    watched.goto(zones_site + "/en/zones/500101/")
    watched.locator('nav.lang-switch a[hreflang="zh-Hant"]').click()
    expect(watched).to_have_url(zones_site + "/zh-hant/zones/500101/")
    expect(watched.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(watched.get_by_role("heading", level=1)).to_have_text("萬州區")
    watched.locator('nav.lang-switch a[hreflang="zh-CN"]').click()
    expect(watched).to_have_url(zones_site + "/zones/500101/")
