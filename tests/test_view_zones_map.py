"""lib.views.zones_map: the URL → State → View of 功能区域地图, without Streamlit."""

import json
import re

import pandas as pd
import pytest

from helpers import data_rows
from lib.plan import zones
from lib.plan.zones.boundaries import bounds_of
from lib.present.blocks import Link, Strong, Table, Target, plain_text
from lib.present.maps.camera import screen_offset
from lib.present.maps.deck import layer_id, layer_name
from lib.present.maps.packing import unpack_point
from lib.views import zones_map as page
from lib.views.query import Notice


def frame(table: Table) -> pd.DataFrame:
    return pd.DataFrame(list(table.rows), columns=list(table.headers))


# The categories with a position on the map (projects.csv, precision ≠ none), read cheaply for the parametrize
# list (no loading at import); the test below checks them against zones.mapped_counts().
MAPPED = tuple(dict.fromkeys(row["category"] for row in data_rows("projects.csv") if row["precision"] != "none"))


@pytest.mark.parametrize(
    "query, place, categories, notices",
    [
        ({}, "all", None, ()),
        ({"place": ["core"]}, "core", None, ()),
        ({"place": ["500103"]}, "500103", None, ()),  # 渝中区 (districts.csv)
        ({"categories": ["水库", "机场"]}, "all", ("机场", "水库"), ()),  # kept in CATEGORIES order
        ({"categories": ["水库", "水库"]}, "all", ("水库",), ()),  # a repeat counts once
        ({"categories": ["none"]}, "all", (), ()),  # every category toggled off
        ({"categories": list(MAPPED)}, "all", None, ()),  # all of them spelled out is the default
        ({"place": ["500000"]}, "all", None, (Notice("place", "500000"),)),  # 重庆市 itself is no district
        ({"place": ["<img src=x onerror=alert(1)>"]}, "all", None, (Notice("place", "<img src=x onerror=alert(1)>"),)),
        ({"place": ["５００１０３"]}, "all", None, (Notice("place", "５００１０３"),)),  # full-width digits are not an adcode
        ({"place": ["core", "500103"]}, "core", None, (Notice("place", "500103"),)),  # the first of repeated keys
        ({"categories": ["核电站"]}, "all", None, (Notice("categories", "核电站"),)),  # no such category
        ({"categories": ["水库", "核电站"]}, "all", ("水库",), (Notice("categories", "核电站"),)),
        ({"map": ["1"]}, "all", None, (Notice("map", "1"),)),  # unknown key
    ],
)
def test_parse(query, place, categories, notices):
    assert page.parse(query) == page.State(place=place, categories=categories, notices=notices)


@pytest.mark.parametrize(
    "state, query",
    [
        (page.State(), {}),
        (page.State(place="southeast"), {"place": ["southeast"]}),
        (page.State(categories=("机场", "水库")), {"categories": ["机场", "水库"]}),
        (page.State(place="500154", categories=()), {"place": ["500154"], "categories": ["none"]}),
        (page.State(works=True), {"works": ["true"]}),
    ],
)
def test_to_query_is_the_shortest_query_and_round_trips(state, query):
    assert page.to_query(state) == query
    assert page.parse(page.to_query(state)) == state


def layer(view, name: str) -> dict:
    spec = json.loads(view.deck.to_json())
    return next(
        item for item in spec["layers"] if layer_name(item["id"]).split("-")[0] == name and not layer_name(item["id"]).endswith("zoomed")
    )


def outline_widths(spec: dict) -> dict[str, int]:
    """adcode → the heaviest border drawn round it (lib.present.maps.layers.district_outlines: 3 selected, 2 partly, 1 other)."""
    outlines = next(item for item in spec["layers"] if layer_name(item["id"]) == "outlines")["data"]
    widths: dict[str, int] = {}
    for feature in outlines:
        for adcode in feature["properties"]["adcodes"]:
            widths[adcode] = max(widths.get(adcode, 0), feature["properties"]["width"])
    return widths


def outlined(view) -> list[str]:
    return sorted(a for a, w in outline_widths(json.loads(view.deck.to_json())).items() if w == 3)


@pytest.mark.parametrize(
    "state, heading, outlined_adcodes, listed",
    [
        # The whole city: no district outlined, all 308 projects listed (projects.csv has 308 rows).
        (page.State(), "五大功能区域", [], 308),
        # 都市功能核心区: only 渝中 lies wholly in it (district_zones.csv); the five split districts get a thinner outline.
        (page.State(place="core"), "都市功能核心区", ["500103"], None),
        # 开县 was renamed 开州区 after the plan, and its code changed (districts.csv adcode_2016, name_current).
        (page.State(place="500154"), "开县（2016年代码500234；今开州区，500154）", ["500154"], None),
    ],
)
def test_build_heading_outline_and_projects(state, heading, outlined_adcodes, listed):
    view = page.build(state)
    assert view.panel_heading == heading
    assert outlined(view) == outlined_adcodes
    expected = listed if listed is not None else len(zones.projects_at(state.place))
    assert len(view.projects.rows) == expected
    assert view.projects_heading.startswith(f"规划点名项目：{expected} 项")


def test_a_zone_lists_its_districts_and_quotes_its_role():
    view = page.build(page.State(place="core"))
    assert len(view.members.rows) == 6  # 渝中 + the five split districts
    role = zones.load_zones().set_index("zone_id").at["core", "role_quote"]
    assert any(role in block.text for block in view.panel)
    assert "原文第" in view.panel_note


def test_a_split_district_names_both_zones_with_their_part():
    view = page.build(page.State(place="500105"))  # 江北区: core inside the Inner Ring, expansion outside
    assert all(isinstance(block.parts[0], Strong) for block in view.panel)  # the zone's name in bold, then the text
    titles = {block.parts[0].text: block.parts[-1] for block in view.panel}
    assert titles.keys() == {"都市功能核心区", "都市功能拓展区"}
    assert titles["都市功能核心区"].startswith("（内环以内）") and titles["都市功能拓展区"].startswith("（内环以外）")


@pytest.mark.parametrize("categories", [None, ("水库", "风电"), ("机场",), ()])
def test_markers_and_counts_follow_the_categories(categories):
    counts = zones.mapped_counts()
    projects = zones.load_projects()
    view = page.build(page.State(categories=categories))
    assert set(MAPPED) == set(counts)
    shown = tuple(counts) if categories is None else categories
    markers = [m["properties"] for m in layer(view, "projects")["data"]]
    # Only sites get a marker: the airports (projects.csv precision site), when 机场 is shown.
    assert {m["category"] for m in markers} == {"机场"} & set(shown)
    sited = projects[(projects.precision == "site") & projects.category.isin(shown)]
    # A marker is not picked on its own: every sited project is listed in its district's tooltip, with its site's source.
    tips = {f["properties"]["adcode"]: f["properties"]["tip_body"] for f in layer(view, "districts")["data"]}
    for project in sited.itertuples():
        assert all(f"{project.name_zh}（" in tips[code] for code in zones.split_adcodes(project.district_adcodes))
    assert sum(tip.count("所在地画点 · ") for tip in tips.values()) == len(markers)
    mapped = sum(counts[c] for c in shown)
    assert view.counts_text.startswith(f"所选类别 {mapped} 项：{len(sited)} 项在有来源坐标的所在地画点")
    # All 308: 9 sites, 30 unplaced (projects.csv), the rest placed only in districts.
    assert "全部 308 项中 9 项画点、269 项只点到区县、30 项未上图" in view.counts_text
    sited_by = sited.category.value_counts()
    assert all(f"{c}（所在地） {n}" in view.marker_key.svg for c, n in sited_by.items())
    assert all(c not in view.marker_key.svg for c in shown if c not in sited_by)  # no glyph for what has no point


def test_district_only_projects_are_counted_with_their_district_never_drawn_as_points():
    view = page.build(page.State(categories=("水库",)))
    projects = zones.load_projects()
    reservoirs = projects[(projects.category == "水库") & (projects.precision == "district")]
    per_district = {}
    for value in reservoirs.district_adcodes:
        for code in zones.split_adcodes(value):
            per_district[code] = per_district.get(code, 0) + 1
    features = {f["properties"]["adcode"]: f["properties"]["tip_body"] for f in layer(view, "districts")["data"]}
    labels = [
        *layer(view, "labels")["data"],
        *next(item for item in json.loads(view.deck.to_json())["layers"] if layer_name(item["id"]) == "labels-zoomed")["data"],
    ]
    short = dict(zip(zones.load_districts().adcode, zones.load_districts().short_name))
    texts = {row["properties"]["text"] for row in labels}
    for code, n in per_district.items():
        assert f"水库 {n}" in features[code]
        assert f"{short[code]} {n}项" in texts
    assert layer(view, "projects")["data"] == []  # no airport shown, so no marker at all


def test_split_districts_are_hatched_and_the_key_says_exactly_what_is_drawn():
    view = page.build(page.State())
    (hatch,) = layer(view, "split")["data"]  # one MultiLineString, packed (lib.present.maps.packing)
    stripes = [{"path": [unpack_point(point) for point in line]} for line in hatch["geometry"]["coordinates"]]
    split = zones.load_districts()[zones.load_districts().split_zones]
    shapes = zones.load_district_shapes().set_index("adcode").loc[list(split.adcode)].geometry
    from shapely.geometry import LineString

    covered = {code for code, polygon in shapes.items() for row in stripes if polygon.buffer(0.001).contains(LineString(row["path"]))}
    assert covered == set(split.adcode)  # every split district striped, every stripe inside one
    assert all(any(polygon.buffer(0.001).contains(LineString(row["path"])) for polygon in shapes) for row in stripes)
    key = "".join(re.findall(r">([^<>]+)</text>", view.zone_key.svg))
    assert "斜线：一部分属都市功能核心区、其余属都市功能拓展区的区，分界（内环）未画出" in key
    assert "内环以内" not in key and "虚线" not in key  # no line claims to be the ring


def test_the_core_zone_lists_its_own_projects_first_and_the_split_ones_as_undetermined():
    view = page.build(page.State(place="core"))
    table = frame(view.projects)
    zone_column = table["功能区域"]
    inside = (zone_column == "都市功能核心区").sum()
    undetermined = (zone_column == zones.UNDETERMINED).sum()
    assert inside + undetermined == len(table)
    # Projects of 渝中 alone (the only district wholly core, district_zones.csv) are the core's own, and so are
    # 中央商务区 and the 商圈 第十章第二节's core paragraph names (issue 23 §3): 7 + 6 = 13.
    projects = zones.load_projects()
    own = (projects.district_adcodes == "500103") | (projects.zone_id == "core")
    assert inside == own.sum() == 13
    assert {"中央商务区", "观音桥商圈", "九宫庙商圈"} <= set(table["项目"][zone_column == "都市功能核心区"])
    assert list(zone_column) == ["都市功能核心区"] * inside + [zones.UNDETERMINED] * undetermined
    assert f"其中 {inside} 项在本区域；{undetermined} 项位置跨区/未定" in view.projects_heading
    # 团结村铁路口岸 (沙坪坝) is not put in the core.
    assert (table.loc[table["项目"].str.contains("团结村"), "功能区域"] == zones.UNDETERMINED).all()
    widths = outline_widths(json.loads(view.deck.to_json()))
    assert {a for a, w in widths.items() if w == 2} == set(zones.load_districts().adcode[zones.load_districts().split_zones])


def test_selecting_a_place_zooms_to_it():
    whole = page.build(page.State()).deck.initial_view_state
    yuzhong = page.build(page.State(place="500103")).deck.initial_view_state
    # 105.3–110.2 E by 28.2–32.2 N fitted into a 350 × 440 px map: zoom a little above 5.
    assert 5 < whole.zoom < 6
    assert yuzhong.zoom > whole.zoom + 3  # 渝中 is about 23 km² (geo/districts.geojson area_km2)
    assert 106.4 < yuzhong.longitude < 106.7 and 29.4 < yuzhong.latitude < 29.7


@pytest.mark.parametrize("state", [page.State(), page.State(place="500101", works=True), page.State(categories=("机场",))])
def test_a_layer_id_names_its_data_so_deck_gl_may_trust_it_unchanged(state):
    import hashlib

    for item in json.loads(page.build(state).deck.to_json())["layers"]:
        text = json.dumps(item["data"], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert item["id"].split("#")[1] == hashlib.sha1(text.encode("utf-8")).hexdigest()[:10], item["id"]
        assert item["dataComparator"] == "@@=true"  # exact only because the id changes whenever the data does


def test_layer_ids_stay_with_the_place_and_flip_with_each_click():
    from lib.present.maps.deck import PickedDeck

    def ids(deck) -> set[str]:
        return {layer_name(item["id"]) for item in json.loads(deck.to_json())["layers"]}

    def full_ids(deck) -> set[str]:
        return {item["id"] for item in json.loads(deck.to_json())["layers"]}

    core, whole = page.build(page.State(place="core", works=True)).deck, page.build(page.State(works=True)).deck
    assert ids(core) == ids(whole) >= {layer_id("districts"), layer_id("works")}
    # A layer whose data does not change with the place keeps its whole id, digest and all, so deck.gl leaves it
    # alone; the borders and names change, get new ids and are built anew (lib.present.maps.deck._content_addressed).
    same = full_ids(core) & full_ids(whole)
    assert {layer_name(i) for i in same} == {layer_id("districts"), "split-hatch", "projects", layer_id("works"), "works-labels"}
    assert {layer_name(i) for i in full_ids(core) - same} == {"outlines", "labels", "labels-zoomed"}
    # After a click, the layer clicked gets the other spelling, which drops Streamlit's held selection; the others keep theirs.
    flipped = ids(PickedDeck(core, {"districts": 1}))
    assert layer_id("districts", 1) in flipped and layer_id("districts") not in flipped
    assert layer_id("works") in flipped
    assert layer_id("works", 1) in ids(PickedDeck(core, {"districts": 2, "works": 3})) and layer_id("districts") in ids(
        PickedDeck(core, {"districts": 2, "works": 3})
    )
    assert ids(PickedDeck(core, {"districts": 2})) == ids(PickedDeck(core)) == ids(core)
    assert json.loads(PickedDeck(core, {"districts": 1}).to_json())["initialViewState"] == json.loads(core.to_json())["initialViewState"]


@pytest.mark.parametrize(
    "picked, layers",
    [
        ({"selection": {"indices": {"districts-1": [4]}, "objects": {}}}, ("districts",)),
        ({"selection": {"indices": {"works-0": [2]}, "objects": {}}}, ("works",)),
        ({"selection": {"indices": {"districts-0": []}, "objects": {}}}, ()),  # an emptied selection flips nothing
        ({"selection": {"indices": {}, "objects": {}}}, ()),
        (None, ()),
    ],
)
def test_a_click_flips_only_the_layer_it_selected(picked, layers):
    assert page.clicked_layers(picked) == layers


def selection(layer_key: str, item: dict) -> dict:
    return {"selection": {"indices": {layer_key: [0]}, "objects": {layer_key: [item]}}}


@pytest.mark.parametrize(
    "state, picked, place",
    [
        (page.State(), selection("districts-all", {"properties": {"adcode": "500103"}}), "500103"),
        (page.State(place="core"), selection("districts-core", {"properties": {"adcode": "500105"}}), "500105"),
        # A linear work's line selects no place (a marker is not picked: its district is).
        (page.State(), selection("works-0", {"properties": {"tip_title": "渝万铁路"}}), None),
        # The selected district clicked again: back to the whole city.
        (page.State(place="500103"), selection("districts-500103", {"properties": {"adcode": "500103"}}), "all"),
        # Nothing picked, or something that is no district: no change.
        (page.State(), {"selection": {"indices": {}, "objects": {}}}, None),
        (page.State(), None, None),
        (page.State(), selection("districts-all", {"properties": {"adcode": "<b>x</b>"}}), None),
    ],
)
def test_a_click_on_the_map_selects_a_place(state, picked, place):
    assert page.clicked_place(state, picked) == place


def test_tooltips_carry_plain_text_for_streamlit_to_escape_once():
    view = page.build(page.State())
    # 江北机场 stands in 渝北区 (500112); its marker's projects are listed in that district's tooltip.
    yubei = next(f["properties"] for f in layer(view, "districts")["data"] if f["properties"]["adcode"] == "500112")
    assert "江北机场第三跑道" in yubei["tip_body"]
    assert "续建并建成" in yubei["tip_body"] and "专栏12" in yubei["tip_body"]
    assert "坐标来源：airportsdata 20260905（MIT），IATA CKG" in yubei["tip_body"]
    # The three works at 江北机场 share its one marker (projects.csv: zl12-006, text-011, text-030).
    assert "所在地画点 · 机场 3 项 · 渝北区" in yubei["tip_body"]
    assert "&" not in json.dumps(layer(view, "districts")["data"], ensure_ascii=False)  # no entity anywhere


@pytest.mark.parametrize("place", ["all", "core", "500101"])
def test_no_two_district_names_overlap_at_the_opening_view(place):
    view = page.build(page.State(place=place))
    spec = json.loads(view.deck.to_json())
    labels = next(item for item in spec["layers"] if layer_name(item["id"]) == "labels")["data"]
    held_back = next(item for item in spec["layers"] if layer_name(item["id"]) == "labels-zoomed")["data"]
    assert len(labels) + len(held_back) == 38
    boxes = []
    for feature in labels:
        row = feature["properties"]
        x, y = screen_offset(*feature["geometry"]["coordinates"], view.deck.initial_view_state)
        half = len(row["text"]) * 13 / 2  # 13 px type (lib.present.maps.layers.LABEL_PX), one em per CJK character
        boxes.append((x - half, y + row["offset"][1] - 7, x + half, y + row["offset"][1] + 7))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_the_whole_city_fits_a_phone_wide_map():
    view = page.build(page.State()).deck.initial_view_state
    west, south, east, north = bounds_of(zones.load_boundaries())
    left, top = screen_offset(west, north, view)
    right, bottom = screen_offset(east, south, view)
    # A 390 px phone leaves 358 px for the map (16 px of padding each side), and the map is 440 px tall.
    assert -179 < left < right < 179 and -220 < top < bottom < 220


def test_linear_works_are_off_by_default_and_drawn_as_labelled_schematic_links():
    off = page.build(page.State())
    assert not {layer_name(item["id"]) for item in json.loads(off.deck.to_json())["layers"]} & {layer_id("works"), "works-labels"}
    on = page.build(page.State(works=True))
    spec = {layer_name(item["id"]).replace(layer_id("works"), "works"): item for item in json.loads(on.deck.to_json())["layers"]}
    works = zones.load_linear_works()
    drawn = works[works.schematic]
    # One dotted link per work naming two or more districts (24 in linear_works.csv), each labelled 示意 and said to be no route.
    assert len(spec["works"]["data"]) == len(drawn) == 24
    assert spec["works"]["extensions"][0]["dash"] is True
    assert [row["properties"]["text"] for row in spec["works-labels"]["data"]] == ["示意"] * 24
    assert spec["works-labels"]["visible"] is False  # the whole city: the key says 示意, labels would be smudges
    zoomed = {
        layer_name(item["id"]): item for item in json.loads(page.build(page.State(place="500229", works=True)).deck.to_json())["layers"]
    }
    assert zoomed["works-labels"]["visible"] is True
    assert all("不是实际走向" in row["properties"]["tip_body"] for row in spec["works"]["data"])
    points = {
        f["properties"]["adcode"]: [f["properties"]["label_lon"], f["properties"]["label_lat"]] for f in zones.load_boundaries()["features"]
    }
    for row, work in zip(spec["works"]["data"], drawn.itertuples()):
        assert row["geometry"]["coordinates"] == [points[c] for c in zones.split_adcodes(work.district_adcodes)]
    key = "".join(re.findall(r">([^<>]+)</text>", on.zone_key.svg))
    assert (
        "点线（示意）" in key and "不是实际走向" in key and "不是实际走向" not in "".join(re.findall(r">([^<>]+)</text>", off.zone_key.svg))
    )


def test_chengkou_lists_the_works_that_name_it():
    view = page.build(page.State(place="500229"))  # 城口县: no project, two works (linear_works.csv)
    table = frame(view.works_table)
    assert set(table["工程"]) == {"开县至城口至岚皋高速（重庆段）", "城口页岩气田开发项目"}
    assert table.loc[table["工程"] == "城口页岩气田开发项目", "地图上"].iloc[0].startswith("不画线：只写明一个区县")
    assert len(page.build(page.State()).works_table.rows) == 139


def test_the_works_heading_names_every_kind_the_table_holds():
    # linear_works.csv kinds (WORK_KINDS): 城市轨道与市郊铁路 reads 轨道, 桥梁/隧道 桥隧, 油气管道/气田 one group;
    # the prose adds two 流域治理 works (消落区治理, text-L07/L08) to 专栏15's one.
    heading = page.build(page.State()).works_heading
    groups = {
        "铁路": "铁路",
        "高速公路": "高速公路",
        "城市轨道与市郊铁路": "轨道",
        "桥梁": "桥隧",
        "隧道": "桥隧",
        "城市道路": "城市道路",
        "输变电": "输变电",
        "油气管道": "油气管道",
        "气田": "气田",
        "引调水与防洪": "引调水",
        "流域治理": "流域治理",
    }
    assert all(groups[kind] in heading for kind in set(zones.load_linear_works().kind))


def test_every_row_links_to_its_passage_and_every_member_to_its_place():
    view = page.build(page.State(place="core"))
    projects = zones.load_projects().set_index("project_id")
    assert view.link_column not in view.projects.headers and "project_id" not in view.projects.headers  # no URL, no id column
    assert len(view.projects.row_ids) == len(view.projects.links) == len(view.projects.rows)
    for project_id, link in zip(view.projects.row_ids, view.projects.links):
        chapter, section = projects.at[project_id, "chapter"], projects.at[project_id, "section"]
        assert link.label == "阅读原文" and link.target.params()["chapter"] == [chapter]
        assert link.target.params().get("section", [""]) == [section]
    members = zones.districts_of_zone("core")
    assert view.members.links == tuple(Link(r.name_2016, Target("zones_map", (("place", r.adcode),))) for r in members.itertuples())
    assert [link.label for link in view.zone_links] == list(zones.load_zones().name_zh)
    assert len(view.district_links) == 38  # districts.csv
    assert "阅读原文" not in plain_text([view.projects])


def test_the_static_picture_links_every_district_and_outlines_the_place():
    view = page.build(page.State(place="core"))
    assert len(view.picture.shapes) == 38
    assert set(view.picture.highlighted) == set(zones.place_districts("core"))
    assert all(shape.target == Target("zones_map", (("place", shape.key),)) for shape in view.picture.shapes)
    assert page.build(page.State()).picture.highlighted == ()


@pytest.mark.parametrize(
    "adcode, short_name",
    [
        # 万州: the map's label “万州 13项” and the panel's 15 项 (issue 23 §6): its airport's two items are markers
        ("500101", "万州"),
        ("500114", "黔江"),  # 黔江机场: a marker too
        ("500103", "渝中"),  # no sited item: the heading has no clause
    ],
)
def test_the_panel_s_count_and_the_map_s_label_add_up(adcode, short_name):
    whole_city = page.build(page.State())
    labels = [
        *layer(whole_city, "labels")["data"],
        *next(item for item in json.loads(whole_city.deck.to_json())["layers"] if layer_name(item["id"]) == "labels-zoomed")["data"],
    ]
    shown = {row["properties"]["text"] for row in labels}
    heading = page.build(page.State(place=adcode)).projects_heading
    projects = zones.load_projects()
    here = projects[projects.district_adcodes.str.split(";").apply(lambda codes: adcode in codes)]
    sited, in_district = int((here.precision == "site").sum()), int((here.precision == "district").sum())
    assert f"{short_name} {in_district}项" in shown
    assert heading.startswith(f"规划点名项目：{sited + in_district} 项")
    if sited:
        assert f"其中 {sited} 项有来源坐标，在图上画点；其余 {in_district} 项只点到区县" in heading
    else:
        assert "画点" not in heading
