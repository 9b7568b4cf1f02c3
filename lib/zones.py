"""The five functional zones, the 38 districts, and the sited projects of the plan.

Four tables under ``data/`` and one GeoJSON under ``geo/``; each loads,
validated, with one call. Pages wrap the loaders in ``st.cache_data``; here
they are cached per process and hand out copies.

The zone names are redacted (``***``) in this copy of the plan, so which
district lies in which zone comes from the 2013 designation, not from the
plan; ``data/README.md`` says so beside every table.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pandera.pandas as pa
from shapely.geometry import shape

from lib.schemas import columns, schema
from lib.search import plan_link
from lib.validation import DATA_DIR, DataFileError, read_csv, read_once, require_references, validate

GEOJSON_PATH = Path(__file__).resolve().parent.parent / "geo" / "districts.geojson"
PATHS = {
    "zones": DATA_DIR / "zones.csv",
    "districts": DATA_DIR / "districts.csv",
    "district_zones": DATA_DIR / "district_zones.csv",
    "projects": DATA_DIR / "projects.csv",
}

# An Albers equal-area projection centred on Chongqing, for areas in km².
EQUAL_AREA_CRS = "+proj=aea +lat_1=28.5 +lat_2=31.5 +lat_0=0 +lon_0=107.7 +ellps=WGS84 +units=m +no_defs"
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
)
PRECISIONS = (
    "site",  # the project's own coordinates, checked against its district
    "district",  # the representative point of its district(s): where it is, not known to us
    "none",  # not placed: no district can be named without guessing, or outside Chongqing
)
DISTRICT_BASES = (
    "named",  # the district's name is in the quote
    "located",  # the place in the quote lies in that district (a gazetteer fact, listed in data/README.md)
    "",  # no district (precision none)
)
_ADCODE = r"50(01|02)\d\d"


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
    "adcode": ("str", _text(unique=True, pattern=_ADCODE, description="GB/T 2260 code")),
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
    "adcode": ("str", _text(pattern=_ADCODE)),
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
    "district_adcodes": ("str", _text(required=False, pattern=rf"{_ADCODE}(;{_ADCODE})*", description="Semicolon-separated")),
    "district_basis": ("str", _text(DISTRICT_BASES, description="How the district is known: named in the quote, or located")),
    "box": ("str", _text(required=False, pattern=r"专栏\d+", description="专栏N, empty for the prose")),
    "chapter": ("str", _text(pattern=r"第[一二三四五六七八九十]+章")),
    "section": ("str", _text(required=False, pattern=r"第[一二三四五六七八九十]+节")),
    "line": ("int", pa.Column("Int64", pa.Check.ge(1), description="Line of data/source/plan.txt holding the quote")),
    "quote": ("str", _text(description="Verbatim substring of the box text (or the line, for the prose)")),
    "lon": ("float", pa.Column(float, pa.Check.in_range(BOUNDS[0], BOUNDS[2]), nullable=True)),
    "lat": ("float", pa.Column(float, pa.Check.in_range(BOUNDS[1], BOUNDS[3]), nullable=True)),
    "precision": ("str", _text(PRECISIONS, description="site, district (representative point) or none")),
    "note": ("str", _text(required=False, description="Why a project is unplaced, or what a site is")),
}


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
        if row.precision == "none":
            if placed or adcodes or row.district_basis or not row.note:
                raise DataFileError(path, "an unplaced project has no coordinates and no district, and says why in note", row=line)
        else:
            if not placed:
                raise DataFileError(path, f"precision {row.precision!r} needs lon and lat", row=line)
            if not adcodes or not row.district_basis:
                raise DataFileError(path, "a placed project needs its district(s) and district_basis", row=line)
        if row.box and not row.section:
            raise DataFileError(path, "a 专栏 always stands in a section", row=line)
    return frame


def split_adcodes(value: str) -> list[str]:
    return [code for code in str(value).split(";") if code]


load_zones = read_once(read_zones)
load_districts = read_once(read_districts)
load_district_zones = read_once(read_district_zones)
load_projects = read_once(read_projects)


@functools.cache
def _geojson_text(path: Path = GEOJSON_PATH) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(path, "the file is missing; rebuild it with python -m geo.build_districts") from None


def load_boundaries(path: Path = GEOJSON_PATH) -> dict:
    """The committed GeoJSON as a dict (a fresh copy: callers may edit it)."""
    try:
        collection = json.loads(_geojson_text(path))
    except json.JSONDecodeError as error:
        raise DataFileError(path, f"not valid JSON ({error.msg} at line {error.lineno})") from None
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        raise DataFileError(path, "not a GeoJSON FeatureCollection")
    for number, feature in enumerate(features, 1):
        adcode = str((feature.get("properties") or {}).get("adcode", ""))
        if not re.fullmatch(_ADCODE, adcode):
            raise DataFileError(path, f"feature {number} has no valid adcode")
    return collection


def load_district_shapes(path: Path = GEOJSON_PATH) -> gpd.GeoDataFrame:
    """One row per district: adcode, label point and geometry, in WGS 84."""
    collection = load_boundaries(path)
    records = [
        {**feature["properties"], "geometry": shape(feature["geometry"])} for feature in collection["features"]
    ]
    frame = gpd.GeoDataFrame(records, geometry="geometry", crs="EPSG:4326")
    frame["adcode"] = frame["adcode"].astype(str)
    return frame


def zones_of_district(adcode: str) -> pd.DataFrame:
    """The zone(s) a district lies in, with the part (全域/内环以内/内环以外)."""
    links = load_district_zones()
    zones = load_zones()
    rows = links[links.adcode == adcode].merge(zones, on="zone_id")
    return rows.sort_values("position").reset_index(drop=True)


def districts_of_zone(zone_id: str) -> pd.DataFrame:
    """The districts in a zone, wholly or in part, in adcode order."""
    links = load_district_zones()
    districts = load_districts()
    rows = links[links.zone_id == zone_id].merge(districts, on="adcode")
    return rows.sort_values("adcode").reset_index(drop=True)


def projects_in(adcodes: set[str] | list[str]) -> pd.DataFrame:
    """Projects with at least one of their districts in ``adcodes``."""
    wanted = set(adcodes)
    projects = load_projects()
    mask = projects.district_adcodes.map(lambda value: bool(wanted & set(split_adcodes(value))))
    return projects[mask].reset_index(drop=True)


def projects_at(place: str) -> pd.DataFrame:
    """The projects listed for a place: all of them for the city, else those in its districts."""
    return load_projects() if place == ALL else projects_in(place_districts(place))


def category_counts(projects: pd.DataFrame) -> dict[str, int]:
    """Projects per category in the fixed category order; categories with none are left out."""
    counts = projects.category.value_counts()
    return {category: int(counts[category]) for category in CATEGORIES if category in counts}


ALL = "all"  # the whole municipality, the page's default place


def place_ids() -> list[str]:
    """What a visitor can select: the whole city, a zone id, or a district adcode."""
    return [ALL, *load_zones().zone_id, *load_districts().adcode]


def place_label(place: str) -> str:
    return _place_labels().get(place, place)


@functools.cache
def _place_labels() -> dict[str, str]:
    # Looked up once per option on every rerun (the selectbox's format_func), so built once.
    labels = {ALL: "全市（五大功能区域）"}
    labels |= {z.zone_id: f"功能区域 · {z.name_zh}" for z in load_zones().itertuples()}
    labels |= {d.adcode: f"区县 · {d.name_2016}" for d in load_districts().itertuples()}
    return labels


def place_districts(place: str) -> list[str]:
    """Adcodes a place covers: a zone's districts (split ones included), one district, or none for the city."""
    if place == ALL:
        return []
    if place in set(load_zones().zone_id):
        return list(districts_of_zone(place).adcode)
    return [place] if place in set(load_districts().adcode) else []


PROJECT_COLUMNS = {
    "name_zh": "项目",
    "category": "类别",
    "subcategory": "细类",
    "status": "状态",
    "districts": "区县",
    "source": "出处",
    "quote": "原文",
    "position": "位置",
    "link": "原文链接",
}
_PRECISION_WORDS = {"site": "项目所在地", "district": "区县代表点（示意）", "none": "未上图"}


def project_table(projects: pd.DataFrame, districts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Projects as the page shows them: Chinese headers, names for adcodes, the source spelled out."""
    districts = load_districts() if districts is None else districts
    names = dict(zip(districts.adcode, districts.name_2016))
    place = projects.chapter + projects.section
    unplaced = projects.precision == "none"
    shown = pd.DataFrame(
        {
            "project_id": projects.project_id,
            "name_zh": projects.name_zh,
            "category": projects.category,
            "subcategory": projects.subcategory,
            "status": projects.status,
            "districts": projects.district_adcodes.map(lambda v: "、".join(names[c] for c in split_adcodes(v)) or "—"),
            "source": (projects.box + "（" + place + "）").where(projects.box != "", "正文" + place),
            "quote": projects.quote,
            "position": projects.precision.map(_PRECISION_WORDS).where(~unplaced, "未上图：" + projects.note),
            "link": [plan_link(c, s) for c, s in zip(projects.chapter, projects.section)],
        }
    )
    return shown.rename(columns=PROJECT_COLUMNS).reset_index(drop=True)


# The map's tables, in the same form as lib.data.TABLES (title, schema, loader).
TABLES = {
    "zones": ("五大功能区域", ZONES, load_zones),
    "districts": ("38个区县", DISTRICTS, load_districts),
    "district_zones": ("区县所属功能区域", DISTRICT_ZONES, load_district_zones),
    "projects": ("规划点名的项目", PROJECTS, load_projects),
}
