"""功能区域地图's lists in the reader's language (issue 27): the places, the projects, the linear works.

The frames keep lib.plan.zones' 简体 column names as keys (``project_table``,
``work_table``), so the page, its downloads and the static edition pick
columns by one name; only the headers shown are translated (``headers``).
A project's and a work's name and the 原文 column are the plan's own text:
quoted as printed in every language (``QUOTED``), and a renderer marks them
``lang="zh-CN"`` where the page is not in 简体.
"""

from __future__ import annotations

import dataclasses
import functools

import pandas as pd

from lib.plan import zones
from lib.plan.zones import tables
from lib.present.blocks import Table
from lib.present.i18n import N_, ZH_CN
from lib.present.maps.marks import site_source
from lib.present.maps.words import Words

COLUMNS, WORK_COLUMNS = zones.PROJECT_COLUMNS, zones.WORK_COLUMNS
# Every header of both lists and the downloads' own, for the catalogs (the values of COLUMNS and WORK_COLUMNS).
HEADERS = (
    *(N_("项目"), N_("类别"), N_("细类"), N_("状态"), N_("区县"), N_("功能区域"), N_("出处"), N_("原文"), N_("位置"), N_("原文链接")),
    *(N_("工程"), N_("名称所写区县"), N_("地图上"), N_("序号"), N_("区县代码"), N_("规划原文行号"), N_("经度"), N_("纬度")),
)
QUOTED = (COLUMNS["name_zh"], COLUMNS["quote"], WORK_COLUMNS["name_zh"], WORK_COLUMNS["quote"])
UNDETERMINED = N_("位置跨区/未定")  # lib.plan.zones.UNDETERMINED
PRECISION = {"site": N_("项目所在地"), "district": N_("只点到区县，未画点（计入区县名后的项数）"), "none": N_("未上图")}


def headers(columns, words: Words) -> tuple[str, ...]:
    _ = words._
    return tuple(_(str(column)) for column in columns)


@functools.cache
def place_labels(lang: str = ZH_CN) -> dict[str, str]:
    """lib.plan.zones.place_labels in the reader's language: 区县 · 开县（今开州区） / District · Kai County (now Kaizhou District)."""
    words = Words(lang)
    _ = words._
    labels = {zones.ALL: _("全市（五大功能区域）")}
    labels |= {z.zone_id: _("功能区域 · {name}").format(name=words.zone(z.name_zh)) for z in tables.load_zones().itertuples()}
    labels |= {
        d.adcode: _("区县 · {name}").format(name=words.district_name(d.name_2016, d.name_current))
        for d in tables.load_districts().itertuples()
    }
    return labels


def _districts(value: str, words: Words, names: dict[str, str]) -> str:
    return words.join(words.district(names[code]) for code in tables.split_adcodes(value)) or "—"


def _converted(frame: pd.DataFrame, words: Words) -> pd.DataFrame:
    """繁體: every cell but the quoted ones converted by OpenCC."""
    return frame.apply(lambda column: column if column.name in QUOTED else column.map(lambda v: words.text(v) if isinstance(v, str) else v))


def project_table(projects: pd.DataFrame, words: Words) -> pd.DataFrame:
    """lib.plan.zones.project_table, its cells in the reader's language (the names and quotes as printed)."""
    shown = zones.project_table(projects)
    if not words.english:
        return shown if words.lang == ZH_CN else _converted(shown, words)
    _ = words._
    names = dict(zip(tables.load_districts().adcode, tables.load_districts().name_2016))
    zone_names = dict(zip(tables.load_zones().zone_id, tables.load_zones().name_zh))
    zone_of = zones.project_zones(projects)
    stated = projects.zone_id.fillna("") != "" if "zone_id" in projects else pd.Series(False, index=projects.index)
    rows = zip(projects.itertuples(), zone_of, stated)
    sources, positions, zone_cells = [], [], []
    for project, zone, by_plan in rows:
        where = words.place(project.chapter, project.section)
        source = _("{box}（{place}）").format(box=words.place("", "", project.box), place=where) if project.box else where
        sources.append(source + (_("；功能区域据第十章第二节") if by_plan else ""))
        if project.precision == "none":
            positions.append(_("未上图：{why}").format(why=words.data(project.note, "unplaced_note")))
            zone_cells.append("—")
            continue
        position = _(PRECISION[project.precision])
        if project.precision == "site":
            position = _("{position}（坐标：{source}）").format(position=position, source=site_source(project.site_source, words))
        positions.append(position)
        zone_cells.append(words.zone(zone_names[zone]) if zone in zone_names else _(UNDETERMINED))
    shown[COLUMNS["category"]] = [words.category(c) for c in projects.category]
    shown[COLUMNS["subcategory"]] = [words.data(c, "project_subcategory") for c in projects.subcategory]
    shown[COLUMNS["status"]] = [words.data(c, "project_status") for c in projects.status]
    shown[COLUMNS["districts"]] = [_districts(v, words, names) for v in projects.district_adcodes]
    shown[COLUMNS["zone"]] = zone_cells
    shown[COLUMNS["source"]] = sources
    shown[COLUMNS["position"]] = positions
    return shown


def work_table(works: pd.DataFrame, words: Words) -> pd.DataFrame:
    """lib.plan.zones.work_table, its cells in the reader's language (the names and quotes as printed)."""
    shown = zones.work_table(works)
    if not words.english:
        return shown if words.lang == ZH_CN else _converted(shown, words)
    _ = words._
    names = dict(zip(tables.load_districts().adcode, tables.load_districts().name_2016))
    drawn = _("示意连线（开启“线状工程示意”后显示）")
    shown[WORK_COLUMNS["kind"]] = [words.data(k, "work_kind") for k in works.kind]
    shown[WORK_COLUMNS["status"]] = [words.data(s, "project_status") for s in works.status]
    shown[WORK_COLUMNS["districts"]] = [_districts(v, words, names) for v in works.district_adcodes]
    shown[WORK_COLUMNS["source"]] = [
        _("{box}（{place}）").format(box=words.place("", "", w.box), place=words.place(w.chapter, w.section))
        if w.box
        else words.place(w.chapter, w.section)
        for w in works.itertuples()
    ]
    shown[WORK_COLUMNS["map"]] = [
        drawn if w.schematic else _("不画线：{why}").format(why=words.data(w.reason, "work_reason")) for w in works.itertuples()
    ]
    return shown


# The whole city lists all 308 projects: without the quote, subcategory and position (each project's
# own district page has them) the static page stays under the 150 KB page budget. In English and 繁體
# each name carries its lang="zh-CN" mark and English words run longer (163.5 KB for /en/zones/ with the
# 简体 page's columns): the zone and the source go too. Each name still links to its passage in the plan.
CITY_HIDDEN = tuple(COLUMNS[key] for key in ("quote", "subcategory", "position"))
CITY_HIDDEN_TRANSLATED = CITY_HIDDEN + tuple(COLUMNS[key] for key in ("zone", "source"))


def city_table(table: Table, quoted: tuple[int, ...], lang: str = ZH_CN) -> tuple[Table, tuple[int, ...]]:
    """The city's projects table as its pages list it (``CITY_HIDDEN``), and its quoted columns by position."""
    hidden = set(headers(CITY_HIDDEN if lang == ZH_CN else CITY_HIDDEN_TRANSLATED, Words(lang)))
    keep = [index for index, header in enumerate(table.headers) if header not in hidden]
    shown = dataclasses.replace(
        table, headers=tuple(table.headers[i] for i in keep), rows=tuple(tuple(row[i] for i in keep) for row in table.rows)
    )
    return shown, tuple(position for position, index in enumerate(keep) if index in quoted)
