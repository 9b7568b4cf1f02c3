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
from lib.present import exports_places, routes
from lib.present.blocks import Target
from lib.present.exports import ABOUT_SHEET, unredacted
from lib.present.i18n import N_, ZH_CN
from lib.present.maps.words import Words
from lib.views.plan_reader import reader_target
from lib.views.zones_map import listing
from lib.views.zones_map import place as places

LINK = zones.PROJECT_COLUMNS["link"]  # 原文链接: filled in by the renderer, an absolute address
LINE = "规划原文行号"
CODES = "区县代码"
PROJECTS_SHEET, WORKS_SHEET = "项目", "线状工程"  # the sheets' keys (and their 简体 names)
ABOUT_HEADERS = ("项目", "内容")
# Where one 简体 word names two things (项目: a project, the Projects sheet, the 说明 sheet's Item column),
# English needs a msgid each: the word with what it names. 简体 and 繁體 keep the word itself.
SHEETS_IN_ENGLISH = {PROJECTS_SHEET: N_("项目（工作表名）"), WORKS_SHEET: N_("线状工程（工作表名）"), ABOUT_SHEET: N_("说明（工作表名）")}
ABOUT_HEADERS_IN_ENGLISH = {ABOUT_HEADERS[0]: N_("项目（说明表列名）"), ABOUT_HEADERS[1]: N_("内容（说明表列名）")}


def _named(word: str, words: Words, in_english: dict[str, str] = SHEETS_IN_ENGLISH) -> str:
    return words._(in_english[word]) if words.english else words.text(word)


# The plan's title and date as the 说明 sheet names them (lib.engine.tables), for the catalogs.
PLAN_WORDS = (N_("《重庆市国民经济和社会发展第十三个五年规划纲要》"), N_("2016年2月"))


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
    lang: str = ZH_CN
    about_sheet: str = ABOUT_SHEET  # the sheet's name and its two headers, in the language
    about_headers: tuple[str, str] = ABOUT_HEADERS
    link_header: str = LINK


def _text(value, words: Words) -> str | None:
    """A cell as the file holds it: empty as none; a quoted column stays as printed, the rest was translated (listing)."""
    return None if value is None or pd.isna(value) or value == "" else unredacted(value)


def _codes(value: str, words: Words) -> str | None:
    return words.join(tables.split_adcodes(value)) or None


def _sheet(key: str, listed: pd.DataFrame, rows: pd.DataFrame, extra: dict[str, list], words: Words) -> Sheet:
    """``listed`` (a page table: 简体 keys) numbered, with the ``extra`` columns after 区县; links from ``rows``; headers in the language."""
    shown = listed.drop(columns=[LINK, *(["project_id"] if "project_id" in listed else [])])
    headers = list(shown.columns)
    at = headers.index(zones.PROJECT_COLUMNS["districts"] if key == PROJECTS_SHEET else zones.WORK_COLUMNS["districts"]) + 1
    columns = {"序号": list(range(1, len(shown) + 1))}
    for header in headers[:at]:
        columns[header] = [_text(v, words) for v in shown[header]]
    columns[CODES] = [_codes(v, words) for v in rows.district_adcodes]
    for header in headers[at:]:
        columns[header] = [_text(v, words) for v in shown[header]]
    columns[LINE] = [int(v) for v in rows.line]
    columns |= extra
    body = tuple(zip(*columns.values())) if len(shown) else ()
    links = tuple(routes.with_lang(reader_target(chapter, section), words.lang) for chapter, section in zip(rows.chapter, rows.section))
    return Sheet(_named(key, words), listing.headers(columns, words), body, links)


def _coordinates(rows: pd.DataFrame) -> dict[str, list]:
    """A site's longitude and latitude; none for a project the plan places only in a district (no site to give)."""
    sited = rows.precision == "site"
    return {
        "经度": [float(v) if s else None for v, s in zip(rows.lon, sited)],
        "纬度": [float(v) if s else None for v, s in zip(rows.lat, sited)],
    }


def file_stem(place: str, lang: str = ZH_CN) -> str:
    """The place as a reader names it: 重庆市全市, 渝东北生态涵养发展区, 开县（今开州区）; Chongqing (whole city), Kai County (now Kaizhou District)."""
    if place == zones.ALL:
        return Words(lang)._("重庆市全市")
    return listing.place_labels(lang)[place].split(" · ", 1)[-1]


def rule(place: str, lang: str = ZH_CN) -> str:
    """Which projects and works a place lists, in words (lib.plan.zones.places.projects_at and works_at)."""
    _ = Words(lang)._
    repeat = _("一项写明几个区县的，在每个区县都列出，所以各地之和大于全市总数。")
    if place == zones.ALL:
        return _("全市：规划专栏和正文点名的全部项目与线状工程。")
    if place in set(zones.ZONE_IDS):
        return (
            _(
                "功能区域：所辖区县（含被内环分为两个功能区域的区县）写明的项目，加上规划第十章第二节写明在本区域而未写区县的项目，"
                "减去该节写明在其他功能区域的项目；本区域之内的在前，位置跨区/未定的在后（见“功能区域”列）。"
                "线状工程：名称写明本区域任一区县的。"
            )
            + repeat
        )
    return _("区县：写明本区县的项目，以及名称写明本区县的线状工程。") + repeat


def _sources(projects: pd.DataFrame, works: pd.DataFrame, words: Words) -> str:
    _ = words._
    boxes = sorted({b for b in [*projects.box, *works.box] if b}, key=lambda b: int(b.removeprefix("专栏")))
    prose = bool((projects.box == "").any() or (works.box == "").any())
    named = words.join(words.place("", "", b) for b in boxes)
    where = _("{boxes}及正文").format(boxes=named) if boxes and prose else named if boxes else _("正文") if prose else ""
    return _(
        "{title}（{issued}）{where}；逐项出处见“出处”列，原句见“原文”列，{line}为规划全文（data/source/plan.txt）的行；"
        "表格数据：data/projects.csv、data/linear_works.csv"
    ).format(title=_(PLAN_TITLE), issued=_(PLAN_ISSUED), where=(" " if words.english and where else "") + where, line=_(LINE))


@functools.cache
def of_place(place: str, lang: str = ZH_CN) -> Downloads:
    """What 下载 offers for ``place`` (the city, a zone id or an adcode) in ``lang``: its two lists and the 说明."""
    words = Words(lang)
    _ = words._
    listed_rows, _undetermined = places.listed_projects(place)
    works = zones.works_at(place)
    projects = _sheet(PROJECTS_SHEET, listing.project_table(listed_rows, words), listed_rows, _coordinates(listed_rows), words)
    work_sheet = _sheet(WORKS_SHEET, listing.work_table(works, words), works, {}, words)
    stem, label = file_stem(place, lang), listing.place_labels(lang)[place]
    members = ""
    if place in set(zones.ZONE_IDS):
        names = [words.district(name) for name in zones.districts_of_zone(place).name_2016]
        members = _("（{count} 个区县：{names}）").format(count=len(names), names=words.join(names))
    about = (
        (_("标题"), _("{place}：规划点名的项目与线状工程").format(place=stem)),
        (_("所选"), label + members),
        (_("计入规则"), rule(place, lang)),
        (projects.name, _("{count} 项，与页面“规划点名项目”表同序").format(count=len(projects.rows))),
        (work_sheet.name, _("{count} 项，与页面“线状工程”表同序").format(count=len(work_sheet.rows))),
        (_("来源"), _sources(listed_rows, works, words)),
        (_("坐标"), _("经度、纬度只填有来源坐标的项目所在地（坐标来源见“位置”列）；其余项目规划只写到区县，不给坐标，留空")),
        (_("数据日期"), _("{issued}（规划印发）：项目与线状工程均照规划所写，未跟踪此后的建设进展").format(issued=_(PLAN_ISSUED))),
    )
    return Downloads(
        heading=_("下载"),
        note=_("{place}的规划点名项目 {projects} 项、线状工程 {works} 项；Excel 另有“说明”表（所选、计入规则、来源、数据日期）。").format(
            place=stem, projects=len(projects.rows), works=len(work_sheet.rows)
        ),
        place_name=stem,
        xlsx_name=_("{place}_项目.xlsx").format(place=stem),
        csv_name=_("{place}_项目.csv").format(place=stem),
        works_csv_name=_("{place}_线状工程.csv").format(place=stem),
        xlsx_label=_("下载 Excel（项目与线状工程，含说明）"),
        csv_label=_("下载项目 CSV"),
        works_csv_label=_("下载线状工程 CSV"),
        projects=projects,
        works=work_sheet,
        about=about,
        lang=lang,
        about_sheet=_named(ABOUT_SHEET, words),
        about_headers=tuple(_named(header, words, ABOUT_HEADERS_IN_ENGLISH) for header in ABOUT_HEADERS),
        link_header=_(LINK),
    )


# Built on a download click, once per place, base and language: a second click or another visitor gets the same bytes.
@functools.lru_cache(maxsize=64)
def xlsx_bytes(place: str, links: exports_places.LinkBase, lang: str = ZH_CN) -> bytes:
    return exports_places.workbook_bytes(of_place(place, lang), links)


@functools.lru_cache(maxsize=128)
def csv_bytes(place: str, sheet: str, links: exports_places.LinkBase, lang: str = ZH_CN) -> bytes:
    """``sheet``: PROJECTS_SHEET or WORKS_SHEET (the keys, in any language)."""
    found = of_place(place, lang)
    return exports_places.csv_bytes(found.projects if sheet == PROJECTS_SHEET else found.works, links, found.link_header)
