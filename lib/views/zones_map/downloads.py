"""功能区域地图's 下载: the projects and linear works a place lists, as rows for a file, for every renderer.

The rows are the page's own lists (``place.listed_projects``, ``zones.works_at``),
in the same order, with numbers as numbers (序号, the plan's line, a site's
coordinates). Each row's passage in the plan stays a Target: a renderer turns
it into an absolute address under its public base
(``lib.present.exports_places``), so no file carries a relative link.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from lib.engine.tables import PLAN_ISSUED, PLAN_TITLE
from lib.plan import zones
from lib.plan.zones import tables
from lib.present import exports_places
from lib.present.blocks import Target
from lib.present.exports import unredacted
from lib.views.plan_reader import reader_target
from lib.views.zones_map import place as places

LINK = zones.PROJECT_COLUMNS["link"]  # 原文链接: filled in by the renderer, an absolute address
LINE = "规划原文行号"
CODES = "区县代码"
PROJECTS_SHEET, WORKS_SHEET = "项目", "线状工程"


@dataclass(frozen=True)
class Sheet:
    """One table of a download: cells as they go into the file (int, float, str or None), the links apart."""

    name: str
    headers: tuple[str, ...]  # without 原文链接, which comes last in the file
    rows: tuple[tuple, ...]
    links: tuple[Target, ...]  # each row's passage in the plan


@dataclass(frozen=True)
class Downloads:
    heading: str
    note: str
    place_name: str
    xlsx_name: str  # 渝东北生态涵养发展区_项目.xlsx
    csv_name: str
    works_csv_name: str
    xlsx_label: str
    csv_label: str
    works_csv_label: str
    projects: Sheet
    works: Sheet
    about: tuple[tuple[str, str], ...]  # the 说明 sheet, less the line on where the links point


def _text(value) -> str | None:
    return None if value is None or pd.isna(value) or value == "" else unredacted(value)


def _codes(value: str) -> str | None:
    return "、".join(tables.split_adcodes(value)) or None


def _sheet(name: str, listed: pd.DataFrame, rows: pd.DataFrame, extra: dict[str, list]) -> Sheet:
    """``listed`` (a page table: Chinese headers) numbered, with the ``extra`` columns after 区县; links from ``rows``."""
    shown = listed.drop(columns=[LINK, *(["project_id"] if "project_id" in listed else [])])
    headers = list(shown.columns)
    at = headers.index(zones.PROJECT_COLUMNS["districts"] if name == PROJECTS_SHEET else zones.WORK_COLUMNS["districts"]) + 1
    columns = {"序号": list(range(1, len(shown) + 1))}
    for header in headers[:at]:
        columns[header] = [_text(v) for v in shown[header]]
    columns[CODES] = [_codes(v) for v in rows.district_adcodes]
    for header in headers[at:]:
        columns[header] = [_text(v) for v in shown[header]]
    columns[LINE] = [int(v) for v in rows.line]
    columns |= extra
    body = tuple(zip(*columns.values())) if len(shown) else ()
    links = tuple(reader_target(chapter, section) for chapter, section in zip(rows.chapter, rows.section))
    return Sheet(name, tuple(columns), body, links)


def _coordinates(rows: pd.DataFrame) -> dict[str, list]:
    """A site's longitude and latitude; none for a project the plan places only in a district (no site to give)."""
    sited = rows.precision == "site"
    return {
        "经度": [float(v) if s else None for v, s in zip(rows.lon, sited)],
        "纬度": [float(v) if s else None for v, s in zip(rows.lat, sited)],
    }


def file_stem(place: str) -> str:
    """The place as a reader names it: 重庆市全市, 渝东北生态涵养发展区, 开县（今开州区）."""
    if place == zones.ALL:
        return "重庆市全市"
    return zones.place_labels()[place].split(" · ", 1)[-1]


def rule(place: str) -> str:
    """Which projects and works a place lists, in words (lib.plan.zones.places.projects_at and works_at)."""
    repeat = "一项写明几个区县的，在每个区县都列出，所以各地之和大于全市总数。"
    if place == zones.ALL:
        return "全市：规划专栏和正文点名的全部项目与线状工程。"
    if place in set(zones.ZONE_IDS):
        return (
            "功能区域：所辖区县（含被内环分为两个功能区域的区县）写明的项目，加上规划第十章第二节写明在本区域而未写区县的项目，"
            "减去该节写明在其他功能区域的项目；本区域之内的在前，位置跨区/未定的在后（见“功能区域”列）。"
            "线状工程：名称写明本区域任一区县的。" + repeat
        )
    return "区县：写明本区县的项目，以及名称写明本区县的线状工程。" + repeat


def _sources(projects: pd.DataFrame, works: pd.DataFrame) -> str:
    boxes = sorted({b for b in [*projects.box, *works.box] if b}, key=lambda b: int(b.removeprefix("专栏")))
    prose = bool((projects.box == "").any() or (works.box == "").any())
    where = "、".join(boxes) + ("及正文" if prose else "") if boxes else ("正文" if prose else "")
    return (
        f"{PLAN_TITLE}（{PLAN_ISSUED}）{where}；逐项出处见“出处”列，原句见“原文”列，{LINE}为规划全文（data/source/plan.txt）的行；"
        "表格数据：data/projects.csv、data/linear_works.csv"
    )


@functools.cache
def of_place(place: str) -> Downloads:
    """What 下载 offers for ``place`` (the city, a zone id or an adcode): its two lists and the 说明."""
    listed_rows, _ = places.listed_projects(place)
    works = zones.works_at(place)
    projects = _sheet(PROJECTS_SHEET, zones.project_table(listed_rows), listed_rows, _coordinates(listed_rows))
    work_sheet = _sheet(WORKS_SHEET, zones.work_table(works), works, {})
    stem, label = file_stem(place), zones.place_labels()[place]
    members = ""
    if place in set(zones.ZONE_IDS):
        names = zones.districts_of_zone(place).name_2016
        members = f"（{len(names)} 个区县：{'、'.join(names)}）"
    about = (
        ("标题", f"{stem}：规划点名的项目与线状工程"),
        ("所选", label + members),
        ("计入规则", rule(place)),
        (PROJECTS_SHEET, f"{len(projects.rows)} 项，与页面“规划点名项目”表同序"),
        (WORKS_SHEET, f"{len(work_sheet.rows)} 项，与页面“线状工程”表同序"),
        ("来源", _sources(listed_rows, works)),
        ("坐标", "经度、纬度只填有来源坐标的项目所在地（坐标来源见“位置”列）；其余项目规划只写到区县，不给坐标，留空"),
        ("数据日期", f"{PLAN_ISSUED}（规划印发）：项目与线状工程均照规划所写，未跟踪此后的建设进展"),
    )
    return Downloads(
        heading="下载",
        note=f"{stem}的规划点名项目 {len(projects.rows)} 项、线状工程 {len(work_sheet.rows)} 项；Excel 另有“说明”表（所选、计入规则、来源、数据日期）。",
        place_name=stem,
        xlsx_name=f"{stem}_项目.xlsx",
        csv_name=f"{stem}_项目.csv",
        works_csv_name=f"{stem}_线状工程.csv",
        xlsx_label="下载 Excel（项目与线状工程，含说明）",
        csv_label="下载项目 CSV",
        works_csv_label="下载线状工程 CSV",
        projects=projects,
        works=work_sheet,
        about=about,
    )


# Built on a download click, once per place and base: a second click or another visitor gets the same bytes.
@functools.lru_cache(maxsize=64)
def xlsx_bytes(place: str, links: exports_places.LinkBase) -> bytes:
    return exports_places.workbook_bytes(of_place(place), links)


@functools.lru_cache(maxsize=128)
def csv_bytes(place: str, sheet: str, links: exports_places.LinkBase) -> bytes:
    """``sheet``: 项目 or 线状工程."""
    found = of_place(place)
    return exports_places.csv_bytes(found.projects if sheet == PROJECTS_SHEET else found.works, links)
