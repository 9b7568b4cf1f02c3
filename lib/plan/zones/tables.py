"""The map's tables (zones, districts, district_zones, projects, linear_works, prose_places): the loaders, which read, validate and cross-check each (the schemas are in ``schemas``).

Each loads, validated, with one call, read once per process and handed out
as a copy (lib.plan.validation.read_once).

The zone names are redacted (``***``) in this copy of the plan, so which
district lies in which zone comes from the 2013 designation, not from the
plan; ``data/README.md`` says so beside every table.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib.plan.schemas import columns, schema
from lib.plan.validation import DataFileError, read_csv, read_once, require_references, validate

# The schemas live in lib.plan.zones.schemas; the constants other modules read as tables.X are re-exported here.
from lib.plan.zones.schemas import (  # noqa: F401
    BOUNDS,
    CATEGORIES,
    DISTRICT_ZONES,
    DISTRICTS,
    LINEAR_WORKS,
    PATHS,
    PROJECTS,
    PROSE_PLACES,
    ZONE_IDS,
    ZONE_PARAGRAPHS,
    ZONES,
)


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
