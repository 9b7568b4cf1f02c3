"""功能区域地图 on a phone, as the View gives it: every district one tap from the list under the map,
and a place's picture zoomed to its districts (the static edition's map)."""

import re

import pytest

from helpers import data_ids, data_rows
from lib.plan import zones
from lib.plan.zones.boundaries import bounds_of
from lib.present.maps.camera import FIT_WIDTH, MAP_HEIGHT, screen_offset
from lib.present.maps.static_map import svg
from lib.views import zones_map as page

INNER = ("500103", "500108", "500105", "500106", "500107", "500104")  # 渝中 南岸 江北 沙坪坝 九龙坡 大渡口 (districts.csv)


def test_the_list_reaches_every_district_once_under_its_primary_zone():
    view = page.build(page.State())
    listed = [(zone.target, link.target) for zone, links in view.place_groups for link in links]
    assert sorted(t.params()["place"][0] for _, t in listed) == sorted(data_ids("districts.csv", "adcode"))
    primary = {row["adcode"]: row["primary_zone_id"] for row in data_rows("districts.csv")}
    for zone, district in listed:
        assert primary[district.params()["place"][0]] == zone.params()["place"][0]
    assert set(INNER) <= {t.params()["place"][0] for _, t in listed}


def viewbox(picture) -> tuple[float, ...]:
    return tuple(float(v) for v in re.search(r'viewBox="([^"]+)"', svg(picture)).group(1).split())


@pytest.mark.parametrize("place", [*INNER, "500101", "500154", "core"])
def test_a_place_picture_is_zoomed_so_its_districts_fill_most_of_it(place):
    view = page.build(page.State(place=place))
    left, top, width, height = viewbox(view.picture)
    boxes = [s.box for s in view.picture.shapes if s.key in view.picture.highlighted]
    assert boxes
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    # Whole inside the view, and filling at least 60 % of its width or its height (a margin of 12 % each side, at most 4:3).
    assert left <= x0 and top <= y0 and x1 <= left + width and y1 <= top + height
    assert max((x1 - x0) / width, (y1 - y0) / height) >= 0.6
    assert width < view.picture.width  # zoomed in, not the whole city


def test_the_city_picture_is_the_whole_city_and_zoomed_pictures_name_the_small_districts():
    city = page.build(page.State()).picture
    assert viewbox(city) == (0, 0, city.width, city.height)
    assert ">渝中<" not in svg(city)  # too small to name at the whole picture: the list names it
    assert ">渝中<" in svg(page.build(page.State(place="500103")).picture)


@pytest.mark.parametrize("place", [*INNER, "500101", "500154"])
def test_a_district_opens_the_app_map_zoomed_to_fill_a_phone_map(place):
    """The deck's opening view, drawn in the phone's map (camera.FIT_WIDTH × MAP_HEIGHT): the district whole and filling most of it."""
    deck = page.build(page.State(place=place)).deck
    view = deck.initial_view_state
    west, south, east, north = bounds_of(zones.load_boundaries(), {place})
    (x0, y0), (x1, y1) = screen_offset(west, north, view), screen_offset(east, south, view)
    assert -FIT_WIDTH / 2 <= x0 < x1 <= FIT_WIDTH / 2 and -MAP_HEIGHT / 2 <= y0 < y1 <= MAP_HEIGHT / 2
    assert max((x1 - x0) / FIT_WIDTH, (y1 - y0) / MAP_HEIGHT) >= 0.6
