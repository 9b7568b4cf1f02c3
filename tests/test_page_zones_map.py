"""AppTest: the zones map renders offline, stays within its payload budget, its widgets change the State (the URL),
and it treats its URL and data as untrusted. What each State shows is tested in test_view_zones_map.py."""

import json
from xml.etree import ElementTree

import pytest

from helpers import inert, open_page
from lib.plan import zones
from lib.present.maps import keys
from lib.present.maps.deck import build_deck, layer_name
from lib.present.maps.serialised_deck import SerialisedDeck
from lib.views import zones_map

MAX_PAYLOAD = 400_000  # bytes of map JSON sent to the browser (the budget)


def run(query=None):
    return open_page("zones_map", query)


def deck_json(at) -> dict:
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.json)


def payload(at) -> int:
    return len(at.get("deck_gl_json_chart")[0].proto.json.encode("utf-8"))


def outline_widths(spec: dict) -> dict[str, int]:
    """adcode → the heaviest border drawn round it (lib.present.maps.layers.district_outlines)."""
    widths: dict[str, int] = {}
    for feature in next(item for item in spec["layers"] if layer_name(item["id"]) == "outlines")["data"]:
        for adcode in feature["properties"]["adcodes"]:
            widths[adcode] = max(widths.get(adcode, 0), feature["properties"]["width"])
    return widths


def layer(spec: dict, name: str) -> dict:
    """A layer by its name; the districts and projects layers carry the place in their ids (lib.present.maps.deck)."""
    return next(
        item for item in spec["layers"] if layer_name(item["id"]).split("-")[0] == name and not layer_name(item["id"]).endswith("zoomed")
    )


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
    # 105.3–110.2 E by 28.2–32.2 N in a 350 × 440 px map (the narrowest, a phone's): zoom a little above 5.
    assert 5 < view["zoom"] < 6


@pytest.mark.parametrize("place", ["all", *zones.ZONE_IDS, "500110"])
def test_every_zone_view_stays_within_budget(place):
    at = run({"place": place})
    assert not at.exception
    assert payload(at) <= MAX_PAYLOAD


def test_choosing_a_zone_shows_its_role_districts_and_projects():
    at = run()
    at.selectbox(key="place").set_value("core").run()
    assert not at.exception
    assert at.header[0].value == "都市功能核心区"
    role = zones.load_zones().set_index("zone_id").at["core", "role_quote"]
    assert any(role[:20] in text.value.replace("\\", "") for text in at.markdown)
    members, shown = at.dataframe[0].value, at.dataframe[1].value
    assert len(members) == 6  # 渝中 + the five districts split by the Inner Ring
    # the items of its districts, less the four 第十章第二节 puts in the expansion zone (大学城, 西永; issue 23 §3)
    assert len(shown) == len(zones.projects_at("core")) == len(zones.projects_in(zones.place_districts("core"))) - 4
    widths = outline_widths(deck_json(at))
    # Heavy outline: 渝中, wholly core; thinner: the five split districts, partly core (district_zones.csv).
    assert [a for a, w in widths.items() if w == 3] == ["500103"]
    assert sorted(a for a, w in widths.items() if w == 2) == ["500104", "500105", "500106", "500107", "500108"]
    # 渝中's own and the seven 第十章第二节's core paragraph names (中央商务区 and the 商圈): 13
    projects = zones.load_projects()
    assert (
        (shown["功能区域"] == "都市功能核心区").sum()
        == ((projects.district_adcodes == "500103") | (projects.zone_id == "core")).sum()
        == 13
    )
    # The headings are the View's whole sentences, never cut like an echo of the URL.
    view = zones_map.build(zones_map.State(place="core"))
    shown_text = [m.value.replace("\\", "") for m in at.markdown]
    assert f"**{view.projects_heading}**" in shown_text and f"**{view.works_heading}**" in shown_text


def test_a_renamed_district_from_the_url_shows_both_names_and_its_projects():
    at = run({"place": "500154"})
    assert not at.exception
    # districts.csv: 开县 500234 in Feb 2016, 开州区 500154 now.
    assert at.header[0].value == "开县（2016年代码500234；今开州区，500154）"
    shown = at.dataframe[0].value
    assert set(shown["项目"]) == set(zones.projects_in(["500154"]).name_zh)


def test_a_split_district_lists_both_zones():
    at = run({"place": "500105"})  # 江北区
    text = " ".join(element.value for element in [*at.markdown, *at.text])
    assert "都市功能核心区" in text and "内环以内" in text
    assert "都市功能拓展区" in text and "内环以外" in text


def test_category_toggles_filter_the_markers():
    at = run()
    at.button_group(key="categories").set_value(["机场", "水库"]).run()
    assert not at.exception
    markers = [m["properties"] for m in layer(deck_json(at), "projects")["data"]]
    # 水库 are placed only in districts (counted there); the airports are sites (projects.csv precision).
    assert {m["category"] for m in markers} == {"机场"}
    assert sorted(at.query_params["categories"]) == ["机场", "水库"]
    tips = " ".join(f["properties"]["tip_body"] for f in layer(deck_json(at), "districts")["data"])
    assert "水库" in tips and "风电" not in tips
    at.button_group(key="categories").set_value([]).run()
    assert not at.exception
    assert layer(deck_json(at), "projects")["data"] == []
    assert at.query_params["categories"] in ("none", ["none"])  # none shown, and a reload keeps it so


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


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_plan_s_redactions_read_as_printed_outside_simplified(lang):
    """A quote drawn as an HTML block shows the plan's *** as printed, no Markdown escape left in it."""
    at = run({"lang": lang})
    quotes = [md.value for md in at.markdown if md.value.startswith('<p lang="zh-CN">')]
    assert any("大都市区包括***" in q for q in quotes), quotes
    assert not [q for q in quotes if "\\" in q]


def test_markdown_from_data_is_inert():
    at = run({"place": "core"})
    for md in at.markdown:
        assert inert(md.value), md.value


def test_the_deck_is_sent_as_its_own_compact_text():
    """pages/zones_map relies on st.pydeck_chart calling Deck.to_json (lib.present.maps.serialised_deck)."""
    at = run()
    sent = at.get("deck_gl_json_chart")[0].proto.json
    assert "\n" not in sent and sent.startswith("{") and '":' in sent  # compact: no pretty-printing
    deck = build_deck(
        zones.load_boundaries(),
        zones.load_districts(),
        zones.load_zones(),
        zones.load_district_zones(),
        zones.load_projects(),
        zones.CATEGORIES,
        zones.ALL,
    )
    assert isinstance(deck, SerialisedDeck) and deck.to_json() is deck.to_json()  # serialised once


def test_legend_escapes_data():
    table = zones.load_zones()
    table.loc[0, "name_zh"] = "<script>x</script>"
    legend = keys.zone_key_svg(table)
    assert "<script>" not in legend and "&lt;script&gt;" in legend
    ElementTree.fromstring(legend)  # still well-formed SVG
    # Category names are not free text: the projects schema only allows zones.CATEGORIES.


def test_keys_name_every_zone_and_each_shown_category_with_its_count():
    table = zones.load_zones()
    assert all(name in keys.zone_key_svg(table) for name in table.name_zh)
    markers = keys.marker_key_svg({"水库": 18, "机场": 3})
    assert "水库 18" in markers and "机场 3" in markers and "港口" not in markers
    ElementTree.fromstring(keys.marker_key_svg({}))  # no category chosen: an empty key, not an error


def test_the_url_carries_ids_both_ways():
    at = run({"categories": ["水库", "LNG"]})
    assert not at.exception and not at.info
    assert set(at.button_group(key="categories").value) == {"水库", "LNG"}
    at.selectbox(key="place").set_value("southeast").run()
    written = dict(at.query_params)
    assert written["place"] in ("southeast", ["southeast"])
    assert sorted(written["categories"]) == ["LNG", "水库"]


def test_the_works_toggle_draws_the_schematic_links_and_writes_the_url():
    at = run({"place": "500229"})  # 城口县
    assert not at.exception
    assert not any(layer_name(item["id"]).startswith("works") for item in deck_json(at)["layers"])
    at.toggle(key="works").set_value(True).run()
    assert not at.exception
    assert at.query_params["works"] in ("true", ["true"])
    assert len(layer(deck_json(at), "works")["data"]) == 24  # linear_works.csv: schematic true
    tip = next(f for f in layer(deck_json(at), "districts")["data"] if f["properties"]["adcode"] == "500229")["properties"]["tip_body"]
    assert "名称写到本区县的线状工程：2 项" in tip
