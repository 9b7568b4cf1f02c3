"""功能区域地图 as the public uses it, on a projector, a desktop and a phone.

A visitor picks a zone in the drop-down, switches a marker category off,
clicks a district on the map, reloads, and sends the link on: every step
must show the same place and markers again.

About the map click: deck.gl recognises a click only when the button comes
up within 250 ms of going down, timed by the page's clock, and it picks the
object under the pointer synchronously when the button goes down. In this
machine's software WebGL that pick takes 0.4–2 s (measured with
``deck.pickObject`` on a one-layer map: the cost does not depend on the
layers), so a real click is never recognised here, while on any GPU the
pick takes milliseconds. The test therefore holds the page's clock still
across the click (Playwright's ``page.clock``) and lets it run on after:
the pointer events, the picking and everything Streamlit does with the
selection are the real ones.
"""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect
from shapely.geometry import Point, shape

from browser_helpers import SCREENSHOTS, VIEWPORTS, assert_task_clean, reopen, wait_until_idle
from lib.plan import zones
from lib.plan.zones.boundaries import bounds_of
from lib.present.maps.camera import screen_offset
from lib.views import zones_map

pytestmark = pytest.mark.browser

ZONE, ZONE_NAME = "core", "都市功能核心区"  # zones.csv
DISTRICT, DISTRICT_NAME = "500105", "江北区"  # districts.csv: split by the Inner Ring, partly in that zone
CATEGORY = "水库"  # a category with mapped projects (projects.csv)


def deck_view(place: str, categories):
    """The view state the page opens the map with for this place."""
    return zones_map.build(zones_map.State(place=place, categories=categories)).deck.initial_view_state


def pixel_of(lon: float, lat: float, view, width: float, height: float) -> tuple[float, float]:
    dx, dy = screen_offset(lon, lat, view)
    return width / 2 + dx, height / 2 + dy


def open_spot(adcode: str, view: dict, width: float, height: float) -> tuple[float, float]:
    """A pixel well inside the district and away from every marker and label, so the click lands on the district."""
    collection = zones.load_boundaries()
    feature = next(f for f in collection["features"] if f["properties"]["adcode"] == adcode)
    polygon = shape(feature["geometry"])
    avoid = [Point(r.lon, r.lat) for r in zones.load_projects().itertuples() if r.precision != "none"]
    avoid.append(Point(feature["properties"]["label_lon"], feature["properties"]["label_lat"]))
    west, south, east, north = polygon.bounds
    best, best_score = None, -1.0
    for i in range(1, 30):
        for j in range(1, 30):
            point = Point(west + (east - west) * i / 30, south + (north - south) * j / 30)
            if not polygon.contains(point):
                continue
            x, y = pixel_of(point.x, point.y, view, width, height)
            if not (20 < x < width - 20 and 20 < y < height - 20):
                continue
            score = min(polygon.boundary.distance(point), min(point.distance(a) for a in avoid))
            if score > best_score:
                best, best_score = (x, y), score
    assert best is not None, "the district is not on screen"
    return best


def scroll_to_map(page: Page) -> None:
    # Not scroll_into_view_if_needed: it waits for the element to hold still over
    # two animation frames, which a map drawn in software WebGL may not give it.
    page.locator("[data-testid=stDeckGlJsonChart]").first.evaluate("e => e.scrollIntoView({block: 'center'})")


def map_canvas(page: Page):
    canvas = page.locator("[data-testid=stDeckGlJsonChart] canvas").first
    expect(canvas).to_be_visible(timeout=60_000)
    return canvas


def shows(page: Page, heading: str, place_label: str, hidden_category: str | None) -> None:
    """The view for a place: its heading, the drop-down, the pills and the map."""
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_role("combobox", name="查看功能区域或区县")).to_have_value(place_label)
    pill = page.get_by_role("button", name=re.compile(hidden_category or CATEGORY))
    if hidden_category:
        expect(pill).not_to_have_attribute("kind", re.compile("Active"))
    map_canvas(page)


def url_state(url: str) -> dict:
    return parse_qs(urlparse(url).query)


def click_map(page: Page, x: float, y: float) -> None:
    """A click on the map canvas at (x, y), with the page's clock held still across it (see the module docstring)."""
    box = map_canvas(page).bounding_box()
    page.mouse.move(box["x"] + x, box["y"] + y)
    page.clock.install()
    page.clock.pause_at(page.evaluate("Date.now()") + 10)
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.clock.run_for(400)  # past deck.gl's 300 ms wait for a second click
    page.clock.resume()


def boundary_darkness(page: Page, adcode: str, view, samples: int = 24, away_from: tuple[str, ...] = ()) -> float:
    """Share of points along a district's outer boundary where the map shows a black outline (the selection's).

    Unselected outlines are grey (lib.present.maps.styles.OUTLINE, 70,70,70) and one
    pixel wide, so never darker than 70 even where lines meet; a selected
    district's are black (0,0,0), 2–3 px, and stay under 60 once smoothed.
    Points under a district name are skipped: the names are near-black too;
    so are points on a border shared with a district in ``away_from``.
    """
    import io

    from PIL import Image
    from shapely.geometry import shape as to_shape

    canvas = map_canvas(page)
    box = canvas.bounding_box()
    image = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    scale = image.width / box["width"]
    feature = next(f for f in zones.load_boundaries()["features"] if f["properties"]["adcode"] == adcode)
    ring = max(getattr(g := to_shape(feature["geometry"]), "geoms", [g]), key=lambda p: p.area).exterior
    labels = [(f["properties"]["label_lon"], f["properties"]["label_lat"]) for f in zones.load_boundaries()["features"]]
    others = [to_shape(f["geometry"]) for f in zones.load_boundaries()["features"] if f["properties"]["adcode"] in away_from]
    dark = seen = 0
    for k in range(samples):
        point = ring.interpolate(k / samples, normalized=True)
        if any(other.distance(point) < 0.01 for other in others):
            continue
        x, y = pixel_of(point.x, point.y, view, box["width"], box["height"])
        if not (3 < x < box["width"] - 3 and 3 < y < box["height"] - 3):
            continue
        if any(
            abs(x - lx) < 40 and -8 < y - ly < 32 for lx, ly in (pixel_of(*label, view, box["width"], box["height"]) for label in labels)
        ):
            continue
        seen += 1
        window = [image.getpixel((int(x * scale) + dx, int(y * scale) + dy)) for dx in range(-2, 3) for dy in range(-2, 3)]
        dark += any(max(pixel) < 60 for pixel in window)
    assert seen >= 6, "too few boundary points on screen to judge"
    return dark / seen


def whole_city_is_on_the_map(page: Page) -> None:
    """No part of Chongqing falls outside the map at the opening view, whatever the width."""
    box = map_canvas(page).bounding_box()
    view = deck_view(zones.ALL, None)
    west, south, east, north = bounds_of(zones.load_boundaries())
    left, top = pixel_of(west, north, view, box["width"], box["height"])
    right, bottom = pixel_of(east, south, view, box["width"], box["height"])
    assert 0 <= left < right <= box["width"] and 0 <= top < bottom <= box["height"], (left, right, box)


def the_wheel_scrolls_the_page_past_the_map(page: Page) -> None:
    main = page.locator("[data-testid=stMain]")
    before = main.evaluate("e => e.scrollTop")
    box = map_canvas(page).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 40)
    page.mouse.wheel(0, 200)
    page.wait_for_function("([before]) => document.querySelector('[data-testid=stMain]').scrollTop > before", arg=[before])
    main.evaluate("e => e.scrollTo(0, 0)")


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_pick_a_zone_toggle_a_category_click_a_district_and_share_it(watched: Page, new_context, app_url, viewport):
    page = watched
    width, height = viewport
    tag = f"{width}x{height}"
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{app_url}/zones_map")
    wait_until_idle(page)
    scroll_to_map(page)
    page.screenshot(path=SCREENSHOTS / f"zones_map-whole-{tag}.png", full_page=True)
    assert_task_clean(page)
    whole_city_is_on_the_map(page)
    the_wheel_scrolls_the_page_past_the_map(page)

    page.get_by_role("combobox", name="查看功能区域或区县").click()
    page.get_by_role("option", name=f"功能区域 · {ZONE_NAME}").click(timeout=60_000)
    expect(page.get_by_role("heading", name=ZONE_NAME)).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    assert url_state(page.url)["place"] == [ZONE]
    # The core lists only what lies wholly in it (渝中's projects) and the split districts' as 位置跨区/未定.
    core = zones_map.build(zones_map.State(place=ZONE))
    expect(page.get_by_text(core.projects_heading)).to_be_visible()
    assert "项位置跨区/未定" in core.projects_heading

    page.get_by_role("button", name=re.compile(CATEGORY)).click()
    wait_until_idle(page)
    expect(page).to_have_url(re.compile("categories="))
    kept = url_state(page.url)["categories"]
    assert CATEGORY not in kept and len(kept) == len(zones.mapped_counts()) - 1
    scroll_to_map(page)
    canvas = map_canvas(page)
    page.screenshot(path=SCREENSHOTS / f"zones_map-zone-{tag}.png", full_page=True)
    categories = tuple(c for c in zones.mapped_counts() if c != CATEGORY)
    zone_view = deck_view(ZONE, categories)
    # Highlighted: the split districts (沙坪坝 here; 渝中, wholly core, too small to sample); 北碚 (expansion only) not.
    split = tuple(zones.load_districts().adcode[zones.load_districts().split_zones])
    assert boundary_darkness(page, "500106", zone_view) > 0.6
    assert boundary_darkness(page, "500109", zone_view, away_from=split) < 0.2

    box = canvas.bounding_box()
    x, y = open_spot(DISTRICT, zone_view, box["width"], box["height"])
    click_map(page, x, y)
    expect(page.get_by_role("heading", name=DISTRICT_NAME)).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    assert url_state(page.url) == {"place": [DISTRICT], "categories": kept}
    scroll_to_map(page)
    page.screenshot(path=SCREENSHOTS / f"zones_map-district-{tag}.png", full_page=True)
    shows(page, DISTRICT_NAME, f"区县 · {DISTRICT_NAME}", CATEGORY)
    # Highlighted: 江北 alone; its panel names both zones, its heading counts its projects.
    district_view = deck_view(DISTRICT, categories)
    assert boundary_darkness(page, DISTRICT, district_view) > 0.6
    assert boundary_darkness(page, "500106", district_view, samples=48, away_from=(DISTRICT,)) < 0.2  # 沙坪坝 no longer
    expect(page.get_by_text(zones_map.build(zones_map.State(place=DISTRICT)).projects_heading, exact=True)).to_be_visible()
    expect(page.locator("[data-testid=stMarkdown]").filter(has_text="（内环以内）")).to_be_visible()
    expect(page.locator("[data-testid=stMarkdown]").filter(has_text="（内环以外）")).to_be_visible()
    assert_task_clean(page)

    page.reload()
    wait_until_idle(page)
    shows(page, DISTRICT_NAME, f"区县 · {DISTRICT_NAME}", CATEGORY)
    assert url_state(page.url) == {"place": [DISTRICT], "categories": kept}
    assert_task_clean(page)

    fresh = reopen(new_context, page.url, viewport)
    shows(fresh, DISTRICT_NAME, f"区县 · {DISTRICT_NAME}", CATEGORY)
    assert url_state(fresh.url) == {"place": [DISTRICT], "categories": kept}
    assert_task_clean(fresh)

    # The selected district clicked again: back to the whole city. Streamlit's own selection is
    # dropped after each click (lib.present.maps.deck.PickedDeck), so it neither reads this click as
    # "clear" nor leaves its English "Clear selection" button on the map.
    scroll_to_map(fresh)
    box = map_canvas(fresh).bounding_box()
    x, y = open_spot(DISTRICT, district_view, box["width"], box["height"])
    click_map(fresh, x, y)
    expect(fresh.get_by_role("heading", name="五大功能区域", exact=True)).to_be_visible(timeout=30_000)
    wait_until_idle(fresh)
    assert url_state(fresh.url) == {"categories": kept}
    expect(fresh.locator('[aria-label="Clear selection"]')).to_have_count(0)
    x, y = open_spot(DISTRICT, deck_view(zones.ALL, categories), box["width"], box["height"])
    click_map(fresh, x, y)  # and a click on the district again selects it at once
    expect(fresh.get_by_role("heading", name=DISTRICT_NAME)).to_be_visible(timeout=30_000)
    wait_until_idle(fresh)
    expect(fresh.locator('[aria-label="Clear selection"]')).to_have_count(0)
    assert_task_clean(fresh)


def test_a_tooltip_shows_markup_in_a_name_as_text_escaped_once(watched: Page):
    """Streamlit escapes tooltip values as it fills the template; the data must not be escaped a second time."""
    from bench.stream import ROOT, server

    marked_name, marked_district = "A&B <i>\"x\"</i> 'y'", DISTRICT
    env = {"PYTHONPATH": str(ROOT), "MARKED_NAME": marked_name, "MARKED_DISTRICT": marked_district}
    with server(ROOT / "tests" / "browser" / "zones_tooltip_app.py", extra_env=env) as (port, _):
        watched.set_viewport_size({"width": 1280, "height": 720})
        watched.goto(f"http://127.0.0.1:{port}/")
        wait_until_idle(watched)
        canvas = map_canvas(watched)
        box = canvas.bounding_box()
        view = zones_map.build(zones_map.State(categories=())).deck.initial_view_state
        x, y = open_spot(marked_district, view, box["width"], box["height"])
        tooltip = watched.locator(".deck-tooltip")
        for step in range(20):  # deck.gl picks on the next frame after a move; nudge until it has
            watched.mouse.move(box["x"] + x + step % 2, box["y"] + y)
            if tooltip.is_visible():
                break
            watched.wait_for_timeout(250)
        expect(tooltip).to_contain_text(marked_name)
        assert "&amp;" not in tooltip.inner_text() and "&lt;" not in tooltip.inner_text()
        expect(tooltip.locator("i")).to_have_count(0)  # the markup is text, not an element
        assert_task_clean(watched)
