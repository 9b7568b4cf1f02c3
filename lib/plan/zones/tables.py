"""The map's tables (zones, districts, district_zones, projects, linear_works, prose_places): schemas and loaders.

Each loads, validated, with one call, read once per process and handed out
as a copy (lib.plan.validation.read_once).

The zone names are redacted (``***``) in this copy of the plan, so which
district lies in which zone comes from the 2013 designation, not from the
plan; ``data/README.md`` says so beside every table.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.plan.schemas import columns, schema
from lib.plan.validation import DATA_DIR, DataFileError, read_csv, read_once, require_references, validate

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
    "zone_id": ("str", _text(ZONE_IDS, unique=True, description="Stable id used in the other tables and the URL")),
    "position": ("int", pa.Column("Int64", pa.Check.in_range(1, 5), unique=True, description="Order the plan uses")),
    "name_zh": ("str", _text(unique=True, description="Zone name (redacted as *** in this copy of the plan)")),
    "name_en": ("str", _text(unique=True, description="English name")),
    "group_zh": ("str", _text(GROUPS, description="大都市区 or 大生态区, as 专栏2 备注2 uses them")),
    "group_en": ("str", _text(description="English name of the group")),
    "group_quote": ("str", _text(description="专栏2 备注2, the clause naming the group, verbatim")),
    "role_quote": ("str", _text(description="The zone's role: first sentence of its paragraph in 第十章第一节, verbatim")),
    "role_chapter": ("str", _text(["第十章"])),
    "role_section": ("str", _text(["第一节"])),
    "role_line": ("int", pa.Column("Int64", pa.Check.ge(1), description="Line of data/source/plan.txt")),
    "extent_2013": ("str", _text(description="Which districts the 2013 designation puts in the zone (summary)")),
    "designation": ("str", _text(description="Source of the zone assignment")),
}

DISTRICTS = {
    "adcode": ("str", _text(unique=True, pattern=ADCODE, description="GB/T 2260 code now (the key the boundaries use)")),
    "adcode_2016": (
        "str",
        _text(unique=True, pattern=r"50(01|02)\d\d", description="GB/T 2260 code in Feb 2016, when the plan was issued"),
    ),
    "name_2016": ("str", _text(unique=True, description="Official name when the plan was issued (Feb 2016)")),
    "name_current": ("str", _text(unique=True, description="Official name now")),
    "printed_as": ("str", _text(description="The form the plan prints, e.g. 石柱县 for 石柱土家族自治县")),
    "short_name": ("str", _text(unique=True, description="Name without 区/县 as used in project names, e.g. 万州")),
    "kind_2016": ("str", _text(KINDS, description="区, 县 or 自治县 in Feb 2016")),
    "kind_current": ("str", _text(KINDS, description="区, 县 or 自治县 now")),
    "primary_zone_id": ("str", _text(ZONE_IDS, description="The zone that fills the district on the map")),
    "split_zones": ("bool", pa.Column(bool, description="True where the district lies in two zones")),
    "note": ("str", _text(required=False)),
}

DISTRICT_ZONES = {
    "adcode": ("str", _text(pattern=ADCODE)),
    "zone_id": ("str", _text(ZONE_IDS)),
    "extent": ("str", _text(EXTENTS, description="全域, or which side of the Inner Ring expressway")),
    "is_primary": ("bool", pa.Column(bool, description="The zone used for the map fill")),
}

PROJECTS = {
    "project_id": ("str", _text(unique=True, pattern=r"(zl\d\d|text)-\d{3}", description="zlNN-… for 专栏NN, text-… for the prose")),
    "name_zh": ("str", _text(description="Project name; composed from the quote where the plan lists places only")),
    "category": ("str", _text(CATEGORIES)),
    "subcategory": ("str", _text(description="As the plan groups it: 国家级/市级, 大型/中型 …")),
    "status": ("str", _text(required=False, description="Stage as printed (建成, 新开工 …); empty where none is printed")),
    "district_adcodes": ("str", _text(required=False, pattern=rf"{ADCODE}(;{ADCODE})*", description="Semicolon-separated")),
    "district_basis": ("str", _text(DISTRICT_BASES, description="How the district is known: named in the quote, or located")),
    "box": ("str", _text(required=False, pattern=r"专栏\d+", description="专栏N, empty for the prose")),
    "chapter": ("str", _text(pattern=r"第[一二三四五六七八九十]+章")),
    "section": ("str", _text(required=False, pattern=r"第[一二三四五六七八九十]+节")),
    "line": ("int", pa.Column("Int64", pa.Check.ge(1), description="Line of data/source/plan.txt holding the quote")),
    "quote": ("str", _text(description="Verbatim substring of the box text (or the line, for the prose)")),
    "lon": ("float", pa.Column(float, pa.Check.in_range(BOUNDS[0], BOUNDS[2]), nullable=True)),
    "lat": ("float", pa.Column(float, pa.Check.in_range(BOUNDS[1], BOUNDS[3]), nullable=True)),
    "precision": (
        "str",
        _text(PRECISIONS, description="site (own coordinates), district (placed only in its district(s): counted there, no point) or none"),
    ),
    "site_source": (
        "str",
        _text(
            required=False,
            description="For a site: the named, licensed source of its coordinates and the id in it (airportsdata … IATA CKG)",
        ),
    ),
    "unplaced_reason": (
        "str",
        _text(UNPLACED_REASONS, required=False, description="For precision none: why, in one of a few words (counted in data/README.md)"),
    ),
    "note": ("str", _text(required=False, description="Why a project is unplaced, or what a site is")),
    "zone_id": (
        "str",
        _text(ZONE_IDS, required=False, description="The zone 第十章第二节 puts the item in, by the paragraph naming it; else empty"),
    ),
    "zone_basis": (
        "str",
        _text(ZONE_BASES, required=False, description="named: the paragraph names the item; located: the item stands at a place it names"),
    ),
    "zone_line": ("str", _text(required=False, pattern=r"[1-9]\d*", description="Line of data/source/plan.txt of that paragraph")),
    "zone_quote": ("str", _text(required=False, description="The clause of that paragraph naming the item or its place, verbatim")),
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
        _text(unique=True, pattern=r"(zl\d\d|text)-L\d\d", description="zlNN-Lnn for 专栏NN, text-Lnn for the prose, in the order printed"),
    ),
    "name_zh": ("str", _text(description="The work as printed")),
    "kind": ("str", _text(WORK_KINDS, description="铁路, 高速公路, 桥梁, 输变电, 气田 …")),
    "status": ("str", _text(required=False, description="Stage as printed; empty where none")),
    "box": ("str", _text(required=False, pattern=r"专栏\d+", description="专栏N, empty for the prose")),
    "chapter": ("str", _text(pattern=r"第[一二三四五六七八九十]+章")),
    "section": ("str", _text(pattern=r"第[一二三四五六七八九十]+节")),
    "line": ("int", pa.Column("Int64", pa.Check.ge(1), description="Line of data/source/plan.txt holding the quote")),
    "quote": ("str", _text(description="Verbatim substring of the box text (or the line, for the prose)")),
    "district_adcodes": (
        "str",
        _text(required=False, pattern=rf"{ADCODE}(;{ADCODE})*", description="The districts the work's name names, in the order named"),
    ),
    "named_places": ("str", _text(required=False, description="The names in the work's name that gave those districts, 、-separated")),
    "schematic": (
        "bool",
        pa.Column(bool, description="True where two or more districts are named: drawn as a dotted 示意 link between their points"),
    ),
    "reason": ("str", _text(required=False, description="Why no link is drawn (empty when schematic)")),
}


def read_linear_works(path: Path = PATHS["linear_works"], districts: pd.DataFrame | None = None) -> pd.DataFrame:
    districts = load_districts() if districts is None else districts
    frame = read_csv(path, columns(LINEAR_WORKS))
    frame = validate(path, frame, schema(LINEAR_WORKS, "linear_works"))
    known = set(districts.adcode)
    for index, row in frame.iterrows():
        if row.work_id.startswith("zl") != bool(row.box):
            raise DataFileError(path, "a zlNN- work stands in a 专栏 and a text- work in the prose (box empty)", row=index + 2)
        adcodes = split_adcodes(row.district_adcodes)
        if any(code not in known for code in adcodes):
            raise DataFileError(path, "district_adcodes names an unknown district", row=index + 2)
        if bool(row.schematic) != (len(adcodes) >= 2) or bool(row.schematic) == bool(row.reason):
            raise DataFileError(
                path, "a work is schematic exactly when two or more districts are named, and otherwise says why not", row=index + 2
            )
    return frame


# Why a place the prose names is no item of the map (prose_places.csv); counted in data/README.md.
PROSE_REASONS = ("历史（“十二五”成就）", "功能区域定位", "描述性提及", "重复已记录项目", "无具体建设内容")
PROSE_PLACES = {
    "mention_id": ("str", _text(unique=True, pattern=r"pp-\d{3}", description="编号 pp-NNN，按规划原文顺序")),
    "chapter": ("str", _text(pattern=r"第[一二三四五六七八九十]+章", description="章")),
    "section": ("str", _text(required=False, pattern=r"第[一二三四五六七八九十]+节", description="节；章的导语中为空")),
    "line": ("int", pa.Column("Int64", pa.Check.ge(1), description="data/source/plan.txt 的行号（正文，不在专栏内）")),
    "clause": ("str", _text(description="提到地名的分句，与原文逐字一致")),
    "places": ("str", _text(description="分句所写的地名，照原文，以“、”分隔")),
    "reason": ("str", _text(PROSE_REASONS, description="不作为地图项目的原因")),
    "repeats": (
        "str",
        _text(
            required=False,
            pattern=r"[A-Za-z0-9-]+(;[A-Za-z0-9-]+)*",
            description="原因为重复已记录项目时，所重复的项目编号（project_id 或 work_id），以“;”分隔",
        ),
    ),
    "note": ("str", _text(required=False, description="说明")),
}


def read_prose_places(
    path: Path = PATHS["prose_places"], projects: pd.DataFrame | None = None, works: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The prose's mentions of places that are no item of the map, each with its reason; a repeat names the rows it repeats."""
    projects = load_projects() if projects is None else projects
    works = load_linear_works() if works is None else works
    frame = read_csv(path, columns(PROSE_PLACES))
    frame = validate(path, frame, schema(PROSE_PLACES, "prose_places"))
    known = set(projects.project_id) | set(works.work_id)
    for index, row in frame.iterrows():
        ids = [i for i in row.repeats.split(";") if i]
        if (row.reason == "重复已记录项目") != bool(ids):
            raise DataFileError(path, "a repeat, and only a repeat, names the row(s) it repeats in repeats", row=index + 2)
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise DataFileError(path, f"repeats names {unknown[0]!r}, which is in neither projects.csv nor linear_works.csv", row=index + 2)
    return frame


def read_zones(path: Path = PATHS["zones"]) -> pd.DataFrame:
    frame = read_csv(path, columns(ZONES))
    frame = validate(path, frame, schema(ZONES, "zones"))
    return frame.sort_values("position").reset_index(drop=True)


def read_districts(path: Path = PATHS["districts"], zones: pd.DataFrame | None = None) -> pd.DataFrame:
    zones = load_zones() if zones is None else zones
    frame = read_csv(path, columns(DISTRICTS))
    frame = validate(path, frame, schema(DISTRICTS, "districts"))
    require_references(path, frame, "primary_zone_id", set(zones.zone_id), "zone")
    return frame.sort_values("adcode").reset_index(drop=True)


def read_district_zones(
    path: Path = PATHS["district_zones"], districts: pd.DataFrame | None = None, zones: pd.DataFrame | None = None
) -> pd.DataFrame:
    districts = load_districts() if districts is None else districts
    zones = load_zones() if zones is None else zones
    frame = read_csv(path, columns(DISTRICT_ZONES))
    frame = validate(path, frame, schema(DISTRICT_ZONES, "district_zones"))
    require_references(path, frame, "adcode", set(districts.adcode), "district")
    require_references(path, frame, "zone_id", set(zones.zone_id), "zone")
    pairs = frame.adcode + "/" + frame.zone_id
    if pairs.duplicated().any():
        index = int(pairs.duplicated().idxmax())
        raise DataFileError(path, f"district {frame.adcode[index]} is given zone {frame.zone_id[index]} twice", row=index + 2)
    missing = sorted(set(districts.adcode) - set(frame.adcode))
    if missing:
        raise DataFileError(path, f"no zone for district(s) {', '.join(missing)}")
    by_district = frame.groupby("adcode")
    for adcode, rows in by_district:
        district = districts.set_index("adcode").loc[adcode]
        primaries = rows[rows.is_primary]
        row = int(rows.index[0]) + 2
        if len(primaries) != 1:
            raise DataFileError(path, f"district {adcode} needs exactly one primary zone, has {len(primaries)}", row=row)
        if primaries.zone_id.iloc[0] != district.primary_zone_id:
            raise DataFileError(path, f"district {adcode}: primary zone differs from districts.csv", row=row)
        if bool(district.split_zones) != (len(rows) > 1):
            raise DataFileError(path, f"district {adcode}: split_zones in districts.csv says {district.split_zones}", row=row)
        if len(rows) > 1 and "全域" in set(rows.extent):
            raise DataFileError(path, f"district {adcode} is split, so no zone can cover it 全域", row=row)
    return frame.sort_values(["adcode", "zone_id"]).reset_index(drop=True)


def read_projects(path: Path = PATHS["projects"], districts: pd.DataFrame | None = None) -> pd.DataFrame:
    districts = load_districts() if districts is None else districts
    frame = read_csv(path, columns(PROJECTS))
    frame = validate(path, frame, schema(PROJECTS, "projects"))
    known = set(districts.adcode)
    for index, row in frame.iterrows():
        line = index + 2
        adcodes = split_adcodes(row.district_adcodes)
        unknown = [code for code in adcodes if code not in known]
        if unknown:
            raise DataFileError(path, f"district_adcodes names {unknown[0]!r}, which is not a known district", row=line)
        placed = pd.notna(row.lon) and pd.notna(row.lat)
        if (row.precision == "none") != bool(row.unplaced_reason):
            raise DataFileError(path, "an unplaced project, and only one, gives its unplaced_reason", row=line)
        if row.precision == "none":
            if placed or adcodes or row.district_basis or not row.note:
                raise DataFileError(path, "an unplaced project has no coordinates and no district, and says why in note", row=line)
        else:
            if not placed:
                raise DataFileError(path, f"precision {row.precision!r} needs lon and lat", row=line)
            if not adcodes or not row.district_basis:
                raise DataFileError(path, "a placed project needs its district(s) and district_basis", row=line)
        if (row.precision == "site") != bool(row.site_source):
            raise DataFileError(path, "a site needs site_source (where its coordinates come from), and only a site has one", row=line)
        if row.box and not row.section:
            raise DataFileError(path, "a 专栏 always stands in a section", row=line)
        _check_zone(path, line, row, adcodes)
    return frame


def _check_zone(path: Path, line: int, row: pd.Series, adcodes: list[str]) -> None:
    """A zone from 第十章第二节: all four columns or none, its paragraph's zone, and a district in that zone."""
    given = [bool(row.zone_id), bool(row.zone_basis), bool(row.zone_line), bool(row.zone_quote)]
    if not any(given):
        return
    if not all(given):
        raise DataFileError(path, "zone_id, zone_basis, zone_line and zone_quote go together", row=line)
    if ZONE_PARAGRAPHS.get(int(row.zone_line)) != row.zone_id:
        raise DataFileError(path, f"line {int(row.zone_line)} is not the paragraph of zone {row.zone_id!r} in 第十章第二节", row=line)
    links = load_district_zones()
    inside = set(links.adcode[links.zone_id == row.zone_id])
    if adcodes and not set(adcodes) & inside:
        raise DataFileError(path, f"zone {row.zone_id!r}, but none of its districts lies in it", row=line)


def split_adcodes(value: str) -> list[str]:
    return [code for code in str(value).split(";") if code]


load_zones = read_once(read_zones)
load_districts = read_once(read_districts)
load_district_zones = read_once(read_district_zones)
load_projects = read_once(read_projects)
load_linear_works = read_once(read_linear_works)
load_prose_places = read_once(read_prose_places)


# The map's tables, in the same form as lib.plan.data.TABLES (title, schema, loader).
TABLES = {
    "zones": ("五大功能区域", ZONES, load_zones),
    "districts": ("38个区县", DISTRICTS, load_districts),
    "district_zones": ("区县所属功能区域", DISTRICT_ZONES, load_district_zones),
    "projects": ("规划点名的项目", PROJECTS, load_projects),
    "linear_works": ("线状工程（示意）", LINEAR_WORKS, load_linear_works),
    "prose_places": ("正文提到但不上图的地名", PROSE_PLACES, load_prose_places),
}
