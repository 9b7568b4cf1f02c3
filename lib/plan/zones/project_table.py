"""The projects as the page lists them: Chinese headers, district names, the source spelled out."""

from __future__ import annotations

import pandas as pd

from lib.plan.search import plan_link
from lib.plan.zones import places, tables

PROJECT_COLUMNS = {
    "name_zh": "项目",
    "category": "类别",
    "subcategory": "细类",
    "status": "状态",
    "districts": "区县",
    "zone": "功能区域",
    "source": "出处",
    "quote": "原文",
    "position": "位置",
    "link": "原文链接",
}
_PRECISION_WORDS = {"site": "项目所在地", "district": "只点到区县，未画点（计入区县名后的项数）", "none": "未上图"}


def source_label(box: str, chapter: str, section: str) -> str:
    """Where in the plan a project is named: 专栏12, or 正文第十章第一节 for the prose."""
    return box if box else f"正文{chapter}{section}"


def project_table(projects: pd.DataFrame, districts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Projects as the page shows them: Chinese headers, names for adcodes, the source spelled out."""
    districts = tables.load_districts() if districts is None else districts
    names = dict(zip(districts.adcode, districts.name_2016))
    zone_names = dict(zip(tables.load_zones().zone_id, tables.load_zones().name_zh))
    zone_of = places.project_zones(projects)
    position = projects.precision.map(_PRECISION_WORDS)
    position = position.where(projects.precision != "site", position + "（坐标：" + projects.site_source + "）")
    place = projects.chapter + projects.section
    unplaced = projects.precision == "none"
    source = (projects.box + "（" + place + "）").where(projects.box != "", "正文" + place)
    if "zone_id" in projects:
        # The zone the plan itself gives (第十章第二节's zone paragraphs, issue 23 §3), with its clause.
        stated = projects.zone_id.fillna("") != ""
        zone_source = "；功能区域据第十章第二节：“" + projects.zone_quote.fillna("") + "”"
        source = source.where(~stated, source + zone_source)
    shown = pd.DataFrame(
        {
            "project_id": projects.project_id,
            "name_zh": projects.name_zh,
            "category": projects.category,
            "subcategory": projects.subcategory,
            "status": projects.status,
            "districts": projects.district_adcodes.map(lambda v: "、".join(names[c] for c in tables.split_adcodes(v)) or "—"),
            "zone": zone_of.map(lambda z: zone_names.get(z, z)).where(~unplaced, "—"),
            "source": source,
            "quote": projects.quote,
            "position": position.where(~unplaced, "未上图：" + projects.note),
            "link": [plan_link(c, s) for c, s in zip(projects.chapter, projects.section)],
        }
    )
    return shown.rename(columns=PROJECT_COLUMNS).reset_index(drop=True)


WORK_COLUMNS = {
    "name_zh": "工程",
    "kind": "类别",
    "status": "状态",
    "districts": "名称所写区县",
    "source": "出处",
    "quote": "原文",
    "map": "地图上",
    "link": "原文链接",
}


def work_table(works: pd.DataFrame, districts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Linear works as the page lists them: the districts their names name, and whether a 示意 link is drawn, or why not."""
    districts = tables.load_districts() if districts is None else districts
    names = dict(zip(districts.adcode, districts.name_2016))
    shown = pd.DataFrame(
        {
            "name_zh": works.name_zh,
            "kind": works.kind,
            "status": works.status,
            "districts": works.district_adcodes.map(lambda v: "、".join(names[c] for c in tables.split_adcodes(v)) or "—"),
            "source": (works.box + "（" + works.chapter + works.section + "）").where(
                works.box != "", "正文" + works.chapter + works.section
            ),
            "quote": works.quote,
            "map": pd.Series("示意连线（开启“线状工程示意”后显示）", index=works.index).where(works.schematic, "不画线：" + works.reason),
            "link": [plan_link(c, s) for c, s in zip(works.chapter, works.section)],
        }
    )
    return shown.rename(columns=WORK_COLUMNS).reset_index(drop=True)
