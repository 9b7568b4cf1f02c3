"""The map's tables' columns: each table's schema (type, checks, meaning), the allowed values and the files' paths.

The readers that load and cross-check them are ``tables``.
"""

from __future__ import annotations

import pandera.pandas as pa

from lib.plan.schemas import N_
from lib.plan.validation import DATA_DIR

PATHS = {
    "zones": DATA_DIR / "zones.csv",
    "districts": DATA_DIR / "districts.csv",
    "district_zones": DATA_DIR / "district_zones.csv",
    "projects": DATA_DIR / "projects.csv",
    "linear_works": DATA_DIR / "linear_works.csv",
    "prose_places": DATA_DIR / "prose_places.csv",
}

# Chongqing lies within this box (WGS 84); anything outside is a typo.
BOUNDS = (105.2, 28.1, 110.3, 32.3)

ZONE_IDS = ("core", "expansion", "new_area", "northeast", "southeast")
GROUPS = ("大都市区", "大生态区")
KINDS = ("区", "县", "自治县")
EXTENTS = ("全域", "内环以内", "内环以外")
CATEGORIES = (
    "物流园区",
    "物流配送",
    "机场",
    "铁路枢纽",
    "港口",
    "航道",
    "电厂",
    "风电",
    "抽水蓄能",
    "LNG",
    "水库",
    "水厂",
    "5A景区",
    "旅游度假区",
    "农业示范区",
    "商业商务集聚区",
    "园区与功能组团",
    "特色农业基地",
    "文化与公共设施",
    "油气设施",
)
UNPLACED_REASONS = ("市外", "未写明地点", "区县未能确认", "两江新区（非县级）", "无单一地点", "片区（跨多个区县）")
PRECISIONS = (
    "site",  # the project's own coordinates, checked against its district
    "district",  # placed only in its district(s): counted with the district, never drawn as a point
    "none",  # not placed: no district can be named without guessing, or outside Chongqing
)
# How 第十章第二节 puts an item in a zone: its paragraph names the item (中央商务区, 观音桥 …),
# or names the place the item stands at (大学城 for 大学城水厂).
ZONE_BASES = ("named", "located")
# The zone paragraphs of 第十章第二节, in the plan's fixed zone order (the names are redacted, ***):
# line → zone. Each opens with the zone's redacted name, in the order of 第十章第一节 and 专栏2 备注2.
ZONE_PARAGRAPHS = {497: "core", 498: "expansion", 502: "new_area", 503: "northeast", 504: "southeast"}
DISTRICT_BASES = (
    "named",  # the district's name is in the quote
    "located",  # the place in the quote lies in that district (a gazetteer fact, listed in data/README.md)
    "",  # no district (precision none)
)
ADCODE = r"50(01|02)\d\d"


def _text(allowed=None, required=True, unique=False, pattern=None, description=""):
    checks = []
    if allowed is not None:
        checks.append(pa.Check.isin(list(allowed) + ([] if required else [""])))
    elif required:
        checks.append(pa.Check.str_length(min_value=1))
    if pattern:
        checks.append(pa.Check.str_matches(f"(?:{pattern})$" if required else f"(?:{pattern})?$"))
    return pa.Column(str, checks=checks, unique=unique, description=description)


ZONES = {
    "zone_id": ("str", _text(ZONE_IDS, unique=True, description=N_("稳定编号，其他表与网址中使用"))),
    "position": ("int", pa.Column("Int64", pa.Check.in_range(1, 5), unique=True, description=N_("规划原文的排列顺序"))),
    "name_zh": ("str", _text(unique=True, description=N_("功能区域名称（本规划文本中以 *** 隐去）"))),
    "name_en": ("str", _text(unique=True, description=N_("英文名称"))),
    "group_zh": ("str", _text(GROUPS, description=N_("大都市区或大生态区，按专栏2备注2的用法"))),
    "group_en": ("str", _text(description=N_("分组的英文名称"))),
    "group_quote": ("str", _text(description=N_("专栏2备注2中点出该分组的分句，照原文"))),
    "role_quote": ("str", _text(description=N_("功能区域的定位：第十章第一节中该区域段落的第一句，照原文"))),
    "role_chapter": ("str", _text(["第十章"])),
    "role_section": ("str", _text(["第一节"])),
    "role_line": ("int", pa.Column("Int64", pa.Check.ge(1), description=N_("data/source/plan.txt 的行号"))),
    "extent_2013": ("str", _text(description=N_("2013年划定时该区域包括哪些区县（摘要）"))),
    "designation": ("str", _text(description=N_("功能区域划分的出处"))),
}

DISTRICTS = {
    "adcode": ("str", _text(unique=True, pattern=ADCODE, description=N_("现行 GB/T 2260 代码（边界数据按此对应）"))),
    "adcode_2016": (
        "str",
        _text(unique=True, pattern=r"50(01|02)\d\d", description=N_("2016年2月规划印发时的 GB/T 2260 代码")),
    ),
    "name_2016": ("str", _text(unique=True, description=N_("规划印发时（2016年2月）的正式名称"))),
    "name_current": ("str", _text(unique=True, description=N_("现行正式名称"))),
    "printed_as": ("str", _text(description=N_("规划原文的写法，如石柱土家族自治县写作石柱县"))),
    "short_name": ("str", _text(unique=True, description=N_("去掉“区”“县”的简称，项目名称中这样用，如万州"))),
    "kind_2016": ("str", _text(KINDS, description=N_("2016年2月时为区、县或自治县"))),
    "kind_current": ("str", _text(KINDS, description=N_("现为区、县或自治县"))),
    "primary_zone_id": ("str", _text(ZONE_IDS, description=N_("地图上填充该区县的功能区域"))),
    "split_zones": ("bool", pa.Column(bool, description=N_("区县分属两个功能区域时为真"))),
    "note": ("str", _text(required=False)),
}

DISTRICT_ZONES = {
    "adcode": ("str", _text(pattern=ADCODE)),
    "zone_id": ("str", _text(ZONE_IDS)),
    "extent": ("str", _text(EXTENTS, description=N_("全域，或位于内环快速路哪一侧"))),
    "is_primary": ("bool", pa.Column(bool, description=N_("地图填色所用的功能区域"))),
}

PROJECTS = {
    "project_id": ("str", _text(unique=True, pattern=r"(zl\d\d|text)-\d{3}", description=N_("专栏NN为 zlNN-…，正文为 text-…"))),
    "name_zh": ("str", _text(description=N_("项目名称；规划只列地名处，由原文组成"))),
    "category": ("str", _text(CATEGORIES)),
    "subcategory": ("str", _text(description=N_("规划原文的分组：国家级/市级、大型/中型等"))),
    "status": ("str", _text(required=False, description=N_("原文所写的阶段（建成、新开工等）；原文未写则空"))),
    "district_adcodes": ("str", _text(required=False, pattern=rf"{ADCODE}(;{ADCODE})*", description=N_("以分号分隔"))),
    "district_basis": ("str", _text(DISTRICT_BASES, description=N_("区县从何得知：原文写明（named），或按地点确定（located）"))),
    "box": ("str", _text(required=False, pattern=r"专栏\d+", description=N_("专栏N；正文中为空"))),
    "chapter": ("str", _text(pattern=r"第[一二三四五六七八九十]+章")),
    "section": ("str", _text(required=False, pattern=r"第[一二三四五六七八九十]+节")),
    "line": ("int", pa.Column("Int64", pa.Check.ge(1), description=N_("原文所在的 data/source/plan.txt 行号"))),
    "quote": ("str", _text(description=N_("与专栏文字（正文则为该行）逐字一致的片段"))),
    "lon": ("float", pa.Column(float, pa.Check.in_range(BOUNDS[0], BOUNDS[2]), nullable=True)),
    "lat": ("float", pa.Column(float, pa.Check.in_range(BOUNDS[1], BOUNDS[3]), nullable=True)),
    "precision": (
        "str",
        _text(PRECISIONS, description=N_("site（有自己的坐标），district（只定到所在区县：在区县中计数，不画点）或 none")),
    ),
    "site_source": (
        "str",
        _text(
            required=False,
            description=N_("site 的坐标来源：注明名称与许可的数据源及其中的编号（airportsdata … IATA CKG）"),
        ),
    ),
    "unplaced_reason": (
        "str",
        _text(
            UNPLACED_REASONS, required=False, description=N_("precision 为 none 时的原因，取几个固定说法之一（data/README.md 中有计数）")
        ),
    ),
    "note": ("str", _text(required=False, description=N_("项目为何未定位，或该地点是什么"))),
    "zone_id": (
        "str",
        _text(ZONE_IDS, required=False, description=N_("第十章第二节按写到该项的段落将其归入的功能区域；否则为空")),
    ),
    "zone_basis": (
        "str",
        _text(ZONE_BASES, required=False, description=N_("named：段落写明该项；located：该项位于段落写明的地点")),
    ),
    "zone_line": ("str", _text(required=False, pattern=r"[1-9]\d*", description=N_("该段落在 data/source/plan.txt 中的行号"))),
    "zone_quote": ("str", _text(required=False, description=N_("该段落中写到该项或其地点的分句，照原文"))),
}


WORK_KINDS = (
    "铁路",
    "高速公路",
    "城市轨道与市郊铁路",
    "桥梁",
    "隧道",
    "城市道路",
    "输变电",
    "油气管道",
    "气田",
    "引调水与防洪",
    "流域治理",
)
LINEAR_WORKS = {
    "work_id": (
        "str",
        _text(unique=True, pattern=r"(zl\d\d|text)-L\d\d", description=N_("专栏NN为 zlNN-Lnn，正文为 text-Lnn，按原文顺序")),
    ),
    "name_zh": ("str", _text(description=N_("工程名称，照原文"))),
    "kind": ("str", _text(WORK_KINDS, description=N_("铁路、高速公路、桥梁、输变电、气田等"))),
    "status": ("str", _text(required=False, description=N_("原文所写的阶段；原文未写则空"))),
    "box": ("str", _text(required=False, pattern=r"专栏\d+", description=N_("专栏N；正文中为空"))),
    "chapter": ("str", _text(pattern=r"第[一二三四五六七八九十]+章")),
    "section": ("str", _text(pattern=r"第[一二三四五六七八九十]+节")),
    "line": ("int", pa.Column("Int64", pa.Check.ge(1), description=N_("原文所在的 data/source/plan.txt 行号"))),
    "quote": ("str", _text(description=N_("与专栏文字（正文则为该行）逐字一致的片段"))),
    "district_adcodes": (
        "str",
        _text(required=False, pattern=rf"{ADCODE}(;{ADCODE})*", description=N_("工程名称写到的区县，按写到的顺序")),
    ),
    "named_places": ("str", _text(required=False, description=N_("工程名称中据以确定这些区县的地名，以“、”分隔"))),
    "schematic": (
        "bool",
        pa.Column(bool, description=N_("写到两个及以上区县时为真：在其点之间画虚线示意连线")),
    ),
    "reason": ("str", _text(required=False, description=N_("不画连线的原因（schematic 为真时为空）"))),
}


# Why a place the prose names is no item of the map (prose_places.csv); counted in data/README.md.
PROSE_REASONS = ("历史（“十二五”成就）", "功能区域定位", "描述性提及", "重复已记录项目", "无具体建设内容")
PROSE_PLACES = {
    "mention_id": ("str", _text(unique=True, pattern=r"pp-\d{3}", description=N_("编号 pp-NNN，按规划原文顺序"))),
    "chapter": ("str", _text(pattern=r"第[一二三四五六七八九十]+章", description=N_("章"))),
    "section": ("str", _text(required=False, pattern=r"第[一二三四五六七八九十]+节", description=N_("节；章的导语中为空"))),
    "line": ("int", pa.Column("Int64", pa.Check.ge(1), description=N_("data/source/plan.txt 的行号（正文，不在专栏内）"))),
    "clause": ("str", _text(description=N_("提到地名的分句，与原文逐字一致"))),
    "places": ("str", _text(description=N_("分句所写的地名，照原文，以“、”分隔"))),
    "reason": ("str", _text(PROSE_REASONS, description=N_("不作为地图项目的原因"))),
    "repeats": (
        "str",
        _text(
            required=False,
            pattern=r"[A-Za-z0-9-]+(;[A-Za-z0-9-]+)*",
            description=N_("原因为重复已记录项目时，所重复的项目编号（project_id 或 work_id），以“;”分隔"),
        ),
    ),
    "note": ("str", _text(required=False, description=N_("说明"))),
}
