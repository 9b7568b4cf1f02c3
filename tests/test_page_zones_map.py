"""AppTest: the zones map renders offline, stays within its payload budget, and treats its URL and data as untrusted."""

import json
from xml.etree import ElementTree

import pytest
from streamlit.testing.v1 import AppTest

from helpers import TIMEOUT, inert, page
from lib import map_builders, zones

MAX_PAYLOAD = 400_000  # bytes of map JSON sent to the browser (the budget)


def run(query=None):
    at = AppTest.from_file(page("zones_map"), default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def deck_json(at) -> dict:
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.json)


def payload(at) -> int:
    return len(at.get("deck_gl_json_chart")[0].proto.json.encode("utf-8"))


def layer(spec: dict, layer_id: str) -> dict:
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def test_page_renders_an_offline_map_within_budget():
    at = run()
    assert not at.exception
    assert at.title[0].value == "功能区域地图"
    assert payload(at) <= MAX_PAYLOAD
    text = at.get("deck_gl_json_chart")[0].proto.json
    spec = json.loads(text)
    # No basemap: pydeck's sentinel style, which Streamlit drops instead of fetching Carto tiles.
    assert "mapProvider" not in spec and spec["mapStyle"] == "__MAP_STYLE__"
    assert "cartocdn" not in text and "mapbox" not in text and "http" not in text
    assert all(item.get("id") for item in spec["layers"])  # on_select needs layer ids
    assert len(layer(spec, "districts")["data"]) == 38


def test_map_opens_fitted_to_chongqing():
    spec = deck_json(run())
    view = spec["initialViewState"]
    west, south, east, north = zones.BOUNDS
    assert west < view["longitude"] < east and south < view["latitude"] < north
    # 105.3–110.2 E by 28.2–32.2 N in a 720 × 560 px map: zoom a little above 6.
    assert 5.5 < view["zoom"] < 7


@pytest.mark.parametrize("place", ["all", *zones.ZONE_IDS, "500110"])
def test_every_zone_view_stays_within_budget(place):
    at = run({"place": place})
    assert not at.exception
    assert payload(at) <= MAX_PAYLOAD


def test_choosing_a_zone_shows_its_role_districts_and_projects():
    at = run()
    at.selectbox(key="place").set_value("core").run()
    assert not at.exception
    assert at.subheader[0].value == "都市功能核心区"
    role = zones.load_zones().set_index("zone_id").at["core", "role_quote"]
    assert any(role[:20] in md.value for md in at.markdown)
    members, shown = at.dataframe[0].value, at.dataframe[1].value
    assert len(members) == 6  # 渝中 + the five districts split by the Inner Ring
    assert len(shown) == len(zones.projects_in(zones.place_districts("core")))
    outlined = [f["properties"]["adcode"] for f in layer(deck_json(at), "districts")["data"] if f["properties"]["width"] == 3]
    assert sorted(outlined) == sorted(zones.place_districts("core"))


def test_a_renamed_district_from_the_url_shows_both_names_and_its_projects():
    at = run({"place": "500154"})
    assert not at.exception
    assert at.subheader[0].value == "开县（今开州区）"
    shown = at.dataframe[0].value
    assert set(shown["项目"]) == set(zones.projects_in(["500154"]).name_zh)


def test_a_split_district_lists_both_zones():
    at = run({"place": "500105"})  # 江北区
    text = " ".join(md.value for md in at.markdown)
    assert "都市功能核心区" in text and "内环以内" in text
    assert "都市功能拓展区" in text and "内环以外" in text


def test_category_toggles_filter_the_markers():
    at = run()
    counts = zones.category_counts(zones.load_projects().query("precision != 'none'"))
    at.button_group(key="categories").set_value(["水库", "风电"]).run()
    assert not at.exception
    markers = layer(deck_json(at), "projects")["data"]
    assert {m["category"] for m in markers} == {"水库", "风电"}
    assert len(markers) <= counts["水库"] + counts["风电"]
    at.button_group(key="categories").set_value([]).run()
    assert not at.exception
    assert layer(deck_json(at), "projects")["data"] == []


@pytest.mark.parametrize(
    "key, value",
    [("place", "500000"), ("place", "<img src=x onerror=alert(1)>"), ("categories", "核电站"), ("place", "x" * 500)],
)
def test_bad_url_values_give_a_notice_and_the_default_view(key, value):
    at = run({key: value})
    assert not at.exception
    assert len(at.info) == 1 and "已忽略" in at.info[0].value
    assert inert(at.info[0].value)
    assert at.selectbox(key="place").value == zones.ALL
    assert len(layer(deck_json(at), "districts")["data"]) == 38


def test_markdown_from_data_is_inert():
    at = run({"place": "core"})
    for md in at.markdown:
        if not md.value.startswith("<div"):  # the legend: our own HTML, its data escaped (below)
            assert inert(md.value), md.value


def _deck_with(projects):
    return map_builders.build_deck(
        zones.load_boundaries(), zones.load_districts(), zones.load_zones(), zones.load_district_zones(), projects, zones.CATEGORIES
    )


def test_tooltip_text_is_escaped():
    projects = zones.load_projects()
    projects.loc[0, "name_zh"] = '<img src=x onerror="alert(1)">'
    projects.loc[0, "status"] = "<b>建成</b>"
    spec = json.loads(_deck_with(projects).to_json())
    tips = [m["tip_title"] + m["tip_body"] for m in layer(spec, "projects")["data"]]
    assert not any("<img" in tip or "<b>" in tip for tip in tips)
    assert any("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in tip for tip in tips)
    for feature in layer(spec, "districts")["data"]:
        assert "<" not in feature["properties"]["tip_title"] + feature["properties"]["tip_body"]
    # The template only interpolates those escaped fields.
    assert map_builders.TOOLTIP["html"] == "<b>{tip_title}</b><br/>{tip_body}"


def test_legend_escapes_data():
    table = zones.load_zones()
    table.loc[0, "name_zh"] = "<script>x</script>"
    legend = map_builders.zone_key_svg(table)
    assert "<script>" not in legend and "&lt;script&gt;" in legend
    ElementTree.fromstring(legend)  # still well-formed SVG
    # Category names are not free text: the projects schema only allows zones.CATEGORIES.


def test_keys_name_every_zone_and_each_shown_category_with_its_count():
    table = zones.load_zones()
    assert all(name in map_builders.zone_key_svg(table) for name in table.name_zh)
    markers = map_builders.marker_key_svg({"水库": 18, "机场": 3})
    assert "水库 18" in markers and "机场 3" in markers and "港口" not in markers
    ElementTree.fromstring(map_builders.marker_key_svg({}))  # no category chosen: an empty key, not an error


def test_tooltips_name_category_status_district_and_source():
    spec = json.loads(_deck_with(zones.load_projects()).to_json())
    airport = next(m for m in layer(spec, "projects")["data"] if m["category"] == "机场" and "江北机场第三跑道" in m["tip_body"])
    assert "渝北区" in airport["tip_title"]
    assert "续建并建成" in airport["tip_body"] and "专栏12" in airport["tip_body"]
    assert "项目所在地" in airport["tip_body"]


def test_the_url_carries_ids_both_ways():
    at = run({"categories": ["水库", "LNG"]})
    assert not at.exception and not at.info
    assert set(at.button_group(key="categories").value) == {"水库", "LNG"}
    at.selectbox(key="place").set_value("southeast").run()
    written = dict(at.query_params)
    assert written["place"] in ("southeast", ["southeast"])
    assert sorted(written["categories"]) == ["LNG", "水库"]
