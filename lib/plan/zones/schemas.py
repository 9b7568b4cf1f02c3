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
    "zone_id": ("str", _text(ZONE_IDS, unique=True, description=N_("Stable id used in the other tables and the URL"))),
    "position": ("int", pa.Column("Int64", pa.Check.in_range(1, 5), unique=True, description=N_("Order the plan uses"))),
    "name_zh": ("str", _text(unique=True, description=N_("Zone name (redacted as *** in this copy of the plan)"))),
    "name_en": ("str", _text(unique=True, description=N_("English name"))),
    "group_zh": ("str", _text(GROUPS, description=N_("大都市区 or 大生态区, as 专栏2 备注2 uses them"))),
    "group_en": ("str", _text(description=N_("English name of the group"))),
    "group_quote": ("str", _text(description=N_("专栏2 备注2, the clause naming the group, verbatim"))),
    "role_quote": ("str", _text(description=N_("The zone's role: first sentence of its paragraph in 第十章第一节, verbatim"))),
    "role_chapter": ("str", _text(["第十章"])),
    "role_section": ("str", _text(["第一节"])),
    "role_line": ("int", pa.Column("Int64", pa.Check.ge(1), description=N_("Line of data/source/plan.txt"))),
    "extent_2013": ("str", _text(description=N_("Which districts the 2013 designation puts in the zone (summary)"))),
    "designation": ("str", _text(description=N_("Source of the zone assignment"))),
}

DISTRICTS = {
    "adcode": ("str", _text(unique=True, pattern=ADCODE, description=N_("GB/T 2260 code now (the key the boundaries use)"))),
    "adcode_2016": (
        "str",
        _text(unique=True, pattern=r"50(01|02)\d\d", description=N_("GB/T 2260 code in Feb 2016, when the plan was issued")),
    ),
    "name_2016": ("str", _text(unique=True, description=N_("Official name when the plan was issued (Feb 2016)"))),
    "name_current": ("str", _text(unique=True, description=N_("Official name now"))),
    "printed_as": ("str", _text(description=N_("The form the plan prints, e.g. 石柱县 for 石柱土家族自治县"))),
    "short_name": ("str", _text(unique=True, description=N_("Name without 区/县 as used in project names, e.g. 万州"))),
    "kind_2016": ("str", _text(KINDS, description=N_("区, 县 or 自治县 in Feb 2016"))),
    "kind_current": ("str", _text(KINDS, description=N_("区, 县 or 自治县 now"))),
    "primary_zone_id": ("str", _text(ZONE_IDS, description=N_("The zone that fills the district on the map"))),
    "split_zones": ("bool", pa.Column(bool, description=N_("True where the district lies in two zones"))),
    "note": ("str", _text(required=False)),
}

DISTRICT_ZONES = {
    "adcode": ("str", _text(pattern=ADCODE)),
    "zone_id": ("str", _text(ZONE_IDS)),
    "extent": ("str", _text(EXTENTS, description=N_("全域, or which side of the Inner Ring expressway"))),
    "is_primary": ("bool", pa.Column(bool, description=N_("The zone used for the map fill"))),
}

PROJECTS = {
    "project_id": ("str", _text(unique=True, pattern=r"(zl\d\d|text)-\d{3}", description=N_("zlNN-… for 专栏NN, text-… for the prose"))),
    "name_zh": ("str", _text(description=N_("Project name; composed from the quote where the plan lists places only"))),
    "category": ("str", _text(CATEGORIES)),
    "subcategory": ("str", _text(description=N_("As the plan groups it: 国家级/市级, 大型/中型 …"))),
    "status": ("str", _text(required=False, description=N_("Stage as printed (建成, 新开工 …); empty where none is printed"))),
    "district_adcodes": ("str", _text(required=False, pattern=rf"{ADCODE}(;{ADCODE})*", description=N_("Semicolon-separated"))),
    "district_basis": ("str", _text(DISTRICT_BASES, description=N_("How the district is known: named in the quote, or located"))),
    "box": ("str", _text(required=False, pattern=r"专栏\d+", description=N_("专栏N, empty for the prose"))),
    "chapter": ("str", _text(pattern=r"第[一二三四五六七八九十]+章")),
    "section": ("str", _text(required=False, pattern=r"第[一二三四五六七八九十]+节")),
    "line": ("int", pa.Column("Int64", pa.Check.ge(1), description=N_("Line of data/source/plan.txt holding the quote"))),
    "quote": ("str", _text(description=N_("Verbatim substring of the box text (or the line, for the prose)"))),
    "lon": ("float", pa.Column(float, pa.Check.in_range(BOUNDS[0], BOUNDS[2]), nullable=True)),
    "lat": ("float", pa.Column(float, pa.Check.in_range(BOUNDS[1], BOUNDS[3]), nullable=True)),
    "precision": (
        "str",
        _text(
            PRECISIONS, description=N_("site (own coordinates), district (placed only in its district(s): counted there, no point) or none")
        ),
    ),
    "site_source": (
        "str",
        _text(
            required=False,
            description=N_("For a site: the named, licensed source of its coordinates and the id in it (airportsdata … IATA CKG)"),
        ),
    ),
    "unplaced_reason": (
        "str",
        _text(
            UNPLACED_REASONS, required=False, description=N_("For precision none: why, in one of a few words (counted in data/README.md)")
        ),
    ),
    "note": ("str", _text(required=False, description=N_("Why a project is unplaced, or what a site is"))),
    "zone_id": (
        "str",
        _text(ZONE_IDS, required=False, description=N_("The zone 第十章第二节 puts the item in, by the paragraph naming it; else empty")),
    ),
    "zone_basis": (
        "str",
        _text(
            ZONE_BASES, required=False, description=N_("named: the paragraph names the item; located: the item stands at a place it names")
        ),
    ),
    "zone_line": ("str", _text(required=False, pattern=r"[1-9]\d*", description=N_("Line of data/source/plan.txt of that paragraph"))),
    "zone_quote": ("str", _text(required=False, description=N_("The clause of that paragraph naming the item or its place, verbatim"))),
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
        _text(
            unique=True, pattern=r"(zl\d\d|text)-L\d\d", description=N_("zlNN-Lnn for 专栏NN, text-Lnn for the prose, in the order printed")
        ),
    ),
    "name_zh": ("str", _text(description=N_("The work as printed"))),
    "kind": ("str", _text(WORK_KINDS, description=N_("铁路, 高速公路, 桥梁, 输变电, 气田 …"))),
    "status": ("str", _text(required=False, description=N_("Stage as printed; empty where none"))),
    "box": ("str", _text(required=False, pattern=r"专栏\d+", description=N_("专栏N, empty for the prose"))),
    "chapter": ("str", _text(pattern=r"第[一二三四五六七八九十]+章")),
    "section": ("str", _text(pattern=r"第[一二三四五六七八九十]+节")),
    "line": ("int", pa.Column("Int64", pa.Check.ge(1), description=N_("Line of data/source/plan.txt holding the quote"))),
    "quote": ("str", _text(description=N_("Verbatim substring of the box text (or the line, for the prose)"))),
    "district_adcodes": (
        "str",
        _text(required=False, pattern=rf"{ADCODE}(;{ADCODE})*", description=N_("The districts the work's name names, in the order named")),
    ),
    "named_places": ("str", _text(required=False, description=N_("The names in the work's name that gave those districts, 、-separated"))),
    "schematic": (
        "bool",
        pa.Column(bool, description=N_("True where two or more districts are named: drawn as a dotted 示意 link between their points")),
    ),
    "reason": ("str", _text(required=False, description=N_("Why no link is drawn (empty when schematic)"))),
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
