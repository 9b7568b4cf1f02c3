"""lib.present.maps: the packed line geometry, the borders drawn once, and the text layers' fixed character sets."""

import json
from collections import Counter

import pytest

from lib.plan import zones
from lib.present.maps import layers, packing
from lib.present.maps.deck import GLYPH_CHARACTERS, label_characters, layer_name
from lib.present.maps.styles import CATEGORY_STYLE
from lib.views import zones_map as page


@pytest.mark.parametrize(
    "point, packed",
    [
        ((105.0, 28.0), [0, 0]),  # the origin itself
        ((106.5432, 29.1234), [15432, 11234]),
        ((110.1922, 32.2014), [51922, 42014]),  # beyond the north-east corner of Chongqing (zones.BOUNDS)
        ([105.2897, 28.1603], [2897, 1603]),
    ],
)
def test_a_four_decimal_point_packs_to_whole_steps_and_back(point, packed):
    assert packing.pack_point(point) == packed
    assert packing.unpack_point(packed) == tuple(point)


@pytest.mark.parametrize("point", [(106.54321, 29.1), (104.9, 29.0), (106.0, 27.99)])
def test_a_point_that_cannot_be_packed_exactly_is_refused(point):
    # A fifth decimal would be rounded away; a point south or west of the origin would go negative.
    with pytest.raises(ValueError):
        packing.pack_point(point)


def test_the_model_matrix_undoes_the_packing():
    matrix = packing.MODEL_MATRIX  # column-major, as deck.gl reads it
    for packed in ([0, 0], [15432, 11234], [51922, 42014]):
        x = matrix[0] * packed[0] + matrix[4] * packed[1] + matrix[12]
        y = matrix[1] * packed[0] + matrix[5] * packed[1] + matrix[13]
        assert (round(x, 9), round(y, 9)) == packing.unpack_point(packed)


def _edges(lines) -> Counter:
    found = Counter()
    for line in lines:
        for a, b in zip(line, line[1:]):
            found[tuple(sorted((tuple(a), tuple(b))))] += 1
    return found


def test_every_border_is_drawn_exactly_once():
    boundaries = zones.load_boundaries()
    rings = []
    for feature in boundaries["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings += [ring for polygon in polygons for ring in polygon]
    in_boundaries = _edges(rings)
    shared = {edge for edge, rings_on in in_boundaries.items() if rings_on == 2}
    drawn = _edges(line for feature in layers.district_outlines(boundaries) for line in feature["geometry"]["coordinates"])
    assert set(drawn) == shared  # every border two districts share, and not the city's outer edge
    assert set(drawn.values()) == {1}  # each once, though it lies on two districts' rings
    assert max(in_boundaries.values()) == 2 and len(shared) > len(in_boundaries) / 2  # (a coverage: shared edges match)
    # A selected district on the city's edge gets its whole border, the outer edge too.
    heavy = next(f for f in layers.district_outlines(boundaries, ("500229",)) if f["properties"]["width"] == 3)
    chengkou = next(f for f in boundaries["features"] if f["properties"]["adcode"] == "500229")["geometry"]
    outer = (
        set(
            _edges(
                ring
                for polygon in ([chengkou["coordinates"]] if chengkou["type"] == "Polygon" else chengkou["coordinates"])
                for ring in polygon
            )
        )
        - shared
    )
    assert outer and outer <= set(_edges(heavy["geometry"]["coordinates"]))


@pytest.mark.parametrize(
    "highlight, partly, heavy, medium",
    [
        ((), (), set(), set()),
        (("500101",), (), {"500101"}, set()),
        # The core zone (district_zones.csv): 渝中 wholly, the five split districts in part.
        (
            ("500103", "500104", "500105", "500106", "500107", "500108"),
            ("500104", "500105", "500106", "500107", "500108"),
            {"500103"},
            {"500104", "500105", "500106", "500107", "500108"},
        ),
    ],
)
def test_a_selected_district_gets_its_whole_border_heavy(highlight, partly, heavy, medium):
    boundaries = zones.load_boundaries()
    features = layers.district_outlines(boundaries, highlight, partly)
    by_width = {f["properties"]["width"]: f for f in features}
    assert [f["properties"]["width"] for f in features] == sorted(by_width)  # heavier drawn last, on top
    assert set(by_width.get(3, {"properties": {"adcodes": []}})["properties"]["adcodes"]) == heavy
    assert set(by_width.get(2, {"properties": {"adcodes": []}})["properties"]["adcodes"]) == medium
    for adcode in heavy | medium:
        feature = next(f for f in boundaries["features"] if f["properties"]["adcode"] == adcode)
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        own = set(_edges(ring for polygon in polygons for ring in polygon))
        width = 3 if adcode in heavy else 2
        drawn_at_least = set().union(*(_edges(f["geometry"]["coordinates"]) for f in features if f["properties"]["width"] >= width))
        assert own <= drawn_at_least, adcode


@pytest.mark.parametrize(
    "state", [page.State(), page.State(place="core"), page.State(place="500101", works=True), page.State(place="500229", works=True)]
)
def test_every_character_drawn_is_in_its_layers_fixed_character_set(state):
    # A character missing from a layer's set would be drawn as nothing (deck.gl builds the font atlas from the set).
    spec = json.loads(page.build(state).deck.to_json())
    text_layers = [item for item in spec["layers"] if item.get("pointType") == "text"]
    assert {layer_name(item["id"]) for item in text_layers} >= {"projects", "labels", "labels-zoomed"}
    for item in text_layers:
        used = {char for feature in item["data"] for char in feature["properties"]["text"]}
        assert used <= set(item["textCharacterSet"]), (layer_name(item["id"]), used - set(item["textCharacterSet"]))


def test_the_character_sets_cover_every_name_and_glyph_there_is():
    districts = zones.load_districts()
    assert set(GLYPH_CHARACTERS) == {glyph for glyph, _ in CATEGORY_STYLE.values()}
    assert set("".join(districts.short_name)) | set("0123456789项") <= set(label_characters(districts))


def test_only_lines_are_packed():
    line = {"type": "MultiLineString", "coordinates": [[[106.5432, 29.1234], [106.5433, 29.1240]]]}
    assert packing.pack_multiline(line)["coordinates"] == [[[15432, 11234], [15433, 11240]]]
    with pytest.raises(ValueError):  # a fill is tessellated as lon/lat on the CPU (lib.present.maps.packing)
        packing.pack_multiline({"type": "Polygon", "coordinates": [[[106.5, 29.1], [106.6, 29.1], [106.5, 29.2], [106.5, 29.1]]]})
